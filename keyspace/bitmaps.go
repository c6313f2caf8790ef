package keyspace

import (
	"math/bits"
	"unsafe"
)

// The bitmap commands (GETBIT SETBIT BITCOUNT BITPOS BITOP BITFIELD BITFIELD_RO), as Redis 7.0's
// bitops.c. Bitmaps are plain strings.
//
// # Writes on immutable strings
//
// A stored string is an immutable Go string that readers (GET, a Lua script) may keep for ever,
// so a write never changes bytes a reader may hold. Three things keep repeated SETBIT (and
// BITFIELD SET/INCRBY) cheap:
//
//   - Writes in place while nobody has the string. The string a bit command stores is a view of
//     a buffer the entry owns (a *bitBuf in val, tied to the entry). Every way a string leaves the
//     keyspace goes through entry.stringValue, which marks the buffer escaped; the bit commands
//     themselves read through bitString, which does not. Until the value escapes, a write flips
//     its bytes in the buffer itself: SETBIT and BITFIELD on an existing value of any size cost
//     O(1). The first write after an escape copies the value once into a fresh buffer, which
//     nobody has seen yet.
//   - Amortised growth. Bytes past the end of the string belong to no string yet. A write that
//     lands entirely past the current end (SETBIT at increasing offsets, the usual way a bitmap
//     grows) zero-fills the new bytes in place and stores a longer view of the same buffer, even
//     after an escape: old views stay valid, because the bytes they cover are not written. When
//     the capacity is exhausted the buffer doubles.
//   - No-op writes. SETBIT that does not change the bit stores nothing new.
//
// Copies, renames and every other command that replaces the value drop the tie (the *bitBuf's
// owner is the entry), so two keys never write into the same buffer.

func init() {
	register(map[string]Handler{
		"getbit": getbitCommand, "setbit": setbitCommand, "bitcount": bitcountCommand,
		"bitpos": bitposCommand, "bitop": bitopCommand, "bitfield": bitfieldCommand,
		"bitfield_ro": bitfieldROCommand,
	})
}

// bitBuf is the val of a string entry last written by a bit command: e.str is
// unsafe.String(&b[0], len(b)), and b's spare capacity is free for that entry to grow into.
type bitBuf struct {
	owner *entry
	b     []byte
	// escaped: the string (or a view of this buffer) may be held outside the keyspace, so the
	// bytes it covers must not change.
	escaped bool
}

// markEscaped records that e's string value is leaving the keyspace (entry.stringValue calls
// it), so that a later bit write copies instead of writing in place.
func markEscaped(e *entry) {
	if bb, ok := e.val.(*bitBuf); ok {
		bb.escaped = true
	}
}

// bitString is e's string value for the bit commands' own reads, which do not let it escape.
func bitString(e *entry) string {
	if e.enc == EncInt {
		return e.stringValue()
	}
	return e.str
}

// maxBitOffset bounds bit offsets: the byte they fall in must be below proto-max-bulk-len.
const errBitOffset = "ERR bit offset is not an integer or out of range"

// parseBitOffset is getBitOffsetFromArgument: a non-negative integer (or, when hashBits > 0,
// "#N" meaning N*hashBits) whose byte is below 512MB.
func parseBitOffset(s string, hashBits int) (uint64, bool) {
	use := 0
	if hashBits > 0 && len(s) > 0 && s[0] == '#' {
		use = 1
	}
	n, ok := ParseInt(s[use:])
	if !ok {
		return 0, false
	}
	if use == 1 {
		n *= int64(hashBits) // wraps as in C
	}
	if n < 0 || n>>3 >= maxStringLen {
		return 0, false
	}
	return uint64(n), true
}

// lookupBitRead finds a string for a read-only bit command: ok is false (and WRONGTYPE written)
// for another type; exists is false when the key does not exist.
func lookupBitRead(c *Ctx, key string, r Reply) (s string, exists, ok bool) {
	e, ok := lookupString(c, key, r)
	if !ok || e == nil {
		return "", false, ok
	}
	return bitString(e), true, true
}

