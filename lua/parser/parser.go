// Package parser parses Lua 5.1 source into the syntax tree of ast.go, accepting exactly what
// PUC Lua 5.1.5 accepts and rejecting the rest with PUC's error messages, byte for byte:
//
//	chunk, err := parser.Parse([]byte("x = "), "x = ")
//	// err.Error() == `[string "x = "]:1: unexpected symbol near '<eof>'`
//
// The chunk name follows lua_load's convention: "=name" for a name shown as is (such as
// "=stdin"), "@file.lua" for a file, and anything else is the source text itself, shown as
// [string "..."] (what loadstring passes). Errors are *Error values (that is, *lexer.Error).
//
// The parser follows lparser.c's structure, so it reports each error at the same token and
// line, and it counts nesting levels as PUC does (LUAI_MAXCCALLS, 200): deep inputs fail with
// "chunk has too many syntax levels", never with a Go stack overflow. It also checks the two
// limits PUC checks while parsing (200 active local variables and 60 upvalues per function),
// so that they are reported in PUC's order relative to syntax errors. The limits PUC checks
// while generating code (registers, jump sizes, constants) are the compiler's.
//
// Performance is in README.md beside this file.
package parser

import (
	"github.com/redmoon-dev/redmoon/lua/lexer"
)

// Error is the syntax error Parse returns; its Error text is PUC Lua's message.
type Error = lexer.Error

// MaxCCalls is LUAI_MAXCCALLS: the nesting limit shared by C calls and syntax levels.
const MaxCCalls = 200

// Options change how a source is parsed.
type Options struct {
	// SkipHashLine skips a first line that starts with '#', as loading a file does
	// (luaL_loadfile, the lua5.1 and luac5.1 binaries). Strings never skip it.
	SkipHashLine bool
	// CCalls is PUC's L->nCcalls when lua_load starts: nesting levels already used by C
	// calls. It lowers the syntax nesting limit. It is 0 for a host calling lua_load directly
	// (Redis's EVAL, for instance), 1 for luac5.1 and for a file run by lua5.1, and 2 for
	// loadstring called from the main chunk of lua5.1 (each C boundary crossed adds one).
	CCalls int
}

// Parse parses a chunk with default Options (a string: no '#' line skipped, CCalls 0).
// chunkname is lua_load's chunk name; see the package comment.
func Parse(src []byte, chunkname string) (*Chunk, error) {
	return ParseOptions(src, chunkname, Options{})
}

// ParseFile parses the contents of a file as luaL_loadfile does: a first line starting with
// '#' is skipped and the chunk name is "@" + filename.
func ParseFile(src []byte, filename string) (*Chunk, error) {
	return ParseOptions(src, "@"+filename, Options{SkipHashLine: true})
}

// ParseOptions parses a chunk with explicit options. The error, if any, is a *lexer.Error.
func ParseOptions(src []byte, chunkname string, opts Options) (chunk *Chunk, err error) {
	p := &parser{ccalls: opts.CCalls}
	p.lx = lexer.New(src, chunkname, lexer.Options{SkipHashLine: opts.SkipHashLine})
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			chunk, err = nil, b.err
		}
	}()
	return p.parseChunk(chunkname), nil
}

// bailout carries a syntax error up the recursive descent to ParseOptions.
type bailout struct{ err *lexer.Error }

// funcState is what the parser tracks per function being parsed.
type funcState struct {
	prev        *funcState
	vararg      bool
	loops       int // enclosing loops inside this function (for break)
	lineDefined int
	actives     []string  // active local variables, by register
	ups         []upvalue // upvalues created so far
}

type parser struct {
	lx       *lexer.Lexer
	t        lexer.Item // current token (ls->t)
	ahead    lexer.Item // ls->lookahead
	hasAhead bool
	lastline int // ls->lastline
	ccalls   int // L->nCcalls
	fs       *funcState
	a        allocs
	free     []*funcState // funcStates of finished functions, for reuse
}

// openFunc starts parsing a function nested in the current one.
func (p *parser) openFunc(lineDefined int) {
	var fs *funcState
	if n := len(p.free); n > 0 {
		fs = p.free[n-1]
		p.free = p.free[:n-1]
		*fs = funcState{actives: fs.actives[:0], ups: fs.ups[:0]}
	} else {
		fs = &funcState{}
	}
	fs.prev, fs.lineDefined = p.fs, lineDefined
	p.fs = fs
}

