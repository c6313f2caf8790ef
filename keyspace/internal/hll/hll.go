// Package hll is Redis 7.0's HyperLogLog, byte for byte: the 16-byte "HYLL" header with its
// cached cardinality, the sparse encoding (ZERO, XZERO and VAL opcodes) that new sketches start
// in, the dense encoding of 16384 six-bit registers it is promoted to, MurmurHash64A with Redis's
// seed, and Ertl's improved estimator. A sketch is a Redis string: the functions here read and
// edit that string's bytes exactly as hyperloglog.c does, so that a value built here is
// identical to the one the real server builds for the same commands.
package hll

import (
	"encoding/binary"
	"errors"
	"math"
	"strconv"
	"strings"
)

// Parameters of Redis's HyperLogLog.
const (
	p         = 14                             // HLL_P: bits of the hash that select a register
	q         = 64 - p                         // HLL_Q: bits left for the run of zeros
	Registers = 1 << p                         // HLL_REGISTERS
	pMask     = Registers - 1                  // HLL_P_MASK
	bits      = 6                              // HLL_BITS: bits per dense register
	regMax    = 1<<bits - 1                    // HLL_REGISTER_MAX
	HdrSize   = 16                             // HLL_HDR_SIZE: magic, encoding, 3 unused, 8 card bytes
	DenseSize = HdrSize + (Registers*bits+7)/8 // HLL_DENSE_SIZE

	// SparseMaxBytes is hll-sparse-max-bytes's default: a sparse sketch that would grow beyond
	// it is promoted to the dense encoding.
	SparseMaxBytes = 3000

	sparseValMaxValue = 32    // HLL_SPARSE_VAL_MAX_VALUE
	sparseValMaxLen   = 4     // HLL_SPARSE_VAL_MAX_LEN
	sparseZeroMaxLen  = 64    // HLL_SPARSE_ZERO_MAX_LEN
	sparseXZeroMaxLen = 16384 // HLL_SPARSE_XZERO_MAX_LEN
)

// Encodings stored in the header's fifth byte.
const (
	Dense  = 0 // HLL_DENSE
	Sparse = 1 // HLL_SPARSE
)

// alphaInf is HLL_ALPHA_INF, 0.5/ln(2).
const alphaInf = 0.721347520444481703680

// ErrCorrupt is reported for a sketch whose registers cannot be decoded.
var ErrCorrupt = errors.New("corrupted HLL object")

// Empty returns a new, empty sketch as createHLLObject builds it: sparse, one XZERO opcode
// covering every register, cached cardinality zero.
func Empty() []byte {
	b := make([]byte, HdrSize, HdrSize+2*((Registers+sparseXZeroMaxLen-1)/sparseXZeroMaxLen)+3)
	copy(b, "HYLL")
	b[4] = Sparse
	for left := Registers; left > 0; {
		n := min(left, sparseXZeroMaxLen)
		b = appendXZero(b, n)
		left -= n
	}
	return b
}

// Valid reports whether s is acceptable as a HyperLogLog, the checks isHLLObjectOrReply makes:
// at least a header, the "HYLL" magic, a known encoding, and the exact size when dense.
func Valid(s string) bool {
	if len(s) < HdrSize || s[:4] != "HYLL" || s[4] > Sparse {
		return false
	}
	return s[4] != Dense || len(s) == DenseSize
}

// Encoding returns the encoding of a valid sketch (Dense or Sparse).
func Encoding(b []byte) int { return int(b[4]) }

// InvalidateCache marks the cached cardinality stale (the top bit of its last byte).
func InvalidateCache(b []byte) { b[15] |= 1 << 7 }

// CachedCard returns the cached cardinality and whether it is valid.
func CachedCard(b []byte) (uint64, bool) {
	if b[15]&(1<<7) != 0 {
		return 0, false
	}
	var card uint64
	for i := 7; i >= 0; i-- {
		card = card<<8 | uint64(b[8+i])
	}
	return card, true
}

// SetCachedCard stores a freshly computed cardinality in the header (little endian).
func SetCachedCard(b []byte, card uint64) {
	for i := 0; i < 8; i++ {
		b[8+i] = byte(card >> (8 * i))
	}
}

// Sparse opcodes: ZERO 00xxxxxx (a run of 1..64 empty registers), XZERO 01xxxxxx yyyyyyyy (a run
// of 1..16384 empty registers), VAL 1vvvvvxx (a run of 1..4 registers holding 1..32).

