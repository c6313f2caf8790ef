package stdlib_test

import (
	"testing"

	rlua "github.com/redmoon-dev/redmoon/lua"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// TestRepeatedShortStringsDoNotAllocate: upper, lower, rep, reverse and char find a short result
// they built before in the library's string cache, as PUC Lua finds it in its string table.
func TestRepeatedShortStringsDoNotAllocate(t *testing.T) {
	bodies := []struct{ name, body string }{
		{"upper_sub_byte", `local r = s:upper() local c = s:sub(2, 5) local b = s:byte(3)`},
		{"lower", `local r = string.lower(s)`},
		{"rep_reverse", `local r = string.rep("ab", 20):reverse()`},
		{"char", `local r = string.char(72, 105, 33)`},
		{"alternating", `local a, b = string.upper("xy"), string.upper("zz")`},
	}
	for _, tt := range bodies {
		t.Run(tt.name, func(t *testing.T) {
			s := rlua.NewState(rlua.Options{})
			src := `local s = "Hello, World" function run(n) for i = 1, n do ` + tt.body + ` end end`
			if _, err := s.Exec(src, "=alloc"); err != nil {
				t.Fatal(err)
			}
			run := s.GetGlobal("run")
			const n = 1000
			s.Call(run, vm.Number(n)) // warm up (stack growth, first results)
			allocs := testing.AllocsPerRun(5, func() { s.Call(run, vm.Number(n)) })
			if perOp := allocs / n; perOp > 0.01 {
				t.Errorf("%.3f allocations per operation", perOp)
			}
		})
	}
}

// TestBuiltStrings checks results of the building functions around the cache's length limit
// (64 bytes) and that cached results stay independent of later calls (expected values from
// lua5.1).
func TestBuiltStrings(t *testing.T) {
	tests := []struct{ expr, want string }{
		{`string.rep("ab", 32)`, "abababababababababababababababababababababababababababababababab"},
		{`#string.rep("ab", 33) .. string.rep("ab", 33):sub(-3)`, "66bab"},
		{`string.rep("abc", 1)`, "abc"},
		{`string.reverse(string.rep("0123456789", 7))`, "9876543210987654321098765432109876543210987654321098765432109876543210"},
		{`string.upper(string.rep("a", 64)) == string.rep("A", 64) and "y" or "n"`, "y"},
		{`(function() local a = string.upper("abc") local b = string.upper("xyz") return a .. b .. string.upper("abc") end)()`, "ABCXYZABC"},
		{`(function() local t = {} for i = 1, 600 do t[i] = string.char(65 + i % 26, 65 + i % 7) end return t[1] .. t[300] .. t[600] end)()`, "BBOGCF"},
		{`string.lower("MiXeD 123")`, "mixed 123"},
	}
	for _, tt := range tests {
		s := rlua.NewState(rlua.Options{})
		res, err := s.Exec("return "+tt.expr, "=t")
		if err != nil {
			t.Fatalf("%s: %v", tt.expr, err)
		}
		if got := res[0].Str(); got != tt.want {
			t.Errorf("%s = %q, want %q", tt.expr, got, tt.want)
		}
	}
}
