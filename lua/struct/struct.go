// Package structlib (import path lua/struct; "struct" is a Go keyword) is Roberto Ierusalimschy's struct library (0.2) as Redis 7.0 bundles it, the
// global table struct with pack, unpack and size, converting between Lua values and packed
// binary records.
//
// Formats are strings of options: '>' big endian, '<' little endian (the default, as on x86),
// '!n' maximum alignment n (a power of two, 8 without n), ' ' ignored, 'b'/'B' one byte,
// 'h'/'H' two, 'l'/'L' and 'T' eight, 'in'/'In' n bytes (4 without n, at most 32), 'f' a
// float, 'd' a double, 'x' a zero byte, 's' a zero-terminated string and 'cn' n bytes ('c0'
// packs a whole string and unpacks as many bytes as the previous result says). Lower-case
// integers are signed when unpacked. Alignment applies only after a '!'.
//
// Every result, conversion and error message is byte for byte what Redis gives, including the
// quirks of the C code on x86-64: integers wider than 8 bytes are zero padded on pack and keep
// only their last eight bytes on unpack, out-of-range numbers convert as the C casts do, and an
// argument missing from pack is reported as nil (the mark pack pushes after its arguments).
//
// The oracle cases and benchmarks against redis-server of the four bundled libraries are
// described in lua/cjson/README.md.
package structlib

import (
	"math"

	"github.com/redmoon-dev/redmoon/lua/vm"
)

// Name is the global name of the library.
const Name = "struct"

var funcs = []vm.Reg{
	{Name: "pack", Fn: pack},
	{Name: "unpack", Fn: unpack},
	{Name: "size", Fn: size},
}

// Open registers the struct library in L as luaopen_struct does (luaL_register of a global
// table struct) and returns the table.
func Open(L *vm.State) *vm.Table { return L.RegisterLib(Name, funcs) }

const (
	maxIntSize = 32 // MAXINTSIZE
	maxAlign   = 8  // MAXALIGN on x86-64
	intMax     = math.MaxInt32
)

// header is the running endianness and alignment of a format.
type header struct {
	little bool
	align  int
}

func defaultHeader() header { return header{little: true, align: 1} }

// format is a format string being read; like a C string it ends at its first zero byte.
type format struct {
	s string
	i int
}

func newFormat(s string) *format {
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			s = s[:i]
			break
		}
	}
	return &format{s: s}
}

func (f *format) more() bool { return f.i < len(f.s) }

func (f *format) next() byte {
	c := f.s[f.i]
	f.i++
	return c
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// getnum reads an optional decimal count, df when absent.
func (f *format) getnum(L *vm.State, df int) int {
	if !f.more() || !isDigit(f.s[f.i]) {
		return df
	}
	a := 0
	for f.more() && isDigit(f.s[f.i]) {
		d := int(f.s[f.i] - '0')
		if a > intMax/10 || a*10 > intMax-d {
			L.Errorf("integral size overflow")
		}
		a = a*10 + d
		f.i++
	}
	return a
}

// optsize is the size of option opt (reading its count), 0 for options without a size.
func (f *format) optsize(L *vm.State, opt byte) uint64 {
	switch opt {
	case 'B', 'b':
		return 1
	case 'H', 'h':
		return 2
	case 'L', 'l', 'T', 'd':
		return 8
	case 'f':
		return 4
	case 'x':
		return 1
	case 'c':
		return uint64(f.getnum(L, 1))
	case 'i', 'I':
		sz := f.getnum(L, 4)
		if sz > maxIntSize {
			L.Errorf("integral size %d is larger than limit of %d", sz, maxIntSize)
		}
		return uint64(sz)
	}
	return 0
}

// gettoalign is the padding needed before an item of size at position pos.
func gettoalign(pos uint64, h *header, opt byte, size uint64) uint64 {
	if size == 0 || opt == 'c' {
		return 0
	}
	align := size
	if size > uint64(h.align) {
		align = uint64(h.align)
	}
	return (align - (pos & (align - 1))) & (align - 1)
}

// controloptions handles the options that change the header, and rejects unknown ones.
func (f *format) controloptions(L *vm.State, opt byte, h *header) {
	switch opt {
	case ' ':
	case '>':
		h.little = false
	case '<':
		h.little = true
	case '!':
		a := f.getnum(L, maxAlign)
		if a <= 0 || a&(a-1) != 0 {
			L.Errorf("alignment %d is not a power of 2", a)
		}
		h.align = a
	default:
		L.ArgError(1, "invalid format option '"+string(rune(opt))+"'")
	}
}

func isSigned(opt byte) bool { return opt >= 'a' && opt <= 'z' }

func isAlnum(c byte) bool {
	return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'z')
}

// cInt64 is C's (long) cast of a double on x86-64 (cvttsd2si): out of range and NaN give the
// minimum.
func cInt64(f float64) int64 {
	if f >= -9.223372036854775808e18 && f < 9.223372036854775808e18 {
		return int64(f)
	}
	return math.MinInt64
}

// cUint64 is C's (unsigned long) cast of a double as gcc compiles it on x86-64: values below
// 2^63 (and NaN) convert as signed, larger ones as signed after subtracting 2^63, then with the
// top bit flipped.
func cUint64(f float64) uint64 {
	if !(f >= 9.223372036854775808e18) {
		return uint64(cInt64(f))
	}
	return uint64(cInt64(f-9.223372036854775808e18)) ^ 1<<63
}
