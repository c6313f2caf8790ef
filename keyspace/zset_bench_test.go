package keyspace

import (
	"fmt"
	"math"
	"math/rand/v2"
	"net"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
)

// Sorted-set and GEO benchmarks at 1k, 100k and 1M members, and the same operations in a real
// redis-server (BenchmarkZSetRedis, when one is installed), run inside a Lua loop so that the
// network is out of the measure; that figure includes the cost of redis.call (see the
// "ZCARD-call-cost" row).
//
// Besides ns/op, each benchmark reports cpu-ns/op: the CPU time the measured process spent
// (this test process, or the redis-server), which is steadier than wall time on a loaded
// machine.
//
//	go test ./keyspace -run XXX -bench 'ZSet|Geo' -benchmem

var zbenchSizes = []int{1_000, 100_000, 1_000_000}

// zbenchOps are the measured operations, as argument-vector builders over a set of n members
// "m0".."m(n-1)" with score i for member mi.
var zbenchOps = []struct {
	name string
	args func(rng *rand.Rand, n int) []string
	lua  string // the same operation in Lua, given n and a random generator
}{
	{"ZADD", func(rng *rand.Rand, n int) []string {
		return []string{"ZADD", "z", strconv.Itoa(rng.IntN(n)), "m" + strconv.Itoa(rng.IntN(n))}
	}, "redis.call('ZADD', KEYS[1], math.random(n) - 1, names[math.random(#names)])"},
	{"ZRANGE-rank", func(rng *rand.Rand, n int) []string {
		i := rng.IntN(n - 10)
		return []string{"ZRANGE", "z", strconv.Itoa(i), strconv.Itoa(i + 9), "WITHSCORES"}
	}, "local i = math.random(n - 10) - 1 redis.call('ZRANGE', KEYS[1], i, i + 9, 'WITHSCORES')"},
	{"ZRANGE-score", func(rng *rand.Rand, n int) []string {
		i := rng.IntN(n - 10)
		return []string{"ZRANGEBYSCORE", "z", strconv.Itoa(i), "(" + strconv.Itoa(i+10)}
	}, "local i = math.random(n - 10) - 1 redis.call('ZRANGEBYSCORE', KEYS[1], i, '(' .. (i + 10))"},
	{"ZRANK", func(rng *rand.Rand, n int) []string {
		return []string{"ZRANK", "z", "m" + strconv.Itoa(rng.IntN(n))}
	}, "redis.call('ZRANK', KEYS[1], names[math.random(#names)])"},
	{"ZSCORE", func(rng *rand.Rand, n int) []string {
		return []string{"ZSCORE", "z", "m" + strconv.Itoa(rng.IntN(n))}
	}, "redis.call('ZSCORE', KEYS[1], names[math.random(#names)])"},
}

// zbenchCtx returns a keyspace holding "z" with n members and "g" with n points, built once
// per size.
var zbenchCache = map[int]*Ctx{}

func zbenchCtx(n int) *Ctx {
	if c := zbenchCache[n]; c != nil {
		return c
	}
	c := New().NewCtx()
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	for i := 0; i < n; i += 1000 {
		z := []string{"ZADD", "z"}
		g := []string{"GEOADD", "g"}
		for j := i; j < min(i+1000, n); j++ {
			z = append(z, strconv.Itoa(j), "m"+strconv.Itoa(j))
			g = append(g, strconv.FormatFloat(rng.Float64()*10, 'f', 6, 64), strconv.FormatFloat(rng.Float64()*10, 'f', 6, 64), "p"+strconv.Itoa(j))
		}
		Dispatch(c, z, discard{})
		Dispatch(c, g, discard{})
	}
	zbenchCache[n] = c
	return c
}

// geoRadiusFor is the radius around which about 10 of n points spread over the 10x10 degree
// box lie.
func geoRadiusFor(n int) float64 {
	const boxArea = 1.23e12 // m², 10°x10° near the equator
	return math.Sqrt(10 * boxArea / (math.Pi * float64(n)))
}

