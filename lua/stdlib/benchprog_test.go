package stdlib_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/redmoon-dev/redmoon/lua/internal/difftest"
)

// benchIterations sets how many times each library benchmark's body runs in its standalone
// program (about half a second under lua5.1).
var benchIterations = map[string]int{
	"gsub": 300000, "gsub_func": 200000, "find_plain": 10000000, "find_pattern": 2000000,
	"match_captures": 2500000, "gmatch_words": 400000, "format_numbers": 800000,
	"format_string": 3000000, "tostring_number": 1500000, "concat_chain": 1000000,
	"table_concat": 300000, "insert_remove": 50000, "insert_front": 100000, "sort": 20000,
	"sort_comparator": 8000, "sort_strings": 15000, "upper_sub_byte": 4000000, "rep_reverse": 2500000,
}

const benchProgDir = "testdata/bench"

// benchProgram is the standalone form of a library benchmark, for the side-by-side script:
//
//	go run ./bench/cmd/compare -only vm -dir lua/stdlib/testdata/bench
func benchProgram(lb libBench) string {
	return "-- Library benchmark " + lb.name + " (generated from lua/stdlib/bench_test.go).\n" +
		benchSource(lb) + "run(" + strconv.Itoa(benchIterations[lb.name]) + ")\nprint(\"ok\")\n"
}

// TestBenchPrograms keeps testdata/bench in step with the benchmarks (-update rewrites it).
func TestBenchPrograms(t *testing.T) {
	for _, lb := range libBenches {
		if benchIterations[lb.name] == 0 {
			t.Errorf("%s: no iteration count", lb.name)
			continue
		}
		path := filepath.Join(benchProgDir, lb.name+".lua")
		want := benchProgram(lb)
		if *difftest.Update {
			if err := os.MkdirAll(benchProgDir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != want {
			t.Errorf("%s is stale: run go test ./lua/stdlib -run BenchPrograms -update", path)
		}
	}
}
