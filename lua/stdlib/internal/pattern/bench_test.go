package pattern

import (
	"strings"
	"testing"
)

func BenchmarkFind(b *testing.B) {
	cases := []struct{ name, src, pat string }{
		{"captures", "user:1234:profile:settings", "^(%a+):(%d+):(.*)$"},
		{"words", "the quick brown fox jumps over the lazy dog", "%a+"},
		{"set", "key_name_1 = value", "[%w_]+%s*=%s*(%w+)"},
		{"lazy", strings.Repeat("ab", 50) + "c", "a.-c"},
		{"literal", strings.Repeat("x", 100) + "needle", "ne+dle"},
		{"balance", "f(a(b)c)(d)", "%b()"},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var m Matcher
			b.ReportAllocs()
			for b.Loop() {
				m.Reset(c.src, c.pat)
				m.Find(0)
			}
		})
	}
}
