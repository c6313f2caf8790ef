package keyspace

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"

	"github.com/redmoon-dev/redmoon/keyspace/internal/zset"
)

// Sorted sets, as Redis 7.0's t_zset.c: the value type, ZADD/ZINCRBY, member lookups (ZSCORE,
// ZMSCORE, ZRANK, ZREVRANK, ZCARD), ZREM, ZSCAN and ZRANDMEMBER. Ranges are in zset_range.go,
// pops in zset_pop.go, the set operations in zset_setops.go, GEO in geo.go.
//
// The value is internal/zset's Set: an order-statistic B+tree (O(log n) insert, delete, rank,
// access by rank and seek by score or member) plus, for a set Redis would encode as a skiplist,
// a hash index member -> score. OBJECT ENCODING follows 7.0: "listpack" up to 128 members of at
// most 64 bytes, "skiplist" beyond, never converted back except by the commands that build a new
// set (ZRANGESTORE, Z*STORE, GEO*STORE), like Redis. A listpack stores -0 as 0, which shows.
//
// Known differences from Redis, all in replies that Redis itself leaves to chance or to its
// memory layout: ZSCAN cursors of skiplist-encoded sets (Redis's depend on its dict's hash seed;
// ours give the same guarantees), ZRANDMEMBER's random picks, and lexicographic ranges on a
// skiplist-encoded set whose scores are not all equal (Redis's answer depends on its random
// skiplist levels; a listpack-encoded set is scanned exactly as Redis scans it).

func init() {
	register(map[string]Handler{
		"zadd": zaddCommand, "zincrby": zincrbyCommand, "zrem": zremCommand,
		"zcard": zcardCommand, "zscore": zscoreCommand, "zmscore": zmscoreCommand,
		"zrank": zrankCommand, "zrevrank": zrevrankCommand, "zscan": zscanCommand,
		"zrandmember": zrandmemberCommand,
	})
}

// Redis 7.0's defaults for zset-max-listpack-entries and zset-max-listpack-value: a sorted set
// with more members, or with a longer member, is encoded as a skiplist.
const (
	zsetMaxListpackEntries = 128
	zsetMaxListpackValue   = 64
)

// Error texts of the sorted-set commands.
const (
	errZNaN       = "ERR resulting score is not a number (NaN)"
	errZMinMax    = "ERR min or max is not a float"
	errZLexMinMax = "ERR min or max not valid string range item"
)

// sortedSet is the value of a sorted-set key. A set without member index is what Redis encodes
// as a listpack, one with the index a skiplist; the entry's enc follows it.
type sortedSet struct {
	zset.Set
}

// Copy implements Collection.
func (z *sortedSet) Copy() Collection { return &sortedSet{Set: *z.Set.Copy()} }

// Elements implements Elements (SORT): members in ascending order.
func (z *sortedSet) Elements(fn func(elem string)) {
	z.Each(func(m string, _ float64) bool {
		fn(m)
		return true
	})
}

func (z *sortedSet) encoding() Encoding {
	if z.Indexed() {
		return EncSkiplist
	}
	return EncListpack
}

// insert adds a member that is not present, converting the encoding first when the member
// would not fit a listpack. A listpack stores -0 as 0, as Redis's does.
func (z *sortedSet) insert(e *entry, member string, score float64) {
	if !z.Indexed() {
		if z.Len()+1 > zsetMaxListpackEntries || len(member) > zsetMaxListpackValue {
			z.Index()
			e.enc = EncSkiplist
		} else if score == 0 {
			score = 0
		}
	}
	z.Insert(member, score)
}

// update changes the score of a present member.
func (z *sortedSet) update(member string, old, score float64) {
	if score == 0 && !z.Indexed() {
		score = 0
	}
	z.Update(member, old, score)
}

// newZSetEntry makes the entry of a new, empty sorted-set key.
func newZSetEntry(key string) (*entry, *sortedSet) {
	z := &sortedSet{}
	return &entry{key: key, typ: TypeZSet, enc: EncListpack, val: z}, z
}

// zsetFromItems builds a sorted set from items in order, encoded as Redis's
// zsetConvertToListpackIfNeeded leaves a computed result: a listpack when it has at most 128
// members of at most 64 bytes.
func zsetFromItems(items []zset.Item) *sortedSet {
	indexed := len(items) > zsetMaxListpackEntries
	for i := range items {
		if len(items[i].Member) > zsetMaxListpackValue {
			indexed = true
			break
		}
	}
	if !indexed {
		for i := range items {
			if items[i].Score == 0 {
				items[i].Score = 0 // listpacks hold no negative zero
			}
		}
	}
	return &sortedSet{Set: *zset.FromSorted(items, indexed)}
}

