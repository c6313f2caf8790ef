package keyspace

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"strconv"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
)

// Benchmarks of the hash, list and set hot paths on the in-process keyspace (Dispatch into a
// sink that keeps nothing), and the same operations in a real redis-server run inside a Lua loop
// (BenchmarkCollectionsRedis, when redis-server is installed) so that the network is out of the
// measure; the Redis figure includes the cost of redis.call.
//
//	go test ./keyspace -run XXX -bench 'Collections' -benchmem

// collBenchOp is one measured operation: setup fills database 0, args gives the i-th command
// (from a small precomputed set, so the loop allocates nothing itself); prep and lua are the
// same in Lua (prep runs once per EVAL; i is the iteration, names[] the member names).
type collBenchOp struct {
	name  string
	setup func(c *Ctx)
	args  func(i int) []string
	prep  string // Lua run before timing (data), given n = ARGV[1] iterations to come
	lua   string
	// refill, when set, refills the data every refill iterations, outside the timer.
	refill int
}

const collBenchSet = 100_000

func benchNames(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = prefix + strconv.Itoa(i)
	}
	return out
}

func fillHash(c *Ctx, key string, n int) {
	for i := 0; i < n; i += 1000 {
		args := []string{"HSET", key}
		for j := i; j < min(i+1000, n); j++ {
			args = append(args, "f"+strconv.Itoa(j), "v"+strconv.Itoa(j))
		}
		Dispatch(c, args, discard{})
	}
}

func fillSet(c *Ctx, key string, n int) {
	for i := 0; i < n; i += 1000 {
		args := []string{"SADD", key}
		for j := i; j < min(i+1000, n); j++ {
			args = append(args, "m"+strconv.Itoa(j))
		}
		Dispatch(c, args, discard{})
	}
}

// vecs precomputes 4096 argument vectors built by f from a pseudo-random index below n.
func vecs(n int, f func(k int) []string) func(i int) []string {
	out := make([][]string, 4096)
	x := uint32(12345)
	for i := range out {
		x = x*1664525 + 1013904223
		out[i] = f(int(x>>8) % n)
	}
	return func(i int) []string { return out[i&4095] }
}

