package stream

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// The stream's replies are checked against redis-server by the case files in conformance/redis
// (streams*.cases, stream-random.cases: node counts, approximate trims, ranges). These tests
// check the data structure against a plain model: a sorted list of live entries.

type modelEntry struct {
	id ID
	fv []string
}

func checkAgainstModel(t *testing.T, s *Stream, model []modelEntry) {
	t.Helper()
	if s.Length != uint64(len(model)) {
		t.Fatalf("Length %d, model %d", s.Length, len(model))
	}
	var got []ID
	s.Range(ID{}, MaxID, false, func(id ID, _ []string) bool { got = append(got, id); return true })
	if len(got) != len(model) {
		t.Fatalf("forward range has %d entries, model %d", len(got), len(model))
	}
	for i := range got {
		if got[i] != model[i].id {
			t.Fatalf("entry %d is %v, model %v", i, got[i], model[i].id)
		}
	}
	// Node bookkeeping: counts and the incremental size match a recount.
	if len(s.masters) != len(s.nodes) {
		t.Fatalf("%d masters for %d nodes", len(s.masters), len(s.nodes))
	}
	for i, n := range s.nodes {
		if s.masters[i] != n.master {
			t.Fatalf("master %d is %v, node says %v", i, s.masters[i], n.master)
		}
		live, deleted := 0, 0
		for _, it := range n.items {
			if it.deleted {
				deleted++
			} else {
				live++
			}
		}
		if live != n.live || deleted != n.deleted || live == 0 {
			t.Fatalf("node %v: live %d/%d deleted %d/%d", n.master, n.live, live, n.deleted, deleted)
		}
		if n.size != recountSize(n) {
			t.Fatalf("node %v: size %d, recount %d", n.master, n.size, recountSize(n))
		}
	}
}

// recountSize computes a node's listpack size from scratch.
func recountSize(n *node) int {
	first := n.items[0].fv
	size := lpHeaderAndEnd + lpInt(int64(n.masterFields)) + lpInt(0)
	for i := 0; i < len(first); i += 2 {
		size += lpStr(first[i])
	}
	for _, it := range n.items {
		same := len(it.fv)/2 == n.masterFields && sameFields(first, it.fv)
		flags := int64(0)
		if same {
			flags = flagSameFields
		}
		size += lpInt(flags) + lpInt(int64(it.id.Ms-n.master.Ms)) + lpInt(int64(it.id.Seq-n.master.Seq))
		count := int64(len(it.fv)/2 + 3)
		if !same {
			size += lpInt(int64(len(it.fv) / 2))
			count += int64(len(it.fv)/2 + 1)
		}
		for i, f := range it.fv {
			if !same || i%2 == 1 {
				size += lpStr(f)
			}
		}
		size += lpInt(count)
	}
	return size
}

func TestStreamModel(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	s := New()
	var model []modelEntry
	var last ID
	for step := 0; step < 20000; step++ {
		switch r := rng.IntN(1000); {
		case r < 600:
			id := ID{last.Ms + uint64(rng.IntN(3)), last.Seq + 1 + uint64(rng.IntN(3))}
			if id.Ms > last.Ms {
				id.Seq = uint64(rng.IntN(2))
			}
			last = id
			fv := []string{"f", fmt.Sprint(rng.IntN(1 << uint(rng.IntN(40))))}
			if rng.IntN(5) == 0 {
				fv = append(fv, "x", string(make([]byte, rng.IntN(300))))
			}
			s.Append(id, fv)
			model = append(model, modelEntry{id, fv})
		case r < 680 && len(model) > 0:
			i := rng.IntN(len(model))
			if !s.Delete(model[i].id) {
				t.Fatalf("step %d: delete of %v failed", step, model[i].id)
			}
			if s.Delete(model[i].id) {
				t.Fatalf("step %d: second delete of %v succeeded", step, model[i].id)
			}
			model = slices.Delete(model, i, i+1)
		case r < 681:
			maxlen := len(model)*3/4 + rng.IntN(len(model)/4+1)
			n := s.Trim(TrimArgs{Strategy: TrimMaxLen, MaxLen: int64(maxlen)})
			if want := max(len(model)-maxlen, 0); int(n) != want {
				t.Fatalf("step %d: exact MAXLEN %d removed %d, want %d", step, maxlen, n, want)
			}
			model = model[len(model)-min(len(model), maxlen):]
		case r < 682 && len(model) > 0:
			min := model[rng.IntN(len(model)/8+1)].id
			n := s.Trim(TrimArgs{Strategy: TrimMinID, MinID: min})
			i := slices.IndexFunc(model, func(e modelEntry) bool { return !e.id.Less(min) })
			if int(n) != i {
				t.Fatalf("step %d: exact MINID removed %d, want %d", step, n, i)
			}
			model = model[i:]
		case r < 683:
			maxlen := len(model)*3/4 + rng.IntN(len(model)/4+1)
			n := int(s.Trim(TrimArgs{Strategy: TrimMaxLen, MaxLen: int64(maxlen), Approx: true, Limit: 10000}))
			if len(model)-n < maxlen && n > 0 {
				t.Fatalf("step %d: approximate MAXLEN %d left %d entries", step, maxlen, len(model)-n)
			}
			model = model[n:]
		case r < 950 && len(model) > 0:
			a, b := model[rng.IntN(len(model))].id, model[rng.IntN(len(model))].id
			rev := rng.IntN(2) == 0
			var got []ID
			s.Range(a, b, rev, func(id ID, _ []string) bool { got = append(got, id); return true })
			var want []ID
			for _, e := range model {
				if !e.id.Less(a) && !b.Less(e.id) {
					want = append(want, e.id)
				}
			}
			if rev {
				slices.Reverse(want)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("step %d: range %v..%v rev=%v: got %v, want %v", step, a, b, rev, got, want)
			}
		default:
			if len(model) > 0 {
				f, _ := s.First()
				l, _ := s.Last()
				if f != model[0].id || l != model[len(model)-1].id {
					t.Fatalf("step %d: first/last %v %v, model %v %v", step, f, l, model[0].id, model[len(model)-1].id)
				}
			}
		}
		if step%500 == 0 {
			checkAgainstModel(t, s, model)
		}
	}
	checkAgainstModel(t, s, model)
	if s.Nodes() < 10 {
		t.Fatalf("the model run ended with %d nodes, %d entries: too small to test much", s.Nodes(), len(model))
	}
	c := s.Clone()
	checkAgainstModel(t, c, model)
	if len(model) > 0 {
		c.Delete(model[0].id)
		checkAgainstModel(t, s, model)
	}
}

