package redisbridge

import (
	"github.com/redmoon-dev/redmoon/lua"
	"github.com/redmoon-dev/redmoon/lua/stdlib"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// The sandbox Redis 7.0 gives scripts (script_lua.c). Libraries are opened into a scratch global
// table, then the globals are inserted into the real global table in the order Redis's
// initialization inserts them, so that the table's layout, and pairs(_G)'s order, is Redis's.

// globalOrder is the order in which Redis 7.0 stores keys into its global table: luaopen_base
// (the _G entry, then base_funcs in lbaselib.c's order, _VERSION, ipairs, pairs, newproxy), the
// coroutine table, the other libraries in luaLoadLibraries's order. Redis installs an allow-list
// __newindex on the global table before opening the libraries; a name it refuses (marked with a
// leading '-': dofile, loadfile, print, and getfenv, setfenv and newproxy on a hardened 7.0)
// still gets a node, because luaV_settable creates the key with a nil value before calling
// __newindex, and that node shapes where later keys land. The redis table, the removal of debug
// and the error handler follow (newEvalEngine, newFuncEngine). Names absent from the scratch
// globals (a library this build lacks) are skipped.
var globalOrder = []string{
	"_G", "assert", "collectgarbage", "-dofile", "error", "gcinfo", "-getfenv", "getmetatable",
	"-loadfile", "load", "loadstring", "next", "pcall", "-print", "rawequal", "rawget", "rawset",
	"select", "-setfenv", "setmetatable", "tonumber", "tostring", "type", "unpack", "xpcall",
	"_VERSION", "ipairs", "pairs", "-newproxy", "coroutine", "table", "string", "math", "debug",
	"cjson", "struct", "cmsgpack", "bit",
}

// bundledLibraries open Redis's bundled libraries (cjson, struct, cmsgpack, bit) into a state.
// Each library package that exists is wired in bundled.go.
var bundledLibraries []func(L *vm.State)

// newSandboxState returns a Lua state with Redis's libraries and globals, without the redis
// table: the caller adds its API and then calls protectGlobals.
func (b *Bridge) newSandboxState() *vm.State {
	s := lua.NewState(lua.Options{Libraries: []string{}, RedisStringHash: true, RefuseBinaryChunks: true})
	L := s.L
	stdlib.Open(L, stdlib.BaseLib, stdlib.TableLib, stdlib.StringLib)
	stdlib.OpenMathWith(L, stdlib.MathOptions{Random: b.random})
	for _, open := range bundledLibraries {
		open(L)
	}
	scratch := L.Globals()
	g := L.NewTable(0, 2)
	for _, name := range globalOrder {
		if name[0] == '-' {
			// A refused name: the key exists with a nil value.
			g.SetStr(name[1:], vm.True)
			g.SetStr(name[1:], vm.Nil)
			continue
		}
		switch name {
		case "_G":
			g.SetStr(name, vm.TableValue(g))
			continue
		case "debug":
			// Redis loads debug, uses it for its error handler, then sets it to nil: the key
			// stays in the table as a dead node.
			g.SetStr(name, vm.True)
			continue
		}
		if v := scratch.GetStr(name); !v.IsNil() {
			g.SetStr(name, v)
		}
	}
	g.SetStr("pcall", L.NewFunction("pcall", redisPcall))
	g.SetStr("setmetatable", L.NewFunction("setmetatable", protectedSetmetatable))
	L.SetGlobals(g)
	return L
}

// finishGlobals removes debug (as Redis does once its error handler is built), installs the
// nonexistent-global error on the global table and makes every table reachable from it
// read-only, metatables included (luaSetErrorMetatable, luaSetTableProtectionRecursively).
func finishGlobals(L *vm.State, g *vm.Table) {
	dropDebug(g)
	setErrorMetatable(L, g)
	protectRecursively(L, g, map[*vm.Table]bool{})
	if mt := L.TypeMetatable(vm.TypeString); mt != nil {
		protectRecursively(L, mt, map[*vm.Table]bool{})
	}
}

// dropDebug sets the global debug to nil, as Redis does once its error handler holds the
// library in a local: the key keeps its node.
func dropDebug(g *vm.Table) {
	if !g.GetStr("debug").IsNil() {
		g.SetStr("debug", vm.Nil)
	}
}

// setErrorMetatable gives t a metatable whose __index raises
// "Script attempted to access nonexistent global variable 'x'".
func setErrorMetatable(L *vm.State, t *vm.Table) {
	mt := L.NewTable(0, 1)
	mt.SetStr("__index", L.NewFunction("__index", protectedTableError))
	t.SetMetatable(mt)
}

// protectedTableError is luaProtectedTableError.
func protectedTableError(L *vm.State) int {
	if L.GetTop() != 2 {
		L.Errorf("Wrong number of arguments to luaProtectedTableError")
	}
	name := L.Get(-1)
	if !name.IsString() && !name.IsNumber() {
		L.Errorf("Second argument to luaProtectedTableError must be a string or number")
	}
	s, _ := vm.ToString(name)
	L.Errorf("Script attempted to access nonexistent global variable '%s'", s)
	return 0
}

// protectRecursively marks t, the tables among its values and the metatables of all of them
// read-only.
func protectRecursively(L *vm.State, t *vm.Table, seen map[*vm.Table]bool) {
	if t == nil || seen[t] {
		return
	}
	seen[t] = true
	t.SetReadOnly(true)
	protectRecursively(L, t.Metatable(), seen)
	t.ForEach(func(k, v vm.Value) bool {
		if vt := v.AsTable(); vt != nil {
			protectRecursively(L, vt, seen)
		}
		return true
	})
}

// redisPcall is Redis's replacement for pcall (luaRedisPcall): an error object that is a table
// with a string err field is returned as that string, so pcall(redis.call, ...) gives
// false, "ERR ...".
func redisPcall(L *vm.State) int {
	argc := L.GetTop()
	if argc == 0 {
		// Redis calls lua_pcall with -1 arguments, which ends up calling its boolean
		// placeholder.
		L.Push(vm.False)
		L.Push(vm.String("attempt to call a boolean value"))
		return 2
	}
	L.Push(vm.True)
	L.Insert(1)
	if !L.PCallK(argc-1, 0) {
		L.Remove(1)
		if t := L.Get(-1).AsTable(); t != nil {
			if e := L.Index(L.Get(-1), vm.String("err")); e.IsString() || e.IsNumber() {
				L.Set(-1, e)
			}
		}
		L.Push(vm.False)
		L.Insert(1)
	}
	return L.GetTop()
}

// protectedSetmetatable is the base library's setmetatable with Redis's read-only check
// (lua_setmetatable refuses a read-only table).
func protectedSetmetatable(L *vm.State) int {
	t := L.Get(2).Type()
	tbl := L.CheckTable(1)
	L.ArgCheck(t == vm.TypeNil || t == vm.TypeTable, 2, "nil or table expected")
	if mt := tbl.Metatable(); mt != nil && !mt.GetStr("__metatable").IsNil() {
		L.Errorf("cannot change a protected metatable")
	}
	if tbl.ReadOnly() {
		L.RunError("Attempt to modify a readonly table")
	}
	tbl.SetMetatable(L.Get(2).AsTable())
	L.SetTop(1)
	return 1
}
