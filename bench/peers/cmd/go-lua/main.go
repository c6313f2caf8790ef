// Command go-lua runs a benchmark program on github.com/Shopify/go-lua, hosted as every Go
// runner of the comparison hosts it (see package peers).
//
//	go-lua FILE [SCALE]
package main

import (
	"fmt"
	"os"

	"github.com/Shopify/go-lua"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: go-lua FILE [SCALE]")
		os.Exit(2)
	}
	scale := "1"
	if len(os.Args) > 2 {
		scale = os.Args[2]
	}
	if err := run(os.Args[1], scale); err != nil {
		fmt.Fprintln(os.Stderr, "go-lua:", err)
		os.Exit(1)
	}
}

func run(path, scale string) error {
	l := lua.NewState()
	lua.OpenLibraries(l)
	l.NewTable()
	l.PushString(path)
	l.RawSetInt(-2, 0)
	l.PushString(scale)
	l.RawSetInt(-2, 1)
	l.SetGlobal("arg")
	l.PushBoolean(true)
	l.SetGlobal("HOSTED")
	if err := lua.DoFile(l, path); err != nil {
		return err
	}
	l.Global("step")
	hosted := l.IsFunction(-1)
	l.Pop(1)
	if !hosted {
		return nil
	}
	l.Global("STEPS")
	n, ok := l.ToNumber(-1)
	l.Pop(1)
	if !ok {
		return fmt.Errorf("%s: step is defined but STEPS is not a number", path)
	}
	for i := 1; i <= int(n); i++ {
		l.Global("step")
		l.PushInteger(i)
		if err := l.ProtectedCall(1, 0, 0); err != nil {
			return err
		}
	}
	l.Global("finish")
	if !l.IsFunction(-1) {
		return nil
	}
	return l.ProtectedCall(0, 0, 0)
}
