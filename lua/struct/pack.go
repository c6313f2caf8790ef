package structlib

import (
	"encoding/binary"
	"math"

	"github.com/redmoon-dev/redmoon/lua/vm"
)

// argAt returns stack slot i of b_pack's frame. b_pack pushes a nil mark after its arguments
// before it builds the output, and reads its arguments by stack index, so the first missing
// argument reads as nil rather than as no value (the error stops pack there, before any later
// slot could be read).
func argAt(L *vm.State, nargs, i int) vm.Value {
	if i <= nargs {
		return L.Get(i)
	}
	return vm.Nil
}

// checkNumber is luaL_checknumber on slot i.
func checkNumber(L *vm.State, nargs, i int) float64 {
	v := argAt(L, nargs, i)
	f, isnum := vm.ToNumber(v)
	if !isnum {
		L.ArgError(i, "number expected, got "+v.TypeName())
	}
	return f
}

// checkString is luaL_checklstring on slot i.
func checkString(L *vm.State, nargs, i int) string {
	v := argAt(L, nargs, i)
	s, isstr := vm.ToString(v)
	if !isstr {
		L.ArgError(i, "string expected, got "+v.TypeName())
	}
	return s
}

// putInteger writes n in size bytes as putinteger does: through an unsigned long (the casts of
// x86-64), then zero padded beyond eight bytes.
func putInteger(out []byte, n float64, little bool, size uint64) []byte {
	var value uint64
	if n < 0 {
		value = uint64(cInt64(n))
	} else {
		value = cUint64(n)
	}
	var buf [maxIntSize]byte
	if little {
		for i := uint64(0); i < size; i++ {
			buf[i] = byte(value)
			value >>= 8
		}
	} else {
		for i := int(size) - 1; i >= 0; i-- {
			buf[i] = byte(value)
			value >>= 8
		}
	}
	return append(out, buf[:size]...)
}

func pack(L *vm.State) int {
	fmt := newFormat(L.CheckString(1))
	nargs := L.GetTop()
	h := defaultHeader()
	arg := 2
	var total uint64
	// Short results are built in a buffer on the stack: the result string is then the only
	// allocation.
	var stack [64]byte
	out := stack[:0]
	for fmt.more() {
		opt := fmt.next()
		size := fmt.optsize(L, opt)
		toalign := gettoalign(total, &h, opt, size)
		total += toalign
		for k := toalign; k > 0; k-- {
			out = append(out, 0)
		}
		switch opt {
		case 'b', 'B', 'h', 'H', 'l', 'L', 'T', 'i', 'I':
			n := checkNumber(L, nargs, arg)
			arg++
			out = putInteger(out, n, h.little, size)
		case 'x':
			out = append(out, 0)
		case 'f':
			f := float32(checkNumber(L, nargs, arg))
			arg++
			var buf [4]byte
			if h.little {
				binary.LittleEndian.PutUint32(buf[:], math.Float32bits(f))
			} else {
				binary.BigEndian.PutUint32(buf[:], math.Float32bits(f))
			}
			out = append(out, buf[:]...)
		case 'd':
			d := checkNumber(L, nargs, arg)
			arg++
			var buf [8]byte
			if h.little {
				binary.LittleEndian.PutUint64(buf[:], math.Float64bits(d))
			} else {
				binary.BigEndian.PutUint64(buf[:], math.Float64bits(d))
			}
			out = append(out, buf[:]...)
		case 'c', 's':
			s := checkString(L, nargs, arg)
			arg++
			if size == 0 {
				size = uint64(len(s))
			}
			if uint64(len(s)) < size {
				L.ArgError(arg, "string too short")
			}
			out = append(out, s[:size]...)
			if opt == 's' {
				out = append(out, 0)
				size++
			}
		default:
			fmt.controloptions(L, opt, &h)
		}
		total += size
	}
	L.Push(vm.String(string(out)))
	return 1
}
