package keyspace

import (
	"math"
	"math/big"
)

// ZPOPMIN, ZPOPMAX, ZMPOP and the blocking BZPOPMIN, BZPOPMAX and BZMPOP in their non-blocking
// form: when every key is empty they answer the null array at once, which is Redis's answer
// inside MULTI or a script and the signal a server uses to block the client (see
// ZSetBlocks). Arguments are validated first, so a bad timeout is an error even with data.

func init() {
	register(map[string]Handler{
		"zpopmin":  func(c *Ctx, a []string, r Reply) { zpopMinMax(c, a, false, r) },
		"zpopmax":  func(c *Ctx, a []string, r Reply) { zpopMinMax(c, a, true, r) },
		"bzpopmin": func(c *Ctx, a []string, r Reply) { bzpopMinMax(c, a, false, r) },
		"bzpopmax": func(c *Ctx, a []string, r Reply) { bzpopMinMax(c, a, true, r) },
		"zmpop":    func(c *Ctx, a []string, r Reply) { zmpopGeneric(c, a, 1, false, r) },
		"bzmpop":   func(c *Ctx, a []string, r Reply) { zmpopGeneric(c, a, 2, true, r) },
	})
}

// ZSetBlocks reports whether a sorted-set pop on keys would block: no key holds a non-empty
// sorted set and none holds another type (a wrong type is an immediate error reply). A server
// can use it, or equivalently the null-array reply of the blocking command's non-blocking form,
// to decide to wait.
func ZSetBlocks(c *Ctx, keys []string) bool {
	for _, k := range keys {
		if e := c.DB.peek(c, k); e != nil {
			return false
		}
	}
	return true
}

// zpopGeneric is genericZpopCommand. count -1 is a plain single pop. emitKey adds the key to
// the reply (BZPOP*, ZMPOP), nested gives member-score pairs, nullWhenEmpty answers the null
// array rather than an empty one when no key has data.
func zpopGeneric(c *Ctx, keys []string, max, emitKey bool, count int64, nested, nullWhenEmpty bool, r Reply) {
	var key string
	var z *sortedSet
	for _, k := range keys {
		_, zz, ok := zLookup(c, k, true, r)
		if !ok {
			return
		}
		if zz != nil {
			key, z = k, zz
			break
		}
	}
	if z == nil {
		if nullWhenEmpty {
			r.NullArray()
		} else {
			r.ArrayLen(0)
		}
		return
	}
	if count == 0 {
		r.ArrayLen(0)
		return
	}
	if count == -1 {
		count = 1
	}
	n := int64(z.Len())
	if count < n {
		n = count
	}
	switch {
	case !nested && !emitKey:
		r.ArrayLen(int(n * 2))
	case nested && !emitKey:
		r.ArrayLen(int(n))
	case !nested && emitKey:
		r.ArrayLen(int(n*2 + 1))
		r.Bulk(key)
	default:
		r.ArrayLen(2)
		r.Bulk(key)
		r.ArrayLen(int(n))
	}
	for i := int64(0); i < n; i++ {
		rank := 0
		if max {
			rank = z.Len() - 1
		}
		x := z.At(rank)
		z.Delete(x.Member)
		if nested {
			r.ArrayLen(2)
		}
		r.Bulk(x.Member)
		r.Double(x.Score)
	}
	removed := false
	if z.Len() == 0 {
		c.DB.remove(key)
		removed = true
	}
	ev := "zpopmin"
	if max {
		ev = "zpopmax"
	}
	if removed {
		c.KS.event(EventGeneric, "del", c.DB.ID, key)
	}
	c.changed(EventZSet, ev, key)
	c.KS.Dirty += n - 1
}

func zpopMinMax(c *Ctx, args []string, max bool, r Reply) {
	if len(args) > 3 {
		r.Error(ErrSyntax)
		return
	}
	count := int64(-1)
	if len(args) == 3 {
		n, ok := ParseInt(args[2])
		if !ok || n < 0 {
			r.Error(ErrNotPositive)
			return
		}
		count = n
	}
	nested := r.Resp3() && count != -1
	zpopGeneric(c, args[1:2], max, false, count, nested, false, r)
}

// zParseTimeout parses a blocking command's timeout in seconds as getTimeoutFromObjectOrReply:
// a long double, converted to milliseconds and truncated to a 64-bit integer (out of range
// values become the most negative integer, as on x86-64), negative refused.
func zParseTimeout(s string) (int64, string) {
	x, inf, ok := ParseLongDouble(s)
	if !ok {
		return 0, "ERR timeout is not a float or out of range"
	}
	ms := int64(math.MinInt64)
	if inf == 0 {
		p := new(big.Float).SetPrec(ldPrec).Mul(x, big.NewFloat(1000))
		if i, acc := p.Int64(); acc == big.Exact || (i != math.MaxInt64 && i != math.MinInt64) {
			ms = i
		}
	}
	if ms < 0 {
		return 0, "ERR timeout is negative"
	}
	return ms, ""
}

func bzpopMinMax(c *Ctx, args []string, max bool, r Reply) {
	if _, msg := zParseTimeout(args[len(args)-1]); msg != "" {
		r.Error(msg)
		return
	}
	zblockingPop(c, args[1:len(args)-1], max, -1, false, r)
}

// zblockingPop is blockingGenericZpopCommand without the blocking: the first key holding a
// non-empty sorted set is popped; with none, the null array.
func zblockingPop(c *Ctx, keys []string, max bool, count int64, nested bool, r Reply) {
	for _, k := range keys {
		_, z, ok := zLookup(c, k, true, r)
		if !ok {
			return
		}
		if z == nil || z.Len() == 0 {
			continue
		}
		zpopGeneric(c, []string{k}, max, true, count, nested, true, r)
		return
	}
	r.NullArray()
}

// zmpopGeneric is ZMPOP numkeys key... MIN|MAX [COUNT n] (numIdx 1) and BZMPOP timeout numkeys
// ... (numIdx 2).
func zmpopGeneric(c *Ctx, args []string, numIdx int, blocking bool, r Reply) {
	numKeys, ok := ParseInt(args[numIdx])
	if !ok || numKeys < 1 {
		r.Error("ERR numkeys should be greater than 0")
		return
	}
	if numKeys >= int64(len(args)) {
		r.Error(ErrSyntax)
		return
	}
	whereIdx := int64(numIdx) + numKeys + 1
	if whereIdx >= int64(len(args)) {
		r.Error(ErrSyntax)
		return
	}
	var max bool
	switch w := cstr(args[whereIdx]); {
	case equalFold(w, "min"):
	case equalFold(w, "max"):
		max = true
	default:
		r.Error(ErrSyntax)
		return
	}
	count := int64(-1)
	for j := int(whereIdx) + 1; j < len(args); j++ {
		more := len(args) - 1 - j
		if count == -1 && equalFold(cstr(args[j]), "count") && more > 0 {
			j++
			n, ok := ParseInt(args[j])
			if !ok || n < 1 {
				r.Error("ERR count should be greater than 0")
				return
			}
			count = n
		} else {
			r.Error(ErrSyntax)
			return
		}
	}
	if count == -1 {
		count = 1
	}
	keys := args[numIdx+1 : whereIdx]
	if blocking {
		if _, msg := zParseTimeout(args[1]); msg != "" {
			r.Error(msg)
			return
		}
		zblockingPop(c, keys, max, count, true, r)
		return
	}
	zpopGeneric(c, keys, max, true, count, true, true, r)
}
