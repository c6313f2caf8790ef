package stdlib

import (
	"strings"

	"github.com/redmoon-dev/redmoon/lua/stdlib/internal/pattern"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// string.find, string.match, string.gmatch and string.gsub on top of the pattern matcher.

// patternError raises a pattern error as luaL_error does (with the caller's position).
func patternError(L *vm.State, err error) {
	L.Errorf("%s", err.Error())
}

// pushCapture pushes capture i of the match [s, e) (push_onecapture).
func pushCapture(L *vm.State, m *pattern.Matcher, i, s, e int) {
	start, end, pos, err := m.Capture(i, s, e)
	if err != nil {
		patternError(L, err)
	}
	if pos {
		L.PushInt(start)
	} else {
		L.PushString(m.Subject()[start:end])
	}
}

// pushCaptures pushes the captures of the match [s, e), or the whole match when the pattern
// has none and whole is true (push_captures); it returns how many it pushed.
func pushCaptures(L *vm.State, m *pattern.Matcher, s, e int, whole bool) int {
	n := m.NumCaptures(whole)
	L.CheckStack(n, "too many captures")
	for i := 0; i < n; i++ {
		pushCapture(L, m, i, s, e)
	}
	return n
}

// setInterrupt lets the VM's interrupt requests (script timeouts) stop a long match.
func setInterrupt(L *vm.State, m *pattern.Matcher) {
	m.Interrupt = vmInterrupter{L}
}

func strFindAux(L *vm.State, find bool) int {
	s := L.CheckString(1)
	p := L.CheckString(2)
	init := posrelat(L.OptInteger(3, 1), len(s)) - 1
	if init < 0 {
		init = 0
	} else if init > len(s) {
		init = len(s)
	}
	if find && (L.Get(4).Truthy() || !pattern.HasSpecials(p)) {
		if i := strings.Index(s[init:], p); i >= 0 {
			L.PushInt(init + i + 1)
			L.PushInt(init + i + len(p))
			return 2
		}
		L.PushNil()
		return 1
	}
	var m pattern.Matcher
	setInterrupt(L, &m)
	m.Reset(s, p)
	start, end, err := m.Find(init)
	if err != nil {
		patternError(L, err)
	}
	if start < 0 {
		L.PushNil()
		return 1
	}
	if find {
		L.PushInt(start + 1)
		L.PushInt(end)
		return pushCaptures(L, &m, start, end, false) + 2
	}
	return pushCaptures(L, &m, start, end, true)
}

func strFind(L *vm.State) int  { return strFindAux(L, true) }
func strMatch(L *vm.State) int { return strFindAux(L, false) }

// gmatchState is the state of one string.gmatch iterator.
type gmatchState struct {
	src, pat string
	pos      int
}

func strGmatch(L *vm.State) int {
	s := L.CheckString(1)
	p := L.CheckString(2)
	st := &gmatchState{src: s, pat: p}
	L.Push(L.NewFunction("gmatch_aux", func(L *vm.State) int {
		var mm pattern.Matcher
		m := &mm
		setInterrupt(L, m)
		m.Reset(st.src, st.pat)
		src := st.src
		for s := st.pos; s <= len(src); s++ {
			if s = m.Skip(s, 0); s > len(src) {
				break
			}
			e, err := m.Match(s, 0)
			if err != nil {
				patternError(L, err)
			}
			if e >= 0 {
				st.pos = e
				if e == s {
					st.pos++
				}
				return pushCaptures(L, m, s, e, true)
			}
		}
		st.pos = len(src) + 1
		return 0
	}))
	return 1
}

func strGsub(L *vm.State) int {
	src := L.CheckString(1)
	p := L.CheckString(2)
	tr := L.Get(3).Type()
	maxN := optInt(L, 4, len(src)+1)
	L.ArgCheck(tr == vm.TypeNumber || tr == vm.TypeString || tr == vm.TypeFunction || tr == vm.TypeTable, 3,
		"string/function/table expected")
	var m pattern.Matcher
	setInterrupt(L, &m)
	m.Reset(src, p)
	pi := 0
	anchor := m.Anchored()
	if anchor {
		pi = 1
	}
	var repl string
	if tr == vm.TypeNumber || tr == vm.TypeString {
		repl = L.CheckString(3)
	}
	b := make([]byte, 0, len(src)+len(src)/8+16)
	n := 0
	s := 0
	for n < maxN {
		if !anchor {
			// Copy the stretch where no match can start at once.
			t := m.Skip(s, pi)
			if t > len(src) {
				break
			}
			b = append(b, src[s:t]...)
			s = t
		}
		e, err := m.Match(s, pi)
		if err != nil {
			patternError(L, err)
		}
		if e >= 0 {
			n++
			switch tr {
			case vm.TypeNumber, vm.TypeString:
				b = addString(L, &m, b, repl, s, e)
			default:
				b = addValue(L, &m, b, tr, s, e)
			}
		}
		if e >= 0 && e > s {
			s = e
		} else if s < len(src) {
			b = append(b, src[s])
			s++
		} else {
			break
		}
		if anchor {
			break
		}
		if len(b) > MaxStringSize {
			L.Errorf("not enough memory")
		}
	}
	b = append(b, src[s:]...)
	L.PushString(bytesToString(b))
	L.PushInt(n)
	return 2
}

// addString appends the replacement string repl for the match [s, e) (add_s): %0-%9 insert
// captures, % before any other character inserts that character.
func addString(L *vm.State, m *pattern.Matcher, b []byte, repl string, s, e int) []byte {
	src := m.Subject()
	for i := 0; i < len(repl); i++ {
		c := repl[i]
		if c != '%' {
			b = append(b, c)
			continue
		}
		i++
		var d byte // C reads the string's terminating zero after a final '%'
		if i < len(repl) {
			d = repl[i]
		}
		switch {
		case d < '0' || d > '9':
			b = append(b, d)
		case d == '0':
			b = append(b, src[s:e]...)
		default:
			start, end, pos, err := m.Capture(int(d-'1'), s, e)
			if err != nil {
				patternError(L, err)
			}
			if pos {
				b = vm.AppendNumber(b, float64(start))
			} else {
				b = append(b, src[start:end]...)
			}
		}
	}
	return b
}

// addValue appends the replacement produced by a function or table for the match [s, e)
// (add_value).
func addValue(L *vm.State, m *pattern.Matcher, b []byte, tr vm.Type, s, e int) []byte {
	var v vm.Value
	if tr == vm.TypeFunction {
		L.PushValue(3)
		n := pushCaptures(L, m, s, e, true)
		L.Call(n, 1)
		v = L.Get(-1)
		L.Pop(1)
	} else {
		pushCapture(L, m, 0, s, e)
		k := L.Get(-1)
		L.Pop(1)
		v = L.Index(L.Get(3), k)
	}
	if v.IsFalsy() {
		return append(b, m.Subject()[s:e]...)
	}
	if str, ok := v.AsString(); ok {
		return append(b, str...)
	}
	if v.IsNumber() {
		return vm.AppendNumber(b, v.Float())
	}
	L.Errorf("invalid replacement value (a %s)", v.TypeName())
	return b
}
