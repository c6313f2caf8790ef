package keyspace

import (
	"sort"

	"github.com/redmoon-dev/redmoon/keyspace/internal/hashtab"
)

// The set commands, as Redis 7.0's t_set.c.

func init() {
	register(map[string]Handler{
		"sadd": saddCommand, "srem": sremCommand, "smove": smoveCommand,
		"sismember": sismemberCommand, "smismember": smismemberCommand, "scard": scardCommand,
		"spop": spopCommand, "srandmember": srandmemberCommand, "smembers": sinterCommand,
		"sinter": sinterCommand, "sintercard": sintercardCommand, "sinterstore": sinterstoreCommand,
		"sunion": sunionCommand, "sunionstore": sunionstoreCommand, "sdiff": sdiffCommand,
		"sdiffstore": sdiffstoreCommand, "sscan": sscanCommand,
	})
}

// lookupSet finds a set: s is nil when the key does not exist, ok is false (and WRONGTYPE
// written) when it holds another type.
func lookupSet(c *Ctx, key string, write bool, r Reply) (e *entry, s *setValue, ok bool) {
	if write {
		e, ok = lookupWriteTyped(c, key, TypeSet, r)
	} else {
		e, ok = lookupReadTyped(c, key, TypeSet, r)
	}
	if !ok || e == nil {
		return nil, nil, ok
	}
	return e, e.val.(*setValue), true
}

func saddCommand(c *Ctx, args []string, r Reply) {
	e, s, ok := lookupSet(c, args[1], true, r)
	if !ok {
		return
	}
	if s == nil {
		s = newSetFor(args[2])
		e = createKey(c, args[1], TypeSet, s.encoding(), s)
	}
	var added int64
	for _, m := range args[2:] {
		if s.add(m) {
			added++
		}
	}
	e.enc = s.encoding()
	if added > 0 {
		c.changed(EventSet, "sadd", args[1])
		c.KS.Dirty += added - 1
	}
	r.Integer(added)
}

func sremCommand(c *Ctx, args []string, r Reply) {
	e, s, ok := lookupSet(c, args[1], true, r)
	if !ok {
		return
	}
	if s == nil {
		r.Integer(0)
		return
	}
	var deleted int64
	removed := false
	for _, m := range args[2:] {
		if s.remove(m) {
			deleted++
			if removed = removeIfEmpty(c, e); removed {
				break
			}
		}
	}
	if deleted > 0 {
		c.changed(EventSet, "srem", args[1])
		if removed {
			delEvent(c, args[1])
		}
		c.KS.Dirty += deleted - 1
	}
	r.Integer(deleted)
}

func smoveCommand(c *Ctx, args []string, r Reply) {
	src, dst, m := args[1], args[2], args[3]
	se := c.DB.lookupWrite(c, src)
	de := c.DB.lookupWrite(c, dst)
	if se == nil {
		r.Integer(0)
		return
	}
	if se.typ != TypeSet || (de != nil && de.typ != TypeSet) {
		r.Error(ErrWrongType)
		return
	}
	ss := se.val.(*setValue)
	if se == de {
		if ss.has(m) {
			r.Integer(1)
		} else {
			r.Integer(0)
		}
		return
	}
	if !ss.remove(m) {
		r.Integer(0)
		return
	}
	c.KS.event(EventSet, "srem", c.DB.ID, src)
	if removeIfEmpty(c, se) {
		delEvent(c, src)
	}
	var ds *setValue
	if de == nil {
		ds = newSetFor(m)
		de = createKey(c, dst, TypeSet, ds.encoding(), ds)
	} else {
		ds = de.val.(*setValue)
	}
	c.KS.keyModified(c.DB.ID, src)
	c.KS.Dirty++
	if ds.add(m) {
		de.enc = ds.encoding()
		c.changed(EventSet, "sadd", dst)
	}
	r.Integer(1)
}

func sismemberCommand(c *Ctx, args []string, r Reply) {
	_, s, ok := lookupSet(c, args[1], false, r)
	if !ok {
		return
	}
	if s != nil && s.has(args[2]) {
		r.Integer(1)
		return
	}
	r.Integer(0)
}

