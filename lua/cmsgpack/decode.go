package cmsgpack

import (
	"math"

	"github.com/redmoon-dev/redmoon/lua/vm"
)

// decodeError is how the decoder gives up: mp_cur's error codes.
type decodeError int

const (
	errNone   decodeError = iota
	errEOF                // MP_CUR_ERROR_EOF: not enough data
	errBadFmt             // MP_CUR_ERROR_BADFMT: bad data format
)

// A decoder reads MessagePack values from a string as mp_decode_to_lua_type does.
type decoder struct {
	L   *vm.State
	s   string
	pos int
	err decodeError
	// top models the Lua stack height of the unpack frame, for the C code's luaL_checkstack.
	top int
	// elems holds the elements of the arrays being decoded, innermost last.
	elems []vm.Value
}

func (d *decoder) left() int { return len(d.s) - d.pos }

// need is mp_cur_need: it reports whether n more bytes are there, setting the EOF error if not.
func (d *decoder) need(n uint64) bool {
	if uint64(d.left()) < n {
		d.err = errEOF
		return false
	}
	return true
}

func (d *decoder) checkStack(n int, msg string) {
	if d.top+n > vm.MaxCStack {
		d.L.Errorf("stack overflow (%s)", msg)
	}
}

// Big-endian reads at an offset of the input.
func (d *decoder) u16(at int) uint64 { s := d.s[at : at+2]; return uint64(s[0])<<8 | uint64(s[1]) }
func (d *decoder) u32(at int) uint64 { return d.u16(at)<<16 | d.u16(at+2) }
func (d *decoder) u64(at int) uint64 { return d.u32(at)<<32 | d.u32(at+4) }

// value decodes one value; on error it returns nil with d.err set. The value counts as pushed on
// the modelled stack (d.top is one higher) when there is no error.
func (d *decoder) value() vm.Value {
	if !d.need(1) {
		return vm.Nil
	}
	d.checkStack(1, "too many return values at once; use unpack_one or unpack_limit instead.")
	s, p := d.s, d.pos
	c := s[p]
	var v vm.Value
	switch c {
	case 0xcc:
		if !d.need(2) {
			return vm.Nil
		}
		v = vm.Number(float64(s[p+1]))
		d.pos += 2
	case 0xd0:
		if !d.need(2) {
			return vm.Nil
		}
		v = vm.Number(float64(int8(s[p+1])))
		d.pos += 2
	case 0xcd:
		if !d.need(3) {
			return vm.Nil
		}
		v = vm.Number(float64(d.u16(p + 1)))
		d.pos += 3
	case 0xd1:
		if !d.need(3) {
			return vm.Nil
		}
		v = vm.Number(float64(int16(d.u16(p + 1))))
		d.pos += 3
	case 0xce:
		if !d.need(5) {
			return vm.Nil
		}
		v = vm.Number(float64(d.u32(p + 1)))
		d.pos += 5
	case 0xd2:
		if !d.need(5) {
			return vm.Nil
		}
		v = vm.Number(float64(int32(d.u32(p + 1))))
		d.pos += 5
	case 0xcf, 0xd3:
		// lua_pushunsigned is lua_pushinteger on 64 bits: uint64 wraps to int64.
		if !d.need(9) {
			return vm.Nil
		}
		v = vm.Number(float64(int64(d.u64(p + 1))))
		d.pos += 9
	case 0xc0:
		v = vm.Nil
		d.pos++
	case 0xc3:
		v = vm.True
		d.pos++
	case 0xc2:
		v = vm.False
		d.pos++
	case 0xca:
		if !d.need(5) {
			return vm.Nil
		}
		v = vm.Number(float64(math.Float32frombits(uint32(d.u32(p + 1)))))
		d.pos += 5
	case 0xcb:
		if !d.need(9) {
			return vm.Nil
		}
		v = vm.Number(math.Float64frombits(d.u64(p + 1)))
		d.pos += 9
	case 0xd9:
		if !d.need(2) {
			return vm.Nil
		}
		l := uint64(s[p+1])
		if !d.need(2 + l) {
			return vm.Nil
		}
		v = vm.String(s[p+2 : p+2+int(l)])
		d.pos += 2 + int(l)
	case 0xda:
		if !d.need(3) {
			return vm.Nil
		}
		l := d.u16(p + 1)
		if !d.need(3 + l) {
			return vm.Nil
		}
		v = vm.String(s[p+3 : p+3+int(l)])
		d.pos += 3 + int(l)
	case 0xdb:
		if !d.need(5) {
			return vm.Nil
		}
		l := d.u32(p + 1)
		d.pos += 5
		if !d.need(l) {
			return vm.Nil
		}
		v = vm.String(s[d.pos : d.pos+int(l)])
		d.pos += int(l)
	case 0xdc:
		if !d.need(3) {
			return vm.Nil
		}
		l := d.u16(p + 1)
		d.pos += 3
		return d.array(l)
	case 0xdd:
		if !d.need(5) {
			return vm.Nil
		}
		l := d.u32(p + 1)
		d.pos += 5
		return d.array(l)
	case 0xde:
		if !d.need(3) {
			return vm.Nil
		}
		l := d.u16(p + 1)
		d.pos += 3
		return d.hash(l)
	case 0xdf:
		if !d.need(5) {
			return vm.Nil
		}
		l := d.u32(p + 1)
		d.pos += 5
		return d.hash(l)
	default:
		switch {
		case c&0x80 == 0: // positive fixint
			v = vm.Number(float64(c))
			d.pos++
		case c&0xe0 == 0xe0: // negative fixint
			v = vm.Number(float64(int8(c)))
			d.pos++
		case c&0xe0 == 0xa0: // fixstr
			l := uint64(c & 0x1f)
			if !d.need(1 + l) {
				return vm.Nil
			}
			v = vm.String(s[p+1 : p+1+int(l)])
			d.pos += 1 + int(l)
		case c&0xf0 == 0x90: // fixarray
			d.pos++
			return d.array(uint64(c & 0xf))
		case c&0xf0 == 0x80: // fixmap
			d.pos++
			return d.hash(uint64(c & 0xf))
		default:
			d.err = errBadFmt
			return vm.Nil
		}
	}
	d.top++
	return v
}

