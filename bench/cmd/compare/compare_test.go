package main

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestSummarize(t *testing.T) {
	cases := []struct {
		in   []float64
		want summary
	}{
		{nil, summary{}},
		{[]float64{2}, summary{2, 2, 2, 1}},
		{[]float64{3, 1, 2}, summary{1, 2, 3, 3}},
		{[]float64{4, 1, 3, 2}, summary{1, 2.5, 4, 4}},
		{[]float64{5, 5, 1, 9, 7}, summary{1, 5, 9, 5}},
	}
	for _, c := range cases {
		if got := summarize(c.in); got != c.want {
			t.Errorf("summarize(%v) = %+v, want %+v", c.in, got, c.want)
		}
	}
}

func TestGeomean(t *testing.T) {
	cases := []struct {
		in   []float64
		want float64
	}{
		{[]float64{1}, 1},
		{[]float64{2, 8}, 4},
		{[]float64{0.5, 2, 1}, 1},
		{[]float64{1, 10, 100}, 10},
	}
	for _, c := range cases {
		if got := geomean(c.in); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("geomean(%v) = %v, want %v", c.in, got, c.want)
		}
	}
	if !math.IsNaN(geomean(nil)) {
		t.Error("geomean of nothing is not NaN")
	}
}

func TestFormatting(t *testing.T) {
	cases := []struct{ got, want string }{
		{ratio(1.234), "1.23x"},
		{ratio(0.155), "0.15x"},
		{ratio(12.34), "12.3x"},
		{ratio(math.NaN()), "-"},
		{ratio(math.Inf(1)), "-"},
		{secs(0.01234), "0.012"},
		{secs(2.3456), "2.35"},
		{secs(12.34), "12.3"},
		{count(0), "0"},
		{count(999), "999"},
		{count(1000), "1,000"},
		{count(1234567.6), "1,234,568"},
		{allocText(0), "0.00"},
		{allocText(3.5), "3.50"},
		{allocText(714.2), "714"},
		{allocText(-0.0003), "0.00"},
		{allocText(-0.25), "-0.25"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: %q, want %q", i, c.got, c.want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	tb := newTable("name", "mode", "value")
	tb.left = 2
	tb.add("a", "EVAL", "1")
	tb.add("longer", "EVALSHA", "12345")
	want := "| name   | mode    | value |\n" +
		"|--------|---------|------:|\n" +
		"| a      | EVAL    | 1     |\n" +
		"| longer | EVALSHA | 12345 |\n"
	if diff := cmp.Diff(want, tb.markdown()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestRotate(t *testing.T) {
	if diff := cmp.Diff([]int{2, 0, 1}, rotate(3, 5)); diff != "" {
		t.Error(diff)
	}
	if diff := cmp.Diff([]int{0, 1, 2, 3}, rotate(4, 0)); diff != "" {
		t.Error(diff)
	}
}

// TestParseBenchmarkCSV reads outputs recorded from redis-benchmark 7.0 (testdata/*.csv).
func TestParseBenchmarkCSV(t *testing.T) {
	cases := []struct {
		file    string
		want    float64
		wantErr string
	}{
		{"get.csv", 200000, ""},
		{"eval.csv", 16666.67, ""},
		{"comma.csv", 14184.40, ""},
		{"noscript.csv", 0, "NOSCRIPT No matching script"},
	}
	for _, c := range cases {
		data, err := os.ReadFile(filepath.Join("testdata", c.file))
		if err != nil {
			t.Fatal(err)
		}
		got, err := parseBenchmarkCSV(string(data))
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%s: error %v, want one containing %q", c.file, err, c.wantErr)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%s: %v, %v; want %v", c.file, got, err, c.want)
		}
	}
	if _, err := parseBenchmarkCSV("nothing here\n"); err == nil {
		t.Error("no error for an output without a result line")
	}
}

func TestSelectPrograms(t *testing.T) {
	files := []string{"d/array.lua", "d/fib.lua", "d/sort.lua"}
	cases := []struct {
		want    []string
		got     []string
		wantErr string
	}{
		{[]string{"sort", "fib"}, []string{"d/fib.lua", "d/sort.lua"}, ""},
		{[]string{"fib", "fib"}, []string{"d/fib.lua"}, ""},
		{[]string{"fib", "nope", "gone"}, nil, "no program named nope, gone"},
	}
	for _, c := range cases {
		got, err := selectPrograms(files, c.want)
		if c.wantErr != "" {
			if err == nil || err.Error() != c.wantErr {
				t.Errorf("%v: error %v, want %q", c.want, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v: %v", c.want, err)
		}
		if diff := cmp.Diff(c.got, got); diff != "" {
			t.Errorf("%v: (-want +got):\n%s", c.want, diff)
		}
	}
}

func TestProgramDir(t *testing.T) {
	root := t.TempDir()
	cases := []struct{ dir, want string }{
		{"bench/suite", "bench/suite"},
		{"lua/stdlib/testdata/bench", "lua/stdlib/testdata/bench"},
		{"bench/programs", "bench/suite"},
		{"bench/programs/", "bench/suite"},
	}
	for _, c := range cases {
		if got, _ := programDir(root, c.dir); got != c.want {
			t.Errorf("programDir(%q) = %q, want %q", c.dir, got, c.want)
		}
	}
	// While the old directory exists, it is measured as it is.
	if err := os.MkdirAll(filepath.Join(root, "bench", "programs"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, note := programDir(root, "bench/programs"); got != "bench/programs" || note != "" {
		t.Errorf("programDir with the directory present = %q", got)
	}
}

// TestRenderVM builds the Lua VM tables from made-up results: ratios of medians to lua5.1,
// start-up times, a wrong checksum and a failed run (no ratio, out of the geometric mean, the
// run fails only when redmoon is the one at fault).
func TestRenderVM(t *testing.T) {
	engines := []luaEngine{{name: "redmoon"}, {name: "lua5.1"}, {name: "gopher-lua"}}
	files := []string{"suite/fib.lua", "suite/sort.lua"}
	startup := []float64{0.004, 0.001, 0.003}
	good := func(out string, ts ...float64) programResult { return programResult{times: ts, output: out} }
	results := [][]programResult{
		{good("c 1", 2, 1, 3), good("c 1", 2, 2, 2), good("c 1", 4, 5, 6)},
		{good("c 2", 1, 1, 1), good("c 2", 4, 4, 4), {err: fmt.Errorf("exit status 1: boom")}},
	}
	cfg := &config{runs: 3, metric: "cpu", scale: "1", smoke: true}
	got, ok := renderVM(cfg, files, engines, startup, results)
	if !ok {
		t.Error("a peer's failure failed the run")
	}
	want := `Time ratio to lua5.1 (median of 3 alternating runs, cpu, start-up excluded; lower is better; "wrong" is a checksum that differs from lua5.1's and counts as no result):

| program                         | redmoon   | lua5.1    | gopher-lua         |
|---------------------------------|----------:|----------:|-------------------:|
| fib                             | 1.00x     | 1.00x     | 2.50x              |
| sort                            | 0.25x     | 1.00x     | error              |
| **geometric mean**              | **0.50x** | **1.00x** | **2.50x (1 of 2)** |
| **geometric mean, 1 in common** | **1.00x** | **1.00x** | **2.50x**          |

Seconds, min / median / max (the median start-up time of each engine, measured on an empty program in the same alternation, is subtracted from every run; scale 1):

| program             | redmoon            | lua5.1             | gopher-lua         |
|---------------------|-------------------:|-------------------:|-------------------:|
| fib                 | 1.00 / 2.00 / 3.00 | 2.00 / 2.00 / 2.00 | 4.00 / 5.00 / 6.00 |
| sort                | 1.00 / 1.00 / 1.00 | 4.00 / 4.00 / 4.00 | error              |
| start-up (excluded) | 0.004              | 0.001              | 0.003              |

Notes:

- gopher-lua on sort: exit status 1: boom
`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	results[1][0] = programResult{times: []float64{1}, output: "c 3", wrong: true}
	results[1][2] = programResult{err: timeoutError{90 * time.Second}}
	cfg.smoke = false
	got, ok = renderVM(cfg, files, engines, startup, results)
	if ok {
		t.Error("redmoon's wrong checksum did not fail the run")
	}
	for _, w := range []string{
		`- redmoon on sort printed "c 3", want "c 2"`,
		"median of 3 alternating runs (fewer than the 5",
		"| sort                | wrong              | 4.00 / 4.00 / 4.00 | > 90               |",
		"| sort                            | wrong              | 1.00x     | >22.5x             |",
		"- gopher-lua on sort: stopped after 1m30s (the time limit)",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("output lacks %q:\n%s", w, got)
		}
	}
}

// TestGoPeerVersions reads the Go peers' versions from a go.mod in both require forms.
func TestGoPeerVersions(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "bench", "peers")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	mod := `module github.com/redmoon-dev/redmoon/bench/peers

go 1.26

require github.com/arnodel/golua v0.1.0

require (
	github.com/Shopify/go-lua v0.0.0-20250718183320-1e37f32ad7d0
	github.com/alicebob/miniredis/v2 v2.40.0
	github.com/yuin/gopher-lua v1.1.2
	github.com/yuin/gopher-lua/other v1.0.0 // indirect
)
`
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644); err != nil {
		t.Fatal(err)
	}
	want := []string{"golua v0.1.0", "go-lua v0.0.0-20250718183320-1e37f32ad7d0", "miniredis v2.40.0", "gopher-lua v1.1.2"}
	if diff := cmp.Diff(want, goPeerVersions(root)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if got := goPeerVersions(t.TempDir()); got != nil {
		t.Errorf("without a go.mod: %v", got)
	}
}

// TestParseProcStat reads utime+stime from /proc/PID/stat lines (recorded from Linux 6.x),
// including a command name with spaces and parentheses.
func TestParseProcStat(t *testing.T) {
	cases := []struct {
		line    string
		want    int64
		wantErr bool
	}{
		{"24662 (cat) R 24657 24657 6977 0 -1 4194304 100 0 0 0 7 3 0 0 20 0 1 0 1427339 3133440 412", 10, false},
		{"1609 (redis-server) S 1 1609 1 0 -1 4194560 503 0 0 0 1234 567 0 0 20 0 5 0 9 1 2", 1801, false},
		{"77 (a) b (c)) S 1 77 1 0 -1 0 0 0 0 0 40 2 0 0 20 0 1 0 9 1 2", 42, false},
		{"77 (cut) S 1 77 1 0", 0, true},
		{"no parenthesis", 0, true},
		{"77 (x) S 1 77 1 0 -1 0 0 0 0 0 ab 2 0 0", 0, true},
	}
	for _, c := range cases {
		got, err := parseProcStat(c.line)
		if (err != nil) != c.wantErr || got != c.want {
			t.Errorf("parseProcStat(%q) = %d, %v; want %d (error %v)", c.line, got, err, c.want, c.wantErr)
		}
	}
	// The live process: its own CPU time is readable and not negative.
	if data, err := os.ReadFile("/proc/self/stat"); err == nil {
		if n, err := parseProcStat(string(data)); err != nil || n < 0 {
			t.Errorf("/proc/self/stat: %d, %v", n, err)
		}
	}
}

func TestRateCells(t *testing.T) {
	boom := fmt.Errorf("boom")
	cases := []struct {
		rates  [][]float64
		failed []error
		want   []string
	}{
		{[][]float64{{3000, 1000, 2000}, {1000, 1000, 1000}}, []error{nil, nil}, []string{"2,000", "1,000", "2.00x"}},
		{[][]float64{{10}, nil}, []error{nil, boom}, []string{"10", "error", "-"}},
		{[][]float64{{10}, nil}, []error{nil, nil}, []string{"10", "-", "-"}},
		{[][]float64{{1234.4}}, []error{nil}, []string{"1,234"}},
	}
	for _, c := range cases {
		if diff := cmp.Diff(c.want, rateCells(c.rates, c.failed)); diff != "" {
			t.Errorf("rateCells(%v): (-want +got):\n%s", c.rates, diff)
		}
	}
}

func TestEngineSelection(t *testing.T) {
	all := []luaEngine{{name: "redmoon"}, {name: "lua5.1"}, {name: "luajit -joff"}, {name: "luajit"}, {name: "go-lua"}}
	names := func(es []luaEngine) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.name)
		}
		return out
	}
	cases := []struct {
		list    string
		want    []string
		wantErr string
	}{
		{"", []string{"redmoon", "lua5.1", "luajit -joff", "luajit", "go-lua"}, ""},
		{"lua5.1", []string{"redmoon", "lua5.1"}, ""},
		{" luajit-joff , go-lua", []string{"redmoon", "luajit -joff", "go-lua"}, ""},
		{"redmoon", []string{"redmoon"}, ""},
		{"lua5.1,luajit -joff", nil, `-engines: unknown engine "luajit -joff"`},
		{"puc", nil, `-engines: unknown engine "puc"`},
	}
	for _, c := range cases {
		want, err := parseEngines(c.list)
		if c.wantErr != "" {
			if err == nil || !strings.HasPrefix(err.Error(), c.wantErr) {
				t.Errorf("%q: error %v, want %q", c.list, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%q: %v", c.list, err)
		}
		if diff := cmp.Diff(c.want, names(selectEngines(all, want))); diff != "" {
			t.Errorf("%q: (-want +got):\n%s", c.list, diff)
		}
	}
}

func TestNoteList(t *testing.T) {
	if got := noteList(nil); got != "" {
		t.Errorf("no notes: %q", got)
	}
	got := noteList([]string{"go-lua on patterns: exit status 1", "gopher-lua on strbuild: registry overflow\nstack traceback:\n\t[G]: in function 'concat'\n"})
	want := "\nNotes:\n\n- go-lua on patterns: exit status 1\n" +
		"- gopher-lua on strbuild: registry overflow | stack traceback: | [G]: in function 'concat'\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
