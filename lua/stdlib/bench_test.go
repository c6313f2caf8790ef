package stdlib_test

import (
	"flag"
	"math"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	rlua "github.com/redmoon-dev/redmoon/lua"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// Library benchmarks, each timed under redmoon and, in the same run, under lua5.1 (when
// installed): the metric "lua5.1-ns/op" is PUC Lua's time for the same operation and "x-lua5.1"
// the ratio of our time to it (below 1 is faster than PUC Lua).
//
//	go test ./lua/stdlib -run XXX -bench . -benchmem

// libBench is one benchmark: setup code, then the body of the loop "for i = 1, n do ... end".
type libBench struct {
	name, setup, body string
}

var libBenches = []libBench{
	{"gsub", `local s = string.rep("hello world, lua 5.1 rules! ", 4)`, `local r = string.gsub(s, "%w+", "<%0>")`},
	{"gsub_func", `local s = string.rep("a1 b22 c333 ", 8) local f = function(w) return w end`, `local r = string.gsub(s, "%d+", f)`},
	{"find_plain", `local s = string.rep("x", 200) .. "needle" .. string.rep("y", 50)`, `local a, b = string.find(s, "needle", 1, true)`},
	{"find_pattern", `local s = "order 2024-01-15 shipped to 742 Evergreen Terrace"`, `local a, b, y, m = string.find(s, "(%d+)-(%d+)")`},
	{"match_captures", `local line = "user:1234:profile:settings"`, `local a, b, c = string.match(line, "^(%a+):(%d+):(.*)$")`},
	{"gmatch_words", `local s = "the quick brown fox jumps over the lazy dog again and again"`, `local n = 0 for w in string.gmatch(s, "%a+") do n = n + 1 end`},
	{"format_numbers", ``, `local s = string.format("%d %5.2f %g", i, i / 3, i * 1.5)`},
	{"format_string", ``, `local s = string.format("%s=%s;", "key", "value")`},
	{"tostring_number", ``, `local s = tostring(i + 0.5)`},
	{"concat_chain", `local x = 3.25`, `local s = "a" .. i .. "b" .. x .. "c" .. "d"`},
	{"table_concat", `local t = {} for k = 1, 100 do t[k] = "item" .. k end`, `local s = table.concat(t, ",")`},
	{"insert_remove", `local t = {}`, `for k = 1, 100 do table.insert(t, k) end for k = 1, 100 do table.remove(t) end`},
	{"insert_front", `local t = {}`, `for k = 1, 20 do table.insert(t, 1, k) end for k = 1, 20 do table.remove(t, 1) end`},
	{"sort", `local src = {} for k = 1, 200 do src[k] = (k * 7919) % 1009 end local t = {}`, `for k = 1, 200 do t[k] = src[k] end table.sort(t)`},
	{"sort_comparator", `local src = {} for k = 1, 200 do src[k] = (k * 7919) % 1009 end local t = {} local cmp = function(a, b) return a > b end`, `for k = 1, 200 do t[k] = src[k] end table.sort(t, cmp)`},
	{"sort_strings", `local src = {} for k = 1, 200 do src[k] = tostring((k * 7919) % 1009) end local t = {}`, `for k = 1, 200 do t[k] = src[k] end table.sort(t)`},
	{"upper_sub_byte", `local s = "Hello, World"`, `local r = s:upper() local c = s:sub(2, 5) local b = s:byte(3)`},
	{"rep_reverse", ``, `local r = string.rep("ab", 20):reverse()`},
}

func benchSource(lb libBench) string {
	return lb.setup + "\nfunction run(n)\n  for i = 1, n do\n    " + lb.body + "\n  end\nend\n"
}

// luaProgramTime runs a benchmark under lua5.1, self-timed with os.clock (processor time) over
// about dur seconds, and returns nanoseconds per operation.
func luaProgramTime(bin string, lb libBench, dur float64) (float64, error) {
	prog := benchSource(lb) + `
local n = 100
while true do
  local t0 = os.clock()
  run(n)
  local dt = os.clock() - t0
  if dt > ` + strconv.FormatFloat(dur, 'f', 3, 64) + ` then print(string.format("%.3f", dt / n * 1e9)) break end
  n = n * 2
end
`
	out, err := exec.Command(bin, "-e", prog).Output()
	if err != nil {
		return 0, err
	}
	return strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
}

// cpuTime returns the processor time the process has used, in nanoseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}

var luaTimes sync.Map // benchmark name -> lua5.1 ns/op

func BenchmarkLib(b *testing.B) {
	bin, haveLua := oracle.Lookup("lua5.1")
	for _, lb := range libBenches {
		b.Run(lb.name, func(b *testing.B) {
			s := rlua.NewState(rlua.Options{})
			if _, err := s.Exec(benchSource(lb), "=bench"); err != nil {
				b.Fatal(err)
			}
			run := s.GetGlobal("run")
			b.ReportAllocs()
			b.ResetTimer()
			c0 := cpuTime()
			if _, err := s.Call(run, vm.Number(float64(b.N))); err != nil {
				b.Fatal(err)
			}
			cpu := float64(cpuTime()-c0) / float64(b.N)
			b.StopTimer()
			if !haveLua {
				return
			}
			lt, ok := luaTimes.Load(lb.name)
			if !ok {
				t, err := luaProgramTime(bin, lb, 0.3)
				if err != nil {
					b.Fatal(err)
				}
				luaTimes.Store(lb.name, t)
				lt = t
			}
			b.ReportMetric(cpu, "cpu-ns/op")
			b.ReportMetric(lt.(float64), "lua5.1-cpu-ns/op")
			b.ReportMetric(cpu/lt.(float64), "x-lua5.1")
		})
	}
}

var (
	compare     = flag.Bool("compare", false, "print the side-by-side comparison with lua5.1 (TestCompareLua)")
	compareOnly = flag.String("compare.only", "", "comma-separated benchmark names to compare (default all)")
)

// TestCompareLua times every library benchmark under redmoon and lua5.1 alternately, in
// processor time, for several rounds, and prints min/median/max for each side and the ratio of
// the medians (go test ./lua/stdlib -run CompareLua -compare -v).
func TestCompareLua(t *testing.T) {
	if !*compare {
		t.Skip("run with -compare")
	}
	bin := oracle.Binary(t, "lua5.1")
	const rounds = 5
	var ratios []float64
	t.Logf("%-16s %28s %28s %7s", "benchmark", "redmoon ns/op (min med max)", "lua5.1 ns/op (min med max)", "ratio")
	for _, lb := range libBenches {
		if *compareOnly != "" && !strings.Contains(","+*compareOnly+",", ","+lb.name+",") {
			continue
		}
		var ours, theirs []float64
		s := rlua.NewState(rlua.Options{})
		if _, err := s.Exec(benchSource(lb), "=bench"); err != nil {
			t.Fatal(err)
		}
		run := s.GetGlobal("run")
		for r := 0; r < rounds; r++ {
			n := 100
			for {
				c0 := cpuTime()
				if _, err := s.Call(run, vm.Number(float64(n))); err != nil {
					t.Fatal(err)
				}
				dt := cpuTime() - c0
				if dt > 200e6 {
					ours = append(ours, float64(dt)/float64(n))
					break
				}
				n *= 2
			}
			lt, err := luaProgramTime(bin, lb, 0.2)
			if err != nil {
				t.Fatal(err)
			}
			theirs = append(theirs, lt)
		}
		sort.Float64s(ours)
		sort.Float64s(theirs)
		ratio := ours[rounds/2] / theirs[rounds/2]
		ratios = append(ratios, ratio)
		t.Logf("%-16s %9.0f %9.0f %9.0f %9.0f %9.0f %9.0f %7.2f", lb.name, ours[0], ours[rounds/2], ours[rounds-1],
			theirs[0], theirs[rounds/2], theirs[rounds-1], ratio)
	}
	g := 1.0
	for _, r := range ratios {
		g *= r
	}
	t.Logf("geometric mean of the ratios: %.2f", math.Pow(g, 1/float64(len(ratios))))
}
