package vm

import "unsafe"

// Metamethod events, in Lua 5.1's TMS order.
type tms int

const (
	tmIndex tms = iota
	tmNewindex
	tmGC
	tmMode
	tmEq
	tmAdd
	tmSub
	tmMul
	tmDiv
	tmMod
	tmPow
	tmUnm
	tmLen
	tmLt
	tmLe
	tmConcat
	tmCall
	tmCount
)

var tmNameList = [tmCount]string{"__index", "__newindex", "__gc", "__mode", "__eq", "__add", "__sub",
	"__mul", "__div", "__mod", "__pow", "__unm", "__len", "__lt", "__le", "__concat", "__call"}

const maxTagLoop = 100

// fastTM returns metamethod e of metatable mt, caching its absence in mt.flags.
func (L *State) fastTM(mt *Table, e tms) Value {
	if mt == nil || mt.flags&(1<<e) != 0 {
		return Nil
	}
	v := mt.getStrH(L.g.tmNames[e], L.g.tmHash[e])
	if v.p == nil {
		mt.flags |= 1 << e
	}
	return v
}

// metatable returns the metatable of any value.
func (L *State) metatable(v Value) *Table {
	switch v.Type() {
	case TypeTable:
		return v.table().meta
	case TypeUserdata:
		return v.udata().meta
	}
	return L.g.mt[v.Type()]
}

// tmByObj is luaT_gettmbyobj.
func (L *State) tmByObj(v Value, e tms) Value {
	mt := L.metatable(v)
	if mt == nil {
		return Nil
	}
	return mt.getStrH(L.g.tmNames[e], L.g.tmHash[e])
}

// GetMetatable returns v's metatable (nil if none).
func (L *State) GetMetatable(v Value) *Table { return L.metatable(v) }

// GetMetafield returns field name of v's metatable (raw), or nil.
func (L *State) GetMetafield(v Value, name string) Value {
	mt := L.metatable(v)
	if mt == nil {
		return Nil
	}
	return mt.GetStr(name)
}

// callTMres calls f(a, b) with one result, through the C-level call path.
func (L *State) callTMres(f, a, b Value) Value {
	top := L.top
	L.ensure(top + 3)
	L.stack[top] = f
	L.stack[top+1] = a
	L.stack[top+2] = b
	L.top = top + 3
	L.call(top, 1)
	r := L.stack[top]
	L.top = top
	return r
}

// callTM calls f(a, b, c) with no results.
func (L *State) callTM(f, a, b, c Value) {
	top := L.top
	L.ensure(top + 4)
	L.stack[top] = f
	L.stack[top+1] = a
	L.stack[top+2] = b
	L.stack[top+3] = c
	L.top = top + 4
	L.call(top, 0)
	L.top = top
}

// index is luaV_gettable: t[k] with __index. reg is t's register in the current frame (-1 if t is
// not a register), for error messages.
func (L *State) index(t, k Value, reg int) Value {
	for loop := 0; loop < maxTagLoop; loop++ {
		var tm Value
		if t.IsTable() {
			h := t.table()
			v := h.Get(k)
			if v.p != nil {
				return v
			}
			if tm = L.fastTM(h.meta, tmIndex); tm.p == nil {
				return Nil
			}
		} else if tm = L.tmByObj(t, tmIndex); tm.p == nil {
			L.typeError(t, reg, "index")
		}
		if tm.IsFunction() {
			return L.callTMres(tm, t, k)
		}
		t = tm
		reg = -1
	}
	L.RunError("loop in gettable")
	return Nil
}

// indexStr is index for a string key with a known hash.
func (L *State) indexStr(t, k Value, h uint32, reg int) Value {
	for loop := 0; loop < maxTagLoop; loop++ {
		var tm Value
		if t.IsTable() {
			ht := t.table()
			v := ht.getStrH(k, h)
			if v.p != nil {
				return v
			}
			if tm = L.fastTM(ht.meta, tmIndex); tm.p == nil {
				return Nil
			}
		} else if tm = L.tmByObj(t, tmIndex); tm.p == nil {
			L.typeError(t, reg, "index")
		}
		if tm.IsFunction() {
			return L.callTMres(tm, t, k)
		}
		t = tm
		reg = -1
	}
	L.RunError("loop in gettable")
	return Nil
}

