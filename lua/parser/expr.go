package parser

import "github.com/redmoon-dev/redmoon/lua/lexer"

// Operator priorities of lparser.c: left and right binding power of each BinOp.
var priority = [...]struct{ left, right uint8 }{
	{6, 6}, {6, 6}, {7, 7}, {7, 7}, {7, 7}, // + - * / %
	{10, 9}, {5, 4}, // ^ .. (right associative)
	{3, 3}, {3, 3}, // ~= ==
	{3, 3}, {3, 3}, {3, 3}, {3, 3}, // < <= > >=
	{2, 2}, {1, 1}, // and or
}

// unaryPriority is UNARY_PRIORITY.
const unaryPriority = 8

const noBinOp BinOp = 255

func binOp(t lexer.Token) BinOp {
	switch t {
	case '+':
		return OpAdd
	case '-':
		return OpSub
	case '*':
		return OpMul
	case '/':
		return OpDiv
	case '%':
		return OpMod
	case '^':
		return OpPow
	case lexer.Concat:
		return OpConcat
	case lexer.Ne:
		return OpNe
	case lexer.Eq:
		return OpEq
	case '<':
		return OpLt
	case lexer.Le:
		return OpLe
	case '>':
		return OpGt
	case lexer.Ge:
		return OpGe
	case lexer.And:
		return OpAnd
	case lexer.Or:
		return OpOr
	}
	return noBinOp
}

func (p *parser) expr() Expr {
	e, _ := p.subExpr(0)
	return e
}

// subExpr parses an expression whose binary operators bind tighter than limit, and returns it
// with the first operator it did not take (subexpr in lparser.c).
func (p *parser) subExpr(limit uint8) (Expr, BinOp) {
	p.enterLevel()
	var e Expr
	var uop UnOp
	isUnary := true
	switch p.t.Tok {
	case lexer.Not:
		uop = OpNot
	case '-':
		uop = OpNeg
	case '#':
		uop = OpLen
	default:
		isUnary = false
	}
	if isUnary {
		u := p.a.unops.new()
		u.Span, u.Op = p.open(), uop
		p.next()
		u.X, _ = p.subExpr(unaryPriority)
		u.LastLine = p.lastline
		e = u
	} else {
		e = p.simpleExp()
	}
	op := binOp(p.t.Tok)
	for op != noBinOp && priority[op].left > limit {
		b := p.a.binops.new()
		b.Op, b.L = op, e
		sp := e.Lines()
		b.Line, b.PrevLine = sp.Line, sp.PrevLine
		p.next()
		b.OpLine = p.lastline
		var next BinOp
		b.R, next = p.subExpr(priority[op].right)
		b.LastLine = p.lastline
		e = b
		op = next
	}
	p.leaveLevel()
	return e, op
}

func (p *parser) simpleExp() Expr {
	sp := p.open()
	var e Expr
	switch p.t.Tok {
	case lexer.Number:
		n := p.a.nums.new()
		n.Span, n.Value = sp, p.t.Num
		e = n
	case lexer.String:
		n := p.a.strs.new()
		n.Span, n.Value = sp, p.t.Str
		e = n
	case lexer.Nil:
		n := p.a.nils.new()
		n.Span = sp
		e = n
	case lexer.True, lexer.False:
		n := p.a.bools.new()
		n.Span, n.Value = sp, p.t.Tok == lexer.True
		e = n
	case lexer.Dots:
		if !p.fs.vararg {
			p.syntaxError("cannot use '...' outside a vararg function")
		}
		e = &VarargExpr{Span: sp}
	case '{':
		return p.constructor()
	case lexer.Function:
		p.next()
		return p.body(sp, false, p.lx.Line())
	default:
		return p.primaryExp()
	}
	p.next()
	e.Lines().LastLine = p.lastline
	return e
}

func (p *parser) nameExpr() *NameExpr {
	p.check(lexer.Name)
	n := p.a.names.new()
	n.Span, n.Name = p.open(), p.t.Str
	p.next()
	n.LastLine = p.lastline
	n.NextLine = p.lx.Line()
	p.resolve(n.Name)
	return n
}

// field parses `.name` or `:name` after x (the method form is used by function statements).
func (p *parser) field(x Expr) *FieldExpr {
	f := p.a.fields.new()
	f.X = x
	sp := x.Lines()
	f.Line, f.PrevLine = sp.Line, sp.PrevLine
	p.next()
	p.check(lexer.Name)
	f.Name = p.t.Str
	p.next()
	f.LastLine = p.lastline
	return f
}

// primaryExp is prefixexp { '.' NAME | '[' exp ']' | ':' NAME funcargs | funcargs }.
func (p *parser) primaryExp() Expr {
	var e Expr
	switch p.t.Tok {
	case '(':
		line := p.lx.Line()
		pe := p.a.parens.new()
		pe.Span = p.open()
		p.next()
		pe.X = p.expr()
		p.checkMatch(')', '(', line)
		pe.LastLine = p.lastline
		e = pe
	case lexer.Name:
		e = p.nameExpr()
	default:
		p.syntaxError("unexpected symbol")
	}
	for {
		switch p.t.Tok {
		case '.':
			e = p.field(e)
		case '[':
			ix := p.a.indexes.new()
			ix.X = e
			sp := e.Lines()
			ix.Line, ix.PrevLine = sp.Line, sp.PrevLine
			p.next()
			ix.Key = p.expr()
			p.checkNext(']')
			ix.LastLine = p.lastline
			e = ix
		case ':':
			m := p.a.methods.new()
			m.Recv = e
			sp := e.Lines()
			m.Line, m.PrevLine = sp.Line, sp.PrevLine
			p.next()
			p.check(lexer.Name)
			m.Name = p.t.Str
			p.next()
			m.NameLine = p.lastline
			m.ArgLine, m.Args = p.funcArgs()
			m.LastLine = p.lastline
			e = m
		case '(', lexer.String, '{':
			c := p.a.calls.new()
			c.Fn = e
			sp := e.Lines()
			c.Line, c.PrevLine = sp.Line, sp.PrevLine
			c.ArgLine, c.Args = p.funcArgs()
			c.LastLine = p.lastline
			e = c
		default:
			return e
		}
	}
}

