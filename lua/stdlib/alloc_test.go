package stdlib_test

import (
	"testing"

	rlua "github.com/redmoon-dev/redmoon/lua"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// TestLibraryCallsDoNotAllocate checks that the library calls that need no new string or table
// allocate nothing: matching, captures (substrings share the subject's bytes), byte, len, sub of
// the whole string, sort and insert/remove into a table with room.
func TestLibraryCallsDoNotAllocate(t *testing.T) {
	bodies := map[string]string{
		"find_plain":   `local a, b = string.find(s, "needle", 1, true)`,
		"find_pattern": `local a, b, y = string.find(s, "(%d+)-%d+")`,
		"match":        `local k, v = string.match(s, "(%a+)=(%w+)")`,
		"byte_len_sub": `local b = string.byte(s, 3) local n = #s local u = string.sub(s, 1, -1)`,
		"format_plain": `local f = string.format("%s", s)`,
		"sort":         `for k = 1, 8 do t[k] = 9 - k end table.sort(t)`,
		"insert":       `table.insert(t, 1) table.remove(t)`,
	}
	for name, body := range bodies {
		s := rlua.NewState(rlua.Options{})
		src := `local s = "order 2024-01 key=value needle" local t = {1, 2, 3, 4, 5, 6, 7, 8}
function run(n) for i = 1, n do ` + body + ` end end`
		if _, err := s.Exec(src, "=alloc"); err != nil {
			t.Fatal(err)
		}
		run := s.GetGlobal("run")
		const n = 1000
		s.Call(run, vm.Number(n)) // warm up (stack growth)
		allocs := testing.AllocsPerRun(5, func() { s.Call(run, vm.Number(n)) })
		if perOp := allocs / n; perOp > 0.01 {
			t.Errorf("%s: %.3f allocations per operation", name, perOp)
		}
	}
}
