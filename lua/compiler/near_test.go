package compiler

import (
	"path/filepath"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/lua/syntax"
	"github.com/redmoon-dev/redmoon/lua/lexer"
	"github.com/redmoon-dev/redmoon/lua/parser"
)

// TestNearWalk walks every corpus program and valid snippet of the syntax corpus token by
// token along its tree:
// the walk must end exactly at the end of the source, and each node's first token must be on
// the line the parser recorded for it.
func TestNearWalk(t *testing.T) {
	cases := shapeInputs(t)
	nodes := 0
	for _, c := range cases {
		chunk, err := parser.ParseOptions(c.src, "@input", parser.Options{SkipHashLine: true, CCalls: 1})
		if err != nil {
			continue // a corpus program that tests a syntax error
		}
		w := &nearWalker{lx: lexer.New(c.src, "@input", lexer.Options{SkipHashLine: true})}
		w.visit = func(n parser.Node, after bool, cur *lexer.Item) {
			nodes++
			if after {
				return
			}
			switch n.(type) {
			case *parser.Function, *parser.Block:
				return // a function's mark is at '(' or 'function'; a block may be empty
			}
			if cur.Line != n.Lines().Line {
				t.Errorf("%s: %T starts at %q on line %d, parser says line %d", c.name, n, cur.Str, cur.Line, n.Lines().Line)
			}
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s: walk failed: %v", c.name, r)
				}
			}()
			w.next()
			w.function(chunk.Main, true)
			if w.cur.Tok != lexer.EOS {
				t.Errorf("%s: walk ended at %v, not at the end", c.name, w.cur.Tok)
			}
		}()
	}
	t.Logf("%d sources, %d marks", len(cases), nodes)
}

// TestNearMarks resolves marks of each kind in one program.
func TestNearMarks(t *testing.T) {
	src := "local t = {x = 1, [2] = f(a, b); 'c'}\nwhile t do\n  t:m(1)\nend\nreturn t.x"
	chunk, err := parser.Parse([]byte(src), "=t")
	if err != nil {
		t.Fatal(err)
	}
	body := chunk.Main.Body.Stmts
	local := body[0].(*parser.LocalStmt)
	tab := local.Values[0].(*parser.TableExpr)
	wh := body[1].(*parser.WhileStmt)
	call := wh.Body.Stmts[0].(*parser.CallStmt).Call.(*parser.MethodCallExpr)
	ret := body[2].(*parser.ReturnStmt)
	cases := []struct {
		m    mark
		text string
		line int
	}{
		{mark{n: chunk.Main.Body}, "local", 1},
		{mark{n: local, after: true}, "while", 2},
		{mark{n: tab}, "{", 1},
		{mark{n: tab.Fields[0].Value}, "1", 1},
		{mark{n: tab.Fields[1].Key, after: true}, "]", 1},
		{mark{n: tab.Fields[1].Value, after: true}, ";", 1},
		{mark{n: tab.Fields[2]}, "'c'", 1},
		{mark{n: wh, skip: 1}, "t", 2},
		{mark{n: wh.Cond, after: true}, "do", 2},
		{mark{n: wh.Body, after: true}, "end", 4},
		{mark{n: call.Recv, after: true, skip: 2}, "(", 3},
		{mark{n: call, after: true}, "end", 4},
		{mark{n: ret.Values[0].(*parser.FieldExpr).X, after: true}, ".", 5},
		{mark{n: chunk.Main, after: true}, "<eof>", 5},
	}
	for _, c := range cases {
		text, line, has, ok := findNear([]byte(src), "=t", false, chunk.Main, c.m)
		if !ok || !has || text != c.text || line != c.line {
			t.Errorf("%T after=%v skip=%d: got %q line %d (ok %v), want %q line %d", c.m.n, c.m.after, c.m.skip, text, line, ok, c.text, c.line)
		}
	}
}

// TestCodegenCorpus compiles the syntax corpus's code generation cases (snippets PUC rejects
// while generating code) as files and compares with luac5.1's recorded messages.
func TestCodegenCorpus(t *testing.T) {
	root := filepath.Join("..", "..", "conformance", "lua", "syntax")
	cases, err := syntax.LoadDir(root, "codegen")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no codegen cases")
	}
	for _, c := range cases {
		golden, err := syntax.ReadGolden(syntax.GoldenPath(root, c.File))
		if err != nil {
			t.Fatal(err)
		}
		want, ok := golden[c.Name]
		if !ok || want.OK {
			t.Errorf("%s: no error answer in the golden file", c.Name)
			continue
		}
		chunk, err := parser.ParseOptions(c.Src, "@input", parser.Options{SkipHashLine: true, CCalls: 1})
		if err != nil {
			t.Errorf("%s: parse: %v", c.Name, err)
			continue
		}
		_, err = CompileOptions(chunk, Options{Source: c.Src, SkipHashLine: true})
		if err == nil || err.Error() != "input:"+want.Msg {
			t.Errorf("%s: got %v, want input:%s", c.Name, err, want.Msg)
		}
	}
}
