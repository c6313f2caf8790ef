// Package keyspace is redmoon's Redis data model: numbered databases of binary-safe keys, values
// stored as immutable Go strings (shared with Lua without copying) or type-specific structures,
// millisecond expiry (lazy on access, active by sampling), a controllable clock, change hooks,
// and the Redis 7.0 command table with each command's implementation.
//
// It knows nothing of Lua or of the network: a command is a Go function taking its arguments as
// []string and writing one reply to a Reply sink. The RESP server's sink writes protocol bytes,
// the script bridge's sink builds Lua values, the conformance harness's sink builds reply trees.
//
// # Running commands
//
//	ks := keyspace.New()
//	c := ks.NewCtx()          // one per connection (or per script run)
//	ks.Lock()                 // commands run one at a time: hold the lock around a command,
//	keyspace.Dispatch(c, args, sink) // or around a whole script (atomicity)
//	ks.Unlock()
//
// Dispatch looks the command up (case-insensitively, without allocating), resolves subcommands,
// checks the arity and answers Redis's exact errors for unknown commands and wrong arities. A
// caller with its own checks (the script bridge checks command flags such as noscript and write,
// and has its own error texts) uses Lookup / Command.Sub / Command.ArityOK and then Command.Call.
// Commands of the table whose Handler is nil are not implemented yet and answer as unknown.
//
// The per-call context Ctx holds the selected database (SELECT changes it), caller flags (InScript,
// InMulti) and the time: Command.Call takes one time snapshot per command, or uses Ctx.Frozen when
// it is set, which is how a script freezes "now" for its whole run as Redis 7.0 does. The clock
// (Keyspace.Clock) follows the real time until a test sets or advances it.
//
// New makes Redis's default sixteen databases; NewWithOptions(Options{Databases: n}) makes n, and
// SELECT, MOVE, SWAPDB and COPY ... DB then answer Redis's out-of-range errors beyond n-1.
//
// Expired keys are removed lazily when a command touches them, and actively by
// ActiveExpireCycle (call it periodically with the lock held, or use StartActiveExpire).
// Keyspace.Hooks observe modifications (WATCH, keyspace notifications).
//
// # Statistics
//
// The keyspace keeps the counters of INFO stats (Keyspace.Stats: keyspace_hits and
// keyspace_misses, counted for each key looked up for reading as Redis 7.0 counts them,
// expired_keys, evicted_keys) and the figures of INFO keyspace (Keyspace.DBStats: keys, expires
// and avg_ttl, Redis's running estimate that the active-expiry cycle updates from the keys it
// samples). A command that reads a key uses c.DB.lookupRead (or lookupReadNoTouch for the
// inspections that leave the access time alone: EXISTS, TYPE, TTL), which counts; lookupWrite
// and peek do not.
//
// # Values
//
// Strings are stored as Go strings and never modified in place: APPEND and SETRANGE build a new
// string, so a string handed to a caller (a Lua script, a reply buffer) stays valid for ever.
// Integer-encoded strings keep their number in a small box that INCR updates without allocating.
// OBJECT ENCODING reports int/embstr/raw exactly as 7.0 chooses them.
//
// # How to add a command family
//
//  1. Put the family in its own file (hashes.go, lists.go, ...), with the data structure's
//     algorithms in their own file if they are substantial.
//  2. Store values in an entry: typ is the Type, enc the Encoding OBJECT ENCODING reports (keep it
//     up to date as 7.0 converts encodings), val the data structure. The structure implements
//     Collection (Len, Copy) so that COPY, SORT and the generic commands handle it; SORT also
//     uses Elements when the type implements it.
//  3. Write each command as func(c *Ctx, args []string, r Reply): args[0] is the command name,
//     arity is already checked. Look keys up with c.DB.lookupRead / lookupWrite (they expire keys
//     lazily), answer ErrWrongType for another type, create keys with c.DB.add, delete with
//     c.DB.remove, and report every change with c.changed(class, event, key) (dirty counter,
//     WATCH hook, keyspace event). Parse numbers with ParseInt / ParseFloat and answer the shared
//     error texts (ErrNotInt, ErrNotFloat, ErrSyntax, ...). Write exactly one reply.
//  4. Register the handlers from an init function: register(map[string]Handler{"hget": ...}).
//     Names must exist in commands.tsv (the 7.0 table); registering twice panics.
//  5. Add case files under conformance/redis/cases, record goldens from the real server, and make
//     TestKeyspace pass. Hot-path commands get a benchmark and, where promised, a
//     testing.AllocsPerRun test.
package keyspace
