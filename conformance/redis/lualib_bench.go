package redis

import (
	"strconv"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// BenchLuaLibVsRedis measures a library script in our engine and in redis-server in the same
// run, as the sub-benchmarks "redmoon" and "redis" (skipped without redis-server). The script
// receives args as ARGV[1..] followed by b.N, and must do its measured operation ARGV[#ARGV]
// times; its set-up (building a document, say) is amortized over b.N. Our side calls the
// compiled chunk in process; Redis's side is one EVAL over a loopback connection, so for small
// b.N the round trip counts too.
func BenchLuaLibVsRedis(b *testing.B, script string, args ...string) {
	b.Run("redmoon", func(b *testing.B) {
		st := NewLuaLibState()
		fn, err := st.Load(script, "@user_script")
		if err != nil {
			b.Fatal(err)
		}
		argv := st.L.NewTable(len(args)+1, 0)
		for i, a := range args {
			argv.SetInt(i+1, vm.String(a))
		}
		argv.SetInt(len(args)+1, vm.String(strconv.Itoa(b.N)))
		st.SetGlobal("ARGV", vm.TableValue(argv))
		st.SetGlobal("KEYS", vm.TableValue(st.L.NewTable(0, 0)))
		b.ReportAllocs()
		b.ResetTimer()
		if _, err := st.Call(fn); err != nil {
			b.Fatal(err)
		}
	})
	b.Run("redis", func(b *testing.B) {
		if _, ok := oracle.Lookup("redis-server"); !ok {
			b.Skip("redis-server not installed")
		}
		addr, _ := oracle.StartRedis(b)
		c, err := Dial(addr)
		if err != nil {
			b.Fatal(err)
		}
		defer c.Close()
		cmd := append([]string{"EVAL", script, "0"}, args...)
		// Compile and cache the script, and check that it runs, before timing.
		if v, err := c.Do(append(cmd, "1")...); err != nil || v.Kind == Error {
			b.Fatalf("%v %v", v, err)
		}
		b.ResetTimer()
		if v, err := c.Do(append(cmd, strconv.Itoa(b.N))...); err != nil || v.Kind == Error {
			b.Fatalf("%v %v", v, err)
		}
	})
}
