package vm

import (
	"io"
	"os"
	"sync/atomic"
	"unsafe"
)

// Limits of Lua 5.1 (luaconf.h).
const (
	MaxCalls    = 20000 // LUAI_MAXCALLS
	MaxCCalls   = 200   // LUAI_MAXCCALLS
	MaxCStack   = 8000  // LUAI_MAXCSTACK
	MinStack    = 20    // LUA_MINSTACK
	basicCISize = 8
	stackSlack  = 256 // every Lua frame has 256 addressable registers above its base
)

// Options configures a new state.
type Options struct {
	// RedisStringHash selects Redis's string hash, which hashes every byte of long strings
	// (PUC Lua 5.1 samples at most 32 bytes). It changes pairs order of keys of 32 bytes or more.
	RedisStringHash bool
	// RefuseBinaryChunks makes loadstring and load reject precompiled chunks, as Redis does.
	RefuseBinaryChunks bool
	// InstructionLimit, when positive, caps the work a state may do: every call and every
	// backward jump (loop iteration) counts one unit; past the limit every check raises the error
	// "instruction limit exceeded".
	InstructionLimit int64
	// Stdout receives print's output (os.Stdout when nil).
	Stdout io.Writer
	// MaxStringSize, when positive, bounds the strings the .. operator builds: a longer result
	// raises "not enough memory" (as Lua does when an allocation fails).
	MaxStringSize int
}

// global is the state shared by a main thread and its coroutines.
type global struct {
	registry   *Table
	mainThread *State
	redisHash  bool
	refuseBin  bool
	stdout     io.Writer
	mt         [typeCount]*Table // metatables of non-table, non-userdata types
	consts     map[string]string
	tmNames    [tmCount]Value
	tmHash     [tmCount]uint32

	// interrupt machinery
	countdown   int64 // events left before the next slow check
	period      int64 // events between slow checks
	events      int64 // events counted by finished periods
	limit       int64
	maxString   int
	interrupt   atomic.Int32
	onInterrupt func(L *State)

	// compile hook (loadstring), installed by the embedding package
	Compile func(L *State, src, chunkname string) (*Proto, error)
	// Undump loads a binary chunk; installed with the dump format.
	gcCount int64
	hooks   hookState
}

// State is a Lua thread: the main thread of a Lua state or a coroutine. All threads of a state
// share its globals, registry and options. A State must be used by one goroutine at a time.
type State struct {
	g            *global
	stack        []Value
	top          int
	ci           *callInfo
	baseCI       callInfo
	nci          int // number of call infos in use above baseCI
	sizeCI       int // Lua 5.1's size_ci, for its "stack overflow" rule
	openupval    *Upval
	nCcalls      int
	baseCcalls   int
	status       threadStatus
	gt           *Table // globals of this thread
	errfunc      int    // stack index of the error handler (0 = none)
	hookMask     int
	allowHook    bool
	pendingYield int // results of a Go function that yielded
	hook         threadHook
}

type threadStatus uint8

const (
	statusOK threadStatus = iota
	statusYield
	statusDead // finished or errored
)

// callInfo is a frame record. Records are linked and reused: a call allocates nothing once the
// list has grown to the call depth.
type callInfo struct {
	fn        int // stack index of the called function
	base      int
	top       int
	savedpc   int
	nresults  int
	tailcalls int
	cl        *LClosure   // the Lua function, or nil
	gf        *GoFunction // the Go function, or nil
	entry     bool        // returning from this frame leaves the interpreter loop
	prev      *callInfo
	next      *callInfo
}

// NewState returns a new main thread with an empty global table and no libraries.
func NewState(opts Options) *State {
	g := &global{
		redisHash: opts.RedisStringHash,
		refuseBin: opts.RefuseBinaryChunks,
		stdout:    opts.Stdout,
		consts:    make(map[string]string),
		limit:     opts.InstructionLimit,
		maxString: opts.MaxStringSize,
	}
	if g.stdout == nil {
		g.stdout = os.Stdout
	}
	g.period = 1 << 14
	if g.limit > 0 && g.limit < g.period {
		g.period = g.limit
	}
	g.countdown = g.period
	for i, name := range tmNameList {
		s := g.intern(name)
		g.tmNames[i] = String(s)
		g.tmHash[i] = strHash(s, g.redisHash)
	}
	L := &State{g: g}
	L.initThread()
	g.mainThread = L
	g.registry = newTable(0, 2, g.redisHash)
	L.gt = newTable(0, 2, g.redisHash)
	return L
}