// array is mp_decode_to_lua_array: t[1..n] = values, nil elements included (assigning nil
// creates the key in the table's node part as lua_settable does).
//
// The elements are collected first. Without a nil among them, they go into a table made with
// the array part that storing them one by one into an empty table ends with (the next power of
// two), so the table is the same and is allocated once; with a nil, they are stored one by one
// as the C code does (a nil creates its key, which changes how the table grows).
func (d *decoder) array(n uint64) vm.Value {
	d.top++
	d.checkStack(1, "in function mp_decode_to_lua_array")
	base := len(d.elems)
	defer func() {
		clear(d.elems[base:])
		d.elems = d.elems[:base]
	}()
	holes := false
	for ; n > 0; n-- {
		d.top++ // the index
		v := d.value()
		if d.err != errNone {
			return vm.Nil
		}
		d.elems = append(d.elems, v)
		holes = holes || v.IsNil()
		d.top -= 2
	}
	elems := d.elems[base:]
	if len(elems) == 0 {
		return vm.TableValue(d.L.NewTable(0, 0))
	}
	if holes {
		t := d.L.NewTable(0, 0)
		for i, v := range elems {
			t.Set(d.L, vm.Int(i+1), v)
		}
		return vm.TableValue(t)
	}
	t := d.L.NewTable(arraySize(len(elems)), 0)
	for i, v := range elems {
		t.SetInt(i+1, v)
	}
	return vm.TableValue(t)
}

// arraySize is the array part a table ends with when the values 1..n are stored into an empty
// table one after the other: each rehash sizes it to the next power of two.
func arraySize(n int) int {
	size := 1
	for size < n {
		size <<= 1
	}
	return size
}

// hash is mp_decode_to_lua_hash.
func (d *decoder) hash(n uint64) vm.Value {
	t := d.L.NewTable(0, 0)
	d.top++
	for ; n > 0; n-- {
		k := d.value()
		if d.err != errNone {
			return vm.Nil
		}
		v := d.value()
		if d.err != errNone {
			return vm.Nil
		}
		t.Set(d.L, k, v)
		d.top -= 2
	}
	return vm.TableValue(t)
}

// unpackFull is mp_unpack_full: it decodes up to limit values from offset (everything when both
// are 0) and returns how many results it pushed (the next offset first unless decoding
// everything).
func unpackFull(L *vm.State, limit, offset int64) int {
	s := L.CheckString(1)
	decodeAll := limit == 0 && offset == 0
	if offset < 0 || limit < 0 {
		L.Errorf("Invalid request to unpack with offset of %d and limit of %d.", int(int32(offset)), int(int32(len(s))))
	}
	if uint64(offset) > uint64(len(s)) {
		L.Errorf("Start offset %d greater than input length %d.", int(int32(offset)), int(int32(len(s))))
	}
	if decodeAll {
		limit = math.MaxInt32
	}
	d := decoder{L: L, s: s, pos: int(offset), top: L.GetTop()}
	cnt := int64(0)
	for ; d.left() > 0 && cnt < limit; cnt++ {
		v := d.value()
		switch d.err {
		case errEOF:
			L.Errorf("Missing bytes in input.")
		case errBadFmt:
			L.Errorf("Bad data format in input.")
		}
		L.Push(v)
	}
	if !decodeAll {
		d.checkStack(1, "in function mp_unpack_full")
		next := int64(len(s) - d.left())
		if d.left() == 0 {
			next = -1
		}
		L.Push(vm.Number(float64(next)))
		L.Insert(2) // the frame holds just the input string below the values
		cnt++
	}
	return int(cnt)
}

func unpack(L *vm.State) int { return unpackFull(L, 0, 0) }

func unpackOne(L *vm.State) int {
	offset := int64(L.OptInteger(2, 0))
	if L.GetTop() > 1 {
		L.SetTop(1)
	}
	return unpackFull(L, 1, offset)
}

func unpackLimit(L *vm.State) int {
	limit := int64(L.CheckInteger(2))
	offset := int64(L.OptInteger(3, 0))
	if L.GetTop() > 1 {
		L.SetTop(1)
	}
	return unpackFull(L, limit, offset)
}
