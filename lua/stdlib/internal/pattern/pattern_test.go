package pattern

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/redmoon-dev/redmoon/lua/internal/difftest"
)

const goldenFile = "testdata/patterns.txt"

// handCases are pattern cases written to cover every feature and error; each pattern is tried
// on each of its subjects.
var handCases = []struct {
	pat  string
	subj []string
}{
	{"a", []string{"", "a", "bab", "xyz"}},
	{".", []string{"", "a", "\x00", "\n"}},
	{"..", []string{"a", "ab", "abc"}},
	{"%a+", []string{"hello world", "123abc456", "\xe9t\xe9"}},
	{"%A+", []string{"hello, world!", "abc"}},
	{"%c", []string{"a\tb", "\x7f", "abc"}},
	{"%C+", []string{"a\tb\x01c"}},
	{"%d+", []string{"abc123def45", "none"}},
	{"%D+", []string{"12ab34"}},
	{"%l+", []string{"ABcdEF"}},
	{"%L+", []string{"abCDef"}},
	{"%p+", []string{"a!@#b", "a.b,c;"}},
	{"%P+", []string{"!!ab!!"}},
	{"%s+", []string{"a \t\n\v\f\rb", "nospace"}},
	{"%S+", []string{"  word  "}},
	{"%u+", []string{"abCDEfg"}},
	{"%U+", []string{"ABcdEF"}},
	{"%w+", []string{"  foo_bar99 ", "\xff\xfe"}},
	{"%W+", []string{"ab  cd"}},
	{"%x+", []string{"zz0x1aFgz"}},
	{"%X+", []string{"12zz34"}},
	{"%z", []string{"a\x00b", "abc"}},
	{"%Z+", []string{"ab\x00cd"}},
	{"%%", []string{"100%", "none"}},
	{"%.", []string{"a.b", "ab"}},
	{"%]", []string{"a]b"}},
	{"%-", []string{"a-b"}},
	{"%q", []string{"q"}},
	{"%g", []string{"g"}},
	{"[abc]+", []string{"xxabcbaxx", "xyz"}},
	{"[^abc]+", []string{"abxyzcb"}},
	{"[a-f]+", []string{"xyzabcdefghij"}},
	{"[a-]+", []string{"--a--b"}},
	{"[-a]+", []string{"--a--b"}},
	{"[]]", []string{"a]b"}},
	{"[]a]+", []string{"x]a]y"}},
	{"[^]]+", []string{"]]ab]"}},
	{"[%a%d]+", []string{"!!ab12!!"}},
	{"[%]]+", []string{"a]]b"}},
	{"[%-]+", []string{"a--b"}},
	{"[a%-z]+", []string{"b-az"}},
	{"[z-a]+", []string{"abz-"}},
	{"[%w_]+", []string{"  my_var1 = 2"}},
	{"[^%s]+", []string{"  two words "}},
	{"[.]", []string{"a.b", "ab"}},
	{"[%.]", []string{"a.b"}},
	{"[\x00-\x1f]", []string{"ab\x05c"}},
	{"[\x80-\xff]+", []string{"ab\xc3\xa9cd"}},
	{"[a-c-e]+", []string{"a-eb"}},
	{"[", []string{"a"}},
	{"[a", []string{"a"}},
	{"[^", []string{"a"}},
	{"[%", []string{"a"}},
	{"[]", []string{"a"}},
	{"[^]", []string{"a"}},
	{"x[", []string{"abc", "x"}},
	{"^abc", []string{"abcdef", "xabc"}},
	{"^", []string{"abc", ""}},
	{"^$", []string{"", "a"}},
	{"abc$", []string{"xxabc", "abcx"}},
	{"$", []string{"abc"}},
	{"a$b", []string{"a$b", "ab"}},
	{"^^a", []string{"^a", "a"}},
	{"a^", []string{"a^"}},
	{"a*", []string{"", "aaab", "baaa"}},
	{"a+", []string{"", "aaab", "baaa"}},
	{"a-", []string{"aaa"}},
	{"a-b", []string{"aaab", "b"}},
	{"a?", []string{"", "ab", "b"}},
	{"a?b", []string{"ab", "b", "aab"}},
	{".-b", []string{"aaabxb"}},
	{".*b", []string{"aaabxb"}},
	{"x*$", []string{"abxx"}},
	{"[%d]*%.?%d+", []string{"12.5", ".5", "7"}},
	{"*", []string{"a*b"}},
	{"+", []string{"a+b"}},
	{"?", []string{"a?b"}},
	{"-", []string{"a-b"}},
	{"a**", []string{"a*"}},
	{"(a)", []string{"bab"}},
	{"(a)(b)", []string{"ab"}},
	{"((a)(b))", []string{"xaby"}},
	{"(a*(.)%w(%s*))", []string{"aaa4B  x"}},
	{"()", []string{"abc", ""}},
	{"()a()", []string{"bba"}},
	{"(a)()", []string{"bab"}},
	{"(()a)", []string{"ba"}},
	{"(", []string{"a"}},
	{"(a", []string{"a", "b"}},
	{"a)", []string{"a", "b"}},
	{")", []string{"a"}},
	{"(()", []string{"a"}},
	{"%1", []string{"a"}},
	{"(a)%1", []string{"aa", "ab"}},
	{"(a)%2", []string{"aa"}},
	{"(a%1)", []string{"aa"}},
	{"(.)%1", []string{"abccd", "abcd"}},
	{"(%w+)%s*=%s*%1", []string{"x = x", "ab=ab", "ab=ac"}},
	{"()%1", []string{"aa"}},
	{"%0", []string{"a"}},
	{"(.)(.)%2%1", []string{"xabbay"}},
	{"[\"'](.-)[\"']", []string{"say 'hi' now"}},
	{"%b()", []string{"f(a(b)c)d", "(unclosed", "no"}},
	{"%b", []string{"a"}},
	{"%ba", []string{"a"}},
	{"%b{}", []string{"x{a{b}{c}}y"}},
	{"%bxx", []string{"axbxcx"}},
	{"%b()%b[]", []string{"(a)[b]"}},
	{"%f[%w]%w+", []string{"THE (quick) fox"}},
	{"%f[%W]", []string{"hello world"}},
	{"%f[%a]", []string{"", "a"}},
	{"%f[%z]", []string{"", "ab"}},
	{"%f[%Z]", []string{"ab"}},
	{"%f", []string{"a"}},
	{"%fa", []string{"a"}},
	{"%f[a", []string{"a"}},
	{"%", []string{"a"}},
	{"a%", []string{"a", "b"}},
	{"%a%", []string{"a"}},
	{"\x00", []string{"a\x00b"}},
	{"a\x00b", []string{"a\x00b", "a"}},
	{"%z+", []string{"\x00\x00a"}},
	{"[%z]", []string{"a\x00"}},
	{"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)(m)(n)(o)(p)(q)(r)(s)(t)(u)(v)(w)(x)(y)(z)(1)(2)(3)(4)(5)(6)", []string{"abcdefghijklmnopqrstuvwxyz123456"}},
	{"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)(m)(n)(o)(p)(q)(r)(s)(t)(u)(v)(w)(x)(y)(z)(1)(2)(3)(4)(5)(6)(7)", []string{"abcdefghijklmnopqrstuvwxyz1234567"}},
	{"(%d+)-(%d+)-(%d+)", []string{"date 2024-01-15 x"}},
	{"^(%w+)://([^/]+)(.*)$", []string{"http://example.com/path?q=1"}},
	{"%s*(.-)%s*$", []string{"  trim me  "}},
	{"(h)(e)(l)(l)(o)", []string{"hello"}},
	{"key=(%w*)", []string{"key=;key=v"}},
	{"", []string{"", "abc"}},
	{"%w-", []string{"abc"}},
	{".-", []string{"abc"}},
	{"a.-z", []string{"abzcz"}},
	{"%d%d?%d?", []string{"1234"}},
	{"[+-]?%d+", []string{"x-12+3"}},
	{"^[+-]?%d+$", []string{"-12", "1a"}},
	{"(%a+)(%d*)", []string{"abc12def"}},
}

