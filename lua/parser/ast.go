package parser

// This file holds the abstract syntax tree that Parse produces and the compiler consumes.
//
// Line information. PUC Lua 5.1's code generator stamps every instruction with ls->lastline, the
// line of the last token the parser consumed when the instruction is emitted. To let a compiler
// reproduce PUC's line info byte for byte, every node carries a Span with three lines:
//
//   - Line: the line of the node's first token (for a token spanning lines, such as a long
//     string, the line where it ends, which is what PUC's ls->linenumber holds while the token
//     is current);
//   - LastLine: the value of ls->lastline right after the node's last token was consumed,
//     normally the (end) line of that token;
//   - PrevLine: the value of ls->lastline when the node's first token became current, that is
//     the line of the token just before the node.
//
// PUC emits most code after a node's last token (at LastLine). The exceptions are recorded in
// the fields that need them: BinaryExpr.OpLine (code for the left operand is emitted when the
// operator has been read), MethodCallExpr.NameLine (OP_SELF), CallExpr.ArgLine and
// MethodCallExpr.ArgLine (OP_CALL is fixed to the line where the arguments start),
// TableExpr.PrevLine (OP_NEWTABLE is emitted while '{' is still the current token),
// VarargExpr.PrevLine (OP_VARARG likewise), TableField.EqLine, the for statements' DoLine, and
// in expression lists the line of each separating ',' or ';', which is the PrevLine of the next
// element (the previous element is moved to its register when the separator has been read).
//
// One PUC quirk is kept on purpose: in a table constructor PUC reads one token ahead after a
// name to decide between `name = v` and a positional `name`, and its ls->lastline then reflects
// the token read ahead. Lines recorded here follow PUC's variables, quirks included, so
// compiling from them gives PUC's line info.
//
// Names are plain strings: whether a name is a local, an upvalue or a global is for the compiler
// to resolve. Scoping rules the compiler must follow: a `local function` name is in scope inside
// its own body; a `local` statement's names are in scope only after the statement; the `until`
// condition of a repeat loop sees the locals of the loop's block; numeric and generic for
// variables are locals of the loop body. In a vararg function PUC 5.1 (LUA_COMPAT_VARARG)
// declares an implicit local named "arg" after the fixed parameters.

// Span is the line information every node carries (see the file comment for the exact rules).
type Span struct {
	Line     int // line of the node's first token
	LastLine int // ls->lastline after the node's last token: the line of that token
	PrevLine int // ls->lastline when the node's first token became current: the line before it
}

// Lines returns the node's Span; every node type embeds Span and so implements Node.
func (s *Span) Lines() *Span { return s }

// Node is any node of the syntax tree.
type Node interface {
	Lines() *Span
}

// Expr is an expression node.
type Expr interface {
	Node
	exprNode()
}

// Stmt is a statement node.
type Stmt interface {
	Node
	stmtNode()
}

// Chunk is a parsed source: the main function of a chunk.
type Chunk struct {
	// Source is the chunk name exactly as given to Parse ("=stdin", "@file.lua", or the source
	// text itself for loadstring). It becomes the Proto's source; ChunkID formats it.
	Source string
	// Main is the chunk's main function: a vararg function without parameters, with
	// LineDefined and LastLineDefined 0. Its Body.LastLine (and its own LastLine) is the line
	// of the last token of the chunk, where PUC places the final RETURN (1 for an empty chunk).
	Main *Function
}

// Block is a sequence of statements: a chunk, or the body of a function, loop, do or if clause.
type Block struct {
	Span // Line: first token after the opener; LastLine: last token inside (or the opener)
	// Stmts are the statements in source order. A ReturnStmt or BreakStmt can only be last.
	Stmts []Stmt
}

// Ident is a name being declared: a local variable, a parameter or a loop variable.
type Ident struct {
	Span
	Name string
	// NextLine is ls->linenumber just after the name was read: the line of the following token.
	// PUC reports a "too many local variables" limit error raised by this declaration there.
	NextLine int
}

// ---- Expressions ----

// NilExpr is `nil`.
type NilExpr struct{ Span }

// BoolExpr is `true` or `false`.
type BoolExpr struct {
	Span
	Value bool
}

// NumberExpr is a numeric literal, converted as luaO_str2d does.
type NumberExpr struct {
	Span
	Value float64
}

// StringExpr is a string literal (short or long); Value holds its bytes after escape processing.
type StringExpr struct {
	Span
	Value string
}

// VarargExpr is `...`, only allowed directly inside a vararg function. PUC emits OP_VARARG
// while `...` is the current token, so its instruction line is PrevLine.
type VarargExpr struct{ Span }

