package compiler

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	"github.com/redmoon-dev/redmoon/lua/parser"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// foldCases are expressions of numeric literals. lcode.c folds them unless the operation is a
// division or modulo by zero or its result is NaN; the golden file records, from luac5.1 -l,
// whether PUC left an arithmetic instruction in the code.
var foldCases = []string{
	"1 + 2", "2 ^ 0.5", "(-8) ^ (1/3)", "(-2) ^ 0.5", "0 ^ 0", "2 ^ 1024", "(-2) ^ 1025",
	"1 / 0", "0 / 0", "-1 / 0", "1 % 0", "0 % 0", "5.5 % -2", "1e308 * 10", "1e308 * 10 - 1e308 * 10",
	"-(1/0)", "- 0", "-(0/1)", "2 * 3 + 4 ^ 0.5", "#'abc'", "-'2'", "'1' + 2", "(1 + 2) * (3 % 0)",
	"1e308 * 10 * 0", "0 * (1/0)", "(1/0) % 2", "2 % (1/0)", "1 / (1/0)", "(1/0) - (1/0)",
}

var arithRE = regexp.MustCompile(`\b(ADD|SUB|MUL|DIV|MOD|POW|UNM|LEN)\b`)

// folded reports whether our compiler left no arithmetic instruction for "return e".
func folded(t *testing.T, e string) bool {
	t.Helper()
	chunk, err := parser.Parse([]byte("return "+e), "=fold")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Compile(chunk)
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range p.Code {
		op := vm.OpOf(i)
		if op >= vm.OpAdd && op <= vm.OpLen {
			return false
		}
	}
	return true
}

func verdict(b bool) string {
	if b {
		return "folded"
	}
	return "runtime"
}

func TestFolding(t *testing.T) {
	data, err := os.ReadFile("testdata/fold.golden")
	if err != nil {
		t.Fatalf("%v (record it with go test ./lua/compiler -run Oracle -update)", err)
	}
	want := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if strings.HasPrefix(line, "# luac5.1") {
			continue
		}
		e, v, _ := strings.Cut(line, "\t")
		want[e] = v
	}
	for _, e := range foldCases {
		w, ok := want[e]
		if !ok {
			t.Errorf("%s: no golden answer", e)
			continue
		}
		if got := verdict(folded(t, e)); got != w {
			t.Errorf("return %s: %s, luac5.1 %s", e, got, w)
		}
	}
}

// TestFoldingOracle asks luac5.1 -l which expressions PUC folds (and rewrites the golden with
// -update).
func TestFoldingOracle(t *testing.T) {
	bin := oracle.Binary(t, "luac5.1")
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("# luac5.1 -l of \"return EXPR\": folded (no arithmetic instruction) or runtime.\n")
	for _, e := range foldCases {
		src := filepath.Join(dir, "f.lua")
		if err := os.WriteFile(src, []byte("return "+e), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(bin, "-l", "-p", src).Output()
		if err != nil {
			t.Fatalf("%s: %v", e, err)
		}
		b.WriteString(e + "\t" + verdict(!arithRE.Match(out)) + "\n")
	}
	if *update {
		if err := os.WriteFile("testdata/fold.golden", []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	old, _ := os.ReadFile("testdata/fold.golden")
	if string(old) != b.String() {
		t.Errorf("golden out of date\n--- luac5.1\n%s\n--- golden\n%s", b.String(), old)
	}
}
