package cjson

import (
	"math"
	"strconv"

	"github.com/redmoon-dev/redmoon/lua/internal/luanum"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// char2escape is lua-cjson's escape table: nil for bytes copied as they are.
var char2escape [256]string

func init() {
	const hex = "0123456789abcdef"
	for c := 0; c < 0x20; c++ {
		char2escape[c] = `\u00` + string(hex[c>>4]) + string(hex[c&15])
	}
	char2escape['\b'] = `\b`
	char2escape['\t'] = `\t`
	char2escape['\n'] = `\n`
	char2escape['\f'] = `\f`
	char2escape['\r'] = `\r`
	char2escape['"'] = `\"`
	char2escape['\\'] = `\\`
	char2escape['/'] = `\/`
	char2escape[0x7f] = `\u007f`
}

// encoder holds one encode call: the configuration, the output and a model of the Lua stack
// height of json_encode's frame, where the C code checks for room before descending.
type encoder struct {
	L   *vm.State
	cfg *Config
	buf []byte
	top int
}

// fail raises lua-cjson's "Cannot serialise <type>: <reason>".
func (e *encoder) fail(v vm.Value, reason string) {
	e.L.Errorf("Cannot serialise %s: %s", v.TypeName(), reason)
}

// Encode is cjson.encode's conversion with the given configuration. Errors are raised in L as
// the Lua function raises them.
func (cfg *Config) Encode(L *vm.State, v vm.Value) string {
	e := encoder{L: L, cfg: cfg, top: 1}
	if cfg.EncodeKeepBuffer {
		e.buf = cfg.buf[:0]
	}
	e.value(v, 0)
	s := string(e.buf)
	if cfg.EncodeKeepBuffer {
		cfg.buf = e.buf
	}
	return s
}

func encode(L *vm.State, cfg *Config) int {
	L.ArgCheck(L.GetTop() == 1, 1, "expected 1 argument")
	L.Push(vm.String(cfg.Encode(L, L.Get(1))))
	return 1
}

// value is json_append_data for the value v, which sits at the top of the modelled stack.
func (e *encoder) value(v vm.Value, depth int) {
	switch v.Type() {
	case vm.TypeString:
		e.str(v.Str())
	case vm.TypeNumber:
		e.number(v, v.Float())
	case vm.TypeBoolean:
		if v.Truthy() {
			e.buf = append(e.buf, "true"...)
		} else {
			e.buf = append(e.buf, "false"...)
		}
	case vm.TypeTable:
		depth++
		if depth > e.cfg.EncodeMaxDepth || e.top+3 > vm.MaxCStack {
			e.L.Errorf("Cannot serialise, excessive nesting (%d)", depth)
		}
		t := v.AsTable()
		if n := e.arrayLength(v, t); n > 0 {
			e.array(t, depth, n)
		} else {
			e.object(t, depth)
		}
	case vm.TypeNil:
		e.buf = append(e.buf, "null"...)
	default:
		if v.AsUserdata() == vm.NullUserdata {
			e.buf = append(e.buf, "null"...)
			return
		}
		e.fail(v, "type not supported")
	}
}

// number is json_append_number; v is the value reported in an error.
func (e *encoder) number(v vm.Value, f float64) {
	switch e.cfg.EncodeInvalidNumbers {
	case 0:
		if math.IsInf(f, 0) || math.IsNaN(f) {
			e.fail(v, "must not be NaN or Inf")
		}
	case 1:
		if math.IsNaN(f) {
			e.buf = append(e.buf, "nan"...)
			return
		}
	default:
		if math.IsInf(f, 0) || math.IsNaN(f) {
			e.buf = append(e.buf, "null"...)
			return
		}
	}
	e.buf = appendNumber(e.buf, f, e.cfg.EncodeNumberPrecision)
}

// appendNumber appends f formatted with "%.<prec>g".
func appendNumber(dst []byte, f float64, prec int) []byte {
	if prec == 14 || math.IsInf(f, 0) || math.IsNaN(f) {
		return luanum.AppendNumber(dst, f)
	}
	return strconv.AppendFloat(dst, f, 'g', prec, 64)
}

// str is json_append_string.
func (e *encoder) str(s string) {
	b := append(e.buf, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		if esc := char2escape[s[i]]; esc != "" {
			b = append(b, s[start:i]...)
			b = append(b, esc...)
			start = i + 1
		}
	}
	b = append(b, s[start:]...)
	e.buf = append(b, '"')
}

// cInt32 is C's (int) cast of a double on x86-64 (cvttsd2si): out of range and NaN give the
// minimum.
func cInt32(f float64) int32 {
	if f > -2147483649 && f < 2147483648 {
		return int32(f)
	}
	return math.MinInt32
}

// arrayLength is lua_array_length: the largest key when every key is a positive integer (the
// C int it is kept in wraps as on x86-64, so a key of 2^31 or more makes it negative and the
// table an object), -1 for an object. An excessively sparse array raises an error, or counts as
// an object when encode_sparse_array's convert is on.
func (e *encoder) arrayLength(v vm.Value, t *vm.Table) int {
	var max, items int32
	object := false
	t.ForEach(func(key, _ vm.Value) bool {
		if k, ok := key.AsNumber(); ok && k != 0 && math.Floor(k) == k && k >= 1 {
			if k > float64(max) {
				max = cInt32(k)
			}
			items++
			return true
		}
		object = true
		return false
	})
	if object {
		return -1
	}
	cfg := e.cfg
	if cfg.EncodeSparseRatio > 0 && max > items*int32(cfg.EncodeSparseRatio) && max > int32(cfg.EncodeSparseSafe) {
		if !cfg.EncodeSparseConvert {
			e.fail(v, "excessively sparse array")
		}
		return -1
	}
	return int(max)
}

// array is json_append_array: elements 1..n, holes as null.
func (e *encoder) array(t *vm.Table, depth, n int) {
	e.buf = append(e.buf, '[')
	e.top++ // the element being encoded
	for i := 1; i <= n; i++ {
		if i > 1 {
			e.buf = append(e.buf, ',')
		}
		e.value(t.GetInt(i), depth)
	}
	e.top--
	e.buf = append(e.buf, ']')
}

// object is json_append_object: members in next() order, number keys written as strings with
// the number format.
func (e *encoder) object(t *vm.Table, depth int) {
	e.buf = append(e.buf, '{')
	e.top += 2 // the key and the value being encoded
	first := true
	t.ForEach(func(k, v vm.Value) bool {
		if !first {
			e.buf = append(e.buf, ',')
		}
		first = false
		switch k.Type() {
		case vm.TypeNumber:
			e.buf = append(e.buf, '"')
			e.number(k, k.Float())
			e.buf = append(e.buf, '"', ':')
		case vm.TypeString:
			e.str(k.Str())
			e.buf = append(e.buf, ':')
		default:
			e.fail(k, "table key must be a number or string")
		}
		e.value(v, depth)
		return true
	})
	e.top -= 2
	e.buf = append(e.buf, '}')
}
