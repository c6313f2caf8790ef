package cmsgpack_test

import (
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/redis"
)

// FuzzUnpack unpacks arbitrary bytes (whole, one value at an offset, a limited number): never a
// Go panic, and (with redis-server installed) the same values and errors as Redis.
func FuzzUnpack(f *testing.F) {
	for _, s := range []string{"", "\x93\x01\xc0\x03", "\x82\xa1a\x01\xa1b\x92\xc3\xc2", "\xcb\x7f\xf8\x00\x00\x00\x00\x00\x00",
		"\xdd\xff\xff\xff\xff", "\xc1", "\xc4\x01a", "\x81\xc0\x01", "\xd9\x05abc"} {
		f.Add(s)
	}
	z := redis.NewLuaLibFuzzer(f, redis.MsgpackUnpackScript)
	f.Fuzz(func(t *testing.T, s string) { z.Check(t, s) })
}

// FuzzPack packs values built from arbitrary bytes (redis.LuaBuilder) and unpacks them again:
// never a Go panic, and (with redis-server installed) the same bytes as Redis.
func FuzzPack(f *testing.F) {
	for _, s := range []string{"", "\x08\x05\x00\x01\x03\x02ab", "\x0a\x06\x02\x01x\x00\x03\x01\x07", "\x01\x22"} {
		f.Add(s)
	}
	z := redis.NewLuaLibFuzzer(f, redis.MsgpackPackScript)
	f.Fuzz(func(t *testing.T, s string) { z.Check(t, s) })
}

// FuzzRoundTrip checks that unpack(pack(v)) gives v back for values built from arbitrary bytes.
func FuzzRoundTrip(f *testing.F) {
	for _, s := range []string{"", "\x08\x05\x00\x01\x03\x02ab", "\x0a\x06\x02\x01x\x00\x03\x01\x07", "\x01\x22"} {
		f.Add(s)
	}
	z := redis.NewLuaLibFuzzer(f, redis.MsgpackRoundTripScript)
	f.Fuzz(func(t *testing.T, s string) {
		got := z.Check(t, s)
		if len(got.Elems) != 1 || got.Elems[0].Str != "same" {
			t.Fatalf("%q: %s", s, got.Render())
		}
	})
}
