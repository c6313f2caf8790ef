package keyspace

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// TestListValueModel runs random operations on the ring-buffer list and on a plain slice and
// checks that they agree after every step.
func TestListValueModel(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	l := &listValue{}
	var ref []string
	for step := 0; step < 100000; step++ {
		v := strconv.Itoa(rng.IntN(6))
		switch op := rng.IntN(12); {
		case op < 3:
			left := rng.IntN(2) == 0
			l.push(v, left)
			if left {
				ref = append([]string{v}, ref...)
			} else {
				ref = append(ref, v)
			}
		case op < 5 && len(ref) > 0:
			left := rng.IntN(2) == 0
			got := l.pop(left)
			var want string
			if left {
				want, ref = ref[0], ref[1:]
			} else {
				want, ref = ref[len(ref)-1], ref[:len(ref)-1]
			}
			if got != want {
				t.Fatalf("step %d: pop(%v) = %q, want %q", step, left, got, want)
			}
		case op < 7:
			i := rng.IntN(len(ref) + 1)
			l.insert(i, v)
			ref = slices.Insert(ref, i, v)
		case op < 8 && len(ref) > 0:
			i := rng.IntN(len(ref))
			l.set(i, v)
			ref[i] = v
		case op < 9:
			count := int64(rng.IntN(5) - 2)
			got := l.remove(v, count)
			want := modelRemove(&ref, v, count)
			if got != want {
				t.Fatalf("step %d: remove(%q, %d) = %d, want %d", step, v, count, got, want)
			}
		case op < 10 && len(ref) > 0 && rng.IntN(20) == 0:
			s := rng.IntN(len(ref))
			e := s + rng.IntN(len(ref)-s)
			l.trim(s, e)
			ref = append([]string(nil), ref[s:e+1]...)
		case op < 11:
			if i := l.index(v); i != slices.Index(ref, v) {
				t.Fatalf("step %d: index(%q) = %d, want %d", step, v, i, slices.Index(ref, v))
			}
		}
		if l.Len() != len(ref) {
			t.Fatalf("step %d: Len %d, want %d", step, l.Len(), len(ref))
		}
		if step%97 == 0 {
			var got []string
			l.Elements(func(s string) { got = append(got, s) })
			if !slices.Equal(got, ref) && !(len(got) == 0 && len(ref) == 0) {
				t.Fatalf("step %d: elements %q, want %q", step, got, ref)
			}
			cp := l.Copy().(*listValue)
			for i := range ref {
				if cp.at(i) != ref[i] {
					t.Fatalf("step %d: copy differs at %d", step, i)
				}
			}
		}
		if len(l.buf) > listMinCap && l.n*4 < len(l.buf)/2 {
			t.Fatalf("step %d: buffer of %d for %d elements was not shrunk", step, len(l.buf), l.n)
		}
	}
}

func modelRemove(ref *[]string, v string, count int64) int64 {
	var out []string
	var removed int64
	s := *ref
	if count >= 0 {
		for _, e := range s {
			if e == v && (count == 0 || removed < count) {
				removed++
				continue
			}
			out = append(out, e)
		}
	} else {
		for i := len(s) - 1; i >= 0; i-- {
			if s[i] == v && removed < -count {
				removed++
				continue
			}
			out = append([]string{s[i]}, out...)
		}
	}
	*ref = out
	return removed
}

// TestListPopZeroRefs checks that popped slots release their strings (no hidden retention).
func TestListPopZeroRefs(t *testing.T) {
	l := newListFrom([]string{"a", "b", "c"})
	l.pop(true)
	l.pop(false)
	for i, s := range l.buf {
		if s != "" && s != "b" {
			t.Fatalf("slot %d still holds %q after pops", i, s)
		}
	}
}
