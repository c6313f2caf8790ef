package parser

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// printLua prints a chunk back as Lua source on one line, with only the parentheses the tree
// has (ParenExpr) and those the operator priorities require, so that parsing the result gives
// the same tree.
func printLua(c *Chunk) string {
	var p printer
	p.block(c.Main.Body)
	return p.String()
}

type printer struct{ strings.Builder }

func (p *printer) block(b *Block) {
	for _, s := range b.Stmts {
		p.stmt(s)
		p.WriteString("; ")
	}
}

func (p *printer) list(es []Expr) {
	for i, e := range es {
		if i > 0 {
			p.WriteString(", ")
		}
		p.expr(e)
	}
}

func (p *printer) names(ids []*Ident) {
	for i, id := range ids {
		if i > 0 {
			p.WriteString(", ")
		}
		p.WriteString(id.Name)
	}
}

func (p *printer) funcBody(f *Function) {
	p.WriteString("(")
	p.names(f.Params)
	if f.IsVararg {
		if len(f.Params) > 0 {
			p.WriteString(", ")
		}
		p.WriteString("...")
	}
	p.WriteString(") ")
	p.block(f.Body)
	p.WriteString("end")
}

func (p *printer) stmt(s Stmt) {
	switch s := s.(type) {
	case *LocalStmt:
		p.WriteString("local ")
		p.names(s.Names)
		if s.Values != nil {
			p.WriteString(" = ")
			p.list(s.Values)
		}
	case *AssignStmt:
		p.list(s.Targets)
		p.WriteString(" = ")
		p.list(s.Values)
	case *CallStmt:
		p.expr(s.Call)
	case *DoStmt:
		p.WriteString("do ")
		p.block(s.Body)
		p.WriteString("end")
	case *WhileStmt:
		p.WriteString("while ")
		p.expr(s.Cond)
		p.WriteString(" do ")
		p.block(s.Body)
		p.WriteString("end")
	case *RepeatStmt:
		p.WriteString("repeat ")
		p.block(s.Body)
		p.WriteString("until ")
		p.expr(s.Cond)
	case *IfStmt:
		for i, c := range s.Clauses {
			if i == 0 {
				p.WriteString("if ")
			} else {
				p.WriteString("elseif ")
			}
			p.expr(c.Cond)
			p.WriteString(" then ")
			p.block(c.Body)
		}
		if s.Else != nil {
			p.WriteString("else ")
			p.block(s.Else)
		}
		p.WriteString("end")
	case *NumericForStmt:
		p.WriteString("for " + s.Var.Name + " = ")
		p.expr(s.Start)
		p.WriteString(", ")
		p.expr(s.Limit)
		if s.Step != nil {
			p.WriteString(", ")
			p.expr(s.Step)
		}
		p.WriteString(" do ")
		p.block(s.Body)
		p.WriteString("end")
	case *GenericForStmt:
		p.WriteString("for ")
		p.names(s.Names)
		p.WriteString(" in ")
		p.list(s.Values)
		p.WriteString(" do ")
		p.block(s.Body)
		p.WriteString("end")
	case *FunctionStmt:
		p.WriteString("function ")
		p.funcName(s.Target, s.Func.Self)
		p.funcBody(s.Func)
	case *LocalFunctionStmt:
		p.WriteString("local function " + s.Name.Name)
		p.funcBody(s.Func)
	case *ReturnStmt:
		p.WriteString("return")
		if s.Values != nil {
			p.WriteString(" ")
			p.list(s.Values)
		}
	case *BreakStmt:
		p.WriteString("break")
	default:
		panic(fmt.Sprintf("printLua: unknown statement %T", s))
	}
}

func (p *printer) funcName(e Expr, self bool) {
	switch e := e.(type) {
	case *NameExpr:
		p.WriteString(e.Name)
	case *FieldExpr:
		p.funcName(e.X, false)
		if self {
			p.WriteString(":" + e.Name)
		} else {
			p.WriteString("." + e.Name)
		}
	default:
		panic(fmt.Sprintf("printLua: bad function name %T", e))
	}
}

