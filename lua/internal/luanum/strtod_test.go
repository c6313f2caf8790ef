package luanum

import (
	"math"
	"testing"
)

func TestStrtod(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		in   string
		want float64
		n    int
	}{
		{"", 0, 0},
		{"x", 0, 0},
		{"12", 12, 2},
		{"12x", 12, 2},
		{"  -1.5e3,", -1500, 8},
		{"1e", 1, 1},
		{"1e+", 1, 1},
		{"1.", 1, 2},
		{".5]", 0.5, 2},
		{".", 0, 0},
		{"-", 0, 0},
		{"- 1", 0, 0},
		{"+1", 1, 2},
		{"0x10", 16, 4},
		{"0x", 0, 1},
		{"-0x", math.Copysign(0, -1), 2},
		{"0x1p3", 8, 5},
		{"0x1.8", 1.5, 5},
		{"0x1p", 1, 3},
		{"1e400", math.Inf(1), 5},
		{"-1e400", math.Inf(-1), 6},
		{"1e-400", 0, 6},
		{"inf", math.Inf(1), 3},
		{"-Infinity", math.Inf(-1), 9},
		{"infinit", math.Inf(1), 3},
		{"nan", nan, 3},
		{"NaN(12)x", nan, 7},
		{"nan(", nan, 3},
		{"-0", math.Copysign(0, -1), 2},
		{"1\x002", 1, 1},
	} {
		f, n := Strtod(c.in)
		same := f == c.want && math.Signbit(f) == math.Signbit(c.want) || f != f && c.want != c.want
		if !same || n != c.n {
			t.Errorf("Strtod(%q) = %v, %d; want %v, %d", c.in, f, n, c.want, c.n)
		}
	}
}
