package compiler

import (
	"bufio"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	"github.com/redmoon-dev/redmoon/lua/parser"
)

var update = flag.Bool("update", false, "rewrite the golden files from lua5.1")

// rep returns n copies of s joined by sep.
func rep(s string, n int, sep string) string {
	if n <= 0 {
		return ""
	}
	var b strings.Builder
	b.Grow(n * (len(s) + len(sep)))
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(s)
	}
	return b.String()
}

// names returns "p1, p2, ..., pn".
func names(p string, n int) string {
	s := make([]string, n)
	for i := range s {
		s[i] = p + strconv.Itoa(i+1)
	}
	return strings.Join(s, ", ")
}

// moves is a body of n one-instruction statements (MOVE between two locals a and b).
func moves(n int) string { return rep("a=b", n, " ") }

// limitCases are programs around each code generation limit of PUC Lua 5.1: jump distances
// (131071 instructions, also through our FORPREP/FORLOOP trampoline threshold of 32767),
// registers (250), local variables (200) and upvalues (60), in several syntactic positions so
// that the "near" token of each message is checked.
var limitCases = []struct {
	name string
	src  func() string
}{
	// numeric for: FORPREP and FORLOOP reach across the body
	{"fornum-32766", func() string { return "local a, b\nfor i = 1, 2 do " + moves(32766) + " end" }},
	{"fornum-32767", func() string { return "local a, b\nfor i = 1, 2 do " + moves(32767) + " end" }},
	{"fornum-32768", func() string { return "local a, b\nfor i = 1, 2 do " + moves(32768) + " end" }},
	{"fornum-131069", func() string { return "local a, b\nfor i = 1, 2 do " + moves(131069) + " end" }},
	{"fornum-131070", func() string { return "local a, b\nfor i = 1, 2 do " + moves(131070) + " end" }},
	{"fornum-131071", func() string { return "local a, b\nfor i = 1, 2 do " + moves(131071) + " end" }},
	{"fornum-nested-long", func() string {
		return "local a, b\nfor i = 1, 2 do for j = 1, 2 do " + moves(70000) + " end " + moves(60000) + " end"
	}},
	{"fornum-nested-too-long", func() string {
		return "local a, b\nfor i = 1, 2 do for j = 1, 2 do " + moves(70000) + " end\n" + moves(61069) + "\nend x = 1"
	}},
	{"fornum-break-long", func() string {
		return "local a, b\nfor i = 1, 2 do if a then break end " + moves(131060) + " end"
	}},
	// generic for: the first JMP and the JMP after TFORLOOP
	{"forin-131068", func() string { return "local a, b\nfor k in next, {} do " + moves(131068) + " end" }},
	{"forin-131069", func() string { return "local a, b\nfor k in next, {} do " + moves(131069) + " end" }},
	{"forin-131070", func() string { return "local a, b\nfor k in next, {} do " + moves(131070) + " end" }},
	// while: the backward jump, the exit jump fixed by the next statement
	{"while-131068", func() string { return "local a, b\nwhile a do " + moves(131068) + " end" }},
	{"while-131069", func() string { return "local a, b\nwhile a do " + moves(131069) + " end" }},
	{"while-131070", func() string { return "local a, b\nwhile a do " + moves(131070) + " end" }},
	{"while-exit-next-stmt", func() string { return "local a, b\nwhile a do " + moves(131069) + " end\nx = f" }},
	// a constructor of 13000 items: SETLIST blocks past 255 take an extra word here, not in PUC
	{"while-setlist-117807", func() string {
		return "local a, b\nwhile a do local t = {" + rep("1", 13000, ",") + "} " + moves(117807) + " end"
	}},
	{"while-setlist-117808", func() string {
		return "local a, b\nwhile a do local t = {" + rep("1", 13000, ",") + "} " + moves(117808) + " end"
	}},
	// repeat: the backward conditional jump
	{"repeat-131069", func() string { return "local a, b\nrepeat " + moves(131069) + " until a" }},
	{"repeat-131070", func() string { return "local a, b\nrepeat " + moves(131070) + " until a" }},
	{"repeat-131071", func() string { return "local a, b\nrepeat " + moves(131071) + " until a\nlocal z" }},
	{"repeat-upval-long", func() string {
		return "local a, b\nrepeat local c; f = function() return c end " + moves(131071) + " until a"
	}},
	// if: the false exit, fixed by the first instruction that follows
	{"if-131071", func() string { return "local a, b\nif a then " + moves(131071) + " end\nreturn" }},
	{"if-131072", func() string { return "local a, b\nif a then " + moves(131072) + " end\nreturn" }},
	{"if-131072-call", func() string { return "local a, b\nif a then " + moves(131072) + " end\ny()" }},
	{"if-131072-eof", func() string { return "local a, b\nif a then " + moves(131072) + " end" }},
	{"if-else-131072", func() string { return "local a, b\nif a then " + moves(131072) + " else\n y()\n end" }},
	{"if-elseif-escape", func() string {
		return "local a, b\nif a then " + moves(70000) + " elseif b then " + moves(70000) + " else a = 1 end"
	}},
	{"and-long", func() string { return "local a, b\nlocal x = a and (" + rep("a", 131072, "+") + ")\n" }},
	{"or-long-cond", func() string {
		return "local a, b\nif a or (" + rep("a", 131072, "*") + ") then b = 1 end"
	}},
	// registers: 250 at most (MAXSTACK), "function or expression too complex"
	{"call-args-247", func() string { return "f(" + rep("1", 247, ",") + ")" }},
	{"call-args-248", func() string { return "f(" + rep("1", 248, ",") + ")" }},
	{"call-args-249", func() string { return "f(" + rep("1", 249, ",") + ")" }},
	{"call-args-250", func() string { return "f(" + rep("1", 250, ",") + ")" }},
	{"call-args-249-nl", func() string { return "f(" + rep("1", 249, ",\n") + "\n)\n\nx = 1" }},
	{"method-args-248", func() string { return "o:m(" + rep("1", 248, ",") + ")" }},
	{"method-args-249", func() string { return "o:m(" + rep("1", 249, ",") + ")" }},
	{"string-arg", func() string { return "local " + names("v", 199) + "\n" + rep("f", 60, " ") + "\n'x'" }},
	{"return-249", func() string { return "return " + rep("1", 249, ", ") }},
	{"return-250", func() string { return "return " + rep("1", 250, ", ") }},
	{"return-vararg", func() string { return "return " + rep("1", 249, ", ") + ", ..." }},
	{"local-values", func() string {
		return "local " + names("v", 150) + " = " + rep("{}", 150, ", ") + ", " + rep("1", 101, ", ")
	}},
	{"locals-plus-call", func() string { return "local " + names("a", 199) + "\nf(" + rep("2", 52, ", ") + ")" }},
	{"locals-plus-call-ok", func() string { return "local " + names("a", 199) + "\nf(" + rep("2", 49, ", ") + ")" }},
	{"nested-calls", func() string { return "f(" + rep("1", 240, ",") + ", g(" + rep("2", 20, ",") + "))" }},
	{"concat-chain", func() string { return "local s = " + rep("'a'", 180, " .. ") }},
	{"table-list", func() string { return "local t = {" + rep("1", 1000, ",") + "}" }},
	{"table-keyed", func() string { return "local " + names("v", 199) + "\nlocal t = {[f(" + rep("1", 48, ",") + ")] = 1}" }},
	{"table-named", func() string { return "local " + names("v", 199) + "\nlocal t = {x = f(" + rep("1", 48, ",") + ")}" }},
	{"table-list-call", func() string { return "local " + names("v", 199) + "\nlocal t = {1, 2, f(" + rep("1", 48, ",") + ")}" }},
	{"index-key", func() string { return "local " + names("v", 199) + "\nx = t[f(" + rep("1", 49, ",") + ")]" }},
	{"binop-right", func() string { return "local " + names("v", 199) + "\nx = 1 + f(" + rep("1", 49, ",") + ")" }},
	{"assign-targets", func() string { return "local " + names("v", 199) + "\n" + rep("t.x", 52, ", ") + " = 1" }},
	{"assign-values", func() string { return "local " + names("v", 199) + "\nx, y = " + rep("1", 52, ", ") }},
	{"forin-checkstack", func() string { return "local " + names("v", 197) + "\nfor k in next, {} do end" }},
	{"forin-checkstack-ok", func() string { return "local " + names("v", 196) + "\nfor k in next, {} do end" }},
	{"vararg-args", func() string { return "local " + names("v", 199) + "\nf(" + rep("...", 51, ",") + ")" }},
	{"function-body", func() string {
		return "local function g(" + names("p", 100) + ")\n local " + names("v", 99) + "\n return h(" + rep("1", 52, ",") + ")\nend"
	}},
	// locals and upvalues (checked by the parser, at PUC's line)
	{"locals-200", func() string { return "local " + names("v", 200) }},
	{"locals-201", func() string { return "local " + names("v", 201) }},
	{"locals-201-function", func() string { return "function f()\nlocal " + names("v", 201) + "\nend" }},
	{"upvalues-60", func() string {
		return "local " + names("u", 60) + "\nreturn function() return " + names("u", 60) + " end"
	}},
	{"upvalues-61", func() string {
		return "local " + names("u", 61) + "\nreturn function() return " + names("u", 61) + " end"
	}},
}

