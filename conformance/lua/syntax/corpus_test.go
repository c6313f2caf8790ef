package syntax

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	"github.com/redmoon-dev/redmoon/lua/lexer"
	"github.com/redmoon-dev/redmoon/lua/parser"
)

var update = flag.Bool("update", false, "rewrite the golden files from the live oracle")

// dirs are the corpus folders and how their snippets are loaded.
var dirs = []struct {
	name   string
	mode   mode
	expect expect
}{
	{"valid", fileMode, mustAccept},
	{"invalid", fileMode, mustReject},
	{"codegen", fileMode, codegenLimit},
	{"loadstring", stringMode, either},
}

type mode int

const (
	// fileMode loads a snippet as luac5.1 -p loads the file "input": chunk name "@input",
	// a first '#' line skipped, one C call level in use. Golden messages omit "input:".
	fileMode mode = iota
	// stringMode loads a snippet as loadstring(s) called from a script run by lua5.1: the
	// chunk name is the snippet itself, two C call levels in use. Golden messages are whole.
	stringMode
)

type expect int

const (
	mustAccept   expect = iota // the oracle accepts every case, and so must we
	mustReject                 // the oracle rejects every case, and we must say the same
	codegenLimit               // the oracle rejects at code generation: the parser accepts
	either                     // we must give the oracle's answer
)

// ours parses a case as its folder says and returns our answer.
func ours(c *Case, m mode) Answer {
	var err error
	if m == fileMode {
		_, err = parser.ParseOptions(c.Src, "@input", parser.Options{SkipHashLine: true, CCalls: 1})
	} else {
		_, err = parser.ParseOptions(c.Src, string(c.Src), parser.Options{CCalls: 2})
	}
	if err == nil {
		return Answer{OK: true}
	}
	var le *lexer.Error
	if !errors.As(err, &le) {
		return Answer{Msg: "not a *lexer.Error: " + err.Error()}
	}
	if m == fileMode {
		return Answer{Msg: strings.TrimPrefix(err.Error(), "input:")}
	}
	return Answer{Msg: err.Error()}
}

func loadAll(t *testing.T) map[string][]*Case {
	t.Helper()
	out := map[string][]*Case{}
	for _, d := range dirs {
		cs, err := LoadDir(".", d.name)
		if err != nil {
			t.Fatal(err)
		}
		out[d.name] = cs
	}
	return out
}

func byFile(cases []*Case) (map[string][]*Case, []string) {
	m := map[string][]*Case{}
	var order []string
	for _, c := range cases {
		if _, ok := m[c.File]; !ok {
			order = append(order, c.File)
		}
		m[c.File] = append(m[c.File], c)
	}
	return m, order
}

// TestCorpus checks the parser against the golden answers (no oracle needed).
func TestCorpus(t *testing.T) {
	all := loadAll(t)
	counts := map[string]int{}
	for _, d := range dirs {
		files, order := byFile(all[d.name])
		for _, f := range order {
			golden, err := ReadGolden(GoldenPath(".", f))
			if err != nil {
				t.Fatalf("%v (record goldens with: go test ./conformance/lua/syntax -run Oracle -update)", err)
			}
			for _, c := range files[f] {
				want, ok := golden[c.Name]
				if !ok {
					t.Errorf("%s: case %s has no golden answer (run the oracle test with -update)", f, c.Name)
					continue
				}
				counts[d.name]++
				got := ours(c, d.mode)
				switch d.expect {
				case mustAccept:
					if !want.OK {
						t.Errorf("%s:%d %s: in valid/ but the oracle rejects it: %s", f, c.Line, c.Name, want.Msg)
					}
				case mustReject:
					if want.OK {
						t.Errorf("%s:%d %s: in invalid/ but the oracle accepts it", f, c.Line, c.Name)
					}
				case codegenLimit:
					if want.OK {
						t.Errorf("%s:%d %s: in codegen/ but the oracle accepts it", f, c.Line, c.Name)
					}
					if !got.OK {
						t.Errorf("%s:%d %s: codegen limit case must parse, got %s", f, c.Line, c.Name, got)
					}
					continue
				}
				if got != want {
					t.Errorf("%s:%d %s:\n got %s\nwant %s", f, c.Line, c.Name, got, want)
				}
			}
		}
	}
	t.Logf("cases: %v", counts)
}