// bitWriter is a pending write of a bit command on a string key.
type bitWriter struct {
	e   *entry
	b   []byte // the value being built, at its new length
	old int    // length of the value before the write
	// inPlace: b extends the entry's own buffer; when it has escaped, bytes below old are
	// shared with strings outside the keyspace and are not written (beginBitWrite copies first
	// when they would be).
	inPlace bool
}

// beginBitWrite is lookupStringForBitCommand: it finds (or creates, sending "new") the string at
// key, makes room up to byte maxByte, and returns a writer. touch is the first byte the command
// will modify (a conservative bound; 0 for "anywhere"). ok is false (WRONGTYPE written) when the
// key holds another type.
func beginBitWrite(c *Ctx, key string, maxByte uint64, touch uint64, r Reply) (w bitWriter, ok bool) {
	e, ok := lookupWriteTyped(c, key, TypeString, r)
	if !ok {
		return w, false
	}
	n := int(maxByte) + 1
	if e == nil {
		e = &entry{key: key, typ: TypeString, enc: EncRaw}
		c.DB.add(c, e)
		c.KS.event(EventNew, "new", c.DB.ID, key)
		w = bitWriter{e: e, b: make([]byte, n, growCap(0, n))}
		return w, true
	}
	cur := bitString(e)
	w = bitWriter{e: e, old: len(cur)}
	if n < len(cur) {
		n = len(cur)
	}
	if bb, owned := e.val.(*bitBuf); owned && bb.owner == e && len(bb.b) == len(cur) && len(cur) > 0 &&
		unsafe.StringData(cur) == &bb.b[0] && (touch >= uint64(len(cur)) || !bb.escaped) && n <= cap(bb.b) {
		w.b = bb.b[:n]
		clear(w.b[len(cur):])
		w.inPlace = true
		return w, true
	}
	capacity := n
	if n > len(cur) {
		capacity = growCap(len(cur), n)
	}
	w.b = make([]byte, n, capacity)
	copy(w.b, cur)
	return w, true
}

// growCap is the capacity to allocate for a value growing from old to n bytes: doubling, so that
// a bitmap growing a byte at a time is copied O(log n) times.
func growCap(old, n int) int {
	c := 2 * old
	if c < n {
		c = n
	}
	if c < 16 {
		c = 16
	}
	if c > maxStringLen {
		c = maxStringLen
	}
	if c < n {
		c = n
	}
	return c
}

// commit stores the new value (always "raw", keeping the key's expire time, as
// dbUnshareStringValue does).
func (w *bitWriter) commit() {
	e := w.e
	if len(w.b) == 0 {
		e.str = ""
		e.val = nil
	} else {
		e.str = unsafe.String(&w.b[0], len(w.b))
		if bb, ok := e.val.(*bitBuf); ok && bb.owner == e {
			bb.b = w.b // only this entry refers to its bitBuf
			if !w.inPlace {
				bb.escaped = false // a fresh buffer nobody has seen
			}
		} else {
			e.val = &bitBuf{owner: e, b: w.b}
		}
	}
	e.enc = EncRaw
	e.flags &^= flagShared
}

func getbitCommand(c *Ctx, args []string, r Reply) {
	off, ok := parseBitOffset(args[2], 0)
	if !ok {
		r.Error(errBitOffset)
		return
	}
	s, _, ok := lookupBitRead(c, args[1], r)
	if !ok {
		return
	}
	r.Integer(int64(bitAt(s, off)))
}

// bitAt returns bit off of s (bit 0 is the most significant bit of byte 0), 0 past the end.
func bitAt(s string, off uint64) int {
	i := off >> 3
	if i >= uint64(len(s)) {
		return 0
	}
	return int(s[i]>>(7-off&7)) & 1
}

