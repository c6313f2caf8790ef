package keyspace

import (
	"unsafe"

	"github.com/redmoon-dev/redmoon/keyspace/internal/hll"
)

// The HyperLogLog commands, as Redis 7.0's hyperloglog.c. A HyperLogLog is a string value whose
// bytes are Redis's exact representation (package internal/hll), so GET, SET, DUMP-like copies
// and APPEND see the same bytes the real server has. Commands never edit a stored string: they
// copy it, edit the copy and store the new string (PFADD first checks, without copying, whether
// any register of a dense sketch changes at all).
//
// Corrupted values (a user can SET any bytes after the "HYLL" header) get the replies and bytes
// redis-server gives, with one exception: when a sparse value ends in the middle of an XZERO
// opcode, Redis reads the byte after the string's end, which is whatever an earlier command left
// in its buffer; here it is zero at the start of each command (the string's terminator, which is
// what a freshly SET value has in Redis too).

func init() {
	register(map[string]Handler{
		"pfadd": pfaddCommand, "pfcount": pfcountCommand, "pfmerge": pfmergeCommand,
		"pfdebug": pfdebugCommand, "pfselftest": pfselftestCommand,
	})
}

// Error replies of the HyperLogLog commands.
const (
	errNotHLL     = "WRONGTYPE Key is not a valid HyperLogLog string value."
	errCorruptHLL = "INVALIDOBJ Corrupted HLL object detected"
)

// HLLSparseMaxBytes is hll-sparse-max-bytes: the size beyond which a sparse HyperLogLog is
// converted to the dense encoding.
var HLLSparseMaxBytes = hll.SparseMaxBytes

// checkHLL answers the error and returns false unless e holds a valid HyperLogLog string
// (isHLLObjectOrReply).
func checkHLL(e *entry, r Reply) bool {
	if e.typ != TypeString {
		r.Error(ErrWrongType)
		return false
	}
	if e.enc == EncInt || !hll.Valid(e.str) {
		r.Error(errNotHLL)
		return false
	}
	return true
}

// hllBytes returns a private copy of a HyperLogLog value with room for a sparse update.
func hllBytes(s string) []byte {
	b := make([]byte, len(s), len(s)+8)
	copy(b, s)
	return b
}

// storeHLL replaces the value of a string entry with b, which nobody modifies afterwards. The
// value becomes "raw", as dbUnshareStringValue makes it.
func storeHLL(e *entry, b []byte) {
	e.str = unsafe.String(unsafe.SliceData(b), len(b))
	e.val = nil
	e.enc = EncRaw
	e.flags &^= flagShared
}

func pfaddCommand(c *Ctx, args []string, r Reply) {
	key := args[1]
	e := c.DB.lookupWrite(c, key)
	updated := 0
	elems := args[2:]
	var b []byte
	if e == nil {
		b = hll.Empty()
		e = newRawString(key, "")
		c.DB.add(c, e)
		c.KS.event(EventNew, "new", c.DB.ID, key)
		updated++
	} else {
		if !checkHLL(e, r) {
			return
		}
		e.enc = EncRaw
		if cur := unsafeBytes(e.str); hll.Encoding(cur) == hll.Dense {
			// Most additions to a big sketch change nothing: find the first that does before
			// paying for a copy of the 12 KB value.
			for len(elems) > 0 && !hll.Changes(cur, elems[0]) {
				elems = elems[1:]
			}
			if len(elems) == 0 {
				r.Integer(0)
				return
			}
		}
		b = hllBytes(e.str)
	}
	for _, ele := range elems {
		var n int
		var err error
		b, n, err = hll.Add(b, ele, HLLSparseMaxBytes)
		if err != nil {
			storeHLL(e, b)
			r.Error(errCorruptHLL)
			return
		}
		updated += n
	}
	if updated == 0 {
		r.Integer(0)
		return
	}
	hll.InvalidateCache(b)
	storeHLL(e, b)
	c.changed(EventString, "pfadd", key)
	c.KS.Dirty += int64(updated - 1)
	r.Integer(1)
}

