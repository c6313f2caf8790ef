package cfmt

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/redmoon-dev/redmoon/lua/internal/difftest"
)

const goldenFile = "testdata/format.txt"

func num(f float64) arg { return arg{isNum: true, n: f} }
func str(s string) arg  { return arg{s: s} }
func nan(neg bool) float64 {
	if neg {
		return math.Float64frombits(0xFFF8000000000000)
	}
	return math.Float64frombits(0x7FF8000000000000)
}

// handCases are format strings with their arguments.
var handCases = []struct {
	f    string
	args []arg
}{
	{"%d", []arg{num(42)}}, {"%d", []arg{num(-42)}}, {"%d", []arg{num(3.99)}}, {"%d", []arg{num(-3.99)}},
	{"%d", []arg{num(1e20)}}, {"%d", []arg{num(nan(false))}}, {"%d", []arg{num(math.Inf(1))}}, {"%d", []arg{num(2147483648)}},
	{"%i", []arg{num(7)}}, {"%5d|%-5d|%05d", []arg{num(42), num(42), num(42)}}, {"%+d % d %+ d", []arg{num(5), num(5), num(5)}},
	{"%.0d|%.3d|%8.3d|%-8.3d|%08.3d", []arg{num(0), num(7), num(-7), num(7), num(7)}},
	{"%x %X %o %u", []arg{num(255), num(255), num(8), num(3000000000)}}, {"%#x %#X %#o", []arg{num(255), num(255), num(8)}},
	{"%#x %#o %#.0o %#5.0o %5.0x", []arg{num(0), num(0), num(0), num(0), num(0)}},
	{"%x", []arg{num(-1)}}, {"%x", []arg{num(math.Pow(2, 64))}}, {"%x", []arg{num(math.Pow(2, 63))}}, {"%x", []arg{num(1e19)}},
	{"%x", []arg{num(-1e19)}}, {"%x", []arg{num(math.Inf(1))}}, {"%x", []arg{num(math.Inf(-1))}}, {"%x", []arg{num(nan(true))}},
	{"%u", []arg{num(-1.5)}}, {"%o", []arg{num(-1)}}, {"%020.15x", []arg{num(12345)}}, {"%#010x", []arg{num(255)}},
	{"%c", []arg{num(65)}}, {"%c", []arg{num(0)}}, {"%5c", []arg{num(0)}}, {"%-5c|", []arg{num(0)}}, {"%c", []arg{num(256 + 65)}},
	{"%c", []arg{num(1e10)}}, {"%c", []arg{num(-1)}}, {"%05c", []arg{num(65)}}, {"%-3c|", []arg{num(66)}},
	{"%s", []arg{str("hello")}}, {"%10s|%-10s|", []arg{str("hi"), str("hi")}}, {"%.2s", []arg{str("hello")}},
	{"%05s", []arg{str("ab")}}, {"%s", []arg{str("a\x00b")}}, {"%5.1s", []arg{str("abc")}}, {"%.0s|", []arg{str("abc")}},
	{"%s", []arg{str(strings.Repeat("x", 99) + "\x00z")}}, {"%s", []arg{str(strings.Repeat("x", 100) + "\x00z")}},
	{"%.99s", []arg{str(strings.Repeat("y", 120))}}, {"%5s", []arg{str(strings.Repeat("w", 120))}},
	{"%s", []arg{num(1.5)}}, {"%s", []arg{num(1e100)}}, {"%s %s", []arg{num(0), num(-0.5)}}, {"%10s", []arg{num(nan(true))}},
	{"%q", []arg{str("a\nb\r\x00c\"\\\x01\xff")}}, {"%10q", []arg{str("x")}}, {"%q", []arg{num(1 / 3.0)}}, {"%q", []arg{str("")}},
	{"%", nil}, {"abc%", nil}, {"%5", nil}, {"%", []arg{num(1)}}, {"abc%", []arg{num(1)}}, {"%5", []arg{num(1)}},
	{"%\x00d", []arg{num(1)}}, {"%y", nil}, {"%y", []arg{num(1)}}, {"%-----5d|", []arg{num(1)}}, {"%------5d", []arg{num(1)}},
	{"%100d", []arg{num(1)}}, {"%.100d", []arg{num(1)}}, {"%1.100d", []arg{num(1)}}, {"%99.99d", []arg{num(1)}},
	{"%a", []arg{num(1)}}, {"%n", []arg{num(1)}}, {"%ld", []arg{num(1)}}, {"%hd", []arg{num(1)}}, {"%p", []arg{num(1)}},
	{"%d", nil}, {"%d", []arg{str("12")}}, {"%d", []arg{str("x")}}, {"%d", []arg{str(" 0x10 ")}}, {"%f", []arg{str("1e2")}},
	{"%d %d", []arg{num(1)}}, {"%s %d", []arg{str("a"), str("b")}}, {"%%d %d%%", []arg{num(3)}}, {"100%%", nil},
	{"%05.1f|%-8f|%+f|% e|%G|%E", []arg{num(math.Inf(1)), num(math.Inf(-1)), num(nan(true)), num(nan(false)), num(math.Inf(1)), num(nan(true))}},
	{"%#.0f %#g %#G %#.0e %#.1g %#.3g", []arg{num(3), num(1), num(1e-10), num(12345), num(5), num(100)}},
	{"%5.2e", []arg{num(12345.678)}}, {"%g", []arg{num(12345.25)}}, {"%g %g %g", []arg{num(100000), num(1000000), num(1e-5)}},
	{"%.3g", []arg{num(0.0001234)}}, {"%.0e", []arg{num(12345)}}, {"%.0g %g %g", []arg{num(0), num(0), num(math.Copysign(0, -1))}},
	{"%f", []arg{num(1e300)}}, {"%.99f", []arg{num(1e308)}}, {"%+99.99f", []arg{num(-math.MaxFloat64)}}, {"%.99e", []arg{num(1.0 / 3)}},
	{"%.99g", []arg{num(0.1)}}, {"%.0f %.0f %.0f %.0f", []arg{num(0.5), num(1.5), num(2.5), num(-0.5)}},
	{"%.2f %.2f %.1f", []arg{num(1.005), num(2.675), num(0.25)}}, {"%e", []arg{num(5e-324)}}, {"%g", []arg{num(2.2250738585072014e-308)}},
	{"%.14g", []arg{num(123456789012345)}}, {"%.17g", []arg{num(0.1)}}, {"%.20f", []arg{num(0.1)}}, {"%10.4f|%-10.4f|%010.4f", []arg{num(-3.14159), num(3.14159), num(-3.14159)}},
	{"%+.3e % .3E %08.2e %-12.3G|", []arg{num(123.456), num(-0.000123), num(-1.5), num(1e20)}},
	{"%G %g", []arg{num(1e-5), num(0.0001)}}, {"%#x", []arg{num(-1)}}, {"%#o", []arg{num(-1)}},
}

