package vm

// Proto is a compiled function: the compiler's output and the interpreter's input.
type Proto struct {
	Code      []uint32
	Constants []Value
	Protos    []*Proto
	LineInfo  []int32  // source line of each instruction
	LocVars   []LocVar // local variable names and live ranges, for debug information
	Upvalues  []string // upvalue names

	Source          string // the chunk name ("@file", "=stdin" or the source text)
	ChunkID         string // Source as error messages print it (luaO_chunkid)
	LineDefined     int
	LastLineDefined int
	NumUpvalues     int
	NumParams       int
	IsVararg        int // bit 1: has ..., bit 2: uses arg (VARARG_* of Lua 5.1)
	MaxStack        int

	khash     []uint32 // hash of each string constant, for the variant in hashRedis
	kpadded   []Value  // Constants padded to 256 entries
	prepared  bool
	hashRedis bool
}

// Vararg flags, as Lua 5.1's VARARG_*.
const (
	VarargHasArg   = 1
	VarargIsVararg = 2
	VarargNeedsArg = 4
)

// LocVar describes a local variable: its name and the pcs where it is alive.
type LocVar struct {
	Name    string
	StartPC int
	EndPC   int
}

// prepare readies p (and its children) for running in a state: string constants deduplicated
// per state and their hashes computed for the state's hash variant.
func (g *global) prepare(p *Proto) {
	if p.prepared && p.hashRedis == g.redisHash {
		return
	}
	p.hashRedis = g.redisHash
	p.khash = make([]uint32, len(p.Constants))
	for i, k := range p.Constants {
		if k.IsString() {
			s := g.intern(k.Str())
			p.Constants[i] = String(s)
			p.khash[i] = strHash(s, g.redisHash)
		}
	}
	n := len(p.Constants)
	if n < 256 {
		n = 256
	}
	p.kpadded = make([]Value, n)
	copy(p.kpadded, p.Constants)
	kh := make([]uint32, n)
	copy(kh, p.khash)
	p.khash = kh
	p.prepared = true
	for _, c := range p.Protos {
		g.prepare(c)
	}
}

// intern returns the state's canonical copy of constant s, so equal constants share data.
func (g *global) intern(s string) string {
	if c, ok := g.consts[s]; ok {
		return c
	}
	if len(g.consts) > 1<<16 {
		clear(g.consts)
	}
	g.consts[s] = s
	return s
}

// LClosure is a Lua function: a prototype with its upvalues and environment.
type LClosure struct {
	p      *Proto
	upvals []*Upval
	env    *Table
}

// Closures with few upvalues are allocated together with their upvalue array.
type (
	lclosure1 struct {
		c LClosure
		u [1]*Upval
	}
	// lclosure1u also holds room for its upvalue, used when the closure opens it (a function
	// returning a closure over its parameter allocates once, not twice). The upvalue may
	// outlive the closure: it keeps the block alive, as any interior pointer does.
	lclosure1u struct {
		c  LClosure
		u  [1]*Upval
		uv Upval
	}
	lclosure2 struct {
		c LClosure
		u [2]*Upval
	}
	lclosure4 struct {
		c LClosure
		u [4]*Upval
	}
)

// newLClosure allocates a closure of p with room for its upvalues (one allocation for up to
// four upvalues).
func newLClosure(p *Proto, env *Table) *LClosure {
	switch n := p.NumUpvalues; {
	case n == 0:
		return &LClosure{p: p, env: env}
	case n == 1:
		x := &lclosure1{c: LClosure{p: p, env: env}}
		x.c.upvals = x.u[:]
		return &x.c
	case n == 2:
		x := &lclosure2{c: LClosure{p: p, env: env}}
		x.c.upvals = x.u[:]
		return &x.c
	case n <= 4:
		x := &lclosure4{c: LClosure{p: p, env: env}}
		x.c.upvals = x.u[:n]
		return &x.c
	default:
		return &LClosure{p: p, env: env, upvals: make([]*Upval, n)}
	}
}

// Proto returns the closure's prototype.
func (c *LClosure) Proto() *Proto { return c.p }

// Upval is an upvalue: open (v points into a thread's stack) or closed (v points at closed,
// which holds the value). 32 bytes: an open upvalue's stack index is computed from v.
type Upval struct {
	v      *Value
	closed Value
	next   *Upval // next open upvalue of the same thread (lower index)
}

// GoFunction is a function written in Go. Fn sees the arguments as the stack of its frame
// (indices 1..L.GetTop()) and returns the number of results it pushed.
type GoFunction struct {
	Fn   func(L *State) int
	Name string // for tracebacks; optional
	env  *Table
	// Upvalues of a Go closure live in Fn's Go closure.
}

// NewGoFunction returns a Go function value with the given name (used in messages only).
func NewGoFunction(name string, fn func(L *State) int) *GoFunction {
	return &GoFunction{Fn: fn, Name: name}
}
