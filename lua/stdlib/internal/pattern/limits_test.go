package pattern

import (
	"errors"
	"strings"
	"testing"
)

func TestDeepPatternMatchesLikePUC(t *testing.T) {
	// lua5.1 answers 1 100000 for this; it crashes (C stack overflow) near 110,000.
	n := 100000
	var m Matcher
	m.Reset(strings.Repeat("a", n), strings.Repeat("a?", n))
	s, e, err := m.Find(0)
	if err != nil || s != 0 || e != n {
		t.Fatalf("Find = %d, %d, %v; want 0, %d, nil", s, e, err, n)
	}
}

func TestTooDeepPattern(t *testing.T) {
	n := MaxDepth + 10
	var m Matcher
	m.Reset(strings.Repeat("a", n), strings.Repeat("a?", n))
	_, _, err := m.Find(0)
	if err == nil || err.Error() != errTooComplex {
		t.Fatalf("err = %v; want %q", err, errTooComplex)
	}
	// The matcher is usable again afterwards.
	m.Reset("abc", "b")
	if s, e, err := m.Find(0); s != 1 || e != 2 || err != nil {
		t.Fatalf("after error: Find = %d, %d, %v", s, e, err)
	}
}

func TestInterrupt(t *testing.T) {
	// An exponential pattern that PUC Lua would grind on for ages.
	var m Matcher
	stop := errors.New("interrupted")
	c := &countdown{left: 3, err: stop}
	m.Interrupt = c
	m.Reset(strings.Repeat("a", 40), strings.Repeat("(.-)", 20)+"b")
	_, _, err := m.Find(0)
	if err != stop || c.calls != 3 {
		t.Fatalf("err = %v after %d calls; want %v after 3", err, c.calls, stop)
	}
}

// countdown stops a match at its left-th check.
type countdown struct {
	left, calls int
	err         error
}

func (c *countdown) Interrupted() error {
	c.calls++
	if c.calls == c.left {
		return c.err
	}
	return nil
}

func TestMatchDoesNotAllocate(t *testing.T) {
	var m Matcher
	src := "key1=value1, key2=value2, (nested (parens)) 12345"
	for _, p := range []string{"(%w+)=(%w+)", "%b()", "%d+$", "^(.-)%s*$", "%f[%w]%w+", "()k(e)y%2"} {
		m.Reset(src, p)
		n := testing.AllocsPerRun(100, func() {
			for s := 0; s <= len(src); s++ {
				if e, _ := m.Match(s, 0); e >= 0 {
					for i := 0; i < m.NumCaptures(true); i++ {
						m.Capture(i, s, e)
					}
				}
			}
		})
		if n != 0 {
			t.Errorf("matching %q allocates %v times per run", p, n)
		}
	}
}

func FuzzMatcher(f *testing.F) {
	for _, c := range [][2]string{{"hello world", "%w+"}, {"(a(b))", "%b()"}, {"aXb", "%f[%u]"}, {"abab", "(ab)%1"}} {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, src, pat string) {
		var m Matcher
		m.Reset(src, pat)
		start, end, err := m.Find(0)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("unexpected error type %T", err)
			}
			return
		}
		if start < 0 {
			return
		}
		if start > end || end > len(src) {
			t.Fatalf("bad match [%d, %d) in %d bytes", start, end, len(src))
		}
		for i := 0; i < m.NumCaptures(true); i++ {
			s, e, pos, err := m.Capture(i, start, end)
			if err != nil {
				continue
			}
			if pos {
				if s < 1 || s > len(src)+1 {
					t.Fatalf("bad position capture %d", s)
				}
			} else if s < 0 || s > e || e > len(src) {
				t.Fatalf("bad capture [%d, %d)", s, e)
			}
		}
	})
}
