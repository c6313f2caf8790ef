package compiler

import (
	"github.com/redmoon-dev/redmoon/lua/lexer"
	"github.com/redmoon-dev/redmoon/lua/parser"
)

// This file finds the token PUC Lua would name in a code generation error ("control structure
// too long near 'end'", "function or expression too complex near ')'"). PUC generates code
// while it parses, so such an error names the parser's current token (ls->t) and its line. Our
// compiler runs on a finished tree, so it keeps a mark telling where the parser would be: just
// before a node's first token, or just after its last one, plus a few tokens. Only when an
// error is raised is the source scanned again, walking the tree in step with the tokens, to turn
// the mark into the token. The walk knows the token structure of every node kind; optional
// tokens (';' after a statement, the separator after a table field, the form of call
// arguments) are recognised by looking at the token itself.

// mark locates the parser's current token relative to a node: the node's first token
// (after false) or the token after its last one (after true), then skip tokens further on.
type mark struct {
	n     parser.Node
	after bool
	skip  int
}

// nearFound ends the walk when the mark is reached.
type nearFound struct {
	it   lexer.Item
	line int
}

type nearWalker struct {
	lx     *lexer.Lexer
	cur    lexer.Item
	target mark
	visit  func(n parser.Node, after bool, cur *lexer.Item) // for tests: sees every mark
}

// findNear returns the text of the token at m and the line PUC reports with it
// (ls->linenumber once that token is current); ok is false when the mark cannot be resolved.
func findNear(src []byte, source string, skipHash bool, main *parser.Function, m mark) (text string, line int, has, ok bool) {
	if m.n == nil {
		return "", 0, false, false
	}
	w := &nearWalker{lx: lexer.New(src, source, lexer.Options{SkipHashLine: skipHash}), target: m}
	var res nearFound
	func() {
		defer func() {
			if r := recover(); r != nil {
				switch r := r.(type) {
				case nearFound:
					res, ok = r, true
				case nearFail:
				default:
					panic(r)
				}
			}
		}()
		w.next()
		w.function(main, true)
	}()
	if !ok {
		return "", 0, false, false
	}
	text, has = w.lx.TokenText(&res.it)
	return text, res.line, has, true
}

// nearFail stops a walk that went out of step with the source (it should not happen).
type nearFail struct{}

func (w *nearWalker) next() {
	if w.cur.Tok == lexer.EOS && w.cur.Line != 0 {
		panic(nearFail{})
	}
	if err := w.lx.Scan(&w.cur); err != nil {
		panic(nearFail{})
	}
}

// at checks whether the walk has reached the target mark.
func (w *nearWalker) at(n parser.Node, after bool) {
	if w.visit != nil {
		w.visit(n, after, &w.cur)
	}
	if w.target.after != after || w.target.n != n {
		return
	}
	for i := 0; i < w.target.skip; i++ {
		w.next()
	}
	panic(nearFound{it: w.cur, line: w.cur.Line})
}

func (w *nearWalker) function(f *parser.Function, main bool) {
	w.at(f, false)
	if !main {
		// '(' params ')': the parameter list holds only names, commas and '...'.
		for w.cur.Tok != ')' {
			w.next()
		}
		w.next()
	}
	w.block(f.Body)
	if !main {
		w.next() // end
	}
	w.at(f, true)
}

func (w *nearWalker) block(b *parser.Block) {
	w.at(b, false)
	for _, s := range b.Stmts {
		w.stmt(s)
		if w.cur.Tok == ';' {
			w.next()
		}
	}
	w.at(b, true)
}

func (w *nearWalker) exprs(list []parser.Expr) {
	for i, e := range list {
		if i > 0 {
			w.next() // ','
		}
		w.expr(e)
	}
}

