package lexer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusSeeds returns the snippets of the syntax corpus (conformance/lua/syntax), split on the
// case headers; escaped cases are added as written, which is good enough for seeds.
func corpusSeeds(tb testing.TB) []string {
	files, _ := filepath.Glob("../../conformance/lua/syntax/*/*.txt")
	var seeds []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		parts := strings.Split(string(data), "\n==== ")
		for _, p := range parts[1:] {
			if i := strings.IndexByte(p, '\n'); i >= 0 {
				seeds = append(seeds, p[i+1:])
			}
		}
	}
	return seeds
}

// FuzzLexer scans arbitrary input: it must never panic or loop, every token must move forward
// with non-decreasing lines, and errors must be well-formed *Error values.
func FuzzLexer(f *testing.F) {
	for _, s := range corpusSeeds(f) {
		f.Add([]byte(s))
	}
	f.Add([]byte("x = [==[\r\n]=]\n\r]==] .. 0x1p4 .. '\\300'"))
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, skip := range []bool{false, true} {
			lx := New(src, "=fuzz", Options{SkipHashLine: skip})
			var it Item
			line, pos := 1, -1
			for n := 0; ; n++ {
				if n > len(src)+1 {
					t.Fatalf("more tokens than bytes: %q", src)
				}
				err := lx.Scan(&it)
				if err != nil {
					e, ok := err.(*Error)
					if !ok || !strings.HasPrefix(e.Error(), "fuzz:") || e.Line < line {
						t.Fatalf("bad error %v for %q", err, src)
					}
					break
				}
				if it.Line < line {
					t.Fatalf("line went back from %d to %d in %q", line, it.Line, src)
				}
				line = it.Line
				if it.Tok == EOS {
					break
				}
				if it.end <= pos || it.end > len(src) {
					t.Fatalf("token %v ends at %d after %d in %q", it.Tok, it.end, pos, src)
				}
				pos = it.end
				lx.TokenText(&it)
			}
		}
	})
}
