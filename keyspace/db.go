package keyspace

import (
	"hash/maphash"
	"sync"
)

// NumDatabases is the default number of databases, Redis's default; Options.Databases changes it.
const NumDatabases = 16

// Type is the type of a stored value, as TYPE names it.
type Type uint8

// Value types.
const (
	TypeNone Type = iota
	TypeString
	TypeList
	TypeSet
	TypeZSet
	TypeHash
	TypeStream
)

var typeNames = [...]string{"none", "string", "list", "set", "zset", "hash", "stream"}

// String returns the name TYPE answers.
func (t Type) String() string { return typeNames[t] }

// Encoding is the internal representation OBJECT ENCODING reports.
type Encoding uint8

// Encodings, named as Redis 7.0 names them.
const (
	EncRaw Encoding = iota
	EncInt
	EncEmbstr
	EncHashtable
	EncListpack
	EncQuicklist
	EncIntset
	EncSkiplist
	EncStream
)

var encodingNames = [...]string{"raw", "int", "embstr", "hashtable", "listpack", "quicklist", "intset", "skiplist", "stream"}

// String returns the name OBJECT ENCODING answers.
func (e Encoding) String() string { return encodingNames[e] }

// entry flags
const (
	flagExpire uint8 = 1 << iota // the key has an expire time in DB.expires
	flagShared                   // an integer Redis would share (OBJECT REFCOUNT answers INT_MAX)
)

// entry is one key and its value. String values live in str (immutable, shared with callers);
// an integer-encoded string keeps its number in val (*intBox, so INCR updates it without
// allocating) and its decimal text in str once somebody asked for it (empty until then). Other
// types keep their data structure in val.
type entry struct {
	key   string
	next  *entry
	str   string
	val   any
	lru   uint32 // last access, in seconds (OBJECT IDLETIME)
	typ   Type
	enc   Encoding
	flags uint8
}

// intBox holds the number of an integer-encoded string. It belongs to exactly one entry.
type intBox struct{ n int64 }

// Keyspace is the whole data set: the databases, the clock and the notification hooks.
//
// Commands run one at a time: callers hold the lock (Lock/Unlock, or Exec) around a command or a
// whole script, and the active-expiry cycle takes it too. Nothing inside the keyspace locks.
type Keyspace struct {
	mu    sync.Mutex
	dbs   []*DB
	Clock Clock
	// Hooks are called while commands run (with the lock held); nil functions are skipped.
	Hooks Hooks
	// Dirty counts the changes made to the data set (Redis's server.dirty).
	Dirty int64

	stats Stats
	seed  maphash.Seed
}

// Options configure a new keyspace.
type Options struct {
	// Databases is the number of databases, numbered from 0 (Redis's `databases` setting);
	// 0 means NumDatabases.
	Databases int
}

// DB is one numbered database.
type DB struct {
	ID      int
	ks      *Keyspace
	dict    dict
	expires map[string]int64 // key -> expire time, Unix ms; only keys with flagExpire
	avgTTL  int64            // estimate of the keys' average time to live, ms (INFO keyspace)
}

// New returns an empty keyspace with NumDatabases databases and a real-time clock.
func New() *Keyspace { return NewWithOptions(Options{}) }

// NewWithOptions returns an empty keyspace configured by o, with a real-time clock. A
// non-positive number of databases means NumDatabases.
func NewWithOptions(o Options) *Keyspace {
	n := o.Databases
	if n <= 0 {
		n = NumDatabases
	}
	ks := &Keyspace{seed: maphash.MakeSeed()}
	ks.dbs = make([]*DB, n)
	for i := range ks.dbs {
		ks.dbs[i] = &DB{ID: i, ks: ks, dict: newDict(ks.seed), expires: map[string]int64{}}
	}
	return ks
}

// Databases returns the number of databases (SELECT, MOVE, SWAPDB and COPY ... DB accept
// 0 to Databases()-1).
func (ks *Keyspace) Databases() int { return len(ks.dbs) }

// Lock acquires the keyspace lock.
func (ks *Keyspace) Lock() { ks.mu.Lock() }

// Unlock releases the keyspace lock.
func (ks *Keyspace) Unlock() { ks.mu.Unlock() }

// Exec runs fn with the keyspace lock held.
func (ks *Keyspace) Exec(fn func()) {
	ks.mu.Lock()
	defer ks.mu.Unlock()
	fn()
}

// DB returns database i (0 <= i < Databases()).
func (ks *Keyspace) DB(i int) *DB { return ks.dbs[i] }

// Len returns the number of keys in the database, expired ones not yet removed included
// (DBSIZE).
func (db *DB) Len() int { return db.dict.used }