func (w *nearWalker) stmt(s parser.Stmt) {
	w.at(s, false)
	switch s := s.(type) {
	case *parser.LocalStmt:
		w.next() // local
		for i := range s.Names {
			if i > 0 {
				w.next()
			}
			w.next()
		}
		if s.Values != nil {
			w.next() // =
			w.exprs(s.Values)
		}
	case *parser.AssignStmt:
		w.exprs(s.Targets)
		w.next() // =
		w.exprs(s.Values)
	case *parser.CallStmt:
		w.expr(s.Call)
	case *parser.DoStmt:
		w.next()
		w.block(s.Body)
		w.next()
	case *parser.WhileStmt:
		w.next()
		w.expr(s.Cond)
		w.next() // do
		w.block(s.Body)
		w.next() // end
	case *parser.RepeatStmt:
		w.next()
		w.block(s.Body)
		w.next() // until
		w.expr(s.Cond)
	case *parser.IfStmt:
		for _, cl := range s.Clauses {
			w.next() // if / elseif
			w.expr(cl.Cond)
			w.next() // then
			w.block(cl.Body)
		}
		if s.Else != nil {
			w.next()
			w.block(s.Else)
		}
		w.next() // end
	case *parser.NumericForStmt:
		w.next() // for
		w.next() // name
		w.next() // =
		w.expr(s.Start)
		w.next()
		w.expr(s.Limit)
		if s.Step != nil {
			w.next()
			w.expr(s.Step)
		}
		w.next() // do
		w.block(s.Body)
		w.next() // end
	case *parser.GenericForStmt:
		w.next() // for
		for i := range s.Names {
			if i > 0 {
				w.next()
			}
			w.next()
		}
		w.next() // in
		w.exprs(s.Values)
		w.next() // do
		w.block(s.Body)
		w.next() // end
	case *parser.FunctionStmt:
		w.next() // function
		w.expr(s.Target)
		w.function(s.Func, false)
	case *parser.LocalFunctionStmt:
		w.next() // local
		w.next() // function
		w.next() // name
		w.function(s.Func, false)
	case *parser.ReturnStmt:
		w.next()
		w.exprs(s.Values)
	case *parser.BreakStmt:
		w.next()
	default:
		panic(nearFail{})
	}
	w.at(s, true)
}

func (w *nearWalker) args(args []parser.Expr) {
	if w.cur.Tok == '(' {
		w.next()
		w.exprs(args)
		w.next() // )
		return
	}
	w.exprs(args) // a string or a table constructor
}

func (w *nearWalker) expr(e parser.Expr) {
	w.at(e, false)
	switch e := e.(type) {
	case *parser.NilExpr, *parser.BoolExpr, *parser.NumberExpr, *parser.StringExpr,
		*parser.VarargExpr, *parser.NameExpr:
		w.next()
	case *parser.FieldExpr:
		w.expr(e.X)
		w.next() // '.' or ':'
		w.next() // name
	case *parser.IndexExpr:
		w.expr(e.X)
		w.next() // [
		w.expr(e.Key)
		w.next() // ]
	case *parser.CallExpr:
		w.expr(e.Fn)
		w.args(e.Args)
	case *parser.MethodCallExpr:
		w.expr(e.Recv)
		w.next() // :
		w.next() // name
		w.args(e.Args)
	case *parser.ParenExpr:
		w.next()
		w.expr(e.X)
		w.next()
	case *parser.TableExpr:
		w.next() // {
		for _, f := range e.Fields {
			w.field(f)
		}
		w.next() // }
	case *parser.Function:
		w.next() // function
		w.function(e, false)
		return // function checked its own end mark
	case *parser.UnaryExpr:
		w.next()
		w.expr(e.X)
	case *parser.BinaryExpr:
		w.expr(e.L)
		w.next()
		w.expr(e.R)
	default:
		panic(nearFail{})
	}
	w.at(e, true)
}

func (w *nearWalker) field(f *parser.TableField) {
	w.at(f, false)
	switch f.Kind {
	case parser.ListField:
		w.expr(f.Value)
	case parser.NamedField:
		w.at(f.Key, false)
		w.next() // name
		w.at(f.Key, true)
		w.next() // =
		w.expr(f.Value)
	default:
		w.next() // [
		w.expr(f.Key)
		w.next() // ]
		w.next() // =
		w.expr(f.Value)
	}
	w.at(f, true)
	if w.cur.Tok == ',' || w.cur.Tok == ';' {
		w.next()
	}
}
