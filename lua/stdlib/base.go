package stdlib

import (
	"io"
	"math"
	"os"
	"strings"

	"github.com/redmoon-dev/redmoon/lua/vm"
)

func init() { register(BaseLib, 0, OpenBase) }

// The base functions in the order of Lua 5.1's base_funcs (the order decides pairs(_G)).
var baseFuncs = []vm.Reg{
	{Name: "assert", Fn: baseAssert},
	{Name: "collectgarbage", Fn: baseCollectGarbage},
	{Name: "dofile", Fn: baseDofile},
	{Name: "error", Fn: baseError},
	{Name: "gcinfo", Fn: baseGcinfo},
	{Name: "getfenv", Fn: baseGetfenv},
	{Name: "getmetatable", Fn: baseGetmetatable},
	{Name: "loadfile", Fn: baseLoadfile},
	{Name: "load", Fn: baseLoad},
	{Name: "loadstring", Fn: baseLoadstring},
	{Name: "next", Fn: baseNext},
	{Name: "pcall", Fn: basePcall},
	{Name: "print", Fn: basePrint},
	{Name: "rawequal", Fn: baseRawequal},
	{Name: "rawget", Fn: baseRawget},
	{Name: "rawset", Fn: baseRawset},
	{Name: "select", Fn: baseSelect},
	{Name: "setfenv", Fn: baseSetfenv},
	{Name: "setmetatable", Fn: baseSetmetatable},
	{Name: "tonumber", Fn: baseTonumber},
	{Name: "tostring", Fn: baseTostring},
	{Name: "type", Fn: baseType},
	{Name: "unpack", Fn: baseUnpack},
	{Name: "xpcall", Fn: baseXpcall},
}

// OpenBase opens the base library and the coroutine library into the globals, as luaopen_base.
func OpenBase(L *vm.State) {
	g := L.Globals()
	g.SetStr("_G", vm.TableValue(g))
	L.RegisterLib("_G", baseFuncs)
	g.SetStr("_VERSION", vm.String("Lua 5.1"))
	// As lbaselib's auxopen, pairs returns a closure of its own over luaB_next, not the global
	// next: reassigning next does not change pairs, and rawequal(next, pairs({})) is false.
	next := L.NewFunction("next", baseNext)
	ipairsAux := L.NewFunction("ipairs_aux", baseIpairsAux)
	g.SetStr("ipairs", L.NewFunction("ipairs", func(L *vm.State) int {
		t := L.CheckType(1, vm.TypeTable)
		L.Push(ipairsAux)
		L.Push(t)
		L.Push(vm.Number(0))
		return 3
	}))
	g.SetStr("pairs", L.NewFunction("pairs", func(L *vm.State) int {
		t := L.CheckType(1, vm.TypeTable)
		L.Push(next)
		L.Push(t)
		L.Push(vm.Nil)
		return 3
	}))
	// newproxy's weak table of valid proxy metatables
	w := L.NewTable(0, 1)
	w.SetMetatable(w)
	w.SetStr("__mode", vm.String("kv"))
	g.SetStr("newproxy", L.NewFunction("newproxy", func(L *vm.State) int { return baseNewproxy(L, w) }))
	OpenCoroutine(L)
}

func baseAssert(L *vm.State) int {
	v := L.CheckAny(1)
	if v.IsFalsy() {
		L.Errorf("%s", L.OptString(2, "assertion failed!"))
	}
	return L.GetTop()
}

var gcOptions = []string{"stop", "restart", "collect", "count", "step", "setpause", "setstepmul"}

// CheckOption is luaL_checkoption: argument n must be one of opts (def when absent).
func CheckOption(L *vm.State, n int, def string, opts []string) int {
	var name string
	if def != "" {
		name = L.OptString(n, def)
	} else {
		name = L.CheckString(n)
	}
	for i, o := range opts {
		if o == name {
			return i
		}
	}
	L.ArgError(n, "invalid option '"+name+"'")
	return 0
}

var gcState = struct{ pause, stepmul int }{200, 200}

func baseCollectGarbage(L *vm.State) int {
	o := CheckOption(L, 1, "collect", gcOptions)
	ex := int(int32(L.OptInteger(2, 0)))
	switch gcOptions[o] {
	case "count":
		L.Push(vm.Number(L.GCCount()))
	case "step":
		L.Push(vm.False) // a step rarely finishes a cycle; lua5.1 answers false after a collect
	case "setpause":
		old := gcState.pause
		gcState.pause = ex
		L.Push(vm.Int(old))
	case "setstepmul":
		old := gcState.stepmul
		gcState.stepmul = ex
		L.Push(vm.Int(old))
	default:
		L.Push(vm.Number(0))
	}
	return 1
}

