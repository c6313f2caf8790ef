package parser

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
)

var update = flag.Bool("update", false, "rewrite golden files from the live oracle")

// lineCase ties a line the parser records to the line luac5.1 -l gives an instruction: the
// nth instruction with opcode op in the fn-th function of the listing (0 is main). The
// pseudo-opcodes "linedefined" and "lastlinedefined" read the fn-th function's header.
type lineCase struct {
	name string
	src  string
	op   string
	nth  int
	fn   int
	line func(c *Chunk) int
}

func stmt(c *Chunk, i int) Stmt { return c.Main.Body.Stmts[i] }

func localValue(c *Chunk, i int) Expr { return stmt(c, i).(*LocalStmt).Values[0] }

var lineCases = []lineCase{
	{"newtable-prevline", "local t =\n\n{ 1 }", "NEWTABLE", 1, 0,
		func(c *Chunk) int { return localValue(c, 0).(*TableExpr).PrevLine }},
	{"vararg-prevline", "local a =\n...", "VARARG", 1, 0,
		func(c *Chunk) int { return localValue(c, 0).(*VarargExpr).PrevLine }},
	{"call-argline-paren", "f(\n1\n)", "CALL", 1, 0,
		func(c *Chunk) int { return stmt(c, 0).(*CallStmt).Call.(*CallExpr).ArgLine }},
	{"call-argline-table", "f\n{\n}", "CALL", 1, 0,
		func(c *Chunk) int { return stmt(c, 0).(*CallStmt).Call.(*CallExpr).ArgLine }},
	{"call-argline-long-string", "f [[\n\n]]", "CALL", 1, 0,
		func(c *Chunk) int { return stmt(c, 0).(*CallStmt).Call.(*CallExpr).ArgLine }},
	{"self-nameline", "obj\n:\nm(1)", "SELF", 1, 0,
		func(c *Chunk) int { return stmt(c, 0).(*CallStmt).Call.(*MethodCallExpr).NameLine }},
	{"method-call-argline", "obj:m\n{}", "CALL", 1, 0,
		func(c *Chunk) int { return stmt(c, 0).(*CallStmt).Call.(*MethodCallExpr).ArgLine }},
	{"arith-left-at-opline", "local x = a\n+\nb", "GETGLOBAL", 1, 0,
		func(c *Chunk) int { return localValue(c, 0).(*BinaryExpr).OpLine }},
	{"arith-op-at-lastline", "local x = a\n+\nb", "ADD", 1, 0,
		func(c *Chunk) int { return localValue(c, 0).(*BinaryExpr).LastLine }},
	{"compare-left-at-opline", "local x = a\n<\nb", "GETGLOBAL", 1, 0,
		func(c *Chunk) int { return localValue(c, 0).(*BinaryExpr).OpLine }},
	{"compare-at-lastline", "local x = a\n<\nb", "LT", 1, 0,
		func(c *Chunk) int { return localValue(c, 0).(*BinaryExpr).LastLine }},
	{"concat-left-at-opline", "local x = a\n.. b", "GETGLOBAL", 1, 0,
		func(c *Chunk) int { return localValue(c, 0).(*BinaryExpr).OpLine }},
	{"unary-at-lastline", "local x = -\n\na", "UNM", 1, 0,
		func(c *Chunk) int { return localValue(c, 0).(*UnaryExpr).LastLine }},
	{"fornum-prep-at-doline", "for i = 1,\n2\ndo\nend", "FORPREP", 1, 0,
		func(c *Chunk) int { return stmt(c, 0).(*NumericForStmt).DoLine }},
	{"fornum-loop-at-line", "for i = 1,\n2\ndo\nend", "FORLOOP", 1, 0,
		func(c *Chunk) int { return stmt(c, 0).(*NumericForStmt).Line }},
	{"fornum-default-step", "for i = 1,\nn\ndo end", "LOADK", 2, 0,
		func(c *Chunk) int { return stmt(c, 0).(*NumericForStmt).Limit.Lines().LastLine }},
	{"forin-jmp-at-doline", "for k in\n\npairs(t)\ndo\nend", "JMP", 1, 0,
		func(c *Chunk) int { return stmt(c, 0).(*GenericForStmt).DoLine }},
	{"forin-tforloop-at-first-value", "for k in\n\npairs(t)\ndo\nend", "TFORLOOP", 1, 0,
		func(c *Chunk) int { return stmt(c, 0).(*GenericForStmt).Values[0].Lines().Line }},
	{"function-linedefined", "\nfunction f()\nend", "linedefined", 1, 1,
		func(c *Chunk) int { return stmt(c, 0).(*FunctionStmt).Func.LineDefined }},
	{"function-lastlinedefined", "\nfunction f()\n\nend", "lastlinedefined", 1, 1,
		func(c *Chunk) int { return stmt(c, 0).(*FunctionStmt).Func.LastLineDefined }},
	{"local-function-linedefined", "local function g\n(\n)\nend", "linedefined", 1, 1,
		func(c *Chunk) int { return stmt(c, 0).(*LocalFunctionStmt).Func.LineDefined }},
	{"function-expr-linedefined", "x = function\n(a)\nreturn a\nend", "linedefined", 1, 1,
		func(c *Chunk) int { return stmt(c, 0).(*AssignStmt).Values[0].(*Function).LineDefined }},
	{"function-expr-lastlinedefined", "x = function\n(a)\nreturn a\nend", "lastlinedefined", 1, 1,
		func(c *Chunk) int { return stmt(c, 0).(*AssignStmt).Values[0].(*Function).LastLineDefined }},
	{"function-final-return", "function f()\nx()\nend", "RETURN", 1, 1,
		func(c *Chunk) int { return stmt(c, 0).(*FunctionStmt).Func.LastLine }},
	{"function-stmt-store-fixed", "function a.b\n.c()\nend", "SETTABLE", 1, 0,
		func(c *Chunk) int { return stmt(c, 0).(*FunctionStmt).Line }},
	{"function-stmt-closure", "function a.b\n.c()\nend", "CLOSURE", 1, 0,
		func(c *Chunk) int { return stmt(c, 0).(*FunctionStmt).Func.LastLine }},
	{"main-final-return", "x = 1\n\n-- comment\n", "RETURN", 1, 0,
		func(c *Chunk) int { return c.Main.LastLine }},
	{"main-final-return-empty", "\n\n", "RETURN", 1, 0,
		func(c *Chunk) int { return c.Main.LastLine }},
	{"list-item-closed-at-separator", "t = {a\n,\nb}", "GETGLOBAL", 1, 0,
		func(c *Chunk) int { return stmt(c, 0).(*AssignStmt).Values[0].(*TableExpr).Fields[1].PrevLine }},
	{"last-list-item-at-close", "t = {a,\nb\n\n}", "GETGLOBAL", 2, 0,
		func(c *Chunk) int { return stmt(c, 0).(*AssignStmt).Values[0].(*TableExpr).LastLine }},
	{"explist-item-at-comma", "f(a\n,\nb)", "GETGLOBAL", 2, 0,
		func(c *Chunk) int { return stmt(c, 0).(*CallStmt).Call.(*CallExpr).Args[1].Lines().PrevLine }},
	{"lookahead-quirk-name-lastline", "t = {f\n\"s\"}", "GETGLOBAL", 1, 0,
		func(c *Chunk) int {
			call := stmt(c, 0).(*AssignStmt).Values[0].(*TableExpr).Fields[0].Value.(*CallExpr)
			return call.Fn.Lines().LastLine
		}},
	{"paren-discharge-at-close", "x = (a\n.b\n)", "GETTABLE", 1, 0,
		func(c *Chunk) int { return stmt(c, 0).(*AssignStmt).Values[0].(*ParenExpr).LastLine }},
	{"if-jump-at-block-end", "if a then\nb()\n\nelse\nc()\nend", "JMP", 2, 0,
		func(c *Chunk) int { return stmt(c, 0).(*IfStmt).Clauses[0].Body.LastLine }},
	{"if-empty-block-jump-at-then", "if a\nthen\nelseif b then\nend", "JMP", 2, 0,
		func(c *Chunk) int { return stmt(c, 0).(*IfStmt).Clauses[0].Body.LastLine }},
	{"while-back-jump-at-block-end", "while a do\nb()\n\nend", "JMP", 2, 0,
		func(c *Chunk) int { return stmt(c, 0).(*WhileStmt).Body.LastLine }},
	{"block-lastline-includes-semicolon", "while a do\nb()\n;\nend", "JMP", 2, 0,
		func(c *Chunk) int { return stmt(c, 0).(*WhileStmt).Body.LastLine }},
	{"return-lastline-excludes-semicolon", "do return\n;\nend", "RETURN", 1, 0,
		func(c *Chunk) int { return stmt(c, 0).(*DoStmt).Body.Stmts[0].Lines().LastLine }},
	{"keyed-field-settable", "t = {[k]\n=\nv\n}", "SETTABLE", 1, 0,
		func(c *Chunk) int { return stmt(c, 0).(*AssignStmt).Values[0].(*TableExpr).Fields[0].LastLine }},
	{"assign-store-at-lastline", "a.b\n=\n1", "SETTABLE", 1, 0,
		func(c *Chunk) int { return stmt(c, 0).(*AssignStmt).LastLine }},
	{"index-prefix-at-prefix-lastline", "x = a\n[1]", "GETGLOBAL", 1, 0,
		func(c *Chunk) int { return stmt(c, 0).(*AssignStmt).Values[0].(*IndexExpr).X.Lines().LastLine }},
	{"local-nil-at-lastline", "x()\nlocal a,\nb", "LOADNIL", 1, 0,
		func(c *Chunk) int { return stmt(c, 1).(*LocalStmt).LastLine }},
	{"and-goiftrue-at-opline", "x = a\nand\nb", "TEST", 1, 0,
		func(c *Chunk) int { return stmt(c, 0).(*AssignStmt).Values[0].(*BinaryExpr).OpLine }},
	{"repeat-cond-jump", "repeat\nx()\nuntil\na", "JMP", 1, 0,
		func(c *Chunk) int { return stmt(c, 0).(*RepeatStmt).Cond.Lines().LastLine }},
	{"break-jump", "while a do\nbreak\nend", "JMP", 2, 0,
		func(c *Chunk) int { return stmt(c, 0).(*WhileStmt).Body.Stmts[0].Lines().LastLine }},
}