func geoSearchArgs(rng *rand.Rand, n int) []string {
	return []string{"GEOSEARCH", "g", "FROMLONLAT", strconv.FormatFloat(1+rng.Float64()*8, 'f', 5, 64),
		strconv.FormatFloat(1+rng.Float64()*8, 'f', 5, 64), "BYRADIUS", strconv.FormatFloat(geoRadiusFor(n), 'f', 1, 64), "m", "ASC"}
}

func BenchmarkZSet(b *testing.B) {
	for _, op := range zbenchOps {
		for _, n := range zbenchSizes {
			b.Run(fmt.Sprintf("%s/%s", op.name, zSizeName(n)), func(b *testing.B) {
				c := zbenchCtx(n)
				rng := rand.New(rand.NewPCG(2, 3))
				vecs := make([][]string, 4096)
				for i := range vecs {
					vecs[i] = op.args(rng, n)
				}
				b.ReportAllocs()
				b.ResetTimer()
				cpu := selfCPU()
				for i := 0; i < b.N; i++ {
					Dispatch(c, vecs[i&4095], discard{})
				}
				reportCPU(b, selfCPU()-cpu)
			})
		}
	}
}

func BenchmarkGeo(b *testing.B) {
	for _, n := range zbenchSizes {
		b.Run("GEOSEARCH/"+zSizeName(n), func(b *testing.B) {
			c := zbenchCtx(n)
			rng := rand.New(rand.NewPCG(4, 5))
			vecs := make([][]string, 1024)
			for i := range vecs {
				vecs[i] = geoSearchArgs(rng, n)
			}
			b.ReportAllocs()
			b.ResetTimer()
			cpu := selfCPU()
			for i := 0; i < b.N; i++ {
				Dispatch(c, vecs[i&1023], discard{})
			}
			reportCPU(b, selfCPU()-cpu)
		})
	}
}

func zSizeName(n int) string {
	switch {
	case n >= 1_000_000:
		return fmt.Sprintf("%dM", n/1_000_000)
	case n >= 1000:
		return fmt.Sprintf("%dk", n/1000)
	}
	return strconv.Itoa(n)
}

// redisPeer is a live redis-server holding the same data, for BenchmarkZSetRedis.
type redisPeer struct {
	conn *benchConn
	n    int
}

var redisPeers = map[int]*redisPeer{}

const redisFill = `
local n = tonumber(ARGV[1])
local from = tonumber(ARGV[2])
for i = from, math.min(from + 99999, n - 1) do
  redis.call('ZADD', KEYS[1], i, 'm' .. i)
  redis.call('GEOADD', KEYS[2], math.random() * 10, math.random() * 10, 'p' .. i)
end
return 1`

// redisLoop runs body ARGV[1] times with n = ARGV[2] and a table of random member names.
const redisLoop = `
local count = tonumber(ARGV[1])
local n = tonumber(ARGV[2])
local names = {}
for i = 1, 4096 do names[i] = 'm' .. (math.random(n) - 1) end
for _ = 1, count do %s end
return 1`

func BenchmarkZSetRedis(b *testing.B) {
	if _, ok := oracle.Lookup("redis-server"); !ok {
		b.Skip(oracle.InstallHint("redis-server"))
	}
	addr, _ := oracle.StartRedis(b)
	conn, err := dialBench(addr)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.close()
	pid := conn.pid()
	for _, n := range zbenchSizes {
		db := strconv.Itoa(len(redisPeers))
		redisPeers[n] = &redisPeer{conn: conn, n: n}
		conn.do("SELECT", db)
		for from := 0; from < n; from += 100000 {
			conn.do("EVAL", redisFill, "2", "z", "g", strconv.Itoa(n), strconv.Itoa(from))
		}
	}
	run := func(name, body string, n int, extra ...string) {
		b.Run(fmt.Sprintf("%s/%s", name, zSizeName(n)), func(b *testing.B) {
			conn.do("SELECT", strconv.Itoa(indexOf(n)))
			script := fmt.Sprintf(redisLoop, body)
			left := b.N
			b.ResetTimer()
			cpu := procCPU(pid)
			defer func() { reportCPU(b, procCPU(pid)-cpu) }()
			for left > 0 {
				k := min(left, 200000)
				args := append([]string{"EVAL", script, "2", "z", "g", strconv.Itoa(k), strconv.Itoa(n)}, extra...)
				conn.do(args...)
				left -= k
			}
		})
	}
	for _, op := range zbenchOps {
		for _, n := range zbenchSizes {
			run(op.name, op.lua, n)
		}
	}
	for _, n := range zbenchSizes {
		r := strconv.FormatFloat(geoRadiusFor(n), 'f', 1, 64)
		run("GEOSEARCH", "redis.call('GEOSEARCH', KEYS[2], 'FROMLONLAT', 1 + math.random() * 8, 1 + math.random() * 8, 'BYRADIUS', "+r+", 'm', 'ASC')", n)
	}
	for _, n := range zbenchSizes[:1] {
		run("ZCARD-call-cost", "redis.call('ZCARD', KEYS[1])", n)
	}
}

