package redisbridge_test

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	redis "github.com/redmoon-dev/redmoon/conformance/redis"
	"github.com/redmoon-dev/redmoon/keyspace"
	"github.com/redmoon-dev/redmoon/redisbridge"
)

// Benchmarks of the in-process EVALSHA path, the way a server runs it: the command goes through
// the keyspace's command table (keyspace.Dispatch) with the lock held, and the reply into a sink
// that keeps nothing. With redis-server installed, each benchmark also reports the real server's
// EVALSHA time for the same script (redis-ns/op: INFO commandstats usec_per_call, server time
// without the network), measured in the same run.

// discard is a keyspace.Reply that drops everything.
type discard struct{}

func (discard) SimpleString(string)        {}
func (discard) Error(string)               {}
func (discard) Integer(int64)              {}
func (discard) Bulk(string)                {}
func (discard) Null()                      {}
func (discard) NullArray()                 {}
func (discard) ArrayLen(int)               {}
func (discard) MapLen(int)                 {}
func (discard) SetLen(int)                 {}
func (discard) Double(float64)             {}
func (discard) Bool(bool)                  {}
func (discard) BigNumber(string)           {}
func (discard) Verbatim(string, string)    {}
func (discard) PushLen(int)                {}
func (discard) Resp3() bool                { return false }
func (discard) DoubleText(float64, string) {}

// errSink records an error reply.
type errSink struct {
	discard
	err string
}

func (s *errSink) Error(msg string) { s.err = msg }

type benchScript struct {
	name   string
	setup  [][]string
	script string
	keys   []string
	args   func(i int) []string
	needs  string
}

var benchScripts = []benchScript{
	{
		name:   "get",
		setup:  [][]string{{"SET", "k", "hello"}},
		script: "return redis.call('GET', KEYS[1])",
		keys:   []string{"k"},
		args:   func(int) []string { return nil },
	},
	{
		name:   "set",
		script: "return redis.call('SET', KEYS[1], ARGV[1])",
		keys:   []string{"k"},
		args:   func(int) []string { return []string{"value"} },
	},
	{
		name: "ratelimiter",
		script: "local key = KEYS[1]\n" +
			"local now = tonumber(ARGV[1])\n" +
			"local window = tonumber(ARGV[2])\n" +
			"redis.call('ZREMRANGEBYSCORE', key, 0, now - window)\n" +
			"local count = redis.call('ZCARD', key)\n" +
			"if count < tonumber(ARGV[3]) then\n" +
			"  redis.call('ZADD', key, now, ARGV[4])\n" +
			"  redis.call('EXPIRE', key, 60)\n" +
			"  return 1\n" +
			"end\n" +
			"return 0",
		keys: []string{"rl"},
		args: func(i int) []string {
			return []string{strconv.Itoa(1000000 + i), "100", "50", "req" + strconv.Itoa(i%200)}
		},
	},
	{
		name:  "cjson",
		setup: [][]string{{"HSET", "doc", "json", `{"name":"ann","age":31,"tags":["a","b","c"],"address":{"city":"Paris","zip":"75001"},"score":12.5}`}},
		script: "local doc = cjson.decode(redis.call('HGET', KEYS[1], 'json'))\n" +
			"doc.age = doc.age + 1\n" +
			"doc.tags[#doc.tags + 1] = ARGV[1]\n" +
			"if #doc.tags > 6 then table.remove(doc.tags, 1) end\n" +
			"local out = cjson.encode(doc)\n" +
			"redis.call('HSET', KEYS[1], 'json', out)\n" +
			"return #out",
		keys:  []string{"doc"},
		args:  func(int) []string { return []string{"tag"} },
		needs: "cjson",
	},
}

func evalshaArgs(sha string, keys, args []string) []string {
	argv := []string{"EVALSHA", sha, strconv.Itoa(len(keys))}
	argv = append(argv, keys...)
	return append(argv, args...)
}