func baseGcinfo(L *vm.State) int {
	L.Push(vm.Int(int(L.GCCount())))
	return 1
}

func baseError(L *vm.State) int {
	level := int(int32(L.OptInteger(2, 1)))
	L.SetTop(1)
	v := L.Get(1)
	if (v.IsString() || v.IsNumber()) && level > 0 {
		s, _ := vm.ToString(v)
		v = vm.String(L.Where(level) + s)
	}
	L.Error(v)
	return 0
}

// getFunc is getfunc of lbaselib.c: argument 1 as a function or a stack level.
func getFunc(L *vm.State, opt bool) vm.Value {
	if v := L.Get(1); v.IsFunction() {
		return v
	}
	var level int
	if opt {
		level = int(int32(L.OptInteger(1, 1)))
	} else {
		level = int(int32(L.CheckInteger(1)))
	}
	L.ArgCheck(level >= 0, 1, "level must be non-negative")
	fn, ok := L.FunctionAt(level)
	if !ok {
		L.ArgError(1, "invalid level")
	}
	if fn.IsNil() {
		L.Errorf("no function environment for tail call at level %d", level)
	}
	return fn
}

func baseGetfenv(L *vm.State) int {
	fn := getFunc(L, true)
	if vm.IsGoFunction(fn) {
		L.Push(vm.TableValue(L.Globals()))
	} else {
		L.Push(vm.TableValue(L.GetFenv(fn)))
	}
	return 1
}

func baseSetfenv(L *vm.State) int {
	t := L.CheckTable(2)
	fn := getFunc(L, false)
	if a := L.Get(1); a.IsNumber() && a.Float() == 0 {
		L.SetGlobals(t)
		return 0
	}
	if vm.IsGoFunction(fn) || !L.SetFenv(fn, t) {
		L.Errorf("'setfenv' cannot change environment of given object")
	}
	L.Push(fn)
	return 1
}

func baseGetmetatable(L *vm.State) int {
	v := L.CheckAny(1)
	mt := L.GetMetatable(v)
	if mt == nil {
		L.Push(vm.Nil)
		return 1
	}
	if p := mt.GetStr("__metatable"); !p.IsNil() {
		L.Push(p)
		return 1
	}
	L.Push(vm.TableValue(mt))
	return 1
}

func baseSetmetatable(L *vm.State) int {
	t := L.Get(2).Type()
	tbl := L.CheckTable(1)
	L.ArgCheck(!L.IsNone(2) && (t == vm.TypeNil || t == vm.TypeTable), 2, "nil or table expected")
	if mt := tbl.Metatable(); mt != nil && !mt.GetStr("__metatable").IsNil() {
		L.Errorf("cannot change a protected metatable")
	}
	L.SetTop(2)
	tbl.SetMetatable(L.Get(2).AsTable())
	L.SetTop(1)
	return 1
}

// loadResult returns a loaded function, or nil and the message.
func loadResult(L *vm.State, fn vm.Value, err error) int {
	if err != nil {
		L.Push(vm.Nil)
		if e, ok := err.(*vm.Error); ok {
			L.Push(e.Value)
		} else {
			L.Push(vm.String(err.Error()))
		}
		return 2
	}
	L.Push(fn)
	return 1
}

func baseLoadstring(L *vm.State) int {
	s := L.CheckString(1)
	name := L.OptString(2, s)
	fn, err := L.Load(s, name)
	return loadResult(L, fn, err)
}

func baseLoad(L *vm.State) int {
	name := L.OptString(2, "=(load)")
	f := L.CheckType(1, vm.TypeFunction)
	var sb strings.Builder
	// The reader runs as lua_load runs it: protected, in load's frame, with the current
	// message handler.
	ev, ok := L.Protect(func() {
		for {
			r := L.Call1(f)
			if r.IsNil() {
				return
			}
			s, ok := vm.ToString(r)
			if !ok {
				L.Errorf("reader function must return a string")
			}
			if s == "" {
				return
			}
			sb.WriteString(s)
		}
	})
	if !ok {
		L.Push(vm.Nil)
		L.Push(ev)
		return 2
	}
	fn, err := L.Load(sb.String(), name)
	return loadResult(L, fn, err)
}

