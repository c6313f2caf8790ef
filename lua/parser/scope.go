package parser

// Scope tracking. PUC's parser declares locals and resolves names while it reads the source,
// and checks two limits there: LUAI_MAXVARS active locals per function and LUAI_MAXUPVALUES
// upvalues per function. Because PUC raises these errors in the middle of parsing, an input can
// hit one of them before a later syntax error (or before the nesting limit), and PUC then
// reports the limit. The parser therefore tracks scopes exactly as lparser.c does, only to
// raise these two errors at the same point; the tree keeps plain names, and resolving them is
// still the compiler's work.

// MaxVars is LUAI_MAXVARS: active local variables per function.
const MaxVars = 200

// MaxUpvalues is LUAI_MAXUPVALUES: upvalues per function.
const MaxUpvalues = 60

// Names of PUC's hidden locals; they cannot clash with identifiers.
const (
	forIndex     = "(for index)"
	forLimit     = "(for limit)"
	forStep      = "(for step)"
	forGenerator = "(for generator)"
	forState     = "(for state)"
	forControl   = "(for control)"
)

// upvalue identifies what an upvalue captures: a local of the enclosing function (by register,
// which is its index among the active locals) or an upvalue of the enclosing function.
type upvalue struct {
	local bool
	index int
}

// checkNewLocal is new_localvar's limit check for the n-th variable (from 0) declared by the
// current statement, before the statement's variables become active.
func (p *parser) checkNewLocal(n int) {
	if len(p.fs.actives)+n+1 > MaxVars {
		p.errorLimit(p.fs, MaxVars, "local variables")
	}
}

// activate is adjustlocalvars: the names become active locals, in order.
func (p *parser) activate(names ...string) {
	p.fs.actives = append(p.fs.actives, names...)
}

// enterScope and leaveScope bracket a block: locals declared inside end with it.
func (p *parser) enterScope() int { return len(p.fs.actives) }

func (p *parser) leaveScope(mark int) { p.fs.actives = p.fs.actives[:mark] }

// resolve is singlevar: it finds what name refers to from the current function, creating the
// upvalues PUC would create and checking their limit.
func (p *parser) resolve(name string) {
	p.singleVar(p.fs, name, true)
}

const (
	varGlobal = iota
	varLocal
	varUpvalue
)

// singleVar is singlevaraux: the kind of name in fs and its index (register or upvalue).
func (p *parser) singleVar(fs *funcState, name string, base bool) (int, int) {
	if fs == nil {
		return varGlobal, 0
	}
	for i := len(fs.actives) - 1; i >= 0; i-- {
		if fs.actives[i] == name {
			return varLocal, i
		}
	}
	k, idx := p.singleVar(fs.prev, name, false)
	if k == varGlobal {
		return varGlobal, 0
	}
	u := upvalue{local: k == varLocal, index: idx}
	for i, v := range fs.ups {
		if v == u {
			return varUpvalue, i
		}
	}
	if len(fs.ups)+1 > MaxUpvalues {
		p.errorLimit(fs, MaxUpvalues, "upvalues")
	}
	fs.ups = append(fs.ups, u)
	return varUpvalue, len(fs.ups) - 1
}
