package luanum

import (
	"strings"
	"sync"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	"github.com/redmoon-dev/redmoon/lua/internal/difftest"
)

// tonumberServer answers each escaped input line with tonumber(s) as "%.17g" and the printed
// form, or "nil".
const tonumberServer = difftest.LuaUnescapeFunc + `
while true do
  local line = io.read("*l")
  if not line then break end
  local n = tonumber(U(line))
  if n then io.write(string.format("%.17g", n), "\t", tostring(n), "\n") else io.write("nil\n") end
  io.flush()
end
`

var (
	oracleOnce sync.Once
	oracleProc *difftest.Coprocess
	oracleErr  error
)

func luaOracle(t *testing.T) *difftest.Coprocess {
	bin := oracle.Binary(t, "lua5.1")
	oracleOnce.Do(func() { oracleProc, oracleErr = difftest.StartLua(bin, tonumberServer) })
	if oracleErr != nil {
		t.Fatal(oracleErr)
	}
	return oracleProc
}

// FuzzParseNumberOracle compares ParseNumber and FormatNumber with lua5.1's tonumber and
// tostring on random inputs (go test -fuzz FuzzParseNumberOracle).
func FuzzParseNumberOracle(f *testing.F) {
	for _, s := range []string{"1", " 0x1p4 ", "nan(x)", "1e5", "-.5", "infinity", "0x", "1e-320", "0x1.8", "  -0  "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ans, err := luaOracle(t).Ask(difftest.Escape(s))
		if err != nil {
			t.Fatal(err)
		}
		v, ok := ParseNumber(s)
		if ans == "nil" {
			if ok {
				t.Errorf("ParseNumber(%q) = %v; lua5.1's tonumber gives nil", s, v)
			}
			return
		}
		exact, printed, _ := strings.Cut(ans, "\t")
		if !ok {
			t.Fatalf("ParseNumber(%q) failed; lua5.1's tonumber gives %s", s, exact)
		}
		if want := exactValue(t, exact); !sameNumber(v, want) {
			t.Errorf("ParseNumber(%q) = %v; lua5.1 gives %s", s, v, exact)
		}
		if got := FormatNumber(v); got != printed {
			t.Errorf("FormatNumber(%v) = %q; lua5.1 prints %q", v, got, printed)
		}
	})
}