func BenchmarkEvalSha(b *testing.B) {
	parent := b
	for _, bs := range benchScripts {
		b.Run(bs.name, func(b *testing.B) {
			if bs.needs != "" && !redisbridge.HasLibrary(bs.needs) {
				b.Skipf("needs %s", bs.needs)
			}
			ks := keyspace.New()
			br := redisbridge.New(ks, redisbridge.Options{})
			ks.Lock()
			defer ks.Unlock()
			c := ks.NewCtx()
			for _, s := range bs.setup {
				keyspace.Dispatch(c, s, discard{})
			}
			sha, err := loadScript(ks, c, bs.script)
			if err != nil {
				b.Fatal(err)
			}
			argvs := make([][]string, 256)
			for i := range argvs {
				argvs[i] = evalshaArgs(sha, bs.keys, bs.args(i))
			}
			sink := &errSink{}
			keyspace.Dispatch(c, argvs[0], sink)
			if sink.err != "" {
				b.Fatal(sink.err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				keyspace.Dispatch(c, argvs[i&255], discard{})
			}
			b.StopTimer()
			_ = br
			if ns, ok := redisEvalshaNs(parent, bs); ok {
				b.ReportMetric(ns, "redis-ns/op")
			}
		})
	}
}

// loadScript runs SCRIPT LOAD and returns the SHA1.
func loadScript(ks *keyspace.Keyspace, c *keyspace.Ctx, script string) (string, error) {
	var sha string
	s := &shaSink{sha: &sha}
	keyspace.Dispatch(c, []string{"SCRIPT", "LOAD", script}, s)
	if s.err != "" {
		return "", fmt.Errorf("%s", s.err)
	}
	return sha, nil
}

type shaSink struct {
	errSink
	sha *string
}

func (s *shaSink) Bulk(v string) { *s.sha = v }

var (
	redisOnce sync.Once
	redisAddr string
	redisNs   = map[string]float64{}
)

// redisEvalshaNs measures the same script on redis-server: 20,000 pipelined EVALSHA calls,
// then INFO commandstats's usec_per_call for evalsha.
func redisEvalshaNs(b *testing.B, bs benchScript) (float64, bool) {
	if _, ok := oracle.Lookup("redis-server"); !ok {
		return 0, false
	}
	if ns, ok := redisNs[bs.name]; ok {
		return ns, true
	}
	redisOnce.Do(func() { redisAddr, _ = oracle.StartRedis(b) })
	conn, err := redis.Dial(redisAddr)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	cmds := [][]string{{"FLUSHALL"}, {"CONFIG", "RESETSTAT"}}
	cmds = append(cmds, bs.setup...)
	if _, err := conn.Pipeline(cmds); err != nil {
		b.Fatal(err)
	}
	v, err := conn.Do("SCRIPT", "LOAD", bs.script)
	if err != nil || v.Kind != redis.Bulk {
		b.Fatalf("SCRIPT LOAD: %v %v", v, err)
	}
	const n = 20000
	batch := make([][]string, 0, 1000)
	for i := 0; i < n; i++ {
		batch = append(batch, evalshaArgs(v.Str, bs.keys, bs.args(i)))
		if len(batch) == cap(batch) {
			if _, err := conn.Pipeline(batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	info, err := conn.Do("INFO", "commandstats")
	if err != nil {
		b.Fatal(err)
	}
	for _, line := range strings.Split(info.Str, "\n") {
		if !strings.HasPrefix(line, "cmdstat_evalsha:") {
			continue
		}
		for _, f := range strings.Split(strings.TrimSpace(line[len("cmdstat_evalsha:"):]), ",") {
			if val, ok := strings.CutPrefix(f, "usec_per_call="); ok {
				us, err := strconv.ParseFloat(val, 64)
				if err != nil {
					b.Fatal(err)
				}
				redisNs[bs.name] = us * 1000
				return us * 1000, true
			}
		}
	}
	return 0, false
}

// TestRedisCallZeroAllocs proves that redis.call('GET', KEYS[1]) on an existing key allocates
// nothing beyond what the script's run costs once: a script making 1001 calls allocates exactly
// as much as one making a single call.
func TestRedisCallZeroAllocs(t *testing.T) {
	ks := keyspace.New()
	redisbridge.New(ks, redisbridge.Options{})
	ks.Lock()
	defer ks.Unlock()
	c := ks.NewCtx()
	keyspace.Dispatch(c, []string{"SET", "k", "hello"}, discard{})
	allocs := func(calls int) float64 {
		script := fmt.Sprintf("local v for i = 1, %d do v = redis.call('GET', KEYS[1]) end return v", calls)
		sha, err := loadScript(ks, c, script)
		if err != nil {
			t.Fatal(err)
		}
		argv := evalshaArgs(sha, []string{"k"}, nil)
		sink := &errSink{}
		keyspace.Dispatch(c, argv, sink)
		if sink.err != "" {
			t.Fatal(sink.err)
		}
		return testing.AllocsPerRun(200, func() { keyspace.Dispatch(c, argv, discard{}) })
	}
	one, many := allocs(1), allocs(1001)
	if many != one {
		t.Errorf("1 call: %v allocations per run, 1001 calls: %v; want the same", one, many)
	}
	t.Logf("allocations per EVALSHA run: %v (1 call), %v (1001 calls)", one, many)
}
