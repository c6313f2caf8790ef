// Command gopher-lua runs a benchmark program on github.com/yuin/gopher-lua, hosted as
// every Go runner of the comparison hosts it (see package peers).
//
//	gopher-lua FILE [SCALE]
package main

import (
	"fmt"
	"os"

	lua "github.com/yuin/gopher-lua"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: gopher-lua FILE [SCALE]")
		os.Exit(2)
	}
	scale := "1"
	if len(os.Args) > 2 {
		scale = os.Args[2]
	}
	if err := run(os.Args[1], scale); err != nil {
		fmt.Fprintln(os.Stderr, "gopher-lua:", err)
		os.Exit(1)
	}
}

func run(path, scale string) error {
	L := lua.NewState()
	defer L.Close()
	argt := L.NewTable()
	argt.RawSetInt(0, lua.LString(path))
	argt.RawSetInt(1, lua.LString(scale))
	L.SetGlobal("arg", argt)
	L.SetGlobal("HOSTED", lua.LTrue)
	if err := L.DoFile(path); err != nil {
		return err
	}
	step, ok := L.GetGlobal("step").(*lua.LFunction)
	if !ok {
		return nil
	}
	n, ok := L.GetGlobal("STEPS").(lua.LNumber)
	if !ok {
		return fmt.Errorf("%s: step is defined but STEPS is not a number", path)
	}
	for i := 1; i <= int(n); i++ {
		L.Push(step)
		L.Push(lua.LNumber(i))
		if err := L.PCall(1, 0, nil); err != nil {
			return err
		}
	}
	if finish, ok := L.GetGlobal("finish").(*lua.LFunction); ok {
		L.Push(finish)
		return L.PCall(0, 0, nil)
	}
	return nil
}