func (L *State) initThread() {
	L.stack = make([]Value, 2*stackSlack)
	L.ci = &L.baseCI
	L.baseCI.top = 1 + MinStack
	L.baseCI.base = 1
	L.baseCI.fn = 0
	L.top = 1
	L.sizeCI = basicCISize
	L.allowHook = true
}

// NewThread returns a new coroutine thread sharing L's globals.
func (L *State) NewThread() *State {
	co := &State{g: L.g, gt: L.gt}
	co.initThread()
	co.hookMask = L.hookMask
	return co
}

// MainThread returns the main thread of L's state.
func (L *State) MainThread() *State { return L.g.mainThread }

// Registry returns the registry table.
func (L *State) Registry() *Table { return L.g.registry }

// Globals returns the thread's global table.
func (L *State) Globals() *Table { return L.gt }

// SetGlobals replaces the thread's global table.
func (L *State) SetGlobals(t *Table) { L.gt = t }

// Stdout returns the writer print uses.
func (L *State) Stdout() io.Writer { return L.g.stdout }

// SetStdout sets the writer print uses.
func (L *State) SetStdout(w io.Writer) { L.g.stdout = w }

// RedisStringHash reports whether the state uses Redis's string hash.
func (L *State) RedisStringHash() bool { return L.g.redisHash }

// RefuseBinaryChunks reports whether loading precompiled chunks is refused.
func (L *State) RefuseBinaryChunks() bool { return L.g.refuseBin }

// SetRefuseBinaryChunks sets whether loading precompiled chunks is refused.
func (L *State) SetRefuseBinaryChunks(b bool) { L.g.refuseBin = b }

// TypeMetatable returns the metatable shared by all values of type t (string, number, ...).
func (L *State) TypeMetatable(t Type) *Table { return L.g.mt[t] }

// SetTypeMetatable sets the metatable shared by all values of type t.
func (L *State) SetTypeMetatable(t Type, mt *Table) { L.g.mt[t] = mt }

// NewTable returns a new table with room for narr array items and nhash other keys.
func (L *State) NewTable(narr, nhash int) *Table { return newTable(narr, nhash, L.g.redisHash) }

// growStack makes room for n more values above L.top (and the register slack).
func (L *State) growStack(n int) {
	need := L.top + n + stackSlack
	if need <= len(L.stack) {
		return
	}
	size := 2 * len(L.stack)
	if size < need {
		size = need
	}
	ns := make([]Value, size)
	// The whole old stack: ensure may raise L.top past its end before growing.
	copy(ns, L.stack)
	old := L.stack
	L.stack = ns
	for uv := L.openupval; uv != nil; uv = uv.next {
		idx := (uintptr(unsafe.Pointer(uv.v)) - uintptr(unsafe.Pointer(&old[0]))) / unsafe.Sizeof(Value{})
		uv.v = &ns[idx]
	}
}

// ensure makes sure the stack reaches index n (exclusive) plus the register slack.
func (L *State) ensure(n int) {
	if n+stackSlack > len(L.stack) {
		save := L.top
		if L.top < n {
			L.top = n
		}
		L.growStack(0)
		L.top = save
	}
}

// pushCI returns a fresh call record above the current one.
func (L *State) pushCI() *callInfo {
	if L.nci+1 >= L.sizeCI {
		L.growCI()
	}
	ci := L.ci.next
	if ci == nil {
		ci = &callInfo{prev: L.ci}
		L.ci.next = ci
	}
	L.nci++
	L.ci = ci
	ci.tailcalls = 0
	ci.entry = false
	return ci
}

// growCI replicates Lua 5.1's growCI: the call-info array doubles; past LUAI_MAXCALLS the call
// raises "stack overflow" (and an overflow while handling one is an error in error handling).
func (L *State) growCI() {
	if L.sizeCI > MaxCalls {
		L.throwStatus(errErr)
	}
	L.sizeCI *= 2
	if L.sizeCI > MaxCalls {
		L.RunError("stack overflow")
	}
}

// restoreStackLimit is Lua 5.1's restore_stack_limit, run after a protected call fails.
func (L *State) restoreStackLimit() {
	if L.sizeCI > MaxCalls {
		if L.nci+1 < MaxCalls {
			L.sizeCI = MaxCalls
		}
	}
}

// Status names, as coroutine.status returns them.
const (
	StatusSuspended = "suspended"
	StatusRunning   = "running"
	StatusNormal    = "normal"
	StatusDead      = "dead"
)