func smismemberCommand(c *Ctx, args []string, r Reply) {
	_, s, ok := lookupSet(c, args[1], false, r)
	if !ok {
		return
	}
	r.ArrayLen(len(args) - 2)
	for _, m := range args[2:] {
		if s != nil && s.has(m) {
			r.Integer(1)
		} else {
			r.Integer(0)
		}
	}
}

func scardCommand(c *Ctx, args []string, r Reply) {
	_, s, ok := lookupSet(c, args[1], false, r)
	if !ok {
		return
	}
	if s == nil {
		r.Integer(0)
		return
	}
	r.Integer(int64(s.Len()))
}

// spopMoveStrategyMul is SPOP_MOVE_STRATEGY_MUL: when count*5 > size, SPOP keeps the remaining
// elements in a new set and returns the old one.
const spopMoveStrategyMul = 5

func spopCommand(c *Ctx, args []string, r Reply) {
	if len(args) == 3 {
		spopWithCount(c, args, r)
		return
	}
	if len(args) > 3 {
		r.Error(ErrSyntax)
		return
	}
	e, s, ok := lookupSet(c, args[1], true, r)
	if !ok {
		return
	}
	if s == nil {
		r.Null()
		return
	}
	m := s.pop()
	c.changed(EventSet, "spop", args[1])
	if removeIfEmpty(c, e) {
		delEvent(c, args[1])
	}
	r.Bulk(m)
}

func spopWithCount(c *Ctx, args []string, r Reply) {
	count, msg := parseRangeLong(args[2], 0, maxInt64, ErrNotPositive)
	if msg != "" {
		r.Error(msg)
		return
	}
	e, s, ok := lookupSet(c, args[1], true, r)
	if !ok {
		return
	}
	if s == nil || count == 0 {
		r.SetLen(0)
		return
	}
	key := args[1]
	size := int64(s.Len())
	c.changed(EventSet, "spop", key)
	// The whole set: answered as SUNION of the one key, then the key is deleted.
	if count >= size {
		u := &setValue{}
		s.each(func(m string) bool {
			u.add(m)
			return true
		})
		replySetMembers(r, u)
		c.DB.remove(key)
		delEvent(c, key)
		return
	}
	r.SetLen(int(count))
	if count*spopMoveStrategyMul > size {
		// Move the remaining elements to a new set and return the old one, in its order.
		remaining := size - count
		var ns *setValue
		if s.ht == nil {
			ns = &setValue{}
		} else {
			ns = &setValue{ht: hashtab.New[struct{}](int(remaining))}
		}
		for ; remaining > 0; remaining-- {
			ns.add(s.pop())
		}
		s.each(func(m string) bool {
			r.Bulk(m)
			return true
		})
		e.val = ns
		e.enc = ns.encoding()
		return
	}
	for ; count > 0; count-- {
		r.Bulk(s.pop())
	}
}

// replySetMembers replies a set's members as a set (RESP3 '~'), in the set's order.
func replySetMembers(r Reply, s *setValue) {
	r.SetLen(s.Len())
	s.each(func(m string) bool {
		r.Bulk(m)
		return true
	})
}

func srandmemberCommand(c *Ctx, args []string, r Reply) {
	if len(args) == 3 {
		srandmemberWithCount(c, args, r)
		return
	}
	if len(args) > 3 {
		r.Error(ErrSyntax)
		return
	}
	_, s, ok := lookupSet(c, args[1], false, r)
	if !ok {
		return
	}
	if s == nil {
		r.Null()
		return
	}
	r.Bulk(s.random())
}

func srandmemberWithCount(c *Ctx, args []string, r Reply) {
	count, msg := parseRangeLong(args[2], -maxInt64, maxInt64, "")
	if msg != "" {
		r.Error(msg)
		return
	}
	_, s, ok := lookupSet(c, args[1], false, r)
	if !ok {
		return
	}
	if s == nil || count == 0 {
		r.ArrayLen(0)
		return
	}
	size := int64(s.Len())
	// A negative count (or 1): independent picks.
	if count < 0 || count == 1 {
		if count < 0 {
			count = -count
		}
		r.ArrayLen(int(count))
		for ; count > 0; count-- {
			r.Bulk(s.random())
		}
		return
	}
	if count >= size {
		r.ArrayLen(int(size))
		s.each(func(m string) bool {
			r.Bulk(m)
			return true
		})
		return
	}
	// count distinct members: Redis gathers them in a temporary dict and replies in its order;
	// here in a temporary table, whose order is as arbitrary.
	picks := sampleDistinct(int(size), int(count))
	t := hashtab.New[struct{}](int(count))
	i := 0
	s.each(func(m string) bool {
		if picks[i] {
			t.Set(m, struct{}{})
		}
		i++
		return true
	})
	r.ArrayLen(int(count))
	t.Each(func(m string, _ struct{}) bool {
		r.Bulk(m)
		return true
	})
}

