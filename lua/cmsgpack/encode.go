package cmsgpack

import (
	"encoding/binary"
	"math"

	"github.com/redmoon-dev/redmoon/lua/vm"
)

// An encoder packs Lua values into MessagePack as lua-cmsgpack does.
type encoder struct {
	buf []byte
	// top models the Lua stack height of mp_pack's frame, where the C code checks for room
	// (luaL_checkstack) before it pushes; L is where those errors are raised.
	top int
	L   *vm.State
}

// checkStack is luaL_checkstack against the model of the stack.
func (e *encoder) checkStack(n int, msg string) {
	if e.top+n > vm.MaxCStack {
		e.L.Errorf("stack overflow (%s)", msg)
	}
}

// encode is mp_encode_lua_type: it appends the packing of v, a value at the given nesting level
// that sits on top of the modelled stack.
func (e *encoder) encode(v vm.Value, level int) {
	switch v.Type() {
	case vm.TypeString:
		e.encodeBytes(v.Str())
	case vm.TypeBoolean:
		if v.Truthy() {
			e.buf = append(e.buf, 0xc3)
		} else {
			e.buf = append(e.buf, 0xc2)
		}
	case vm.TypeNumber:
		e.encodeNumber(v.Float())
	case vm.TypeTable:
		if level == MaxNesting {
			e.buf = append(e.buf, 0xc0)
			break
		}
		t := v.AsTable()
		if e.isArray(t) {
			e.encodeArray(t, level)
		} else {
			e.encodeMap(t, level)
		}
	default:
		e.buf = append(e.buf, 0xc0)
	}
}

// encodeNumber appends the packing of a number.
func (e *encoder) encodeNumber(f float64) {
	if !math.IsInf(f, 0) && float64(cInt64(f)) == f {
		e.encodeInt(cInt64(f))
	} else {
		e.encodeDouble(f)
	}
}

// cInt64 is C's (int64_t) cast of a double on x86-64: out of range and NaN give the minimum.
func cInt64(f float64) int64 {
	if f >= -9.223372036854775808e18 && f < 9.223372036854775808e18 {
		return int64(f)
	}
	return math.MinInt64
}

// cInt32 is C's (int) cast of a double on x86-64.
func cInt32(f float64) int32 {
	if f > -2147483649 && f < 2147483648 {
		return int32(f)
	}
	return math.MinInt32
}

func (e *encoder) encodeDouble(d float64) {
	f := float32(d)
	if float64(f) == d {
		e.buf = append(e.buf, 0xca)
		e.buf = binary.BigEndian.AppendUint32(e.buf, math.Float32bits(f))
		return
	}
	e.buf = append(e.buf, 0xcb)
	e.buf = binary.BigEndian.AppendUint64(e.buf, math.Float64bits(d))
}

func (e *encoder) encodeInt(n int64) {
	b := e.buf
	if n >= 0 {
		switch {
		case n <= 127:
			b = append(b, byte(n))
		case n <= 0xff:
			b = append(b, 0xcc, byte(n))
		case n <= 0xffff:
			b = append(b, 0xcd, byte(n>>8), byte(n))
		case n <= 0xffffffff:
			b = append(b, 0xce)
			b = binary.BigEndian.AppendUint32(b, uint32(n))
		default:
			b = append(b, 0xcf)
			b = binary.BigEndian.AppendUint64(b, uint64(n))
		}
	} else {
		switch {
		case n >= -32:
			b = append(b, byte(int8(n)))
		case n >= -128:
			b = append(b, 0xd0, byte(n))
		case n >= -32768:
			b = append(b, 0xd1, byte(n>>8), byte(n))
		case n >= -2147483648:
			b = append(b, 0xd2)
			b = binary.BigEndian.AppendUint32(b, uint32(n))
		default:
			b = append(b, 0xd3)
			b = binary.BigEndian.AppendUint64(b, uint64(n))
		}
	}
	e.buf = b
}

func (e *encoder) encodeBytes(s string) {
	n := len(s)
	switch {
	case n < 32:
		e.buf = append(e.buf, 0xa0|byte(n))
	case n <= 0xff:
		e.buf = append(e.buf, 0xd9, byte(n))
	case n <= 0xffff:
		e.buf = append(e.buf, 0xda, byte(n>>8), byte(n))
	default:
		e.buf = append(e.buf, 0xdb)
		e.buf = binary.BigEndian.AppendUint32(e.buf, uint32(n))
	}
	e.buf = append(e.buf, s...)
}

func (e *encoder) encodeArrayHeader(n uint64) {
	switch {
	case n <= 15:
		e.buf = append(e.buf, 0x90|byte(n))
	case n <= 0xffff:
		e.buf = append(e.buf, 0xdc, byte(n>>8), byte(n))
	default:
		e.buf = append(e.buf, 0xdd)
		e.buf = binary.BigEndian.AppendUint32(e.buf, uint32(n))
	}
}

func (e *encoder) encodeMapHeader(n uint64) {
	switch {
	case n <= 15:
		e.buf = append(e.buf, 0x80|byte(n))
	case n <= 0xffff:
		e.buf = append(e.buf, 0xde, byte(n>>8), byte(n))
	default:
		e.buf = append(e.buf, 0xdf)
		e.buf = binary.BigEndian.AppendUint32(e.buf, uint32(n))
	}
}

// isArray is table_is_an_array: every key a number equal to a positive C int, and the largest
// key equal to the number of keys.
func (e *encoder) isArray(t *vm.Table) bool {
	e.checkStack(2, "in function table_is_an_array")
	count, max := int32(0), int32(0)
	array := true
	t.ForEach(func(k, _ vm.Value) bool {
		n, ok := k.AsNumber()
		if !ok || n <= 0 || float64(cInt32(n)) != n {
			array = false
			return false
		}
		if n > float64(max) {
			max = int32(n)
		}
		count++
		return true
	})
	return array && max == count
}

func (e *encoder) encodeArray(t *vm.Table, level int) {
	n := t.Len()
	e.encodeArrayHeader(uint64(n))
	e.checkStack(1, "in function mp_encode_lua_table_as_array")
	e.top++
	for j := 1; j <= n; j++ {
		e.encode(t.GetInt(j), level+1)
	}
	e.top--
}

func (e *encoder) encodeMap(t *vm.Table, level int) {
	e.checkStack(3, "in function mp_encode_lua_table_as_map")
	n := 0
	t.ForEach(func(_, _ vm.Value) bool {
		n++
		return true
	})
	e.encodeMapHeader(uint64(n))
	base := e.top
	t.ForEach(func(k, v vm.Value) bool {
		e.top = base + 3 // the key, the value and the copy of the key being encoded
		e.encode(k, level+1)
		e.top = base + 2
		e.encode(v, level+1)
		return true
	})
	e.top = base
}

// pack is mp_pack: it encodes its arguments into buf and pushes the result; it returns buf for
// reuse.
func pack(L *vm.State, buf []byte) []byte {
	nargs := L.GetTop()
	if nargs == 0 {
		L.ArgError(0, "MessagePack pack needs input.")
	}
	if nargs+nargs > vm.MaxCStack {
		L.ArgError(0, "Too many arguments for MessagePack pack.")
	}
	e := encoder{L: L, top: nargs, buf: buf}
	for i := 1; i <= nargs; i++ {
		e.checkStack(1, "in function mp_check")
		e.top++ // the copy of the argument being encoded
		e.encode(L.Get(i), 0)
		// The C code pushes each argument's encoding as a string, then concatenates them.
	}
	L.Push(vm.String(string(e.buf)))
	return e.buf
}
