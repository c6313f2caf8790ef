package zset

import (
	"hash/maphash"
	"math/bits"
)

// table is the member index of a large sorted set: member -> score, a chained hash table with a
// power-of-two number of buckets like Redis's dict, so that ZSCAN has SCAN's guarantees (the
// reverse-binary cursor returns every member present for the whole iteration at least once, even
// across resizes). Entries live in one slice and chain by index, so adding a member allocates
// nothing once the slice has grown.
type table struct {
	seed    maphash.Seed
	buckets []int32 // 1-based index into slots of the first entry of each chain; 0: empty
	slots   []slot
	free    int32 // 1-based head of the free list
	used    int
}

type slot struct {
	member string
	score  float64
	hash   uint32
	next   int32 // 1-based; 0 ends the chain
}

const tableMinSize = 4

var tableSeed = maphash.MakeSeed()

func newTable(hint int) *table {
	t := &table{seed: tableSeed}
	n := tableMinSize
	for n < hint {
		n *= 2
	}
	t.buckets = make([]int32, n)
	t.slots = make([]slot, 0, hint)
	return t
}

func (t *table) hash(m string) uint32 { return uint32(maphash.String(t.seed, m)) }

// find returns the 1-based slot of member, or 0.
func (t *table) find(m string) int32 {
	h := t.hash(m)
	for i := t.buckets[h&uint32(len(t.buckets)-1)]; i != 0; {
		s := &t.slots[i-1]
		if s.hash == h && s.member == m {
			return i
		}
		i = s.next
	}
	return 0
}

func (t *table) get(m string) (float64, bool) {
	if i := t.find(m); i != 0 {
		return t.slots[i-1].score, true
	}
	return 0, false
}

// add inserts a member that is not present.
func (t *table) add(m string, score float64) {
	if t.used >= len(t.buckets) {
		t.resize(len(t.buckets) * 2)
	}
	h := t.hash(m)
	b := h & uint32(len(t.buckets)-1)
	var i int32
	if t.free != 0 {
		i = t.free
		t.free = t.slots[i-1].next
	} else {
		t.slots = append(t.slots, slot{})
		i = int32(len(t.slots))
	}
	t.slots[i-1] = slot{member: m, score: score, hash: h, next: t.buckets[b]}
	t.buckets[b] = i
	t.used++
}

// set changes the score of a member that is present.
func (t *table) set(m string, score float64) {
	if i := t.find(m); i != 0 {
		t.slots[i-1].score = score
	}
}

// del removes a member; it reports whether it was present.
func (t *table) del(m string) bool {
	h := t.hash(m)
	b := h & uint32(len(t.buckets)-1)
	var prev int32
	for i := t.buckets[b]; i != 0; prev, i = i, t.slots[i-1].next {
		s := &t.slots[i-1]
		if s.hash != h || s.member != m {
			continue
		}
		if prev == 0 {
			t.buckets[b] = s.next
		} else {
			t.slots[prev-1].next = s.next
		}
		*s = slot{next: t.free}
		t.free = i
		t.used--
		if len(t.buckets) > tableMinSize && t.used*8 < len(t.buckets) {
			n := tableMinSize
			for n < t.used {
				n *= 2
			}
			t.resize(n)
		}
		return true
	}
	return false
}

// resize rebuilds the table with n buckets, compacting the entries.
func (t *table) resize(n int) {
	old, oldSlots := t.buckets, t.slots
	t.buckets = make([]int32, n)
	t.slots = make([]slot, 0, max(t.used, n/2))
	t.free = 0
	mask := uint32(n - 1)
	for _, head := range old {
		for i := head; i != 0; i = oldSlots[i-1].next {
			s := oldSlots[i-1]
			b := s.hash & mask
			s.next = t.buckets[b]
			t.slots = append(t.slots, s)
			t.buckets[b] = int32(len(t.slots))
		}
	}
}

// scan calls fn for the entries of the bucket the cursor designates and returns the next cursor
// (0 when the iteration is complete), with Redis's reverse-binary increment.
func (t *table) scan(cursor uint64, fn func(member string, score float64)) uint64 {
	if t.used == 0 {
		return 0
	}
	mask := uint64(len(t.buckets) - 1)
	for i := t.buckets[cursor&mask]; i != 0; i = t.slots[i-1].next {
		fn(t.slots[i-1].member, t.slots[i-1].score)
	}
	cursor |= ^mask
	cursor = bits.Reverse64(cursor)
	cursor++
	return bits.Reverse64(cursor)
}
