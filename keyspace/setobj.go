package keyspace

import (
	"math/rand/v2"
	"slices"

	"github.com/redmoon-dev/redmoon/keyspace/internal/hashtab"
)

// The set value and its two 7.0 encodings (t_set.c). 7.0 has no listpack sets (7.2 added them):
//
//   - "intset": every member is a canonical 64-bit integer and there are at most
//     setMaxIntsetEntries of them; kept as a sorted []int64, so replies come in ascending order as
//     on the real server;
//   - "hashtable": anything else, in a hashtab.Table (iteration order depends on a random seed,
//     as Redis's siphash-seeded dict does).
//
// A set is created as an intset when its first member is an integer, else as a hashtable; it
// converts to a hashtable when a non-integer is added or the intset grows too big, and never
// converts back.

// setMaxIntsetEntries is set-max-intset-entries's default.
const setMaxIntsetEntries = 512

// setValue is the val of a set entry: ints (sorted) while ht is nil, ht afterwards.
type setValue struct {
	ints []int64
	ht   *hashtab.Table[struct{}]
}

// newSetFor creates an empty set with the encoding setTypeCreate picks for its first member.
func newSetFor(first string) *setValue {
	if _, ok := ParseInt(first); ok {
		return &setValue{}
	}
	return &setValue{ht: hashtab.New[struct{}](0)}
}

// Len implements Collection.
func (s *setValue) Len() int {
	if s.ht != nil {
		return s.ht.Len()
	}
	return len(s.ints)
}

// Copy implements Collection.
func (s *setValue) Copy() Collection {
	if s.ht != nil {
		return &setValue{ht: s.ht.Clone()}
	}
	return &setValue{ints: slices.Clone(s.ints)}
}

// Elements implements Elements (SORT): members in the set's iteration order.
func (s *setValue) Elements(fn func(string)) {
	s.each(func(m string) bool {
		fn(m)
		return true
	})
}

func (s *setValue) encoding() Encoding {
	if s.ht != nil {
		return EncHashtable
	}
	return EncIntset
}

func (s *setValue) intIndex(n int64) (int, bool) { return slices.BinarySearch(s.ints, n) }

// has reports whether m is a member.
func (s *setValue) has(m string) bool {
	if s.ht != nil {
		return s.ht.Has(m)
	}
	n, ok := ParseInt(m)
	if !ok {
		return false
	}
	_, found := s.intIndex(n)
	return found
}

// convert turns an intset into a hashtable (setTypeConvert).
func (s *setValue) convert() {
	if s.ht != nil {
		return
	}
	t := hashtab.New[struct{}](len(s.ints))
	for _, n := range s.ints {
		t.Set(FormatInt(n), struct{}{})
	}
	s.ht = t
	s.ints = nil
}

// add adds m and reports whether it was new (setTypeAdd).
func (s *setValue) add(m string) bool {
	if s.ht == nil {
		n, ok := ParseInt(m)
		if ok {
			i, found := s.intIndex(n)
			if found {
				return false
			}
			s.ints = slices.Insert(s.ints, i, n)
			if len(s.ints) > setMaxIntsetEntries {
				s.convert()
			}
			return true
		}
		s.convert()
	}
	return s.ht.Add(m, struct{}{})
}

// remove removes m and reports whether it was a member.
func (s *setValue) remove(m string) bool {
	if s.ht != nil {
		return s.ht.Delete(m)
	}
	n, ok := ParseInt(m)
	if !ok {
		return false
	}
	i, found := s.intIndex(n)
	if !found {
		return false
	}
	s.ints = slices.Delete(s.ints, i, i+1)
	return true
}

// each calls fn for every member in the set's order until fn returns false.
func (s *setValue) each(fn func(m string) bool) {
	if s.ht != nil {
		s.ht.Each(func(m string, _ struct{}) bool { return fn(m) })
		return
	}
	for _, n := range s.ints {
		if !fn(FormatInt(n)) {
			return
		}
	}
}

// random returns a uniformly chosen member of a non-empty set.
func (s *setValue) random() string {
	if s.ht != nil {
		m, _, _ := s.ht.Random()
		return m
	}
	return FormatInt(s.ints[rand.IntN(len(s.ints))])
}

// pop removes and returns a uniformly chosen member of a non-empty set.
func (s *setValue) pop() string {
	if s.ht != nil {
		m, _, _ := s.ht.Pop()
		return m
	}
	i := rand.IntN(len(s.ints))
	n := s.ints[i]
	s.ints = slices.Delete(s.ints, i, i+1)
	return FormatInt(n)
}
