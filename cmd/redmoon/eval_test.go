package main

import (
	"bufio"
	"bytes"
	"encoding/hex"
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

var update = flag.Bool("update", false, "rewrite the eval goldens from redis-cli --eval against a live redis-server")

// evalCase is one `redmoon eval` invocation, compared with `redis-cli [flags] --eval SCRIPT args`
// against a redis-server preloaded with the same commands.
type evalCase struct {
	name    string
	flags   []string // -3, -e, -n N, --raw, --no-raw: the same for both programs
	script  string   // file under testdata/eval/scripts (a missing one tests the error)
	args    []string
	preload string // file under testdata/eval, or ""
}

var evalCases = []evalCase{
	{name: "mixed", script: "mixed.lua"},
	{name: "error-reply", script: "error_reply.lua"},
	{name: "error-reply-e", flags: []string{"-e"}, script: "error_reply.lua"},
	{name: "keys-argv", script: "keys_argv.lua", args: []string{"k1", "k2", ",", "a1", "a2"}},
	{name: "keys-only", script: "keys_argv.lua", args: []string{"k1", "k2"}},
	{name: "commas", script: "count.lua", args: []string{"a", ",b", ",", "c", ","}},
	{name: "comma-first", script: "count.lua", args: []string{",", ",", "x"}},
	{name: "no-args", script: "count.lua"},
	{name: "nil", script: "nil.lua"},
	{name: "status", script: "status.lua"},
	{name: "escapes", script: "escapes.lua"},
	{name: "call-error", script: "call_error.lua"},
	{name: "array-hole", script: "array_hole.lua"},
	{name: "nested-empty", script: "nested_empty.lua"},
	{name: "syntax-error", script: "syntax_error.lua"},
	{name: "double", script: "double.lua"},
	{name: "verbatim", script: "verbatim.lua"},
	{name: "map-set", script: "map_set.lua"},
	{name: "map-nested", script: "map_nested.lua"},
	{name: "map-values", script: "map_values.lua"},
	{name: "resp3-types", script: "resp3_nonan.lua"},
	{name: "resp3-nan", script: "resp3_types.lua"},
	{name: "big-number", script: "big_number.lua"},
	{name: "long-array", script: "long.lua"},
	{name: "ratelimit", script: "ratelimit.lua", args: []string{"rl", ",", "60", "5"}},
	{name: "preload", script: "data.lua", args: []string{"greeting", "h", "l", "z"}, preload: "preload.txt"},
	{name: "preload-db", flags: []string{"-n", "3"}, script: "data.lua", args: []string{"greeting", "h", "l", "z"}, preload: "preload.txt"},
	{name: "select-db", flags: []string{"-n", "2"}, script: "count.lua", args: []string{"a", ",", "b"}},
	{name: "select-bad-db", flags: []string{"-n", "99"}, script: "count.lua"},
	{name: "force-raw", flags: []string{"--raw"}, script: "mixed.lua"},
	{name: "force-human", flags: []string{"--no-raw"}, script: "mixed.lua"},
	{name: "missing-file", script: "nosuch.lua"},
}

// evalModes are the ways redis-cli prints: raw (stdout not a terminal) and human (a terminal,
// which redis-cli also assumes when FAKETTY is set), each in RESP2 and RESP3.
var evalModes = []struct {
	name  string
	tty   bool
	resp3 bool
}{{"raw", false, false}, {"tty", true, false}, {"raw3", false, true}, {"tty3", true, true}}

// evalResult is what a run printed and its exit status.
type evalResult struct {
	code           int
	stdout, stderr string
}

func (r evalResult) format() string {
	return fmt.Sprintf("exit: %d\nstdout: %s\nstderr: %s\n", r.code, strconv.Quote(r.stdout), strconv.Quote(r.stderr))
}

func parseEvalGolden(text string) (evalResult, error) {
	var r evalResult
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) != 3 {
		return r, fmt.Errorf("want 3 lines, got %d", len(lines))
	}
	var err error
	if r.code, err = strconv.Atoi(strings.TrimPrefix(lines[0], "exit: ")); err != nil {
		return r, err
	}
	if r.stdout, err = strconv.Unquote(strings.TrimPrefix(lines[1], "stdout: ")); err != nil {
		return r, err
	}
	r.stderr, err = strconv.Unquote(strings.TrimPrefix(lines[2], "stderr: "))
	return r, err
}

func evalGoldenPath(c evalCase, mode string) string {
	return filepath.Join("testdata", "eval", "golden", c.name+"."+mode+".golden")
}

func (c evalCase) argv(resp3 bool) []string {
	var a []string
	if resp3 {
		a = append(a, "-3")
	}
	a = append(a, c.flags...)
	if c.preload != "" {
		a = append(a, "--preload", filepath.Join("testdata", "eval", c.preload))
	}
	a = append(a, filepath.Join("testdata", "eval", "scripts", c.script))
	return append(a, c.args...)
}

