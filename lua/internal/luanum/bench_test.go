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