var collBenchOps = []collBenchOp{
	{
		name:  "HSET-listpack-100",
		setup: func(c *Ctx) { fillHash(c, "h", 100) },
		args:  vecs(100, func(k int) []string { return []string{"HSET", "h", "f" + strconv.Itoa(k), "value"} }),
		prep:  "for i = 0, 99 do redis.call('HSET', KEYS[1], 'f' .. i, 'v' .. i) end",
		lua:   "redis.call('HSET', KEYS[1], names[i % 4096 + 1], 'value')",
	},
	{
		name:  "HSET-hashtable-100k",
		setup: func(c *Ctx) { fillHash(c, "h", collBenchSet) },
		args: vecs(collBenchSet, func(k int) []string {
			return []string{"HSET", "h", "f" + strconv.Itoa(k), "value"}
		}),
		prep: "if redis.call('HLEN', KEYS[1]) < 100000 then for i = 0, 99999 do redis.call('HSET', KEYS[1], 'f' .. i, 'v' .. i) end end",
		lua:  "redis.call('HSET', KEYS[1], names[i % 4096 + 1], 'value')",
	},
	{
		name:  "HGET-listpack-100",
		setup: func(c *Ctx) { fillHash(c, "h", 100) },
		args:  vecs(100, func(k int) []string { return []string{"HGET", "h", "f" + strconv.Itoa(k)} }),
		prep:  "for i = 0, 99 do redis.call('HSET', KEYS[1], 'f' .. i, 'v' .. i) end",
		lua:   "redis.call('HGET', KEYS[1], names[i % 4096 + 1])",
	},
	{
		name:  "HGET-hashtable-100k",
		setup: func(c *Ctx) { fillHash(c, "h", collBenchSet) },
		args:  vecs(collBenchSet, func(k int) []string { return []string{"HGET", "h", "f" + strconv.Itoa(k)} }),
		prep:  "if redis.call('HLEN', KEYS[1]) < 100000 then for i = 0, 99999 do redis.call('HSET', KEYS[1], 'f' .. i, 'v' .. i) end end",
		lua:   "redis.call('HGET', KEYS[1], names[i % 4096 + 1])",
	},
	{
		name:   "LPUSH",
		setup:  func(c *Ctx) {},
		args:   vecs(1, func(int) []string { return []string{"LPUSH", "l", "element"} }),
		lua:    "redis.call('LPUSH', KEYS[1], 'element')",
		refill: 1 << 20,
	},
	{
		name:   "LPOP",
		setup:  func(c *Ctx) {},
		args:   vecs(1, func(int) []string { return []string{"LPOP", "l"} }),
		prep:   "for i = 1, n do redis.call('RPUSH', KEYS[1], 'element') end",
		lua:    "redis.call('LPOP', KEYS[1])",
		refill: 1 << 20,
	},
	{
		name:  "SADD-100k",
		setup: func(c *Ctx) { fillSet(c, "s", collBenchSet) },
		args: vecs(2*collBenchSet, func(k int) []string {
			return []string{"SADD", "s", "m" + strconv.Itoa(k)}
		}),
		prep: "if redis.call('SCARD', KEYS[1]) < 100000 then for i = 0, 99999 do redis.call('SADD', KEYS[1], 'm' .. i) end end",
		lua:  "redis.call('SADD', KEYS[1], names[i % 4096 + 1])",
	},
	{
		name:  "SISMEMBER-100k",
		setup: func(c *Ctx) { fillSet(c, "s", collBenchSet) },
		args: vecs(2*collBenchSet, func(k int) []string {
			return []string{"SISMEMBER", "s", "m" + strconv.Itoa(k)}
		}),
		prep: "if redis.call('SCARD', KEYS[1]) < 100000 then for i = 0, 99999 do redis.call('SADD', KEYS[1], 'm' .. i) end end",
		lua:  "redis.call('SISMEMBER', KEYS[1], names[i % 4096 + 1])",
	},
}

func BenchmarkCollections(b *testing.B) {
	for _, op := range collBenchOps {
		b.Run(op.name, func(b *testing.B) {
			c := New().NewCtx()
			op.setup(c)
			fill := func() {
				if op.name == "LPOP" {
					Dispatch(c, []string{"DEL", "l"}, discard{})
					for i := 0; i < op.refill; i += 1000 {
						args := []string{"RPUSH", "l"}
						for j := 0; j < 1000; j++ {
							args = append(args, "element")
						}
						Dispatch(c, args, discard{})
					}
				} else if op.refill > 0 {
					Dispatch(c, []string{"DEL", "l"}, discard{})
				}
			}
			fill()
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if op.refill > 0 && i > 0 && i%op.refill == 0 {
					b.StopTimer()
					fill()
					b.StartTimer()
				}
				Dispatch(c, op.args(i), discard{})
			}
		})
	}
}

// collLoop runs the operation ARGV[1] times with names[] = the members "prefix0".."prefix4095"
// in the order the in-process benchmark draws them.
const collLoop = `
local n = tonumber(ARGV[1])
local names = {}
local x = 12345
for k = 1, 4096 do
  x = (x * 1664525 + 1013904223) %% 4294967296
  names[k] = ARGV[2] .. (math.floor(x / 256) %% tonumber(ARGV[3]))
end
for i = 0, n - 1 do %s end
return 1`

