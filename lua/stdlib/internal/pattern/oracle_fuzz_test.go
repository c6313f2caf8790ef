package pattern

import (
	"strings"
	"sync"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	"github.com/redmoon-dev/redmoon/lua/internal/difftest"
)

var (
	oracleOnce sync.Once
	oracleProc *difftest.Coprocess
	oracleErr  error
)

// patternServer answers "subject TAB pattern TAB replacement" lines with the four results of
// luaProgram, tab-separated.
func patternServer() string {
	prog := luaProgram(nil)
	head := prog[:strings.Index(prog, "local cases = {")]
	return difftest.LuaUnescapeFunc + head + `
while true do
  local line = io.read("*l")
  if not line then break end
  local a, b, c = string.match(line, "^([^\t]*)\t([^\t]*)\t([^\t]*)$")
  local s, p, repl = U(a), U(b), U(c)
  io.write(E(R(pcall(string.find, s, p))), "\t", E(R(pcall(string.match, s, p))), "\t",
    E(G(s, p)), "\t", E(R(pcall(string.gsub, s, p, repl))), "\n")
  io.flush()
end
`
}

// FuzzPatternOracle compares find, match, gmatch and gsub built on the Matcher with lua5.1's
// (go test -fuzz FuzzPatternOracle). Patterns whose matching could take exponential time are
// kept short by the input size limit.
func FuzzPatternOracle(f *testing.F) {
	for _, c := range handCases {
		for _, s := range c.subj {
			f.Add(s, c.pat, "<%0>")
		}
	}
	f.Fuzz(func(t *testing.T, src, pat, repl string) {
		if len(src) > 40 || len(pat) > 24 || len(repl) > 8 {
			return
		}
		// Quantified empty matches and nested lazy items can take exponential time in both
		// engines; keep the search space small.
		if strings.Count(pat, "-")+strings.Count(pat, "*") > 4 {
			return
		}
		bin := oracle.Binary(t, "lua5.1")
		oracleOnce.Do(func() { oracleProc, oracleErr = difftest.StartLua(bin, patternServer()) })
		if oracleErr != nil {
			t.Fatal(oracleErr)
		}
		ans, err := oracleProc.Ask(difftest.Escape(src) + "\t" + difftest.Escape(pat) + "\t" + difftest.Escape(repl))
		if err != nil {
			t.Fatal(err)
		}
		want := strings.Split(ans, "\t")
		got := []string{luaFind(src, pat, 1, true), luaFind(src, pat, 1, false), luaGmatch(src, pat), luaGsub(src, pat, repl, len(src)+1)}
		for i, name := range []string{"find", "match", "gmatch", "gsub"} {
			w, _ := difftest.Unescape(want[i])
			if got[i] != w {
				t.Errorf("%s(%q, %q, %q) = %q; lua5.1 gives %q", name, src, pat, repl, got[i], w)
			}
		}
	})
}
