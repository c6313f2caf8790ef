package stdlib_test

import (
	"strings"
	"testing"

	rlua "github.com/redmoon-dev/redmoon/lua"
	"github.com/redmoon-dev/redmoon/lua/internal/difftest"
	"github.com/redmoon-dev/redmoon/lua/stdlib"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// TestRedisRandomSequence runs the scripts of the rand48 golden file (recorded from a fresh
// redis-server 7.0, one EVAL per line) through math.random with Redis's generator, in one state
// as Redis runs every script with its process-wide generator.
func TestRedisRandomSequence(t *testing.T) {
	cases := difftest.ReadCases(t, "internal/rand48/testdata/redis_random.txt")
	s := rlua.NewState(rlua.Options{Libraries: []string{stdlib.BaseLib, stdlib.TableLib, stdlib.StringLib}})
	stdlib.OpenMathWith(s.L, stdlib.MathOptions{Random: stdlib.NewRedisRandom()})
	for _, c := range cases {
		op, want := strings.Fields(c[0]), c[1]
		var src string
		switch op[0] {
		case "float":
			src = "return tostring(math.random())"
		case "int":
			src = "return tostring(math.random(" + op[1] + "))"
		case "range":
			src = "return tostring(math.random(" + op[1] + ", " + op[2] + "))"
		case "seed":
			src = "math.randomseed(" + op[1] + ") return 'OK'"
		case "flush":
			continue // SCRIPT FLUSH does not touch the generator
		}
		res, err := s.Exec(src, "=user_script")
		got := ""
		if err != nil {
			got = "error: " + strings.TrimPrefix(err.Error(), "user_script:1: ")
		} else if len(res) > 0 {
			got, _ = vm.ToString(res[0])
		}
		if got != want {
			t.Fatalf("%s: got %q; redis-server answers %q", c[0], got, want)
		}
	}
}
