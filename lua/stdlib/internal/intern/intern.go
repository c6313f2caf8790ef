// Package intern is a small, lossy cache of short strings that the string library builds
// (string.upper, lower, rep, reverse, char): the result is assembled in a reusable scratch
// buffer, then looked up by its bytes; a hit returns the string made earlier and allocates
// nothing. This is what PUC Lua gets from its string table, where every string is interned and
// a repeated result is found instead of allocated, and it keeps loops that rebuild the same
// short strings off the garbage collector.
//
// The cache is two-way set-associative: a string's hash picks a bucket of two slots, a new
// string goes into the first slot and moves the one there to the second (so two strings that
// alternate in a loop both stay), and only strings of at most MaxLen bytes are kept, so it holds
// at most Slots*MaxLen bytes alive. It is not safe for concurrent use: one Lua universe owns one cache.
package intern

import "hash/maphash"

const (
	// MaxLen is the longest string the cache keeps.
	MaxLen = 64
	// Slots is the number of entries (a power of two), in buckets of two.
	Slots = 256
)

// Cache is the string cache with its scratch buffer. The zero value is not ready; use New.
type Cache struct {
	seed    maphash.Seed
	slots   [Slots]string
	scratch [MaxLen]byte
}

// New returns an empty cache.
func New() *Cache { return &Cache{seed: maphash.MakeSeed()} }

// Buffer returns a scratch buffer of n bytes (n <= MaxLen) for the caller to fill before it calls
// String; its contents are undefined and it is overwritten by the next call.
func (c *Cache) Buffer(n int) []byte { return c.scratch[:n:n] }

// String returns a string with the bytes of b: the cached one when an equal string is in b's
// slot, otherwise a new copy, which then takes the slot. b may be a Buffer or any other slice
// of at most MaxLen bytes; longer slices are copied without being cached.
func (c *Cache) String(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > MaxLen {
		return string(b)
	}
	i := maphash.Bytes(c.seed, b) & (Slots - 2)
	// The comparisons do not allocate.
	if s := c.slots[i]; s == string(b) {
		return s
	}
	if s := c.slots[i+1]; s == string(b) {
		return s
	}
	s := string(b)
	c.slots[i+1] = c.slots[i]
	c.slots[i] = s
	return s
}
