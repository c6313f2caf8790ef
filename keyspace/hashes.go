package keyspace

import (
	"math/big"
	"math/rand/v2"
	"strconv"
)

// The hash commands, as Redis 7.0's t_hash.c.

func init() {
	register(map[string]Handler{
		"hset": hsetCommand, "hmset": hsetCommand, "hsetnx": hsetnxCommand, "hget": hgetCommand,
		"hmget": hmgetCommand, "hdel": hdelCommand, "hlen": hlenCommand, "hstrlen": hstrlenCommand,
		"hexists": hexistsCommand, "hincrby": hincrbyCommand, "hincrbyfloat": hincrbyfloatCommand,
		"hgetall": hgetallCommand, "hkeys": hkeysCommand, "hvals": hvalsCommand,
		"hrandfield": hrandfieldCommand, "hscan": hscanCommand,
	})
}

// lookupHashWrite finds a hash for writing, creating an empty one when the key does not exist
// (hashTypeLookupWriteOrCreate). It writes WRONGTYPE and returns nil for another type.
func lookupHashWrite(c *Ctx, key string, r Reply) (*entry, *hashValue) {
	e, ok := lookupWriteTyped(c, key, TypeHash, r)
	if !ok {
		return nil, nil
	}
	if e == nil {
		e = createKey(c, key, TypeHash, EncListpack, &hashValue{})
	}
	return e, e.val.(*hashValue)
}

// lookupHashRead finds a hash for reading: h is nil when the key does not exist, ok is false
// (and WRONGTYPE written) when it holds another type.
func lookupHashRead(c *Ctx, key string, r Reply) (h *hashValue, ok bool) {
	e, ok := lookupReadTyped(c, key, TypeHash, r)
	if !ok || e == nil {
		return nil, ok
	}
	return e.val.(*hashValue), true
}

// HSET and HMSET.
func hsetCommand(c *Ctx, args []string, r Reply) {
	if len(args)%2 != 0 {
		r.Error(ArityError(Lookup(args[0])))
		return
	}
	e, h := lookupHashWrite(c, args[1], r)
	if h == nil {
		return
	}
	h.tryConversion(args[2:])
	var created int64
	for i := 2; i < len(args); i += 2 {
		if h.set(args[i], args[i+1]) {
			created++
		}
	}
	e.enc = h.encoding()
	c.changed(EventHash, "hset", args[1])
	c.KS.Dirty += int64(len(args)-2)/2 - 1
	if equalFold(args[0], "hmset") {
		r.SimpleString("OK")
		return
	}
	r.Integer(created)
}

func hsetnxCommand(c *Ctx, args []string, r Reply) {
	e, h := lookupHashWrite(c, args[1], r)
	if h == nil {
		return
	}
	if h.has(args[2]) {
		r.Integer(0)
		return
	}
	h.tryConversion(args[2:4])
	h.set(args[2], args[3])
	e.enc = h.encoding()
	c.changed(EventHash, "hset", args[1])
	r.Integer(1)
}

func hgetCommand(c *Ctx, args []string, r Reply) {
	h, ok := lookupHashRead(c, args[1], r)
	if !ok {
		return
	}
	if h != nil {
		if v, found := h.get(args[2]); found {
			r.Bulk(v)
			return
		}
	}
	r.Null()
}

func hmgetCommand(c *Ctx, args []string, r Reply) {
	h, ok := lookupHashRead(c, args[1], r)
	if !ok {
		return
	}
	r.ArrayLen(len(args) - 2)
	for _, f := range args[2:] {
		if h != nil {
			if v, found := h.get(f); found {
				r.Bulk(v)
				continue
			}
		}
		r.Null()
	}
}

func hdelCommand(c *Ctx, args []string, r Reply) {
	e, ok := lookupWriteTyped(c, args[1], TypeHash, r)
	if !ok {
		return
	}
	if e == nil {
		r.Integer(0)
		return
	}
	h := e.val.(*hashValue)
	var deleted int64
	removed := false
	for _, f := range args[2:] {
		if h.del(f) {
			deleted++
			if removed = removeIfEmpty(c, e); removed {
				break
			}
		}
	}
	if deleted > 0 {
		c.changed(EventHash, "hdel", args[1])
		if removed {
			delEvent(c, args[1])
		}
		c.KS.Dirty += deleted - 1
	}
	r.Integer(deleted)
}

func hlenCommand(c *Ctx, args []string, r Reply) {
	h, ok := lookupHashRead(c, args[1], r)
	if !ok {
		return
	}
	if h == nil {
		r.Integer(0)
		return
	}
	r.Integer(int64(h.Len()))
}

