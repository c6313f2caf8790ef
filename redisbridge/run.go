package redisbridge

import (
	"github.com/redmoon-dev/redmoon/keyspace"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// scriptRun is the context of one script run (EVAL or FCALL): the script client's keyspace
// context (its own selected database, the caller's flags, the frozen time), the protocol the
// script chose with redis.setresp, whether writes are refused, and the reused buffers of the
// redis.call path. Each engine keeps one and reuses it for every run.
type scriptRun struct {
	L        *vm.State
	ctx      keyspace.Ctx
	name     string
	readOnly bool
	resp3    bool
	repl     int
	argv     []string
	sink     luaSink
	keys     *vm.Table // the KEYS table of the last EVAL run
	args     *vm.Table // the ARGV table of the last EVAL run
}

// runFlags are the properties of a run decided before it starts.
type runFlags struct {
	readOnly bool
	function bool
}

// execute runs fn (a compiled EVAL script or a function's callback) for a command: the caller's
// context c, its reply sink r, the command argv, the run's name (SHA1 or function name), the
// handler to decorate errors with, and keys and args, installed as the KEYS and ARGV globals (EVAL) or passed as the
// callback's two arguments (FCALL). The keyspace lock is held by the caller.
func (b *Bridge) execute(run *scriptRun, c *keyspace.Ctx, r keyspace.Reply, argv []string, name string,
	fn, handler vm.Value, keys, args []string, flags runFlags) {
	L := run.L
	var keysT, argsT *vm.Table
	if flags.function {
		// A function may keep its arguments (in an upvalue): they are always fresh tables.
		keysT, argsT = stringArray(L, nil, keys), stringArray(L, nil, args)
	} else {
		// KEYS and ARGV cannot outlive an EVAL run (the globals are read-only), so the tables
		// of the previous run are refilled when the script left them in their fresh shape.
		run.keys = stringArray(L, run.keys, keys)
		run.args = stringArray(L, run.args, args)
		keysT, argsT = run.keys, run.args
	}
	run.name = name
	run.readOnly = flags.readOnly
	run.resp3 = false
	run.repl = replAll
	run.ctx = keyspace.Ctx{KS: c.KS, DB: c.DB, Flags: c.Flags | keyspace.InScript, Frozen: c.Now()}

	L.SetTop(0)
	L.ClearInterrupt()
	L.SetCheckPeriod(defaultCheckPeriod)
	L.SetInstructionLimit(b.opts.InstructionLimit)
	b.run.memLimit = b.opts.MemoryLimit
	if b.opts.MemoryLimit > 0 {
		b.run.memBase = heapAllocs()
		L.Interrupt()
	}
	b.run.begin(L, flags.function, run.name, argv)
	b.cur = run
	nargs := 0
	L.Push(handler)
	L.Push(fn)
	if flags.function {
		L.Push(vm.TableValue(keysT))
		L.Push(vm.TableValue(argsT))
		nargs = 2
	} else {
		g := L.Globals()
		g.SetStr("KEYS", vm.TableValue(keysT))
		g.SetStr("ARGV", vm.TableValue(argsT))
	}
	ok := L.PCallK(nargs, 1)
	b.cur = nil
	b.run.end()
	L.ClearInterrupt()
	L.SetInstructionLimit(0)
	res := L.Get(2)
	if ok {
		writeReply(L, r, res, run.resp3, 2)
	} else {
		r.Error(scriptError(L, res, run.name))
	}
	L.SetTop(0)
	run.ctx = keyspace.Ctx{}
}

// defaultCheckPeriod is the VM's default number of calls and loop iterations between two
// interrupt checks.
const defaultCheckPeriod = 1 << 14

// stringArray returns a table {ss[1], ..., ss[n]} shaped as Redis builds KEYS and ARGV (an empty
// table filled key by key: an array part of seqArraySize(n) slots, no hash part). It reuses t
// when t still has that shape, so that the hot EVALSHA path allocates nothing.
func stringArray(L *vm.State, t *vm.Table, ss []string) *vm.Table {
	size := seqArraySize(len(ss))
	if t == nil || t.ArrayLen() != size || t.HashSize() != 0 || t.Metatable() != nil {
		t = L.NewTable(size, 0)
	}
	for i, s := range ss {
		t.SetInt(i+1, vm.String(s))
	}
	for i := len(ss) + 1; i <= size; i++ {
		t.SetInt(i, vm.Nil)
	}
	return t
}

// seqArraySize is the size of the array part of a Lua 5.1 table made empty and then given the
// keys 1..n in order: each rehash sizes the array to the power of two at or above the key being
// inserted, so the result is the power of two at or above n. Sizing a table so in advance gives
// the same table without the rehashes; a table sized to exactly n would differ in what # finds
// once the script makes holes in it.
func seqArraySize(n int) int {
	size := 1
	for size < n {
		size <<= 1
	}
	if n == 0 {
		return 0
	}
	return size
}