func loadFile(L *vm.State, name string) (vm.Value, error) {
	var data []byte
	var err error
	chunk := "=stdin"
	if name == "" {
		data, err = io.ReadAll(os.Stdin)
	} else {
		chunk = "@" + name
		data, err = os.ReadFile(name)
	}
	if err != nil {
		what := name
		if what == "" {
			what = "stdin"
		}
		msg := err.Error()
		if pe, ok := err.(*os.PathError); ok {
			msg = pe.Err.Error()
			if len(msg) > 0 {
				msg = strings.ToUpper(msg[:1]) + msg[1:]
			}
		}
		return vm.Nil, &vm.Error{Value: vm.String("cannot open " + what + ": " + msg)}
	}
	s := string(data)
	if len(s) > 0 && s[0] == '#' {
		// skip the first line (#!...), keeping its newline for line numbers
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			s = s[i:]
		} else {
			s = ""
		}
	}
	return L.Load(s, chunk)
}

func baseLoadfile(L *vm.State) int {
	name := L.OptString(1, "")
	fn, err := loadFile(L, name)
	return loadResult(L, fn, err)
}

func baseDofile(L *vm.State) int {
	name := L.OptString(1, "")
	n := L.GetTop()
	fn, err := loadFile(L, name)
	if err != nil {
		L.Error(err.(*vm.Error).Value)
	}
	L.Push(fn)
	L.Call(0, vm.MultRet)
	return L.GetTop() - n
}

func baseNext(L *vm.State) int {
	t := L.CheckTable(1)
	L.SetTop(2)
	k, v, ok := L.Next(t, L.Get(2))
	if !ok {
		L.SetTop(1)
		L.Set(1, vm.Nil)
		return 1
	}
	L.Set(1, k)
	L.Set(2, v)
	return 2
}

func baseIpairsAux(L *vm.State) int {
	i := int(int32(L.CheckInteger(2)))
	t := L.CheckTable(1)
	i++
	v := t.GetInt(i)
	if v.IsNil() {
		return 0
	}
	L.SetTop(0)
	L.Push(vm.Int(i))
	L.Push(v)
	return 2
}

func basePcall(L *vm.State) int {
	L.CheckAny(1)
	ok := L.PCallK(L.GetTop()-1, 0)
	L.Push(vm.Bool(ok))
	L.Insert(1)
	return L.GetTop()
}

func baseXpcall(L *vm.State) int {
	L.CheckAny(2)
	L.SetTop(2)
	L.Insert(1) // handler, f
	ok := L.PCallK(0, 1)
	L.Push(vm.Bool(ok))
	L.Replace(1)
	return L.GetTop()
}

func basePrint(L *vm.State) int {
	n := L.GetTop()
	buf := make([]byte, 0, 64)
	tostring := L.GetGlobal("tostring")
	direct := tostring.AsGoFunction() != nil && tostring.AsGoFunction().Name == "tostring"
	for i := 1; i <= n; i++ {
		v := L.Get(i)
		var s string
		if direct && L.GetMetafield(v, "__tostring").IsNil() {
			s = toStringBasic(v)
		} else {
			r := L.Call1(tostring, v)
			var ok bool
			if s, ok = vm.ToString(r); !ok {
				L.Errorf("'tostring' must return a string to 'print'")
			}
		}
		if i > 1 {
			buf = append(buf, '\t')
		}
		if z := strings.IndexByte(s, 0); z >= 0 {
			s = s[:z] // lua5.1 writes each piece with fputs, which stops at a NUL byte
		}
		buf = append(buf, s...)
	}
	buf = append(buf, '\n')
	L.Stdout().Write(buf)
	return 0
}

func toStringBasic(v vm.Value) string {
	switch v.Type() {
	case vm.TypeNumber:
		return vm.FormatNumber(v.Float())
	case vm.TypeString:
		return v.Str()
	case vm.TypeBoolean:
		if v.Truthy() {
			return "true"
		}
		return "false"
	case vm.TypeNil:
		return "nil"
	}
	return v.TypeName() + ": " + vm.PointerString(v)
}

func baseRawequal(L *vm.State) int {
	a := L.CheckAny(1)
	b := L.CheckAny(2)
	L.Push(vm.Bool(vm.RawEqual(a, b)))
	return 1
}

