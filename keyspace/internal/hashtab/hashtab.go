// Package hashtab is the hash table behind the "hashtable" encoding of Redis hashes and sets:
// string keys with a value each, open addressing with linear probing, and the operations Redis's
// dict offers to commands: a SCAN cursor with Redis's guarantee, a fair random element, and
// iteration.
//
// # Design
//
// The table is a power-of-two vector of slots holding the key, the value and the key's hash
// (with the top bit set, so that zero marks an empty slot). The "home" of a key is its hash
// modulo the table size; linear probing keeps every key in the run of occupied slots that starts
// at its home, and deletion shifts later keys back (no tombstones) so that this stays true.
//
// SCAN walks homes rather than slots: a cursor names a home, and a call returns every key whose
// home it is (found in the run that starts there), then advances the cursor with Redis's
// reverse-binary increment. Because doubling the table splits home h into h and h+size, and
// halving merges them back, a key present during a whole scan is returned at least once across
// resizes, exactly as with Redis's chained dict; keys may be returned more than once.
//
// Random picks a random slot until it finds an occupied one: every key occupies exactly one slot,
// so the pick is uniform (Redis's dictGetFairRandomKey is only approximately so). The load factor
// stays between 1/8 and 3/4 (growing doubles, shrinking halves), which bounds the expected number
// of tries and probe lengths.
//
// Keys and values are Go strings shared with the caller (they are immutable), never copied.
package hashtab

import (
	"hash/maphash"
	"math/bits"
	"math/rand/v2"
)

// seed is the process-wide hash seed: like Redis's siphash seed, it is random at start-up, so
// the iteration order of a table differs from one process to the next.
var seed = maphash.MakeSeed()

const (
	minSize  = 8
	occupied = 1 << 63
)

// Table is a hash table from string keys to values of type V. The zero value is an empty table
// ready to use. A Table is not safe for concurrent use.
type Table[V any] struct {
	slots []slot[V]
	used  int
}

type slot[V any] struct {
	h   uint64 // hash | occupied; 0 for an empty slot
	key string
	val V
}

func hashOf(key string) uint64 { return maphash.String(seed, key) | occupied }

// New returns an empty table sized for n keys without growing.
func New[V any](n int) *Table[V] {
	t := &Table[V]{}
	if n > 0 {
		t.slots = make([]slot[V], sizeFor(n))
	}
	return t
}

// sizeFor is the smallest power of two that holds n keys within the maximum load factor.
func sizeFor(n int) int {
	size := minSize
	for size*3/4 < n {
		size *= 2
	}
	return size
}

// Len returns the number of keys.
func (t *Table[V]) Len() int { return t.used }

// index returns the slot holding key, or -1.
func (t *Table[V]) index(key string, h uint64) int {
	if t.used == 0 {
		return -1
	}
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.h == 0 {
			return -1
		}
		if s.h == h && s.key == key {
			return int(i)
		}
	}
}

// Get returns the value of key and whether it is present.
func (t *Table[V]) Get(key string) (V, bool) {
	if i := t.index(key, hashOf(key)); i >= 0 {
		return t.slots[i].val, true
	}
	var zero V
	return zero, false
}

// Has reports whether key is present.
func (t *Table[V]) Has(key string) bool { return t.index(key, hashOf(key)) >= 0 }

// Set stores val under key and reports whether the key is new.
func (t *Table[V]) Set(key string, val V) bool {
	h := hashOf(key)
	if i := t.index(key, h); i >= 0 {
		t.slots[i].val = val
		return false
	}
	t.insert(h, key, val)
	return true
}

// Add stores val under key only if the key is absent; it reports whether it did.
func (t *Table[V]) Add(key string, val V) bool {
	h := hashOf(key)
	if t.index(key, h) >= 0 {
		return false
	}
	t.insert(h, key, val)
	return true
}

// Ptr returns a pointer to the value of key (valid until the table is next modified), or nil.
func (t *Table[V]) Ptr(key string) *V {
	if i := t.index(key, hashOf(key)); i >= 0 {
		return &t.slots[i].val
	}
	return nil
}