func TestNodeLimits(t *testing.T) {
	s := New()
	for i := 1; i <= 250; i++ {
		s.Append(ID{uint64(i), 0}, []string{"f", "v"})
	}
	if s.Nodes() != 3 {
		t.Fatalf("250 small entries in %d nodes, want 3 (100 per node)", s.Nodes())
	}
	s = New()
	big := string(make([]byte, 1000))
	for i := 1; i <= 10; i++ {
		s.Append(ID{uint64(i), 0}, []string{"f", big})
	}
	for _, n := range s.nodes {
		if n.bytes() > NodeMaxBytes+1100 {
			t.Fatalf("node of %d bytes", n.bytes())
		}
	}
	if s.Nodes() < 3 {
		t.Fatalf("10 entries of 1000 bytes in %d nodes", s.Nodes())
	}
}

func TestPELModel(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	p := &PEL{}
	model := map[ID]*NACK{}
	for step := 0; step < 30000; step++ {
		id := ID{uint64(rng.IntN(2000)), uint64(rng.IntN(3))}
		full := step%64 == 0
		switch rng.IntN(4) {
		case 0, 1:
			n := &NACK{DeliveryCount: uint64(step)}
			_, had := model[id]
			if p.Insert(id, n) == had {
				t.Fatalf("step %d: insert %v returned %v with present=%v", step, id, !had, had)
			}
			if !had {
				model[id] = n
			}
		case 2:
			_, had := model[id]
			if p.Delete(id) != had {
				t.Fatalf("step %d: delete %v", step, id)
			}
			delete(model, id)
		default:
			if p.Get(id) != model[id] {
				t.Fatalf("step %d: get %v", step, id)
			}
			if !full {
				continue
			}
			var want []ID
			for k := range model {
				if !k.Less(id) {
					want = append(want, k)
				}
			}
			slices.SortFunc(want, func(a, b ID) int { return a.Cmp(b) })
			got, _, ok := p.Ceil(id)
			if ok != (len(want) > 0) || (ok && got != want[0]) {
				t.Fatalf("step %d: ceil %v = %v %v, want %v", step, id, got, ok, want)
			}
			var all []ID
			p.Ascend(id, func(k ID, _ *NACK) bool { all = append(all, k); return true })
			if !slices.Equal(all, want) {
				t.Fatalf("step %d: ascend from %v differs", step, id)
			}
		}
		if p.Len() != len(model) {
			t.Fatalf("step %d: len %d, model %d", step, p.Len(), len(model))
		}
	}
}

func TestIDIncrDecr(t *testing.T) {
	cases := []struct {
		id, next ID
		ok       bool
	}{
		{ID{1, 1}, ID{1, 2}, true},
		{ID{1, MaxID.Seq}, ID{2, 0}, true},
		{MaxID, ID{}, false},
	}
	for _, c := range cases {
		got, ok := c.id.Incr()
		if got != c.next || ok != c.ok {
			t.Errorf("%v.Incr() = %v, %v", c.id, got, ok)
		}
		if ok {
			if back, _ := got.Decr(); back != c.id {
				t.Errorf("%v.Decr() = %v, want %v", got, back, c.id)
			}
		}
	}
	if got, ok := (ID{}).Decr(); ok || got != MaxID {
		t.Errorf("0-0 Decr = %v, %v", got, ok)
	}
}

// FuzzParse checks the ID parser on arbitrary input: it never panics, IDs it formats read back,
// and plain decimal parts read as their value. What it accepts is checked against redis-server by
// the differential fuzz test and case files in conformance/redis.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"1-1", "-", "+", "5", "5-*", " 5-1", "+5-1", "-5-1", "1-+1", "007", "", "\x00", "18446744073709551615-18446744073709551615", "18446744073709551616"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, strict := range []bool{false, true} {
			id, res := Parse(s, 7, strict, true)
			if res == Invalid {
				continue
			}
			if res == Full {
				back, res2 := Parse(id.String(), 0, true, false)
				if res2 != Full || back != id {
					t.Fatalf("%q -> %v, which reads back as %v (%v)", s, id, back, res2)
				}
			}
		}
	})
}
