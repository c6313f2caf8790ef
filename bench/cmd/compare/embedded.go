package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/redmoon-dev/redmoon/bench/internal/runner"
)

// scriptEngine is one column group of the embedded-scripting table.
type scriptEngine struct {
	name string
	argv []string // reads a runner.Job on stdin, prints a runner.Result
}

// embeddedResult is one engine's rounds of one script.
type embeddedResult struct {
	rates, allocs, bytes []float64 // calls per second, allocations and bytes per call
	first                string
	err                  error
}

func embeddedSection(cfg *config) (string, bool) {
	engines := []scriptEngine{{"redmoon", []string{cfg.runner, "eval"}}}
	if bin, ok := cfg.peers["miniredis"]; ok {
		engines = append(engines, scriptEngine{"miniredis", []string{bin}})
	} else {
		skipf("embedded table: miniredis is not built (see the Go peers line)")
	}
	cols := []string{"script", "mode"}
	for _, e := range engines {
		cols = append(cols, e.name+" calls/s", e.name+" allocs/call")
	}
	if len(engines) > 1 {
		cols = append(cols, "redmoon / miniredis")
	}
	t := newTable(cols...)
	t.left = 2
	ok := true
	var notes []string
	allocsOf := map[string]float64{}
	for _, sc := range runner.EmbeddedScripts() {
		for _, sha := range []bool{false, true} {
			mode := "EVAL"
			if sha {
				mode = "EVALSHA"
			}
			fmt.Fprintf(os.Stderr, "  %s %s:", mode, sc.Name)
			job := sc.Job
			job.Sha, job.Warmup, job.Calls, job.MinSeconds = sha, 200, 100, cfg.embedSeconds
			in, _ := json.Marshal(job)
			res := make([]embeddedResult, len(engines))
			for r := 0; r < cfg.embedRounds; r++ {
				for _, e := range rotate(len(engines), r) {
					if res[e].err != nil {
						continue
					}
					m, err := runTimed(cfg.timeout, string(in), engines[e].argv...)
					var out runner.Result
					if err == nil {
						err = json.Unmarshal([]byte(m.Stdout), &out)
					}
					if err != nil {
						res[e].err = err
						continue
					}
					secs := out.CPUSeconds
					if cfg.metric == "wall" {
						secs = out.WallSeconds
					}
					n := float64(out.Calls)
					res[e].rates = append(res[e].rates, n/secs)
					res[e].allocs = append(res[e].allocs, float64(out.Mallocs)/n)
					res[e].bytes = append(res[e].bytes, float64(out.Bytes)/n)
					res[e].first = out.First
				}
				fmt.Fprint(os.Stderr, ".")
			}
			fmt.Fprintln(os.Stderr)
			row := []string{sc.Name, mode}
			for e := range engines {
				r := res[e]
				switch {
				case r.err != nil:
					row = append(row, "error", "")
					notes = append(notes, fmt.Sprintf("%s, %s %s: %v", engines[e].name, mode, sc.Name, r.err))
				case r.first != res[0].first && res[0].err == nil:
					row = append(row, "wrong", "")
					notes = append(notes, fmt.Sprintf("%s, %s %s: first reply %q, redmoon's %q",
						engines[e].name, mode, sc.Name, r.first, res[0].first))
				default:
					al := summarize(r.allocs).Median
					row = append(row, count(summarize(r.rates).Median),
						fmt.Sprintf("%s (%s B)", allocText(al), count(summarize(r.bytes).Median)))
					if e == 0 {
						allocsOf[mode+" "+sc.Name] = al
					}
				}
				if e == 0 && (r.err != nil || strings.HasPrefix(r.first, "e:")) {
					ok = false
					if r.err == nil {
						notes = append(notes, fmt.Sprintf("redmoon, %s %s: error reply %q", mode, sc.Name, r.first))
					}
				}
			}
			if len(engines) > 1 {
				x := summarize(res[0].rates).Median / summarize(res[1].rates).Median
				if res[0].err != nil || res[1].err != nil || res[1].first != res[0].first {
					row = append(row, "-")
				} else {
					row = append(row, ratio(x))
				}
			}
			t.add(row...)
		}
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "In-process calls through each engine's embedding entry point (redmoon: redisbridge's Bridge.Eval and "+
		"Bridge.EvalSha on a fresh keyspace; miniredis: its server's Dispatch with an in-memory peer, no network). "+
		"Median of %d alternating rounds, each timing at least %g s of %s time; allocations are heap allocations "+
		"per call (runtime.MemStats), with bytes per call:\n\n", cfg.embedRounds, cfg.embedSeconds, cfg.metric)
	sb.WriteString(t.markdown())
	for _, mode := range []string{"EVAL", "EVALSHA"} {
		one, okOne := allocsOf[mode+" GET"]
		loop, okLoop := allocsOf[mode+" 100 x redis.call GET"]
		if okOne && okLoop {
			fmt.Fprintf(&sb, "\nredmoon, allocations per redis.call('GET') (%s of the 100-call loop minus the "+
				"1-call script, over 99): %s\n", mode, allocText((loop-one)/99))
		}
	}
	sb.WriteString(noteList(notes))
	return sb.String(), ok
}

// allocText formats allocations per call; a difference of averages a hair below zero (noise)
// prints as zero.
func allocText(x float64) string {
	if x < 0 && x > -0.005 {
		x = 0
	}
	if x < 10 {
		return fmt.Sprintf("%.2f", x)
	}
	return count(x)
}
