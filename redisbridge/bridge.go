package redisbridge

import (
	"sync"
	"time"

	"github.com/redmoon-dev/redmoon/keyspace"
	"github.com/redmoon-dev/redmoon/lua/stdlib"
)

// Version is the Redis version scripts see in redis.REDIS_VERSION.
const Version = "7.0.15"

// VersionNum is redis.REDIS_VERSION_NUM: the version as 0x00MMmmpp.
const VersionNum = 0x07000f

// Log levels of redis.log, as redis.LOG_DEBUG ... redis.LOG_WARNING.
const (
	LogDebug = iota
	LogVerbose
	LogNotice
	LogWarning
)

// DefaultBusyThreshold is Redis's default busy-reply-threshold (lua-time-limit).
const DefaultBusyThreshold = 5 * time.Second

// Options configures a Bridge. The zero value is Redis 7.0's behaviour.
type Options struct {
	// ServerAlias installs a global `server` that is the `redis` table, as Valkey 8 does. Off in
	// Redis mode.
	ServerAlias bool
	// BusyThreshold is busy-reply-threshold: once a script has run this long, other clients get
	// BUSY and may send SCRIPT KILL / FUNCTION KILL. Zero means DefaultBusyThreshold.
	BusyThreshold time.Duration
	// InstructionLimit caps the work of one script run (Lua calls plus loop iterations, counted
	// by the VM); past it the script fails with "ERR ... instruction limit exceeded". Zero: no
	// cap, as in Redis.
	InstructionLimit int64
	// MemoryLimit caps the bytes one script run may allocate (measured from the Go heap's
	// allocation counter, checked every few thousand VM steps); past it the script fails with
	// "ERR script memory limit exceeded". Zero: no cap, as in Redis.
	MemoryLimit int64
	// Log receives the messages of redis.log at or above LogLevel. Nil discards them.
	Log func(level int, msg string)
	// LogLevel is the server's verbosity (LogDebug .. LogWarning); the zero value is LogDebug,
	// set it to LogNotice for Redis's default.
	LogLevel int
	// Random is the generator behind math.random, shared by EVAL scripts and functions. Nil
	// means a new Redis generator (the state of a freshly started server).
	Random stdlib.RandomSource
	// RESP3 makes the embedded API (Do, Eval, FCall...) read replies as a RESP3 client does
	// (maps, sets, doubles, booleans); the default is RESP2, as redis-cli.
	RESP3 bool
}

// Bridge is the scripting engine of one keyspace: the EVAL Lua state and its script cache, the
// Functions Lua state and its libraries, and the state of the running script. Commands run with
// the keyspace lock held; the methods documented as safe without the lock (BusyError, Kill,
// Running) are for a server's other connections while a script runs.
type Bridge struct {
	ks     *keyspace.Keyspace
	opts   Options
	random stdlib.RandomSource

	eval *evalEngine
	fn   *funcEngine

	busyNanos int64 // busy threshold in nanoseconds (atomic)
	run       runState
	cur       *scriptRun // the running script (nil between runs); used on the script's goroutine
}

var (
	registryMu sync.RWMutex
	registry   = map[*keyspace.Keyspace]*Bridge{}
)

// New creates the scripting engine for ks and attaches it: the EVAL, SCRIPT, FUNCTION and FCALL
// commands of ks's command table then run on it. A previous bridge of ks is replaced.
func New(ks *keyspace.Keyspace, opts Options) *Bridge {
	b := newBridge(ks, opts)
	registryMu.Lock()
	registry[ks] = b
	registryMu.Unlock()
	return b
}

func newBridge(ks *keyspace.Keyspace, opts Options) *Bridge {
	b := &Bridge{ks: ks, opts: opts, random: opts.Random}
	if b.random == nil {
		b.random = stdlib.NewRedisRandom()
	}
	b.SetBusyThreshold(opts.BusyThreshold)
	b.eval = newEvalEngine(b)
	b.fn = newFuncEngine(b)
	return b
}

// For returns the bridge attached to ks, creating one with the default options when there is
// none (which is what a command of the table does when it first runs on a keyspace).
func For(ks *keyspace.Keyspace) *Bridge {
	registryMu.RLock()
	b := registry[ks]
	registryMu.RUnlock()
	if b != nil {
		return b
	}
	registryMu.Lock()
	defer registryMu.Unlock()
	if b = registry[ks]; b == nil {
		b = newBridge(ks, Options{})
		registry[ks] = b
	}
	return b
}

// Detach forgets ks's bridge (a later command on ks creates a fresh one).
func Detach(ks *keyspace.Keyspace) {
	registryMu.Lock()
	delete(registry, ks)
	registryMu.Unlock()
}

// Keyspace returns the keyspace the bridge runs scripts on.
func (b *Bridge) Keyspace() *keyspace.Keyspace { return b.ks }
