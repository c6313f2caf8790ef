package keyspace

import (
	"math"
	"slices"

	"github.com/redmoon-dev/redmoon/keyspace/internal/zset"
)

// ZUNION, ZINTER, ZDIFF, their STORE forms and ZINTERCARD, as Redis 7.0's
// zunionInterDiffGenericCommand. Inputs may be sorted sets or sets (members scored 1).

func init() {
	register(map[string]Handler{
		"zunion":      func(c *Ctx, a []string, r Reply) { zsetOp(c, a, "", 1, zopUnion, false, r) },
		"zinter":      func(c *Ctx, a []string, r Reply) { zsetOp(c, a, "", 1, zopInter, false, r) },
		"zdiff":       func(c *Ctx, a []string, r Reply) { zsetOp(c, a, "", 1, zopDiff, false, r) },
		"zintercard":  func(c *Ctx, a []string, r Reply) { zsetOp(c, a, "", 1, zopInter, true, r) },
		"zunionstore": func(c *Ctx, a []string, r Reply) { zsetOp(c, a, a[1], 2, zopUnion, false, r) },
		"zinterstore": func(c *Ctx, a []string, r Reply) { zsetOp(c, a, a[1], 2, zopInter, false, r) },
		"zdiffstore":  func(c *Ctx, a []string, r Reply) { zsetOp(c, a, a[1], 2, zopDiff, false, r) },
	})
}

const (
	zopUnion = iota
	zopInter
	zopDiff
)

const (
	zaggSum = iota
	zaggMin
	zaggMax
)

// zsrc is one input of a set operation.
type zsrc struct {
	e       *entry
	z       *sortedSet // a sorted set,
	set     Collection // or a set
	weight  float64
	members map[string]struct{} // a set's members, built on the first lookup
}

func (s *zsrc) length() int {
	switch {
	case s.z != nil:
		return s.z.Len()
	case s.set != nil:
		return s.set.Len()
	}
	return 0
}

// each calls fn for every member: a sorted set in order, a set in its iteration order.
func (s *zsrc) each(fn func(m string, score float64)) {
	switch {
	case s.z != nil:
		s.z.Each(func(m string, score float64) bool {
			fn(m, score)
			return true
		})
	case s.set != nil:
		if el, ok := s.set.(Elements); ok {
			el.Elements(func(m string) { fn(m, 1) })
		}
	}
}

func (s *zsrc) find(m string) (float64, bool) {
	switch {
	case s.z != nil:
		return s.z.Score(m)
	case s.set != nil:
		if s.members == nil {
			s.members = make(map[string]struct{}, s.set.Len())
			s.each(func(m string, _ float64) { s.members[m] = struct{}{} })
		}
		_, ok := s.members[m]
		return 1, ok
	}
	return 0, false
}

func zAggregate(target *float64, v float64, agg int) {
	switch agg {
	case zaggSum:
		*target += v
		if math.IsNaN(*target) {
			*target = 0 // inf + -inf
		}
	case zaggMin:
		if v < *target {
			*target = v
		}
	case zaggMax:
		if v > *target {
			*target = v
		}
	}
}

