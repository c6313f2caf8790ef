package cfmt

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

// formatServer answers a line of tab-separated escaped fields (format, then encoded arguments)
// with string.format's escaped result.
const formatServer = difftest.LuaEscapeFunc + difftest.LuaUnescapeFunc + oracleHead + `
while true do
  local line = io.read("*l")
  if not line then break end
  local fields = {}
  for f in string.gmatch(line .. "\t", "([^\t]*)\t") do fields[#fields + 1] = U(f) end
  local args = {}
  for i = 2, #fields do args[i - 1] = D(fields[i]) end
  io.write(E(F(fields[1], unpack(args, 1, #fields - 1))), "\n")
  io.flush()
end
`

// FuzzFormatOracle compares string.format built on this package with lua5.1's on random
// formats and arguments (go test -fuzz FuzzFormatOracle).
func FuzzFormatOracle(f *testing.F) {
	for _, hc := range handCases {
		if len(hc.args) > 0 && hc.args[0].isNum {
			f.Add(hc.f, hc.args[0].n, "text")
		} else if len(hc.args) > 0 {
			f.Add(hc.f, 1.5, hc.args[0].s)
		}
	}
	f.Fuzz(func(t *testing.T, format string, n float64, s string) {
		if len(format) > 40 || len(s) > 200 {
			return
		}
		args := []arg{num(n), str(s), num(-n)}
		bin := oracle.Binary(t, "lua5.1")
		oracleOnce.Do(func() { oracleProc, oracleErr = difftest.StartLua(bin, formatServer) })
		if oracleErr != nil {
			t.Fatal(oracleErr)
		}
		fields := []string{difftest.Escape(format)}
		for _, a := range args {
			fields = append(fields, difftest.Escape(encodeArg(a)))
		}
		ans, err := oracleProc.Ask(strings.Join(fields, "\t"))
		if err != nil {
			t.Fatal(err)
		}
		want, _ := difftest.Unescape(ans)
		if got := luaFormat(format, args); got != want {
			t.Errorf("format(%q, %v, %q, %v) = %q; lua5.1 gives %q", format, n, s, -n, got, want)
		}
	})
}
