package zset

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// model is the reference: a sorted slice of items.
type model []Item

func (m model) find(member string) int {
	for i := range m {
		if m[i].Member == member {
			return i
		}
	}
	return -1
}

func (m *model) add(member string, score float64) {
	if i := m.find(member); i >= 0 {
		*m = slices.Delete(*m, i, i+1)
	}
	x := Item{Score: score, Member: member}
	i, _ := slices.BinarySearchFunc(*m, x, func(a, b Item) int {
		switch {
		case a.Less(&b):
			return -1
		case b.Less(&a):
			return 1
		}
		return 0
	})
	*m = slices.Insert(*m, i, x)
}

// check verifies the tree's invariants and that it holds exactly the model's items.
func check(t *testing.T, s *Set, m model) {
	t.Helper()
	if s.Len() != len(m) {
		t.Fatalf("Len = %d, want %d", s.Len(), len(m))
	}
	got := s.Items(nil)
	if !slices.Equal(got, []Item(m)) && !(len(got) == 0 && len(m) == 0) {
		t.Fatalf("items differ:\n got %v\nwant %v", got, m)
	}
	if s.t.root != nil {
		checkNode(t, s.t.root, true, nil, nil)
		// Leaves linked both ways.
		var back []Item
		n := s.t.root
		for !n.leaf() {
			n = n.kids[len(n.kids)-1]
		}
		for ; n != nil; n = n.prev {
			for i := len(n.items) - 1; i >= 0; i-- {
				back = append(back, n.items[i])
			}
		}
		slices.Reverse(back)
		if !slices.Equal(back, []Item(m)) {
			t.Fatalf("backward walk differs")
		}
	}
	if s.idx != nil {
		if s.idx.used != len(m) {
			t.Fatalf("index has %d members, want %d", s.idx.used, len(m))
		}
		for _, x := range m {
			if sc, ok := s.idx.get(x.Member); !ok || sc != x.Score {
				t.Fatalf("index: %q = %v %v, want %v", x.Member, sc, ok, x.Score)
			}
		}
	}
}

func checkNode(t *testing.T, n *node, root bool, lo, hi *Item) {
	t.Helper()
	if n.leaf() {
		if n.size != len(n.items) {
			t.Fatalf("leaf size %d != %d", n.size, len(n.items))
		}
		if !root && len(n.items) < minItems {
			t.Fatalf("leaf underfull: %d", len(n.items))
		}
		if len(n.items) > maxItems {
			t.Fatalf("leaf overfull: %d", len(n.items))
		}
		for i := range n.items {
			if lo != nil && n.items[i].Less(lo) {
				t.Fatalf("item %v below lower bound %v", n.items[i], *lo)
			}
			if hi != nil && !n.items[i].Less(hi) {
				t.Fatalf("item %v not below upper bound %v", n.items[i], *hi)
			}
		}
		return
	}
	if len(n.kids) != len(n.mins) {
		t.Fatalf("kids %d mins %d", len(n.kids), len(n.mins))
	}
	if !root && len(n.kids) < minKids || len(n.kids) > maxKids || (root && len(n.kids) < 2) {
		t.Fatalf("inner node with %d kids (root %v)", len(n.kids), root)
	}
	size := 0
	if len(n.sizes) != len(n.kids) {
		t.Fatalf("sizes %d kids %d", len(n.sizes), len(n.kids))
	}
	for i, k := range n.kids {
		if n.sizes[i] != k.size {
			t.Fatalf("sizes[%d] = %d, kid size %d", i, n.sizes[i], k.size)
		}
		size += k.size
		klo, khi := lo, hi
		if i > 0 {
			klo = &n.mins[i]
		}
		if i+1 < len(n.kids) {
			khi = &n.mins[i+1]
		}
		checkNode(t, k, false, klo, khi)
	}
	if size != n.size {
		t.Fatalf("inner size %d != %d", n.size, size)
	}
}

// TestRandomOps runs random mixes of operations against the model, checking the structure.
func TestRandomOps(t *testing.T) {
	for _, tc := range []struct {
		name    string
		members int
		ops     int
		indexed bool
	}{
		{"small", 20, 2000, false},
		{"medium-indexed", 500, 20000, true},
		{"large", 5000, 60000, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, uint64(tc.members)))
			s := New()
			if tc.indexed {
				s.Index()
			}
			var m model
			for op := 0; op < tc.ops; op++ {
				member := fmt.Sprintf("m%d", r.IntN(tc.members))
				switch k := r.IntN(10); {
				case k < 5:
					score := float64(r.IntN(50))
					if old, ok := s.Score(member); ok {
						s.Update(member, old, score)
					} else {
						s.Insert(member, score)
					}
					m.add(member, score)
				case k < 8:
					got := s.Delete(member)
					i := m.find(member)
					if got != (i >= 0) {
						t.Fatalf("Delete(%q) = %v", member, got)
					}
					if i >= 0 {
						m = slices.Delete(m, i, i+1)
					}
				case k < 9 && len(m) > 0:
					a := r.IntN(len(m))
					b := a + r.IntN(min(len(m)-a, 40)+1)
					s.DeleteRange(a, b, nil)
					m = slices.Delete(m, a, b)
				default:
					score := float64(r.IntN(50))
					want := 0
					for want < len(m) && m[want].Score < score {
						want++
					}
					if got := s.ScoreRank(score, false); got != want {
						t.Fatalf("ScoreRank(%v) = %d, want %d", score, got, want)
					}
					for want < len(m) && m[want].Score <= score {
						want++
					}
					if got := s.ScoreRank(score, true); got != want {
						t.Fatalf("ScoreRank(%v, excl) = %d, want %d", score, got, want)
					}
				}
				if op%97 == 0 || op == tc.ops-1 {
					check(t, s, m)
					for i, x := range m {
						if rk, ok := s.Rank(x.Member); !ok || rk != i {
							t.Fatalf("Rank(%q) = %d %v, want %d", x.Member, rk, ok, i)
						}
						if got := s.At(i); got != x {
							t.Fatalf("At(%d) = %v, want %v", i, got, x)
						}
					}
				}
			}
			c := s.Copy()
			check(t, c, m)
		})
	}
}