func setbitCommand(c *Ctx, args []string, r Reply) {
	const errBit = "ERR bit is not an integer or out of range"
	off, ok := parseBitOffset(args[2], 0)
	if !ok {
		r.Error(errBitOffset)
		return
	}
	on, ok := ParseInt(args[3])
	if !ok || on&^1 != 0 {
		r.Error(errBit)
		return
	}
	byteIdx := off >> 3
	mask := byte(1) << (7 - off&7)
	// A write that neither grows the string nor changes the bit keeps the stored string.
	if e := c.DB.lookupWrite(c, args[1]); e != nil && e.typ == TypeString {
		if s := bitString(e); byteIdx < uint64(len(s)) && (s[byteIdx]&mask != 0) == (on == 1) {
			if e.enc != EncRaw {
				// The value becomes "raw" all the same (dbUnshareStringValue).
				w := bitWriter{e: e, b: []byte(s), old: len(s)}
				w.commit()
			}
			c.changed(EventString, "setbit", args[1])
			r.Integer(on)
			return
		}
	}
	w, ok := beginBitWrite(c, args[1], byteIdx, byteIdx, r)
	if !ok {
		return
	}
	old := 0
	if w.b[byteIdx]&mask != 0 {
		old = 1
	}
	if on == 1 {
		w.b[byteIdx] |= mask
	} else {
		w.b[byteIdx] &^= mask
	}
	w.commit()
	c.changed(EventString, "setbit", args[1])
	r.Integer(int64(old))
}

// bitRange converts BITCOUNT/BITPOS start and end to an inclusive byte range of a string of n
// bytes, with masks for the bits outside the range in the first and last bytes (BIT unit). ok is
// false for an empty range.
type bitRange struct {
	start, end         int64
	firstMask, lastMsk byte // bits to exclude in the first and last byte
}

func clampBitRange(start, end, totlen int64, isBit bool) (br bitRange, ok bool) {
	if start < 0 {
		start += totlen
	}
	if end < 0 {
		end += totlen
	}
	if start < 0 {
		start = 0
	}
	if end < 0 {
		end = 0
	}
	if end >= totlen {
		end = totlen - 1
	}
	if isBit && start <= end {
		br.firstMask = ^byte((1 << (8 - start&7)) - 1)
		br.lastMsk = byte((1 << (7 - end&7)) - 1)
		start >>= 3
		end >>= 3
	}
	br.start, br.end = start, end
	return br, start <= end
}

// parseUnit parses BYTE or BIT; isBit reports BIT.
func parseUnit(s string) (isBit, ok bool) {
	switch u := cstr(s); {
	case equalFold(u, "bit"):
		return true, true
	case equalFold(u, "byte"):
		return false, true
	}
	return false, false
}

func bitcountCommand(c *Ctx, args []string, r Reply) {
	s, exists, ok := lookupBitRead(c, args[1], r)
	if !ok {
		return
	}
	if !exists {
		r.Integer(0) // before the arguments are parsed, as 7.0 does
		return
	}
	var br bitRange
	switch len(args) {
	case 2:
		br.start, br.end = 0, int64(len(s))-1
	case 4, 5:
		start, ok1 := ParseInt(args[2])
		if !ok1 {
			r.Error(ErrNotInt)
			return
		}
		end, ok2 := ParseInt(args[3])
		if !ok2 {
			r.Error(ErrNotInt)
			return
		}
		isBit := false
		if len(args) == 5 {
			if isBit, ok = parseUnit(args[4]); !ok {
				r.Error(ErrSyntax)
				return
			}
		}
		totlen := int64(len(s))
		if isBit {
			totlen <<= 3
		}
		if start < 0 && end < 0 && start > end {
			r.Integer(0)
			return
		}
		br, _ = clampBitRange(start, end, totlen, isBit)
	default:
		r.Error(ErrSyntax)
		return
	}
	if br.start > br.end {
		r.Integer(0)
		return
	}
	n := popcount(s[br.start : br.end+1])
	n -= int64(bits.OnesCount8(s[br.start]&br.firstMask) + bits.OnesCount8(s[br.end]&br.lastMsk))
	r.Integer(n)
}

