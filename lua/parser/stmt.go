package parser

import "github.com/redmoon-dev/redmoon/lua/lexer"

// statement parses one statement and reports whether it must be the last of its block
// (return and break).
func (p *parser) statement() (Stmt, bool) {
	line := p.lx.Line()
	switch p.t.Tok {
	case lexer.If:
		return p.ifStat(line), false
	case lexer.While:
		return p.whileStat(line), false
	case lexer.Do:
		s := &DoStmt{Span: p.open()}
		p.next()
		mark := p.enterScope()
		s.Body = p.block()
		p.leaveScope(mark)
		p.checkMatch(lexer.End, lexer.Do, line)
		s.LastLine = p.lastline
		return s, false
	case lexer.For:
		return p.forStat(line), false
	case lexer.Repeat:
		return p.repeatStat(line), false
	case lexer.Function:
		return p.funcStat(line), false
	case lexer.Local:
		sp := p.open()
		p.next()
		if p.testNext(lexer.Function) {
			return p.localFunc(sp), false
		}
		return p.localStat(sp), false
	case lexer.Return:
		return p.retStat(), true
	case lexer.Break:
		s := &BreakStmt{Span: p.open()}
		p.next()
		if p.fs.loops == 0 {
			p.syntaxError("no loop to break")
		}
		s.LastLine = p.lastline
		return s, true
	default:
		return p.exprStat(), false
	}
}

// testThenBlock parses `if cond then block` or `elseif cond then block`.
func (p *parser) testThenBlock() *IfClause {
	c := p.a.clauses.new()
	c.Span = p.open()
	p.next()
	c.Cond = p.expr()
	p.checkNext(lexer.Then)
	mark := p.enterScope()
	c.Body = p.block()
	p.leaveScope(mark)
	c.LastLine = p.lastline
	return c
}

func (p *parser) ifStat(line int) *IfStmt {
	s := p.a.ifs.new()
	s.Span = p.open()
	first := p.testThenBlock()
	if p.t.Tok != lexer.Elseif {
		s.Clauses = p.a.clauseA.copy([]*IfClause{first})
	} else {
		clauses := []*IfClause{first}
		for p.t.Tok == lexer.Elseif {
			clauses = append(clauses, p.testThenBlock())
		}
		s.Clauses = p.a.clauseA.copy(clauses)
	}
	if p.t.Tok == lexer.Else {
		p.next()
		mark := p.enterScope()
		s.Else = p.block()
		p.leaveScope(mark)
	}
	p.checkMatch(lexer.End, lexer.If, line)
	s.LastLine = p.lastline
	return s
}

func (p *parser) whileStat(line int) *WhileStmt {
	s := &WhileStmt{Span: p.open()}
	p.next()
	s.Cond = p.expr()
	p.fs.loops++
	p.checkNext(lexer.Do)
	mark := p.enterScope()
	s.Body = p.block()
	p.leaveScope(mark)
	p.checkMatch(lexer.End, lexer.While, line)
	p.fs.loops--
	s.LastLine = p.lastline
	return s
}

func (p *parser) repeatStat(line int) *RepeatStmt {
	s := &RepeatStmt{Span: p.open()}
	p.fs.loops++
	mark := p.enterScope()
	p.next()
	s.Body = p.block()
	p.checkMatch(lexer.Until, lexer.Repeat, line)
	s.Cond = p.expr() // inside the scope of the body's locals
	p.leaveScope(mark)
	p.fs.loops--
	s.LastLine = p.lastline
	return s
}

func (p *parser) forStat(line int) Stmt {
	sp := p.open()
	p.fs.loops++
	mark := p.enterScope()
	p.next()
	v := p.strCheckName()
	var s Stmt
	switch p.t.Tok {
	case '=':
		s = p.forNum(sp, v)
	case ',', lexer.In:
		s = p.forList(sp, v)
	default:
		p.syntaxError("'=' or 'in' expected")
	}
	p.checkMatch(lexer.End, lexer.For, line)
	p.leaveScope(mark)
	p.fs.loops--
	s.Lines().LastLine = p.lastline
	return s
}

func (p *parser) forNum(sp Span, v *Ident) *NumericForStmt {
	s := &NumericForStmt{Span: sp, Var: v}
	p.checkNewLocal(3) // (for index), (for limit), (for step) and the variable
	p.checkNext('=')
	s.Start = p.expr()
	p.checkNext(',')
	s.Limit = p.expr()
	if p.testNext(',') {
		s.Step = p.expr()
	}
	p.activate(forIndex, forLimit, forStep)
	p.checkNext(lexer.Do)
	s.DoLine = p.lastline
	mark := p.enterScope()
	p.activate(v.Name)
	s.Body = p.block()
	p.leaveScope(mark)
	return s
}