// setsFor looks up keys as sets for SINTER/SUNION/SDIFF: a missing key is nil; ok is false (and
// WRONGTYPE written) when a key holds another type.
func setsFor(c *Ctx, keys []string, r Reply) (sets []*setValue, ok bool) {
	sets = make([]*setValue, len(keys))
	for i, k := range keys {
		e := c.DB.lookupRead(c, k)
		if e == nil {
			continue
		}
		if e.typ != TypeSet {
			r.Error(ErrWrongType)
			return nil, false
		}
		sets[i] = e.val.(*setValue)
	}
	return sets, true
}

// setOpDst is the destination of a *STORE command (store is false for the plain commands).
type setOpDst struct {
	store bool
	key   string
}

func sinterCommand(c *Ctx, args []string, r Reply) {
	sinterGeneric(c, args[1:], setOpDst{}, false, 0, r)
}

func sinterstoreCommand(c *Ctx, args []string, r Reply) {
	sinterGeneric(c, args[2:], setOpDst{true, args[1]}, false, 0, r)
}

func sintercardCommand(c *Ctx, args []string, r Reply) {
	numKeys, msg := parseRangeLong(args[1], 1, maxInt64, "ERR numkeys should be greater than 0")
	if msg != "" {
		r.Error(msg)
		return
	}
	if numKeys > int64(len(args)-2) {
		r.Error("ERR Number of keys can't be greater than number of args")
		return
	}
	var limit int64
	for j := 2 + int(numKeys); j < len(args); j++ {
		if equalFold(cstr(args[j]), "limit") && j < len(args)-1 {
			j++
			if limit, msg = parseRangeLong(args[j], 0, maxInt64, "ERR LIMIT can't be negative"); msg != "" {
				r.Error(msg)
				return
			}
		} else {
			r.Error(ErrSyntax)
			return
		}
	}
	sinterGeneric(c, args[2:2+numKeys], setOpDst{}, true, limit, r)
}

// sinterGeneric is sinterGenericCommand: the intersection of the sets at keys, replied (as a
// set), counted (cardOnly, stopping at limit when it is not 0) or stored at dst.
func sinterGeneric(c *Ctx, keys []string, dst setOpDst, cardOnly bool, limit int64, r Reply) {
	sets, ok := setsFor(c, keys, r)
	if !ok {
		return
	}
	for _, s := range sets {
		if s == nil {
			switch {
			case dst.store:
				deleteStoreKey(c, dst.key)
				r.Integer(0)
			case cardOnly:
				r.Integer(0)
			default:
				r.SetLen(0)
			}
			return
		}
	}
	// Smallest first; the sort is stable, as glibc's qsort (a merge sort) is for these sizes.
	order := make([]*setValue, len(sets))
	copy(order, sets)
	sort.SliceStable(order, func(i, j int) bool { return order[i].Len() < order[j].Len() })
	first := order[0]
	var out []string
	var card int64
	first.each(func(m string) bool {
		for _, o := range order[1:] {
			if o != first && !o.has(m) {
				return true
			}
		}
		card++
		if !cardOnly {
			out = append(out, m)
		}
		return !(cardOnly && limit != 0 && card >= limit)
	})
	switch {
	case cardOnly:
		r.Integer(card)
	case dst.store:
		storeSetResult(c, dst.key, out, "sinterstore", r)
	default:
		r.SetLen(len(out))
		for _, m := range out {
			r.Bulk(m)
		}
	}
}

// storeSetResult stores members at dst as a new set (created as an intset, converting as members
// are added, like the dstset of the *STORE commands), or deletes dst when there are none; it
// replies the cardinality.
func storeSetResult(c *Ctx, dst string, members []string, event string, r Reply) {
	if len(members) == 0 {
		deleteStoreKey(c, dst)
		r.Integer(0)
		return
	}
	s := &setValue{}
	for _, m := range members {
		s.add(m)
	}
	storeSet(c, dst, s, event, r)
}