// TestEval runs every case in every mode in-process and compares with the goldens.
func TestEval(t *testing.T) {
	for _, m := range evalModes {
		if m.tty {
			t.Setenv("FAKETTY", "1")
		} else {
			os.Unsetenv("FAKETTY")
		}
		for _, c := range evalCases {
			t.Run(c.name+"/"+m.name, func(t *testing.T) {
				text, err := os.ReadFile(evalGoldenPath(c, m.name))
				if err != nil {
					t.Fatalf("%v (record with: go test ./cmd/redmoon -run TestEvalOracle -update)", err)
				}
				want, err := parseEvalGolden(string(text))
				if err != nil {
					t.Fatalf("%s: %v", evalGoldenPath(c, m.name), err)
				}
				var out, errOut bytes.Buffer
				got := evalResult{code: run(append([]string{"eval"}, c.argv(m.resp3)...), &out, &errOut)}
				got.stdout, got.stderr = out.String(), errOut.String()
				if got != want {
					t.Errorf("redmoon eval %s\ngot:\n%swant:\n%s", strings.Join(c.argv(m.resp3), " "), got.format(), want.format())
				}
			})
		}
	}
}

// TestEvalOracle runs the cases with the real redis-cli --eval against a live redis-server
// (preloaded by piping the preload file into redis-cli, which splits lines with the same
// quoting rules) and fails on drift from the goldens; with -update it rewrites them.
func TestEvalOracle(t *testing.T) {
	cli := oracle.Binary(t, "redis-cli")
	addr, _ := oracle.StartRedis(t)
	_, port, _ := strings.Cut(addr, ":")
	redisCLI := func(tty bool, stdin string, args ...string) evalResult {
		cmd := exec.Command(cli, append([]string{"-p", port}, args...)...)
		cmd.Env = os.Environ()
		if tty {
			cmd.Env = append(cmd.Env, "FAKETTY=1")
		}
		var out, errOut bytes.Buffer
		cmd.Stdin, cmd.Stdout, cmd.Stderr = strings.NewReader(stdin), &out, &errOut
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return evalResult{code, out.String(), errOut.String()}
	}
	for _, c := range evalCases {
		for _, m := range evalModes {
			t.Run(c.name+"/"+m.name, func(t *testing.T) {
				redisCLI(false, "", "FLUSHALL")
				redisCLI(false, "", "SCRIPT", "FLUSH")
				if c.preload != "" {
					db := "0"
					for i, f := range c.flags {
						if f == "-n" {
							db = c.flags[i+1]
						}
					}
					if r := redisCLI(false, commandsOf(t, filepath.Join("testdata", "eval", c.preload)), "-n", db); strings.Contains(r.stdout, "ERR") {
						t.Fatalf("preload: %s", r.stdout)
					}
				}
				var args []string
				if m.resp3 {
					args = append(args, "-3")
				}
				args = append(args, c.flags...)
				args = append(args, "--eval", filepath.Join("testdata", "eval", "scripts", c.script))
				got := redisCLI(m.tty, "", append(args, c.args...)...)
				path := evalGoldenPath(c, m.name)
				if *update {
					if err := os.WriteFile(path, []byte(got.format()), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				text, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if want, err := parseEvalGolden(string(text)); err != nil || want != got {
					t.Errorf("redis-cli %s drifted from %s (%v):\n%s", strings.Join(args, " "), path, err, got.format())
				}
			})
		}
	}
}

// commandsOf is a preload file without its comment lines, as redis-cli reads commands on stdin.
func commandsOf(t *testing.T, path string) string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if !strings.HasPrefix(strings.TrimSpace(sc.Text()), "#") {
			b.WriteString(sc.Text() + "\n")
		}
	}
	return b.String()
}