// lruClock is the LRU clock for a time in ms (seconds, 24 bits as in Redis).
func lruClock(ms int64) uint32 { return uint32(ms/1000) & (1<<24 - 1) }

// expired reports whether e has an expire time at or before now (strictly before, as Redis:
// a key is expired when now > when).
func (db *DB) expired(e *entry, now int64) bool {
	if e.flags&flagExpire == 0 {
		return false
	}
	return now > db.expires[e.key]
}

// find returns the live entry for key, deleting it first if it has expired (lazy expiry).
func (db *DB) find(c *Ctx, key string) *entry {
	e := db.dict.find(key)
	if e == nil {
		return nil
	}
	if db.expired(e, c.Now()) {
		db.expireKey(key)
		return nil
	}
	return e
}

// lookupRead finds a key for reading and refreshes its access time.
func (db *DB) lookupRead(c *Ctx, key string) *entry {
	e := db.find(c, key)
	if e != nil {
		e.lru = lruClock(c.Now())
		db.ks.stats.Hits++
		return e
	}
	db.ks.stats.Misses++
	if h := db.ks.Hooks.Event; h != nil {
		h(EventKeyMiss, "keymiss", db.ID, key)
	}
	return nil
}

// lookupWrite finds a key about to be modified and refreshes its access time.
func (db *DB) lookupWrite(c *Ctx, key string) *entry {
	e := db.find(c, key)
	if e != nil {
		e.lru = lruClock(c.Now())
	}
	return e
}

// peek finds a live key without touching its access time or the statistics.
func (db *DB) peek(c *Ctx, key string) *entry { return db.find(c, key) }

// lookupReadNoTouch finds a key for reading without refreshing its access time (Redis's
// LOOKUP_NOTOUCH: EXISTS, TYPE, the TTL family, SCAN's TYPE filter): it counts a hit or a miss
// and sends keymiss like lookupRead.
func (db *DB) lookupReadNoTouch(c *Ctx, key string) *entry {
	if e := db.find(c, key); e != nil {
		db.ks.stats.Hits++
		return e
	}
	db.ks.stats.Misses++
	if h := db.ks.Hooks.Event; h != nil {
		h(EventKeyMiss, "keymiss", db.ID, key)
	}
	return nil
}

// lookupReadQuiet is lookupReadNoTouch without the keymiss event (LOOKUP_NOTOUCH|
// LOOKUP_NONOTIFY: OBJECT).
func (db *DB) lookupReadQuiet(c *Ctx, key string) *entry {
	if e := db.find(c, key); e != nil {
		db.ks.stats.Hits++
		return e
	}
	db.ks.stats.Misses++
	return nil
}

// expireKey deletes a key whose time has come and sends the "expired" event.
func (db *DB) expireKey(key string) {
	db.remove(key)
	db.ks.stats.ExpiredKeys++
	db.ks.Dirty++
	db.ks.keyModified(db.ID, key)
	db.ks.event(EventExpired, "expired", db.ID, key)
}

// remove deletes a key and its expire time; it reports whether the key existed.
func (db *DB) remove(key string) bool {
	e := db.dict.remove(key)
	if e == nil {
		return false
	}
	if e.flags&flagExpire != 0 {
		delete(db.expires, key)
	}
	return true
}

// add stores a new entry for a key that does not exist.
func (db *DB) add(c *Ctx, e *entry) {
	e.lru = lruClock(c.Now())
	db.dict.insert(e)
}

// setEntry stores e under its key, replacing any value; the expire time is dropped unless
// keepTTL is set and the key had one.
func (db *DB) setEntry(c *Ctx, e *entry, keepTTL bool) {
	e.lru = lruClock(c.Now())
	old := db.dict.find(e.key)
	if old == nil {
		db.dict.insert(e)
		return
	}
	if old.flags&flagExpire != 0 {
		if keepTTL {
			e.flags |= flagExpire
		} else {
			delete(db.expires, e.key)
		}
	}
	db.dict.replace(e)
}

// setExpire gives an existing key an expire time (Unix ms).
func (db *DB) setExpire(e *entry, when int64) {
	e.flags |= flagExpire
	db.expires[e.key] = when
}

// persist removes a key's expire time; it reports whether there was one.
func (db *DB) persist(e *entry) bool {
	if e.flags&flagExpire == 0 {
		return false
	}
	e.flags &^= flagExpire
	delete(db.expires, e.key)
	return true
}

// expireAt returns a key's expire time, or -1.
func (db *DB) expireAt(e *entry) int64 {
	if e.flags&flagExpire == 0 {
		return -1
	}
	return db.expires[e.key]
}

// flush empties the database.
func (db *DB) flush() {
	db.dict.clear()
	db.expires = map[string]int64{}
	db.avgTTL = 0
}