// selfCPU is the CPU time this process has used.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// procCPU is the CPU time process pid has used, from /proc (clock ticks of 10ms).
func procCPU(pid int) time.Duration {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(data[strings.LastIndexByte(string(data), ')')+2:]))
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(ut+st) * 10 * time.Millisecond
}

func reportCPU(b *testing.B, d time.Duration) {
	if d > 0 {
		b.ReportMetric(float64(d.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

func indexOf(n int) int {
	for i, s := range zbenchSizes {
		if s == n {
			return i
		}
	}
	return 0
}

// benchConn is a minimal RESP client for the peer benchmark.
type benchConn struct {
	c   net.Conn
	buf []byte
}

func dialBench(addr string) (*benchConn, error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &benchConn{c: c}, nil
}

func (c *benchConn) close() { c.c.Close() }

// pid asks the server for its process id (INFO server).
func (c *benchConn) pid() int {
	fmt.Fprintf(c.c, "*2\r\n$4\r\nINFO\r\n$6\r\nserver\r\n")
	buf := make([]byte, 0, 4096)
	tmp := make([]byte, 4096)
	for !strings.Contains(string(buf), "\r\n\r\n") || strings.Count(string(buf), "\r\n") < 3 {
		n, err := c.c.Read(tmp)
		if err != nil {
			return 0
		}
		buf = append(buf, tmp[:n]...)
		if i := strings.Index(string(buf), "process_id:"); i >= 0 && strings.Contains(string(buf[i:]), "\r\n") {
			line := string(buf[i+len("process_id:"):])
			line = line[:strings.Index(line, "\r\n")]
			n, _ := strconv.Atoi(line)
			// Drain the rest of the bulk reply.
			c.c.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
			for {
				if _, err := c.c.Read(tmp); err != nil {
					break
				}
			}
			c.c.SetReadDeadline(time.Time{})
			return n
		}
	}
	return 0
}

func (c *benchConn) do(args ...string) {
	c.buf = c.buf[:0]
	c.buf = append(c.buf, '*')
	c.buf = strconv.AppendInt(c.buf, int64(len(args)), 10)
	c.buf = append(c.buf, "\r\n"...)
	for _, a := range args {
		c.buf = append(c.buf, '$')
		c.buf = strconv.AppendInt(c.buf, int64(len(a)), 10)
		c.buf = append(c.buf, "\r\n"...)
		c.buf = append(c.buf, a...)
		c.buf = append(c.buf, "\r\n"...)
	}
	_ = c.c.SetDeadline(time.Now().Add(10 * time.Minute))
	if _, err := c.c.Write(c.buf); err != nil {
		panic(err)
	}
	// Replies here are short (+OK or :1, or an error): read one line.
	line := make([]byte, 0, 64)
	var one [1]byte
	for {
		if _, err := c.c.Read(one[:]); err != nil {
			panic(err)
		}
		line = append(line, one[0])
		if one[0] == '\n' {
			break
		}
	}
	if line[0] == '-' {
		panic("redis: " + string(line))
	}
}
