// Command runner is redmoon's side of the benchmark driver (go run ./bench/cmd/compare builds
// and runs it; it is not meant to be run by hand, but can be):
//
//	runner lua FILE [SCALE]      run a Lua benchmark program (Go-hosted, see bench/README.md)
//	runner eval < job.json       run an embedded-scripting job, print the result as JSON
//	runner mem DATASET N         store N items of a dataset (strings, hashes) in a keyspace,
//	                             print the live heap growth per key as JSON
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"

	"github.com/redmoon-dev/redmoon/bench/internal/runner"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "runner:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: runner lua FILE [SCALE] | runner eval < job.json | runner mem DATASET N")
	}
	switch args[0] {
	case "lua":
		if len(args) < 2 {
			return fmt.Errorf("usage: runner lua FILE [SCALE]")
		}
		scale := "1"
		if len(args) > 2 {
			scale = args[2]
		}
		return runner.RunProgram(args[1], scale, os.Stdout)
	case "eval":
		var job runner.Job
		if err := json.NewDecoder(os.Stdin).Decode(&job); err != nil {
			return fmt.Errorf("reading the job: %v", err)
		}
		res, err := runner.RunJob(job)
		if err != nil {
			return err
		}
		return json.NewEncoder(os.Stdout).Encode(res)
	case "mem":
		if len(args) != 3 {
			return fmt.Errorf("usage: runner mem DATASET N")
		}
		n, err := strconv.Atoi(args[2])
		if err != nil || n <= 0 {
			return fmt.Errorf("bad item count %q", args[2])
		}
		perKey, err := runner.MeasureMemory(runner.Dataset(args[1]), n)
		if err != nil {
			return err
		}
		return json.NewEncoder(os.Stdout).Encode(map[string]float64{"bytes_per_key": perKey})
	}
	return fmt.Errorf("unknown mode %q", args[0])
}
