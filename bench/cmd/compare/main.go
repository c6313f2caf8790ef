// Command compare measures redmoon side by side with its peers and prints four Markdown
// tables, each also written to a file:
//
//  1. vm.md: the Lua programs of bench/suite under redmoon, lua5.1, luajit -joff, luajit,
//     gopher-lua and go-lua (time per program, ratio to lua5.1, geometric means);
//  2. embedded.md: in-process EVAL and EVALSHA of typical scripts through redisbridge's
//     embedded API and through miniredis (calls per second, allocations per call);
//  3. server.md: redis-benchmark against the redmoon server and redis-server (GET, SET and
//     scripts at pipeline 1 and 16, requests per second);
//  4. memory.md: bytes per key for 1M small strings and 100k hashes of 10 fields.
//
// Usage, from the repository root:
//
//	go run ./bench/cmd/compare                  # the full run (tens of minutes), into bench/results
//	go run ./bench/cmd/compare -smoke           # every table at tiny sizes, in seconds (CI)
//	go run ./bench/cmd/compare -only vm fib sort
//
// Engines run in separate processes, alternating run by run, so that a noisy machine hits
// them alike; ratios are taken within one run of the driver. A peer that is not installed
// is skipped with a line that says how to install it. The exit status is 1 when redmoon
// fails, prints a wrong checksum or a wrong reply; peers' failures are only reported.
// bench/README.md documents the method.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// config is the run's settings.
type config struct {
	root, tmp, out string
	smoke          bool
	metric         string
	runs           int
	scale          string
	dir            string
	programs       []string
	engines        map[string]bool // -engines: the Lua VM table's engines (empty: all)
	timeout        time.Duration
	vmTimeout      time.Duration
	embedSeconds   float64
	embedRounds    int
	serverRounds   int
	requests       int
	memStrings     int
	memHashes      int

	runner  string            // bench/cmd/runner binary
	redmoon string            // cmd/redmoon binary
	peers   map[string]string // Go peer runner binaries by name
}

func (c config) metricText() string {
	if c.metric == "wall" {
		return "wall (elapsed time)"
	}
	return "cpu (user+system time of the process, which includes the Go collector's background work)"
}

// section is one table of the run.
type section struct {
	name, file, title string
	run               func(cfg *config) (body string, ok bool)
}

var sections = []section{
	{"vm", "vm.md", "Lua VM", vmSection},
	{"embedded", "embedded.md", "Embedded scripting", embeddedSection},
	{"server", "server.md", "Server", serverSection},
	{"memory", "memory.md", "Memory", memorySection},
}

func main() {
	var cfg config
	flag.BoolVar(&cfg.smoke, "smoke", false, "tiny sizes and one run each: checks that everything works, in seconds")
	flag.StringVar(&cfg.metric, "metric", "cpu", "time measure for the Lua VM and embedded tables: cpu (user+system) or wall")
	flag.IntVar(&cfg.runs, "runs", 5, "alternating runs per program and engine (Lua VM table)")
	flag.StringVar(&cfg.scale, "scale", "1", "size factor passed to the Lua programs")
	flag.StringVar(&cfg.dir, "dir", "bench/suite", "directory of the Lua programs (relative to the repository root)")
	flag.StringVar(&cfg.out, "out", "", "directory for the tables (default bench/results; a temporary one with -smoke)")
	only := flag.String("only", "", "comma-separated sections to run: vm, embedded, server, memory (default all)")
	engines := flag.String("engines", "", "comma-separated engines of the Lua VM table besides redmoon (default all): "+
		strings.Join(luaEngineNames[1:], ", "))
	flag.DurationVar(&cfg.timeout, "timeout", 10*time.Minute, "limit for one run of one engine (embedded and memory tables)")
	flag.DurationVar(&cfg.vmTimeout, "vm-timeout", 90*time.Second,
		"limit for one run of a Lua program (elapsed time); a slower engine is shown as timed out on that program")
	flag.Float64Var(&cfg.embedSeconds, "embed-seconds", 1, "CPU seconds of timed calls per embedded measurement")
	flag.IntVar(&cfg.embedRounds, "embed-rounds", 5, "alternating rounds per embedded measurement")
	flag.IntVar(&cfg.serverRounds, "server-rounds", 3, "alternating redis-benchmark rounds per workload")
	flag.IntVar(&cfg.requests, "requests", 50000, "redis-benchmark requests per run at pipeline 1 (x4 at pipeline 16)")
	flag.IntVar(&cfg.memStrings, "mem-strings", 1000000, "string keys in the memory table")
	flag.IntVar(&cfg.memHashes, "mem-hashes", 100000, "hash keys in the memory table")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./bench/cmd/compare [flags] [program ...]")
		flag.PrintDefaults()
	}
	flag.Parse()
	cfg.programs = flag.Args()
	if cfg.metric != "cpu" && cfg.metric != "wall" {
		fail(fmt.Errorf("-metric must be cpu or wall"))
	}
	if cfg.smoke {
		setFlagDefaults(map[string]string{
			"runs": "1", "scale": "0.02", "embed-seconds": "0.02", "embed-rounds": "1",
			"server-rounds": "1", "requests": "2000", "mem-strings": "20000", "mem-hashes": "2000",
		})
	}
	want := map[string]bool{}
	for _, s := range strings.Split(*only, ",") {
		if s = strings.TrimSpace(s); s != "" {
			want[s] = true
		}
	}
	for name := range want {
		known := false
		for _, s := range sections {
			known = known || s.name == name
		}
		if !known {
			fail(fmt.Errorf("-only: unknown section %q", name))
		}
	}

	var err error
	if cfg.engines, err = parseEngines(*engines); err != nil {
		fail(err)
	}

	root, err := findRoot()
	if err != nil {
		fail(err)
	}
	cfg.root = root
	var note string
	if cfg.dir, note = programDir(root, cfg.dir); note != "" {
		fmt.Fprintln(os.Stderr, "note:", note)
	}
	if cfg.tmp, err = os.MkdirTemp("", "redmoon-compare"); err != nil {
		fail(err)
	}
	defer os.RemoveAll(cfg.tmp)
	if cfg.out == "" {
		cfg.out = filepath.Join(root, "bench", "results")
		if cfg.smoke {
			cfg.out = filepath.Join(cfg.tmp, "results")
		}
	}
	if err := os.MkdirAll(cfg.out, 0o755); err != nil {
		fail(err)
	}
	if err := buildAll(&cfg); err != nil {
		fail(err)
	}

	header := machineHeader(root, cfg)
	fmt.Print(header, "\n")
	all := header
	ok := true
	for _, s := range sections {
		if len(want) > 0 && !want[s.name] {
			continue
		}
		fmt.Fprintf(os.Stderr, "== %s\n", s.title)
		body, sok := s.run(&cfg)
		ok = ok && sok
		text := "## " + s.title + "\n\n" + body
		fmt.Print(text, "\n")
		all += "\n" + text
		if err := os.WriteFile(filepath.Join(cfg.out, s.file), []byte(header+"\n"+text), 0o644); err != nil {
			fail(err)
		}
	}
	end := fmt.Sprintf("\n- finished: %s, load average %s\n", time.Now().UTC().Format("2006-01-02 15:04 MST"), loadAverage())
	fmt.Print(end)
	all += end
	if len(skipped) > 0 {
		notes := "\n## Skipped\n\n"
		for _, s := range skipped {
			notes += "- " + s + "\n"
		}
		fmt.Print(notes)
		all += notes
	}
	if err := os.WriteFile(filepath.Join(cfg.out, "all.md"), []byte(all), 0o644); err != nil {
		fail(err)
	}
	fmt.Fprintf(os.Stderr, "tables written to %s\n", cfg.out)
	if !ok {
		fmt.Fprintln(os.Stderr, "compare: redmoon failed or answered wrongly (see the tables)")
		os.Exit(1)
	}
}