// le64 reads 8 bytes of s at i as a little-endian word (one load on little-endian machines).
func le64(s string, i int) uint64 {
	_ = s[i+7]
	return uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
}

// popcount counts the bits set in s.
func popcount(s string) int64 {
	var n int
	i := 0
	for ; i+32 <= len(s); i += 32 {
		n += bits.OnesCount64(le64(s, i)) + bits.OnesCount64(le64(s, i+8)) +
			bits.OnesCount64(le64(s, i+16)) + bits.OnesCount64(le64(s, i+24))
	}
	for ; i+8 <= len(s); i += 8 {
		n += bits.OnesCount64(le64(s, i))
	}
	for ; i < len(s); i++ {
		n += bits.OnesCount8(s[i])
	}
	return int64(n)
}

// bitposIn is redisBitpos: the position of the first bit equal to bit in s; when looking for a
// clear bit and every bit is set it is len(s)*8, when looking for a set bit and none is, -1.
func bitposIn(s string, bit int) int64 {
	skip := byte(0)
	if bit == 0 {
		skip = 0xff
	}
	skip64 := uint64(0)
	if bit == 0 {
		skip64 = ^uint64(0)
	}
	i := 0
	for ; i+8 <= len(s) && le64(s, i) == skip64; i += 8 {
	}
	for ; i < len(s) && s[i] == skip; i++ {
	}
	if i == len(s) {
		if bit == 1 {
			return -1
		}
		return int64(len(s)) * 8
	}
	b := s[i]
	if bit == 0 {
		b = ^b
	}
	return int64(i)*8 + int64(bits.LeadingZeros8(b))
}

func bitposCommand(c *Ctx, args []string, r Reply) {
	bit, ok := ParseInt(args[2])
	if !ok {
		r.Error(ErrNotInt)
		return
	}
	if bit != 0 && bit != 1 {
		r.Error("ERR The bit argument must be 1 or 0.")
		return
	}
	s, exists, ok := lookupBitRead(c, args[1], r)
	if !ok {
		return
	}
	if !exists {
		if bit == 1 {
			r.Integer(-1)
		} else {
			r.Integer(0)
		}
		return
	}
	var br bitRange
	endGiven := false
	switch len(args) {
	case 3:
		br.start, br.end = 0, int64(len(s))-1
	case 4, 5, 6:
		start, ok := ParseInt(args[3])
		if !ok {
			r.Error(ErrNotInt)
			return
		}
		isBit := false
		if len(args) == 6 {
			if isBit, ok = parseUnit(args[5]); !ok {
				r.Error(ErrSyntax)
				return
			}
		}
		totlen := int64(len(s))
		var end int64
		if len(args) >= 5 {
			if end, ok = ParseInt(args[4]); !ok {
				r.Error(ErrNotInt)
				return
			}
			endGiven = true
		} else if isBit {
			end = totlen<<3 + 7
		} else {
			end = totlen - 1
		}
		if isBit {
			totlen <<= 3
		}
		br, _ = clampBitRange(start, end, totlen, isBit)
	default:
		r.Error(ErrSyntax)
		return
	}
	if br.start > br.end {
		r.Integer(-1)
		return
	}
	r.Integer(bitposRange(s, int(bit), br, endGiven))
}

