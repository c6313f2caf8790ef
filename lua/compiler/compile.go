// Package compiler turns a Lua 5.1 syntax tree (lua/parser) into a vm.Proto, generating the same
// code as PUC Lua 5.1.5's parser and code generator: register allocation, constants, jumps,
// upvalues, line information and limits with their messages. Operands that are a register or a
// constant in Lua 5.1 (RK) are resolved at compile time into the VM's opcode variants; apart
// from that the code has PUC's shape instruction for instruction (shape_test.go compares every
// corpus program with luac5.1 -l).
//
//	chunk, err := parser.ParseOptions(src, chunkname, parser.Options{})
//	proto, err := compiler.CompileOptions(chunk, compiler.Options{Source: src})
//
// # Limits
//
// The limits PUC checks while generating code are checked here, with PUC's messages:
// "function or expression too complex" past 250 registers and "control structure too long" for
// a jump longer than 131071 instructions (PUC's 18-bit sBx; the distance is counted in PUC's
// instructions). These are luaX_syntaxerror messages that name the parser's current token
// ("near 'end'"): the compiler tracks where PUC's parser would be and, only when such an error
// is raised, finds that token by scanning Options.Source along the tree (near.go). The limits on
// local variables (200) and upvalues (60) are checked by the parser.
//
// Our FORPREP and FORLOOP have 16-bit offsets, so a numeric for whose body is longer than 32767
// instructions (and within PUC's limit) is compiled with a trampoline of three 24-bit jumps
// (see numForEnd): such a loop runs two more instructions per iteration than PUC's, which count
// hooks see; line hooks see PUC's events. Shorter loops are PUC's.
//
// Our Bx operand has 16 bits where PUC's has 18: a constant or function index past 65535 is
// put in an EXTRAARG word after LOADKX, GETGLOBALX, SETGLOBALX or CLOSUREX, up to PUC's limit
// of 262143 ("constant table overflow" past it).
package compiler

