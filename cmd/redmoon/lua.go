package main

import (
	"fmt"
	"io"

	"github.com/redmoon-dev/redmoon/lua"
)

func init() {
	subcommands["lua"] = subcommand{
		summary: "run a Lua 5.1 script like lua5.1 (redmoon lua FILE [ARGS])",
		run:     runLua,
	}
}

// runLua runs `redmoon lua FILE [ARGS]` as `lua5.1 FILE [ARGS]`: the standard libraries, the arg
// table, the script's output on stdout, errors on stderr as lua5.1 prints them, exit status 1
// on error. The Go garbage collector's GOGC setting is the main knob for allocation-heavy
// scripts (GOGC=400 trades memory for speed).
func runLua(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(stderr, "usage: redmoon lua FILE [ARGS]")
		return 1
	}
	if args[0] == "-v" {
		fmt.Fprintln(stdout, "Lua 5.1 (redmoon "+Version+")")
		return 0
	}
	return lua.RunScript(lua.Options{}, "redmoon lua", args[0], args[1:], stdout, stderr)
}
