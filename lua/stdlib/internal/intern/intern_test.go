package intern

import (
	"hash/maphash"
	"strings"
	"testing"
	"unsafe"
)

func TestString(t *testing.T) {
	c := New()
	tests := []struct {
		name string
		in   string
	}{
		{"empty", ""},
		{"one", "a"},
		{"short", "HELLO, WORLD"},
		{"nul", "a\x00b"},
		{"max", strings.Repeat("x", MaxLen)},
		{"long", strings.Repeat("y", MaxLen+1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := []byte(tt.in)
			s1 := c.String(b)
			if s1 != tt.in {
				t.Fatalf("String(%q) = %q", tt.in, s1)
			}
			// The result does not alias the input.
			if len(b) > 0 {
				b[0] ^= 0xff
				if s1 != tt.in {
					t.Fatalf("result changed with its input: %q", s1)
				}
				b[0] ^= 0xff
			}
			s2 := c.String(b)
			same := len(s1) > 0 && unsafe.StringData(s1) == unsafe.StringData(s2)
			if want := len(tt.in) > 0 && len(tt.in) <= MaxLen; same != want {
				t.Errorf("second String(%q) returned the cached string: %v, want %v", tt.in, same, want)
			}
		})
	}
}

func TestBufferReuse(t *testing.T) {
	c := New()
	b := c.Buffer(3)
	copy(b, "abc")
	s := c.String(b)
	b = c.Buffer(3)
	copy(b, "xyz")
	if s != "abc" || c.String(b) != "xyz" {
		t.Fatalf("strings share the scratch buffer: %q", s)
	}
}

func TestEviction(t *testing.T) {
	c := New()
	// More distinct strings than slots: every result is still right.
	for round := 0; round < 2; round++ {
		for i := 0; i < 3*Slots; i++ {
			want := strings.Repeat(string(rune('a'+i%26)), 1+i%MaxLen) + string(rune('0'+i%10))
			if len(want) > MaxLen {
				want = want[:MaxLen]
			}
			if got := c.String([]byte(want)); got != want {
				t.Fatalf("String(%q) = %q", want, got)
			}
		}
	}
}

func TestHitDoesNotAllocate(t *testing.T) {
	c := New()
	b := c.Buffer(12)
	copy(b, "HELLO, WORLD")
	c.String(b)
	if n := testing.AllocsPerRun(100, func() { c.String(b) }); n != 0 {
		t.Errorf("%v allocations per hit", n)
	}
}

func BenchmarkHit(b *testing.B) {
	c := New()
	buf := []byte(strings.Repeat("ab", 20))
	c.String(buf)
	b.ReportAllocs()
	for b.Loop() {
		c.String(buf)
	}
}

// TestAlternatingPair: two strings that alternate stay cached even when they share a bucket.
func TestAlternatingPair(t *testing.T) {
	for seed := 0; seed < 50; seed++ {
		c := New()
		// Find a partner that falls into the bucket of "abab...".
		a := []byte(strings.Repeat("ab", 20))
		ia := bucket(c, a)
		var b []byte
		for i := 0; ; i++ {
			b = []byte(strings.Repeat("b", 1+i%MaxLen) + string(rune('a'+i%26)))
			if len(b) <= MaxLen && bucket(c, b) == ia && string(b) != string(a) {
				break
			}
		}
		c.String(a)
		c.String(b)
		if n := testing.AllocsPerRun(20, func() { c.String(a); c.String(b) }); n != 0 {
			t.Fatalf("%v allocations for an alternating pair in one bucket", n)
		}
	}
}

func bucket(c *Cache, b []byte) uint64 { return maphash.Bytes(c.seed, b) & (Slots - 2) }