func hstrlenCommand(c *Ctx, args []string, r Reply) {
	h, ok := lookupHashRead(c, args[1], r)
	if !ok {
		return
	}
	var n int
	if h != nil {
		v, _ := h.get(args[2])
		n = len(v)
	}
	r.Integer(int64(n))
}

func hexistsCommand(c *Ctx, args []string, r Reply) {
	h, ok := lookupHashRead(c, args[1], r)
	if !ok {
		return
	}
	if h != nil && h.has(args[2]) {
		r.Integer(1)
		return
	}
	r.Integer(0)
}

func hincrbyCommand(c *Ctx, args []string, r Reply) {
	incr, ok := ParseInt(args[3])
	if !ok {
		r.Error(ErrNotInt)
		return
	}
	e, h := lookupHashWrite(c, args[1], r)
	if h == nil {
		return
	}
	var cur int64
	if v, found := h.get(args[2]); found {
		if cur, ok = ParseInt(v); !ok {
			r.Error("ERR hash value is not an integer")
			return
		}
	}
	if (incr < 0 && cur < 0 && incr < minInt64-cur) || (incr > 0 && cur > 0 && incr > maxInt64-cur) {
		r.Error(ErrOverflow)
		return
	}
	cur += incr
	h.set(args[2], FormatInt(cur))
	e.enc = h.encoding()
	c.changed(EventHash, "hincrby", args[1])
	r.Integer(cur)
}

const (
	maxInt64 = 1<<63 - 1
	minInt64 = -1 << 63
)

func hincrbyfloatCommand(c *Ctx, args []string, r Reply) {
	incr, inf, ok := ParseLongDouble(args[3])
	if !ok {
		r.Error(ErrNotFloat)
		return
	}
	if inf != 0 {
		r.Error("ERR value is NaN or Infinity")
		return
	}
	e, h := lookupHashWrite(c, args[1], r)
	if h == nil {
		return
	}
	sum := new(big.Float).SetPrec(ldPrec).SetMode(big.ToNearestEven)
	if v, found := h.get(args[2]); found {
		cur, curInf, ok := ParseLongDouble(v)
		if !ok {
			r.Error("ERR hash value is not a float")
			return
		}
		if curInf != 0 {
			r.Error(ErrNaNOrInf)
			return
		}
		sum.Add(cur, incr)
	} else {
		sum.Set(incr)
	}
	if sum.Sign() != 0 && sum.MantExp(nil) > ldMaxExp {
		r.Error(ErrNaNOrInf)
		return
	}
	val := FormatLongDoubleHuman(sum)
	h.set(args[2], val)
	e.enc = h.encoding()
	c.changed(EventHash, "hincrbyfloat", args[1])
	r.Bulk(val)
}

// HGETALL, HKEYS, HVALS.
const (
	hashKeys = 1 << iota
	hashVals
)

func hgetallCommand(c *Ctx, args []string, r Reply) { hashGetAll(c, args, hashKeys|hashVals, r) }
func hkeysCommand(c *Ctx, args []string, r Reply)   { hashGetAll(c, args, hashKeys, r) }
func hvalsCommand(c *Ctx, args []string, r Reply)   { hashGetAll(c, args, hashVals, r) }

func hashGetAll(c *Ctx, args []string, what int, r Reply) {
	h, ok := lookupHashRead(c, args[1], r)
	if !ok {
		return
	}
	n := 0
	if h != nil {
		n = h.Len()
	}
	if what == hashKeys|hashVals {
		r.MapLen(n)
	} else {
		r.ArrayLen(n)
	}
	if h == nil {
		return
	}
	h.each(func(f, v string) bool {
		if what&hashKeys != 0 {
			r.Bulk(f)
		}
		if what&hashVals != 0 {
			r.Bulk(v)
		}
		return true
	})
}

// ErrCountRange is the error of a count equal to LLONG_MIN (getRangeLongFromObjectOrReply with
// the range [-LONG_MAX, LONG_MAX]).
const errCountRange = "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807"

func hrandfieldCommand(c *Ctx, args []string, r Reply) {
	if len(args) >= 3 {
		count, ok := ParseInt(args[2])
		if !ok {
			r.Error(ErrNotInt)
			return
		}
		if count == minInt64 {
			r.Error(errCountRange)
			return
		}
		withValues := false
		if len(args) > 4 || (len(args) == 4 && !equalFold(args[3], "withvalues")) {
			r.Error(ErrSyntax)
			return
		} else if len(args) == 4 {
			withValues = true
			if count < -maxInt64/2 || count > maxInt64/2 {
				r.Error("ERR value is out of range")
				return
			}
		}
		hrandfieldWithCount(c, args[1], count, withValues, r)
		return
	}
	h, ok := lookupHashRead(c, args[1], r)
	if !ok {
		return
	}
	if h == nil {
		r.Null()
		return
	}
	f, _ := h.randomPair()
	r.Bulk(f.field)
}

