package redisbridge

import (
	"github.com/redmoon-dev/redmoon/lua/bit"
	"github.com/redmoon-dev/redmoon/lua/cjson"
	"github.com/redmoon-dev/redmoon/lua/cmsgpack"
	structlib "github.com/redmoon-dev/redmoon/lua/struct"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// Redis's bundled libraries, opened in luaLoadLibraries's order (cjson, struct, cmsgpack, bit).
// A library is listed here once its package exists.
func init() {
	bundledLibraries = []func(L *vm.State){
		func(L *vm.State) { cjson.Open(L) },
		func(L *vm.State) { structlib.Open(L) },
		func(L *vm.State) { cmsgpack.Open(L) },
		func(L *vm.State) { bit.Open(L) },
	}
}

// HasLibrary reports whether this build gives scripts the named global library (cjson,
// struct, cmsgpack, bit, or a standard library).
func HasLibrary(name string) bool {
	b := newBridge(nil, Options{})
	return !b.eval.L.Globals().GetStr(name).IsNil()
}
