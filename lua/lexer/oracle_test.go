package lexer

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
)

var update = flag.Bool("update", false, "rewrite golden files from the live lua5.1")

// escape writes bytes below 32, the backslash, '#' (golden comments start with it) and bytes
// from 127 up as \ddd.
func escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 32 || c == '\\' || c == '#' || c >= 127 {
			fmt.Fprintf(&b, "\\%03d", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

func unescape(t testing.TB, s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			v, err := strconv.Atoi(s[i+1 : i+4])
			if err != nil || v > 255 {
				t.Fatalf("bad escape in %q", s)
			}
			b.WriteByte(byte(v))
			i += 3
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// luaPrelude defines E (escape) and U (unescape) in the oracle's scripts.
const luaPrelude = `
local function U(s)
  return (string.gsub(s, "\\(%d%d%d)", function(d) return string.char(tonumber(d)) end))
end
local function E(s)
  return (string.gsub(s, "[%z\1-\31\\\127-\255]", function(c) return string.format("\\%03d", string.byte(c)) end))
end
`

// runLua runs a script with the lines of input on standard input and returns its output lines.
func runLua(t *testing.T, script string, input []string) []string {
	bin := oracle.Binary(t, "lua5.1")
	path := filepath.Join(t.TempDir(), "s.lua")
	if err := os.WriteFile(path, []byte(luaPrelude+script), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, path)
	cmd.Stdin = strings.NewReader(strings.Join(input, "\n") + "\n")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("lua5.1: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(input) {
		t.Fatalf("lua5.1 gave %d lines for %d inputs:\n%s", len(lines), len(input), out)
	}
	return lines
}

// golden reads testdata/NAME: tab-separated escaped fields, one case a line.
func golden(t *testing.T, name string) [][]string {
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for _, l := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if l == "" || l[0] == '#' {
			continue
		}
		f := strings.Split(l, "\t")
		for i := range f {
			f[i] = unescape(t, f[i])
		}
		out = append(out, f)
	}
	return out
}

func writeGolden(t *testing.T, name, header string, rows [][]string) {
	var b strings.Builder
	for _, h := range strings.Split(header, "\n") {
		b.WriteString("# " + h + "\n")
	}
	for _, r := range rows {
		for i, f := range r {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(escape(f))
		}
		b.WriteByte('\n')
	}
	if err := os.WriteFile(filepath.Join("testdata", name), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// chunkNames are lua_load chunk names around every rule of luaO_chunkid.
var chunkNames = []string{
	"=stdin", "=", "=" + strings.Repeat("n", 58), "=" + strings.Repeat("n", 59), "=" + strings.Repeat("n", 60),
	"=" + strings.Repeat("n", 79), "=" + strings.Repeat("n", 80), "=name\nwith newline",
	"@file.lua", "@", "@" + strings.Repeat("d/", 20) + "file.lua", "@" + strings.Repeat("f", 51),
	"@" + strings.Repeat("f", 52), "@" + strings.Repeat("f", 53), "@" + strings.Repeat("f", 72), "@" + strings.Repeat("f", 73),
	"return 1", "", "x = 1\ny = 2", "\nstarts with newline", "cr\rinside", "crlf\r\nnext",
	strings.Repeat("s", 42), strings.Repeat("s", 43), strings.Repeat("s", 44),
	strings.Repeat("s", 62), strings.Repeat("s", 63), strings.Repeat("s", 64), strings.Repeat("s", 100),
	strings.Repeat("s", 43) + "\nmore", "nul\x00after", "=nul\x00after", "@nul\x00after", "high \xe9\xff bytes",
	"tab\tinside", "#!/bin/lua\nx", "[string \"nested\"]", "@=odd", "=@odd",
}

// TestChunkID compares ChunkID (LUA_IDSIZE) and ChunkIDSize(SyntaxIDSize) with the chunk names
// lua5.1 prints in run-time and syntax errors, recorded in testdata/chunkid.golden.
func TestChunkID(t *testing.T) {
	rows := golden(t, "chunkid.golden")
	if len(rows) != len(chunkNames) {
		t.Fatalf("golden has %d rows for %d names; run TestChunkIDOracle -update", len(rows), len(chunkNames))
	}
	for i, r := range rows {
		name, runtime, syntax := r[0], r[1], r[2]
		if name != chunkNames[i] {
			t.Fatalf("golden row %d is for %q, not %q", i, name, chunkNames[i])
		}
		if got := ChunkID(name); got != runtime {
			t.Errorf("ChunkID(%q) = %q, want %q", name, got, runtime)
		}
		if got := ChunkIDSize(name, SyntaxIDSize); got != syntax {
			t.Errorf("ChunkIDSize(%q, 80) = %q, want %q", name, got, syntax)
		}
	}
}

const chunkIDScript = `
for l in io.lines() do
  local name = U(l)
  local f = assert(loadstring("error('boom')", name))
  local _, rt = pcall(f)
  local _, syn = loadstring("x = = 1", name)
  rt = string.sub(rt, 1, -string.len(":1: boom") - 1)
  syn = string.sub(syn, 1, -string.len(":1: unexpected symbol near '='") - 1)
  io.write(E(rt), "\t", E(syn), "\n")
end
`

func TestChunkIDOracle(t *testing.T) {
	var in []string
	for _, n := range chunkNames {
		in = append(in, escape(n))
	}
	out := runLua(t, chunkIDScript, in)
	var rows [][]string
	for i, l := range out {
		f := strings.Split(l, "\t")
		rows = append(rows, []string{chunkNames[i], unescape(t, f[0]), unescape(t, f[1])})
	}
	if *update {
		writeGolden(t, "chunkid.golden", "chunk name, its id in run-time errors (LUA_IDSIZE 60), its id in syntax errors (80),\nas lua5.1 prints them. Regenerate: go test ./lua/lexer -run Oracle -update", rows)
		return
	}
	want := golden(t, "chunkid.golden")
	for i := range rows {
		if i >= len(want) || strings.Join(rows[i], "\t") != strings.Join(want[i], "\t") {
			t.Errorf("live oracle %q differs from the golden file", rows[i])
		}
	}
}

// literals are string and number literals whose values the lexer must compute as PUC does.
var literals = []string{
	`"plain"`, `''`, `"\a\b\f\n\r\t\v\\\"\'"`, `"\0\00\000\0000"`, `"\1\12\123\1234"`, `"\255\2550"`,
	`"\q\w\e\x41\u{41}"`, "\"a\\\nb\"", "\"a\\\r\nb\"", "\"a\\\n\rb\"", "\"a\\\rb\"", `'"'`, `"'"`,
	"[[simple]]", "[[\nfirst newline]]", "[[\r\nfirst crlf]]", "[[\n\nsecond kept]]", "[==[a]]b]=]c]==]",
	"[=[\r\r]=]", "[[a\r\nb\n\rc\rd\ne]]", "[[]]", "[=[]]]=]", "[[\\n is not an escape]]",
	"0", "1", "42", "3.14159", "1e10", "1E-5", ".5", "5.", "0x10", "0XaBc", "0x1p4", "0x1P-2",
	"1e308", "1e309", "2e-324", "4.9e-324", "123456789012345678901234567890", "0.1", "1e+2",
	"0x7fffffffffffffff", "0xffffffffffffffffff", "9007199254740993", "00012", "1.5e+300",
	"0x0", "0x.8p1", "0xA", "3e0", "0.000001", "1e-7",
}

// TestLiterals scans each literal and compares its value with lua5.1's, from testdata/literals.golden.
func TestLiterals(t *testing.T) {
	rows := golden(t, "literals.golden")
	if len(rows) != len(literals) {
		t.Fatalf("golden has %d rows for %d literals; run TestLiteralsOracle -update", len(rows), len(literals))
	}
	for i, r := range rows {
		if r[0] != literals[i] {
			t.Fatalf("golden row %d is for %q, not %q", i, r[0], literals[i])
		}
		lx := New([]byte(r[0]), "=lit", Options{})
		var it Item
		err := lx.Scan(&it)
		if err != nil || r[1] == "error" {
			if e, ok := err.(*Error); !ok || r[1] != "error" || e.Message() != r[2] {
				t.Errorf("%q: error %v, want %s %q", r[0], err, r[1], r[2])
			}
			continue
		}
		var got string
		switch it.Tok {
		case String:
			got = "string\t" + it.Str
		case Number:
			got = "number\t" + strconv.FormatFloat(it.Num, 'g', 17, 64)
		default:
			got = "token " + it.Tok.String()
		}
		if want := r[1] + "\t" + r[2]; got != want {
			t.Errorf("%q: got %q, want %q", r[0], got, want)
		}
		var end Item
		if err := lx.Scan(&end); err != nil || end.Tok != EOS {
			t.Errorf("%q: more than one token", r[0])
		}
	}
}

const literalsScript = `
for l in io.lines() do
  local src = U(l)
  local f, err = loadstring("return " .. src)
  local v = f and f()
  if not f then
    io.write("error\t", E(string.gsub(err, "^.-:1: ", "")), "\n")
  elseif type(v) == "string" then
    io.write("string\t", E(v), "\n")
  else
    local s = string.format("%.17g", v)
    if v == math.huge then s = "+Inf" elseif v == -math.huge then s = "-Inf" end
    io.write("number\t", s, "\n")
  end
end
`

func TestLiteralsOracle(t *testing.T) {
	var in []string
	for _, l := range literals {
		in = append(in, escape(l))
	}
	out := runLua(t, literalsScript, in)
	var rows [][]string
	for i, l := range out {
		kind, v, _ := strings.Cut(l, "\t")
		if kind == "number" {
			// Go's and C's %.17g agree except for exponent digits: normalise through ParseFloat.
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatalf("%q: %v", v, err)
			}
			v = strconv.FormatFloat(f, 'g', 17, 64)
		} else {
			v = unescape(t, v)
		}
		rows = append(rows, []string{literals[i], kind, v})
	}
	if *update {
		writeGolden(t, "literals.golden", "literal, kind, value (numbers as Go's %.17g) as lua5.1 evaluates them.\nRegenerate: go test ./lua/lexer -run Oracle -update", rows)
		return
	}
	want := golden(t, "literals.golden")
	for i := range rows {
		if i >= len(want) || strings.Join(rows[i], "\t") != strings.Join(want[i], "\t") {
			t.Errorf("live oracle %q differs from the golden file", rows[i])
		}
	}
}
