package stdlib

import (
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// The table library (Lua 5.1's ltablib.c). table.sort is in tablesort.go.

func init() { register(TableLib, 20, func(L *vm.State) { OpenTable(L) }) }

var tableFuncs = []vm.Reg{
	{Name: "concat", Fn: tblConcat},
	{Name: "foreach", Fn: tblForeach},
	{Name: "foreachi", Fn: tblForeachi},
	{Name: "getn", Fn: tblGetn},
	{Name: "insert", Fn: tblInsert},
	{Name: "maxn", Fn: tblMaxn},
	{Name: "remove", Fn: tblRemove},
	{Name: "setn", Fn: tblSetn},
	{Name: "sort", Fn: tblSort},
}

// OpenTable opens the table library (luaopen_table).
func OpenTable(L *vm.State) *vm.Table {
	return L.RegisterLib("table", tableFuncs)
}

// auxGetn is ltablib.c's aux_getn: argument n must be a table; its length by the border rule
// (no __len for tables in 5.1).
func auxGetn(L *vm.State, n int) (*vm.Table, int) {
	t := L.CheckTable(n)
	return t, t.Len()
}

// rawSetInt is lua_rawseti.
func rawSetInt(L *vm.State, t *vm.Table, i int, v vm.Value) {
	L.RawSet(t, vm.Int(i), v)
}

func tblForeachi(L *vm.State) int {
	t, n := auxGetn(L, 1)
	L.CheckType(2, vm.TypeFunction)
	for i := 1; i <= n; i++ {
		L.PushValue(2)
		L.PushInt(i)
		L.Push(t.GetInt(i))
		L.Call(2, 1)
		if !L.Get(-1).IsNil() {
			return 1
		}
		L.Pop(1)
	}
	return 0
}

func tblForeach(L *vm.State) int {
	t := L.CheckTable(1)
	L.CheckType(2, vm.TypeFunction)
	k := vm.Nil
	for {
		key, val, ok := L.Next(t, k)
		if !ok {
			return 0
		}
		L.PushValue(2)
		L.Push(key)
		L.Push(val)
		L.Call(2, 1)
		if !L.Get(-1).IsNil() {
			return 1
		}
		L.Pop(1)
		k = key
	}
}

func tblMaxn(L *vm.State) int {
	t := L.CheckTable(1)
	max := 0.0
	k := vm.Nil
	for {
		key, _, ok := L.Next(t, k)
		if !ok {
			break
		}
		if key.IsNumber() {
			if v := key.Float(); v > max {
				max = v
			}
		}
		k = key
	}
	L.PushNumber(max)
	return 1
}

func tblGetn(L *vm.State) int {
	_, n := auxGetn(L, 1)
	L.PushInt(n)
	return 1
}

func tblSetn(L *vm.State) int {
	L.CheckTable(1)
	L.Errorf("'setn' is obsolete")
	return 0
}

func tblInsert(L *vm.State) int {
	t, n := auxGetn(L, 1)
	e := int(int32(n + 1)) // first empty element (a C int)
	var pos int
	switch L.GetTop() {
	case 2:
		pos = e
	case 3:
		pos = checkInt(L, 2)
		if pos > e {
			e = pos // grow the array if necessary
		}
		for i := e; i > pos; i-- { // move up elements
			rawSetInt(L, t, i, t.GetInt(i-1))
		}
	default:
		L.Errorf("wrong number of arguments to 'insert'")
	}
	rawSetInt(L, t, pos, L.Get(-1))
	return 0
}

func tblRemove(L *vm.State) int {
	t, n := auxGetn(L, 1)
	e := int(int32(n))
	pos := optInt(L, 2, e)
	if !(1 <= pos && pos <= e) { // position is outside bounds
		return 0
	}
	L.Push(t.GetInt(pos))
	for ; pos < e; pos++ {
		rawSetInt(L, t, pos, t.GetInt(pos+1))
	}
	rawSetInt(L, t, e, vm.Nil)
	return 1
}

func tblConcat(L *vm.State) int {
	sep := L.OptString(2, "")
	t := L.CheckTable(1)
	i := optInt(L, 3, 1)
	var last int
	if L.IsNoneOrNil(4) {
		last = int(int32(t.Len()))
	} else {
		last = checkInt(L, 4)
	}
	if i > last {
		L.PushString("")
		return 1
	}
	// Size the result first: one pass to check the values, one to copy.
	size := 0
	for k := i; ; k++ {
		v := t.GetInt(k)
		switch {
		case v.IsString():
			size += len(v.Str())
		case v.IsNumber():
			size += 8
		default:
			L.Errorf("invalid value (%s) at index %d in table for 'concat'", v.TypeName(), k)
		}
		if k == last {
			break
		}
		size += len(sep)
	}
	if size > MaxStringSize {
		L.Errorf("not enough memory")
	}
	b := make([]byte, 0, size)
	for k := i; ; k++ {
		v := t.GetInt(k)
		if v.IsString() {
			b = append(b, v.Str()...)
		} else {
			b = vm.AppendNumber(b, v.Float())
		}
		if k == last {
			break
		}
		b = append(b, sep...)
	}
	L.PushString(bytesToString(b))
	return 1
}