func isZero(c byte) bool  { return c&0xc0 == 0 }
func isXZero(c byte) bool { return c&0xc0 == 0x40 }
func isVal(c byte) bool   { return c&0x80 != 0 }

func zeroLen(c byte) int     { return int(c&0x3f) + 1 }
func xzeroLen(c, d byte) int { return (int(c&0x3f)<<8 | int(d)) + 1 }
func valValue(c byte) int    { return int(c>>2&0x1f) + 1 }
func valLen(c byte) int      { return int(c&0x3) + 1 }
func valOp(val, n int) byte  { return byte((val-1)<<2|(n-1)) | 0x80 }
func zeroOp(n int) byte      { return byte(n - 1) }
func appendXZero(b []byte, n int) []byte {
	n--
	return append(b, byte(n>>8)|0x40, byte(n))
}

// opAt decodes the opcode at b[i]: its length in bytes, the registers it covers and, for VAL,
// the value (0 for the zero opcodes).
func opAt(b []byte, i int) (oplen, span, val int) {
	c := b[i]
	switch {
	case isZero(c):
		return 1, zeroLen(c), 0
	case isVal(c):
		return 1, valLen(c), valValue(c)
	default:
		if i+1 >= len(b) {
			// An XZERO cut by the end of a corrupted value: C reads the byte after the string,
			// its terminator, or what an earlier update of this command left there (kept here
			// in the slice's spare capacity).
			if i+1 < cap(b) {
				return 2, xzeroLen(c, b[:i+2][i+1]), 0
			}
			return 2, xzeroLen(c, 0), 0
		}
		return 2, xzeroLen(c, b[i+1]), 0
	}
}

// Dense registers: six bits each, packed little-endian from the first register byte.

func getReg(regs []byte, i int) uint8 {
	byt := i * bits / 8
	fb := uint(i * bits & 7)
	b0 := uint(regs[byt])
	var b1 uint
	if byt+1 < len(regs) {
		b1 = uint(regs[byt+1])
	}
	return uint8((b0>>fb | b1<<(8-fb)) & regMax)
}

func setReg(regs []byte, i int, val uint8) {
	byt := i * bits / 8
	fb := uint(i * bits & 7)
	v := uint(val)
	regs[byt] &^= byte(regMax << fb)
	regs[byt] |= byte(v << fb)
	if byt+1 < len(regs) {
		regs[byt+1] &^= byte(regMax >> (8 - fb))
		regs[byt+1] |= byte(v >> (8 - fb))
	}
}

// GetRegister returns dense register i of a dense sketch.
func GetRegister(b []byte, i int) uint8 { return getReg(b[HdrSize:], i) }

// Add hashes ele into the sketch b (sparse or dense) and returns the new bytes (b itself, edited,
// or a new slice when the sketch grew or was promoted) and whether a register changed (1) or not
// (0). maxSparse is hll-sparse-max-bytes.
func Add(b []byte, ele string, maxSparse int) ([]byte, int, error) {
	reg, count := patLen(ele)
	return Set(b, reg, count, maxSparse)
}

// Changes reports whether adding ele would change a dense sketch. It only reads b, so a command
// can answer "nothing changed" without copying the value.
func Changes(b []byte, ele string) bool {
	reg, count := patLen(ele)
	return count > getReg(b[HdrSize:], reg)
}

// Set raises register reg to count when count is larger, as hllDenseSet or hllSparseSet do.
func Set(b []byte, reg int, count uint8, maxSparse int) ([]byte, int, error) {
	switch b[4] {
	case Dense:
		regs := b[HdrSize:]
		if count > getReg(regs, reg) {
			setReg(regs, reg, count)
			return b, 1, nil
		}
		return b, 0, nil
	case Sparse:
		return sparseSet(b, reg, count, maxSparse)
	}
	return b, 0, ErrCorrupt
}

