package redisbridge_test

import (
	"context"
	"strings"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	redis "github.com/redmoon-dev/redmoon/conformance/redis"
	"github.com/redmoon-dev/redmoon/keyspace"
	"github.com/redmoon-dev/redmoon/redisbridge"
)

// FUNCTION DUMP and FUNCTION RESTORE: our payload round-trips, and payloads travel both ways
// between redmoon and redis-server 7.0 (Redis compresses long library code with LZF).

var dumpLibs = []string{
	"#!lua name=liba\nredis.register_function('fa', function(keys, args) return 'a:' .. (args[1] or '') end)",
	"#!lua name=libb\n" + strings.Repeat("-- a long comment that makes Redis compress the code\n", 20) +
		"redis.register_function{function_name = 'fb', callback = function() return 'b' end, flags = {'no-writes'}}",
}

func mustDo(t *testing.T, b *redisbridge.Bridge, args ...string) redisbridge.Reply {
	t.Helper()
	rep, err := b.Do(context.Background(), args...)
	if err != nil {
		t.Fatalf("%q: %v", args, err)
	}
	return rep
}

func TestFunctionDumpRestore(t *testing.T) {
	b := redisbridge.New(keyspace.New(), redisbridge.Options{})
	for _, code := range dumpLibs {
		mustDo(t, b, "FUNCTION", "LOAD", code)
	}
	payload := mustDo(t, b, "FUNCTION", "DUMP").Str
	mustDo(t, b, "FUNCTION", "FLUSH")
	if _, err := b.Do(context.Background(), "FCALL", "fa", "0"); err == nil {
		t.Fatal("FCALL after FLUSH succeeded")
	}
	mustDo(t, b, "FUNCTION", "RESTORE", payload)
	if got := mustDo(t, b, "FCALL", "fa", "0", "x").Str; got != "a:x" {
		t.Fatalf("FCALL fa = %q", got)
	}
	if got := mustDo(t, b, "FCALL_RO", "fb", "0").Str; got != "b" {
		t.Fatalf("FCALL_RO fb = %q", got)
	}
	for _, tc := range []struct{ payload, policy, want string }{
		{payload, "", "ERR Library liba already exists"},
		{payload, "APPEND", "ERR Library liba already exists"},
		{payload[:len(payload)-1] + "x", "", "ERR DUMP payload version or checksum are wrong"},
		{"short", "", "ERR DUMP payload version or checksum are wrong"},
		{payload, "bogus", "ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE."},
	} {
		args := []string{"FUNCTION", "RESTORE", tc.payload}
		if tc.policy != "" {
			args = append(args, tc.policy)
		}
		_, err := b.Do(context.Background(), args...)
		if err == nil || err.Error() != tc.want {
			t.Errorf("RESTORE %s: err = %v, want %s", tc.policy, err, tc.want)
		}
	}
	mustDo(t, b, "FUNCTION", "RESTORE", payload, "REPLACE")
	mustDo(t, b, "FUNCTION", "RESTORE", payload, "FLUSH")
	if n := len(mustDo(t, b, "FUNCTION", "LIST").Elems); n != 2 {
		t.Fatalf("FUNCTION LIST has %d libraries after RESTORE FLUSH", n)
	}
}

func TestFunctionDumpWithRedis(t *testing.T) {
	if !haveRedis() && !oracle.InCI() {
		t.Skip(oracle.InstallHint("redis-server"))
	}
	addr, _ := oracle.StartRedis(t)
	c, err := redis.Dial(addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, code := range dumpLibs {
		if v, err := c.Do("FUNCTION", "LOAD", code); err != nil || v.Kind == redis.Error {
			t.Fatalf("FUNCTION LOAD on redis-server: %v %v", v, err)
		}
	}
	theirs, err := c.Do("FUNCTION", "DUMP")
	if err != nil {
		t.Fatal(err)
	}
	// Redis's payload restores here.
	b := redisbridge.New(keyspace.New(), redisbridge.Options{})
	mustDo(t, b, "FUNCTION", "RESTORE", theirs.Str)
	if got := mustDo(t, b, "FCALL", "fb", "0").Str; got != "b" {
		t.Fatalf("FCALL fb after restoring redis-server's dump = %q", got)
	}
	// Ours restores on Redis.
	ours := mustDo(t, b, "FUNCTION", "DUMP").Str
	if v, err := c.Do("FUNCTION", "RESTORE", ours, "FLUSH"); err != nil || v.Kind != redis.Simple {
		t.Fatalf("redis-server refused our dump: %v %v", v, err)
	}
	if v, err := c.Do("FCALL", "fa", "0", "y"); err != nil || v.Str != "a:y" {
		t.Fatalf("FCALL fa on redis-server after restoring our dump: %v %v", v, err)
	}
}