// setIndex is luaV_settable: t[k] = v with __newindex.
func (L *State) setIndex(t, k, v Value, reg int) {
	for loop := 0; loop < maxTagLoop; loop++ {
		var tm Value
		if t.IsTable() {
			h := t.table()
			if h.readonly {
				L.readonlyError()
			}
			slot := h.slot(L, k)
			if slot.p != nil {
				*slot = v
				return
			}
			if tm = L.fastTM(h.meta, tmNewindex); tm.p == nil {
				*slot = v
				return
			}
		} else if tm = L.tmByObj(t, tmNewindex); tm.p == nil {
			L.typeError(t, reg, "index")
		}
		if tm.IsFunction() {
			L.callTM(tm, t, k, v)
			return
		}
		t = tm
		reg = -1
	}
	L.RunError("loop in settable")
}

// setIndexStr is setIndex for a string key with a known hash.
func (L *State) setIndexStr(t, k, v Value, h uint32, reg int) {
	if t.IsTable() {
		ht := t.table()
		if ht.readonly {
			L.readonlyError()
		}
		slot := ht.slotStrH(L, k, h)
		if slot.p != nil || ht.meta == nil {
			*slot = v
			return
		}
		if tm := L.fastTM(ht.meta, tmNewindex); tm.p == nil {
			*slot = v
			return
		}
	}
	L.setIndex(t, k, v, reg)
}

// toNumber is luaV_tonumber: numbers and numeric strings.
func toNumber(v Value) (float64, bool) {
	if v.IsNumber() {
		return v.Float(), true
	}
	if v.IsString() {
		return ParseNumber(v.Str())
	}
	return 0, false
}

// ToNumber converts v to a number as Lua's arithmetic does (numbers and numeric strings).
func ToNumber(v Value) (float64, bool) { return toNumber(v) }

// toStringCoerce converts numbers to strings (luaV_tostring); ok is false for other non-strings.
func toStringCoerce(v Value) (Value, bool) {
	if v.IsString() {
		return v, true
	}
	if v.IsNumber() {
		return String(FormatNumber(v.Float())), true
	}
	return v, false
}

func arithOp(op tms, a, b float64) float64 {
	switch op {
	case tmAdd:
		return a + b
	case tmSub:
		return a - b
	case tmMul:
		return a * b
	case tmDiv:
		return a / b
	case tmMod:
		return luaMod(a, b)
	case tmPow:
		return luaPow(a, b)
	case tmUnm:
		return -a
	}
	return 0
}

// arith is luaV_arith's slow path: string coercion, then metamethods.
func (L *State) arith(b Value, breg int, c Value, creg int, op tms) Value {
	if nb, ok := toNumber(b); ok {
		if nc, ok := toNumber(c); ok {
			return Number(arithOp(op, nb, nc))
		}
	}
	tm := L.tmByObj(b, op)
	if tm.p == nil {
		tm = L.tmByObj(c, op)
	}
	if tm.p == nil {
		if _, ok := toNumber(b); !ok {
			L.typeError(b, breg, "perform arithmetic on")
		}
		L.typeError(c, creg, "perform arithmetic on")
	}
	return L.callTMres(tm, b, c)
}

// Arith performs a binary arithmetic operation with Lua's coercions and metamethods. op is one of
// '+', '-', '*', '/', '%', '^'.
func (L *State) Arith(op byte, a, b Value) Value {
	var e tms
	switch op {
	case '+':
		e = tmAdd
	case '-':
		e = tmSub
	case '*':
		e = tmMul
	case '/':
		e = tmDiv
	case '%':
		e = tmMod
	case '^':
		e = tmPow
	default:
		e = tmUnm
	}
	if a.IsNumber() && b.IsNumber() {
		return Number(arithOp(e, a.Float(), b.Float()))
	}
	return L.arith(a, -1, b, -1, e)
}

// equalObj is luaV_equalval for values of the same type tag class.
func (L *State) equalObj(a, b Value) bool {
	if a.Type() != b.Type() {
		return false
	}
	if RawEqual(a, b) {
		return true
	}
	var tm Value
	switch a.Type() {
	case TypeTable:
		tm = L.compTM(a.table().meta, b.table().meta, tmEq)
	case TypeUserdata:
		tm = L.compTM(a.udata().meta, b.udata().meta, tmEq)
	default:
		return false
	}
	if tm.p == nil {
		return false
	}
	return L.callTMres(tm, a, b).Truthy()
}

// Equal compares a and b as == does (with __eq).
func (L *State) Equal(a, b Value) bool { return L.equalObj(a, b) }