// closeFunc returns to the enclosing function.
func (p *parser) closeFunc() {
	fs := p.fs
	p.fs = fs.prev
	p.free = append(p.free, fs)
}

// ---- tokens ----

// next is luaX_next.
func (p *parser) next() {
	p.lastline = p.lx.Line()
	if p.hasAhead {
		p.t = p.ahead
		p.hasAhead = false
		return
	}
	if err := p.lx.Scan(&p.t); err != nil {
		panic(bailout{err.(*lexer.Error)})
	}
}

// lookahead is luaX_lookahead.
func (p *parser) lookahead() {
	if err := p.lx.Scan(&p.ahead); err != nil {
		panic(bailout{err.(*lexer.Error)})
	}
	p.hasAhead = true
}

// syntaxError is luaX_syntaxerror: msg near the current token.
func (p *parser) syntaxError(msg string) {
	panic(bailout{p.lx.Error(msg, &p.t)})
}

// lexError is luaX_lexerror without a token: msg with no "near" part.
func (p *parser) lexError(msg string) {
	panic(bailout{p.lx.Error(msg, nil)})
}

func (p *parser) errorExpected(t lexer.Token) {
	p.syntaxError("'" + t.String() + "' expected")
}

func (p *parser) testNext(t lexer.Token) bool {
	if p.t.Tok == t {
		p.next()
		return true
	}
	return false
}

func (p *parser) check(t lexer.Token) {
	if p.t.Tok != t {
		p.errorExpected(t)
	}
}

func (p *parser) checkNext(t lexer.Token) {
	p.check(t)
	p.next()
}

// checkMatch is check_match: what closes who, opened at line where.
func (p *parser) checkMatch(what, who lexer.Token, where int) {
	if !p.testNext(what) {
		if where == p.lx.Line() {
			p.errorExpected(what)
		}
		p.syntaxError("'" + what.String() + "' expected (to close '" + who.String() +
			"' at line " + itoa(where) + ")")
	}
}

// enterLevel and leaveLevel count syntax nesting in L->nCcalls, as PUC's enterlevel.
func (p *parser) enterLevel() {
	p.ccalls++
	if p.ccalls > MaxCCalls {
		p.lexError("chunk has too many syntax levels")
	}
}

func (p *parser) leaveLevel() { p.ccalls-- }

// errorLimit is errorlimit: the function fs exceeded a limit.
func (p *parser) errorLimit(fs *funcState, limit int, what string) {
	var msg string
	if fs.lineDefined == 0 {
		msg = "main function has more than " + itoa(limit) + " " + what
	} else {
		msg = "function at line " + itoa(fs.lineDefined) + " has more than " + itoa(limit) + " " + what
	}
	p.lexError(msg)
}

// open starts the Span of a node whose first token is the current one.
func (p *parser) open() Span { return Span{Line: p.t.Line, PrevLine: p.lastline} }

func blockFollow(t lexer.Token) bool {
	switch t {
	case lexer.Else, lexer.Elseif, lexer.End, lexer.Until, lexer.EOS:
		return true
	}
	return false
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// ---- chunk and blocks ----

func (p *parser) parseChunk(source string) *Chunk {
	p.lastline = 1
	p.fs = &funcState{vararg: true}
	main := p.a.funcs.new()
	main.IsVararg = true
	main.PrevLine = 1
	p.next()
	main.Line = p.t.Line
	main.Body = p.block()
	p.check(lexer.EOS)
	main.LastLine = p.lastline
	return &Chunk{Source: source, Main: main}
}

// block is PUC's chunk(): statements up to a token that ends a block.
func (p *parser) block() *Block {
	b := p.a.blocks.new()
	b.Span = p.open()
	p.enterLevel()
	base := len(p.a.stmtStack)
	for {
		if blockFollow(p.t.Tok) {
			break
		}
		s, last := p.statement()
		p.a.stmtStack = append(p.a.stmtStack, s)
		p.testNext(';')
		if last {
			break
		}
	}
	b.Stmts = p.a.stmts.copy(p.a.stmtStack[base:])
	clear(p.a.stmtStack[base:])
	p.a.stmtStack = p.a.stmtStack[:base]
	p.leaveLevel()
	b.LastLine = p.lastline
	return b
}

// strCheckName reads a name being declared.
func (p *parser) strCheckName() *Ident {
	p.check(lexer.Name)
	id := p.a.idents.new()
	id.Span, id.Name = p.open(), p.t.Str
	p.next()
	id.LastLine = p.lastline
	id.NextLine = p.lx.Line()
	return id
}