// sparseSet is hllSparseSet: find the opcode covering the register, rewrite it (splitting runs
// into at most three opcodes), merge adjacent equal VAL opcodes, and promote the sketch to
// dense when the value does not fit a VAL opcode or the string would outgrow maxSparse.
func sparseSet(b []byte, index int, count uint8, maxSparse int) ([]byte, int, error) {
	if count > sparseValMaxValue {
		return promoteAndSet(b, index, count)
	}
	end := len(b)
	pos, first, span, prev := HdrSize, 0, 0, -1
	for pos < end {
		oplen, n, _ := opAt(b, pos)
		span = n
		if index <= first+span-1 {
			break
		}
		prev = pos
		pos += oplen
		first += span
	}
	if span == 0 || pos >= end {
		return b, 0, ErrCorrupt
	}
	c := b[pos]
	zero, xzero := isZero(c), isXZero(c)
	oplen, runlen, _ := opAt(b, pos)
	updated := false
	if !zero && !xzero {
		old := valValue(c)
		if old >= int(count) {
			return b, 0, nil
		}
		if runlen == 1 {
			b[pos] = valOp(int(count), 1)
			updated = true
		}
	}
	if !updated && zero && runlen == 1 {
		b[pos] = valOp(int(count), 1)
		updated = true
	}
	if !updated {
		var seq [5]byte
		n := seq[:0]
		last := first + span - 1
		if zero || xzero {
			if index != first {
				n = appendZeros(n, index-first)
			}
			n = append(n, valOp(int(count), 1))
			if index != last {
				n = appendZeros(n, last-index)
			}
		} else {
			cur := valValue(c)
			if index != first {
				n = append(n, valOp(cur, index-first))
			}
			n = append(n, valOp(int(count), 1))
			if index != last {
				n = append(n, valOp(cur, last-index))
			}
		}
		delta := len(n) - oplen
		if delta > 0 && len(b)+delta > maxSparse {
			return promoteAndSet(b, index, count)
		}
		if pos+oplen > end {
			// An XZERO opcode cut by the end of the string (a corrupted value): C writes the
			// new opcodes over it and sets the length as if both of its bytes had been there.
			b = append(b[:pos], n...)
			b = b[:end+delta]
		} else {
			if delta > 0 {
				b = append(b, n[:delta]...) // room; the bytes are overwritten below
			}
			copy(b[pos+len(n):], b[pos+oplen:end])
			copy(b[pos:], n)
			b = b[:end+delta]
		}
		end += delta
	}
	// Merge adjacent VAL opcodes with the same value, scanning up to five opcodes from prev.
	pos = HdrSize
	if prev >= 0 {
		pos = prev
	}
	for scan := 5; pos < end && scan > 0; {
		scan--
		c := b[pos]
		if isXZero(c) {
			pos += 2
			continue
		}
		if isZero(c) {
			pos++
			continue
		}
		if pos+1 < end && isVal(b[pos+1]) {
			v1, v2 := valValue(c), valValue(b[pos+1])
			if v1 == v2 {
				if n := valLen(c) + valLen(b[pos+1]); n <= sparseValMaxLen {
					b[pos+1] = valOp(v1, n)
					// C moves the byte after the end too (see opAt).
					if end < cap(b) {
						copy(b[pos:], b[pos+1:end+1])
					} else {
						copy(b[pos:], b[pos+1:end])
					}
					end--
					b = b[:end]
					continue
				}
			}
		}
		pos++
	}
	InvalidateCache(b)
	return b, 1, nil
}

// appendZeros appends the opcode for a run of n empty registers: ZERO up to 64, XZERO beyond.
func appendZeros(b []byte, n int) []byte {
	if n > sparseZeroMaxLen {
		return appendXZero(b, n)
	}
	return append(b, zeroOp(n))
}

func promoteAndSet(b []byte, index int, count uint8) ([]byte, int, error) {
	d, err := ToDense(b)
	if err != nil {
		return b, 0, err
	}
	setReg(d[HdrSize:], index, count) // the register was lower: the sparse set needed a change
	return d, 1, nil
}

// ToDense converts a sparse sketch to the dense encoding (hllSparseToDense), keeping the header
// (magic and cached cardinality). A dense sketch is returned as it is.
func ToDense(b []byte) ([]byte, error) {
	if b[4] == Dense {
		return b, nil
	}
	d := make([]byte, DenseSize)
	copy(d, b[:HdrSize])
	d[4] = Dense
	regs := d[HdrSize:]
	idx := 0
	for pos := HdrSize; pos < len(b); {
		oplen, span, val := opAt(b, pos)
		if val == 0 {
			idx += span
		} else {
			if idx+span > Registers {
				return b, ErrCorrupt
			}
			for ; span > 0; span-- {
				setReg(regs, idx, uint8(val))
				idx++
			}
		}
		pos += oplen
	}
	if idx != Registers {
		return b, ErrCorrupt
	}
	return d, nil
}