// splitArgsLines are the lines of testdata/eval/splitargs.txt; the golden holds, for each, the
// arguments redis-cli sent (as JSON) or its complaint.
func splitArgsLines(t *testing.T) []string {
	text, err := os.ReadFile(filepath.Join("testdata", "eval", "splitargs.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(text), "\n"), "\n")
}

const splitArgsGolden = "testdata/eval/splitargs.golden"

// hexArgsEval is an EVAL command (without numkeys) answering ARGV as "=hex,=hex,...".
const hexArgsEval = `EVAL "local t = {} for i, a in ipairs(ARGV) do t[i] = '=' .. a:gsub('.', function(c) return string.format('%02x', c:byte()) end) end return table.concat(t, ',')"`

// splitArgsResult is how the golden writes a split line: the arguments as a Go-quoted list, or
// the error.
func splitArgsResult(args []string, err error) string {
	if err != nil {
		return err.Error()
	}
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = strconv.Quote(a)
	}
	return "[" + strings.Join(q, " ") + "]"
}

func TestSplitArgs(t *testing.T) {
	text, err := os.ReadFile(splitArgsGolden)
	if err != nil {
		t.Fatalf("%v (record with: go test ./cmd/redmoon -run TestSplitArgsOracle -update)", err)
	}
	want := strings.Split(strings.TrimSuffix(string(text), "\n"), "\n")
	lines := splitArgsLines(t)
	if len(want) != len(lines) {
		t.Fatalf("%d golden lines for %d lines", len(want), len(lines))
	}
	for i, line := range lines {
		if got := splitArgsResult(splitArgs(line)); got != want[i] {
			t.Errorf("splitArgs(%q) = %s, want %s", line, got, want[i])
		}
	}
}

// TestSplitArgsOracle sends each line to redis-cli on its standard input, after
// an EVAL whose script answers the arguments in hex, so the server shows the bytes of the
// arguments redis-cli split.
func TestSplitArgsOracle(t *testing.T) {
	cli := oracle.Binary(t, "redis-cli")
	addr, _ := oracle.StartRedis(t)
	_, port, _ := strings.Cut(addr, ":")
	var got []string
	for _, line := range splitArgsLines(t) {
		cmd := exec.Command(cli, "-p", port)
		cmd.Stdin = strings.NewReader(hexArgsEval + " 0 " + line + "\n")
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Run(); err != nil {
			t.Fatalf("%q: %v %s", line, err, errOut.String())
		}
		if e := strings.TrimSpace(errOut.String() + out.String()); strings.HasPrefix(e, errInvalidArgs.Error()) {
			got = append(got, e)
			continue
		}
		var args []string
		for _, h := range strings.Split(strings.TrimSuffix(out.String(), "\n"), ",") {
			b, err := hex.DecodeString(strings.TrimPrefix(h, "="))
			if err != nil {
				t.Fatalf("%q: %q: %v", line, out.String(), err)
			}
			args = append(args, string(b))
		}
		got = append(got, splitArgsResult(args, nil))
	}
	text := strings.Join(got, "\n") + "\n"
	if *update {
		if err := os.WriteFile(splitArgsGolden, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(splitArgsGolden)
	if err != nil || string(want) != text {
		t.Errorf("redis-cli drifted from %s (%v):\n%s", splitArgsGolden, err, text)
	}
}

// TestEvalOwnErrors covers what only redmoon eval has (no redis-cli counterpart): the preload
// file's errors, its usage, and the bounds of --databases.
func TestEvalOwnErrors(t *testing.T) {
	os.Unsetenv("FAKETTY")
	dir := t.TempDir()
	badQuote := filepath.Join(dir, "quote.txt")
	if err := os.WriteFile(badQuote, []byte("SET a 1\nSET b \"open\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	script := filepath.Join("testdata", "eval", "scripts", "count.lua")
	cases := []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"--preload", filepath.Join("testdata", "eval", "preload-bad.txt"), script}, 1, "",
			"redmoon eval: testdata/eval/preload-bad.txt:2: (error) ERR wrong number of arguments for 'incr' command\n"},
		{[]string{"--preload", badQuote, script}, 1, "", "redmoon eval: " + badQuote + ":2: Invalid argument(s)\n"},
		{[]string{"--preload", filepath.Join(dir, "none.txt"), script}, 1, "",
			"Can't open file '" + filepath.Join(dir, "none.txt") + "': No such file or directory\n"},
		{[]string{"--databases", "0", script}, 2, "", "redmoon eval: databases must be between 1 and 65536 (got 0)\n"},
		{[]string{"--databases", "20", "-n", "19", script, "a", ",", "b"}, 0, "1\n1\na\nb\n", ""},
		{[]string{"--help"}, 0, evalUsage, ""},
		{nil, 2, "", evalUsage},
	}
	for _, c := range cases {
		var out, errOut bytes.Buffer
		code := run(append([]string{"eval"}, c.args...), &out, &errOut)
		if code != c.code || out.String() != c.stdout || errOut.String() != c.stderr {
			t.Errorf("redmoon eval %q = %d, %q, %q; want %d, %q, %q", c.args, code, out.String(), errOut.String(), c.code, c.stdout, c.stderr)
		}
	}
}

// FuzzSplitArgs checks that splitting never panics and that arguments written back with
// double-quote escapes split into the same arguments.
func FuzzSplitArgs(f *testing.F) {
	for _, l := range []string{`a "b c" 'd\'e'`, `"\x41\n"`, `mid"dle q" x`, `"open`, ``, `'a'b`} {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, line string) {
		args, err := splitArgs(line)
		if err != nil {
			return
		}
		var b strings.Builder
		for _, a := range args {
			b.WriteString(` "`)
			for i := 0; i < len(a); i++ {
				fmt.Fprintf(&b, `\x%02x`, a[i])
			}
			b.WriteString(`"`)
		}
		again, err := splitArgs(b.String())
		if err != nil || strings.Join(again, "\x00|") != strings.Join(args, "\x00|") || len(again) != len(args) {
			t.Fatalf("%q split into %q; re-quoted %q split into %q, %v", line, args, b.String(), again, err)
		}
	})
}