var (
	instrLine  = regexp.MustCompile(`^\s+\d+\s+\[(\d+)\]\s+(\w+)`)
	headerLine = regexp.MustCompile(`^(main|function) <[^:]*:(\d+),(\d+)>`)
)

// luacLine returns the line luac5.1 -l gives the instruction a case names.
func luacLine(t *testing.T, luac string, c lineCase) int {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "input"), []byte(c.src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(luac, "-l", "-p", "input")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s: luac: %v %s", c.name, err, out)
	}
	fn, seen := -1, 0
	for _, l := range strings.Split(string(out), "\n") {
		if m := headerLine.FindStringSubmatch(l); m != nil {
			fn++
			if fn == c.fn && (c.op == "linedefined" || c.op == "lastlinedefined") {
				i := 2
				if c.op == "lastlinedefined" {
					i = 3
				}
				n, _ := strconv.Atoi(m[i])
				return n
			}
			continue
		}
		if m := instrLine.FindStringSubmatch(l); m != nil && fn == c.fn && m[2] == c.op {
			if seen++; seen == c.nth {
				n, _ := strconv.Atoi(m[1])
				return n
			}
		}
	}
	t.Fatalf("%s: instruction %s #%d of function %d not found in\n%s", c.name, c.op, c.nth, c.fn, out)
	return 0
}

