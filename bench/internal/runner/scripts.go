package runner

import (
	"fmt"
	"strconv"
)

// EmbeddedScript is one row of the embedded-scripting table: a typical Redis script with
// its data and arguments.
type EmbeddedScript struct {
	// Name is the row's label.
	Name string
	// Job holds the setup, script, keys and arguments (the driver fills in Sha, Warmup and
	// Calls).
	Job Job
}

// rateLimiter is a sliding-window rate limiter: drop old entries, count, admit and refresh
// the TTL.
const rateLimiter = `local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', key, 0, now - window)
local count = redis.call('ZCARD', key)
if count < tonumber(ARGV[3]) then
  redis.call('ZADD', key, now, ARGV[4])
  redis.call('EXPIRE', key, 60)
  return 1
end
return 0`

// cjsonHset decodes a JSON object of 10 fields and stores them in a hash with one HSET.
const cjsonHset = `local doc = cjson.decode(ARGV[1])
local args = {}
for k, v in pairs(doc) do
  args[#args + 1] = k
  args[#args + 1] = tostring(v)
end
redis.call('HSET', KEYS[1], unpack(args))
return redis.call('HLEN', KEYS[1])`

// loop100 calls redis.call('GET') 100 times.
const loop100 = `local v
for i = 1, 100 do
  v = redis.call('GET', KEYS[1])
end
return v`

// EmbeddedScripts returns the scripts of the embedded-scripting table, in row order.
func EmbeddedScripts() []EmbeddedScript {
	limiterArgs := make([][]string, 256)
	for i := range limiterArgs {
		// A window of 100 time units and a limit of 200: as the clock cycles through the 256
		// argument vectors the set stays near 200 members and most calls are admitted (the
		// full path: remove, count, add, expire).
		limiterArgs[i] = []string{strconv.Itoa(1000000 + i), "100", "200", "req:" + strconv.Itoa(i)}
	}
	jsonArgs := make([][]string, 16)
	for i := range jsonArgs {
		jsonArgs[i] = []string{fmt.Sprintf(`{"name":"user%d","email":"user%d@example.com","age":%d,`+
			`"city":"Paris","zip":"75001","plan":"pro","active":true,"score":%d.5,`+
			`"visits":%d,"ref":"campaign-%d"}`, i, i, 20+i, i*3, i*7, i%4)}
	}
	return []EmbeddedScript{
		{Name: "GET", Job: Job{
			Setup:  [][]string{{"SET", "k", "hello"}},
			Script: "return redis.call('GET', KEYS[1])",
			Keys:   []string{"k"},
		}},
		{Name: "SET", Job: Job{
			Script: "return redis.call('SET', KEYS[1], ARGV[1])",
			Keys:   []string{"k"},
			Args:   [][]string{{"value"}},
		}},
		{Name: "INCR", Job: Job{
			Script: "return redis.call('INCR', KEYS[1])",
			Keys:   []string{"counter"},
		}},
		{Name: "rate limiter", Job: Job{
			Script: rateLimiter,
			Keys:   []string{"rl"},
			Args:   limiterArgs,
		}},
		{Name: "cjson.decode + HSET 10 fields", Job: Job{
			Script: cjsonHset,
			Keys:   []string{"doc"},
			Args:   jsonArgs,
		}},
		{Name: "100 x redis.call GET", Job: Job{
			Setup:  [][]string{{"SET", "k", "hello"}},
			Script: loop100,
			Keys:   []string{"k"},
		}},
	}
}
