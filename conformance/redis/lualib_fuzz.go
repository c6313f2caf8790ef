package redis

import (
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
)

// LuaLibFuzzer is the differential fuzzing of a library: it runs one script with each fuzz input
// as ARGV[1] in our engine (a Go panic fails the input) and, when redis-server is installed, in a
// private redis-server as well, and fails on any difference between the two replies.
type LuaLibFuzzer struct {
	script string
	ours   LuaLibTarget
	redis  *Conn
}

// NewLuaLibFuzzer prepares the fuzzing of script from a fuzz test's setup (it starts the
// redis-server, one per fuzzing process, stopped at the end of the test).
func NewLuaLibFuzzer(f *testing.F, script string) *LuaLibFuzzer {
	z := &LuaLibFuzzer{script: script}
	z.ours.Reset()
	if _, ok := oracle.Lookup("redis-server"); ok {
		addr, _ := oracle.StartRedis(f)
		c, err := Dial(addr)
		if err != nil {
			f.Fatal(err)
		}
		f.Cleanup(func() { c.Close() })
		z.redis = c
	}
	return z
}

// HasOracle reports whether replies are compared with redis-server.
func (z *LuaLibFuzzer) HasOracle() bool { return z.redis != nil }

// Check runs the script with args as ARGV, compares the replies and returns ours.
func (z *LuaLibFuzzer) Check(t *testing.T, args ...string) Value {
	t.Helper()
	cmd := append([]string{"EVAL", z.script, "0"}, args...)
	got, err := z.ours.Do(cmd)
	if err != nil {
		t.Fatal(err)
	}
	if z.redis == nil {
		return got
	}
	want, err := z.redis.Do(cmd...)
	if err != nil {
		t.Fatal(err)
	}
	if !Equal(got, want) {
		t.Fatalf("ARGV %q\n got:\n%s want:\n%s", args, got.Render(), want.Render())
	}
	return got
}
