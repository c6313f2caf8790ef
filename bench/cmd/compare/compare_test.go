package main

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