// funcArgs parses call arguments and returns the line PUC gives the call with them.
func (p *parser) funcArgs() (int, []Expr) {
	line := p.lx.Line()
	switch p.t.Tok {
	case '(':
		if line != p.lastline {
			p.syntaxError("ambiguous syntax (function call x new statement)")
		}
		p.next()
		var args []Expr
		if p.t.Tok != ')' {
			args = p.exprList()
		}
		p.checkMatch(')', '(', line)
		return line, args
	case '{':
		t := p.constructor()
		return line, p.a.exprs.copy([]Expr{t})
	case lexer.String:
		s := p.a.strs.new()
		s.Span, s.Value = p.open(), p.t.Str
		p.next()
		s.LastLine = p.lastline
		return line, p.a.exprs.copy([]Expr{s})
	}
	p.syntaxError("function arguments expected")
	return 0, nil
}

func (p *parser) exprList() []Expr {
	base := len(p.a.exprStack)
	e := p.expr()
	p.a.exprStack = append(p.a.exprStack, e)
	for p.testNext(',') {
		e := p.expr()
		p.a.exprStack = append(p.a.exprStack, e)
	}
	out := p.a.exprs.copy(p.a.exprStack[base:])
	clear(p.a.exprStack[base:])
	p.a.exprStack = p.a.exprStack[:base]
	return out
}

// constructor parses a table constructor `{ [field {sep field} [sep]] }`.
func (p *parser) constructor() *TableExpr {
	line := p.lx.Line()
	t := p.a.tables.new()
	t.Span = p.open()
	p.checkNext('{')
	base := len(p.a.fieldStack)
	for p.t.Tok != '}' {
		f := p.a.tfields.new()
		f.Span = p.open()
		switch p.t.Tok {
		case lexer.Name:
			p.lookahead()
			if p.ahead.Tok != '=' {
				f.Value = p.expr()
			} else {
				f.Kind = NamedField
				k := p.a.strs.new()
				k.Span, k.Value = p.open(), p.t.Str
				p.next()
				k.LastLine = p.lastline
				f.Key = k
				p.recFieldValue(f)
			}
		case '[':
			f.Kind = KeyedField
			p.next()
			f.Key = p.expr()
			p.checkNext(']')
			p.recFieldValue(f)
		default:
			f.Value = p.expr()
		}
		f.LastLine = p.lastline
		p.a.fieldStack = append(p.a.fieldStack, f)
		if !p.testNext(',') && !p.testNext(';') {
			break
		}
	}
	t.Fields = p.a.fieldsA.copy(p.a.fieldStack[base:])
	clear(p.a.fieldStack[base:])
	p.a.fieldStack = p.a.fieldStack[:base]
	p.checkMatch('}', '{', line)
	t.LastLine = p.lastline
	return t
}

func (p *parser) recFieldValue(f *TableField) {
	p.checkNext('=')
	f.EqLine = p.lastline
	f.Value = p.expr()
}

// body parses a function body `(params) block end`; sp is the Span opened at its first token
// and line is PUC's linedefined.
func (p *parser) body(sp Span, self bool, line int) *Function {
	f := p.a.funcs.new()
	f.Span, f.LineDefined, f.Self = sp, line, self
	p.openFunc(line)
	p.checkNext('(')
	if self {
		p.checkNewLocal(0)
		p.activate("self")
	}
	if p.t.Tok != ')' {
		base := len(p.a.identStack)
		for {
			if p.t.Tok == lexer.Name {
				id := p.strCheckName()
				p.checkNewLocal(len(p.a.identStack) - base)
				p.a.identStack = append(p.a.identStack, id)
			} else if p.t.Tok == lexer.Dots {
				p.next()
				p.checkNewLocal(len(p.a.identStack) - base) // the implicit "arg"
				f.IsVararg = true
			} else {
				p.syntaxError("<name> or '...' expected")
			}
			if f.IsVararg || !p.testNext(',') {
				break
			}
		}
		f.Params = p.a.identsA.copy(p.a.identStack[base:])
		clear(p.a.identStack[base:])
		p.a.identStack = p.a.identStack[:base]
	}
	for _, id := range f.Params {
		p.activate(id.Name)
	}
	if f.IsVararg {
		p.activate("arg") // LUA_COMPAT_VARARG
	}
	p.fs.vararg = f.IsVararg
	p.checkNext(')')
	f.Body = p.block()
	f.LastLineDefined = p.lx.Line()
	p.checkMatch(lexer.End, lexer.Function, line)
	f.LastLine = p.lastline
	p.closeFunc()
	return f
}
