package parser

// Allocation. A parse creates millions of small nodes for a large source; allocating them one
// by one dominates the parser's cost. Nodes are therefore carved out of typed slabs, and the
// slices of the tree (statements, expression lists, names, fields) are cut at their exact size
// from shared backing arrays after being collected on a scratch stack. The whole tree lives
// as long as any of its nodes, which is how a syntax tree is used anyway.

// slab hands out pointers to the elements of successive arrays of T, which grow from 8 to 256
// elements so that small chunks (the usual Redis script) stay cheap.
type slab[T any] struct {
	free []T
	size int
}

func (s *slab[T]) new() *T {
	if len(s.free) == 0 {
		switch {
		case s.size == 0:
			s.size = 8
		case s.size < 256:
			s.size *= 2
		}
		s.free = make([]T, s.size)
	}
	p := &s.free[0]
	s.free = s.free[1:]
	return p
}

// arena cuts exact-size slices from shared backing arrays.
type arena[T any] struct {
	free []T
	size int
}

func (a *arena[T]) copy(src []T) []T {
	n := len(src)
	if n == 0 {
		return nil
	}
	if n > len(a.free) {
		if n > 256 {
			out := make([]T, n)
			copy(out, src)
			return out
		}
		a.size = min(max(2*a.size, 16), 1024)
		if n > a.size {
			a.size = n
		}
		a.free = make([]T, a.size)
	}
	out := a.free[:n:n]
	a.free = a.free[n:]
	copy(out, src)
	return out
}

// allocs holds the slabs and arenas of one parse.
type allocs struct {
	names   slab[NameExpr]
	strs    slab[StringExpr]
	nums    slab[NumberExpr]
	fields  slab[FieldExpr]
	indexes slab[IndexExpr]
	calls   slab[CallExpr]
	methods slab[MethodCallExpr]
	binops  slab[BinaryExpr]
	unops   slab[UnaryExpr]
	idents  slab[Ident]
	tfields slab[TableField]
	tables  slab[TableExpr]
	blocks  slab[Block]
	locals  slab[LocalStmt]
	assigns slab[AssignStmt]
	cstmts  slab[CallStmt]
	ifs     slab[IfStmt]
	clauses slab[IfClause]
	funcs   slab[Function]
	rets    slab[ReturnStmt]
	nils    slab[NilExpr]
	bools   slab[BoolExpr]
	parens  slab[ParenExpr]

	exprs   arena[Expr]
	stmts   arena[Stmt]
	identsA arena[*Ident]
	fieldsA arena[*TableField]
	clauseA arena[*IfClause]

	// Scratch stacks: a list under construction occupies the top of its stack; nested lists
	// push above it and are popped before the outer list is cut.
	exprStack  []Expr
	stmtStack  []Stmt
	identStack []*Ident
	fieldStack []*TableField
}
