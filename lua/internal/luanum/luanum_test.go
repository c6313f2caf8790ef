package luanum

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/redmoon-dev/redmoon/lua/internal/difftest"
)

const (
	parseCases  = "testdata/parse.txt"
	formatCases = "testdata/format.txt"
)

// parseInputs generates the inputs of the parse golden file.
func parseInputs() []string {
	bodies := []string{
		"0", "1", "12", "-1", "1.5", ".5", "5.", ".", "", "e", "1e", "1e5", "1E5", "1e+5", "1e-5", "1e+", "1e-",
		"1.e3", ".1e3", ".e3", "0.000001", "123456789012345678901234567890", "1e308", "1.7976931348623157e308",
		"1.7976931348623159e308", "1e309", "-1e309", "2.2250738585072014e-308", "4.9e-324", "2.4703282292062327e-324",
		"2.4703282292062328e-324", "1e-400", "-1e-400", "0x", "0X", "0x10", "0XfF", "0x1p4", "0x1P-2", "0x1.8", "0x.8",
		"0x1.", "0x.", "0x.p1", "0x1p", "0x1p+", "0x1g", "0xg", "0x-1", "-0x10", "+0x10", "0x7fffffffffffffff",
		"0xffffffffffffffff", "0x10000000000000000", "0x1fffffffffffff", "0x20000000000001", "0x20000000000003",
		"0x1.fffffffffffff8p1023", "0x1p-1074", "0x1p-1075", "0x1p-1076", "0x1.8p-1074", "0x123456789abcdef0123", "0x1x",
		"1x", "00x10", "0 x10", "x10", "inf", "INF", "Inf", "infinity", "INFINITY", "infinit", "infinityx", "-inf", "+inf",
		"nan", "NaN", "-nan", "+nan", "nan()", "nan(123)", "nan(abc_XYZ)", "nan(", "nan(1", "nan(-)", "nanx", "na", "in",
		"1..2", "1.2.3", "--1", "+-1", "- 1", "1 2", "1,5", "1_000", "0b101", "0o7", "010", "08", "1d", "1f", "1L",
		"٣", "１", "\x001", "1\x00", "1\x00abc", "0x1\x00zz", " \x00", "1e400000000000000000000", "1e-400000000000000000000",
		"0x1p99999999999999999", "0.0", "-0", "-0.0", "+0", "-0x0", "123.456e-7", "9007199254740993", "9007199254740992.5",
		"100000000000000", "99999999999999", "1e14", "1e15", "3.14159265358979323846", "0.1", "0.2", "0.30000000000000004",
	}
	pre := []string{"", " ", "\t", "\n", "\v", "\f", "\r", "  \t\n", "\x85", "\xa0"}
	post := []string{"", " ", "\t", "\n", "\v", "\f", "\r", " \n ", "x", " x", "\x00", "\x85"}
	seen := map[string]bool{}
	var in []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			in = append(in, s)
		}
	}
	for _, b := range bodies {
		add(b)
	}
	for i, b := range bodies {
		add(pre[i%len(pre)] + b + post[i%len(post)])
		add(pre[(i*7+3)%len(pre)] + b + post[(i*5+1)%len(post)])
	}
	for _, p := range pre {
		for _, q := range post {
			add(p + "42" + q)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 300; i++ {
		add(randomNumeral(r))
	}
	return in
}

// randomNumeral builds a mostly well-formed numeral with random digits and exponents.
func randomNumeral(r *rand.Rand) string {
	var b strings.Builder
	if r.IntN(4) == 0 {
		b.WriteByte("+-"[r.IntN(2)])
	}
	digits := "0123456789"
	hex := r.IntN(4) == 0
	if hex {
		b.WriteString([]string{"0x", "0X"}[r.IntN(2)])
		digits = "0123456789abcdefABCDEF"
	}
	for n := r.IntN(25); n > 0; n-- {
		b.WriteByte(digits[r.IntN(len(digits))])
	}
	if r.IntN(2) == 0 {
		b.WriteByte('.')
		for n := r.IntN(25); n > 0; n-- {
			b.WriteByte(digits[r.IntN(len(digits))])
		}
	}
	if r.IntN(2) == 0 {
		if hex {
			b.WriteByte("pP"[r.IntN(2)])
		} else {
			b.WriteByte("eE"[r.IntN(2)])
		}
		if r.IntN(2) == 0 {
			b.WriteByte("+-"[r.IntN(2)])
		}
		b.WriteString(strconv.Itoa(r.IntN(700) - 350))
	}
	if r.IntN(8) == 0 {
		b.WriteByte(" x\t."[r.IntN(4)])
	}
	return b.String()
}

// parseProgram is the Lua program that answers, for each input, tostring(tonumber(s)), the
// exact value as "%.17g", and the result of the coercion s + 0 ("error" when it fails).
func parseProgram(inputs []string) string {
	var b strings.Builder
	b.WriteString(difftest.LuaEscapeFunc)
	b.WriteString("local inputs = {\n")
	for _, s := range inputs {
		b.WriteString(difftest.LuaQuote(s) + ",\n")
	}
	b.WriteString(`}
for _, s in ipairs(inputs) do
  local n = tonumber(s)
  local exact = n and string.format("%.17g", n) or "nil"
  local ok, sum = pcall(function() return s + 0 end)
  io.write(E(tostring(n)), "\t", exact, "\t", ok and tostring(sum) or "error", "\n")
end
`)
	return b.String()
}

// exactValue parses a "%.17g" answer of lua5.1.
func exactValue(t *testing.T, s string) float64 {
	switch s {
	case "nan":
		return math.Float64frombits(0x7FF8000000000000)
	case "-nan":
		return math.Float64frombits(0xFFF8000000000000)
	case "inf":
		return math.Inf(1)
	case "-inf":
		return math.Inf(-1)
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("bad golden value %q: %v", s, err)
	}
	return f
}

func sameNumber(a, b float64) bool {
	if a != a || b != b {
		return a != a && b != b && math.Signbit(a) == math.Signbit(b)
	}
	return math.Float64bits(a) == math.Float64bits(b)
}

func TestParseNumberGolden(t *testing.T) {
	cases := difftest.ReadCases(t, parseCases)
	if len(cases) < 300 {
		t.Fatalf("only %d parse cases", len(cases))
	}
	for _, c := range cases {
		in, tonum, exact, arith := c[0], c[1], c[2], c[3]
		f, ok := ParseNumber(in)
		if !ok {
			if tonum != "nil" || arith != "error" {
				t.Errorf("ParseNumber(%q) failed; lua5.1 gives %s", in, tonum)
			}
			continue
		}
		if tonum == "nil" {
			t.Errorf("ParseNumber(%q) = %v; lua5.1 rejects it", in, f)
			continue
		}
		if want := exactValue(t, exact); !sameNumber(f, want) {
			t.Errorf("ParseNumber(%q) = %v (%#x); lua5.1 gives %s", in, f, math.Float64bits(f), exact)
		}
		if got := FormatNumber(f); got != tonum {
			t.Errorf("FormatNumber(ParseNumber(%q)) = %q; lua5.1 prints %q", in, got, tonum)
		}
		if got := FormatNumber(f + 0); got != arith {
			t.Errorf("FormatNumber(ParseNumber(%q) + 0) = %q; lua5.1 prints %q", in, got, arith)
		}
	}
}

func TestParseNumberOracle(t *testing.T) {
	var inputs []string
	seen := map[string]bool{}
	if !*difftest.Update {
		for _, c := range difftest.ReadCases(t, parseCases) {
			inputs = append(inputs, c[0])
		}
	} else {
		for _, s := range parseInputs() {
			if !seen[s] {
				seen[s] = true
				inputs = append(inputs, s)
			}
		}
	}
	lines := difftest.Lines(difftest.RunLua(t, parseProgram(inputs)))
	if len(lines) != len(inputs) {
		t.Fatalf("lua5.1 answered %d lines for %d inputs", len(lines), len(inputs))
	}
	var fresh [][]string
	for i, l := range lines {
		fields := strings.Split(l, "\t")
		if len(fields) != 3 {
			t.Fatalf("bad oracle line %q", l)
		}
		tonum, _ := difftest.Unescape(fields[0])
		fresh = append(fresh, []string{inputs[i], tonum, fields[1], fields[2]})
	}
	if *difftest.Update {
		difftest.WriteCases(t, parseCases, "input, tostring(tonumber(s)), string.format('%.17g', tonumber(s)), s + 0 (recorded from lua5.1)", fresh)
		return
	}
	golden := difftest.ReadCases(t, parseCases)
	for i := range fresh {
		if strings.Join(fresh[i], "\t") != strings.Join(golden[i], "\t") {
			t.Errorf("golden %q differs from lua5.1 %q", golden[i], fresh[i])
		}
	}
}

// formatInputs generates numbers (as exact "%.17g" text, or names of special values) whose
// printed forms the format golden file records.
func formatInputs() []string {
	var vals []float64
	for _, f := range []float64{0, 1, -1, 0.1, 0.5, 1.5, 2.5, 1e14, 1e14 - 1, 1e14 + 1, -1e14, 1e15, 1e16, 1e21, 1e22, 1e100,
		1e-4, 1e-5, 0.0001234, 0.00001234, 123456789012345, 123456789012355, 12345678901234.5, 1234567890123.45,
		math.MaxFloat64, math.SmallestNonzeroFloat64, 2.2250738585072014e-308, math.Pi, math.E, 1.0 / 3, 2.0 / 3,
		9007199254740993, 1 << 53, 1 << 62, 1 << 63, 4294967296, 4294967295, -2147483648, 1e300 * 10, 100, 1000.5,
		0.30000000000000004, 3.14159265358979, 1e-300, 5e-324, 99999999999999.5, 999999999999995, 0.000099999999999995} {
		vals = append(vals, f, -f)
	}
	for e := -330; e <= 310; e += 7 {
		vals = append(vals, math.Pow(10, float64(e)), 1.5*math.Pow(10, float64(e)))
	}
	for e := -1074; e <= 1023; e += 19 {
		vals = append(vals, math.Ldexp(1, e), math.Ldexp(0x1fffffffffffff, e-52))
	}
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 600; i++ {
		switch i % 3 {
		case 0:
			vals = append(vals, math.Float64frombits(r.Uint64()))
		case 1:
			vals = append(vals, float64(r.Int64N(1<<53))*math.Pow(10, float64(r.IntN(40)-25)))
		default:
			vals = append(vals, float64(r.IntN(2000000)-1000000)/float64(1+r.IntN(1000)))
		}
	}
	in := []string{"inf", "-inf", "nan", "-nan"}
	for _, f := range vals {
		if f != f || math.IsInf(f, 0) {
			continue
		}
		in = append(in, strconv.FormatFloat(f, 'g', 17, 64))
	}
	return in
}

func formatValue(t *testing.T, s string) float64 { return exactValue(t, s) }

func formatProgram(inputs []string) string {
	var b strings.Builder
	b.WriteString("local inputs = {\n")
	for _, s := range inputs {
		b.WriteString(difftest.LuaQuote(s) + ",\n")
	}
	b.WriteString(`}
local special = { inf = 1/0, ["-inf"] = -1/0, nan = -(0/0), ["-nan"] = 0/0 }
for _, s in ipairs(inputs) do
  local n = special[s] or tonumber(s)
  io.write(tostring(n), "\t", n .. "", "\n")
end
`)
	return b.String()
}

func TestFormatNumberGolden(t *testing.T) {
	cases := difftest.ReadCases(t, formatCases)
	if len(cases) < 300 {
		t.Fatalf("only %d format cases", len(cases))
	}
	var buf []byte
	for _, c := range cases {
		f := formatValue(t, c[0])
		if got := FormatNumber(f); got != c[1] {
			t.Errorf("FormatNumber(%s) = %q; lua5.1 prints %q", c[0], got, c[1])
		}
		buf = AppendNumber(append(buf[:0], 'x'), f)
		if string(buf[1:]) != c[2] {
			t.Errorf("AppendNumber(%s) = %q; lua5.1 concatenates %q", c[0], buf[1:], c[2])
		}
	}
}

func TestFormatNumberOracle(t *testing.T) {
	var inputs []string
	if *difftest.Update {
		inputs = formatInputs()
	} else {
		for _, c := range difftest.ReadCases(t, formatCases) {
			inputs = append(inputs, c[0])
		}
	}
	lines := difftest.Lines(difftest.RunLua(t, formatProgram(inputs)))
	if len(lines) != len(inputs) {
		t.Fatalf("lua5.1 answered %d lines for %d inputs", len(lines), len(inputs))
	}
	var fresh [][]string
	for i, l := range lines {
		fields := strings.Split(l, "\t")
		fresh = append(fresh, append([]string{inputs[i]}, fields...))
	}
	if *difftest.Update {
		difftest.WriteCases(t, formatCases, "number, tostring(n), n .. '' (recorded from lua5.1; nan is -(0/0), -nan is 0/0)", fresh)
		return
	}
	golden := difftest.ReadCases(t, formatCases)
	for i := range fresh {
		if strings.Join(fresh[i], "\t") != strings.Join(golden[i], "\t") {
			t.Errorf("golden %q differs from lua5.1 %q", golden[i], fresh[i])
		}
	}
}

func TestParseNumberNoAlloc(t *testing.T) {
	for _, s := range []string{"12345", "  1.5e3  ", "0x1F", "-0x10", "inf", "3.14159"} {
		if n := testing.AllocsPerRun(100, func() { ParseNumber(s) }); n != 0 {
			t.Errorf("ParseNumber(%q) allocates %v times", s, n)
		}
	}
}

func TestAppendNumberNoAlloc(t *testing.T) {
	buf := make([]byte, 0, 64)
	for _, f := range []float64{0, 42, -7, 3.14159, 1e300, math.Inf(1), math.NaN()} {
		if n := testing.AllocsPerRun(100, func() { buf = AppendNumber(buf[:0], f) }); n != 0 {
			t.Errorf("AppendNumber(%v) allocates %v times", f, n)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1", " 0x1p4 ", "nan(x)", "1e5", "-.5", "infinity", "0x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := ParseNumber(s)
		if !ok {
			return
		}
		// A valid numeral printed with "%.17g" reads back as the same number.
		if v == v && !math.IsInf(v, 0) {
			back, ok := ParseNumber(strconv.FormatFloat(v, 'g', 17, 64))
			if !ok || !sameNumber(back, v) {
				t.Errorf("ParseNumber(%q) = %v does not round-trip", s, v)
			}
		}
		// Surrounding white space never changes the result.
		w, ok := ParseNumber(" \t" + s + "\n ")
		if !ok || !sameNumber(v, w) {
			t.Errorf("white space changes ParseNumber(%q)", s)
		}
	})
}