// parseEngines reads -engines: names from luaEngineNames, comma-separated.
func parseEngines(list string) (map[string]bool, error) {
	want := map[string]bool{}
	for _, name := range strings.Split(list, ",") {
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		if !slices.Contains(luaEngineNames, name) {
			return nil, fmt.Errorf("-engines: unknown engine %q (known: %s)", name, strings.Join(luaEngineNames, ", "))
		}
		want[name] = true
	}
	return want, nil
}

// retiredDir is the directory of Lua programs that bench/suite absorbed; -dir still accepts it.
const retiredDir = "bench/programs"

// programDir resolves -dir: the retired bench/programs, once it is gone, means bench/suite
// (which holds its programs: the ones of the same name measure the same things at full scale),
// with a note saying so.
func programDir(root, dir string) (resolved, note string) {
	if filepath.Clean(dir) != retiredDir {
		return dir, ""
	}
	if _, err := os.Stat(filepath.Join(root, retiredDir)); err == nil {
		return dir, ""
	}
	return "bench/suite", retiredDir + " was merged into bench/suite; measuring bench/suite"
}

// setFlagDefaults sets the flags that the command line did not set (their variables follow).
func setFlagDefaults(vals map[string]string) {
	set := map[string]bool{}
	flag.Visit(func(f *flag.Flag) { set[f.Name] = true })
	for name, v := range vals {
		if !set[name] {
			flag.Set(name, v)
		}
	}
}

// buildAll builds redmoon's runner and server and the Go peers' runners into cfg.tmp. A peer
// module that does not build is skipped with the reason.
func buildAll(cfg *config) error {
	fmt.Fprintln(os.Stderr, "building redmoon and the Go peers...")
	cfg.runner = filepath.Join(cfg.tmp, "runner")
	if err := goBuild(cfg.root, cfg.runner, "./bench/cmd/runner"); err != nil {
		return err
	}
	cfg.redmoon = filepath.Join(cfg.tmp, "redmoon")
	if err := goBuild(cfg.root, cfg.redmoon, "./cmd/redmoon"); err != nil {
		return err
	}
	cfg.peers = map[string]string{}
	peersDir := filepath.Join(cfg.root, "bench", "peers")
	bin := filepath.Join(cfg.tmp, "peers") + string(os.PathSeparator)
	if err := goBuild(peersDir, bin, "./cmd/..."); err != nil {
		skipf("Go peers (gopher-lua, go-lua, miniredis): the module bench/peers did not build; "+
			"it needs the Go module proxy once (cd bench/peers && go mod download): %v", firstLine(err.Error()))
		return nil
	}
	for _, name := range []string{"gopher-lua", "go-lua", "miniredis"} {
		cfg.peers[name] = filepath.Join(bin, name)
	}
	return nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "compare:", err)
	os.Exit(2)
}
