package bit_test

import (
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/redis"
)

// BenchmarkBandLoop is bit.band called from a Lua loop, per call, in our engine and in
// redis-server.
func BenchmarkBandLoop(b *testing.B) {
	redis.BenchLuaLibVsRedis(b, `local x = 0 for i = 1, tonumber(ARGV[1]) do x = bit.band(x + i, 0xffffff) end return x`)
}

// BenchmarkTohexLoop is bit.tohex called from a Lua loop.
func BenchmarkTohexLoop(b *testing.B) {
	redis.BenchLuaLibVsRedis(b, `local x for i = 1, tonumber(ARGV[1]) do x = bit.tohex(i, -8) end return x`)
}
