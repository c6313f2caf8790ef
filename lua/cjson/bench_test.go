package cjson_test

import (
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/redis"
	"github.com/redmoon-dev/redmoon/lua/cjson"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// documents are the benchmark documents: redis.LuaDocument with 7 records (967 bytes of JSON)
// and 700 records (102,850 bytes).
var documents = []struct {
	name    string
	records string
}{{"1KB", "7"}, {"100KB", "700"}}

// document builds a benchmark document in a state with the libraries.
func document(b *testing.B, records string) (*vm.State, vm.Value) {
	st := redis.NewLuaLibState()
	res, err := st.Exec(redis.LuaDocument+"return doc("+records+")", "=doc")
	if err != nil {
		b.Fatal(err)
	}
	return st.L, res[0]
}

func BenchmarkEncode(b *testing.B) {
	for _, d := range documents {
		b.Run(d.name, func(b *testing.B) {
			L, v := document(b, d.records)
			cfg := cjson.DefaultConfig()
			b.SetBytes(int64(len(cfg.Encode(L, v))))
			b.ReportAllocs()
			for b.Loop() {
				cfg.Encode(L, v)
			}
		})
	}
}

func BenchmarkDecode(b *testing.B) {
	for _, d := range documents {
		b.Run(d.name, func(b *testing.B) {
			L, v := document(b, d.records)
			cfg := cjson.DefaultConfig()
			s := cfg.Encode(L, v)
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				cfg.Decode(L, s)
			}
		})
	}
}

// BenchmarkVsRedis times the same script, cjson.encode or cjson.decode of a document in a loop,
// in our engine and in redis-server.
func BenchmarkVsRedis(b *testing.B) {
	for _, d := range documents {
		b.Run("encode-"+d.name, func(b *testing.B) {
			redis.BenchLuaLibVsRedis(b, redis.LuaDocument+`local d, r = doc(tonumber(ARGV[1]))
for i = 1, tonumber(ARGV[2]) do r = cjson.encode(d) end
return #r`, d.records)
		})
		b.Run("decode-"+d.name, func(b *testing.B) {
			redis.BenchLuaLibVsRedis(b, redis.LuaDocument+`local s, r = cjson.encode(doc(tonumber(ARGV[1])))
for i = 1, tonumber(ARGV[2]) do r = cjson.decode(s) end
return #s`, d.records)
		})
	}
}