// bitposRange is the search part of bitposCommand, masks included.
func bitposRange(s string, bit int, br bitRange, endGiven bool) int64 {
	start, end := br.start, br.end
	bytes := end - start + 1
	var pos int64
	var one [1]byte
	oneByte := func(b byte) int64 {
		one[0] = b
		return bitposIn(unsafe.String(&one[0], 1), bit)
	}
	done := func() int64 {
		if endGiven && bit == 0 && pos == bytes<<3 {
			return -1
		}
		if pos != -1 {
			pos += start << 3
		}
		return pos
	}
	if br.firstMask != 0 {
		t := s[start]
		if bit == 1 {
			t &^= br.firstMask
		} else {
			t |= br.firstMask
		}
		if br.lastMsk != 0 && bytes == 1 {
			if bit == 1 {
				t &^= br.lastMsk
			} else {
				t |= br.lastMsk
			}
		}
		pos = oneByte(t)
		if bytes == 1 || (pos != -1 && pos != 8) {
			return done()
		}
		start++
		bytes--
	}
	cur := bytes
	if br.lastMsk != 0 {
		cur--
	}
	if cur > 0 {
		pos = bitposIn(s[start:start+cur], bit)
		if bytes == cur || (pos != -1 && pos != cur<<3) {
			return done()
		}
		start += cur
		bytes -= cur
	}
	t := s[end]
	if bit == 1 {
		t &^= br.lastMsk
	} else {
		t |= br.lastMsk
	}
	pos = oneByte(t)
	return done()
}

func bitopCommand(c *Ctx, args []string, r Reply) {
	const (
		opAnd = iota
		opOr
		opXor
		opNot
	)
	var op int
	switch name := cstr(args[1]); {
	case equalFold(name, "and"):
		op = opAnd
	case equalFold(name, "or"):
		op = opOr
	case equalFold(name, "xor"):
		op = opXor
	case equalFold(name, "not"):
		op = opNot
	default:
		r.Error(ErrSyntax)
		return
	}
	if op == opNot && len(args) != 4 {
		r.Error("ERR BITOP NOT must be called with a single source key.")
		return
	}
	srcs := make([]string, 0, len(args)-3)
	maxLen := 0
	for _, k := range args[3:] {
		e := c.DB.lookupRead(c, k)
		if e == nil {
			srcs = append(srcs, "")
			continue
		}
		if e.typ != TypeString {
			r.Error(ErrWrongType)
			return
		}
		s := bitString(e)
		srcs = append(srcs, s)
		if len(s) > maxLen {
			maxLen = len(s)
		}
	}
	dst := args[2]
	if maxLen == 0 {
		deleteStoreKey(c, dst)
		r.Integer(0)
		return
	}
	res := make([]byte, maxLen)
	if op == opNot {
		for i := 0; i < len(srcs[0]); i++ {
			res[i] = ^srcs[0][i]
		}
	} else {
		copy(res, srcs[0])
		for _, s := range srcs[1:] {
			switch op {
			case opAnd:
				for i := range res {
					if i < len(s) {
						res[i] &= s[i]
					} else {
						res[i] = 0
					}
				}
			case opOr:
				for i := 0; i < len(s); i++ {
					res[i] |= s[i]
				}
			case opXor:
				for i := 0; i < len(s); i++ {
					res[i] ^= s[i]
				}
			}
		}
	}
	replaceKey(c, dst, TypeString, EncRaw, nil).str = unsafe.String(&res[0], len(res))
	c.changed(EventString, "set", dst)
	r.Integer(int64(maxLen))
}

// BITFIELD.

const (
	bfGet = iota
	bfSet
	bfIncrby
)

const (
	bfWrap = iota
	bfSat
	bfFail
)

type bitfieldOp struct {
	offset   uint64
	i64      int64
	opcode   int
	overflow int
	bits     uint
	signed   bool
}

func bitfieldCommand(c *Ctx, args []string, r Reply)   { bitfieldGeneric(c, args, false, r) }
func bitfieldROCommand(c *Ctx, args []string, r Reply) { bitfieldGeneric(c, args, true, r) }

