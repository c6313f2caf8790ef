package strftime

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	"github.com/redmoon-dev/redmoon/lua/internal/difftest"
)

const (
	dateGolden = "testdata/date.txt"
	timeGolden = "testdata/time.txt"
)

// localUTC stands for the local zone of a process run with TZ=UTC (zone name "UTC", unlike
// gmtime's "GMT").
var localUTC = time.FixedZone("UTC", 0)

var testTimes = []int64{0, 1, 59, 3600 * 13, 86400*365 + 3661, 951782400, 1000000000, 1234567890, 1700000000,
	1704067199, 1704067200, 2147483647, 2147483648, 4102444800, -1, -86400 * 365, -2208988800, 253402300799,
	1230768000, 1262304000, 1293840000, 1609459200, 1640995200, 1672531200, 1735689600, 1104537600}

// runLuaUTC runs src with lua5.1 in the UTC time zone.
func runLuaUTC(t *testing.T, src string) string {
	bin := oracle.Binary(t, "lua5.1")
	f, err := os.CreateTemp(t.TempDir(), "*.lua")
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(src)
	f.Close()
	cmd := exec.Command(bin, f.Name())
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v: %s", err, err.(*exec.ExitError).Stderr)
	}
	return string(out)
}

// dateCases are: time, format (a '!' prefix means UTC).
func dateCases() [][]string {
	var cases [][]string
	for _, tt := range testTimes {
		ts := strconv.FormatInt(tt, 10)
		var all strings.Builder
		for c := 1; c < 256; c++ {
			all.WriteString("%" + string([]byte{byte(c)}) + "|")
		}
		cases = append(cases, []string{ts, "!" + all.String()}, []string{ts, all.String()},
			[]string{ts, "!%c %x %X %D %F %T %R %r"}, []string{ts, "%%%"})
	}
	return cases
}

func TestDateGolden(t *testing.T) {
	for _, c := range difftest.ReadCases(t, dateGolden) {
		tt, _ := strconv.ParseInt(c[0], 10, 64)
		format, loc := c[1], localUTC
		if strings.HasPrefix(format, "!") {
			format, loc = format[1:], time.UTC
		}
		tm, ok := Localtime(tt, loc)
		got := "nil"
		if ok {
			got = Format(format, &tm)
		}
		if got != c[2] {
			g, w := strings.Split(got, "|"), strings.Split(c[2], "|")
			for i := 0; i < len(g) && i < len(w); i++ {
				if g[i] != w[i] {
					t.Errorf("os.date at %s: piece %d: got %q; lua5.1 gives %q", c[0], i, g[i], w[i])
					break
				}
			}
			if len(g) != len(w) {
				t.Errorf("os.date(%q, %s) = %q; lua5.1 gives %q", c[1], c[0], got, c[2])
			}
		}
	}
}

func TestDateOracle(t *testing.T) {
	var cases [][]string
	if *difftest.Update {
		cases = dateCases()
	} else {
		for _, c := range difftest.ReadCases(t, dateGolden) {
			cases = append(cases, c[:2])
		}
	}
	var b strings.Builder
	b.WriteString(difftest.LuaEscapeFunc + "local cases = {\n")
	for _, c := range cases {
		b.WriteString("{" + c[0] + ", " + difftest.LuaQuote(c[1]) + "},\n")
	}
	b.WriteString("}\nfor _, c in ipairs(cases) do io.write(E(tostring(os.date(c[2], c[1]))), \"\\n\") end\n")
	lines := difftest.Lines(runLuaUTC(t, b.String()))
	if len(lines) != len(cases) {
		t.Fatalf("%d answers for %d cases", len(lines), len(cases))
	}
	var fresh [][]string
	for i, l := range lines {
		u, _ := difftest.Unescape(l)
		fresh = append(fresh, []string{cases[i][0], cases[i][1], u})
	}
	if *difftest.Update {
		difftest.WriteCases(t, dateGolden, "time, os.date format, result from lua5.1 with TZ=UTC", fresh)
		return
	}
	golden := difftest.ReadCases(t, dateGolden)
	for i := range fresh {
		if strings.Join(fresh[i], "\t") != strings.Join(golden[i], "\t") {
			t.Errorf("golden %q differs from lua5.1 %q", golden[i], fresh[i])
		}
	}
}

// timeCases are os.time tables: year, month, day, hour, min, sec.
func timeCases() [][]string {
	var cases [][]string
	for _, c := range [][6]int{{2000, 1, 1, 0, 0, 0}, {2024, 2, 29, 12, 30, 15}, {2024, 13, 1, 0, 0, 0}, {2024, 1, 0, 0, 0, 0},
		{1970, 1, 1, 0, 0, 0}, {1969, 12, 31, 23, 59, 59}, {2023, 2, 29, 0, 0, 0}, {2024, 0, 1, 0, 0, 0}, {2024, -5, 1, 0, 0, 0},
		{2024, 1, 1, 25, 61, 61}, {2024, 1, 1, -1, -1, -1}, {1900, 1, 1, 0, 0, 0}, {3000, 6, 15, 12, 0, 0}, {2038, 1, 19, 3, 14, 8},
		{2024, 1, 400, 0, 0, 0}, {2024, 100, 1, 0, 0, 0}, {1, 1, 1, 0, 0, 0}, {2024, 1, 1, 0, 0, 1e6}} {
		var f []string
		for _, v := range c {
			f = append(f, strconv.Itoa(v))
		}
		cases = append(cases, f)
	}
	return cases
}

func TestTimeGolden(t *testing.T) {
	for _, c := range difftest.ReadCases(t, timeGolden) {
		var v [6]int
		for i := range v {
			v[i], _ = strconv.Atoi(c[i])
		}
		tm := Tm{Year: v[0] - 1900, Month: v[1] - 1, Day: v[2], Hour: v[3], Min: v[4], Sec: v[5], IsDST: -1}
		secs, ok := Mktime(&tm, localUTC)
		got := "nil"
		if ok && secs != -1 { // os.time, like C, takes -1 for an error
			got = strconv.FormatInt(secs, 10)
		}
		if got != c[6] {
			t.Errorf("os.time(%v) = %s; lua5.1 gives %s", c[:6], got, c[6])
		}
	}
}

func TestTimeOracle(t *testing.T) {
	var cases [][]string
	if *difftest.Update {
		cases = timeCases()
	} else {
		for _, c := range difftest.ReadCases(t, timeGolden) {
			cases = append(cases, c[:6])
		}
	}
	var b strings.Builder
	b.WriteString("local cases = {\n")
	for _, c := range cases {
		b.WriteString("{" + strings.Join(c, ",") + "},\n")
	}
	b.WriteString(`}
for _, c in ipairs(cases) do
  local t = os.time({year = c[1], month = c[2], day = c[3], hour = c[4], min = c[5], sec = c[6]})
  print(t and string.format("%.0f", t) or "nil")
end
`)
	lines := difftest.Lines(runLuaUTC(t, b.String()))
	var fresh [][]string
	for i, l := range lines {
		fresh = append(fresh, append(append([]string{}, cases[i]...), l))
	}
	if *difftest.Update {
		difftest.WriteCases(t, timeGolden, "year, month, day, hour, min, sec, os.time of that table from lua5.1 with TZ=UTC", fresh)
		return
	}
	golden := difftest.ReadCases(t, timeGolden)
	for i := range fresh {
		if strings.Join(fresh[i], "\t") != strings.Join(golden[i], "\t") {
			t.Errorf("golden %q differs from lua5.1 %q", golden[i], fresh[i])
		}
	}
}