// zLookup finds a sorted set for reading (write: for modifying). ok is false after the
// WRONGTYPE error was written; z is nil when the key does not exist.
func zLookup(c *Ctx, key string, write bool, r Reply) (e *entry, z *sortedSet, ok bool) {
	if write {
		e = c.DB.lookupWrite(c, key)
	} else {
		e = c.DB.lookupRead(c, key)
	}
	if e == nil {
		return nil, nil, true
	}
	if e.typ != TypeZSet {
		r.Error(ErrWrongType)
		return nil, nil, false
	}
	return e, e.val.(*sortedSet), true
}

// zStore replaces dst with a sorted set made of items (sorted), or deletes dst when items is
// empty, with the events Redis sends (event names the command). It returns the new length.
func zStore(c *Ctx, dst string, items []zset.Item, event string) int {
	if len(items) == 0 {
		if c.DB.lookupWrite(c, dst) != nil {
			c.DB.remove(dst)
			c.changed(EventGeneric, "del", dst)
		}
		return 0
	}
	z := zsetFromItems(items)
	existed := c.DB.find(c, dst) != nil
	c.DB.setEntry(c, &entry{key: dst, typ: TypeZSet, enc: z.encoding(), val: z}, false)
	if !existed {
		c.KS.event(EventNew, "new", c.DB.ID, dst)
	}
	c.changed(EventZSet, event, dst)
	return len(items)
}

// zDeleteIfEmpty removes a key whose sorted set became empty and sends "del".
func zDeleteIfEmpty(c *Ctx, key string, z *sortedSet) bool {
	if z.Len() != 0 {
		return false
	}
	c.DB.remove(key)
	c.KS.event(EventGeneric, "del", c.DB.ID, key)
	return true
}

// ZADD and ZINCRBY flags (zsetAdd's input and output flags).
const (
	zaddIncr = 1 << iota
	zaddNX
	zaddXX
	zaddGT
	zaddLT
	zaddCH
)

const (
	zaddOutNop = 1 << iota
	zaddOutNaN
	zaddOutAdded
	zaddOutUpdated
)

// zsetAdd adds or updates one member as Redis's zsetAdd does.
func zsetAdd(e *entry, z *sortedSet, member string, score float64, flags int) (out int, newScore float64) {
	cur, exists := z.Score(member)
	if exists {
		if flags&zaddNX != 0 {
			return zaddOutNop, 0
		}
		if flags&zaddIncr != 0 {
			score += cur
			if math.IsNaN(score) {
				return zaddOutNaN, 0
			}
		}
		if (flags&zaddLT != 0 && score >= cur) || (flags&zaddGT != 0 && score <= cur) {
			return zaddOutNop, 0
		}
		if score != cur {
			z.update(member, cur, score)
			out = zaddOutUpdated
		}
		return out, score
	}
	if flags&zaddXX != 0 {
		return zaddOutNop, 0
	}
	z.insert(e, member, score)
	return zaddOutAdded, score
}

func zaddCommand(c *Ctx, args []string, r Reply) { zaddGeneric(c, args, 0, r) }

func zincrbyCommand(c *Ctx, args []string, r Reply) { zaddGeneric(c, args, zaddIncr, r) }