// randomPattern builds a pattern from random pieces, some of them malformed.
func randomPattern(r *rand.Rand) string {
	atoms := []string{"a", "b", ".", "%a", "%d", "%s", "%w", "%W", "[ab]", "[^a]", "[a-c]", "%.", "%%", "x", "%z",
		"%b()", "%f[%w]", "%f[%W]", "(", ")", "()", "%1", "%2", "[%d%s]", "^", "$", "[]", "%", "[", "-"}
	quants := []string{"", "", "", "*", "+", "-", "?"}
	var b strings.Builder
	for n := 1 + r.IntN(6); n > 0; n-- {
		b.WriteString(atoms[r.IntN(len(atoms))])
		b.WriteString(quants[r.IntN(len(quants))])
	}
	return b.String()
}

func randomSubject(r *rand.Rand) string {
	const alpha = "aabbcx1 2()\x00.%-"
	var b strings.Builder
	for n := r.IntN(12); n > 0; n-- {
		b.WriteByte(alpha[r.IntN(len(alpha))])
	}
	return b.String()
}

var repls = []string{"<%0>", "%1", "[%2]", "%%", "x%", "-", "%a", "%1%1"}

// generateCases builds the input side of the golden file: subject, pattern, init, replacement.
func generateCases() [][]string {
	var cases [][]string
	inits := []int{1, 1, 2, -2, 0, 100, -100}
	k := 0
	for _, hc := range handCases {
		for _, s := range hc.subj {
			cases = append(cases, []string{s, hc.pat, strconv.Itoa(inits[k%len(inits)]), repls[k%len(repls)]})
			k++
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 2500; i++ {
		cases = append(cases, []string{randomSubject(r), randomPattern(r), strconv.Itoa(inits[i%len(inits)]), repls[i%len(repls)]})
	}
	return cases
}

// luaProgram answers each case with find, match, gmatch and gsub results formatted as the Go
// re-creations above format them.
func luaProgram(cases [][]string) string {
	var b strings.Builder
	b.WriteString(difftest.LuaEscapeFunc)
	b.WriteString(`
local function R(ok, ...)
  if not ok then return "error: " .. (...) end
  local t = {}
  for i = 1, select("#", ...) do t[i] = tostring((select(i, ...))) end
  return table.concat(t, ",")
end
local function G(s, p)
  local out, n = {}, 0
  local ok, err = pcall(function()
    local it = string.gmatch(s, p)
    while n < 50 do
      local t = {n = 0}
      local function pack(...) t.n = select("#", ...); for i = 1, t.n do t[i] = (select(i, ...)) end end
      pack(it())
      if t.n == 0 then break end
      n = n + 1
      out[#out + 1] = R(true, unpack(t, 1, t.n))
    end
  end)
  if not ok then out[#out + 1] = "error: " .. string.gsub(err, "^[^:]*:%d+: ", "") end
  return table.concat(out, "|")
end
local cases = {
`)
	for _, c := range cases {
		b.WriteString("{" + difftest.LuaQuote(c[0]) + "," + difftest.LuaQuote(c[1]) + "," + c[2] + "," + difftest.LuaQuote(c[3]) + "},\n")
	}
	b.WriteString(`}
for _, c in ipairs(cases) do
  local s, p, init, repl = c[1], c[2], c[3], c[4]
  io.write(E(R(pcall(string.find, s, p, init))), "\t", E(R(pcall(string.match, s, p, init))), "\t",
    E(G(s, p)), "\t", E(R(pcall(string.gsub, s, p, repl))), "\n")
end
`)
	return b.String()
}

func TestPatternsGolden(t *testing.T) {
	cases := difftest.ReadCases(t, goldenFile)
	if len(cases) < 1000 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, c := range cases {
		s, p, repl := c[0], c[1], c[3]
		init, _ := strconv.Atoi(c[2])
		got := []string{luaFind(s, p, init, true), luaFind(s, p, init, false), luaGmatch(s, p), luaGsub(s, p, repl, len(s)+1)}
		for i, name := range []string{"find", "match", "gmatch", "gsub"} {
			if got[i] != c[4+i] {
				t.Errorf("%s(%q, %q, %d, %q) = %q; lua5.1 gives %q", name, s, p, init, repl, got[i], c[4+i])
			}
		}
	}
}

func TestPatternsOracle(t *testing.T) {
	var cases [][]string
	if *difftest.Update {
		cases = generateCases()
	} else {
		for _, c := range difftest.ReadCases(t, goldenFile) {
			cases = append(cases, c[:4])
		}
	}
	lines := difftest.Lines(difftest.RunLua(t, luaProgram(cases)))
	if len(lines) != len(cases) {
		t.Fatalf("lua5.1 answered %d lines for %d cases", len(lines), len(cases))
	}
	var fresh [][]string
	for i, l := range lines {
		fields := strings.Split(l, "\t")
		row := append([]string{}, cases[i]...)
		for _, f := range fields {
			u, err := difftest.Unescape(f)
			if err != nil {
				t.Fatal(err)
			}
			row = append(row, u)
		}
		fresh = append(fresh, row)
	}
	if *difftest.Update {
		difftest.WriteCases(t, goldenFile, "subject, pattern, init, replacement; then string.find, string.match, the string.gmatch sequence and string.gsub results from lua5.1", fresh)
		return
	}
	golden := difftest.ReadCases(t, goldenFile)
	for i := range fresh {
		if strings.Join(fresh[i], "\t") != strings.Join(golden[i], "\t") {
			t.Errorf("golden %q differs from lua5.1 %q", golden[i], fresh[i])
		}
	}
}
