// Package bit is LuaBitOp 1.0.2, the bitwise operations library Redis bundles as the global
// table bit: tobit, tohex, bnot, band, bor, bxor, lshift, rshift, arshift, rol, ror and bswap.
//
// Every operation works on 32-bit integers and returns a signed 32-bit result as a Lua number.
// Arguments are normalised as LuaBitOp does on a double-number Lua: x + 2^52 + 2^51 is computed
// in double arithmetic and the low 32 bits of the result are kept, so fractional inputs round to
// nearest even, large inputs wrap modulo 2^32, and NaN and the infinities become 0. Numeric
// strings are accepted; any other argument raises "bad argument #n to 'f' (number expected, got
// T)". Shift counts use their low five bits. tohex(x, n) formats the low |n| hexadecimal digits
// (n defaults to 8, at most 8, upper case when negative; -2^31 counts as -(2^31-1), Redis's fix
// for CVE-2024-31449).
//
// Open registers the library in a state; the Redis environment opens it with the other bundled
// libraries. The oracle cases and benchmarks against redis-server of the four bundled libraries
// are described in lua/cjson/README.md.
package bit

import (
	"math"

	"github.com/redmoon-dev/redmoon/lua/vm"
)

// Name is the global name of the library.
const Name = "bit"

// funcs lists the library in LuaBitOp's registration order (it decides pairs order over the
// table).
var funcs = []vm.Reg{
	{Name: "tobit", Fn: tobit},
	{Name: "bnot", Fn: bnot},
	{Name: "band", Fn: band},
	{Name: "bor", Fn: bor},
	{Name: "bxor", Fn: bxor},
	{Name: "lshift", Fn: lshift},
	{Name: "rshift", Fn: rshift},
	{Name: "arshift", Fn: arshift},
	{Name: "rol", Fn: rol},
	{Name: "ror", Fn: ror},
	{Name: "bswap", Fn: bswap},
	{Name: "tohex", Fn: tohex},
}

// Open registers the bit library in L as luaopen_bit does (a global table bit, also recorded in
// the registry's _LOADED) and returns the table.
func Open(L *vm.State) *vm.Table { return L.RegisterLib(Name, funcs) }

// magic is 2^52 + 2^51: adding it to a double leaves the integer part of the sum, rounded to
// nearest even, in the low bits of the mantissa.
const magic = 6755399441055744.0

// Norm converts a number to LuaBitOp's 32-bit integer as its argument normalisation does.
func Norm(f float64) uint32 { return uint32(math.Float64bits(f + magic)) }

// arg is LuaBitOp's barg for Lua 5.1: lua_tonumber (0 for non-numbers), normalised, and a type
// error only when the result is 0 and the argument is not a number or numeric string.
func arg(L *vm.State, idx int) uint32 {
	v := L.Get(idx)
	if v.IsNumber() {
		return Norm(v.Float())
	}
	return argSlow(L, idx, v)
}

// argSlow is arg for an argument that is not a number: a numeric string or an error.
func argSlow(L *vm.State, idx int, v vm.Value) uint32 {
	f, isnum := vm.ToNumber(v)
	b := Norm(f)
	if b == 0 && !isnum {
		L.TypeError(idx, "number")
	}
	return b
}

// ret pushes b as a signed 32-bit number.
func ret(L *vm.State, b uint32) int {
	L.Push(vm.Number(float64(int32(b))))
	return 1
}

func tobit(L *vm.State) int { return ret(L, arg(L, 1)) }

func bnot(L *vm.State) int { return ret(L, ^arg(L, 1)) }

// The variadic operations read argument 1, then the others from the last one down, as
// LuaBitOp's loop does (so the error names the last bad argument).
func band(L *vm.State) int {
	b := arg(L, 1)
	for i := L.GetTop(); i > 1; i-- {
		b &= arg(L, i)
	}
	return ret(L, b)
}

func bor(L *vm.State) int {
	b := arg(L, 1)
	for i := L.GetTop(); i > 1; i-- {
		b |= arg(L, i)
	}
	return ret(L, b)
}

func bxor(L *vm.State) int {
	b := arg(L, 1)
	for i := L.GetTop(); i > 1; i-- {
		b ^= arg(L, i)
	}
	return ret(L, b)
}

// shiftArgs reads the value and the shift count (low five bits).
func shiftArgs(L *vm.State) (b, n uint32) {
	b = arg(L, 1)
	n = arg(L, 2) & 31
	return b, n
}

func lshift(L *vm.State) int {
	b, n := shiftArgs(L)
	return ret(L, b<<n)
}

func rshift(L *vm.State) int {
	b, n := shiftArgs(L)
	return ret(L, b>>n)
}

func arshift(L *vm.State) int {
	b, n := shiftArgs(L)
	return ret(L, uint32(int32(b)>>n))
}

// rol and ror: a rotation by 0 leaves b unchanged, as the C macros do on x86 (where a shift by 32
// is a shift by 0).
func rol(L *vm.State) int {
	b, n := shiftArgs(L)
	return ret(L, b<<n|b>>((32-n)&31))
}

func ror(L *vm.State) int {
	b, n := shiftArgs(L)
	return ret(L, b<<((32-n)&31)|b>>n)
}

func bswap(L *vm.State) int {
	b := arg(L, 1)
	return ret(L, b>>24|(b>>8)&0xff00|(b&0xff00)<<8|b<<24)
}

func tohex(L *vm.State) int {
	b := arg(L, 1)
	n := int32(8)
	if !L.IsNone(2) {
		n = int32(arg(L, 2))
	}
	if n == math.MinInt32 {
		n = math.MinInt32 + 1
	}
	digits := "0123456789abcdef"
	if n < 0 {
		n = -n
		digits = "0123456789ABCDEF"
	}
	if n > 8 {
		n = 8
	}
	var buf [8]byte
	for i := n - 1; i >= 0; i-- {
		buf[i] = digits[b&15]
		b >>= 4
	}
	L.Push(vm.String(string(buf[:n])))
	return 1
}