// zaddGeneric is ZADD (and ZINCRBY with flags = zaddIncr), as zaddGenericCommand.
func zaddGeneric(c *Ctx, args []string, flags int, r Reply) {
	idx := 2
options:
	for ; idx < len(args); idx++ {
		switch opt := cstr(args[idx]); {
		case equalFold(opt, "nx"):
			flags |= zaddNX
		case equalFold(opt, "xx"):
			flags |= zaddXX
		case equalFold(opt, "ch"):
			flags |= zaddCH
		case equalFold(opt, "incr"):
			flags |= zaddIncr
		case equalFold(opt, "gt"):
			flags |= zaddGT
		case equalFold(opt, "lt"):
			flags |= zaddLT
		default:
			break options
		}
	}
	elements := len(args) - idx
	if elements%2 != 0 || elements == 0 {
		r.Error(ErrSyntax)
		return
	}
	elements /= 2
	if flags&zaddNX != 0 && flags&zaddXX != 0 {
		r.Error("ERR XX and NX options at the same time are not compatible")
		return
	}
	if (flags&zaddGT != 0 && flags&zaddNX != 0) || (flags&zaddLT != 0 && flags&zaddNX != 0) ||
		(flags&zaddGT != 0 && flags&zaddLT != 0) {
		r.Error("ERR GT, LT, and/or NX options at the same time are not compatible")
		return
	}
	incr := flags&zaddIncr != 0
	if incr && elements > 1 {
		r.Error("ERR INCR option supports a single increment-element pair")
		return
	}
	var one [1]float64
	scores := one[:]
	if elements > 1 {
		scores = make([]float64, elements)
	}
	for j := 0; j < elements; j++ {
		f, ok := ParseFloat(args[idx+2*j])
		if !ok {
			r.Error(ErrNotFloat)
			return
		}
		scores[j] = f
	}
	key := args[1]
	e, z, ok := zLookup(c, key, true, r)
	if !ok {
		return
	}
	added, updated, processed := 0, 0, 0
	var score float64
	if z == nil && flags&zaddXX != 0 {
		elements = 0 // no key and XX: nothing to do
	} else if z == nil {
		e, z = newZSetEntry(key)
		c.DB.add(c, e)
		c.KS.event(EventNew, "new", c.DB.ID, key)
	}
	for j := 0; j < elements; j++ {
		out, ns := zsetAdd(e, z, args[idx+2*j+1], scores[j], flags)
		if out&zaddOutNaN != 0 {
			r.Error(errZNaN)
			zaddNotify(c, key, incr, added+updated)
			return
		}
		if out&zaddOutAdded != 0 {
			added++
		}
		if out&zaddOutUpdated != 0 {
			updated++
		}
		if out&zaddOutNop == 0 {
			processed++
		}
		score = ns
	}
	zaddNotify(c, key, incr, added+updated)
	switch {
	case incr && processed > 0:
		r.Double(score)
	case incr:
		r.Null()
	case flags&zaddCH != 0:
		r.Integer(int64(added + updated))
	default:
		r.Integer(int64(added))
	}
}

func zaddNotify(c *Ctx, key string, incr bool, changes int) {
	if changes == 0 {
		return
	}
	ev := "zadd"
	if incr {
		ev = "zincr"
	}
	c.changed(EventZSet, ev, key)
	c.KS.Dirty += int64(changes - 1)
}

func zremCommand(c *Ctx, args []string, r Reply) {
	key := args[1]
	_, z, ok := zLookup(c, key, true, r)
	if !ok {
		return
	}
	if z == nil {
		r.Integer(0)
		return
	}
	deleted := 0
	keyRemoved := false
	for _, m := range args[2:] {
		if z.Delete(m) {
			deleted++
		}
		if z.Len() == 0 {
			c.DB.remove(key)
			keyRemoved = true
			break
		}
	}
	if deleted > 0 {
		c.changed(EventZSet, "zrem", key)
		if keyRemoved {
			c.KS.event(EventGeneric, "del", c.DB.ID, key)
		}
		c.KS.Dirty += int64(deleted - 1)
	}
	r.Integer(int64(deleted))
}

func zcardCommand(c *Ctx, args []string, r Reply) {
	_, z, ok := zLookup(c, args[1], false, r)
	if !ok {
		return
	}
	if z == nil {
		r.Integer(0)
		return
	}
	r.Integer(int64(z.Len()))
}

func zscoreCommand(c *Ctx, args []string, r Reply) {
	_, z, ok := zLookup(c, args[1], false, r)
	if !ok {
		return
	}
	if z == nil {
		r.Null()
		return
	}
	if s, found := z.Score(args[2]); found {
		r.Double(s)
	} else {
		r.Null()
	}
}

func zmscoreCommand(c *Ctx, args []string, r Reply) {
	_, z, ok := zLookup(c, args[1], false, r)
	if !ok {
		return
	}
	r.ArrayLen(len(args) - 2)
	for _, m := range args[2:] {
		if z == nil {
			r.Null()
			continue
		}
		if s, found := z.Score(m); found {
			r.Double(s)
		} else {
			r.Null()
		}
	}
}

func zrankCommand(c *Ctx, args []string, r Reply)    { zrankGeneric(c, args, false, r) }
func zrevrankCommand(c *Ctx, args []string, r Reply) { zrankGeneric(c, args, true, r) }

func zrankGeneric(c *Ctx, args []string, reverse bool, r Reply) {
	_, z, ok := zLookup(c, args[1], false, r)
	if !ok {
		return
	}
	if z == nil {
		r.Null()
		return
	}
	rank, found := z.Rank(args[2])
	if !found {
		r.Null()
		return
	}
	if reverse {
		rank = z.Len() - 1 - rank
	}
	r.Integer(int64(rank))
}

