// Command compare times each Lua program of bench/programs under redmoon and under PUC Lua 5.1
// (lua5.1), alternating the two engines run after run so that machine noise hits both alike, and
// prints for each program the min/median/max wall time of each engine, the ratio of the medians
// and, at the end, the geometric mean of the ratios.
//
//	go run ./bench/compare                 # 5 runs per program and engine
//	go run ./bench/compare -runs 9 -cpu    # compare user+system CPU time instead of wall time
//	go run ./bench/compare fib closures    # only these programs
//
// It builds the redmoon binary first (go build ./cmd/redmoon) unless -redmoon names one.
package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

func main() {
	runs := flag.Int("runs", 5, "runs per program and engine")
	useCPU := flag.Bool("cpu", false, "compare user+system CPU time instead of wall time")
	redmoon := flag.String("redmoon", "", "redmoon binary (default: build ./cmd/redmoon)")
	peer := flag.String("lua", "lua5.1", "the PUC Lua 5.1 binary")
	dir := flag.String("dir", "bench/programs", "directory of the Lua programs")
	flag.Parse()

	bin := *redmoon
	if bin == "" {
		tmp, err := os.MkdirTemp("", "redmoon-bench")
		if err != nil {
			fail(err)
		}
		defer os.RemoveAll(tmp)
		bin = filepath.Join(tmp, "redmoon")
		build := exec.Command("go", "build", "-o", bin, "./cmd/redmoon")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			fail(fmt.Errorf("building redmoon: %v", err))
		}
	}
	files, err := filepath.Glob(filepath.Join(*dir, "*.lua"))
	if err != nil || len(files) == 0 {
		fail(fmt.Errorf("no programs in %s", *dir))
	}
	if want := flag.Args(); len(want) > 0 {
		var sel []string
		for _, f := range files {
			for _, w := range want {
				if strings.TrimSuffix(filepath.Base(f), ".lua") == w {
					sel = append(sel, f)
				}
			}
		}
		files = sel
	}
	what := "wall"
	if *useCPU {
		what = "cpu"
	}
	fmt.Printf("%-16s %28s %28s %7s\n", "program ("+what+" s)", "lua5.1 min/med/max", "redmoon min/med/max", "ratio")
	logSum, n := 0.0, 0
	for _, f := range files {
		var a, b []float64
		for r := 0; r < *runs; r++ {
			a = append(a, timeRun(*useCPU, *peer, f))
			b = append(b, timeRun(*useCPU, bin, "lua", f))
		}
		sort.Float64s(a)
		sort.Float64s(b)
		ma, mb := a[len(a)/2], b[len(b)/2]
		ratio := mb / ma
		logSum += math.Log(ratio)
		n++
		fmt.Printf("%-16s %8.3f %8.3f %8.3f   %8.3f %8.3f %8.3f %6.2fx\n",
			strings.TrimSuffix(filepath.Base(f), ".lua"), a[0], ma, a[len(a)-1], b[0], mb, b[len(b)-1], ratio)
	}
	fmt.Printf("geometric mean of the ratios: %.2fx (%d programs, %d runs each)\n", math.Exp(logSum/float64(n)), n, *runs)
}

func timeRun(useCPU bool, name string, args ...string) float64 {
	cmd := exec.Command(name, args...)
	cmd.Stdout = nil
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		fail(fmt.Errorf("%s %v: %v\n%s", name, args, err, stderr.String()))
	}
	if useCPU {
		return (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds()
	}
	return time.Since(start).Seconds()
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "compare:", err)
	os.Exit(1)
}
