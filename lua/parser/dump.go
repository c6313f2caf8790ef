package parser

import (
	"strconv"
	"strings"
)

// Dump returns a one-line S-expression of a node, for tests and debugging, e.g.
// (local (x) ((+ 1 (* 2 3)))). Strings are quoted with Go syntax, numbers printed exactly.
func Dump(n Node) string {
	var b strings.Builder
	dump(&b, n)
	return b.String()
}

func dumpList[T Node](b *strings.Builder, list []T) {
	b.WriteByte('(')
	for i, n := range list {
		if i > 0 {
			b.WriteByte(' ')
		}
		dump(b, n)
	}
	b.WriteByte(')')
}

func dump(b *strings.Builder, n Node) {
	w := b.WriteString
	switch n := n.(type) {
	case nil:
		w("<nil>")
	case *Block:
		w("(block")
		for _, s := range n.Stmts {
			w(" ")
			dump(b, s)
		}
		w(")")
	case *Ident:
		w(n.Name)
	case *NilExpr:
		w("nil")
	case *BoolExpr:
		w(strconv.FormatBool(n.Value))
	case *NumberExpr:
		w(strconv.FormatFloat(n.Value, 'g', -1, 64))
	case *StringExpr:
		w(strconv.Quote(n.Value))
	case *VarargExpr:
		w("...")
	case *NameExpr:
		w(n.Name)
	case *FieldExpr:
		w("(. ")
		dump(b, n.X)
		w(" " + n.Name + ")")
	case *IndexExpr:
		w("([] ")
		dump(b, n.X)
		w(" ")
		dump(b, n.Key)
		w(")")
	case *CallExpr:
		w("(call ")
		dump(b, n.Fn)
		w(" ")
		dumpList(b, n.Args)
		w(")")
	case *MethodCallExpr:
		w("(method ")
		dump(b, n.Recv)
		w(" " + n.Name + " ")
		dumpList(b, n.Args)
		w(")")
	case *ParenExpr:
		w("(paren ")
		dump(b, n.X)
		w(")")
	case *TableExpr:
		w("(table")
		for _, f := range n.Fields {
			w(" ")
			dump(b, f)
		}
		w(")")
	case *TableField:
		switch n.Kind {
		case ListField:
			dump(b, n.Value)
		case NamedField:
			w("(= " + n.Key.(*StringExpr).Value + " ")
			dump(b, n.Value)
			w(")")
		case KeyedField:
			w("([]= ")
			dump(b, n.Key)
			w(" ")
			dump(b, n.Value)
			w(")")
		}
	case *Function:
		w("(function ")
		if n.Self {
			w("self ")
		}
		dumpList(b, n.Params)
		if n.IsVararg {
			w(" ...")
		}
		w(" ")
		dump(b, n.Body)
		w(")")
	case *BinaryExpr:
		w("(" + n.Op.String() + " ")
		dump(b, n.L)
		w(" ")
		dump(b, n.R)
		w(")")
	case *UnaryExpr:
		w("(" + n.Op.String() + " ")
		dump(b, n.X)
		w(")")
	case *LocalStmt:
		w("(local ")
		dumpList(b, n.Names)
		w(" ")
		dumpList(b, n.Values)
		w(")")
	case *AssignStmt:
		w("(= ")
		dumpList(b, n.Targets)
		w(" ")
		dumpList(b, n.Values)
		w(")")
	case *CallStmt:
		dump(b, n.Call)
	case *DoStmt:
		w("(do ")
		dump(b, n.Body)
		w(")")
	case *WhileStmt:
		w("(while ")
		dump(b, n.Cond)
		w(" ")
		dump(b, n.Body)
		w(")")
	case *RepeatStmt:
		w("(repeat ")
		dump(b, n.Body)
		w(" ")
		dump(b, n.Cond)
		w(")")
	case *IfStmt:
		w("(if")
		for _, c := range n.Clauses {
			w(" ")
			dump(b, c.Cond)
			w(" ")
			dump(b, c.Body)
		}
		if n.Else != nil {
			w(" else ")
			dump(b, n.Else)
		}
		w(")")
	case *NumericForStmt:
		w("(fornum " + n.Var.Name + " ")
		dump(b, n.Start)
		w(" ")
		dump(b, n.Limit)
		if n.Step != nil {
			w(" ")
			dump(b, n.Step)
		}
		w(" ")
		dump(b, n.Body)
		w(")")
	case *GenericForStmt:
		w("(forin ")
		dumpList(b, n.Names)
		w(" ")
		dumpList(b, n.Values)
		w(" ")
		dump(b, n.Body)
		w(")")
	case *FunctionStmt:
		w("(funcstat ")
		dump(b, n.Target)
		w(" ")
		dump(b, n.Func)
		w(")")
	case *LocalFunctionStmt:
		w("(localfunc " + n.Name.Name + " ")
		dump(b, n.Func)
		w(")")
	case *ReturnStmt:
		w("(return ")
		dumpList(b, n.Values)
		w(")")
	case *BreakStmt:
		w("(break)")
	default:
		w("<?>")
	}
}