// TestCorpusOracle re-checks the golden answers against the live oracle (luac5.1 -p for file
// mode, lua5.1's loadstring for string mode). With -update it rewrites them instead.
func TestCorpusOracle(t *testing.T) {
	luac := oracle.Binary(t, "luac5.1")
	lua := oracle.Binary(t, "lua5.1")
	all := loadAll(t)
	for _, d := range dirs {
		files, order := byFile(all[d.name])
		for _, f := range order {
			cases := files[f]
			var live map[string]Answer
			var err error
			if d.mode == fileMode {
				live, err = runLuac(luac, cases)
			} else {
				live, err = runLoadstring(lua, cases)
			}
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			path := GoldenPath(".", f)
			if *update {
				hdr := "Answers of luac5.1 -p (PUC Lua 5.1.5) for " + f + ", file \"input\"; messages omit \"input:\".\n" +
					"Regenerate: go test ./conformance/lua/syntax -run Oracle -update"
				if d.mode == stringMode {
					hdr = "Answers of lua5.1's loadstring (PUC Lua 5.1.5) for " + f + ".\n" +
						"Regenerate: go test ./conformance/lua/syntax -run Oracle -update"
				}
				if err := WriteGolden(path, hdr, cases, live); err != nil {
					t.Fatal(err)
				}
				continue
			}
			golden, err := ReadGolden(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range cases {
				if g, ok := golden[c.Name]; !ok || g != live[c.Name] {
					t.Errorf("%s %s: golden %v, live oracle %v", f, c.Name, g, live[c.Name])
				}
			}
		}
	}
}

// runLuac runs luac5.1 -p on each case written to a file named "input".
func runLuac(luac string, cases []*Case) (map[string]Answer, error) {
	out := make(map[string]Answer, len(cases))
	var mu sync.Mutex
	var firstErr error
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for _, c := range cases {
		wg.Add(1)
		sem <- struct{}{}
		go func(c *Case) {
			defer wg.Done()
			defer func() { <-sem }()
			a, err := luacOne(luac, c.Src)
			mu.Lock()
			defer mu.Unlock()
			if err != nil && firstErr == nil {
				firstErr = fmt.Errorf("%s: %v", c.Name, err)
			}
			out[c.Name] = a
		}(c)
	}
	wg.Wait()
	return out, firstErr
}

func luacOne(luac string, src []byte) (Answer, error) {
	dir, err := os.MkdirTemp("", "syntax-*")
	if err != nil {
		return Answer{}, err
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, "input"), src, 0o644); err != nil {
		return Answer{}, err
	}
	cmd := exec.Command(luac, "-p", "input")
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	runErr := cmd.Run()
	if runErr == nil {
		return Answer{OK: true}, nil
	}
	msg := stderr.String()
	i := strings.Index(msg, ": input:")
	if i < 0 {
		return Answer{}, fmt.Errorf("unexpected luac output %q (%v)", msg, runErr)
	}
	return Answer{Msg: strings.TrimSuffix(msg[i+len(": input:"):], "\n")}, nil
}

// loadstringScript answers, for each escaped snippet on standard input, "ok" or "error<TAB>"
// and the escaped message of loadstring (called from the main chunk).
const loadstringScript = `
local function U(s)
  return (string.gsub(s, "\\(%d%d%d)", function(d) return string.char(tonumber(d)) end))
end
local function E(s)
  return (string.gsub(s, "[%z\1-\31\\\127-\255]", function(c) return string.format("\\%03d", string.byte(c)) end))
end
for l in io.lines() do
  local f, err = loadstring(U(l))
  if f then io.write("ok\n") else io.write("error\t", E(err), "\n") end
end
`

func runLoadstring(lua string, cases []*Case) (map[string]Answer, error) {
	dir, err := os.MkdirTemp("", "syntax-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	script := filepath.Join(dir, "ls.lua")
	if err := os.WriteFile(script, []byte(loadstringScript), 0o644); err != nil {
		return nil, err
	}
	var in bytes.Buffer
	for _, c := range cases {
		in.WriteString(Escape(string(c.Src)) + "\n")
	}
	cmd := exec.Command(lua, script)
	cmd.Stdin = &in
	res, err := cmd.Output()
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimSuffix(string(res), "\n"), "\n")
	if len(lines) != len(cases) {
		return nil, fmt.Errorf("lua5.1 answered %d lines for %d cases", len(lines), len(cases))
	}
	out := map[string]Answer{}
	for i, l := range lines {
		if l == "ok" {
			out[cases[i].Name] = Answer{OK: true}
			continue
		}
		m, err := Unescape(strings.TrimPrefix(l, "error\t"))
		if err != nil {
			return nil, err
		}
		out[cases[i].Name] = Answer{Msg: m}
	}
	return out, nil
}
