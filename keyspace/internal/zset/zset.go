// Package zset is the data structure behind Redis sorted sets: members (binary-safe strings)
// with float64 scores, ordered by score and then by member bytes.
//
// A Set keeps its items in an order-statistic B+tree (rank, access by rank and seeks by score or
// by member in O(log n)) and, once it is large, a hash index from member to score (O(1) ZSCORE
// and the cursor ZSCAN needs). A small set has no index and finds members by a linear scan,
// which is how Redis treats its listpack encoding; the keyspace decides when to add the index
// (Index) following Redis's thresholds, so that OBJECT ENCODING answers as Redis does.
package zset

// Set is a sorted set. The zero value is an empty set without an index.
type Set struct {
	t   tree
	idx *table // member -> score; nil for a small (listpack-like) set
}

// New returns an empty set.
func New() *Set { return &Set{} }

// FromSorted builds a set from items sorted in Set order with distinct members, with a member
// index when indexed is set.
func FromSorted(items []Item, indexed bool) *Set {
	s := &Set{t: build(items)}
	if indexed {
		s.Index()
	}
	return s
}

// Len is the number of members.
func (s *Set) Len() int { return s.t.len() }

// Indexed reports whether the set has its member index.
func (s *Set) Indexed() bool { return s.idx != nil }

// Index builds the member index (Redis's conversion from listpack to skiplist).
func (s *Set) Index() {
	if s.idx != nil {
		return
	}
	s.idx = newTable(s.Len())
	s.Each(func(m string, score float64) bool {
		s.idx.add(m, score)
		return true
	})
}

// Unindex drops the member index (Redis's conversion back to listpack).
func (s *Set) Unindex() { s.idx = nil }

// Score returns the score of member.
func (s *Set) Score(member string) (float64, bool) {
	if s.idx != nil {
		return s.idx.get(member)
	}
	for n := s.t.first(); n != nil; n = n.next {
		for i := range n.items {
			if n.items[i].Member == member {
				return n.items[i].Score, true
			}
		}
	}
	return 0, false
}

// Insert adds a member that is not in the set.
func (s *Set) Insert(member string, score float64) {
	s.t.insert(Item{Score: score, Member: member})
	if s.idx != nil {
		s.idx.add(member, score)
	}
}

// Update changes the score of member from old (its current score) to score.
func (s *Set) Update(member string, old, score float64) {
	s.t.delete(Item{Score: old, Member: member})
	s.t.insert(Item{Score: score, Member: member})
	if s.idx != nil {
		s.idx.set(member, score)
	}
}

// Delete removes member; it reports whether it was in the set.
func (s *Set) Delete(member string) bool {
	score, ok := s.Score(member)
	if !ok {
		return false
	}
	s.t.delete(Item{Score: score, Member: member})
	if s.idx != nil {
		s.idx.del(member)
	}
	return true
}

// Rank returns the 0-based rank of member in ascending order.
func (s *Set) Rank(member string) (int, bool) {
	score, ok := s.Score(member)
	if !ok {
		return 0, false
	}
	return s.t.seek(&bound{kind: itemLT, score: score, member: member}), true
}

// At returns the item of the given rank (0 <= rank < Len).
func (s *Set) At(rank int) Item {
	n, i := s.t.at(rank)
	return n.items[i]
}

// ScoreRank returns the rank of the first item whose score is >= score, or > score when
// exclusive is set (Len when there is none).
func (s *Set) ScoreRank(score float64, exclusive bool) int {
	b := bound{kind: scoreLT, score: score}
	if exclusive {
		b.kind = scoreLE
	}
	return s.t.seek(&b)
}

// MemberRank returns the rank of the first item whose member is >= member, or > member when
// exclusive is set. It is meaningful when every score is equal (lexicographic ranges).
func (s *Set) MemberRank(member string, exclusive bool) int {
	b := bound{kind: memberLT, member: member}
	if exclusive {
		b.kind = memberLE
	}
	return s.t.seek(&b)
}

// Iter walks the items in order from a rank, forwards or backwards.
type Iter struct {
	n *node
	i int
}

// IterAt returns an iterator positioned on the item of the given rank; it is not Valid when the
// rank is out of range.
func (s *Set) IterAt(rank int) Iter {
	if rank < 0 || rank >= s.Len() {
		return Iter{}
	}
	n, i := s.t.at(rank)
	return Iter{n: n, i: i}
}

// Valid reports whether the iterator is on an item.
func (it *Iter) Valid() bool { return it.n != nil }

// Item returns the current item.
func (it *Iter) Item() *Item { return &it.n.items[it.i] }

// Next moves to the following item.
func (it *Iter) Next() {
	it.i++
	if it.i >= len(it.n.items) {
		it.n = it.n.next
		it.i = 0
	}
}

// Prev moves to the preceding item.
func (it *Iter) Prev() {
	it.i--
	if it.i < 0 {
		it.n = it.n.prev
		if it.n != nil {
			it.i = len(it.n.items) - 1
		}
	}
}

// Each calls fn for every item in ascending order until fn returns false.
func (s *Set) Each(fn func(member string, score float64) bool) {
	for n := s.t.first(); n != nil; n = n.next {
		for i := range n.items {
			if !fn(n.items[i].Member, n.items[i].Score) {
				return
			}
		}
	}
}

// DeleteRange removes the items of ranks from..to-1 and calls fn (when not nil) for each.
func (s *Set) DeleteRange(from, to int, fn func(Item)) {
	if from < 0 {
		from = 0
	}
	if to > s.Len() {
		to = s.Len()
	}
	if from >= to {
		return
	}
	if from == 0 && to == s.Len() {
		if fn != nil {
			s.Each(func(m string, score float64) bool {
				fn(Item{Score: score, Member: m})
				return true
			})
		}
		indexed := s.idx != nil
		*s = Set{}
		if indexed {
			s.idx = newTable(0)
		}
		return
	}
	if to-from > s.Len()/4 {
		// Many items: rebuild from the survivors in O(n) rather than deleting one by one.
		all := s.Items(make([]Item, 0, s.Len()))
		if fn != nil {
			for _, x := range all[from:to] {
				fn(x)
			}
		}
		keep := append(all[:from:from], all[to:]...)
		indexed := s.idx != nil
		*s = *FromSorted(keep, indexed)
		return
	}
	victims := make([]Item, 0, to-from)
	for it := s.IterAt(from); it.Valid() && len(victims) < to-from; it.Next() {
		victims = append(victims, *it.Item())
	}
	for _, x := range victims {
		s.t.delete(x)
		if s.idx != nil {
			s.idx.del(x.Member)
		}
		if fn != nil {
			fn(x)
		}
	}
}

// Scan calls fn for some members and returns the next cursor, 0 when the iteration is complete.
// A set without index returns everything at once with cursor 0, as Redis does for a listpack.
func (s *Set) Scan(cursor uint64, fn func(member string, score float64)) uint64 {
	if s.idx == nil {
		s.Each(func(m string, score float64) bool {
			fn(m, score)
			return true
		})
		return 0
	}
	return s.idx.scan(cursor, fn)
}

// Items appends every item in order to dst.
func (s *Set) Items(dst []Item) []Item {
	for n := s.t.first(); n != nil; n = n.next {
		dst = append(dst, n.items...)
	}
	return dst
}

// Copy returns an independent copy of the set, indexed like s.
func (s *Set) Copy() *Set {
	return FromSorted(s.Items(make([]Item, 0, s.Len())), s.idx != nil)
}