const goldenFile = "testdata/limits.golden"

// The oracle loads each case with loadstring(s, "=t") from a script's main chunk.
const oracleDriver = `local f = assert(io.open(arg[1], "rb"))
local s = f:read("*a")
f:close()
local fn, e = loadstring(s, "=t")
io.write(e or "ok")
`

func compileCase(src string) string {
	chunk, err := parser.ParseOptions([]byte(src), "=t", parser.Options{CCalls: 2})
	if err != nil {
		return err.Error()
	}
	if _, err := CompileOptions(chunk, Options{Source: []byte(src)}); err != nil {
		var ce *Error
		if !errors.As(err, &ce) {
			return "not a *compiler.Error: " + err.Error()
		}
		return err.Error()
	}
	return "ok"
}

func readGolden(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open(goldenFile)
	if err != nil {
		t.Fatalf("%v (record it with go test ./lua/compiler -run Oracle -update)", err)
	}
	defer f.Close()
	m := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		name, msg, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("bad golden line %q", line)
		}
		m[name] = msg
	}
	return m
}

func TestLimits(t *testing.T) {
	golden := readGolden(t)
	for _, c := range limitCases {
		t.Run(c.name, func(t *testing.T) {
			want, ok := golden[c.name]
			if !ok {
				t.Fatal("no golden answer (go test ./lua/compiler -run Oracle -update)")
			}
			if got := compileCase(c.src()); got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}

// TestLimitsOracle re-checks the golden answers against lua5.1 (and rewrites them with -update).
func TestLimitsOracle(t *testing.T) {
	bin := oracle.Binary(t, "lua5.1")
	if testing.Short() && !*update {
		t.Skip("runs lua5.1 on large generated programs")
	}
	dir := t.TempDir()
	driver := filepath.Join(dir, "driver.lua")
	if err := os.WriteFile(driver, []byte(oracleDriver), 0o644); err != nil {
		t.Fatal(err)
	}
	golden := map[string]string{}
	if !*update {
		golden = readGolden(t)
	}
	var out strings.Builder
	out.WriteString("# loadstring(s, \"=t\") in lua5.1 (PUC Lua 5.1.5) for each case of limitCases.\n")
	out.WriteString("# Regenerate: go test ./lua/compiler -run Oracle -update\n")
	for _, c := range limitCases {
		src := filepath.Join(dir, "case.lua")
		if err := os.WriteFile(src, []byte(c.src()), 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := exec.Command(bin, driver, src).Output()
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got := string(res)
		if strings.ContainsAny(got, "\t\n") {
			t.Fatalf("%s: answer %q does not fit a golden line", c.name, got)
		}
		out.WriteString(c.name + "\t" + got + "\n")
		if !*update && golden[c.name] != got {
			t.Errorf("%s: lua5.1 says %q, golden %q", c.name, got, golden[c.name])
		}
	}
	if *update {
		if err := os.WriteFile(goldenFile, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
