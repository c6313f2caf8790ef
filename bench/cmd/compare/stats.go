package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// summary is the min, median and max of a sample.
type summary struct {
	Min, Median, Max float64
	N                int
}

// summarize returns the summary of xs (the zero summary for an empty sample). The median of
// an even-sized sample is the mean of the two middle values.
func summarize(xs []float64) summary {
	if len(xs) == 0 {
		return summary{}
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	med := s[n/2]
	if n%2 == 0 {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	return summary{Min: s[0], Median: med, Max: s[n-1], N: n}
}

// geomean returns the geometric mean of positive values (NaN for none).
func geomean(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	sum := 0.0
	for _, x := range xs {
		sum += math.Log(x)
	}
	return math.Exp(sum / float64(len(xs)))
}

// table is a Markdown table under construction.
type table struct {
	header []string
	rows   [][]string
	left   int // leading columns aligned left (at least the first)
}

func newTable(header ...string) *table { return &table{header: header} }

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

// markdown renders the table with padded columns, so it reads well as plain text too.
func (t *table) markdown() string {
	width := make([]int, len(t.header))
	for i, h := range t.header {
		width[i] = len(h)
	}
	for _, r := range t.rows {
		for i, c := range r {
			if i < len(width) && len(c) > width[i] {
				width[i] = len(c)
			}
		}
	}
	var sb strings.Builder
	line := func(cells []string) {
		sb.WriteByte('|')
		for i := range width {
			c := ""
			if i < len(cells) {
				c = cells[i]
			}
			fmt.Fprintf(&sb, " %-*s |", width[i], c)
		}
		sb.WriteByte('\n')
	}
	line(t.header)
	sb.WriteByte('|')
	for i := range width {
		if i == 0 || i < t.left {
			sb.WriteString(strings.Repeat("-", width[i]+2) + "|")
		} else {
			sb.WriteString(strings.Repeat("-", width[i]+1) + ":|")
		}
	}
	sb.WriteByte('\n')
	for _, r := range t.rows {
		line(r)
	}
	return sb.String()
}

// secs formats a duration in seconds with three significant decimals.
func secs(s float64) string {
	switch {
	case s >= 10:
		return fmt.Sprintf("%.1f", s)
	case s >= 1:
		return fmt.Sprintf("%.2f", s)
	}
	return fmt.Sprintf("%.3f", s)
}

// ratio formats a ratio as 1.23x.
func ratio(r float64) string {
	if math.IsNaN(r) || math.IsInf(r, 0) {
		return "-"
	}
	if r >= 10 {
		return fmt.Sprintf("%.1fx", r)
	}
	return fmt.Sprintf("%.2fx", r)
}

// count formats a large count with thousands separators.
func count(x float64) string {
	n := int64(math.Round(x))
	s := fmt.Sprint(n)
	if n < 0 {
		return s
	}
	var out []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}

// noteList renders a section's notes as a Markdown list (nothing when there are none), each
// note on one line: the lines of a multi-line message, such as a peer's stack traceback, are
// joined with " | ".
func noteList(notes []string) string {
	if len(notes) == 0 {
		return ""
	}
	var sb strings.Builder
	sb.WriteString("\nNotes:\n\n")
	for _, n := range notes {
		var lines []string
		for _, l := range strings.Split(n, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		sb.WriteString("- " + strings.Join(lines, " | ") + "\n")
	}
	return sb.String()
}