func (L *State) compTM(mt1, mt2 *Table, e tms) Value {
	tm1 := L.fastTM(mt1, e)
	if tm1.p == nil {
		return Nil
	}
	if mt1 == mt2 {
		return tm1
	}
	tm2 := L.fastTM(mt2, e)
	if tm2.p == nil {
		return Nil
	}
	if RawEqual(tm1, tm2) {
		return tm1
	}
	return Nil
}

func (L *State) callOrderTM(a, b Value, e tms) int {
	tm1 := L.tmByObj(a, e)
	if tm1.p == nil {
		return -1
	}
	tm2 := L.tmByObj(b, e)
	if !RawEqual(tm1, tm2) {
		return -1
	}
	if L.callTMres(tm1, a, b).Truthy() {
		return 1
	}
	return 0
}

// lessThan is luaV_lessthan.
func (L *State) lessThan(a, b Value) bool {
	ta, tb := a.Type(), b.Type()
	if ta != tb {
		L.orderError(a, b)
	}
	switch ta {
	case TypeNumber:
		return a.Float() < b.Float()
	case TypeString:
		return a.Str() < b.Str()
	}
	if r := L.callOrderTM(a, b, tmLt); r >= 0 {
		return r == 1
	}
	L.orderError(a, b)
	return false
}

// lessEqual is Lua 5.1's lessequal.
func (L *State) lessEqual(a, b Value) bool {
	ta, tb := a.Type(), b.Type()
	if ta != tb {
		L.orderError(a, b)
	}
	switch ta {
	case TypeNumber:
		return a.Float() <= b.Float()
	case TypeString:
		return a.Str() <= b.Str()
	}
	if r := L.callOrderTM(a, b, tmLe); r >= 0 {
		return r == 1
	}
	if r := L.callOrderTM(b, a, tmLt); r >= 0 {
		return r == 0
	}
	L.orderError(a, b)
	return false
}

// LessThan compares a < b as Lua does (with __lt).
func (L *State) LessThan(a, b Value) bool { return L.lessThan(a, b) }

// objLen is the # operator's slow path for non-table, non-string values.
func (L *State) objLen(v Value, reg int) Value {
	tm := L.tmByObj(v, tmLen)
	if tm.p == nil {
		tm = L.tmByObj(Nil, tmLen)
	}
	if tm.p == nil {
		L.typeError(v, reg, "get length of")
	}
	return L.callTMres(tm, v, Nil)
}

// concat is luaV_concat over registers [first, last] of the current frame (absolute stack
// indices); the result is left at stack[first].
func (L *State) concat(first, last int) {
	total := last - first + 1
	for total > 1 {
		top := first + total // one past the last operand
		a, b := L.stack[top-2], L.stack[top-1]
		n := 2
		if !a.isStringOrNum() || !b.isStringOrNum() {
			tm := L.tmByObj(a, tmConcat)
			if tm.p == nil {
				tm = L.tmByObj(b, tmConcat)
			}
			if tm.p == nil {
				bad, reg := a, top-2
				if a.isStringOrNum() {
					bad, reg = b, top-1
				}
				L.typeError(bad, reg-L.ci.base, "concatenate")
			}
			L.stack[top-2] = L.callTMres(tm, a, b)
		} else if b.IsString() && b.strLen() == 0 {
			L.stack[top-2], _ = toStringCoerce(a)
		} else {
			// collect as many string/number operands as possible
			tl := 0
			n = 0
			for n < total {
				v := L.stack[top-n-1]
				if v.IsString() {
					tl += v.strLen()
				} else if v.IsNumber() {
					sv := String(FormatNumber(v.Float()))
					L.stack[top-n-1] = sv
					tl += sv.strLen()
				} else {
					break
				}
				n++
			}
			if L.g.maxString > 0 && tl > L.g.maxString {
				L.Error(String("not enough memory"))
			}
			buf := make([]byte, tl)
			off := 0
			for i := n; i > 0; i-- {
				off += copy(buf[off:], L.stack[top-i].Str())
			}
			L.stack[top-n] = String(unsafe.String(unsafe.SliceData(buf), len(buf)))
		}
		total -= n - 1
	}
}

// Concat concatenates values as .. does (numbers formatted, __concat for others).
func (L *State) Concat(vals ...Value) Value {
	if len(vals) == 0 {
		return String("")
	}
	base := L.top
	L.ensure(base + len(vals))
	copy(L.stack[base:], vals)
	L.top = base + len(vals)
	L.concat(base, base+len(vals)-1)
	r := L.stack[base]
	L.top = base
	return r
}
