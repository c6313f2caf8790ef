package keyspace

import (
	"sort"
	"strconv"
	"strings"
)

// SORT and SORT_RO, as Redis 7.0's sort.c.

func init() {
	register(map[string]Handler{"sort": sortCommand, "sort_ro": sortROCommand})
}

func sortCommand(c *Ctx, args []string, r Reply)   { sortGeneric(c, args, false, r) }
func sortROCommand(c *Ctx, args []string, r Reply) { sortGeneric(c, args, true, r) }

type sortItem struct {
	elem   string
	score  float64
	cmp    string
	hasCmp bool
}

func sortGeneric(c *Ctx, args []string, readonly bool, r Reply) {
	var (
		desc, alpha, dontsort bool
		limitStart            int64
		limitCount            int64 = -1
		sortBy, storeKey      string
		hasBy, hasStore       bool
		gets                  []string
	)
	for j := 2; j < len(args); j++ {
		left := len(args) - j - 1
		opt := cstr(args[j])
		switch {
		case equalFold(opt, "asc"):
			desc = false
		case equalFold(opt, "desc"):
			desc = true
		case equalFold(opt, "alpha"):
			alpha = true
		case equalFold(opt, "limit") && left >= 2:
			s, ok1 := ParseInt(args[j+1])
			n, ok2 := ParseInt(args[j+2])
			if !ok1 || !ok2 {
				r.Error(ErrNotInt)
				return
			}
			limitStart, limitCount = s, n
			j += 2
		case !readonly && equalFold(opt, "store") && left >= 1:
			storeKey, hasStore = args[j+1], true
			j++
		case equalFold(opt, "by") && left >= 1:
			sortBy, hasBy = args[j+1], true
			if strings.IndexByte(cstr(sortBy), '*') < 0 {
				dontsort = true
			}
			j++
		case equalFold(opt, "get") && left >= 1:
			gets = append(gets, args[j+1])
			j++
		default:
			r.Error(ErrSyntax)
			return
		}
	}
	e := c.DB.lookupRead(c, args[1])
	if e != nil && e.typ != TypeSet && e.typ != TypeList && e.typ != TypeZSet {
		r.Error(ErrWrongType)
		return
	}
	typ := TypeList
	var elems []string
	if e != nil {
		typ = e.typ
		src, ok := e.val.(Elements)
		if !ok {
			r.Error("ERR SORT is not supported for this type yet")
			return
		}
		src.Elements(func(s string) { elems = append(elems, s) })
	}
	if dontsort && typ == TypeSet && (hasStore || c.Flags&InScript != 0) {
		dontsort, alpha, hasBy = false, true, false
	}
	n := int64(len(elems))
	start := limitStart
	if start < 0 {
		start = 0
	}
	end := n - 1
	if limitCount >= 0 {
		end = start + limitCount - 1
	}
	if start >= n {
		start, end = n-1, n-2
	}
	if end >= n {
		end = n - 1
	}
	items := make([]sortItem, 0, len(elems))
	if dontsort && (typ == TypeList || typ == TypeZSet) {
		// Native order (reversed for DESC), LIMIT applied directly.
		if end >= start {
			for k := start; k <= end; k++ {
				i := k
				if desc {
					i = n - 1 - k
				}
				items = append(items, sortItem{elem: elems[i]})
			}
		}
		end -= start
		start = 0
	} else {
		for _, s := range elems {
			items = append(items, sortItem{elem: s})
		}
	}
	if !dontsort {
		convErr := false
		for i := range items {
			it := &items[i]
			byval := it.elem
			if hasBy {
				v, ok := lookupByPattern(c, sortBy, it.elem)
				if !ok {
					continue
				}
				byval = v
			}
			if alpha {
				if hasBy {
					it.cmp, it.hasCmp = byval, true
				}
				continue
			}
			f, ok := sortScore(byval)
			if !ok {
				convErr = true
			}
			it.score = f
		}
		if convErr {
			r.Error("ERR One or more scores can't be converted into double")
			return
		}
		cmp := func(a, b *sortItem) int { return sortCompare(a, b, alpha, hasBy, hasStore, desc) }
		if hasBy && (start != 0 || end != n-1) {
			// Redis sorts only what the LIMIT needs, with its own unstable quicksort.
			partialSort(items, cmp, int(start), int(end))
		} else {
			sort.SliceStable(items, func(i, j int) bool { return cmp(&items[i], &items[j]) < 0 })
		}
	}
	var out []string
	count := int64(0)
	if end >= start {
		count = end - start + 1
	}
	if len(gets) > 0 {
		count *= int64(len(gets))
	}
	if !hasStore {
		r.ArrayLen(int(count))
		for k := start; k <= end && k >= 0; k++ {
			it := items[k]
			if len(gets) == 0 {
				r.Bulk(it.elem)
			}
			for _, g := range gets {
				if v, ok := lookupByPattern(c, g, it.elem); ok {
					r.Bulk(v)
				} else {
					r.Null()
				}
			}
		}
		return
	}
	for k := start; k <= end && k >= 0; k++ {
		it := items[k]
		if len(gets) == 0 {
			out = append(out, it.elem)
		}
		for _, g := range gets {
			v, _ := lookupByPattern(c, g, it.elem)
			out = append(out, v)
		}
	}
	if len(out) > 0 {
		if ListFromStrings == nil {
			r.Error("ERR SORT STORE needs the list type, which is not implemented yet")
			return
		}
		val, enc := ListFromStrings(out)
		found := c.DB.find(c, storeKey) != nil
		c.DB.setEntry(c, &entry{key: storeKey, typ: TypeList, enc: enc, val: val}, false)
		if !found {
			c.KS.event(EventNew, "new", c.DB.ID, storeKey)
		}
		c.KS.keyModified(c.DB.ID, storeKey)
		c.KS.event(EventList, "sortstore", c.DB.ID, storeKey)
		c.KS.Dirty += int64(len(out))
	} else if c.DB.find(c, storeKey) != nil {
		c.DB.remove(storeKey)
		c.changed(EventGeneric, "del", storeKey)
	}
	r.Integer(int64(len(out)))
}