func pfcountCommand(c *Ctx, args []string, r Reply) {
	if len(args) > 2 {
		var max [hll.Registers]uint8
		for _, key := range args[1:] {
			e := c.DB.lookupRead(c, key)
			if e == nil {
				continue
			}
			if !checkHLL(e, r) {
				return
			}
			if hll.Merge(&max, unsafeBytes(e.str)) != nil {
				r.Error(errCorruptHLL)
				return
			}
		}
		r.Integer(int64(hll.CountMax(&max)))
		return
	}
	key := args[1]
	e := c.DB.lookupRead(c, key)
	if e == nil {
		r.Integer(0)
		return
	}
	if !checkHLL(e, r) {
		return
	}
	e.enc = EncRaw
	if card, ok := hll.CachedCard(unsafeBytes(e.str)); ok {
		r.Integer(int64(card))
		return
	}
	card, err := hll.Count(unsafeBytes(e.str))
	if err != nil {
		r.Error(errCorruptHLL)
		return
	}
	b := hllBytes(e.str)
	hll.SetCachedCard(b, card)
	storeHLL(e, b)
	c.KS.Dirty++
	c.KS.keyModified(c.DB.ID, key)
	r.Integer(int64(card))
}

func pfmergeCommand(c *Ctx, args []string, r Reply) {
	var max [hll.Registers]uint8
	useDense := false
	for _, key := range args[1:] {
		e := c.DB.lookupRead(c, key)
		if e == nil {
			continue
		}
		if !checkHLL(e, r) {
			return
		}
		b := unsafeBytes(e.str)
		if hll.Encoding(b) == hll.Dense {
			useDense = true
		}
		if hll.Merge(&max, b) != nil {
			r.Error(errCorruptHLL)
			return
		}
	}
	key := args[1]
	e := c.DB.lookupWrite(c, key)
	var b []byte
	if e == nil {
		b = hll.Empty()
		e = newRawString(key, "")
		c.DB.add(c, e)
		c.KS.event(EventNew, "new", c.DB.ID, key)
	} else {
		b = hllBytes(e.str)
	}
	if useDense {
		d, err := hll.ToDense(b)
		if err != nil {
			storeHLL(e, b)
			r.Error(errCorruptHLL)
			return
		}
		b = d
	}
	for i, v := range max {
		if v != 0 {
			b, _, _ = hll.Set(b, i, v, HLLSparseMaxBytes)
		}
	}
	hll.InvalidateCache(b)
	storeHLL(e, b)
	c.changed(EventString, "pfadd", key)
	r.SimpleString("OK")
}

func pfdebugCommand(c *Ctx, args []string, r Reply) {
	key := args[2]
	e := c.DB.lookupWrite(c, key)
	if e == nil {
		r.Error("ERR The specified key does not exist")
		return
	}
	if !checkHLL(e, r) {
		return
	}
	e.enc = EncRaw
	sub := cstr(args[1])
	b := unsafeBytes(e.str)
	switch {
	case equalFold(sub, "getreg"):
		if hll.Encoding(b) == hll.Sparse {
			d, err := hll.ToDense(b)
			if err != nil {
				r.Error(errCorruptHLL)
				return
			}
			storeHLL(e, d)
			c.KS.Dirty++
			b = d
		}
		r.ArrayLen(hll.Registers)
		for i := 0; i < hll.Registers; i++ {
			r.Integer(int64(hll.GetRegister(b, i)))
		}
	case equalFold(sub, "decode"):
		if hll.Encoding(b) != hll.Sparse {
			r.Error("ERR HLL encoding is not sparse")
			return
		}
		r.Bulk(hll.Decode(b))
	case equalFold(sub, "encoding"):
		if hll.Encoding(b) == hll.Dense {
			r.SimpleString("dense")
		} else {
			r.SimpleString("sparse")
		}
	case equalFold(sub, "todense"):
		if hll.Encoding(b) == hll.Dense {
			r.Integer(0)
			return
		}
		d, err := hll.ToDense(b)
		if err != nil {
			r.Error(errCorruptHLL)
			return
		}
		storeHLL(e, d)
		c.KS.Dirty++
		r.Integer(1)
	default:
		r.Error("ERR Unknown PFDEBUG subcommand '" + safeText(sub) + "'")
	}
}

func pfselftestCommand(c *Ctx, args []string, r Reply) {
	if err := hll.SelfTest(); err != nil {
		r.Error("ERR " + err.Error())
		return
	}
	r.SimpleString("OK")
}

// unsafeBytes views a string's bytes for reading only.
func unsafeBytes(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}
