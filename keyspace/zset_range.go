package keyspace

import (
	"math"
	"strconv"

	"github.com/redmoon-dev/redmoon/keyspace/internal/zset"
)

// Sorted-set ranges, as Redis 7.0: score and lexicographic range parsing, ZRANGE and its older
// forms, ZRANGESTORE, ZCOUNT, ZLEXCOUNT and the ZREMRANGEBY commands.

func init() {
	register(map[string]Handler{
		"zrange": func(c *Ctx, a []string, r Reply) { zrangeGeneric(c, a, 1, false, zrAuto, zdAuto, r) },
		"zrangestore": func(c *Ctx, a []string, r Reply) {
			zrangeGeneric(c, a, 2, true, zrAuto, zdAuto, r)
		},
		"zrevrange": func(c *Ctx, a []string, r Reply) { zrangeGeneric(c, a, 1, false, zrRank, zdReverse, r) },
		"zrangebyscore": func(c *Ctx, a []string, r Reply) {
			zrangeGeneric(c, a, 1, false, zrScore, zdForward, r)
		},
		"zrevrangebyscore": func(c *Ctx, a []string, r Reply) {
			zrangeGeneric(c, a, 1, false, zrScore, zdReverse, r)
		},
		"zrangebylex": func(c *Ctx, a []string, r Reply) { zrangeGeneric(c, a, 1, false, zrLex, zdForward, r) },
		"zrevrangebylex": func(c *Ctx, a []string, r Reply) {
			zrangeGeneric(c, a, 1, false, zrLex, zdReverse, r)
		},
		"zcount":           zcountCommand,
		"zlexcount":        zlexcountCommand,
		"zremrangebyrank":  func(c *Ctx, a []string, r Reply) { zremrangeGeneric(c, a, zrRank, r) },
		"zremrangebyscore": func(c *Ctx, a []string, r Reply) { zremrangeGeneric(c, a, zrScore, r) },
		"zremrangebylex":   func(c *Ctx, a []string, r Reply) { zremrangeGeneric(c, a, zrLex, r) },
	})
}

// Range types and directions of zrangeGenericCommand.
const (
	zrAuto = iota
	zrRank
	zrScore
	zrLex
)

const (
	zdAuto = iota
	zdForward
	zdReverse
)

// zScoreRange is a score interval (zrangespec).
type zScoreRange struct {
	min, max     float64
	minex, maxex bool
}

// zStrtod parses a number as C's strtod followed by Redis's "nothing may follow" check: leading
// white space is skipped, overflow gives an infinity, the empty string is 0, NaN is refused. s
// is what C sees (up to a NUL byte).
func zStrtod(s string) (float64, bool) {
	p := 0
	for p < len(s) && isSpace(s[p]) {
		p++
	}
	rest := s[p:]
	if rest == "" {
		return 0, p == 0 // no conversion: the end pointer stays on the first (space) byte
	}
	kind, ok := scanCFloat(rest)
	if !ok {
		return 0, false
	}
	switch kind {
	case cfloatNaN:
		return 0, false
	case cfloatInf:
		if rest[0] == '-' {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	case cfloatHex:
		rest = hexWithExponent(rest)
	}
	f, err := strconv.ParseFloat(rest, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			return 0, false
		}
	}
	return f, true
}

// zParseScoreRange parses min and max as zslParseRange: "(" makes a bound exclusive.
func zParseScoreRange(min, max string) (zScoreRange, bool) {
	var rg zScoreRange
	var ok bool
	if rg.min, rg.minex, ok = zParseScoreBound(min); !ok {
		return rg, false
	}
	if rg.max, rg.maxex, ok = zParseScoreBound(max); !ok {
		return rg, false
	}
	return rg, true
}

func zParseScoreBound(s string) (float64, bool, bool) {
	s = cstr(s)
	ex := false
	if len(s) > 0 && s[0] == '(' {
		ex = true
		s = s[1:]
	}
	f, ok := zStrtod(s)
	return f, ex, ok
}

// ranks returns the ranks [lo, hi) of the members whose score is in the range.
func (rg *zScoreRange) ranks(z *sortedSet) (int, int) {
	lo := z.ScoreRank(rg.min, rg.minex)
	hi := z.ScoreRank(rg.max, !rg.maxex)
	if hi < lo {
		hi = lo
	}
	return lo, hi
}

