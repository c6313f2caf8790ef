// Package redisbridge is Redis 7.0's scripting environment on redmoon's Lua engine and keyspace:
// the sandbox scripts run in, the redis.* API, the conversion between Lua values and replies,
// the script cache, and the commands EVAL, EVALSHA, EVAL_RO, EVALSHA_RO, SCRIPT, FUNCTION, FCALL
// and FCALL_RO, with script flags, busy scripts and SCRIPT KILL. It is the only place where Lua
// meets the keyspace; what a script sees, replies and does to the data is what a Redis 7.0.15
// server gives (the conformance corpus in conformance/redis checks it against one).
//
// # Commands
//
// The scripting commands are handlers of the keyspace's command table, registered when this
// package is linked: whoever dispatches commands through the table (keyspace.Dispatch, the RESP
// server) runs them. A command finds the bridge of its context's keyspace with For, which
// creates one with the default options the first time; New attaches one with chosen options.
//
//	ks := keyspace.New()
//	b := redisbridge.New(ks, redisbridge.Options{})
//	ks.Lock()
//	keyspace.Dispatch(ctx, []string{"EVAL", "return redis.call('GET', KEYS[1])", "1", "k"}, sink)
//	ks.Unlock()
//
// A script runs on the goroutine of its command, holding the keyspace lock from start to end:
// scripts are atomic as in Redis.
//
// # The embedded API
//
// Programs without a server use Do, Eval, EvalRO, EvalSha, FCall, FCallRO, ScriptLoad and
// FunctionLoad. They take the lock themselves and return the reply as a Reply tree (Value gives
// plain Go values) and an error reply as a *ReplyError. Cancelling the context of a call acts as
// SCRIPT KILL: a script that has not written yet stops and the error unwraps to ctx.Err(); a
// script that has written runs to its end, as Redis refuses to kill it.
//
//	rep, err := b.Eval(ctx, "return redis.call('INCR', KEYS[1])", []string{"counter"}, nil)
//
// # Busy scripts, SCRIPT KILL and the server
//
// A server must not make every connection wait for the lock a long script holds. Before taking
// the lock for a command, a server calls BusyError (safe without the lock, two atomic loads when
// nothing runs). When it returns a BUSY text, the script has run longer than the busy threshold
// (busy-reply-threshold / lua-time-limit, see SetBusyThreshold): the server answers that text
// to every command outside Redis's allow-busy set (AUTH, DISCARD, FUNCTION KILL, FUNCTION
// STATS, HELLO, MULTI, QUIT, REPLCONF, RESET, SCRIPT KILL, SHUTDOWN NOSAVE, UNWATCH, WATCH),
// answers SCRIPT KILL with Kill(false), FUNCTION KILL with Kill(true) and FUNCTION STATS with
// FunctionStats (all three safe without the lock), and handles SHUTDOWN NOSAVE itself. Kill
// marks the run killed and raises the Lua VM's interrupt flag; the script then fails at its
// next check (calls and loop iterations) with "ERR Script killed by user with SCRIPT KILL...",
// which it cannot catch. Kill refuses, with Redis's UNKILLABLE error, a script that has already
// called a write command. When no script is busy the same commands reach the handlers of the
// table under the lock (SCRIPT KILL then answers NOTBUSY). Running reports the running script.
// A command that arrived before the script became busy and is waiting for the lock should not
// wait for the script's end: Redis answers it BUSY at the threshold. BusySignal gives a channel
// closed when the running script becomes busy or ends, so a server can wait for the lock only
// until then and check BusyError again.
//
// # The sandbox
//
// EVAL scripts run in one Lua state, functions in another; both have Redis's globals (base,
// table, string, math with Redis's random generator, and the bundled cjson, struct, cmsgpack and
// bit), no print, os, io, debug, require, loadfile, dofile, getfenv, setfenv or newproxy, a
// read-only global table and library tables ("Attempt to modify a readonly table"), the
// nonexistent-global error, loadstring refusing bytecode, Redis's pcall, and the redis table of
// the context. The global table is built by the sequence of stores Redis's initialization makes
// (the names its allow list refuses, such as print and loadfile, still get a node, and debug is
// dropped before the error handler is defined), so pairs(_G), and anything a script builds from
// it, comes out in 7.0's order. SCRIPT FLUSH recreates the EVAL state. Compiled scripts are cached by the SHA1 of
// their body. Options add an instruction cap and a memory cap for embedders (Redis has neither)
// and the `server` alias of `redis` that Valkey 8 defines.
//
// # Differences from Redis
//
// No Lua debugger: SCRIPT DEBUG YES and SYNC answer an error (7.0 answers OK and starts a
// debugging session on the next EVAL); inside MULTI every form answers 7.0's "must be called
// outside a pipeline". A script raising an error table whose err field is missing or not a
// string crashes redis-server 7.0 (a NULL message); here the caller gets "ERR unknown error".
// No replication or persistence: redis.set_repl validates its argument and does nothing else.
// No ACL users: redis.acl_check_cmd answers true for any known command. No maxmemory, replica or
// cluster states, so the flags allow-oom, allow-stale, no-cluster and allow-cross-slot-keys are
// parsed, listed and otherwise without effect. FUNCTION DUMP writes the libraries' code
// uncompressed (Redis compresses long code with LZF): the payload restores on Redis, and Redis's
// payloads restore here. The order of FUNCTION LIST is the creation order (Redis's is a hash
// order, random from one server start to the next).
package redisbridge
