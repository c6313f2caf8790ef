package structlib_test

import (
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/redis"
)

// TestOracle replays struct.cases and struct-audit.cases (replies recorded from redis-server 7.0) through our engine.
func TestOracle(t *testing.T) { redis.CheckLuaLibFiles(t, "struct", "struct-audit") }

// TestPackAllocatesOnlyTheResult: struct.pack builds short results on the stack, so the result
// string is its only allocation.
func TestPackAllocatesOnlyTheResult(t *testing.T) {
	st := redis.NewLuaLibState()
	res, err := st.Exec(`return struct.pack, ">i4I2bd", 7, 65535, -1, 0.5`, "=t")
	if err != nil {
		t.Fatal(err)
	}
	L, pack := st.L, res[0]
	if n := testing.AllocsPerRun(100, func() { L.Call1(pack, res[1:]...) }); n != 1 {
		t.Errorf("%v allocations per call, want 1", n)
	}
}