func (p *parser) forList(sp Span, v *Ident) *GenericForStmt {
	s := &GenericForStmt{Span: sp}
	p.checkNewLocal(3) // three hidden control variables and the first name
	s.Names = p.nameList(v, 4)
	p.checkNext(lexer.In)
	s.Values = p.exprList()
	p.activate(forGenerator, forState, forControl)
	p.checkNext(lexer.Do)
	s.DoLine = p.lastline
	mark := p.enterScope()
	for _, id := range s.Names {
		p.activate(id.Name)
	}
	s.Body = p.block()
	p.leaveScope(mark)
	return s
}

func (p *parser) funcStat(line int) *FunctionStmt {
	s := &FunctionStmt{Span: p.open()}
	fn := p.open()
	p.next()
	// funcname -> NAME {'.' NAME} [':' NAME]
	var target Expr = p.nameExpr()
	self := false
	for p.t.Tok == '.' {
		target = p.field(target)
	}
	if p.t.Tok == ':' {
		self = true
		target = p.field(target)
	}
	s.Target = target
	s.Func = p.body(fn, self, line)
	s.LastLine = p.lastline
	return s
}

func (p *parser) localFunc(sp Span) *LocalFunctionStmt {
	s := &LocalFunctionStmt{Span: sp}
	s.Name = p.strCheckName()
	p.checkNewLocal(0)
	p.activate(s.Name.Name)
	fn := Span{Line: sp.Line, PrevLine: sp.PrevLine}
	s.Func = p.body(fn, false, p.lx.Line())
	s.LastLine = p.lastline
	return s
}

func (p *parser) localStat(sp Span) *LocalStmt {
	s := p.a.locals.new()
	s.Span = sp
	first := p.strCheckName()
	p.checkNewLocal(0)
	s.Names = p.nameList(first, 1)
	if p.testNext('=') {
		s.Values = p.exprList()
	}
	for _, id := range s.Names {
		p.activate(id.Name)
	}
	s.LastLine = p.lastline
	return s
}

func (p *parser) retStat() *ReturnStmt {
	s := p.a.rets.new()
	s.Span = p.open()
	p.next()
	if !blockFollow(p.t.Tok) && p.t.Tok != ';' {
		s.Values = p.exprList()
	}
	s.LastLine = p.lastline
	return s
}

// exprStat is a call statement or an assignment.
func (p *parser) exprStat() Stmt {
	sp := p.open()
	e := p.primaryExp()
	switch e.(type) {
	case *CallExpr, *MethodCallExpr:
		s := p.a.cstmts.new()
		s.Span, s.Call = sp, e
		s.LastLine = p.lastline
		return s
	}
	s := p.a.assigns.new()
	s.Span = sp
	base := len(p.a.exprStack)
	p.a.exprStack = append(p.a.exprStack, e)
	for {
		if !assignable(p.a.exprStack[len(p.a.exprStack)-1]) {
			p.syntaxError("syntax error")
		}
		if !p.testNext(',') {
			break
		}
		nvars := len(p.a.exprStack) - base
		v := p.primaryExp()
		if limit := MaxCCalls - p.ccalls; nvars > limit {
			p.errorLimit(p.fs, limit, "variables in assignment")
		}
		p.a.exprStack = append(p.a.exprStack, v)
	}
	s.Targets = p.a.exprs.copy(p.a.exprStack[base:])
	clear(p.a.exprStack[base:])
	p.a.exprStack = p.a.exprStack[:base]
	p.checkNext('=')
	s.Values = p.exprList()
	s.LastLine = p.lastline
	return s
}

func assignable(e Expr) bool {
	switch e.(type) {
	case *NameExpr, *FieldExpr, *IndexExpr:
		return true
	}
	return false
}

// nameList reads `{',' NAME}` after the first name; the first new name is the n-th local
// variable the statement declares.
func (p *parser) nameList(first *Ident, n int) []*Ident {
	base := len(p.a.identStack)
	p.a.identStack = append(p.a.identStack, first)
	for p.testNext(',') {
		id := p.strCheckName()
		p.checkNewLocal(n)
		n++
		p.a.identStack = append(p.a.identStack, id)
	}
	out := p.a.identsA.copy(p.a.identStack[base:])
	clear(p.a.identStack[base:])
	p.a.identStack = p.a.identStack[:base]
	return out
}