func baseRawget(L *vm.State) int {
	t := L.CheckTable(1)
	k := L.CheckAny(2)
	L.Push(t.Get(k))
	return 1
}

func baseRawset(L *vm.State) int {
	t := L.CheckTable(1)
	L.CheckAny(2)
	L.CheckAny(3)
	L.RawSet(t, L.Get(2), L.Get(3))
	L.SetTop(1)
	return 1
}

func baseSelect(L *vm.State) int {
	n := L.GetTop()
	if v := L.Get(1); v.IsString() && len(v.Str()) > 0 && v.Str()[0] == '#' {
		L.Push(vm.Int(n - 1))
		return 1
	}
	i := int(int32(L.CheckInteger(1)))
	if i < 0 {
		i = n + i
	} else if i > n {
		i = n
	}
	L.ArgCheck(1 <= i, 1, "index out of range")
	return n - i
}

func baseTonumber(L *vm.State) int {
	base := int(int32(L.OptInteger(2, 10)))
	if base == 10 {
		v := L.CheckAny(1)
		if f, ok := vm.ToNumber(v); ok {
			L.Push(vm.Number(f))
			return 1
		}
	} else {
		s := L.CheckString(1)
		L.ArgCheck(2 <= base && base <= 36, 2, "base out of range")
		if n, ok := strtoul(s, base); ok {
			L.Push(vm.Number(n))
			return 1
		}
	}
	L.Push(vm.Nil)
	return 1
}

func isSpace(c byte) bool { return c == ' ' || (c >= '\t' && c <= '\r') }

// strtoul converts as C's strtoul followed by lbaselib's checks: leading spaces, a sign, digits
// in base, trailing spaces, nothing else (a NUL byte ends the C string).
func strtoul(s string, base int) (float64, bool) {
	if i := strings.IndexByte(s, 0); i >= 0 {
		s = s[:i]
	}
	i := 0
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	if base == 16 && i+1 < len(s) && s[i] == '0' && (s[i+1] == 'x' || s[i+1] == 'X') && i+2 < len(s) && digitVal(s[i+2]) < 16 {
		i += 2
	}
	start := i
	var n uint64
	overflow := false
	for i < len(s) {
		d := digitVal(s[i])
		if d >= base {
			break
		}
		if n > (math.MaxUint64-uint64(d))/uint64(base) {
			overflow = true
		}
		n = n*uint64(base) + uint64(d)
		i++
	}
	if i == start {
		return 0, false
	}
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	if i != len(s) {
		return 0, false
	}
	if overflow {
		n = math.MaxUint64
	} else if neg {
		n = -n
	}
	return float64(n), true
}

func digitVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 99
}

func baseTostring(L *vm.State) int {
	v := L.CheckAny(1)
	if tm := L.GetMetafield(v, "__tostring"); !tm.IsNil() {
		L.Push(L.Call1(tm, v))
		return 1
	}
	L.Push(vm.String(toStringBasic(v)))
	return 1
}

func baseType(L *vm.State) int {
	v := L.CheckAny(1)
	L.Push(vm.String(v.TypeName()))
	return 1
}

func baseUnpack(L *vm.State) int {
	t := L.CheckTable(1)
	i := int(int32(L.OptInteger(2, 1)))
	var e int
	if L.IsNoneOrNil(3) {
		e = t.Len()
	} else {
		e = int(int32(L.CheckInteger(3)))
	}
	if i > e {
		return 0
	}
	n := e - i + 1
	if n <= 0 || !L.GrowStack(n) {
		L.Errorf("too many results to unpack")
	}
	for ; i <= e; i++ {
		L.Push(t.GetInt(i))
	}
	return n
}

func baseNewproxy(L *vm.State, valid *vm.Table) int {
	L.SetTop(1)
	u := L.NewUserdata(nil)
	arg := L.Get(1)
	if arg.IsFalsy() {
		L.Push(vm.UserdataValue(u))
		return 1
	}
	if arg.Type() == vm.TypeBoolean {
		mt := L.NewTable(0, 0)
		valid.Set(L, vm.TableValue(mt), vm.True)
		u.SetMetatable(mt)
	} else {
		mt := L.GetMetatable(arg)
		ok := mt != nil && valid.Get(vm.TableValue(mt)).Truthy()
		L.ArgCheck(ok, 1, "boolean or proxy expected")
		u.SetMetatable(mt)
	}
	L.Push(vm.UserdataValue(u))
	return 1
}