import (
	"strconv"

	"github.com/redmoon-dev/redmoon/lua/lexer"
	"github.com/redmoon-dev/redmoon/lua/parser"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// Error is a compile error: a limit of Lua 5.1 was exceeded. Its message has the form
// "chunk:line: message", as lua5.1 reports it.
type Error struct {
	Msg string
}

func (e *Error) Error() string { return e.Msg }

type compiler struct {
	chunkID  string // the chunk name for run-time messages (LUA_IDSIZE)
	syntaxID string // the chunk name for compile errors (llex.c's MAXSRC)
	lastline int    // ls->lastline: the line of the last token consumed, stamped on new code
	curline  int    // ls->linenumber, for limit errors
	mk       mark   // where PUC's parser would be (its current token), for limit errors
	fs       *funcState
	opts     Options
	main     *parser.Function
	source   string
}

// Options tells the compiler where a chunk came from.
type Options struct {
	// Source is the text the chunk was parsed from. PUC's limit errors raised while generating
	// code ("control structure too long", "function or expression too complex") name the
	// parser's current token, as in "near 'end'"; the compiler finds it in Source. Without it
	// those messages have no "near" part.
	Source []byte
	// SkipHashLine is the parser option the chunk was parsed with (a first '#' line skipped).
	SkipHashLine bool
}

type blockCnt struct {
	previous    *blockCnt
	breaklist   int
	nactvar     int
	upval       bool
	isbreakable bool
}

type upvalDesc struct {
	k    expKind
	info int
}

type funcState struct {
	f          *vm.Proto
	h          map[constKey]int
	prev       *funcState
	c          *compiler
	bl         *blockCnt
	lasttarget int
	jpc        int
	freereg    int
	nactvar    int
	upvalues   []upvalDesc
	actvar     []int // indices into f.LocVars of the active locals
	extras     []int // pcs of words PUC does not have, in order (see pucDist)
}

type bailout struct{ err *Error }

// Compile compiles a parsed chunk into its main function. Its limit errors name no token; use
// CompileOptions with the source for PUC's exact messages.
func Compile(chunk *parser.Chunk) (*vm.Proto, error) {
	return CompileOptions(chunk, Options{})
}

// CompileOptions compiles a parsed chunk into its main function. The error, if any, is an
// *Error holding PUC Lua 5.1's message.
func CompileOptions(chunk *parser.Chunk, opts Options) (p *vm.Proto, err error) {
	c := &compiler{
		chunkID:  lexer.ChunkID(chunk.Source),
		syntaxID: lexer.ChunkIDSize(chunk.Source, lexer.SyntaxIDSize),
		opts:     opts,
		main:     chunk.Main,
		source:   chunk.Source,
	}
	defer func() {
		if r := recover(); r != nil {
			if b, ok := r.(bailout); ok {
				p, err = nil, b.err
				return
			}
			panic(r)
		}
	}()
	main := chunk.Main
	fs := c.openFunc(chunk.Source)
	fs.f.IsVararg = vm.VarargIsVararg
	c.setMark(1, mark{n: main.Body})
	c.block(main.Body, false)
	c.after(main)
	c.closeFunc()
	return fs.f, nil
}

func (c *compiler) syntaxError(msg string) {
	panic(bailout{&Error{Msg: c.syntaxID + ":" + strconv.Itoa(c.curline) + ": " + msg}})
}

// runError is an error PUC raises with luaG_runerror while parsing (a vector outgrew its
// limit in luaM_growvector): its message has no position.
func (c *compiler) runError(msg string) {
	panic(bailout{&Error{Msg: msg}})
}

// nearError is a code generation limit error raised as luaX_syntaxerror: at the line of the
// parser's current token, naming it.
func (c *compiler) nearError(msg string) {
	if c.opts.Source != nil {
		text, line, has, ok := findNear(c.opts.Source, c.source, c.opts.SkipHashLine, c.main, c.mk)
		if ok {
			e := &lexer.Error{ChunkID: c.syntaxID, Line: line, Msg: msg, Near: text, HasNear: has}
			panic(bailout{&Error{Msg: e.Error()}})
		}
	}
	panic(bailout{&Error{Msg: c.syntaxID + ":" + strconv.Itoa(c.lastline) + ": " + msg}})
}

// setMark records PUC's ls->lastline and where its current token is.
func (c *compiler) setMark(line int, m mark) {
	c.lastline = line
	c.mk = m
}

// after records that the parser has just consumed n's last token.
func (c *compiler) after(n parser.Node) { c.setMark(n.Lines().LastLine, mark{n: n, after: true}) }

// before records that n's first token has just become the current token.
func (c *compiler) before(n parser.Node) { c.setMark(n.Lines().PrevLine, mark{n: n}) }

func (c *compiler) errorLimit(fs *funcState, limit int, what string) {
	var msg string
	if fs.f.LineDefined == 0 {
		msg = "main function has more than " + strconv.Itoa(limit) + " " + what
	} else {
		msg = "function at line " + strconv.Itoa(fs.f.LineDefined) + " has more than " + strconv.Itoa(limit) + " " + what
	}
	panic(bailout{&Error{Msg: c.syntaxID + ":" + strconv.Itoa(c.curline) + ": " + msg}})
}

func (c *compiler) openFunc(source string) *funcState {
	fs := &funcState{
		f:          &vm.Proto{Source: source, ChunkID: c.chunkID, MaxStack: 2},
		h:          make(map[constKey]int),
		prev:       c.fs,
		c:          c,
		jpc:        noJump,
		lasttarget: -1,
	}
	c.fs = fs
	return fs
}

func (c *compiler) closeFunc() {
	fs := c.fs
	c.removeVars(0)
	fs.ret(0, 0)
	fs.f.NumUpvalues = len(fs.f.Upvalues)
	c.fs = fs.prev
}

// ---- variables and scopes ----

func (c *compiler) newLocalVar(name string, n int, line int) {
	fs := c.fs
	if fs.nactvar+n+1 > maxVars {
		c.curline = line
		c.errorLimit(fs, maxVars, "local variables")
	}
	if len(fs.f.LocVars) >= maxLocVars {
		c.runError("too many local variables")
	}
	fs.f.LocVars = append(fs.f.LocVars, vm.LocVar{Name: name})
	idx := len(fs.f.LocVars) - 1
	for len(fs.actvar) <= fs.nactvar+n {
		fs.actvar = append(fs.actvar, 0)
	}
	fs.actvar[fs.nactvar+n] = idx
}

func (c *compiler) adjustLocalVars(nvars int) {
	fs := c.fs
	fs.nactvar += nvars
	for ; nvars > 0; nvars-- {
		fs.f.LocVars[fs.actvar[fs.nactvar-nvars]].StartPC = fs.pc()
	}
}

func (c *compiler) removeVars(tolevel int) {
	fs := c.fs
	for fs.nactvar > tolevel {
		fs.nactvar--
		fs.f.LocVars[fs.actvar[fs.nactvar]].EndPC = fs.pc()
	}
}

func (fs *funcState) searchVar(name string) int {
	for i := fs.nactvar - 1; i >= 0; i-- {
		if fs.f.LocVars[fs.actvar[i]].Name == name {
			return i
		}
	}
	return -1
}

func (fs *funcState) markUpval(level int) {
	bl := fs.bl
	for bl != nil && bl.nactvar > level {
		bl = bl.previous
	}
	if bl != nil {
		bl.upval = true
	}
}

func (c *compiler) indexUpvalue(fs *funcState, name string, v *expdesc) int {
	for i, u := range fs.upvalues {
		if u.k == v.k && u.info == v.info {
			return i
		}
	}
	if len(fs.upvalues)+1 > maxUpvalues {
		c.errorLimit(fs, maxUpvalues, "upvalues")
	}
	fs.f.Upvalues = append(fs.f.Upvalues, name)
	fs.upvalues = append(fs.upvalues, upvalDesc{k: v.k, info: v.info})
	return len(fs.upvalues) - 1
}

func (c *compiler) singleVarAux(fs *funcState, name string, v *expdesc, base bool) expKind {
	if fs == nil {
		*v = expdesc{k: vGLOBAL, info: noReg, t: noJump, f: noJump}
		return vGLOBAL
	}
	if idx := fs.searchVar(name); idx >= 0 {
		*v = expdesc{k: vLOCAL, info: idx, t: noJump, f: noJump}
		if !base {
			fs.markUpval(idx)
		}
		return vLOCAL
	}
	if c.singleVarAux(fs.prev, name, v, false) == vGLOBAL {
		return vGLOBAL
	}
	v.info = c.indexUpvalue(fs, name, v)
	v.k = vUPVAL
	return vUPVAL
}

func (c *compiler) singleVar(n *parser.NameExpr, v *expdesc) {
	c.curline = n.NextLine
	if c.singleVarAux(c.fs, n.Name, v, true) == vGLOBAL {
		v.info = c.fs.stringK(n.Name)
	}
}

func (c *compiler) enterBlock(bl *blockCnt, breakable bool) {
	fs := c.fs
	*bl = blockCnt{breaklist: noJump, isbreakable: breakable, nactvar: fs.nactvar, previous: fs.bl}
	fs.bl = bl
}

func (c *compiler) leaveBlock() {
	fs := c.fs
	bl := fs.bl
	fs.bl = bl.previous
	c.removeVars(bl.nactvar)
	if bl.upval {
		fs.codeABC(lCLOSE, bl.nactvar, 0, 0)
	}
	fs.freereg = fs.nactvar
	fs.patchToHere(bl.breaklist)
}

// ---- statements ----

// block compiles a block in its own scope (Lua's block()); with noScope it is a chunk() inside
// a scope the caller manages.
func (c *compiler) block(b *parser.Block, scoped bool) {
	if scoped {
		var bl blockCnt
		c.enterBlock(&bl, false)
		c.chunk(b)
		c.after(b)
		c.leaveBlock()
		return
	}
	c.chunk(b)
}

func (c *compiler) chunk(b *parser.Block) {
	for _, s := range b.Stmts {
		c.statement(s)
		c.fs.freereg = c.fs.nactvar
	}
}

func (c *compiler) statement(s parser.Stmt) {
	fs := c.fs
	switch s := s.(type) {
	case *parser.IfStmt:
		c.ifStat(s)
	case *parser.WhileStmt:
		c.whileStat(s)
	case *parser.DoStmt:
		c.setMark(s.Line, mark{n: s, skip: 1})
		c.block(s.Body, true)
	case *parser.NumericForStmt:
		c.forNum(s)
	case *parser.GenericForStmt:
		c.forList(s)
	case *parser.RepeatStmt:
		c.repeatStat(s)
	case *parser.FunctionStmt:
		c.funcStat(s)
	case *parser.LocalFunctionStmt:
		c.localFunc(s)
	case *parser.LocalStmt:
		c.localStat(s)
	case *parser.ReturnStmt:
		c.retStat(s)
	case *parser.BreakStmt:
		c.setMark(s.Line, mark{n: s, skip: 1})
		c.curline = s.Line
		c.breakStat()
	case *parser.CallStmt:
		var v expdesc
		c.expr(s.Call, &v)
		*fs.getcode(&v) = vm.SetArgC(*fs.getcode(&v), 1)
	case *parser.AssignStmt:
		c.assignStat(s)
	default:
		panic("compiler: unknown statement")
	}
}

func (c *compiler) cond(e parser.Expr) int {
	var v expdesc
	c.expr(e, &v)
	if v.k == vNIL {
		v.k = vFALSE
	}
	c.after(e)
	c.fs.goIfTrue(&v)
	return v.f
}

func (c *compiler) ifStat(s *parser.IfStmt) {
	fs := c.fs
	escape := noJump
	var flist int
	for i, cl := range s.Clauses {
		if i > 0 {
			c.after(s.Clauses[i-1].Body)
			fs.concat(&escape, fs.jump())
			fs.patchToHere(flist)
		}
		flist = c.cond(cl.Cond)
		c.block(cl.Body, true)
	}
	if s.Else != nil {
		c.after(s.Clauses[len(s.Clauses)-1].Body)
		fs.concat(&escape, fs.jump())
		fs.patchToHere(flist)
		c.block(s.Else, true)
	} else {
		fs.concat(&escape, flist)
	}
	fs.patchToHere(escape)
	c.after(s)
}

func (c *compiler) whileStat(s *parser.WhileStmt) {
	fs := c.fs
	var bl blockCnt
	c.setMark(s.Line, mark{n: s, skip: 1})
	whileInit := fs.getLabel()
	condExit := c.cond(s.Cond)
	c.enterBlock(&bl, true)
	c.block(s.Body, true)
	c.after(s.Body)
	fs.patchList(fs.jump(), whileInit)
	c.after(s)
	c.leaveBlock()
	fs.patchToHere(condExit)
}

func (c *compiler) repeatStat(s *parser.RepeatStmt) {
	fs := c.fs
	repeatInit := fs.getLabel()
	var bl1, bl2 blockCnt
	c.enterBlock(&bl1, true)
	c.enterBlock(&bl2, false)
	c.setMark(s.Line, mark{n: s, skip: 1})
	c.chunk(s.Body)
	condExit := c.cond(s.Cond)
	c.after(s)
	if !bl2.upval {
		c.leaveBlock()
		fs.patchList(condExit, repeatInit)
	} else {
		c.breakStat()
		fs.patchToHere(condExit)
		c.leaveBlock()
		fs.patchList(fs.jump(), repeatInit)
	}
	c.leaveBlock()
}

func (c *compiler) breakStat() {
	fs := c.fs
	bl := fs.bl
	upval := false
	for bl != nil && !bl.isbreakable {
		upval = upval || bl.upval
		bl = bl.previous
	}
	if bl == nil {
		c.syntaxError("no loop to break near 'break'")
	}
	if upval {
		fs.codeABC(lCLOSE, bl.nactvar, 0, 0)
	}
	fs.concat(&bl.breaklist, fs.jump())
}

func (c *compiler) exp1(e parser.Expr) {
	var v expdesc
	c.expr(e, &v)
	c.after(e)
	c.fs.exp2NextReg(&v)
}

func (c *compiler) forBody(base, line, nvars int, isnum bool, doLine int, body *parser.Block) {
	fs := c.fs
	var bl blockCnt
	c.adjustLocalVars(3)
	c.setMark(doLine, mark{n: body})
	var prep int
	if isnum {
		prep = fs.codeAsBx(lFORPREP, base, 0) // fixed by numForEnd
	} else {
		prep = fs.jump()
	}
	c.enterBlock(&bl, false)
	c.adjustLocalVars(nvars)
	fs.reserveRegs(nvars)
	c.block(body, true)
	c.after(body)
	c.leaveBlock()
	if isnum {
		fs.numForEnd(base, prep, line)
		return
	}
	fs.patchToHere(prep)
	fs.codeABC(lTFORLOOP, base, 0, nvars)
	fs.fixLine(line)
	fs.patchList(fs.jump(), prep+1)
}

func (c *compiler) forNum(s *parser.NumericForStmt) {
	fs := c.fs
	var bl blockCnt
	c.enterBlock(&bl, true)
	base := fs.freereg
	nl := s.Var.NextLine
	c.newLocalVar("(for index)", 0, nl)
	c.newLocalVar("(for limit)", 1, nl)
	c.newLocalVar("(for step)", 2, nl)
	c.newLocalVar(s.Var.Name, 3, nl)
	c.exp1(s.Start)
	c.exp1(s.Limit)
	if s.Step != nil {
		c.exp1(s.Step)
	} else {
		fs.codeABx(lLOADK, fs.freereg, fs.numberK(1))
		fs.reserveRegs(1)
	}
	c.forBody(base, s.Line, 1, true, s.DoLine, s.Body)
	c.after(s)
	c.leaveBlock()
}

func (c *compiler) forList(s *parser.GenericForStmt) {
	fs := c.fs
	var bl blockCnt
	c.enterBlock(&bl, true)
	base := fs.freereg
	nl := s.Names[0].NextLine
	c.newLocalVar("(for generator)", 0, nl)
	c.newLocalVar("(for state)", 1, nl)
	c.newLocalVar("(for control)", 2, nl)
	for i, n := range s.Names {
		c.newLocalVar(n.Name, 3+i, n.NextLine)
	}
	line := s.Values[0].Lines().Line
	var e expdesc
	n := c.explist(s.Values, &e)
	c.after(s.Values[len(s.Values)-1])
	c.adjustAssign(3, n, &e)
	fs.checkStack(3)
	c.forBody(base, line, len(s.Names), false, s.DoLine, s.Body)
	c.after(s)
	c.leaveBlock()
}

// funcName evaluates the target of a function statement (Lua's funcname).
func (c *compiler) funcTarget(t parser.Expr, v *expdesc) {
	switch t := t.(type) {
	case *parser.NameExpr:
		c.singleVar(t, v)
	case *parser.FieldExpr:
		c.funcTarget(t.X, v)
		c.after(t.X)
		c.fs.exp2AnyReg(v)
		var key expdesc
		c.codeString(&key, t.Name)
		c.after(t)
		c.fs.indexed(v, &key)
	default:
		panic("compiler: bad function name")
	}
}

func (c *compiler) funcStat(s *parser.FunctionStmt) {
	var v, b expdesc
	c.funcTarget(s.Target, &v)
	c.body(s.Func, &b)
	c.after(s.Func)
	c.fs.storeVar(&v, &b)
	c.fs.fixLine(s.Line)
}

func (c *compiler) localFunc(s *parser.LocalFunctionStmt) {
	fs := c.fs
	var v, b expdesc
	c.newLocalVar(s.Name.Name, 0, s.Name.NextLine)
	v = expdesc{k: vLOCAL, info: fs.freereg, t: noJump, f: noJump}
	c.setMark(s.Name.Line, mark{n: s, skip: 3}) // local function NAME: '(' is current
	fs.reserveRegs(1)
	c.adjustLocalVars(1)
	c.body(s.Func, &b)
	c.after(s.Func)
	fs.storeVar(&v, &b)
	fs.f.LocVars[fs.actvar[fs.nactvar-1]].StartPC = fs.pc()
}

func (c *compiler) localStat(s *parser.LocalStmt) {
	for i, n := range s.Names {
		c.newLocalVar(n.Name, i, n.NextLine)
	}
	var e expdesc
	nexps := 0
	if s.Values != nil {
		nexps = c.explist(s.Values, &e)
	} else {
		e.k = vVOID
	}
	c.after(s)
	c.adjustAssign(len(s.Names), nexps, &e)
	c.adjustLocalVars(len(s.Names))
}

func (c *compiler) adjustAssign(nvars, nexps int, e *expdesc) {
	fs := c.fs
	extra := nvars - nexps
	if hasMultRet(e.k) {
		extra++
		if extra < 0 {
			extra = 0
		}
		fs.setReturns(e, extra)
		if extra > 1 {
			fs.reserveRegs(extra - 1)
		}
	} else {
		if e.k != vVOID {
			fs.exp2NextReg(e)
		}
		if extra > 0 {
			reg := fs.freereg
			fs.reserveRegs(extra)
			fs.nilK(reg, extra)
		}
	}
}

// explist evaluates a list of expressions, leaving all but the last in consecutive registers.
func (c *compiler) explist(list []parser.Expr, v *expdesc) int {
	c.expr(list[0], v)
	for _, e := range list[1:] {
		c.before(e)
		c.fs.exp2NextReg(v)
		c.expr(e, v)
	}
	return len(list)
}

type lhsAssign struct {
	prev *lhsAssign
	v    expdesc
}

func (c *compiler) assignStat(s *parser.AssignStmt) {
	var lh lhsAssign
	c.primaryTarget(s.Targets[0], &lh.v)
	c.assignment(s, &lh, 1)
}

// primaryTarget evaluates an assignment target up to its final indexing.
func (c *compiler) primaryTarget(t parser.Expr, v *expdesc) {
	switch t := t.(type) {
	case *parser.NameExpr:
		c.singleVar(t, v)
	case *parser.FieldExpr, *parser.IndexExpr:
		c.expr(t, v)
	default:
		panic("compiler: bad assignment target")
	}
}

func (c *compiler) checkConflict(lh *lhsAssign, v *expdesc) {
	fs := c.fs
	extra := fs.freereg
	conflict := false
	for ; lh != nil; lh = lh.prev {
		if lh.v.k == vINDEXED {
			if lh.v.info == v.info {
				conflict = true
				lh.v.info = extra
			}
			if lh.v.aux == v.info {
				conflict = true
				lh.v.aux = extra
			}
		}
	}
	if conflict {
		fs.codeABC(lMOVE, fs.freereg, v.info, 0)
		fs.reserveRegs(1)
	}
}

func (c *compiler) assignment(s *parser.AssignStmt, lh *lhsAssign, nvars int) {
	fs := c.fs
	var e expdesc
	if nvars < len(s.Targets) {
		nv := lhsAssign{prev: lh}
		t := s.Targets[nvars]
		c.primaryTarget(t, &nv.v)
		if nv.v.k == vLOCAL {
			c.after(t)
			c.checkConflict(lh, &nv.v)
		}
		c.assignment(s, &nv, nvars+1)
	} else {
		nexps := c.explist(s.Values, &e)
		c.after(s)
		if nexps != nvars {
			c.adjustAssign(nvars, nexps, &e)
			if nexps > nvars {
				fs.freereg -= nexps - nvars
			}
		} else {
			fs.setOneRet(&e)
			fs.storeVar(&lh.v, &e)
			return
		}
	}
	e = expdesc{k: vNONRELOC, info: fs.freereg - 1, t: noJump, f: noJump}
	fs.storeVar(&lh.v, &e)
}

func (c *compiler) retStat(s *parser.ReturnStmt) {
	fs := c.fs
	var first, nret int
	if len(s.Values) == 0 {
		first, nret = 0, 0
	} else {
		var e expdesc
		nret = c.explist(s.Values, &e)
		c.after(s)
		if hasMultRet(e.k) {
			fs.setMultRet(&e)
			if e.k == vCALL && nret == 1 {
				i := fs.getcode(&e)
				*i = *i&^0xff | uint32(vm.OpTailCall)
			}
			first = fs.nactvar
			nret = vm.MultRet
		} else if nret == 1 {
			first = fs.exp2AnyReg(&e)
		} else {
			fs.exp2NextReg(&e)
			first = fs.nactvar
		}
	}
	c.after(s)
	fs.ret(first, nret)
}

// ---- functions ----

func (c *compiler) body(fn *parser.Function, e *expdesc) {
	parent := c.fs
	fs := c.openFunc(parent.f.Source)
	fs.f.LineDefined = fn.LineDefined
	if fn.Self {
		c.newLocalVar("self", 0, fn.Line)
		c.adjustLocalVars(1)
	}
	c.parList(fn)
	c.chunk(fn.Body)
	fs.f.LastLineDefined = fn.LastLineDefined
	c.after(fn)
	c.closeFunc()
	c.pushClosure(fs, e)
}

func (c *compiler) parList(fn *parser.Function) {
	fs := c.fs
	f := fs.f
	nparams := 0
	for _, p := range fn.Params {
		c.newLocalVar(p.Name, nparams, p.NextLine)
		nparams++
	}
	if fn.IsVararg {
		line := fn.Line
		if len(fn.Params) > 0 {
			line = fn.Params[len(fn.Params)-1].NextLine
		}
		c.newLocalVar("arg", nparams, line)
		nparams++
		f.IsVararg = vm.VarargHasArg | vm.VarargNeedsArg | vm.VarargIsVararg
	}
	c.adjustLocalVars(nparams)
	f.NumParams = fs.nactvar - (f.IsVararg & vm.VarargHasArg)
	fs.reserveRegs(fs.nactvar)
}

func (c *compiler) pushClosure(child *funcState, v *expdesc) {
	fs := c.fs
	if len(fs.f.Protos) >= maxConstants {
		c.runError("constant table overflow")
	}
	fs.f.Protos = append(fs.f.Protos, child.f)
	*v = expdesc{k: vRELOCABLE, info: fs.codeABx(lCLOSURE, 0, len(fs.f.Protos)-1), t: noJump, f: noJump}
	for _, u := range child.upvalues {
		if u.k == vLOCAL {
			fs.codeABC(lMOVE, 0, u.info, 0)
		} else {
			fs.codeABC(lGETUPVAL, 0, u.info, 0)
		}
	}
}

// ---- expressions ----

func (c *compiler) codeString(e *expdesc, s string) {
	*e = expdesc{k: vK, info: c.fs.stringK(s), t: noJump, f: noJump}
}

func (c *compiler) expr(e parser.Expr, v *expdesc) {
	fs := c.fs
	switch e := e.(type) {
	case *parser.NilExpr:
		*v = expdesc{k: vNIL, t: noJump, f: noJump}
	case *parser.BoolExpr:
		k := vFALSE
		if e.Value {
			k = vTRUE
		}
		*v = expdesc{k: k, t: noJump, f: noJump}
	case *parser.NumberExpr:
		*v = expdesc{k: vKNUM, nval: e.Value, t: noJump, f: noJump}
	case *parser.StringExpr:
		c.codeString(v, e.Value)
	case *parser.VarargExpr:
		fs.f.IsVararg &^= vm.VarargNeedsArg
		c.before(e)
		*v = expdesc{k: vVARARG, info: fs.codeABC(lVARARG, 0, 1, 0), t: noJump, f: noJump}
	case *parser.TableExpr:
		c.constructor(e, v)
	case *parser.Function:
		c.body(e, v)
	case *parser.NameExpr:
		c.singleVar(e, v)
	case *parser.ParenExpr:
		c.expr(e.X, v)
		c.after(e)
		fs.dischargeVars(v)
	case *parser.FieldExpr:
		c.expr(e.X, v)
		c.after(e.X)
		fs.exp2AnyReg(v)
		var key expdesc
		c.codeString(&key, e.Name)
		c.after(e)
		fs.indexed(v, &key)
	case *parser.IndexExpr:
		c.expr(e.X, v)
		c.after(e.X)
		fs.exp2AnyReg(v)
		var key expdesc
		c.expr(e.Key, &key)
		c.after(e.Key)
		fs.exp2Val(&key)
		c.after(e)
		fs.indexed(v, &key)
	case *parser.CallExpr:
		c.expr(e.Fn, v)
		c.after(e.Fn)
		fs.exp2NextReg(v)
		c.funcArgs(e.Args, e.ArgLine, e, v)
	case *parser.MethodCallExpr:
		c.expr(e.Recv, v)
		var key expdesc
		c.setMark(e.NameLine, mark{n: e.Recv, after: true, skip: 2})
		c.codeString(&key, e.Name)
		fs.self(v, &key)
		c.funcArgs(e.Args, e.ArgLine, e, v)
	case *parser.UnaryExpr:
		c.expr(e.X, v)
		c.after(e)
		c.prefix(e.Op, v)
	case *parser.BinaryExpr:
		c.expr(e.L, v)
		c.setMark(e.OpLine, mark{n: e.L, after: true, skip: 1})
		c.infix(e.Op, v)
		var v2 expdesc
		c.expr(e.R, &v2)
		c.after(e)
		c.posfix(e.Op, v, &v2)
	default:
		panic("compiler: unknown expression")
	}
}

func (c *compiler) funcArgs(args []parser.Expr, argLine int, call parser.Expr, f *expdesc) {
	fs := c.fs
	var a expdesc
	if len(args) == 0 {
		a.k = vVOID
	} else {
		c.explist(args, &a)
		c.after(args[len(args)-1])
		fs.setMultRet(&a)
	}
	c.after(call)
	base := f.info
	var nparams int
	if hasMultRet(a.k) {
		nparams = vm.MultRet
	} else {
		if a.k != vVOID {
			fs.exp2NextReg(&a)
		}
		nparams = fs.freereg - (base + 1)
	}
	*f = expdesc{k: vCALL, info: fs.codeABC(lCALL, base, nparams+1, 2), t: noJump, f: noJump}
	fs.fixLine(argLine)
	fs.freereg = base + 1
}

func (c *compiler) prefix(op parser.UnOp, e *expdesc) {
	fs := c.fs
	e2 := expdesc{k: vKNUM, t: noJump, f: noJump}
	switch op {
	case parser.OpNeg:
		if !isNumeral(e) {
			fs.exp2AnyReg(e)
		}
		fs.codeArith(lUNM, e, &e2)
	case parser.OpNot:
		fs.codeNot(e)
	case parser.OpLen:
		fs.exp2AnyReg(e)
		fs.codeArith(lLEN, e, &e2)
	}
}

func (c *compiler) infix(op parser.BinOp, v *expdesc) {
	fs := c.fs
	switch op {
	case parser.OpAnd:
		fs.goIfTrue(v)
	case parser.OpOr:
		fs.goIfFalse(v)
	case parser.OpConcat:
		fs.exp2NextReg(v)
	case parser.OpAdd, parser.OpSub, parser.OpMul, parser.OpDiv, parser.OpMod, parser.OpPow:
		if !isNumeral(v) {
			fs.exp2RK(v)
		}
	default:
		fs.exp2RK(v)
	}
}

func (c *compiler) posfix(op parser.BinOp, e1, e2 *expdesc) {
	fs := c.fs
	switch op {
	case parser.OpAnd:
		fs.dischargeVars(e2)
		fs.concat(&e2.f, e1.f)
		*e1 = *e2
	case parser.OpOr:
		fs.dischargeVars(e2)
		fs.concat(&e2.t, e1.t)
		*e1 = *e2
	case parser.OpConcat:
		fs.exp2Val(e2)
		if e2.k == vRELOCABLE && vm.OpOf(*fs.getcode(e2)) == vm.OpConcat {
			fs.freeExp(e1)
			*fs.getcode(e2) = vm.SetArgB(*fs.getcode(e2), e1.info)
			e1.k = vRELOCABLE
			e1.info = e2.info
		} else {
			fs.exp2NextReg(e2)
			fs.codeArith(lCONCAT, e1, e2)
		}
	case parser.OpAdd:
		fs.codeArith(lADD, e1, e2)
	case parser.OpSub:
		fs.codeArith(lSUB, e1, e2)
	case parser.OpMul:
		fs.codeArith(lMUL, e1, e2)
	case parser.OpDiv:
		fs.codeArith(lDIV, e1, e2)
	case parser.OpMod:
		fs.codeArith(lMOD, e1, e2)
	case parser.OpPow:
		fs.codeArith(lPOW, e1, e2)
	case parser.OpEq:
		fs.codeComp(lEQ, 1, e1, e2)
	case parser.OpNe:
		fs.codeComp(lEQ, 0, e1, e2)
	case parser.OpLt:
		fs.codeComp(lLT, 1, e1, e2)
	case parser.OpLe:
		fs.codeComp(lLE, 1, e1, e2)
	case parser.OpGt:
		fs.codeComp(lLT, 0, e1, e2)
	case parser.OpGe:
		fs.codeComp(lLE, 0, e1, e2)
	}
}

type consControl struct {
	v       expdesc
	t       *expdesc
	nh      int
	na      int
	tostore int
}

func (c *compiler) closeListField(cc *consControl) {
	fs := c.fs
	if cc.v.k == vVOID {
		return
	}
	fs.exp2NextReg(&cc.v)
	cc.v.k = vVOID
	if cc.tostore == vm.FieldsPerFlush {
		fs.setList(cc.t.info, cc.na, cc.tostore)
		cc.tostore = 0
	}
}

func (c *compiler) lastListField(cc *consControl) {
	fs := c.fs
	if cc.tostore == 0 {
		return
	}
	if hasMultRet(cc.v.k) {
		fs.setMultRet(&cc.v)
		fs.setList(cc.t.info, cc.na, vm.MultRet)
		cc.na--
	} else {
		if cc.v.k != vVOID {
			fs.exp2NextReg(&cc.v)
		}
		fs.setList(cc.t.info, cc.na, cc.tostore)
	}
}

func (c *compiler) constructor(e *parser.TableExpr, t *expdesc) {
	fs := c.fs
	c.before(e)
	pc := fs.codeABC(lNEWTABLE, 0, 0, 0)
	cc := consControl{t: t}
	*t = expdesc{k: vRELOCABLE, info: pc, t: noJump, f: noJump}
	cc.v = expdesc{k: vVOID, t: noJump, f: noJump}
	fs.exp2NextReg(t)
	for _, fld := range e.Fields {
		c.before(fld)
		c.closeListField(&cc)
		switch fld.Kind {
		case parser.ListField:
			c.expr(fld.Value, &cc.v)
			cc.na++
			cc.tostore++
		default:
			reg := fs.freereg
			var key, val expdesc
			if fld.Kind == parser.NamedField {
				c.codeString(&key, fld.Key.(*parser.StringExpr).Value)
			} else {
				c.expr(fld.Key, &key)
				c.after(fld.Key)
				fs.exp2Val(&key)
			}
			cc.nh++
			c.setMark(fld.EqLine, mark{n: fld.Value})
			rkkey := fs.exp2RK(&key)
			c.expr(fld.Value, &val)
			c.after(fld.Value)
			fs.codeABC(lSETTABLE, cc.t.info, rkkey, fs.exp2RK(&val))
			fs.freereg = reg
		}
	}
	c.after(e)
	c.lastListField(&cc)
	code := &fs.f.Code[pc]
	*code = vm.SetArgB(*code, vm.Int2FB(uint(cc.na)))
	*code = vm.SetArgC(*code, vm.Int2FB(uint(cc.nh)))
}
