package keyspace

import (
	"hash/maphash"

	"github.com/redmoon-dev/redmoon/keyspace/internal/hashtab"
)

// The hash value and its two encodings, as Redis 7.0's t_hash.c keeps them.
//
// A small hash is a "listpack": here a slice of field/value pairs in insertion order (an update
// keeps the field's place, a deletion closes the gap), searched linearly as Redis searches its
// listpack. It becomes a "hashtable" (hashtab.Table) when it would hold more than
// hashMaxListpackEntries fields, or when a field or value longer than hashMaxListpackValue
// bytes is written; it never converts back. Replies iterate the listpack in insertion order,
// which is what makes script-visible orders equal to the real server's.

// The thresholds of an unconfigured 7.0 server (its compiled-in defaults, which are what
// redis-server started without a configuration file uses).
const (
	hashMaxListpackEntries = 512
	hashMaxListpackValue   = 64
)

// hashPair is a field and its value. In a listpack, h is a hash of the field, so that a search
// of a long listpack compares one word per field instead of strings.
type hashPair struct {
	field, value string
	h            uint32
}

// lpSeed seeds the field hashes of listpack hashes.
var lpSeed = maphash.MakeSeed()

// lpLinear is the listpack length up to which a search compares strings directly.
const lpLinear = 8

func lpHash(field string) uint32 { return uint32(maphash.String(lpSeed, field)) }

// hashValue is the val of a hash entry. Exactly one of lp (listpack encoding) and ht
// (hashtable encoding) is in use: ht is nil while the hash is a listpack.
type hashValue struct {
	lp []hashPair
	ht *hashtab.Table[string]
}

// Len implements Collection.
func (h *hashValue) Len() int {
	if h.ht != nil {
		return h.ht.Len()
	}
	return len(h.lp)
}

// Copy implements Collection.
func (h *hashValue) Copy() Collection {
	if h.ht != nil {
		return &hashValue{ht: h.ht.Clone()}
	}
	return &hashValue{lp: append([]hashPair(nil), h.lp...)}
}

// GetField implements FieldGetter (SORT ... BY/GET key->field).
func (h *hashValue) GetField(field string) (string, bool) { return h.get(field) }

func (h *hashValue) encoding() Encoding {
	if h.ht != nil {
		return EncHashtable
	}
	return EncListpack
}

// lpIndex returns the position of field in the listpack, or -1.
func (h *hashValue) lpIndex(field string) int {
	if len(h.lp) <= lpLinear {
		for i := range h.lp {
			if h.lp[i].field == field {
				return i
			}
		}
		return -1
	}
	fh := lpHash(field)
	for i := range h.lp {
		if h.lp[i].h == fh && h.lp[i].field == field {
			return i
		}
	}
	return -1
}

func (h *hashValue) get(field string) (string, bool) {
	if h.ht != nil {
		return h.ht.Get(field)
	}
	if i := h.lpIndex(field); i >= 0 {
		return h.lp[i].value, true
	}
	return "", false
}

func (h *hashValue) has(field string) bool {
	if h.ht != nil {
		return h.ht.Has(field)
	}
	return h.lpIndex(field) >= 0
}

// tooLong reports whether s is too long for a listpack hash.
func hashTooLong(s string) bool { return len(s) > hashMaxListpackValue }

// convert turns a listpack hash into a hashtable (hashTypeConvert).
func (h *hashValue) convert() {
	if h.ht != nil {
		return
	}
	t := hashtab.New[string](len(h.lp))
	for _, p := range h.lp {
		t.Set(p.field, p.value)
	}
	h.ht = t
	h.lp = nil
}

// tryConversion converts a listpack hash when one of the strings about to be written is too
// long (hashTypeTryConversion).
func (h *hashValue) tryConversion(strs []string) {
	if h.ht != nil {
		return
	}
	for _, s := range strs {
		if hashTooLong(s) {
			h.convert()
			return
		}
	}
}

// set writes a field (hashTypeSet) and reports whether it is new. A listpack hash converts when
// the field or the value is too long, or when the new field makes it too big.
func (h *hashValue) set(field, value string) bool {
	if h.ht == nil && (hashTooLong(field) || hashTooLong(value)) {
		h.convert()
	}
	if h.ht != nil {
		return h.ht.Set(field, value)
	}
	if i := h.lpIndex(field); i >= 0 {
		h.lp[i].value = value
		return false
	}
	h.lp = append(h.lp, hashPair{field, value, lpHash(field)})
	if len(h.lp) > hashMaxListpackEntries {
		h.convert()
	}
	return true
}

// del removes a field and reports whether it existed.
func (h *hashValue) del(field string) bool {
	if h.ht != nil {
		return h.ht.Delete(field)
	}
	i := h.lpIndex(field)
	if i < 0 {
		return false
	}
	copy(h.lp[i:], h.lp[i+1:])
	h.lp[len(h.lp)-1] = hashPair{}
	h.lp = h.lp[:len(h.lp)-1]
	return true
}

// each calls fn for every field and value in the hash's order until fn returns false.
func (h *hashValue) each(fn func(field, value string) bool) {
	if h.ht != nil {
		h.ht.Each(fn)
		return
	}
	for _, p := range h.lp {
		if !fn(p.field, p.value) {
			return
		}
	}
}
