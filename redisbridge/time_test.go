package redisbridge_test

import (
	"context"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	redis "github.com/redmoon-dev/redmoon/conformance/redis"
	"github.com/redmoon-dev/redmoon/keyspace"
	"github.com/redmoon-dev/redmoon/redisbridge"
)

// frozenTimeScript creates a key living 100 ms, then spins on TIME (which keeps advancing) for
// 300 ms: the key is still there for the rest of the script, because expiry uses the time taken
// when the script started.
const frozenTimeScript = `redis.call('SET', KEYS[1], 'v', 'PX', 100)
local t0 = redis.call('TIME')
while true do
  local t = redis.call('TIME')
  if (t[1] - t0[1]) * 1000000 + (t[2] - t0[2]) > 300000 then break end
end
return {redis.call('GET', KEYS[1]), redis.call('EXISTS', KEYS[1]), redis.call('PTTL', KEYS[1])}`

func TestFrozenTime(t *testing.T) {
	want := "[v 1 0] after: 0"
	if haveRedis() {
		addr, _ := oracle.StartRedis(t)
		c, err := redis.Dial(addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		v, err := c.Do("EVAL", frozenTimeScript, "1", "k")
		if err != nil {
			t.Fatal(err)
		}
		after, err := c.Do("EXISTS", "k")
		if err != nil {
			t.Fatal(err)
		}
		live := v.Elems[0].Str + " " + keyspace.FormatInt(v.Elems[1].Int) + " " + keyspace.FormatInt(v.Elems[2].Int)
		if got := "[" + live + "] after: " + keyspace.FormatInt(after.Int); got != want {
			t.Fatalf("redis-server answered %s, recorded %s", got, want)
		}
	}
	b := redisbridge.New(keyspace.New(), redisbridge.Options{})
	rep, err := b.Eval(context.Background(), frozenTimeScript, []string{"k"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	after, _ := b.Do(context.Background(), "EXISTS", "k")
	got := "[" + rep.Elems[0].Str + " " + keyspace.FormatInt(rep.Elems[1].Int) + " " +
		keyspace.FormatInt(rep.Elems[2].Int) + "] after: " + keyspace.FormatInt(after.Int)
	if got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
}

// TestReplyStackLimit returns a table that contains itself: Redis converts it until its Lua
// stack is full and puts "ERR reached lua stack limit" at the bottom.
func TestReplyStackLimit(t *testing.T) {
	const script = "local t = {} t[1] = t return t"
	want := "7995 -ERR reached lua stack limit"
	if haveRedis() {
		addr, _ := oracle.StartRedis(t)
		c, err := redis.Dial(addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		v, err := c.Do("EVAL", script, "0")
		if err != nil {
			t.Fatal(err)
		}
		d := 0
		for v.Kind == redis.Array && len(v.Elems) == 1 {
			v = v.Elems[0]
			d++
		}
		if got := keyspace.FormatInt(int64(d)) + " " + text(v); got != want {
			t.Fatalf("redis-server: %s, recorded %s", got, want)
		}
	}
	b := redisbridge.New(keyspace.New(), redisbridge.Options{})
	rep, _ := b.Eval(context.Background(), script, nil, nil)
	d := 0
	for rep.Kind == redisbridge.KindArray && len(rep.Elems) == 1 {
		rep = rep.Elems[0]
		d++
	}
	if got := keyspace.FormatInt(int64(d)) + " -" + rep.Str; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
}