// Count estimates the cardinality of a sketch (hllCount). It reports ErrCorrupt for a sparse
// sketch whose opcodes do not cover exactly every register.
func Count(b []byte) (uint64, error) {
	var histo [64]int
	if b[4] == Dense {
		// Four registers fill exactly three bytes.
		regs := b[HdrSize:DenseSize]
		for k := 0; k+2 < len(regs); k += 3 {
			v := uint32(regs[k]) | uint32(regs[k+1])<<8 | uint32(regs[k+2])<<16
			histo[v&63]++
			histo[v>>6&63]++
			histo[v>>12&63]++
			histo[v>>18&63]++
		}
	} else {
		idx := 0
		for pos := HdrSize; pos < len(b); {
			oplen, span, val := opAt(b, pos)
			idx += span
			histo[val] += span
			pos += oplen
		}
		if idx != Registers {
			return 0, ErrCorrupt
		}
	}
	return estimate(&histo), nil
}

// CountMax estimates the cardinality of a register array (the union PFCOUNT computes).
func CountMax(max *[Registers]uint8) uint64 {
	var histo [64]int
	for i := 0; i < Registers; i += 8 {
		// Eight empty registers at once: most of a small union is empty.
		if binary.LittleEndian.Uint64(max[i:i+8]) == 0 {
			histo[0] += 8
			continue
		}
		zeros := 8
		for _, v := range max[i : i+8] {
			if v != 0 {
				histo[v&63]++
				zeros--
			}
		}
		histo[0] += zeros
	}
	return estimate(&histo)
}

// estimate is Ertl's estimator from the register histogram, computed in the same order of
// floating-point operations as Redis so that the rounding is the same.
func estimate(histo *[64]int) uint64 {
	m := float64(Registers)
	z := m * tau((m-float64(histo[q+1]))/m)
	for j := q; j >= 1; j-- {
		z += float64(histo[j])
		z *= 0.5
	}
	z += m * sigma(float64(histo[0])/m)
	return uint64(math.Round(alphaInf * m * m / z))
}

func sigma(x float64) float64 {
	if x == 1 {
		return math.Inf(1)
	}
	y := 1.0
	z := x
	for {
		x *= x
		zPrime := z
		z += x * y
		y += y
		if zPrime == z {
			return z
		}
	}
}

func tau(x float64) float64 {
	if x == 0 || x == 1 {
		return 0
	}
	y := 1.0
	z := 1 - x
	for {
		x = math.Sqrt(x)
		zPrime := z
		y *= 0.5
		d := 1 - x
		z -= d * d * y
		if zPrime == z {
			return z / 3
		}
	}
}

// Merge raises each max[i] to register i of the sketch when that is larger (hllMerge).
func Merge(max *[Registers]uint8, b []byte) error {
	if b[4] == Dense {
		regs := b[HdrSize:DenseSize]
		for k, i := 0, 0; k+2 < len(regs); k, i = k+3, i+4 {
			v := uint32(regs[k]) | uint32(regs[k+1])<<8 | uint32(regs[k+2])<<16
			max[i] = maxU8(max[i], uint8(v&63))
			max[i+1] = maxU8(max[i+1], uint8(v>>6&63))
			max[i+2] = maxU8(max[i+2], uint8(v>>12&63))
			max[i+3] = maxU8(max[i+3], uint8(v>>18&63))
		}
		return nil
	}
	i := 0
	for pos := HdrSize; pos < len(b); {
		oplen, span, val := opAt(b, pos)
		if val == 0 {
			i += span
		} else {
			if i+span > Registers {
				return ErrCorrupt
			}
			for ; span > 0; span-- {
				if uint8(val) > max[i] {
					max[i] = uint8(val)
				}
				i++
			}
		}
		pos += oplen
	}
	if i != Registers {
		return ErrCorrupt
	}
	return nil
}

func maxU8(a, b uint8) uint8 {
	if b > a {
		return b
	}
	return a
}

// Decode describes a sparse sketch's opcodes as PFDEBUG DECODE does: "z:LEN", "Z:LEN" and
// "v:VALUE,LEN" separated by spaces.
func Decode(b []byte) string {
	var sb strings.Builder
	for pos := HdrSize; pos < len(b); {
		c := b[pos]
		oplen, span, val := opAt(b, pos)
		switch {
		case isZero(c):
			sb.WriteString("z:")
		case isXZero(c):
			sb.WriteString("Z:")
		default:
			sb.WriteString("v:")
			sb.WriteString(strconv.Itoa(val))
			sb.WriteByte(',')
		}
		sb.WriteString(strconv.Itoa(span))
		sb.WriteByte(' ')
		pos += oplen
	}
	return strings.Trim(sb.String(), " ")
}