// zLexBound is one end of a lexicographic range: a member, or the "-" / "+" extremes.
type zLexBound struct {
	s    string
	inf  int8 // -1: "-", +1: "+", 0: s
	excl bool
}

// zLexRange is a lexicographic interval (zlexrangespec).
type zLexRange struct{ min, max zLexBound }

func zParseLexBound(s string) (zLexBound, bool) {
	if s == "" {
		return zLexBound{}, false
	}
	switch s[0] {
	case '+', '-':
		if len(s) > 1 && s[1] != 0 {
			return zLexBound{}, false
		}
		if s[0] == '+' {
			return zLexBound{inf: 1, excl: true}, true
		}
		return zLexBound{inf: -1, excl: true}, true
	case '(':
		return zLexBound{s: s[1:], excl: true}, true
	case '[':
		return zLexBound{s: s[1:]}, true
	}
	return zLexBound{}, false
}

func zParseLexRange(min, max string) (zLexRange, bool) {
	a, ok := zParseLexBound(min)
	if !ok {
		return zLexRange{}, false
	}
	b, ok := zParseLexBound(max)
	if !ok {
		return zLexRange{}, false
	}
	return zLexRange{min: a, max: b}, true
}

// zLexCmp compares a member (inf 0) or extreme with another, as sdscmplex.
func zLexCmp(a, b *zLexBound) int {
	if a.inf == b.inf && a.inf != 0 {
		return 0
	}
	if a.inf == -1 || b.inf == 1 {
		return -1
	}
	if a.inf == 1 || b.inf == -1 {
		return 1
	}
	switch {
	case a.s < b.s:
		return -1
	case a.s > b.s:
		return 1
	}
	return 0
}

func (rg *zLexRange) empty() bool {
	cmp := zLexCmp(&rg.min, &rg.max)
	return cmp > 0 || (cmp == 0 && (rg.min.excl || rg.max.excl))
}

func (rg *zLexRange) gteMin(m string) bool {
	cmp := zLexCmp(&zLexBound{s: m}, &rg.min)
	if rg.min.excl {
		return cmp > 0
	}
	return cmp >= 0
}

func (rg *zLexRange) lteMax(m string) bool {
	cmp := zLexCmp(&zLexBound{s: m}, &rg.max)
	if rg.max.excl {
		return cmp < 0
	}
	return cmp <= 0
}

// ranks returns the ranks [lo, hi) of the members in the range, walking from the low end
// (reverse false) or from the high end. A listpack-encoded set is scanned linearly as Redis scans
// it, which defines the answer even when the scores are not all equal; a large set is searched
// by member, which assumes equal scores (Redis's skiplist answer is unspecified otherwise).
func (rg *zLexRange) ranks(z *sortedSet, reverse bool) (int, int) {
	n := z.Len()
	if rg.empty() || n == 0 {
		return 0, 0
	}
	if z.Indexed() {
		lo, hi := 0, n
		switch rg.min.inf {
		case 1:
			lo = n
		case 0:
			lo = z.MemberRank(rg.min.s, rg.min.excl)
		}
		switch rg.max.inf {
		case -1:
			hi = 0
		case 0:
			hi = z.MemberRank(rg.max.s, !rg.max.excl)
		}
		if hi < lo {
			hi = lo
		}
		return lo, hi
	}
	first, last := z.IterAt(0), z.IterAt(n-1)
	if !rg.gteMin(last.Item().Member) || !rg.lteMax(first.Item().Member) {
		return 0, 0
	}
	if !reverse {
		i, it := 0, first
		for ; it.Valid() && !rg.gteMin(it.Item().Member); it.Next() {
			i++
		}
		if !it.Valid() || !rg.lteMax(it.Item().Member) {
			return 0, 0
		}
		j := i
		for ; it.Valid() && rg.lteMax(it.Item().Member); it.Next() {
			j++
		}
		return i, j
	}
	j, it := n-1, last
	for ; it.Valid() && !rg.lteMax(it.Item().Member); it.Prev() {
		j--
	}
	if !it.Valid() || !rg.gteMin(it.Item().Member) {
		return 0, 0
	}
	i := j
	for ; it.Valid() && rg.gteMin(it.Item().Member); it.Prev() {
		i--
	}
	return i + 1, j + 1
}

