package main

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
)

// luaEngine is one column of the Lua VM table.
type luaEngine struct {
	name string
	argv func(program, scale string) []string
}

// goluaNote explains the missing arnodel/golua column.
const goluaNote = "golua (github.com/arnodel/golua): not measured: the Go module proxy refuses the module " +
	"(403 Forbidden, \"This module version is not available\", on 2026-11-25 and before); once " +
	"`cd bench/peers && go get github.com/arnodel/golua@latest` works, add a runner under bench/peers/cmd/golua"

// luaEngines returns the engines of the Lua VM table that are present, redmoon first and
// lua5.1 second; the missing ones are reported.
func luaEngines(cfg *config) []luaEngine {
	engines := []luaEngine{{"redmoon", func(p, s string) []string { return []string{cfg.runner, "lua", p, s} }}}
	if lua := lookTool("lua5.1", "Lua VM table, PUC Lua 5.1"); lua != "" {
		engines = append(engines, luaEngine{"lua5.1", func(p, s string) []string { return []string{lua, p, s} }})
	}
	if jit := lookTool("luajit", "Lua VM table, LuaJIT"); jit != "" {
		engines = append(engines,
			luaEngine{"luajit -joff", func(p, s string) []string { return []string{jit, "-joff", p, s} }},
			luaEngine{"luajit", func(p, s string) []string { return []string{jit, p, s} }})
	}
	for _, name := range []string{"gopher-lua", "go-lua"} {
		if bin, ok := cfg.peers[name]; ok {
			engines = append(engines, luaEngine{name, func(p, s string) []string { return []string{bin, p, s} }})
		}
	}
	if len(cfg.engines) == 0 || cfg.engines["golua"] {
		skipf("%s", goluaNote)
	}
	return selectEngines(engines, cfg.engines)
}

// luaEngineNames are the names -engines accepts ("luajit-joff" for "luajit -joff").
var luaEngineNames = []string{"redmoon", "lua5.1", "luajit-joff", "luajit", "gopher-lua", "go-lua", "golua"}

// engineKey is an engine's name as -engines spells it.
func engineKey(name string) string { return strings.ReplaceAll(name, " ", "") }

// selectEngines keeps redmoon and the engines named in want (all of them when want is empty).
func selectEngines(engines []luaEngine, want map[string]bool) []luaEngine {
	if len(want) == 0 {
		return engines
	}
	var out []luaEngine
	for i, e := range engines {
		if i == 0 || want[engineKey(e.name)] {
			out = append(out, e)
		}
	}
	return out
}

// programResult is one engine's runs of one program.
type programResult struct {
	times  []float64 // seconds, start-up subtracted
	output string    // the first run's standard output
	err    error     // the run failed
	wrong  bool      // the output differs from the reference
}

// rotate returns the engines' indices starting at k, so that no engine always runs first.
func rotate(n, k int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = (i + k) % n
	}
	return idx
}

func vmSection(cfg *config) (string, bool) {
	files, err := filepath.Glob(filepath.Join(cfg.root, cfg.dir, "*.lua"))
	if err != nil || len(files) == 0 {
		return fmt.Sprintf("No programs in %s.\n", cfg.dir), false
	}
	if len(cfg.programs) > 0 {
		if files, err = selectPrograms(files, cfg.programs); err != nil {
			return fmt.Sprintf("%v (in %s).\n", err, cfg.dir), false
		}
	}
	engines := luaEngines(cfg)

	// Start-up: an empty program, alternating like the others.
	empty := filepath.Join(cfg.tmp, "empty.lua")
	if err := os.WriteFile(empty, []byte("-- start-up only\n"), 0o644); err != nil {
		return err.Error(), false
	}
	startup := make([][]float64, len(engines))
	for r := 0; r < max(cfg.runs, 3); r++ {
		for _, e := range rotate(len(engines), r) {
			m, err := runTimed(cfg.vmTimeout, "", engines[e].argv(empty, cfg.scale)...)
			if err != nil {
				return fmt.Sprintf("%s failed on an empty program: %v\n", engines[e].name, err), false
			}
			startup[e] = append(startup[e], m.seconds(cfg.metric))
		}
	}
	base := make([]float64, len(engines))
	for e := range engines {
		base[e] = summarize(startup[e]).Median
	}

	results := make([][]programResult, len(files))
	for p, f := range files {
		fmt.Fprintf(os.Stderr, "  %s:", progName(f))
		res := make([]programResult, len(engines))
		for r := 0; r < cfg.runs; r++ {
			for _, e := range rotate(len(engines), r+p) {
				if res[e].err != nil {
					continue
				}
				m, err := runTimed(cfg.vmTimeout, "", engines[e].argv(f, cfg.scale)...)
				if err != nil {
					res[e].err = err
					continue
				}
				out := strings.TrimSpace(m.Stdout)
				if len(res[e].times) == 0 {
					res[e].output = out
				} else if out != res[e].output {
					res[e].err = fmt.Errorf("run %d printed %q, run 1 %q", r+1, oneLine(out), oneLine(res[e].output))
					continue
				}
				res[e].times = append(res[e].times, math.Max(0, m.seconds(cfg.metric)-base[e]))
			}
			fmt.Fprint(os.Stderr, ".")
		}
		fmt.Fprintln(os.Stderr)
		// The reference answer is lua5.1's (engine 1) when it ran, else redmoon's.
		ref := res[0].output
		if len(engines) > 1 && engines[1].name == "lua5.1" && res[1].err == nil {
			ref = res[1].output
		}
		for e := range res {
			res[e].wrong = res[e].err == nil && res[e].output != ref
		}
		results[p] = res
	}
	return renderVM(cfg, files, engines, base, results)
}

