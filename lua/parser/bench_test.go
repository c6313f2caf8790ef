package parser

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
)

// benchSource generates a Lua program of about size bytes mixing every kind of construct in
// the proportions of ordinary code: functions, locals, calls, tables, strings, loops, comments.
func benchSource(size int) []byte {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, `-- function number %d
do local function f%d(a, b, ...)
  local t = {a, b, x = %d, ["key%d"] = "value %d", [a + 1] = {1, 2.5, 0x1F, 3e-2}}
  for k = 1, #t, 2 do
    if t[k] ~= nil and k %% 3 == 0 or not b then
      t[k] = t[k] .. "s\n" .. k * (a - b) / 2 ^ 3
    elseif k > 10 then
      break
    else
      a = a + (b or 1)
    end
  end
  for key, value in pairs(t) do
    print(key, value, select('#', ...), string.format("%%d %%s", k or 0, [[long
string]]))
  end
  while a < %d do a = a + 1 end
  repeat local z = a - 1; a = z until z <= 0
  local obj = setmetatable({}, {__index = function(self, k) return k end})
  obj:method(1, "two", {three = 3}):chain "s" {n = #t}
  return t, function(x) return x * %d end, ...
end end
`, i, i, i, i, i, i%97, i%13)
	}
	return []byte(b.String())
}

var (
	benchOnce sync.Once
	benchSrc  []byte
)

func bench10MB() []byte {
	benchOnce.Do(func() { benchSrc = benchSource(10 << 20) })
	return benchSrc
}

func TestBenchSourceParses(t *testing.T) {
	src := benchSource(64 << 10)
	if _, err := Parse(src, "=bench"); err != nil {
		t.Fatal(err)
	}
	luac, ok := oracle.Lookup("luac5.1")
	if !ok {
		return
	}
	path := filepath.Join(t.TempDir(), "bench.lua")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(luac, "-p", path).CombinedOutput(); err != nil {
		t.Fatalf("luac5.1 rejects the benchmark source: %v %s", err, out)
	}
}

// BenchmarkParse10MB lexes and parses a generated ~10 MB Lua source into an AST. Measured
// figures, with BenchmarkLuac10MB run on the same file, are in README.md.
func BenchmarkParse10MB(b *testing.B) {
	src := bench10MB()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Parse(src, "=bench"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLex10MB only scans the tokens of the same source.
func BenchmarkLex10MB(b *testing.B) {
	src := bench10MB()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if n := countTokens(src); n == 0 {
			b.Fatal("no tokens")
		}
	}
}

// BenchmarkLuac10MB runs `luac5.1 -p` on the same source written to a file: PUC's lexer,
// parser and code generator, plus one process start (about a millisecond).
func BenchmarkLuac10MB(b *testing.B) {
	luac := oracle.Binary(b, "luac5.1")
	src := bench10MB()
	path := filepath.Join(b.TempDir(), "bench.lua")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if out, err := exec.Command(luac, "-p", path).CombinedOutput(); err != nil {
			b.Fatalf("%v %s", err, out)
		}
	}
}