// randomCase builds a format with one random specification and a matching argument.
func randomCase(r *rand.Rand) (string, []arg) {
	var b strings.Builder
	b.WriteByte('%')
	for n := r.IntN(4); n > 0; n-- {
		b.WriteByte("-+ #0"[r.IntN(5)])
	}
	if r.IntN(2) == 0 {
		b.WriteString([]string{"1", "5", "12", "25", "0", "3"}[r.IntN(6)])
	}
	if r.IntN(2) == 0 {
		b.WriteByte('.')
		b.WriteString([]string{"", "0", "1", "3", "6", "10", "17", "25"}[r.IntN(8)])
	}
	verb := "cdiouxXeEfgGqs"[r.IntN(14)]
	b.WriteByte(verb)
	b.WriteByte('|')
	var a arg
	switch {
	case verb == 's' || verb == 'q':
		const alpha = "ab \x00\n\"\\x"
		var s strings.Builder
		for n := r.IntN(8); n > 0; n-- {
			s.WriteByte(alpha[r.IntN(len(alpha))])
		}
		a = str(s.String())
	default:
		a = num(randomNumber(r))
	}
	return b.String(), []arg{a}
}

func randomNumber(r *rand.Rand) float64 {
	switch r.IntN(7) {
	case 0:
		return math.Float64frombits(r.Uint64())
	case 1:
		return float64(r.IntN(2000)-1000) / 8
	case 2:
		return float64(r.Int64N(1<<62)) * math.Pow(2, float64(r.IntN(20)-5))
	case 3:
		return []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), nan(true), nan(false), 0.5, 9.5, 99.5, 0.05, 1e15, 1e16, 1e-4, 1e-5}[r.IntN(14)]
	case 4:
		return (r.Float64() - 0.5) * math.Pow(10, float64(r.IntN(60)-30))
	case 5:
		return float64(r.IntN(300)) - 20
	}
	return float64(r.Int64()) * float64(r.IntN(3)-1)
}