func storeSet(c *Ctx, dst string, s *setValue, event string, r Reply) {
	if s.Len() == 0 {
		deleteStoreKey(c, dst)
		r.Integer(0)
		return
	}
	replaceKey(c, dst, TypeSet, s.encoding(), s)
	c.changed(EventSet, event, dst)
	r.Integer(int64(s.Len()))
}

// setLen is the cardinality of a set, 0 for a missing one.
func setLen(s *setValue) int {
	if s == nil {
		return 0
	}
	return s.Len()
}

func sunionCommand(c *Ctx, args []string, r Reply) { sunionDiff(c, args[1:], setOpDst{}, false, r) }
func sdiffCommand(c *Ctx, args []string, r Reply)  { sunionDiff(c, args[1:], setOpDst{}, true, r) }

func sunionstoreCommand(c *Ctx, args []string, r Reply) {
	sunionDiff(c, args[2:], setOpDst{true, args[1]}, false, r)
}

func sdiffstoreCommand(c *Ctx, args []string, r Reply) {
	sunionDiff(c, args[2:], setOpDst{true, args[1]}, true, r)
}

// sunionDiff is sunionDiffGenericCommand: the result is built in a new set that starts as an
// intset (so its encoding, and with it the reply order, is the one Redis's dstset gets).
func sunionDiff(c *Ctx, keys []string, dst setOpDst, diff bool, r Reply) {
	sets, ok := setsFor(c, keys, r)
	if !ok {
		return
	}
	sameSet := false
	for _, s := range sets[1:] {
		if s != nil && s == sets[0] {
			sameSet = true
		}
	}
	out := &setValue{}
	switch {
	case !diff:
		for _, s := range sets {
			if s == nil {
				continue
			}
			s.each(func(m string) bool {
				out.add(m)
				return true
			})
		}
	case sameSet || sets[0] == nil:
		// Empty: a set minus itself, or nothing to subtract from.
	default:
		var work1, work2 int64
		for _, s := range sets {
			if s == nil {
				continue
			}
			work1 += int64(sets[0].Len())
			work2 += int64(s.Len())
		}
		others := append([]*setValue(nil), sets[1:]...)
		if work1/2 <= work2 {
			// Algorithm 1: test each member of the first set against the others, largest first.
			sort.SliceStable(others, func(i, j int) bool { return setLen(others[i]) > setLen(others[j]) })
			sets[0].each(func(m string) bool {
				for _, o := range others {
					if o == nil {
						continue
					}
					if o.has(m) {
						return true
					}
				}
				out.add(m)
				return true
			})
		} else {
			// Algorithm 2: copy the first set, then remove the members of the others.
			sets[0].each(func(m string) bool {
				out.add(m)
				return true
			})
			for _, o := range others {
				if o == nil {
					continue
				}
				o.each(func(m string) bool {
					out.remove(m)
					return true
				})
				if out.Len() == 0 {
					break
				}
			}
		}
	}
	if !dst.store {
		replySetMembers(r, out)
		return
	}
	if diff {
		storeSet(c, dst.key, out, "sdiffstore", r)
	} else {
		storeSet(c, dst.key, out, "sunionstore", r)
	}
}

func sscanCommand(c *Ctx, args []string, r Reply) {
	cursor, ok := ParseCursor(args[2])
	if !ok {
		r.Error("ERR invalid cursor")
		return
	}
	_, s, ok := lookupSet(c, args[1], false, r)
	if !ok {
		return
	}
	if s == nil {
		replyEmptyScan(r)
		return
	}
	o, msg := parseScanOptions(args, 3, false)
	if msg != "" {
		r.Error(msg)
		return
	}
	var out []string
	if s.ht == nil {
		cursor = 0
		s.each(func(m string) bool {
			if o.matches(m) {
				out = append(out, m)
			}
			return true
		})
	} else {
		var found []string
		cursor = scanLoop(cursor, o.count, func(cur uint64) uint64 {
			return s.ht.Scan(cur, func(m string, _ struct{}) { found = append(found, m) })
		}, func() int { return len(found) })
		for _, m := range found {
			if o.matches(m) {
				out = append(out, m)
			}
		}
	}
	replyScan(r, cursor, out)
}
