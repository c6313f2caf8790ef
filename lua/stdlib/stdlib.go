// Package stdlib holds Lua 5.1's standard libraries for redmoon: base (with coroutine), string,
// table, math, os (clock only) and debug. Each library has an Open function; a library file
// registers itself with register so that Open can open libraries by name in Lua 5.1's order.
package stdlib

import (
	"sort"

	"github.com/redmoon-dev/redmoon/lua/vm"
)

// Library names, as luaL_openlibs knows them ("" is the base library).
const (
	BaseLib      = "_G"
	CoroutineLib = "coroutine"
	TableLib     = "table"
	StringLib    = "string"
	MathLib      = "math"
	OSLib        = "os"
	DebugLib     = "debug"
)

type library struct {
	name  string
	order int
	open  func(L *vm.State)
}

var libraries = map[string]library{}

// register makes a library available to Open. order follows luaL_openlibs (base 0, table 20,
// io 30, os 40, string 50, math 60, debug 70).
func register(name string, order int, open func(L *vm.State)) {
	libraries[name] = library{name: name, order: order, open: open}
}

// Available returns the names of the libraries this build has, in luaL_openlibs order.
func Available() []string {
	var ls []library
	for _, l := range libraries {
		ls = append(ls, l)
	}
	sort.Slice(ls, func(i, j int) bool { return ls[i].order < ls[j].order })
	names := make([]string, len(ls))
	for i, l := range ls {
		names[i] = l.name
	}
	return names
}

// Open opens the named libraries in the given order (the coroutine library comes with the base
// library, as in Lua 5.1). Unknown names are ignored and reported by the second result.
func Open(L *vm.State, names ...string) (unknown []string) {
	for _, n := range names {
		if n == CoroutineLib {
			continue
		}
		l, ok := libraries[n]
		if !ok {
			unknown = append(unknown, n)
			continue
		}
		l.open(L)
	}
	return unknown
}

// OpenAll opens every available library in luaL_openlibs order.
func OpenAll(L *vm.State) { Open(L, Available()...) }
