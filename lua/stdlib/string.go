package stdlib

import (
	"strings"

	"github.com/redmoon-dev/redmoon/lua/vm"
)

// The string library (Lua 5.1's lstrlib.c): this file holds the functions that do not match
// patterns or format; see strpattern.go and strformat.go for the others.

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
func OpenString(L *vm.State) *vm.Table {
	lib := L.RegisterLib("string", stringFuncs)
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

func strReverse(L *vm.State) int {
	s := L.CheckString(1)
	b := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		b[len(s)-1-i] = s[i]
	}
	L.PushString(bytesToString(b))
	return 1
}

func strLower(L *vm.State) int {
	s := L.CheckString(1)
	L.PushString(mapBytes(s, 'A', 'Z', 'a'-'A'))
	return 1
}

func strUpper(L *vm.State) int {
	s := L.CheckString(1)
	L.PushString(mapBytes(s, 'a', 'z', 256-32))
	return 1
}

// mapBytes adds delta to every byte of s in [lo, hi] (C's toupper and tolower in the "C"
// locale); it returns s itself when nothing changes.
func mapBytes(s string, lo, hi byte, delta byte) string {
	i := 0
	for i < len(s) && (s[i] < lo || s[i] > hi) {
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, len(s))
	copy(b, s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if c >= lo && c <= hi {
			c += delta
		}
		b[i] = c
	}
	return bytesToString(b)
}

func strRep(L *vm.State) int {
	s := L.CheckString(1)
	n := checkInt(L, 2)
	if n <= 0 || len(s) == 0 {
		L.PushString("")
		return 1
	}
	if len(s) > MaxStringSize/n {
		L.Errorf("not enough memory")
	}
	L.PushString(strings.Repeat(s, n))
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

func strChar(L *vm.State) int {
	n := L.GetTop()
	b := make([]byte, n)
	for i := 1; i <= n; i++ {
		c := checkInt(L, i)
		L.ArgCheck(c >= 0 && c <= 255, i, "invalid value")
		b[i-1] = byte(c)
	}
	L.PushString(bytesToString(b))
	return 1
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