func BenchmarkCollectionsRedis(b *testing.B) {
	if _, ok := oracle.Lookup("redis-server"); !ok {
		b.Skip(oracle.InstallHint("redis-server"))
	}
	addr, _ := oracle.StartRedis(b)
	conn, err := collDial(addr)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.nc.Close()
	for _, op := range collBenchOps {
		prefix, space := "f", "100"
		switch {
		case op.name == "HSET-hashtable-100k" || op.name == "HGET-hashtable-100k":
			space = "100000"
		case op.name == "SADD-100k" || op.name == "SISMEMBER-100k":
			prefix, space = "m", "200000"
		}
		b.Run(op.name, func(b *testing.B) {
			conn.do("FLUSHALL")
			script := fmt.Sprintf(collLoop, op.lua)
			prep := "local n = tonumber(ARGV[1]) " + op.prep + " return 1"
			left := b.N
			for left > 0 {
				k := min(left, 200_000)
				b.StopTimer()
				if op.prep != "" {
					conn.do("EVAL", prep, "1", "key", strconv.Itoa(k))
				}
				if op.name == "LPUSH" {
					conn.do("DEL", "key")
				}
				b.StartTimer()
				conn.do("EVAL", script, "1", "key", strconv.Itoa(k), prefix, space)
				left -= k
			}
		})
	}
}

// collConn is a minimal RESP client for BenchmarkCollectionsRedis.
type collConn struct {
	nc net.Conn
	r  *bufio.Reader
	w  *bufio.Writer
}

func collDial(addr string) (*collConn, error) {
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &collConn{nc: nc, r: bufio.NewReader(nc), w: bufio.NewWriter(nc)}, nil
}

// do sends a command and reads its reply, panicking on an error reply (a broken benchmark).
func (c *collConn) do(args ...string) {
	fmt.Fprintf(c.w, "*%d\r\n", len(args))
	for _, a := range args {
		fmt.Fprintf(c.w, "$%d\r\n%s\r\n", len(a), a)
	}
	if err := c.w.Flush(); err != nil {
		panic(err)
	}
	c.read()
}

func (c *collConn) read() {
	line, err := c.r.ReadString('\n')
	if err != nil {
		panic(err)
	}
	switch line[0] {
	case '-':
		panic("redis: " + line)
	case '$':
		n, _ := strconv.Atoi(line[1 : len(line)-2])
		if n >= 0 {
			if _, err := io.ReadFull(c.r, make([]byte, n+2)); err != nil {
				panic(err)
			}
		}
	case '*':
		n, _ := strconv.Atoi(line[1 : len(line)-2])
		for i := 0; i < n; i++ {
			c.read()
		}
	}
}

// BenchmarkSETBIT measures the three cases of a bit write on an immutable string: growing the
// bitmap a byte at a time (amortised: written into the entry's spare capacity), flipping a bit
// inside a 1KB and a 64KB bitmap (a copy of the value), and a write that changes nothing.
func BenchmarkSETBIT(b *testing.B) {
	b.Run("grow", func(b *testing.B) {
		c := New().NewCtx()
		args := []string{"SETBIT", "k", "", "1"}
		offs := make([]string, 1<<16)
		for i := range offs {
			offs[i] = strconv.Itoa(i * 8)
		}
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if i&(1<<16-1) == 0 {
				b.StopTimer()
				Dispatch(c, []string{"DEL", "k"}, discard{})
				b.StartTimer()
			}
			args[2] = offs[i&(1<<16-1)]
			Dispatch(c, args, discard{})
		}
	})
	for _, size := range []int{1 << 10, 1 << 16} {
		b.Run(fmt.Sprintf("flip-%dKB", size>>10), func(b *testing.B) {
			c := New().NewCtx()
			Dispatch(c, []string{"SETBIT", "k", strconv.Itoa(size*8 - 1), "0"}, discard{})
			args := []string{"SETBIT", "k", strconv.Itoa(size * 4), ""}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				args[3] = strconv.Itoa(i & 1)
				Dispatch(c, args, discard{})
			}
		})
	}
	b.Run("unchanged-64KB", func(b *testing.B) {
		c := New().NewCtx()
		Dispatch(c, []string{"SETBIT", "k", strconv.Itoa(1<<19 - 1), "0"}, discard{})
		args := []string{"SETBIT", "k", "1000", "0"}
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			Dispatch(c, args, discard{})
		}
	})
}