func (t *Table[V]) insert(h uint64, key string, val V) {
	if (t.used+1)*4 > len(t.slots)*3 {
		n := len(t.slots) * 2
		if n < minSize {
			n = minSize
		}
		t.resize(n)
	}
	mask := uint64(len(t.slots) - 1)
	i := h & mask
	for t.slots[i].h != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = slot[V]{h: h, key: key, val: val}
	t.used++
}

// Delete removes key and reports whether it was present.
func (t *Table[V]) Delete(key string) bool {
	i := t.index(key, hashOf(key))
	if i < 0 {
		return false
	}
	t.deleteAt(i)
	return true
}

// deleteAt empties slot i and shifts the keys of the run that follows back into place.
func (t *Table[V]) deleteAt(i int) {
	mask := len(t.slots) - 1
	for {
		j := i
		for {
			j = (j + 1) & mask
			s := &t.slots[j]
			if s.h == 0 {
				t.slots[i] = slot[V]{}
				t.used--
				t.maybeShrink()
				return
			}
			home := int(s.h) & mask
			// The key at j may move to i when i lies cyclically in [home, j).
			if (j > i && (home <= i || home > j)) || (j < i && home <= i && home > j) {
				t.slots[i] = *s
				i = j
				break
			}
		}
	}
}

func (t *Table[V]) maybeShrink() {
	if len(t.slots) > minSize && t.used*8 < len(t.slots) {
		t.resize(sizeFor(t.used))
	}
}

func (t *Table[V]) resize(n int) {
	old := t.slots
	t.slots = make([]slot[V], n)
	mask := uint64(n - 1)
	for k := range old {
		s := &old[k]
		if s.h == 0 {
			continue
		}
		i := s.h & mask
		for t.slots[i].h != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = *s
	}
}

// Clear removes every key.
func (t *Table[V]) Clear() {
	t.slots = nil
	t.used = 0
}

// Each calls fn for every key and value, in the table's order, until fn returns false. fn must
// not modify the table.
func (t *Table[V]) Each(fn func(key string, val V) bool) {
	for i := range t.slots {
		s := &t.slots[i]
		if s.h != 0 && !fn(s.key, s.val) {
			return
		}
	}
}

// Random returns a uniformly chosen key and its value; ok is false when the table is empty.
func (t *Table[V]) Random() (key string, val V, ok bool) {
	if t.used == 0 {
		return "", val, false
	}
	mask := uint64(len(t.slots) - 1)
	for {
		s := &t.slots[rand.Uint64()&mask]
		if s.h != 0 {
			return s.key, s.val, true
		}
	}
}

// Pop removes and returns a uniformly chosen key and its value; ok is false when the table is
// empty.
func (t *Table[V]) Pop() (key string, val V, ok bool) {
	if t.used == 0 {
		return "", val, false
	}
	mask := uint64(len(t.slots) - 1)
	for {
		i := rand.Uint64() & mask
		s := &t.slots[i]
		if s.h != 0 {
			key, val = s.key, s.val
			t.deleteAt(int(i))
			return key, val, true
		}
	}
}

// Scan calls fn for every key whose home is the one the cursor designates and returns the next
// cursor, 0 when the iteration is complete. Start with cursor 0. Every key present from the
// start to the end of an iteration is returned at least once, even when the table is resized
// between calls; fn must not modify the table.
func (t *Table[V]) Scan(cursor uint64, fn func(key string, val V)) uint64 {
	if t.used == 0 {
		return 0
	}
	mask := uint64(len(t.slots) - 1)
	home := cursor & mask
	for i := home; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.h == 0 {
			break
		}
		if s.h&mask == home {
			fn(s.key, s.val)
		}
	}
	cursor |= ^mask
	cursor = bits.Reverse64(cursor)
	cursor++
	return bits.Reverse64(cursor)
}

// Clone returns an independent copy of the table (keys and values are shared, as they are
// immutable strings or plain values).
func (t *Table[V]) Clone() *Table[V] {
	c := &Table[V]{used: t.used}
	if t.slots != nil {
		c.slots = make([]slot[V], len(t.slots))
		copy(c.slots, t.slots)
	}
	return c
}
