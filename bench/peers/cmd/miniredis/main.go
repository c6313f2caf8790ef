// Command miniredis runs an embedded-scripting job (JSON on standard input, the format of
// the driver's runner.Job) on github.com/alicebob/miniredis/v2 in process: the commands go
// straight to the server's Dispatch with a peer writing into a buffer, without a network
// round trip. It prints the result (runner.Result's format) as JSON.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"syscall"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/alicebob/miniredis/v2/server"
)

// job mirrors runner.Job of the main module.
type job struct {
	Setup  [][]string `json:"setup"`
	Script string     `json:"script"`
	Keys   []string   `json:"keys"`
	Args   [][]string `json:"args"`
	Sha    bool       `json:"sha"`
	Warmup int        `json:"warmup"`
	Calls  int        `json:"calls"`
	MinSec float64    `json:"min_seconds"`
}

// result mirrors runner.Result of the main module.
type result struct {
	First       string  `json:"first"`
	Last        string  `json:"last"`
	Calls       int     `json:"calls"`
	WallSeconds float64 `json:"wall_seconds"`
	CPUSeconds  float64 `json:"cpu_seconds"`
	Mallocs     uint64  `json:"mallocs"`
	Bytes       uint64  `json:"bytes"`
}

func main() {
	var j job
	if err := json.NewDecoder(os.Stdin).Decode(&j); err != nil {
		fail(fmt.Errorf("reading the job: %v", err))
	}
	res, err := run(j)
	if err != nil {
		fail(err)
	}
	if err := json.NewEncoder(os.Stdout).Encode(res); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "miniredis:", err)
	os.Exit(1)
}

func run(j job) (result, error) {
	m := miniredis.NewMiniRedis()
	if err := m.StartAddr("127.0.0.1:0"); err != nil {
		return result{}, err
	}
	defer m.Close()
	srv := m.Server()
	var out bytes.Buffer
	peer := server.NewPeer(bufio.NewWriter(&out))
	do := func(args []string) {
		out.Reset()
		srv.Dispatch(peer, args)
		peer.Flush()
	}
	for _, cmd := range j.Setup {
		do(cmd)
		if t := replyText(out.Bytes()); len(t) > 1 && t[:2] == "e:" {
			return result{}, fmt.Errorf("setup %v: %s", cmd, t)
		}
	}
	head := []string{"EVAL", j.Script}
	if j.Sha {
		do([]string{"SCRIPT", "LOAD", j.Script})
		sha := replyText(out.Bytes())
		if len(sha) < 2 || sha[:2] != "b:" {
			return result{}, fmt.Errorf("SCRIPT LOAD: %s", sha)
		}
		head = []string{"EVALSHA", sha[2:]}
	}
	// One command vector per argument vector, built before the timing.
	n := len(j.Args)
	if n == 0 {
		n = 1
	}
	argvs := make([][]string, n)
	for i := range argvs {
		argv := append([]string{}, head...)
		argv = append(argv, strconv.Itoa(len(j.Keys)))
		argv = append(argv, j.Keys...)
		if len(j.Args) > 0 {
			argv = append(argv, j.Args[i]...)
		}
		argvs[i] = argv
	}
	var res result
	do(argvs[0])
	res.First = replyText(out.Bytes())
	for i := 1; i < j.Warmup; i++ {
		do(argvs[i%n])
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	cpu0, start := cpuTime(), time.Now()
	next := j.Warmup
	for res.Calls == 0 || cpuTime()-cpu0 < j.MinSec {
		for i := 0; i < max(j.Calls, 1); i++ {
			do(argvs[next%n])
			next++
		}
		res.Calls += max(j.Calls, 1)
	}
	res.WallSeconds = time.Since(start).Seconds()
	res.CPUSeconds = cpuTime() - cpu0
	runtime.ReadMemStats(&after)
	res.Mallocs = after.Mallocs - before.Mallocs
	res.Bytes = after.TotalAlloc - before.TotalAlloc
	res.Last = replyText(out.Bytes())
	return res, nil
}

func cpuTime() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// replyText renders one RESP2 reply in the driver's text form (i:N, b:TEXT, s:TEXT, e:TEXT,
// nil, [a,b,...]).
func replyText(b []byte) string {
	t, _ := parse(b)
	return t
}

func parse(b []byte) (string, []byte) {
	if len(b) < 3 {
		return "?", nil
	}
	end := bytes.Index(b, []byte("\r\n"))
	if end < 0 {
		return "?", nil
	}
	line, rest := string(b[1:end]), b[end+2:]
	switch b[0] {
	case '+':
		return "s:" + line, rest
	case '-':
		return "e:" + line, rest
	case ':':
		return "i:" + line, rest
	case '$':
		n, _ := strconv.Atoi(line)
		if n < 0 {
			return "nil", rest
		}
		if n+2 > len(rest) {
			return "?", nil
		}
		return "b:" + string(rest[:n]), rest[n+2:]
	case '*':
		n, _ := strconv.Atoi(line)
		if n < 0 {
			return "nil", rest
		}
		var sb bytes.Buffer
		sb.WriteByte('[')
		for i := 0; i < n; i++ {
			if i > 0 {
				sb.WriteByte(',')
			}
			var e string
			e, rest = parse(rest)
			sb.WriteString(e)
		}
		sb.WriteByte(']')
		return sb.String(), rest
	}
	return "?", nil
}
