package main

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// measurement is one run of a child process.
type measurement struct {
	Wall, CPU float64 // seconds: elapsed, and user+system time of the process and its children
	Stdout    string
}

// seconds returns the measurement's figure for the chosen metric.
func (m measurement) seconds(metric string) float64 {
	if metric == "wall" {
		return m.Wall
	}
	return m.CPU
}

// timeoutError is the error of a run stopped at its time limit.
type timeoutError struct{ limit time.Duration }

func (e timeoutError) Error() string {
	return fmt.Sprintf("stopped after %v (the time limit)", e.limit)
}

// runTimed runs argv with stdin as input and returns its times and output. A non-zero exit,
// or a run longer than timeout, is an error carrying the end of its standard error.
func runTimed(timeout time.Duration, stdin string, argv ...string) (measurement, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if stdin != "" {
		cmd.Stdin = strings.NewReader(stdin)
	}
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start).Seconds()
	if ctx.Err() != nil {
		return measurement{}, timeoutError{timeout}
	}
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 300 {
			msg = "..." + msg[len(msg)-300:]
		}
		return measurement{}, fmt.Errorf("%v: %s", err, msg)
	}
	ps := cmd.ProcessState
	return measurement{
		Wall:   wall,
		CPU:    (ps.UserTime() + ps.SystemTime()).Seconds(),
		Stdout: stdout.String(),
	}, nil
}
