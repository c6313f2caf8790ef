package structlib_test

import (
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/redis"
)

func BenchmarkPack(b *testing.B) {
	st := redis.NewLuaLibState()
	res, err := st.Exec(`return struct.pack`, "=bench")
	if err != nil {
		b.Fatal(err)
	}
	L, pack := st.L, res[0]
	args := []struct{ name, script string }{
		{"ints", `return ">i4I2b", 123456, 65535, -1`},
		{"mixed", `return "<!4 b i4 d s c3", 1, -2, 3.5, "str", "abc"`},
	}
	for _, a := range args {
		b.Run(a.name, func(b *testing.B) {
			vals, err := st.Exec(a.script, "=args")
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				L.Call1(pack, vals...)
			}
		})
	}
}

// BenchmarkVsRedis times struct.pack and struct.unpack in a loop in our engine and in
// redis-server.
func BenchmarkVsRedis(b *testing.B) {
	b.Run("pack", func(b *testing.B) {
		redis.BenchLuaLibVsRedis(b, `local r for i = 1, tonumber(ARGV[1]) do r = struct.pack(">i4I2bd", i, 65535, -1, 0.5) end return r`)
	})
	b.Run("unpack", func(b *testing.B) {
		redis.BenchLuaLibVsRedis(b, `local s, r = struct.pack(">i4I2bd", 7, 65535, -1, 0.5) for i = 1, tonumber(ARGV[1]) do r = struct.unpack(">i4I2bd", s) end return r`)
	})
}