func TestBuild(t *testing.T) {
	for _, n := range []int{0, 1, 5, 47, 48, 49, 64, 65, 200, 3000, 100000} {
		items := make([]Item, n)
		for i := range items {
			items[i] = Item{Score: float64(i / 3), Member: fmt.Sprintf("%08d", i)}
		}
		s := FromSorted(items, n%2 == 0)
		check(t, s, model(items))
		if n > 0 {
			if rk, _ := s.Rank(items[n/2].Member); rk != n/2 {
				t.Fatalf("n=%d: rank %d", n, rk)
			}
		}
	}
}

func TestMemberRankAndIter(t *testing.T) {
	s := New()
	for i := 0; i < 300; i++ {
		s.Insert(fmt.Sprintf("%03d", i), 0)
	}
	if got := s.MemberRank("100", false); got != 100 {
		t.Fatalf("MemberRank = %d", got)
	}
	if got := s.MemberRank("100", true); got != 101 {
		t.Fatalf("MemberRank excl = %d", got)
	}
	it := s.IterAt(299)
	n := 0
	for ; it.Valid(); it.Prev() {
		n++
	}
	if n != 300 {
		t.Fatalf("backward iteration saw %d", n)
	}
	if it := s.IterAt(300); it.Valid() {
		t.Fatal("IterAt(len) is valid")
	}
}

func TestScanCoversEverything(t *testing.T) {
	s := New()
	s.Index()
	for i := 0; i < 1000; i++ {
		s.Insert(fmt.Sprint(i), float64(i))
	}
	seen := map[string]bool{}
	cursor := uint64(0)
	steps := 0
	for {
		cursor = s.Scan(cursor, func(m string, _ float64) { seen[m] = true })
		steps++
		// Remove and add members while scanning: those present throughout must be seen.
		if steps == 10 {
			for i := 1000; i < 3000; i++ {
				s.Insert(fmt.Sprint(i), float64(i))
			}
		}
		if steps == 200 {
			for i := 1000; i < 3000; i++ {
				s.Delete(fmt.Sprint(i))
			}
		}
		if cursor == 0 {
			break
		}
	}
	for i := 0; i < 1000; i++ {
		if !seen[fmt.Sprint(i)] {
			t.Fatalf("member %d never returned", i)
		}
	}
}

// TestGrowShrink fills a set to three levels and empties it in random order, so that inner
// nodes split, borrow and merge.
func TestGrowShrink(t *testing.T) {
	n := 100000
	if testing.Short() {
		n = 20000
	}
	r := rand.New(rand.NewPCG(7, 7))
	s := New()
	s.Index()
	perm := r.Perm(n)
	for _, i := range perm {
		s.Insert(fmt.Sprintf("m%07d", i), float64(i%1000))
	}
	var m model = s.Items(nil)
	check(t, s, m)
	r.Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
	for k, i := range perm {
		if !s.Delete(fmt.Sprintf("m%07d", i)) {
			t.Fatalf("delete %d failed", i)
		}
		if k%(n/8) == 0 {
			m = s.Items(nil)
			check(t, s, m)
		}
	}
	if s.Len() != 0 || s.t.root != nil {
		t.Fatalf("not empty: %d", s.Len())
	}
}

// FuzzOps interprets the input as a program of inserts, updates, deletes and range deletions
// on a set, checked against the model after every step.
func FuzzOps(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, true)
	f.Add([]byte("the quick brown fox jumps over the lazy dog, many times over and over"), false)
	f.Fuzz(func(t *testing.T, prog []byte, indexed bool) {
		s := New()
		if indexed {
			s.Index()
		}
		var m model
		for i := 0; i+1 < len(prog); i += 2 {
			op, arg := prog[i], prog[i+1]
			member := fmt.Sprintf("m%d", arg%64)
			score := float64(arg / 16)
			switch op % 4 {
			case 0, 1:
				if old, ok := s.Score(member); ok {
					s.Update(member, old, score)
				} else {
					s.Insert(member, score)
				}
				m.add(member, score)
			case 2:
				if s.Delete(member) {
					m = slices.Delete(m, m.find(member), m.find(member)+1)
				}
			default:
				if len(m) > 0 {
					a := int(arg) % len(m)
					b := min(a+int(op>>2)%8, len(m))
					s.DeleteRange(a, b, nil)
					m = slices.Delete(m, a, b)
				}
			}
		}
		check(t, s, m)
	})
}
