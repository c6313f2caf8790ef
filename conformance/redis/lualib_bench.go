package redis

import (
	"fmt"
	"strconv"
	"strings"
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
//
// Besides the wall-clock ns/op, each side reports its processor time as cpu-ns/op: this
// process's user and system time for ours (the Go collector's background work included),
// the server's used_cpu_user and used_cpu_sys from INFO for Redis's. On a busy machine the
// processor times are the figures to compare.
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
		c0, ok := processCPU()
		if _, err := st.Call(fn); err != nil {
			b.Fatal(err)
		}
		if c1, ok1 := processCPU(); ok && ok1 {
			b.ReportMetric(float64(c1-c0)/float64(b.N), "cpu-ns/op")
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
		c0, err := serverCPU(c)
		if err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		if v, err := c.Do(append(cmd, strconv.Itoa(b.N))...); err != nil || v.Kind == Error {
			b.Fatalf("%v %v", v, err)
		}
		b.StopTimer()
		c1, err := serverCPU(c)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(c1-c0)/float64(b.N), "cpu-ns/op")
	})
}

// serverCPU returns the processor time (user and system) the server has used, in nanoseconds,
// from INFO cpu.
func serverCPU(c *Conn) (int64, error) {
	v, err := c.Do("INFO", "cpu")
	if err != nil {
		return 0, err
	}
	var total int64
	for _, line := range strings.Split(v.Str, "\r\n") {
		k, val, ok := strings.Cut(line, ":")
		if !ok || (k != "used_cpu_user" && k != "used_cpu_sys") {
			continue
		}
		// Seconds with six decimals.
		sec, frac, _ := strings.Cut(val, ".")
		s, err1 := strconv.ParseInt(sec, 10, 64)
		f, err2 := strconv.ParseInt((frac + "000000")[:6], 10, 64)
		if err1 != nil || err2 != nil {
			return 0, fmt.Errorf("INFO cpu: %q", line)
		}
		total += s*1e9 + f*1e3
	}
	return total, nil
}