// sortScore converts a value to a number the way SORT does with strtod: leading spaces are
// skipped, the empty string is 0, trailing bytes, overflow, underflow and NaN are errors.
func sortScore(s string) (float64, bool) {
	s = cstr(s)
	t := strings.TrimLeft(s, " \t\n\v\f\r")
	if t == "" {
		return 0, s == ""
	}
	if strings.IndexByte(" \t\n\v\f\r", t[0]) >= 0 {
		return 0, false
	}
	kind, ok := scanCFloat(t)
	if !ok || kind == cfloatNaN {
		return 0, false
	}
	if kind == cfloatInf {
		f, _ := ParseFloat(t)
		return f, true
	}
	if kind == cfloatHex {
		t = hexWithExponent(t)
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return 0, false
	}
	// strtod sets ERANGE for results that underflow (zero or subnormal).
	if (f == 0 && hasNonZeroDigit(t, kind == cfloatHex)) || (f != 0 && f > -2.2250738585072014e-308 && f < 2.2250738585072014e-308) {
		return 0, false
	}
	return f, true
}

// sortCompare is Redis's sortCompare. Numbers compare by score, ties by the elements' bytes.
// ALPHA compares with strcoll when the result is replied and with a binary comparison when it is
// stored (STORE): redis-server sets LC_COLLATE from the environment, and under its default
// locales (C, POSIX, C.UTF-8) strcoll is strcmp, which stops at the first NUL byte, so
// "a\x00b" and "a" collate equal. Equal elements keep their order (glibc's qsort is a merge
// sort).
func sortCompare(a, b *sortItem, alpha, byPattern, store, desc bool) int {
	cmp := strings.Compare
	if !store {
		cmp = collate
	}
	var c int
	switch {
	case !alpha:
		switch {
		case a.score > b.score:
			c = 1
		case a.score < b.score:
			c = -1
		default:
			c = strings.Compare(a.elem, b.elem)
		}
	case byPattern:
		switch {
		case !a.hasCmp && !b.hasCmp:
			c = 0
		case !a.hasCmp:
			c = -1
		case !b.hasCmp:
			c = 1
		default:
			c = cmp(a.cmp, b.cmp)
		}
	default:
		c = cmp(a.elem, b.elem)
	}
	if desc {
		return -c
	}
	return c
}

// collate is strcoll under the C locale: a byte comparison of the C strings, which end at the
// first NUL.
func collate(a, b string) int {
	if i := strings.IndexByte(a, 0); i >= 0 {
		a = a[:i]
	}
	if i := strings.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	return strings.Compare(a, b)
}

// lookupByPattern is Redis's lookupKeyByPattern: "#" is the element itself; otherwise the first
// '*' of the pattern is replaced by the element and the key read (a string), or with "->field"
// a hash field. ok is false when there is no such value.
func lookupByPattern(c *Ctx, pattern, subst string) (string, bool) {
	pat := cstr(pattern)
	if pat == "#" {
		return subst, true
	}
	star := strings.IndexByte(pat, '*')
	if star < 0 {
		return "", false
	}
	field := ""
	keyPat := pattern
	if f := strings.Index(pat[star+1:], "->"); f >= 0 && star+1+f+2 < len(pat) {
		at := star + 1 + f
		field = pattern[at+2:]
		keyPat = pattern[:at]
	}
	key := keyPat[:star] + subst + keyPat[star+1:]
	e := c.DB.lookupRead(c, key)
	if e == nil {
		return "", false
	}
	if field != "" {
		if e.typ != TypeHash {
			return "", false
		}
		h, ok := e.val.(FieldGetter)
		if !ok {
			return "", false
		}
		return h.GetField(field)
	}
	if e.typ != TypeString {
		return "", false
	}
	return e.stringValue(), true
}