// selectPrograms keeps the files named by want (program names without .lua), in the
// directory's order; a name without a file is an error.
func selectPrograms(files, want []string) ([]string, error) {
	found := map[string]bool{}
	var sel []string
	for _, f := range files {
		for _, w := range want {
			if progName(f) == w && !found[w] {
				found[w] = true
				sel = append(sel, f)
			}
		}
	}
	var missing []string
	for _, w := range want {
		if !found[w] {
			missing = append(missing, w)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("no program named %s", strings.Join(missing, ", "))
	}
	return sel, nil
}

func progName(path string) string { return strings.TrimSuffix(filepath.Base(path), ".lua") }

// renderVM builds the two tables (ratios, then seconds) and the notes.
func renderVM(cfg *config, files []string, engines []luaEngine, startup []float64, results [][]programResult) (string, bool) {
	names := make([]string, len(engines))
	for i, e := range engines {
		names[i] = e.name
	}
	baseName := "lua5.1"
	baseIdx := 1
	if len(engines) < 2 || engines[1].name != "lua5.1" {
		baseName, baseIdx = "redmoon", 0
	}
	ratios := newTable(append([]string{"program"}, names...)...)
	seconds := newTable(append([]string{"program"}, names...)...)
	logs := make([][]float64, len(engines))
	valid := make([][]float64, len(files)) // valid[p][e]: the ratio, NaN when there is none
	ok := true
	var notes []string
	for p, f := range files {
		res := results[p]
		baseMed := math.NaN()
		if b := res[baseIdx]; b.err == nil && !b.wrong {
			baseMed = summarize(b.times).Median
		}
		rrow := []string{progName(f)}
		srow := []string{progName(f)}
		valid[p] = make([]float64, len(engines))
		for e := range engines {
			valid[p][e] = math.NaN()
			r := res[e]
			var te timeoutError
			switch {
			case errors.As(r.err, &te):
				// The run was stopped: its time is at least the limit.
				over := "-"
				if x := te.limit.Seconds() / baseMed; !math.IsNaN(x) && !math.IsInf(x, 0) {
					over = ">" + ratio(x)
				}
				rrow, srow = append(rrow, over), append(srow, fmt.Sprintf("> %g", te.limit.Seconds()))
				notes = append(notes, fmt.Sprintf("%s on %s: %v", engines[e].name, progName(f), r.err))
			case r.err != nil:
				rrow, srow = append(rrow, "error"), append(srow, "error")
				notes = append(notes, fmt.Sprintf("%s on %s: %v", engines[e].name, progName(f), r.err))
			case r.wrong:
				rrow, srow = append(rrow, "wrong"), append(srow, "wrong")
				notes = append(notes, fmt.Sprintf("%s on %s printed %q, want %q", engines[e].name, progName(f),
					oneLine(r.output), oneLine(res[baseIdx].output)))
			default:
				s := summarize(r.times)
				x := s.Median / baseMed
				rrow = append(rrow, ratio(x))
				srow = append(srow, fmt.Sprintf("%s / %s / %s", secs(s.Min), secs(s.Median), secs(s.Max)))
				if x > 0 && !math.IsNaN(x) && !math.IsInf(x, 0) {
					logs[e] = append(logs[e], x)
					valid[p][e] = x
				}
			}
			if e == 0 && (r.err != nil || r.wrong) {
				ok = false
			}
		}
		ratios.add(rrow...)
		seconds.add(srow...)
	}
	grow := []string{"**geometric mean**"}
	for e := range engines {
		g := ratio(geomean(logs[e]))
		if n := len(logs[e]); n < len(files) && n > 0 {
			g += fmt.Sprintf(" (%d of %d)", n, len(files))
		}
		grow = append(grow, "**"+g+"**")
	}
	ratios.add(grow...)
	// Geometric means over different programs do not compare: when an engine lacks some, a
	// second row takes only the programs every engine ran right.
	common := make([][]float64, len(engines))
	for p := range files {
		all := true
		for e := range engines {
			all = all && !math.IsNaN(valid[p][e])
		}
		if all {
			for e := range engines {
				common[e] = append(common[e], valid[p][e])
			}
		}
	}
	if n := len(common[0]); n > 0 && n < len(files) {
		crow := []string{fmt.Sprintf("**geometric mean, %d in common**", n)}
		for e := range engines {
			crow = append(crow, "**"+ratio(geomean(common[e]))+"**")
		}
		ratios.add(crow...)
	}
	srow := []string{"start-up (excluded)"}
	for e := range engines {
		srow = append(srow, secs(startup[e]))
	}
	seconds.add(srow...)

	var sb strings.Builder
	few := ""
	if cfg.runs < 5 && !cfg.smoke {
		few = " (fewer than the 5 the method asks for: the medians are not stable)"
	}
	fmt.Fprintf(&sb, "Time ratio to %s (median of %d alternating runs%s, %s, start-up excluded; lower is better; "+
		"\"wrong\" is a checksum that differs from %s's and counts as no result):\n\n", baseName, cfg.runs, few, cfg.metric, baseName)
	sb.WriteString(ratios.markdown())
	fmt.Fprintf(&sb, "\nSeconds, min / median / max (the median start-up time of each engine, measured on an empty program "+
		"in the same alternation, is subtracted from every run; scale %s):\n\n", cfg.scale)
	sb.WriteString(seconds.markdown())
	sb.WriteString(noteList(notes))
	return sb.String(), ok
}

func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\t", " ")
	s = strings.ReplaceAll(s, "\n", " | ")
	if len(s) > 120 {
		s = s[:120] + "..."
	}
	return s
}