// zrangeGeneric is zrangeGenericCommand: Z[REV]RANGE[BYSCORE|BYLEX] and ZRANGESTORE. keyIdx is
// the index of the source key; store tells ZRANGESTORE (destination args[1]).
func zrangeGeneric(c *Ctx, args []string, keyIdx int, store bool, rangeType, dir int, r Reply) {
	minIdx, maxIdx := keyIdx+1, keyIdx+2
	withScores := false
	var offset, limit int64 = 0, -1
	for j := keyIdx + 3; j < len(args); j++ {
		left := len(args) - j - 1
		switch opt := cstr(args[j]); {
		case !store && equalFold(opt, "withscores"):
			withScores = true
		case equalFold(opt, "limit") && left >= 2:
			var ok bool
			if offset, ok = ParseInt(args[j+1]); !ok {
				r.Error(ErrNotInt)
				return
			}
			if limit, ok = ParseInt(args[j+2]); !ok {
				r.Error(ErrNotInt)
				return
			}
			j += 2
		case dir == zdAuto && equalFold(opt, "rev"):
			dir = zdReverse
		case rangeType == zrAuto && equalFold(opt, "bylex"):
			rangeType = zrLex
		case rangeType == zrAuto && equalFold(opt, "byscore"):
			rangeType = zrScore
		default:
			r.Error(ErrSyntax)
			return
		}
	}
	if dir == zdAuto {
		dir = zdForward
	}
	if rangeType == zrAuto {
		rangeType = zrRank
	}
	if limit != -1 && rangeType == zrRank {
		r.Error("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX")
		return
	}
	if withScores && rangeType == zrLex {
		r.Error("ERR syntax error, WITHSCORES not supported in combination with BYLEX")
		return
	}
	reverse := dir == zdReverse
	if reverse && rangeType != zrRank {
		minIdx, maxIdx = maxIdx, minIdx
	}
	var start, end int64
	var srg zScoreRange
	var lrg zLexRange
	switch rangeType {
	case zrRank:
		var ok bool
		if start, ok = ParseInt(args[minIdx]); !ok {
			r.Error(ErrNotInt)
			return
		}
		if end, ok = ParseInt(args[maxIdx]); !ok {
			r.Error(ErrNotInt)
			return
		}
	case zrScore:
		var ok bool
		if srg, ok = zParseScoreRange(args[minIdx], args[maxIdx]); !ok {
			r.Error(errZMinMax)
			return
		}
	case zrLex:
		var ok bool
		if lrg, ok = zParseLexRange(args[minIdx], args[maxIdx]); !ok {
			r.Error(errZLexMinMax)
			return
		}
	}
	_, z, ok := zLookup(c, args[keyIdx], false, r)
	if !ok {
		return
	}
	if z == nil {
		if store {
			zStore(c, args[1], nil, "zrangestore")
			r.Integer(0)
		} else {
			r.ArrayLen(0)
		}
		return
	}
	var lo, hi int
	switch rangeType {
	case zrRank:
		lo, hi = zRankRange(int64(z.Len()), start, end)
		if reverse {
			lo, hi = z.Len()-hi, z.Len()-lo
		}
	case zrScore:
		lo, hi = srg.ranks(z)
		lo, hi = zApplyLimit(lo, hi, offset, limit, reverse)
	case zrLex:
		lo, hi = lrg.ranks(z, reverse)
		lo, hi = zApplyLimit(lo, hi, offset, limit, reverse)
	}
	if store {
		items := make([]zset.Item, 0, hi-lo)
		for it := z.IterAt(lo); it.Valid() && len(items) < hi-lo; it.Next() {
			items = append(items, *it.Item())
		}
		r.Integer(int64(zStore(c, args[1], items, "zrangestore")))
		return
	}
	zReplyRange(z, lo, hi, reverse, withScores, r)
}

// zRankRange turns ZRANGE's start and end indexes into ranks [lo, hi) of a set of n members.
func zRankRange(n, start, end int64) (int, int) {
	if start < 0 {
		start += n
	}
	if end < 0 {
		end += n
	}
	if start < 0 {
		start = 0
	}
	if start > end || start >= n {
		return 0, 0
	}
	if end >= n {
		end = n - 1
	}
	return int(start), int(end + 1)
}

