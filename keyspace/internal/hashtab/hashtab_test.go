package hashtab

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestAgainstMap runs random operations on a Table and a Go map and checks they agree, and that
// the linear-probing invariant holds after every step.
func TestAgainstMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	tab := &Table[int]{}
	ref := map[string]int{}
	for step := 0; step < 200000; step++ {
		k := strconv.Itoa(rng.IntN(3000))
		switch op := rng.IntN(10); {
		case op < 4:
			isNew := tab.Set(k, step)
			_, had := ref[k]
			if isNew == had {
				t.Fatalf("step %d: Set(%q) new=%v, map had=%v", step, k, isNew, had)
			}
			ref[k] = step
		case op < 5:
			added := tab.Add(k, step)
			if _, had := ref[k]; added == had {
				t.Fatalf("step %d: Add(%q)=%v, map had=%v", step, k, added, had)
			}
			if added {
				ref[k] = step
			}
		case op < 8:
			deleted := tab.Delete(k)
			if _, had := ref[k]; deleted != had {
				t.Fatalf("step %d: Delete(%q)=%v, map had=%v", step, k, deleted, had)
			}
			delete(ref, k)
		case op < 9:
			if key, val, ok := tab.Pop(); ok {
				if ref[key] != val {
					t.Fatalf("step %d: Pop = %q %d, map has %d", step, key, val, ref[key])
				}
				delete(ref, key)
			} else if len(ref) != 0 {
				t.Fatalf("step %d: Pop on a table of %d", step, len(ref))
			}
		default:
			v, ok := tab.Get(k)
			w, had := ref[k]
			if ok != had || v != w {
				t.Fatalf("step %d: Get(%q) = %d,%v; map %d,%v", step, k, v, ok, w, had)
			}
		}
		if tab.Len() != len(ref) {
			t.Fatalf("step %d: Len %d, map %d", step, tab.Len(), len(ref))
		}
		if step%5000 == 0 {
			checkInvariant(t, tab)
		}
	}
	checkInvariant(t, tab)
	n := 0
	tab.Each(func(k string, v int) bool {
		n++
		if ref[k] != v {
			t.Fatalf("Each: %q=%d, map %d", k, v, ref[k])
		}
		return true
	})
	if n != len(ref) {
		t.Fatalf("Each visited %d keys, want %d", n, len(ref))
	}
}

// checkInvariant verifies that every key is reachable from its home through occupied slots and
// that the load factor is within bounds.
func checkInvariant(t *testing.T, tab *Table[int]) {
	t.Helper()
	n := 0
	mask := len(tab.slots) - 1
	for i, s := range tab.slots {
		if s.h == 0 {
			continue
		}
		n++
		for j := int(s.h) & mask; j != i; j = (j + 1) & mask {
			if tab.slots[j].h == 0 {
				t.Fatalf("key %q at %d unreachable from its home %d (hole at %d)", s.key, i, int(s.h)&mask, j)
			}
		}
		if s.h != hashOf(s.key) {
			t.Fatalf("key %q has a stale hash", s.key)
		}
	}
	if n != tab.used {
		t.Fatalf("%d occupied slots, used=%d", n, tab.used)
	}
	if len(tab.slots) > 0 && tab.used*4 > len(tab.slots)*3 {
		t.Fatalf("load %d/%d above 3/4", tab.used, len(tab.slots))
	}
	if len(tab.slots) > minSize && tab.used*8 < len(tab.slots) {
		t.Fatalf("load %d/%d below 1/8", tab.used, len(tab.slots))
	}
}

// TestScanGuarantee checks SCAN's promise: keys present for a whole iteration are returned at
// least once, while the table grows and shrinks between calls.
func TestScanGuarantee(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for round := 0; round < 50; round++ {
		tab := &Table[struct{}]{}
		stable := map[string]bool{}
		for i := 0; i < 200+rng.IntN(800); i++ {
			k := "s" + strconv.Itoa(i)
			tab.Set(k, struct{}{})
			stable[k] = true
		}
		seen := map[string]bool{}
		cursor := uint64(0)
		extra := 0
		for calls := 0; ; calls++ {
			cursor = tab.Scan(cursor, func(k string, _ struct{}) { seen[k] = true })
			if cursor == 0 {
				break
			}
			// Churn: add many keys (growing) or remove the extra ones (shrinking).
			switch rng.IntN(3) {
			case 0:
				for j := 0; j < rng.IntN(400); j++ {
					tab.Set("x"+strconv.Itoa(extra), struct{}{})
					extra++
				}
			case 1:
				for j := 0; j < extra; j++ {
					tab.Delete("x" + strconv.Itoa(j))
				}
			}
			if calls > 1<<20 {
				t.Fatal("scan does not terminate")
			}
		}
		for k := range stable {
			if !seen[k] {
				t.Fatalf("round %d: key %q present for the whole scan was never returned", round, k)
			}
		}
	}
}

// TestScanComplete checks that a scan of an unchanged table returns every key exactly once.
func TestScanComplete(t *testing.T) {
	for _, n := range []int{0, 1, 5, 6, 7, 100, 1000} {
		tab := New[int](0)
		for i := 0; i < n; i++ {
			tab.Set(strconv.Itoa(i), i)
		}
		seen := map[string]int{}
		cursor := uint64(0)
		for {
			cursor = tab.Scan(cursor, func(k string, _ int) { seen[k]++ })
			if cursor == 0 {
				break
			}
		}
		if len(seen) != n {
			t.Fatalf("n=%d: scan returned %d distinct keys", n, len(seen))
		}
		for k, c := range seen {
			if c != 1 {
				t.Fatalf("n=%d: key %q returned %d times", n, k, c)
			}
		}
	}
}

// TestRandomUniform checks that Random picks every key with roughly equal frequency.
func TestRandomUniform(t *testing.T) {
	tab := &Table[int]{}
	const n = 20
	for i := 0; i < n; i++ {
		tab.Set(strconv.Itoa(i), i)
	}
	counts := make([]int, n)
	const draws = 200000
	for i := 0; i < draws; i++ {
		_, v, ok := tab.Random()
		if !ok {
			t.Fatal("Random on a non-empty table")
		}
		counts[v]++
	}
	for i, c := range counts {
		if c < draws/n*8/10 || c > draws/n*12/10 {
			t.Errorf("key %d drawn %d times of %d, want about %d", i, c, draws, draws/n)
		}
	}
	if _, _, ok := (&Table[int]{}).Random(); ok {
		t.Error("Random on an empty table reported ok")
	}
}

func TestCloneIndependent(t *testing.T) {
	a := New[string](4)
	a.Set("k", "v")
	b := a.Clone()
	b.Set("k", "w")
	b.Set("n", "x")
	if v, _ := a.Get("k"); v != "v" || a.Len() != 1 {
		t.Fatalf("clone shares state with the original: k=%q len=%d", v, a.Len())
	}
	if p := b.Ptr("k"); p == nil || *p != "w" {
		t.Fatalf("Ptr(k) = %v", p)
	}
	a.Clear()
	if a.Len() != 0 || a.Has("k") || b.Len() != 2 {
		t.Fatal("Clear broke the clone or left keys behind")
	}
}

func BenchmarkGet(b *testing.B) {
	tab := &Table[string]{}
	for i := 0; i < 1000; i++ {
		tab.Set("field:"+strconv.Itoa(i), "v")
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		tab.Get("field:500")
	}
}
