package stdlib

import (
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// table.sort: Lua 5.1's quicksort (ltablib.c's auxsort), step for step, so that the sequence
// of comparisons (and so the calls of a comparator), the final order of equal elements and the
// errors ("invalid order function for sorting", "attempt to compare ...") are those of PUC Lua.

// sorter holds one table.sort call.
type sorter struct {
	L   *vm.State
	t   *vm.Table
	cmp vm.Value // the comparator, or nil for the < operator
}

func tblSort(L *vm.State) int {
	t, n := auxGetn(L, 1)
	n = int(int32(n))
	L.CheckStack(40, "")
	if !L.IsNoneOrNil(2) {
		L.CheckType(2, vm.TypeFunction)
	}
	L.SetTop(2)
	s := sorter{L: L, t: t, cmp: L.Get(2)}
	s.auxsort(1, n)
	return 0
}

func (s *sorter) get(i int) vm.Value { return s.t.GetInt(i) }

func (s *sorter) set(i int, v vm.Value) { rawSetInt(s.L, s.t, i, v) }

// less is sort_comp: the comparator's answer, or a < b.
func (s *sorter) less(a, b vm.Value) bool {
	if s.cmp.IsNil() {
		if a.IsNumber() && b.IsNumber() {
			return a.Float() < b.Float()
		}
		if a.IsString() && b.IsString() {
			return a.Str() < b.Str()
		}
		return s.L.LessThan(a, b)
	}
	L := s.L
	L.Push(s.cmp)
	L.Push(a)
	L.Push(b)
	L.Call(2, 1)
	r := L.Get(-1).Truthy()
	L.Pop(1)
	return r
}

func (s *sorter) invalidOrder() {
	s.L.Errorf("invalid order function for sorting")
}

func (s *sorter) auxsort(l, u int) {
	for l < u { // loop for tail recursion
		// Sort a[l], a[(l+u)/2] and a[u].
		al, au := s.get(l), s.get(u)
		if s.less(au, al) { // a[u] < a[l]?
			s.set(l, au)
			s.set(u, al)
		}
		if u-l == 1 {
			break // only 2 elements
		}
		i := (l + u) / 2
		ai, al := s.get(i), s.get(l)
		if s.less(ai, al) { // a[i] < a[l]?
			s.set(i, al)
			s.set(l, ai)
		} else {
			au := s.get(u)
			if s.less(au, ai) { // a[u] < a[i]?
				s.set(i, au)
				s.set(u, ai)
			}
		}
		if u-l == 2 {
			break // only 3 elements
		}
		p := s.get(i) // pivot
		s.set(i, s.get(u-1))
		s.set(u-1, p)
		// a[l] <= P == a[u-1] <= a[u]; only sort from l+1 to u-2.
		i, j := l, u-1
		for { // invariant: a[l..i] <= P <= a[j..u]
			// Repeat ++i until a[i] >= P.
			var ai, aj vm.Value
			for {
				i++
				ai = s.get(i)
				if !s.less(ai, p) {
					break
				}
				if i > u {
					s.invalidOrder()
				}
			}
			// Repeat --j until a[j] <= P.
			for {
				j--
				aj = s.get(j)
				if !s.less(p, aj) {
					break
				}
				if j < l {
					s.invalidOrder()
				}
			}
			if j < i {
				break
			}
			s.set(i, aj)
			s.set(j, ai)
		}
		// Swap the pivot (a[u-1]) with a[i].
		au1, ai2 := s.get(u-1), s.get(i)
		s.set(u-1, ai2)
		s.set(i, au1)
		// a[l..i-1] <= a[i] == P <= a[i+1..u]; sort the smaller half recursively and loop on
		// the larger one.
		if i-l < u-i {
			j, i, l = l, i-1, i+1
		} else {
			j, i, u = i+1, u, i-1
		}
		s.auxsort(j, i)
	}
}