// randomPair returns a uniformly chosen field and its position in the listpack (-1 for a
// hashtable).
func (h *hashValue) randomPair() (hashPair, int) {
	if h.ht != nil {
		f, v, _ := h.ht.Random()
		return hashPair{field: f, value: v}, -1
	}
	i := rand.IntN(len(h.lp))
	return h.lp[i], i
}

func hrandfieldWithCount(c *Ctx, key string, count int64, withValues bool, r Reply) {
	h, ok := lookupHashRead(c, key, r)
	if !ok {
		return
	}
	if h == nil || count == 0 {
		r.ArrayLen(0)
		return
	}
	resp3 := r.Resp3()
	pair := func(p hashPair) {
		if withValues && resp3 {
			r.ArrayLen(2)
		}
		r.Bulk(p.field)
		if withValues {
			r.Bulk(p.value)
		}
	}
	replyLen := func(n int64) {
		if withValues && !resp3 {
			r.ArrayLen(int(2 * n))
		} else {
			r.ArrayLen(int(n))
		}
	}
	size := int64(h.Len())
	// A negative count (or 1): independent picks, repetitions allowed.
	if count < 0 || count == 1 {
		if count < 0 {
			count = -count
		}
		replyLen(count)
		for ; count > 0; count-- {
			p, _ := h.randomPair()
			pair(p)
		}
		return
	}
	// The whole hash, in its order.
	if count >= size {
		replyLen(size)
		h.each(func(f, v string) bool {
			pair(hashPair{field: f, value: v})
			return true
		})
		return
	}
	// count distinct fields: a listpack answers them in listpack order (lpRandomPairsUnique),
	// a hashtable in the order of the sample.
	replyLen(count)
	picks := sampleDistinct(int(size), int(count))
	if h.ht == nil {
		for i, p := range h.lp {
			if picks[i] {
				pair(p)
			}
		}
		return
	}
	i := 0
	h.ht.Each(func(f, v string) bool {
		if picks[i] {
			pair(hashPair{field: f, value: v})
		}
		i++
		return true
	})
}

// sampleDistinct chooses k distinct positions among n (0 < k < n) uniformly (Floyd's algorithm)
// and returns them as a membership vector.
func sampleDistinct(n, k int) []bool {
	picks := make([]bool, n)
	for j := n - k; j < n; j++ {
		t := rand.IntN(j + 1)
		if picks[t] {
			t = j
		}
		picks[t] = true
	}
	return picks
}

func hscanCommand(c *Ctx, args []string, r Reply) {
	cursor, ok := ParseCursor(args[2])
	if !ok {
		r.Error("ERR invalid cursor")
		return
	}
	h, ok := lookupHashRead(c, args[1], r)
	if !ok {
		return
	}
	if h == nil {
		replyEmptyScan(r)
		return
	}
	o, msg := parseScanOptions(args, 3, false)
	if msg != "" {
		r.Error(msg)
		return
	}
	var out []string
	if h.ht == nil {
		cursor = 0
		for _, p := range h.lp {
			if o.matches(p.field) {
				out = append(out, p.field, p.value)
			}
		}
	} else {
		var found []string
		cursor = scanLoop(cursor, o.count, func(cur uint64) uint64 {
			return h.ht.Scan(cur, func(f, v string) { found = append(found, f, v) })
		}, func() int { return len(found) })
		for i := 0; i < len(found); i += 2 {
			if o.matches(found[i]) {
				out = append(out, found[i], found[i+1])
			}
		}
	}
	replyScan(r, cursor, out)
}

// scanLoop runs a hashtable scan as scanGenericCommand does: step calls until the cursor returns
// to 0, count strings were collected (a hash counts fields and values), or count*10+1 steps
// were made.
func scanLoop(cursor uint64, count int64, step func(uint64) uint64, found func() int) uint64 {
	maxIter := count*10 + 1
	if count > 1<<40 {
		maxIter = 1 << 62
	}
	for {
		cursor = step(cursor)
		maxIter--
		if cursor == 0 || maxIter == 0 || int64(found()) >= count {
			return cursor
		}
	}
}

func replyEmptyScan(r Reply) {
	r.ArrayLen(2)
	r.Bulk("0")
	r.ArrayLen(0)
}

func replyScan(r Reply, cursor uint64, elems []string) {
	r.ArrayLen(2)
	r.Bulk(strconv.FormatUint(cursor, 10))
	r.ArrayLen(len(elems))
	for _, s := range elems {
		r.Bulk(s)
	}
}
