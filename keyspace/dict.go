package keyspace

import (
	"hash/maphash"
	"math/bits"
	"math/rand/v2"
)

// dict is the key table of a database: a chained hash table with a power-of-two number of
// buckets, like Redis's dict. Owning the table (rather than using a Go map) gives SCAN its Redis
// guarantees (reverse-binary cursor: every key present for the whole scan is returned at least
// once, even across resizes), a fair RANDOMKEY, and a compact entry per key.
type dict struct {
	buckets []*entry
	used    int
	seed    maphash.Seed
}

const dictMinSize = 4

func newDict(seed maphash.Seed) dict { return dict{seed: seed} }

func (d *dict) hash(key string) uint64 { return maphash.String(d.seed, key) }

func (d *dict) find(key string) *entry {
	if d.used == 0 {
		return nil
	}
	for e := d.buckets[d.hash(key)&uint64(len(d.buckets)-1)]; e != nil; e = e.next {
		if e.key == key {
			return e
		}
	}
	return nil
}

// insert adds e, whose key must not be present.
func (d *dict) insert(e *entry) {
	if d.used >= len(d.buckets) {
		n := len(d.buckets) * 2
		if n < dictMinSize {
			n = dictMinSize
		}
		d.resize(n)
	}
	i := d.hash(e.key) & uint64(len(d.buckets)-1)
	e.next = d.buckets[i]
	d.buckets[i] = e
	d.used++
}

// remove unlinks the entry with the given key and returns it, or nil.
func (d *dict) remove(key string) *entry {
	if d.used == 0 {
		return nil
	}
	i := d.hash(key) & uint64(len(d.buckets)-1)
	var prev *entry
	for e := d.buckets[i]; e != nil; prev, e = e, e.next {
		if e.key != key {
			continue
		}
		if prev == nil {
			d.buckets[i] = e.next
		} else {
			prev.next = e.next
		}
		e.next = nil
		d.used--
		// Shrink when the table is under 1/8 full (Redis shrinks under 10% in its cron).
		if len(d.buckets) > dictMinSize && d.used*8 < len(d.buckets) {
			n := dictMinSize
			for n < d.used {
				n *= 2
			}
			d.resize(n)
		}
		return e
	}
	return nil
}

// replace puts ne in the place of the entry with the same key (which must exist).
func (d *dict) replace(ne *entry) {
	i := d.hash(ne.key) & uint64(len(d.buckets)-1)
	var prev *entry
	for e := d.buckets[i]; e != nil; prev, e = e, e.next {
		if e.key == ne.key {
			ne.next = e.next
			e.next = nil
			if prev == nil {
				d.buckets[i] = ne
			} else {
				prev.next = ne
			}
			return
		}
	}
	panic("keyspace: dict.replace of a missing key")
}

func (d *dict) resize(n int) {
	old := d.buckets
	d.buckets = make([]*entry, n)
	mask := uint64(n - 1)
	for _, e := range old {
		for e != nil {
			next := e.next
			i := d.hash(e.key) & mask
			e.next = d.buckets[i]
			d.buckets[i] = e
			e = next
		}
	}
}

// clear empties the table.
func (d *dict) clear() {
	d.buckets = nil
	d.used = 0
}

// scan calls fn for every entry of the bucket the cursor designates and returns the next
// cursor (0 when the iteration is complete), with Redis's reverse-binary increment.
func (d *dict) scan(cursor uint64, fn func(*entry)) uint64 {
	if d.used == 0 {
		return 0
	}
	mask := uint64(len(d.buckets) - 1)
	for e := d.buckets[cursor&mask]; e != nil; e = e.next {
		fn(e)
	}
	cursor |= ^mask
	cursor = bits.Reverse64(cursor)
	cursor++
	return bits.Reverse64(cursor)
}

// random returns a random entry, or nil when the table is empty: a random non-empty bucket,
// then a random element of its chain.
func (d *dict) random() *entry {
	if d.used == 0 {
		return nil
	}
	mask := uint64(len(d.buckets) - 1)
	var head *entry
	for head == nil {
		head = d.buckets[rand.Uint64()&mask]
	}
	n := 0
	for e := head; e != nil; e = e.next {
		n++
	}
	k := rand.IntN(n)
	for e := head; ; e = e.next {
		if k == 0 {
			return e
		}
		k--
	}
}

// each calls fn for every entry until fn returns false. fn must not modify the table.
func (d *dict) each(fn func(*entry) bool) {
	for _, e := range d.buckets {
		for ; e != nil; e = e.next {
			if !fn(e) {
				return
			}
		}
	}
}
