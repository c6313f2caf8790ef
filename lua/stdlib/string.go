package stdlib

import (
	"github.com/redmoon-dev/redmoon/lua/stdlib/internal/intern"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// The string library (Lua 5.1's lstrlib.c): this file holds the functions that do not match
// patterns or format; see strpattern.go, strformat.go and strbuild.go (upper, lower, rep,
// reverse, char) for the others.

// MaxStringSize bounds the strings that string.rep and string.format build: past it they raise
// "not enough memory", where PUC Lua would try the allocation.
var MaxStringSize = 1 << 30

func init() { register(StringLib, 50, func(L *vm.State) { OpenString(L) }) }

var stringFuncs = []vm.Reg{
	{Name: "byte", Fn: strByte},
	{Name: "char", Fn: strChar},
	{Name: "dump", Fn: strDump},
	{Name: "find", Fn: strFind},
	{Name: "format", Fn: strFormat},
	{Name: "gfind", Fn: strGmatch},
	{Name: "gmatch", Fn: strGmatch},
	{Name: "gsub", Fn: strGsub},
	{Name: "len", Fn: strLen},
	{Name: "lower", Fn: strLower},
	{Name: "match", Fn: strMatch},
	{Name: "rep", Fn: strRep},
	{Name: "reverse", Fn: strReverse},
	{Name: "sub", Fn: strSub},
	{Name: "upper", Fn: strUpper},
}

// OpenString opens the string library (luaopen_string): the global table string and the
// metatable shared by all strings, whose __index is that table, so that ("x"):upper() works.
//
// The functions that build new short strings (upper, lower, rep, reverse, char) share a cache
// of the strings they made (internal/intern), so that repeating one of them on the same input
// finds its earlier result instead of allocating, as PUC Lua's string table does.
func OpenString(L *vm.State) *vm.Table {
	c := &strBuilder{cache: intern.New()}
	funcs := make([]vm.Reg, len(stringFuncs))
	copy(funcs, stringFuncs)
	for i := range funcs {
		switch funcs[i].Name {
		case "upper":
			funcs[i].Fn = c.upper
		case "lower":
			funcs[i].Fn = c.lower
		case "rep":
			funcs[i].Fn = c.rep
		case "reverse":
			funcs[i].Fn = c.reverse
		case "char":
			funcs[i].Fn = c.char
		}
	}
	lib := L.RegisterLib("string", funcs)
	mt := L.NewTable(0, 1)
	mt.SetStr("__index", vm.TableValue(lib))
	L.SetTypeMetatable(vm.TypeString, mt)
	return lib
}

// checkInt is luaL_checkint: the argument as a C long, truncated to a C int.
func checkInt(L *vm.State, n int) int { return int(int32(L.CheckInteger(n))) }

// optInt is luaL_optint.
func optInt(L *vm.State, n, def int) int {
	if L.IsNoneOrNil(n) {
		return def
	}
	return checkInt(L, n)
}

// posrelat turns a relative string position (negative means from the end) into an absolute
// one, 0 when it falls before the start.
func posrelat(pos, n int) int {
	if pos < 0 {
		pos += n + 1
	}
	if pos < 0 {
		return 0
	}
	return pos
}

func strLen(L *vm.State) int {
	L.PushInt(len(L.CheckString(1)))
	return 1
}

func strSub(L *vm.State) int {
	s := L.CheckString(1)
	l := len(s)
	start := posrelat(L.CheckInteger(2), l)
	end := posrelat(L.OptInteger(3, -1), l)
	if start < 1 {
		start = 1
	}
	if end > l {
		end = l
	}
	if start <= end {
		L.PushString(s[start-1 : end])
	} else {
		L.PushString("")
	}
	return 1
}

func strByte(L *vm.State) int {
	s := L.CheckString(1)
	l := len(s)
	posi := posrelat(L.OptInteger(2, 1), l)
	pose := posrelat(L.OptInteger(3, posi), l)
	if posi <= 0 {
		posi = 1
	}
	if pose > l {
		pose = l
	}
	if posi > pose {
		return 0
	}
	n := pose - posi + 1
	if n <= 0 || int(int32(n)) != n {
		L.Errorf("string slice too long")
	}
	L.CheckStack(n, "string slice too long")
	for i := 0; i < n; i++ {
		L.PushInt(int(s[posi+i-1]))
	}
	return n
}

func strDump(L *vm.State) int {
	L.CheckType(1, vm.TypeFunction)
	s, ok := dumpFunction(L.Get(1))
	if !ok {
		L.Errorf("unable to dump given function")
	}
	L.PushString(s)
	return 1
}