// parseBitfieldType is getBitfieldTypeFromArgument: i1..i64 or u1..u63.
func parseBitfieldType(s string) (signed bool, nbits uint, ok bool) {
	s = cstr(s)
	if len(s) == 0 || (s[0] != 'i' && s[0] != 'u') {
		return false, 0, false
	}
	signed = s[0] == 'i'
	n, ok := ParseInt(s[1:])
	if !ok || n < 1 || (signed && n > 64) || (!signed && n > 63) {
		return false, 0, false
	}
	return signed, uint(n), true
}

func bitfieldGeneric(c *Ctx, args []string, readonlyCmd bool, r Reply) {
	var ops []bitfieldOp
	overflow := bfWrap
	readonly := true
	var highest uint64
	for j := 2; j < len(args); j++ {
		rem := len(args) - j - 1
		var opcode int
		switch sub := cstr(args[j]); {
		case equalFold(sub, "get") && rem >= 2:
			opcode = bfGet
		case equalFold(sub, "set") && rem >= 3:
			opcode = bfSet
		case equalFold(sub, "incrby") && rem >= 3:
			opcode = bfIncrby
		case equalFold(sub, "overflow") && rem >= 1:
			j++
			switch t := cstr(args[j]); {
			case equalFold(t, "wrap"):
				overflow = bfWrap
			case equalFold(t, "sat"):
				overflow = bfSat
			case equalFold(t, "fail"):
				overflow = bfFail
			default:
				r.Error("ERR Invalid OVERFLOW type specified")
				return
			}
			continue
		default:
			r.Error(ErrSyntax)
			return
		}
		signed, nbits, ok := parseBitfieldType(args[j+1])
		if !ok {
			r.Error("ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.")
			return
		}
		off, ok := parseBitOffset(args[j+2], int(nbits))
		if !ok {
			r.Error(errBitOffset)
			return
		}
		op := bitfieldOp{offset: off, opcode: opcode, overflow: overflow, bits: nbits, signed: signed}
		if opcode != bfGet {
			readonly = false
			if last := off + uint64(nbits) - 1; highest < last {
				highest = last
			}
			if op.i64, ok = ParseInt(args[j+3]); !ok {
				r.Error(ErrNotInt)
				return
			}
			j += 3
		} else {
			j += 2
		}
		ops = append(ops, op)
	}
	var buf []byte // the value being written (write commands)
	var w bitWriter
	var src string // the value read (read-only commands)
	if readonly {
		s, _, ok := lookupBitRead(c, args[1], r)
		if !ok {
			return
		}
		src = s
	} else {
		if readonlyCmd {
			r.Error("ERR BITFIELD_RO only supports the GET subcommand")
			return
		}
		var ok bool
		if w, ok = beginBitWrite(c, args[1], highest>>3, 0, r); !ok {
			return
		}
		buf = w.b
		src = unsafe.String(unsafe.SliceData(buf), len(buf))
	}
	r.ArrayLen(len(ops))
	changes := 0
	for _, op := range ops {
		if op.opcode == bfGet {
			v := getBitfield(src, op.offset, op.bits)
			if op.signed {
				r.Integer(signExtend(v, op.bits))
			} else {
				r.Integer(int64(v))
			}
			continue
		}
		changes++
		old := getBitfield(src, op.offset, op.bits)
		var newval, retval uint64
		var over bool
		if op.signed {
			oldv := signExtend(old, op.bits)
			var nv, wrapped int64
			if op.opcode == bfIncrby {
				over, wrapped = signedOverflow(oldv, op.i64, op.bits, op.overflow)
				nv = oldv + op.i64
				if over {
					nv = wrapped
				}
				retval = uint64(nv)
			} else {
				nv = op.i64
				if over, wrapped = signedOverflow(nv, 0, op.bits, op.overflow); over {
					nv = wrapped
				}
				retval = uint64(oldv)
			}
			newval = uint64(nv)
		} else {
			var wrapped uint64
			if op.opcode == bfIncrby {
				newval = old + uint64(op.i64)
				if over, wrapped = unsignedOverflow(old, op.i64, op.bits, op.overflow); over {
					newval = wrapped
				}
				retval = newval
			} else {
				newval = uint64(op.i64)
				if over, wrapped = unsignedOverflow(newval, 0, op.bits, op.overflow); over {
					newval = wrapped
				}
				retval = old
			}
		}
		if over && op.overflow == bfFail {
			r.Null()
			continue
		}
		r.Integer(int64(retval))
		setBitfield(buf, op.offset, op.bits, newval)
	}
	if !readonly {
		w.commit()
		if changes > 0 {
			c.changed(EventString, "setbit", args[1])
			c.KS.Dirty += int64(changes - 1)
		}
	}
}

