package vm

import (
	"math"
	"strconv"
)

// Helpers for writing Go functions, with Lua 5.1's auxiliary-library messages (luaL_*).

// Errorf raises an error whose message is the position of the calling Lua code (luaL_where(1))
// followed by the formatted message. The format understands %s, %d, %f (a Lua number), %c, %q
// (quoted as Lua's %q would not: plain '...') and %%, like lua_pushfstring. Errorf does not return.
func (L *State) Errorf(format string, args ...any) {
	L.Error(String(L.Where(1) + Sprintf(format, args...)))
}

// Sprintf formats like lua_pushfstring: %s, %d, %f (number as %.14g), %c and %%.
func Sprintf(format string, args ...any) string {
	buf := make([]byte, 0, len(format)+16)
	ai := 0
	next := func() any {
		if ai < len(args) {
			ai++
			return args[ai-1]
		}
		return nil
	}
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 == len(format) {
			buf = append(buf, c)
			continue
		}
		i++
		switch format[i] {
		case 's':
			switch v := next().(type) {
			case string:
				buf = append(buf, v...)
			case Value:
				s, _ := ToString(v)
				buf = append(buf, s...)
			case nil:
				buf = append(buf, "(null)"...)
			}
		case 'd':
			switch v := next().(type) {
			case int:
				buf = strconv.AppendInt(buf, int64(v), 10)
			case int64:
				buf = strconv.AppendInt(buf, v, 10)
			case float64:
				buf = strconv.AppendInt(buf, int64(v), 10)
			}
		case 'f':
			switch v := next().(type) {
			case float64:
				buf = AppendNumber(buf, v)
			case int:
				buf = AppendNumber(buf, float64(v))
			}
		case 'c':
			switch v := next().(type) {
			case byte:
				buf = append(buf, v)
			case int:
				buf = append(buf, byte(v))
			case rune:
				buf = append(buf, byte(v))
			}
		case '%':
			buf = append(buf, '%')
		default:
			buf = append(buf, '%', format[i])
		}
	}
	return string(buf)
}

// ArgError raises "bad argument #n to 'fname' (extramsg)" as luaL_argerror does, naming the
// function as its caller called it.
func (L *State) ArgError(n int, extramsg string) {
	ci := L.ci
	if ci == &L.baseCI {
		L.Errorf("bad argument #%d (%s)", n, extramsg)
	}
	kind, name := L.funcName(ci)
	if kind == "method" {
		n--
		if n == 0 {
			L.Errorf("calling '%s' on bad self (%s)", name, extramsg)
		}
	}
	if name == "" {
		name = "?"
	}
	L.Errorf("bad argument #%d to '%s' (%s)", n, name, extramsg)
}

// TypeNameAt returns the type name of argument n, "no value" when absent.
func (L *State) TypeNameAt(n int) string {
	if L.IsNone(n) {
		return "no value"
	}
	return L.Get(n).TypeName()
}

// TypeError raises "bad argument #n to 'f' (tname expected, got T)" (luaL_typerror).
func (L *State) TypeError(n int, tname string) {
	L.ArgError(n, tname+" expected, got "+L.TypeNameAt(n))
}

// ArgCheck raises an argument error with extramsg when cond is false.
func (L *State) ArgCheck(cond bool, n int, extramsg string) {
	if !cond {
		L.ArgError(n, extramsg)
	}
}

// CheckAny raises "value expected" when argument n is absent.
func (L *State) CheckAny(n int) Value {
	if L.IsNone(n) {
		L.ArgError(n, "value expected")
	}
	return L.Get(n)
}

// CheckType raises a type error unless argument n has type t.
func (L *State) CheckType(n int, t Type) Value {
	v := L.Get(n)
	if v.Type() != t || L.IsNone(n) {
		L.TypeError(n, t.String())
	}
	return v
}

// CheckTable returns argument n as a table or raises "table expected".
func (L *State) CheckTable(n int) *Table {
	v := L.Get(n)
	if !v.IsTable() {
		L.TypeError(n, "table")
	}
	return v.table()
}

// CheckNumber returns argument n as a number (numeric strings converted) or raises "number
// expected".
func (L *State) CheckNumber(n int) float64 {
	v := L.Get(n)
	if v.IsNumber() {
		return v.Float()
	}
	f, ok := toNumber(v)
	if !ok {
		L.TypeError(n, "number")
	}
	return f
}

// CheckInteger returns argument n truncated to an integer (luaL_checkinteger).
func (L *State) CheckInteger(n int) int {
	return NumberToInt(L.CheckNumber(n))
}

// NumberToInt converts like C's (ptrdiff_t) cast on amd64: truncation, with out-of-range values
// and NaN giving the minimum integer.
func NumberToInt(f float64) int {
	if f >= -9.223372036854775808e18 && f < 9.223372036854775808e18 {
		return int(f)
	}
	return math.MinInt64
}

// OptNumber returns argument n as a number, or def when it is absent or nil.
func (L *State) OptNumber(n int, def float64) float64 {
	if L.IsNoneOrNil(n) {
		return def
	}
	return L.CheckNumber(n)
}

