// Package difftest supports the differential tests of redmoon's Lua packages against PUC Lua 5.1.
//
// Cases and golden answers are kept as data files of tab-separated fields, one case a line. A
// field is written with Escape: every byte below 32, the backslash and every byte from 127 up
// become a three-digit decimal escape "\ddd" (as in a Lua string literal), so a field never
// contains a tab or a newline and the files stay readable.
//
// A test compares the engine with the golden file (hermetic), and a second test re-runs the
// oracle on the same cases (RunLua) and compares its answers with the golden file; with the
// -update flag that test rewrites the golden file instead.
package difftest

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
)

// Update is set by the -update test flag: oracle tests rewrite their golden files.
var Update = flag.Bool("update", false, "rewrite golden files from the live oracle")

// Escape returns s with control bytes, backslashes and bytes from 127 up written as "\ddd".
func Escape(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 32 || c == '\\' || c >= 127 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 32 || c == '\\' || c >= 127 {
			b.WriteByte('\\')
			b.WriteByte('0' + c/100)
			b.WriteByte('0' + c/10%10)
			b.WriteByte('0' + c%10)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Unescape reverses Escape.
func Unescape(s string) (string, error) {
	if strings.IndexByte(s, '\\') < 0 {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		if i+4 > len(s) {
			return "", fmt.Errorf("truncated escape in %q", s)
		}
		d := s[i+1 : i+4]
		if d[0] < '0' || d[0] > '2' || d[1] < '0' || d[1] > '9' || d[2] < '0' || d[2] > '9' {
			return "", fmt.Errorf("bad escape %q in %q", d, s)
		}
		v := int(d[0]-'0')*100 + int(d[1]-'0')*10 + int(d[2]-'0')
		if v > 255 {
			return "", fmt.Errorf("bad escape %q in %q", d, s)
		}
		b.WriteByte(byte(v))
		i += 3
	}
	return b.String(), nil
}

// LuaQuote returns s as a Lua 5.1 string literal that reads back as exactly the bytes of s.
func LuaQuote(s string) string {
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

// LuaEscapeFunc is Lua 5.1 source defining a global function E(s) that escapes s as Escape does.
const LuaEscapeFunc = `
function E(s)
  return (string.gsub(s, "[%z\1-\31\\\127-\255]", function(c) return string.format("\\%03d", string.byte(c)) end))
end
`

// ReadCases reads a case file: one case a line, fields separated by tabs and unescaped. Empty
// lines and lines starting with "#" are skipped.
func ReadCases(t testing.TB, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cases [][]string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" || text[0] == '#' {
			continue
		}
		fields := strings.Split(text, "\t")
		for i, f := range fields {
			u, err := Unescape(f)
			if err != nil {
				t.Fatalf("%s:%d: %v", path, line, err)
			}
			fields[i] = u
		}
		cases = append(cases, fields)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// WriteCases writes cases in the format ReadCases reads, after an optional header comment.
func WriteCases(t testing.TB, path, header string, cases [][]string) {
	t.Helper()
	var b bytes.Buffer
	for _, l := range strings.Split(strings.TrimSpace(header), "\n") {
		if l != "" {
			b.WriteString("# " + l + "\n")
		}
	}
	for _, c := range cases {
		for i, f := range c {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(Escape(f))
		}
		b.WriteByte('\n')
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// RunLua runs the Lua 5.1 program src with the lua5.1 oracle and returns its standard output.
// The test is skipped (or fails in CI) when lua5.1 is not installed; it fails when the program
// exits with an error.
func RunLua(t testing.TB, src string) string {
	t.Helper()
	bin := oracle.Binary(t, "lua5.1")
	out, err := RunLuaBinary(bin, src)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// RunLuaBinary runs the Lua program src with the interpreter at bin and returns its standard
// output, or an error carrying its standard error when it fails.
func RunLuaBinary(bin, src string) (string, error) {
	f, err := os.CreateTemp("", "difftest-*.lua")
	if err != nil {
		return "", err
	}
	defer os.Remove(f.Name())
	if _, err := f.WriteString(src); err != nil {
		f.Close()
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	cmd := exec.Command(bin, f.Name())
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return stdout.String(), fmt.Errorf("%s: %v: %s", bin, err, stderr.String())
	}
	return stdout.String(), nil
}

// Lines splits the output of an oracle run into lines, dropping the final newline.
func Lines(out string) []string {
	out = strings.TrimSuffix(out, "\n")
	if out == "" {
		return nil
	}
	return strings.Split(out, "\n")
}