// NameExpr is a reference to a variable by name (local, upvalue or global: the compiler decides).
type NameExpr struct {
	Span
	Name string
	// NextLine is ls->linenumber just after the name was read (the following token's line),
	// where PUC reports limit errors raised while resolving the name (too many upvalues).
	NextLine int
}

// FieldExpr is `X.Name`: indexing with a constant string key.
type FieldExpr struct {
	Span
	X    Expr
	Name string // the key; its line is LastLine
}

// IndexExpr is `X[Key]`.
type IndexExpr struct {
	Span
	X   Expr
	Key Expr
}

// CallExpr is a function call `Fn(Args)`, `Fn"str"`, `Fn[[str]]` or `Fn{...}`.
// For the string and table forms Args has one element.
type CallExpr struct {
	Span
	Fn   Expr
	Args []Expr
	// ArgLine is ls->linenumber when the argument list started (the line of '(' or of the
	// end of the string or '{' argument); PUC fixes the OP_CALL instruction to this line.
	ArgLine int
}

// MethodCallExpr is a method call `Recv:Name(Args)` (also with string or table argument).
type MethodCallExpr struct {
	Span
	Recv     Expr
	Name     string
	NameLine int // line of the method name; PUC emits OP_SELF there
	Args     []Expr
	ArgLine  int // as CallExpr.ArgLine
}

// ParenExpr is a parenthesised expression `(X)`. It truncates X to exactly one value and is
// never assignable.
type ParenExpr struct {
	Span
	X Expr
}

// FieldKind tells the three kinds of table constructor items apart.
type FieldKind uint8

const (
	// ListField is a positional item `v`.
	ListField FieldKind = iota
	// NamedField is `name = v`; Key is a StringExpr holding the name.
	NamedField
	// KeyedField is `[k] = v`.
	KeyedField
)

// TableField is one item of a table constructor.
type TableField struct {
	Span
	Kind  FieldKind
	Key   Expr // nil for ListField
	Value Expr
	// EqLine is the line of '=' in a NamedField or KeyedField (PUC loads the key into a
	// register, when it does not fit an RK operand, after '=' has been read); 0 for ListField.
	EqLine int
}

// TableExpr is a table constructor `{...}`. Fields are in source order. PrevLine, the line of the
// token before '{', is where PUC emits OP_NEWTABLE. A positional item is flushed when the next
// item starts, at the next field's PrevLine (the line of the separator), or at LastLine ('}').
type TableExpr struct {
	Span
	Fields []*TableField
}

// Function is a function body: a `function` expression, the body of a function statement or
// local function statement, or a chunk's main function.
type Function struct {
	Span
	// LineDefined is PUC's linedefined: the line of the `function` keyword for a function
	// statement, the line of '(' for a function expression and a local function, 0 for main.
	LineDefined int
	// LastLineDefined is the line of the closing `end` (0 for a main function). The final
	// implicit return is at LastLine, which equals it except for a main function.
	LastLineDefined int
	// Self is true for `function a.b:m()`: an implicit first parameter named "self".
	Self bool
	// Params are the named parameters in order (not including self).
	Params []*Ident
	// IsVararg is true when the parameter list ends with `...` (always true for a main function).
	IsVararg bool
	Body     *Block
}

// BinaryExpr is `L Op R`. PUC emits code for L when Op has been read (at OpLine) and the
// operation itself after R (at LastLine).
type BinaryExpr struct {
	Span
	Op     BinOp
	L, R   Expr
	OpLine int
}

// UnaryExpr is `Op X`.
type UnaryExpr struct {
	Span
	Op UnOp
	X  Expr
}

// BinOp is a binary operator, in the order of PUC's BinOpr.
type BinOp uint8

// Binary operators.
const (
	OpAdd    BinOp = iota // +
	OpSub                 // -
	OpMul                 // *
	OpDiv                 // /
	OpMod                 // %
	OpPow                 // ^
	OpConcat              // ..
	OpNe                  // ~=
	OpEq                  // ==
	OpLt                  // <
	OpLe                  // <=
	OpGt                  // >
	OpGe                  // >=
	OpAnd                 // and
	OpOr                  // or
)

var binOpNames = [...]string{"+", "-", "*", "/", "%", "^", "..", "~=", "==", "<", "<=", ">", ">=", "and", "or"}

// String returns the operator's source text.
func (op BinOp) String() string {
	if int(op) < len(binOpNames) {
		return binOpNames[op]
	}
	return "?"
}

// UnOp is a unary operator, in the order of PUC's UnOpr.
type UnOp uint8

