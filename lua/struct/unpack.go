package structlib

import (
	"math"

	"github.com/redmoon-dev/redmoon/lua/vm"
)

// getBits reads size bytes into an unsigned long as getinteger does: only the last eight bytes
// read survive.
func getBits(data string, little bool, size uint64) uint64 {
	var l uint64
	if !little {
		for i := uint64(0); i < size; i++ {
			l = l<<8 | uint64(data[i])
		}
	} else {
		for i := int(size) - 1; i >= 0; i-- {
			l = l<<8 | uint64(data[i])
		}
	}
	return l
}

// getInteger reads size bytes as getinteger does: into an unsigned long (so only the last eight
// bytes read survive), sign-extended for signed options with the shift count of x86-64 (taken
// modulo 64).
func getInteger(data string, little, signed bool, size uint64) float64 {
	l := getBits(data, little, size)
	if !signed {
		return float64(l)
	}
	mask := ^uint64(0) << ((size*8 - 1) & 63)
	if l&mask != 0 {
		l |= mask
	}
	return float64(int64(l))
}

func unpack(L *vm.State) int {
	fmt := newFormat(L.CheckString(1))
	data := L.CheckString(2)
	ld := uint64(len(data))
	pos := uint64(L.OptInteger(3, 1))
	L.ArgCheck(pos > 0, 3, "offset must be 1 or greater")
	pos--
	nargs := L.GetTop()
	n := 0
	h := defaultHeader()
	for fmt.more() {
		opt := fmt.next()
		size := fmt.optsize(L, opt)
		pos += gettoalign(pos, &h, opt, size)
		L.ArgCheck(size <= ld && pos <= ld-size, 2, "data string too short")
		// luaL_checkstack(L, 2, "too many results"): the frame holds the arguments and the results.
		if nargs+n+2 > vm.MaxCStack {
			L.Errorf("stack overflow (%s)", "too many results")
		}
		switch opt {
		case 'b', 'B', 'h', 'H', 'l', 'L', 'T', 'i', 'I':
			L.Push(vm.Number(getInteger(data[pos:], h.little, isSigned(opt), size)))
			n++
		case 'x':
		case 'f':
			u := uint32(getBits(data[pos:], h.little, 4))
			L.Push(vm.Number(float64(math.Float32frombits(u))))
			n++
		case 'd':
			L.Push(vm.Number(math.Float64frombits(getBits(data[pos:], h.little, 8))))
			n++
		case 'c':
			if size == 0 {
				prev := vm.Nil
				if n > 0 {
					prev = L.Get(-1)
				}
				f, isnum := vm.ToNumber(prev)
				if n == 0 || !isnum {
					L.Errorf("format 'c0' needs a previous size")
				}
				size = cUint64(f)
				L.Pop(1)
				n--
				L.ArgCheck(size <= ld && pos <= ld-size, 2, "data string too short")
			}
			L.Push(vm.String(data[pos : pos+size]))
			n++
		case 's':
			e := -1
			for i := pos; i < ld; i++ {
				if data[i] == 0 {
					e = int(i)
					break
				}
			}
			if e < 0 {
				L.Errorf("unfinished string in data")
			}
			size = uint64(e) - pos + 1
			L.Push(vm.String(data[pos : pos+size-1]))
			n++
		default:
			fmt.controloptions(L, opt, &h)
		}
		pos += size
	}
	L.Push(vm.Number(float64(int64(pos + 1))))
	return n + 1
}
