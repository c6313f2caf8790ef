// Package runner is the redmoon side of the benchmark driver (bench/cmd/compare): it runs a
// Lua benchmark program the way the Go peers' runners do, runs an embedded-scripting job
// against redisbridge's embedded API, and measures the keyspace's memory per key. The
// runner binary bench/cmd/runner exposes it to the driver, which runs every engine in its own
// process so that each starts from a fresh heap.
package runner

import (
	"fmt"
	"io"
	"os"

	"github.com/redmoon-dev/redmoon/lua"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// RunProgram runs the benchmark program at path with all standard libraries, as every Go
// host in the comparison does: the global arg holds {[0] = path, [1] = scale}, HOSTED is
// true, and when the chunk leaves a global function step, the host calls step(i) for i = 1 ..
// STEPS (a global number) from Go, then the global finish if there is one. The program's
// output goes to stdout.
func RunProgram(path, scale string, stdout io.Writer) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	s := lua.NewState(lua.Options{Stdout: stdout})
	L := s.L
	argt := L.NewTable(1, 1)
	argt.SetInt(0, vm.String(path))
	argt.SetInt(1, vm.String(scale))
	s.SetGlobal("arg", vm.TableValue(argt))
	s.SetGlobal("HOSTED", vm.Bool(true))
	fn, err := s.LoadFile(string(src), path)
	if err != nil {
		return err
	}
	if _, err := s.Call(fn); err != nil {
		return err
	}
	step := s.GetGlobal("step")
	if !vm.IsLuaFunction(step) && !vm.IsGoFunction(step) {
		return nil
	}
	n, ok := vm.ToNumber(s.GetGlobal("STEPS"))
	if !ok {
		return fmt.Errorf("%s: step is defined but STEPS is not a number", path)
	}
	steps := int(n)
	for i := 1; i <= steps; i++ {
		L.Push(step)
		L.PushInt(i)
		if err := L.PCall(1, 0, 0); err != nil {
			return err
		}
	}
	if finish := s.GetGlobal("finish"); !finish.IsNil() {
		if _, err := s.Call(finish); err != nil {
			return err
		}
	}
	return nil
}
