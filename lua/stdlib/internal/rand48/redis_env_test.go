package rand48

import (
	"strings"
	"testing"

	"github.com/redmoon-dev/redmoon/lua/internal/difftest"
)

// Facts about Redis 7.0's scripting environment that the libraries' Redis mode relies on,
// recorded from a fresh redis-server: there is no os library (reading the global raises the
// nonexistent-global error), and the math library has Redis's random functions.
const envGolden = "testdata/redis_env.txt"

var envScripts = []string{
	"return type(os)",
	"return tostring(rawget(_G, 'os'))",
	"return os.clock()",
	"return os.time()",
	"return type(math.random) .. ' ' .. type(math.randomseed)",
	"return type(io)",
	"return string.format('%5.1f|%d|%x', 1/0, 2^63, -1)",
	"return tostring(0/0) .. ' ' .. tostring(-(0/0))",
	"return table.concat({1, {}, 3})",
	"return math.random(1, 2, 3)",
	"return string.rep('x', -1) .. '|'",
}

func TestRedisEnvGolden(t *testing.T) {
	cases := difftest.ReadCases(t, envGolden)
	if len(cases) != len(envScripts) {
		t.Fatalf("%d golden cases for %d scripts", len(cases), len(envScripts))
	}
	for i, c := range cases {
		if c[0] != envScripts[i] {
			t.Errorf("golden script %q, want %q (run the oracle test with -update)", c[0], envScripts[i])
		}
	}
}

func TestRedisEnvOracle(t *testing.T) {
	conn := startRedis(t)
	var fresh [][]string
	for _, s := range envScripts {
		fresh = append(fresh, []string{s, conn.do(t, "EVAL", s, "0")})
	}
	if *difftest.Update {
		difftest.WriteCases(t, envGolden, "script run with EVAL on a fresh redis-server 7.0, then its reply (errors shortened to the Lua message)", fresh)
		return
	}
	golden := difftest.ReadCases(t, envGolden)
	for i := range fresh {
		if strings.Join(fresh[i], "\t") != strings.Join(golden[i], "\t") {
			t.Errorf("golden %q differs from redis-server %q", golden[i], fresh[i])
		}
	}
}