func readLinesGolden(t *testing.T) map[string]int {
	data, err := os.ReadFile("testdata/lines.golden")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]int{}
	for _, l := range strings.Split(string(data), "\n") {
		if l == "" || l[0] == '#' {
			continue
		}
		name, v, _ := strings.Cut(l, "\t")
		n, err := strconv.Atoi(v)
		if err != nil {
			t.Fatalf("bad golden line %q", l)
		}
		m[name] = n
	}
	return m
}

// TestLines checks the line fields of the tree against the lines PUC gives the instructions it
// emits at those points (testdata/lines.golden, recorded from luac5.1 -l).
func TestLines(t *testing.T) {
	golden := readLinesGolden(t)
	for _, c := range lineCases {
		want, ok := golden[c.name]
		if !ok {
			t.Errorf("%s: no golden line; run TestLinesOracle -update", c.name)
			continue
		}
		chunk, err := ParseOptions([]byte(c.src), "@input", Options{SkipHashLine: true})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if got := c.line(chunk); got != want {
			t.Errorf("%s: %q: tree says line %d, luac says %d", c.name, c.src, got, want)
		}
	}
}

// TestLinesOracle re-reads the lines from luac5.1 -l (with -update, rewrites the golden file).
func TestLinesOracle(t *testing.T) {
	luac := oracle.Binary(t, "luac5.1")
	var b strings.Builder
	b.WriteString("# case\tline luac5.1 -l gives the instruction the case names (see lines_test.go)\n")
	b.WriteString("# Regenerate: go test ./lua/parser -run LinesOracle -update\n")
	golden := map[string]int{}
	if !*update {
		golden = readLinesGolden(t)
	}
	for _, c := range lineCases {
		n := luacLine(t, luac, c)
		fmt.Fprintf(&b, "%s\t%d\n", c.name, n)
		if !*update && golden[c.name] != n {
			t.Errorf("%s: golden %d, live luac %d", c.name, golden[c.name], n)
		}
	}
	if *update {
		if err := os.WriteFile("testdata/lines.golden", []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