// Unary operators.
const (
	OpNeg UnOp = iota // -
	OpNot             // not
	OpLen             // #
)

var unOpNames = [...]string{"-", "not", "#"}

// String returns the operator's source text.
func (op UnOp) String() string {
	if int(op) < len(unOpNames) {
		return unOpNames[op]
	}
	return "?"
}

// ---- Statements ----

// LocalStmt is `local Names [= Values]`.
type LocalStmt struct {
	Span
	Names  []*Ident
	Values []Expr // nil when there is no '='
}

// AssignStmt is `Targets = Values`. Each target is a NameExpr, FieldExpr or IndexExpr.
type AssignStmt struct {
	Span
	Targets []Expr
	Values  []Expr
}

// CallStmt is a function or method call used as a statement (its results are discarded).
type CallStmt struct {
	Span
	Call Expr // *CallExpr or *MethodCallExpr
}

// DoStmt is `do Body end`.
type DoStmt struct {
	Span
	Body *Block
}

// WhileStmt is `while Cond do Body end`.
type WhileStmt struct {
	Span
	Cond Expr
	Body *Block
}

// RepeatStmt is `repeat Body until Cond`; Cond is inside the scope of Body's locals.
type RepeatStmt struct {
	Span
	Body *Block
	Cond Expr
}

// IfClause is the `if Cond then Body` or `elseif Cond then Body` part of an if statement.
type IfClause struct {
	Span // from `if`/`elseif` to the end of Body
	Cond Expr
	Body *Block
}

// IfStmt is `if ... then ... {elseif ... then ...} [else ...] end`.
type IfStmt struct {
	Span
	Clauses []*IfClause // at least one: the `if` clause, then each `elseif`
	Else    *Block      // nil when there is no else part
}

// NumericForStmt is `for Var = Start, Limit [, Step] do Body end`.
type NumericForStmt struct {
	Span
	Var                *Ident
	Start, Limit, Step Expr // Step is nil when omitted (PUC loads the constant 1)
	DoLine             int  // line of `do`, where PUC emits OP_FORPREP
	Body               *Block
}

// GenericForStmt is `for Names in Values do Body end`. PUC fixes OP_TFORLOOP to the Line of
// Values[0] and the loop's first jump to DoLine.
type GenericForStmt struct {
	Span
	Names  []*Ident
	Values []Expr
	DoLine int // line of `do`
	Body   *Block
}

// FunctionStmt is `function Target(...) ... end`. Target is a NameExpr, or a chain of FieldExpr
// over a NameExpr for `function a.b.c()`; for `function a.b:m()` the last FieldExpr holds m and
// Func.Self is true. PUC fixes the store of the closure to the statement's Line.
type FunctionStmt struct {
	Span
	Target Expr
	Func   *Function
}

// LocalFunctionStmt is `local function Name(...) ... end`; Name is in scope inside Func.
type LocalFunctionStmt struct {
	Span
	Name *Ident
	Func *Function
}

// ReturnStmt is `return [Values]`. Its LastLine does not include an optional trailing ';'.
type ReturnStmt struct {
	Span
	Values []Expr
}

// BreakStmt is `break`.
type BreakStmt struct{ Span }

func (*NilExpr) exprNode()        {}
func (*BoolExpr) exprNode()       {}
func (*NumberExpr) exprNode()     {}
func (*StringExpr) exprNode()     {}
func (*VarargExpr) exprNode()     {}
func (*NameExpr) exprNode()       {}
func (*FieldExpr) exprNode()      {}
func (*IndexExpr) exprNode()      {}
func (*CallExpr) exprNode()       {}
func (*MethodCallExpr) exprNode() {}
func (*ParenExpr) exprNode()      {}
func (*TableExpr) exprNode()      {}
func (*Function) exprNode()       {}
func (*BinaryExpr) exprNode()     {}
func (*UnaryExpr) exprNode()      {}

func (*LocalStmt) stmtNode()         {}
func (*AssignStmt) stmtNode()        {}
func (*CallStmt) stmtNode()          {}
func (*DoStmt) stmtNode()            {}
func (*WhileStmt) stmtNode()         {}
func (*RepeatStmt) stmtNode()        {}
func (*IfStmt) stmtNode()            {}
func (*NumericForStmt) stmtNode()    {}
func (*GenericForStmt) stmtNode()    {}
func (*FunctionStmt) stmtNode()      {}
func (*LocalFunctionStmt) stmtNode() {}
func (*ReturnStmt) stmtNode()        {}
func (*BreakStmt) stmtNode()         {}
