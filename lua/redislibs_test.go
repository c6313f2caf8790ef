package lua

import "testing"

func TestRedisLibraries(t *testing.T) {
	s := NewState(Options{Libraries: RedisLibraries, RedisStringHash: true})
	res, err := s.Exec(`return cjson.encode({cmsgpack.unpack(cmsgpack.pack(1, "a"))}) .. bit.tohex(255, 2) .. struct.size(">i2")`, "=test")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := res[0].Str(), `[1,"a"]ff2`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	s = NewState(Options{})
	if !s.GetGlobal("cjson").IsNil() {
		t.Error("the default libraries include cjson")
	}
}