func quoteLua(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 32 || c == '\\' || c == '"' || c >= 127 {
			fmt.Fprintf(&b, "\\%03d", c)
		} else {
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func numberLua(v float64) string {
	if math.IsInf(v, 1) {
		return "1e999"
	}
	return strconv.FormatFloat(v, 'g', 17, 64)
}

// operand prints e, in parentheses when needed.
func (p *printer) operand(e Expr, paren bool) {
	if paren {
		p.WriteString("(")
		p.expr(e)
		p.WriteString(")")
		return
	}
	p.expr(e)
}

// leftNeedsParens reports whether the left operand l of op must be parenthesised: the parser
// would otherwise take op (and its right operand) into l.
func leftNeedsParens(l Expr, op BinOp) bool {
	switch l := l.(type) {
	case *BinaryExpr:
		return priority[op].left > priority[l.Op].right
	case *UnaryExpr:
		return priority[op].left > unaryPriority
	}
	return false
}

// rightNeedsParens reports whether the right operand r of op must be parenthesised.
func rightNeedsParens(r Expr, op BinOp) bool {
	if r, ok := r.(*BinaryExpr); ok {
		return priority[r.Op].left <= priority[op].right
	}
	return false
}

// prefix prints the prefix of a call or index, which must be a name, a call, an index or a
// parenthesised expression.
func (p *printer) prefix(e Expr) {
	switch e.(type) {
	case *NameExpr, *FieldExpr, *IndexExpr, *CallExpr, *MethodCallExpr, *ParenExpr:
		p.expr(e)
	default:
		panic(fmt.Sprintf("printLua: bad prefix %T", e))
	}
}

func (p *printer) expr(e Expr) {
	switch e := e.(type) {
	case *NilExpr:
		p.WriteString("nil")
	case *BoolExpr:
		p.WriteString(strconv.FormatBool(e.Value))
	case *NumberExpr:
		p.WriteString(numberLua(e.Value))
	case *StringExpr:
		p.WriteString(quoteLua(e.Value))
	case *VarargExpr:
		p.WriteString("...")
	case *NameExpr:
		p.WriteString(e.Name)
	case *FieldExpr:
		p.prefix(e.X)
		p.WriteString("." + e.Name)
	case *IndexExpr:
		p.prefix(e.X)
		p.WriteString("[")
		p.expr(e.Key)
		p.WriteString("]")
	case *CallExpr:
		p.prefix(e.Fn)
		p.WriteString("(")
		p.list(e.Args)
		p.WriteString(")")
	case *MethodCallExpr:
		p.prefix(e.Recv)
		p.WriteString(":" + e.Name + "(")
		p.list(e.Args)
		p.WriteString(")")
	case *ParenExpr:
		p.WriteString("(")
		p.expr(e.X)
		p.WriteString(")")
	case *TableExpr:
		p.WriteString("{")
		for i, f := range e.Fields {
			if i > 0 {
				p.WriteString(", ")
			}
			switch f.Kind {
			case NamedField:
				p.WriteString(f.Key.(*StringExpr).Value + " = ")
			case KeyedField:
				p.WriteString("[")
				p.expr(f.Key)
				p.WriteString("] = ")
			}
			p.expr(f.Value)
		}
		p.WriteString("}")
	case *Function:
		p.WriteString("function")
		p.funcBody(e)
	case *BinaryExpr:
		p.operand(e.L, leftNeedsParens(e.L, e.Op))
		p.WriteString(" " + e.Op.String() + " ")
		p.operand(e.R, rightNeedsParens(e.R, e.Op))
	case *UnaryExpr:
		p.WriteString(e.Op.String() + " ")
		b, ok := e.X.(*BinaryExpr)
		p.operand(e.X, ok && priority[b.Op].left <= unaryPriority)
	default:
		panic(fmt.Sprintf("printLua: unknown expression %T", e))
	}
}