// getBitfield reads nbits bits at bit offset off (big-endian bit order), zero past the end.
func getBitfield(s string, off uint64, nbits uint) uint64 {
	var v uint64
	for j := uint(0); j < nbits; j++ {
		v = v<<1 | uint64(bitAt(s, off))
		off++
	}
	return v
}

// setBitfield writes the low nbits bits of v at bit offset off; b is long enough.
func setBitfield(b []byte, off uint64, nbits uint, v uint64) {
	for j := uint(0); j < nbits; j++ {
		bit := v >> (nbits - 1 - j) & 1
		i, m := off>>3, byte(1)<<(7-off&7)
		if bit != 0 {
			b[i] |= m
		} else {
			b[i] &^= m
		}
		off++
	}
}

func signExtend(v uint64, nbits uint) int64 {
	if nbits < 64 && v&(1<<(nbits-1)) != 0 {
		v |= ^uint64(0) << nbits
	}
	return int64(v)
}

// unsignedOverflow is checkUnsignedBitfieldOverflow: whether value+incr leaves the range of an
// nbits unsigned integer, and the value to store for WRAP or SAT.
func unsignedOverflow(value uint64, incr int64, nbits uint, ow int) (bool, uint64) {
	max := uint64(1)<<nbits - 1
	maxincr := int64(max - value)
	minincr := -int64(value)
	var limit uint64
	wrap := func() uint64 { return (value + uint64(incr)) &^ (^uint64(0) << nbits) }
	if value > max || (incr > 0 && incr > maxincr) {
		switch ow {
		case bfWrap:
			limit = wrap()
		case bfSat:
			limit = max
		}
		return true, limit
	} else if incr < 0 && incr < minincr {
		switch ow {
		case bfWrap:
			limit = wrap()
		case bfSat:
			limit = 0
		}
		return true, limit
	}
	return false, 0
}

// signedOverflow is checkSignedBitfieldOverflow for an nbits signed integer.
func signedOverflow(value, incr int64, nbits uint, ow int) (bool, int64) {
	max := int64(1)<<(nbits-1) - 1
	if nbits == 64 {
		max = maxInt64
	}
	min := -max - 1
	maxincr := int64(uint64(max) - uint64(value))
	minincr := min - value
	wrap := func() int64 {
		c := uint64(value) + uint64(incr)
		if nbits < 64 {
			mask := ^uint64(0) << nbits
			if c&(1<<(nbits-1)) != 0 {
				c |= mask
			} else {
				c &^= mask
			}
		}
		return int64(c)
	}
	var limit int64
	if value > max || (nbits != 64 && incr > maxincr) || (value >= 0 && incr > 0 && incr > maxincr) {
		switch ow {
		case bfWrap:
			limit = wrap()
		case bfSat:
			limit = max
		}
		return true, limit
	} else if value < min || (nbits != 64 && incr < minincr) || (value < 0 && incr < 0 && incr < minincr) {
		switch ow {
		case bfWrap:
			limit = wrap()
		case bfSat:
			limit = min
		}
		return true, limit
	}
	return false, 0
}
