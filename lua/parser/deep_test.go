package parser

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
)

const deepN = 100000

// deepCases are inputs far beyond the nesting limit, or very long without nesting. Each must
// give luac5.1's answer quickly and without exhausting the Go stack.
var deepCases = []struct {
	name string
	src  func() string
}{
	{"parens", func() string { return "x = " + strings.Repeat("(", deepN) + "1" + strings.Repeat(")", deepN) }},
	{"parens-unclosed", func() string { return "x = " + strings.Repeat("(", deepN) }},
	{"tables", func() string { return "x = " + strings.Repeat("{", deepN) + strings.Repeat("}", deepN) }},
	{"tables-keyed", func() string { return "x = " + strings.Repeat("{a=", deepN) + "1" + strings.Repeat("}", deepN) }},
	{"functions", func() string {
		return "x = " + strings.Repeat("function() return ", deepN) + "1" + strings.Repeat(" end", deepN)
	}},
	{"do-blocks", func() string { return strings.Repeat("do ", deepN) + strings.Repeat("end ", deepN) }},
	{"if-blocks", func() string { return strings.Repeat("if x then ", deepN) + strings.Repeat("end ", deepN) }},
	{"while-blocks", func() string { return strings.Repeat("while x do ", deepN) + strings.Repeat("end ", deepN) }},
	{"repeat-blocks", func() string { return strings.Repeat("repeat ", deepN) + strings.Repeat("until x ", deepN) }},
	{"for-blocks", func() string { return strings.Repeat("for i = 1, 2 do ", deepN) + strings.Repeat("end ", deepN) }},
	{"unary-minus-is-a-comment", func() string { return "x = " + strings.Repeat("-", deepN) + "1" }},
	{"unary-minus", func() string { return "x = " + strings.Repeat("- ", deepN) + "1" }},
	{"unary-not", func() string { return "x = " + strings.Repeat("not ", deepN) + "1" }},
	{"concat-chain", func() string { return "x = a" + strings.Repeat(" .. a", deepN) }},
	{"pow-chain", func() string { return "x = 2" + strings.Repeat("^2", deepN) }},
	{"index-keys", func() string { return "x = " + strings.Repeat("t[", deepN) + "1" + strings.Repeat("]", deepN) }},
	{"call-args", func() string { return "x = " + strings.Repeat("f(", deepN) + strings.Repeat(")", deepN) }},
	{"assign-targets", func() string {
		return strings.TrimSuffix(strings.Repeat("a, ", deepN), ", ") + " = 1"
	}},
	{"plus-chain", func() string { return "x = 1" + strings.Repeat(" + 1", deepN) }},
	{"field-chain", func() string { return "x = a" + strings.Repeat(".b", deepN) }},
	{"method-chain", func() string { return "x = a" + strings.Repeat(":m()", deepN) }},
	{"call-chain", func() string { return "x = f" + strings.Repeat("()", deepN) }},
	{"statements", func() string { return strings.Repeat("x = 1\n", deepN) }},
	{"table-items", func() string { return "x = {" + strings.Repeat("1, ", deepN) + "}" }},
	{"long-string", func() string { return "x = [[" + strings.Repeat("a\n", deepN) + "]]" }},
	{"long-comment-unclosed", func() string { return "--[[" + strings.Repeat("a\n", deepN) }},
	{"blank-lines-then-error", func() string { return strings.Repeat("\n", deepN) + "x = = 1" }},
}

func readDeepGolden(t *testing.T) map[string]string {
	data, err := os.ReadFile("testdata/deep.golden")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, l := range strings.Split(string(data), "\n") {
		if l == "" || l[0] == '#' {
			continue
		}
		name, v, _ := strings.Cut(l, "\t")
		m[name] = v
	}
	return m
}

func deepAnswer(src string) string {
	_, err := ParseOptions([]byte(src), "@input", Options{SkipHashLine: true, CCalls: 1})
	if err != nil {
		return strings.TrimPrefix(err.Error(), "input:")
	}
	return "ok"
}

// TestDeepInputs checks inputs of 100,000 nesting levels or items against luac5.1's answers
// (testdata/deep.golden).
func TestDeepInputs(t *testing.T) {
	golden := readDeepGolden(t)
	for _, c := range deepCases {
		want, ok := golden[c.name]
		if !ok {
			t.Errorf("%s: no golden answer; run TestDeepInputsOracle -update", c.name)
			continue
		}
		if got := deepAnswer(c.src()); got != want {
			t.Errorf("%s: got %q, want %q", c.name, got, want)
		}
	}
}

func TestDeepInputsOracle(t *testing.T) {
	luac := oracle.Binary(t, "luac5.1")
	golden := map[string]string{}
	if !*update {
		golden = readDeepGolden(t)
	}
	var b strings.Builder
	b.WriteString("# case\tluac5.1 -p answer for the generated input of deep_test.go (\"ok\" or the message without \"input:\")\n")
	b.WriteString("# Regenerate: go test ./lua/parser -run DeepInputsOracle -update\n")
	dir := t.TempDir()
	for _, c := range deepCases {
		if err := os.WriteFile(filepath.Join(dir, "input"), []byte(c.src()), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(luac, "-p", "input")
		cmd.Dir = dir
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		ans := "ok"
		if err := cmd.Run(); err != nil {
			msg := stderr.String()
			i := strings.Index(msg, ": input:")
			if i < 0 {
				t.Fatalf("%s: unexpected luac output %q", c.name, msg)
			}
			ans = strings.TrimSuffix(msg[i+len(": input:"):], "\n")
		}
		fmt.Fprintf(&b, "%s\t%s\n", c.name, ans)
		if !*update && golden[c.name] != ans {
			t.Errorf("%s: golden %q, live luac %q", c.name, golden[c.name], ans)
		}
	}
	if *update {
		if err := os.WriteFile("testdata/deep.golden", []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