func generateCases() [][]string {
	var cases [][]string
	add := func(f string, args []arg) {
		c := []string{f}
		for _, a := range args {
			c = append(c, encodeArg(a))
		}
		cases = append(cases, c)
	}
	for _, hc := range handCases {
		add(hc.f, hc.args)
	}
	r := rand.New(rand.NewPCG(7, 8))
	for i := 0; i < 4000; i++ {
		add(randomCase(r))
	}
	return cases
}

// oracleHead defines D (decode an argument) and F (format with pcall, errors without position).
const oracleHead = `
local special = { inf = 1/0, ["-inf"] = -1/0, nan = -(0/0), ["-nan"] = 0/0 }
function D(a)
  local kind, v = a:sub(1, 2), a:sub(3)
  if kind == "s:" then return v end
  return special[v] or tonumber(v)
end
function F(f, ...)
  local ok, r = pcall(function(...) return string.format(f, ...) end, ...)
  if ok then return r end
  return "error: " .. string.gsub(r, "^[^:]*:%d+: ", "")
end
`

func luaProgram(cases [][]string) string {
	var b strings.Builder
	b.WriteString(difftest.LuaEscapeFunc + oracleHead + "local cases = {\n")
	for _, c := range cases {
		b.WriteString("{")
		for i, f := range c {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(difftest.LuaQuote(f))
		}
		b.WriteString("},\n")
	}
	b.WriteString(`}
for _, c in ipairs(cases) do
  local args = {}
  for i = 2, #c do args[i - 1] = D(c[i]) end
  io.write(E(F(c[1], unpack(args, 1, #c - 1))), "\n")
end
`)
	return b.String()
}

func caseArgs(c []string) []arg {
	var args []arg
	for _, a := range c[1:] {
		args = append(args, decodeArg(a))
	}
	return args
}

func TestFormatGolden(t *testing.T) {
	cases := difftest.ReadCases(t, goldenFile)
	if len(cases) < 1000 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, c := range cases {
		in, want := c[:len(c)-1], c[len(c)-1]
		if got := luaFormat(in[0], caseArgs(in)); got != want {
			t.Errorf("format(%q, %q) = %q; lua5.1 gives %q", in[0], in[1:], got, want)
		}
	}
}

func TestFormatOracle(t *testing.T) {
	var cases [][]string
	if *difftest.Update {
		cases = generateCases()
	} else {
		for _, c := range difftest.ReadCases(t, goldenFile) {
			cases = append(cases, c[:len(c)-1])
		}
	}
	lines := difftest.Lines(difftest.RunLua(t, luaProgram(cases)))
	if len(lines) != len(cases) {
		t.Fatalf("lua5.1 answered %d lines for %d cases", len(lines), len(cases))
	}
	var fresh [][]string
	for i, l := range lines {
		u, err := difftest.Unescape(l)
		if err != nil {
			t.Fatal(err)
		}
		fresh = append(fresh, append(append([]string{}, cases[i]...), u))
	}
	if *difftest.Update {
		difftest.WriteCases(t, goldenFile, "format, arguments (n: number, s: string), then string.format's result or error from lua5.1 (the last field)", fresh)
		return
	}
	golden := difftest.ReadCases(t, goldenFile)
	for i := range fresh {
		if strings.Join(fresh[i], "\t") != strings.Join(golden[i], "\t") {
			t.Errorf("golden %q differs from lua5.1 %q", golden[i], fresh[i])
		}
	}
}

func TestAppendDoesNotAllocate(t *testing.T) {
	buf := make([]byte, 0, 1024)
	specs := []string{"d", "5.2f", "g", "#x", "-12s", ".3e", "099.99f"}
	for _, s := range specs {
		sp, _, err := Scan(s, 0)
		if err != nil {
			t.Fatal(err)
		}
		n := testing.AllocsPerRun(100, func() {
			buf = AppendInt(buf[:0], &sp, -12345)
			buf = AppendUint(buf, &sp, 12345)
			buf = AppendFloat(buf, &sp, 3.14159e10)
			buf = AppendString(buf, &sp, "text")
		})
		if n != 0 {
			t.Errorf("%%%s allocates %v times", s, n)
		}
	}
}
