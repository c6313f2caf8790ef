package bit_test

import (
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/redis"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// TestOracle replays bit.cases and bit-audit.cases (replies recorded from redis-server 7.0) through our engine.
func TestOracle(t *testing.T) { redis.CheckLuaLibFiles(t, "bit", "bit-audit") }

// TestNoAlloc: the bit operations allocate nothing (tohex aside, which makes a string).
func TestNoAlloc(t *testing.T) {
	st := redis.NewLuaLibState()
	res, err := st.Exec(`return bit.band, bit.bxor, bit.rol, bit.tobit`, "=t")
	if err != nil {
		t.Fatal(err)
	}
	L := st.L
	x, y := vm.Number(0x12345678), vm.Number(7.5)
	for _, fn := range res {
		if n := testing.AllocsPerRun(100, func() { L.Call1(fn, x, y) }); n != 0 {
			t.Errorf("%v: %v allocations per call", fn, n)
		}
	}
}