// zsetOp runs a set operation. dst is the destination key of the STORE forms ("" otherwise),
// numIdx the index of numkeys, cardOnly tells ZINTERCARD.
func zsetOp(c *Ctx, args []string, dst string, numIdx, op int, cardOnly bool, r Reply) {
	setnum, ok := ParseInt(args[numIdx])
	if !ok {
		r.Error(ErrNotInt)
		return
	}
	if setnum < 1 {
		r.Error("ERR at least 1 input key is needed for '" + Lookup(args[0]).Name + "' command")
		return
	}
	if setnum > int64(len(args)-(numIdx+1)) {
		r.Error(ErrSyntax)
		return
	}
	src := make([]zsrc, setnum)
	j := numIdx + 1
	for i := range src {
		src[i].weight = 1
		e := c.DB.lookupRead(c, args[j])
		j++
		if e == nil {
			continue
		}
		switch e.typ {
		case TypeZSet:
			src[i].z = e.val.(*sortedSet)
		case TypeSet:
			coll, _ := e.val.(Collection)
			src[i].set = coll
		default:
			r.Error(ErrWrongType)
			return
		}
		src[i].e = e
	}
	agg := zaggSum
	withScores := false
	var limit int64
	for remaining := len(args) - j; remaining > 0; remaining = len(args) - j {
		opt := cstr(args[j])
		switch {
		case op != zopDiff && !cardOnly && remaining >= int(setnum)+1 && equalFold(opt, "weights"):
			j++
			for i := range src {
				w, ok := ParseFloat(args[j])
				if !ok {
					r.Error("ERR weight value is not a float")
					return
				}
				src[i].weight = w
				j++
			}
		case op != zopDiff && !cardOnly && remaining >= 2 && equalFold(opt, "aggregate"):
			switch a := cstr(args[j+1]); {
			case equalFold(a, "sum"):
				agg = zaggSum
			case equalFold(a, "min"):
				agg = zaggMin
			case equalFold(a, "max"):
				agg = zaggMax
			default:
				r.Error(ErrSyntax)
				return
			}
			j += 2
		case dst == "" && !cardOnly && equalFold(opt, "withscores"):
			withScores = true
			j++
		case cardOnly && remaining >= 2 && equalFold(opt, "limit"):
			n, ok := ParseInt(args[j+1])
			if !ok || n < 0 {
				r.Error("ERR LIMIT can't be negative")
				return
			}
			limit = n
			j += 2
		default:
			r.Error(ErrSyntax)
			return
		}
	}
	if op != zopDiff {
		slices.SortStableFunc(src, func(a, b zsrc) int { return a.length() - b.length() })
	}
	var items []zset.Item
	var card int64
	switch op {
	case zopInter:
		if src[0].length() == 0 {
			break
		}
		stop := false
		src[0].each(func(m string, s float64) {
			if stop {
				return
			}
			score := src[0].weight * s
			if math.IsNaN(score) {
				score = 0
			}
			k := 1
			for ; k < len(src); k++ {
				var v float64
				if src[k].e == src[0].e {
					v = s * src[k].weight
				} else if fs, found := src[k].find(m); found {
					v = fs * src[k].weight
				} else {
					break
				}
				zAggregate(&score, v, agg)
			}
			if k < len(src) {
				return
			}
			if cardOnly {
				card++
				if limit > 0 && card >= limit {
					stop = true
				}
				return
			}
			items = append(items, zset.Item{Score: score, Member: m})
		})
	case zopUnion:
		acc := map[string]int{} // member -> index in items
		for i := range src {
			if src[i].length() == 0 {
				continue
			}
			w := src[i].weight
			src[i].each(func(m string, s float64) {
				score := w * s
				if math.IsNaN(score) {
					score = 0
				}
				if k, found := acc[m]; found {
					zAggregate(&items[k].Score, score, agg)
					return
				}
				acc[m] = len(items)
				items = append(items, zset.Item{Score: score, Member: m})
			})
		}
	case zopDiff:
		if src[0].length() == 0 {
			break
		}
		src[0].each(func(m string, s float64) {
			for k := 1; k < len(src); k++ {
				if src[k].length() == 0 {
					continue
				}
				if _, found := src[k].find(m); found {
					return
				}
			}
			items = append(items, zset.Item{Score: s, Member: m})
		})
	}
	if cardOnly {
		r.Integer(card)
		return
	}
	slices.SortFunc(items, func(a, b zset.Item) int {
		switch {
		case a.Less(&b):
			return -1
		case b.Less(&a):
			return 1
		}
		return 0
	})
	if dst != "" {
		event := [...]string{zopUnion: "zunionstore", zopInter: "zinterstore", zopDiff: "zdiffstore"}[op]
		r.Integer(int64(zStore(c, dst, items, event)))
		return
	}
	if withScores && !r.Resp3() {
		r.ArrayLen(2 * len(items))
	} else {
		r.ArrayLen(len(items))
	}
	for i := range items {
		if withScores && r.Resp3() {
			r.ArrayLen(2)
		}
		r.Bulk(items[i].Member)
		if withScores {
			r.Double(items[i].Score)
		}
	}
}