// OptInteger returns argument n as an integer, or def when it is absent or nil.
func (L *State) OptInteger(n int, def int) int {
	if L.IsNoneOrNil(n) {
		return def
	}
	return L.CheckInteger(n)
}

// CheckString returns argument n as a string (numbers are converted, and the argument replaced
// by the string as lua_tolstring does) or raises "string expected".
func (L *State) CheckString(n int) string {
	v := L.Get(n)
	if v.IsString() {
		return v.Str()
	}
	if v.IsNumber() {
		s := FormatNumber(v.Float())
		L.stack[L.absIndex(n)] = String(s)
		return s
	}
	L.TypeError(n, "string")
	return ""
}

// OptString returns argument n as a string, or def when it is absent or nil.
func (L *State) OptString(n int, def string) string {
	if L.IsNoneOrNil(n) {
		return def
	}
	return L.CheckString(n)
}

// ToStringMeta converts any value to a string as tostring() does: __tostring first, then numbers,
// strings, booleans, nil, and "type: 0x..." addresses.
func (L *State) ToStringMeta(v Value) string {
	if tm := L.GetMetafield(v, "__tostring"); tm.p != nil {
		r := L.Call1(tm, v)
		if s, ok := r.AsString(); ok {
			return s
		}
		if r.IsNumber() {
			return FormatNumber(r.Float())
		}
		L.Errorf("'__tostring' must return a string")
	}
	switch v.Type() {
	case TypeNumber:
		return FormatNumber(v.Float())
	case TypeString:
		return v.Str()
	case TypeBoolean:
		if v.Truthy() {
			return "true"
		}
		return "false"
	case TypeNil:
		return "nil"
	}
	return v.TypeName() + ": " + PointerString(v)
}

// PointerString formats a reference value's address as %p does on Linux ("0x55...").
func PointerString(v Value) string {
	if isNullUserdata(v) {
		return "(nil)"
	}
	return "0x" + strconv.FormatUint(uint64(uintptr(v.p)), 16)
}

// NewMetatable returns the registry metatable named tname, creating it if needed; created
// reports whether it was new (luaL_newmetatable).
func (L *State) NewMetatable(tname string) (mt *Table, created bool) {
	reg := L.g.registry
	if v := reg.GetStr(tname); v.IsTable() {
		return v.table(), false
	}
	mt = L.NewTable(0, 2)
	reg.SetStr(tname, TableValue(mt))
	return mt, true
}

// CheckUserdata returns argument n if it is a userdata whose metatable is the registry metatable
// tname, or raises "tname expected" (luaL_checkudata).
func (L *State) CheckUserdata(n int, tname string) *Userdata {
	v := L.Get(n)
	if u := v.AsUserdata(); u != nil {
		if mt := L.g.registry.GetStr(tname); mt.IsTable() && u.meta == mt.table() {
			return u
		}
	}
	L.TypeError(n, tname)
	return nil
}

// Reg names a Go function of a library (luaL_Reg).
type Reg struct {
	Name string
	Fn   func(L *State) int
}

// RegisterLib is luaL_register: it finds or creates the library table name (registered in the
// registry's _LOADED table and as a global, created with a hash part sized for funcs), then
// stores the functions in order (the order decides pairs order over the table, as in Lua 5.1).
// An empty name registers the functions into the globals.
func (L *State) RegisterLib(name string, funcs []Reg) *Table {
	var lib *Table
	if name == "" {
		lib = L.gt
	} else {
		loaded := L.loadedTable()
		if v := loaded.GetStr(name); v.IsTable() {
			lib = v.table()
		} else {
			lib = L.findTable(L.gt, name, len(funcs))
			if lib == nil {
				L.Errorf("name conflict for module '%s'", name)
			}
			loaded.SetStr(name, TableValue(lib))
		}
	}
	for _, r := range funcs {
		lib.SetStr(r.Name, FunctionValue(&GoFunction{Fn: r.Fn, Name: r.Name, env: L.currentEnv()}))
	}
	return lib
}

// loadedTable returns registry._LOADED, creating it.
func (L *State) loadedTable() *Table {
	t := L.findTable(L.g.registry, "_LOADED", 1)
	return t
}

// findTable is luaL_findtable: it walks a dotted name from t, creating missing tables (sized
// for szhint at the last level); it returns nil when a non-table is in the way.
func (L *State) findTable(t *Table, fname string, szhint int) *Table {
	for {
		e := 0
		for e < len(fname) && fname[e] != '.' {
			e++
		}
		part := fname[:e]
		v := t.GetStr(part)
		if v.IsNil() {
			hint := szhint
			if e < len(fname) {
				hint = 1
			}
			nt := L.NewTable(0, hint)
			t.SetStr(part, TableValue(nt))
			t = nt
		} else if v.IsTable() {
			t = v.table()
		} else {
			return nil
		}
		if e >= len(fname) {
			return t
		}
		fname = fname[e+1:]
	}
}

// NewFunction returns a Go function value whose environment is the running function's.
func (L *State) NewFunction(name string, fn func(L *State) int) Value {
	return FunctionValue(&GoFunction{Fn: fn, Name: name, env: L.currentEnv()})
}
