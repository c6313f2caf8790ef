package luanum

import "testing"

func BenchmarkParseNumber(b *testing.B) {
	for _, s := range []string{"12345", "3.14159", "  1e10 ", "0xff"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ParseNumber(s)
			}
		})
	}
}

func BenchmarkAppendNumber(b *testing.B) {
	buf := make([]byte, 0, 32)
	for _, c := range []struct {
		name string
		f    float64
	}{{"int", 123456}, {"frac", 3.14159}, {"big", 1.5e300}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				buf = AppendNumber(buf[:0], c.f)
			}
		})
	}
}

func BenchmarkCRMath(b *testing.B) {
	fs := []struct {
		name string
		f    func(float64) float64
	}{{"exp", crExp}, {"log", crLog}, {"log10", crLog10}, {"sin", crSin}, {"cos", crCos}, {"tan", crTan},
		{"atan", crAtan}, {"asin", crAsin}, {"acos", crAcos}, {"pow", func(x float64) float64 { return crPow(x, 1.7) }}}
	for _, f := range fs {
		b.Run(f.name, func(b *testing.B) {
			x := 0.3
			for b.Loop() {
				x = f.f(x)*1e-9 + 0.37
			}
		})
	}
}