// zscanCommand is ZSCAN key cursor [MATCH pattern] [COUNT count], as scanGenericCommand.
func zscanCommand(c *Ctx, args []string, r Reply) {
	cursor, ok := ParseCursor(args[2])
	if !ok {
		r.Error("ERR invalid cursor")
		return
	}
	_, z, ok := zLookup(c, args[1], false, r)
	if !ok {
		return
	}
	if z == nil {
		r.ArrayLen(2)
		r.Bulk("0")
		r.ArrayLen(0)
		return
	}
	o, msg := parseScanOptions(args, 3, false)
	if msg != "" {
		r.Error(msg)
		return
	}
	var out []string
	add := func(m string, score float64) {
		if o.matches(m) {
			out = append(out, m, FormatDouble(score))
		}
	}
	if !z.Indexed() {
		cursor = z.Scan(cursor, add)
	} else {
		maxIter := o.count * 10
		if o.count > 1<<40 {
			maxIter = 1 << 62
		}
		seen := 0
		for {
			cursor = z.Scan(cursor, func(m string, score float64) {
				seen += 2 // Redis counts the member and the score
				add(m, score)
			})
			maxIter--
			if cursor == 0 || maxIter == 0 || int64(seen) >= o.count {
				break
			}
		}
	}
	r.ArrayLen(2)
	r.Bulk(strconv.FormatUint(cursor, 10))
	r.ArrayLen(len(out))
	for _, s := range out {
		r.Bulk(s)
	}
}

// zrandmemberCommand is ZRANDMEMBER key [count [WITHSCORES]].
func zrandmemberCommand(c *Ctx, args []string, r Reply) {
	if len(args) >= 3 {
		l, ok := ParseInt(args[2])
		if !ok {
			r.Error(ErrNotInt)
			return
		}
		if l < -math.MaxInt64 {
			r.Error("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807")
			return
		}
		withScores := false
		if len(args) > 4 || (len(args) == 4 && !equalFold(cstr(args[3]), "withscores")) {
			r.Error(ErrSyntax)
			return
		} else if len(args) == 4 {
			withScores = true
			if l < -math.MaxInt64/2 || l > math.MaxInt64/2 {
				r.Error("ERR value is out of range")
				return
			}
		}
		zrandmemberWithCount(c, args[1], l, withScores, r)
		return
	}
	_, z, ok := zLookup(c, args[1], false, r)
	if !ok {
		return
	}
	if z == nil {
		r.Null()
		return
	}
	r.Bulk(z.At(rand.IntN(z.Len())).Member)
}

func zrandmemberWithCount(c *Ctx, key string, l int64, withScores bool, r Reply) {
	_, z, ok := zLookup(c, key, false, r)
	if !ok {
		return
	}
	if z == nil || l == 0 {
		r.ArrayLen(0)
		return
	}
	size := int64(z.Len())
	emit := func(x zset.Item) {
		if withScores && r.Resp3() {
			r.ArrayLen(2)
		}
		r.Bulk(x.Member)
		if withScores {
			r.Double(x.Score)
		}
	}
	header := func(n int64) {
		if withScores && !r.Resp3() {
			r.ArrayLen(int(n * 2))
		} else {
			r.ArrayLen(int(n))
		}
	}
	// Negative count: that many random members, repetitions allowed (a count of 1 too).
	if l < 0 || l == 1 {
		n := l
		if n < 0 {
			n = -n
		}
		header(n)
		for i := int64(0); i < n; i++ {
			emit(z.At(rand.IntN(int(size))))
		}
		return
	}
	// At least the whole set: all of it, from the highest rank down (as Redis 7.0 answers).
	if l >= size {
		header(size)
		for it := z.IterAt(int(size) - 1); it.Valid(); it.Prev() {
			emit(*it.Item())
		}
		return
	}
	// Distinct random members. A listpack answers them in its order, a skiplist in random order.
	ranks := make([]int, 0, l)
	picked := make(map[int]struct{}, l)
	for int64(len(ranks)) < l {
		k := rand.IntN(int(size))
		if _, dup := picked[k]; dup {
			continue
		}
		picked[k] = struct{}{}
		ranks = append(ranks, k)
	}
	if !z.Indexed() {
		slices.Sort(ranks)
	}
	header(l)
	for _, k := range ranks {
		emit(z.At(k))
	}
}
