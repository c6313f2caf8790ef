package cmsgpack_test

import (
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/redis"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// documents are the benchmark documents of the cjson benchmarks (redis.LuaDocument): 7 records
// (967 bytes as JSON, 676 packed) and 700 records (102,850 bytes as JSON, 72,097 packed).
var documents = []struct {
	name    string
	records string
}{{"1KB", "7"}, {"100KB", "700"}}

// setup builds a document and returns it with the library function name.
func setup(b *testing.B, records, fn string) (*vm.State, vm.Value, vm.Value) {
	st := redis.NewLuaLibState()
	res, err := st.Exec(redis.LuaDocument+"return doc("+records+"), cmsgpack."+fn, "=doc")
	if err != nil {
		b.Fatal(err)
	}
	return st.L, res[0], res[1]
}

func BenchmarkPack(b *testing.B) {
	for _, d := range documents {
		b.Run(d.name, func(b *testing.B) {
			L, v, pack := setup(b, d.records, "pack")
			b.SetBytes(int64(len(L.Call1(pack, v).Str())))
			b.ReportAllocs()
			for b.Loop() {
				L.Call1(pack, v)
			}
		})
	}
}

func BenchmarkUnpack(b *testing.B) {
	for _, d := range documents {
		b.Run(d.name, func(b *testing.B) {
			L, v, unpack := setup(b, d.records, "unpack")
			s := L.Call1(L.Globals().GetStr("cmsgpack").AsTable().GetStr("pack"), v)
			b.SetBytes(int64(len(s.Str())))
			b.ReportAllocs()
			for b.Loop() {
				L.Call1(unpack, s)
			}
		})
	}
}

// BenchmarkVsRedis times the same script, cmsgpack.pack or cmsgpack.unpack of a document in a
// loop, in our engine and in redis-server.
func BenchmarkVsRedis(b *testing.B) {
	for _, d := range documents {
		b.Run("pack-"+d.name, func(b *testing.B) {
			redis.BenchLuaLibVsRedis(b, redis.LuaDocument+`local d, r = doc(tonumber(ARGV[1]))
for i = 1, tonumber(ARGV[2]) do r = cmsgpack.pack(d) end
return #r`, d.records)
		})
		b.Run("unpack-"+d.name, func(b *testing.B) {
			redis.BenchLuaLibVsRedis(b, redis.LuaDocument+`local s, r = cmsgpack.pack(doc(tonumber(ARGV[1])))
for i = 1, tonumber(ARGV[2]) do r = cmsgpack.unpack(s) end
return #s`, d.records)
		})
	}
}
