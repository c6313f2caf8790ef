package cjson_test

import (
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/redis"
)

// FuzzDecode decodes arbitrary texts: never a Go panic, and (with redis-server installed) the
// same values, errors and key order as Redis.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{`{"a":[1,2.5,{"b":null}],"c":"\u00e9\ud83d\ude00"}`, "[1e400,-0,0x10,+1,-.5,01]",
		"Infinity", "nan(1)", `"\ud800"`, "[1,", `{"a" 1}`, "", "\x00\x01", " [ ] ", `"a\u0000b"`, "1 2"} {
		f.Add(s)
	}
	z := redis.NewLuaLibFuzzer(f, redis.CJSONDecodeScript)
	f.Fuzz(func(t *testing.T, s string) { z.Check(t, s) })
}

// FuzzEncode encodes values built from arbitrary bytes (redis.LuaBuilder): never a Go panic,
// and (with redis-server installed) the same JSON or error as Redis.
func FuzzEncode(f *testing.F) {
	for _, s := range []string{"", "\x08\x05\x00\x01\x03\x02ab", "\x0a\x06\x02\x01x\x00\x03\x01\x07", "\x0c\x03\x05\x01\x27\x00"} {
		f.Add(s)
	}
	z := redis.NewLuaLibFuzzer(f, redis.CJSONEncodeScript)
	f.Fuzz(func(t *testing.T, s string) { z.Check(t, s) })
}