// zApplyLimit narrows the ranks [lo, hi) with LIMIT offset count, counted from the low end or,
// in reverse, from the high end. A negative offset leaves nothing (Redis skips every element),
// a negative count means all.
func zApplyLimit(lo, hi int, offset, limit int64, reverse bool) (int, int) {
	if offset < 0 || offset >= int64(hi-lo) {
		return lo, lo
	}
	n := int64(hi-lo) - offset
	if limit >= 0 && limit < n {
		n = limit
	}
	if reverse {
		top := hi - int(offset)
		return top - int(n), top
	}
	start := lo + int(offset)
	return start, start + int(n)
}

// zReplyRange writes the members of ranks [lo, hi), in order or reversed, with their scores
// when asked: a flat array in RESP2, member-score pairs in RESP3.
func zReplyRange(z *sortedSet, lo, hi int, reverse, withScores bool, r Reply) {
	n := hi - lo
	if withScores && !r.Resp3() {
		r.ArrayLen(2 * n)
	} else {
		r.ArrayLen(n)
	}
	if n == 0 {
		return
	}
	it := z.IterAt(lo)
	if reverse {
		it = z.IterAt(hi - 1)
	}
	for k := 0; k < n; k++ {
		x := it.Item()
		if withScores && r.Resp3() {
			r.ArrayLen(2)
		}
		r.Bulk(x.Member)
		if withScores {
			r.Double(x.Score)
		}
		if reverse {
			it.Prev()
		} else {
			it.Next()
		}
	}
}

func zcountCommand(c *Ctx, args []string, r Reply) {
	rg, ok := zParseScoreRange(args[2], args[3])
	if !ok {
		r.Error(errZMinMax)
		return
	}
	_, z, ok := zLookup(c, args[1], false, r)
	if !ok {
		return
	}
	if z == nil {
		r.Integer(0)
		return
	}
	lo, hi := rg.ranks(z)
	r.Integer(int64(hi - lo))
}

func zlexcountCommand(c *Ctx, args []string, r Reply) {
	rg, ok := zParseLexRange(args[2], args[3])
	if !ok {
		r.Error(errZLexMinMax)
		return
	}
	_, z, ok := zLookup(c, args[1], false, r)
	if !ok {
		return
	}
	if z == nil {
		r.Integer(0)
		return
	}
	lo, hi := rg.ranks(z, false)
	r.Integer(int64(hi - lo))
}

// zremrangeGeneric is ZREMRANGEBYRANK, ZREMRANGEBYSCORE and ZREMRANGEBYLEX.
func zremrangeGeneric(c *Ctx, args []string, rangeType int, r Reply) {
	var start, end int64
	var srg zScoreRange
	var lrg zLexRange
	var ok bool
	switch rangeType {
	case zrRank:
		if start, ok = ParseInt(args[2]); ok {
			end, ok = ParseInt(args[3])
		}
		if !ok {
			r.Error(ErrNotInt)
			return
		}
	case zrScore:
		if srg, ok = zParseScoreRange(args[2], args[3]); !ok {
			r.Error(errZMinMax)
			return
		}
	case zrLex:
		if lrg, ok = zParseLexRange(args[2], args[3]); !ok {
			r.Error(errZLexMinMax)
			return
		}
	}
	key := args[1]
	_, z, ok := zLookup(c, key, true, r)
	if !ok {
		return
	}
	if z == nil {
		r.Integer(0)
		return
	}
	var lo, hi int
	switch rangeType {
	case zrRank:
		lo, hi = zRankRange(int64(z.Len()), start, end)
	case zrScore:
		lo, hi = srg.ranks(z)
	case zrLex:
		lo, hi = lrg.ranks(z, false)
	}
	deleted := hi - lo
	if deleted > 0 {
		z.DeleteRange(lo, hi, nil)
		event := [...]string{zrRank: "zremrangebyrank", zrScore: "zremrangebyscore", zrLex: "zremrangebylex"}[rangeType]
		removed := false
		if z.Len() == 0 {
			c.DB.remove(key)
			removed = true
		}
		c.changed(EventZSet, event, key)
		if removed {
			c.KS.event(EventGeneric, "del", c.DB.ID, key)
		}
		c.KS.Dirty += int64(deleted - 1)
	}
	r.Integer(int64(deleted))
}
