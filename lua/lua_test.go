package lua

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/redmoon-dev/redmoon/lua/vm"
)

// run compiles src once and returns a function that runs it in s.
func prepare(t *testing.T, s *State, src string) vm.Value {
	t.Helper()
	fn, err := s.Load(src, "=test")
	if err != nil {
		t.Fatal(err)
	}
	return fn
}

// TestZeroAllocations holds the hot paths to zero allocations per run: numeric loops, table
// reads and writes on existing keys, Lua calls, method calls and builtin calls.
func TestZeroAllocations(t *testing.T) {
	cases := []struct{ name, setup, body string }{
		{"numeric loop", "", "local s = 0 for i = 1, 1000 do s = s + i * 2 % 7 - i / 3 end"},
		{"array read/write", "T = {} for i = 1, 100 do T[i] = i end", "local t = T for i = 1, 100 do t[i] = t[i] + 1 end"},
		{"field read/write", "O = {x = 1, y = 2}", "local o = O for i = 1, 100 do o.x = o.x + o.y end"},
		{"string keys", "K = {} for i = 1, 50 do K['k' .. i] = i end", "local k = K for i = 1, 100 do k.k7 = k.k9 + 1 end"},
		{"lua calls", "function F(a, b) return a + b end", "local f = F local s = 0 for i = 1, 100 do s = f(s, i) end"},
		{"method calls", "C = {} C.__index = C function C:get() return self.v end O2 = setmetatable({v = 1}, C)",
			"local o = O2 local s = 0 for i = 1, 100 do s = s + o:get() end"},
		{"builtin calls", "", "local type, s = type, 0 for i = 1, 100 do if type(i) == 'number' then s = s + 1 end end"},
		{"closure call", "local n = 0 function INC() n = n + 1 end", "local f = INC for i = 1, 100 do f() end"},
		{"upvalues", "local a = 0 function G() a = a + 1 return a end", "local g = G for i = 1, 100 do g() end"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := NewState(Options{})
			if c.setup != "" {
				if err := s.DoString(c.setup); err != nil {
					t.Fatal(err)
				}
			}
			fn := prepare(t, s, c.body)
			s.L.Push(fn)
			top := s.L.GetTop()
			run := func() {
				s.L.Push(fn)
				s.L.Call(0, 0)
			}
			run()
			if n := testing.AllocsPerRun(50, run); n != 0 {
				t.Errorf("%s: %v allocations per run, want 0", c.name, n)
			}
			if s.L.GetTop() != top {
				t.Errorf("stack not balanced")
			}
		})
	}
}

func TestConcatAllocatesOnce(t *testing.T) {
	s := NewState(Options{})
	if err := s.DoString("A, B, C = 'hello', 'big', 'world'"); err != nil {
		t.Fatal(err)
	}
	fn := prepare(t, s, "local x = A .. B .. C .. A")
	run := func() {
		s.L.Push(fn)
		s.L.Call(0, 0)
	}
	run()
	if n := testing.AllocsPerRun(50, run); n != 1 {
		t.Errorf("a..b..c..d: %v allocations, want 1", n)
	}
}

func TestObjectAllocations(t *testing.T) {
	s := NewState(Options{})
	fn := prepare(t, s, "local i = 1 local o = {x = i, y = i}")
	run := func() {
		s.L.Push(fn)
		s.L.Call(0, 0)
	}
	run()
	if n := testing.AllocsPerRun(50, run); n > 2 {
		t.Errorf("{x = i, y = i}: %v allocations, want at most 2", n)
	}
}

func TestErrorsAsValues(t *testing.T) {
	s := NewState(Options{})
	err := s.DoString("local t = nil; return t.x")
	var le *vm.Error
	if !errors.As(err, &le) {
		t.Fatalf("got %v, want a *vm.Error", err)
	}
	want := `[string "local t = nil; return t.x"]:1: attempt to index local 't' (a nil value)`
	if le.Error() != want {
		t.Errorf("got %q, want %q", le.Error(), want)
	}
	err = s.DoString("error({code = 7})")
	if !errors.As(err, &le) || le.Value.AsTable() == nil {
		t.Fatalf("error object not kept: %v", err)
	}
	if got := le.Value.AsTable().GetStr("code"); got.Float() != 7 {
		t.Errorf("error table field: %v", got)
	}
}

func TestInstructionLimit(t *testing.T) {
	for _, src := range []string{"while true do end", "local function f() return f() end f()", "repeat until false",
		"local function g() g() end while true do pcall(g) end"} {
		s := NewState(Options{InstructionLimit: 100000})
		err := s.DoString(src)
		if err == nil || !strings.Contains(err.Error(), "instruction limit exceeded") {
			t.Errorf("%s: got %v", src, err)
		}
	}
}

func TestInterrupt(t *testing.T) {
	s := NewState(Options{})
	s.Register("stop", func(L *vm.State) int { L.Interrupt(); return 0 })
	err := s.DoString("stop() while true do end")
	if err == nil || !strings.Contains(err.Error(), "interrupted") {
		t.Fatalf("got %v", err)
	}
}

func TestGoRuntimePanicBecomesError(t *testing.T) {
	s := NewState(Options{})
	s.Register("bug", func(L *vm.State) int {
		var m map[string]int
		m["x"] = 1 // a Go runtime panic inside a library
		return 0
	})
	err := s.DoString("bug()")
	if err == nil || !strings.Contains(err.Error(), "internal error") {
		t.Fatalf("got %v", err)
	}
	if err := s.DoString("x = 1"); err != nil {
		t.Fatalf("state unusable after a recovered panic: %v", err)
	}
}

func TestPrintWriter(t *testing.T) {
	var buf bytes.Buffer
	s := NewState(Options{Stdout: &buf})
	if err := s.DoString("print(1, 'a', nil, true, 2.5)"); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != "1\ta\tnil\ttrue\t2.5\n" {
		t.Errorf("print wrote %q", got)
	}
}

func TestDumpRoundTrip(t *testing.T) {
	s := NewState(Options{})
	res, err := s.Exec("local f = function(a, b) return a * b + 1 end return loadstring(string.dump(f))(6, 7)", "=t")
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].Float() != 43 {
		t.Fatalf("got %v", res)
	}
	r := NewState(Options{RefuseBinaryChunks: true})
	res, err = r.Exec("local f, e = loadstring(string.dump(function() end)) return e", "=t")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := res[0].AsString(); !strings.Contains(got, "unexpected symbol near 'char(27)'") {
		t.Errorf("binary chunk not refused like Redis: %q", got)
	}
}
