package redis

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	"github.com/redmoon-dev/redmoon/keyspace"
)

// BenchmarkStreamsHLLVsRedis measures XADD, XRANGE (10 entries from a random position), PFADD
// (one new element) and PFCOUNT (the two-key form, which always computes the estimate) on
// structures of 1k, 100k and 1M elements, in our keyspace (ns/op, through keyspace.Dispatch) and
// in a redis-server loaded with the same data (redis-ns/op: INFO commandstats usec_per_call for
// the same commands, the server-side time without the network), and reports the ratio
// ours/redis. Run it with:
//
//	go test ./conformance/redis -run XXX -bench StreamsHLLVsRedis -benchmem
func BenchmarkStreamsHLLVsRedis(b *testing.B) {
	addr, _ := oracle.StartRedis(b)
	conn, err := Dial(addr)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	for _, op := range []string{"XADD", "XRANGE", "PFADD", "PFCOUNT"} {
		for _, n := range []int{1_000, 100_000, 1_000_000} {
			b.Run(fmt.Sprintf("%s/%dk", op, n/1000), func(b *testing.B) {
				benchVsRedis(b, conn, op, n)
			})
		}
	}
}

// benchLoad returns the commands that build the structure of n elements.
func benchLoad(op string, n int) [][]string {
	var cmds [][]string
	switch op {
	case "XADD", "XRANGE":
		for i := 0; i < n; i++ {
			cmds = append(cmds, []string{"XADD", "s", strconv.Itoa(i+1) + "-0", "field", "value:" + strconv.Itoa(i)})
		}
	default:
		args := []string{"PFADD", "h"}
		for i := 0; i < n; i++ {
			args = append(args, "element:"+strconv.Itoa(i))
			if len(args) == 1002 || i == n-1 {
				cmds = append(cmds, args)
				args = []string{"PFADD", "h"}
			}
		}
	}
	return cmds
}

// benchCommand returns the i-th measured command.
func benchCommand(op string, n, i int) []string {
	switch op {
	case "XADD":
		return []string{"XADD", "s", "*", "field", "value"}
	case "XRANGE":
		return []string{"XRANGE", "s", strconv.Itoa((i*7919)%n+1) + "-0", "+", "COUNT", "10"}
	case "PFADD":
		return []string{"PFADD", "h", "new:" + strconv.Itoa(i)}
	}
	return []string{"PFCOUNT", "h", "h"}
}

func benchVsRedis(b *testing.B, conn *Conn, op string, n int) {
	load := benchLoad(op, n)
	const cached = 1 << 14
	cmds := make([][]string, cached)
	for i := range cmds {
		cmds[i] = benchCommand(op, n, i)
	}

	// Ours.
	ks := keyspace.New()
	c := ks.NewCtx()
	for _, args := range load {
		keyspace.Dispatch(c, args, nopSink{})
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		keyspace.Dispatch(c, cmds[i%cached], nopSink{})
	}
	b.StopTimer()

	// Redis, on the same data.
	if _, err := conn.Do("FLUSHALL"); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < len(load); i += 10000 {
		if _, err := conn.Pipeline(load[i:min(i+10000, len(load))]); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := conn.Do("CONFIG", "RESETSTAT"); err != nil {
		b.Fatal(err)
	}
	runs := min(max(b.N, 1000), cached)
	for i := 0; i < runs; i += 1000 {
		if _, err := conn.Pipeline(cmds[i:min(i+1000, runs)]); err != nil {
			b.Fatal(err)
		}
	}
	usec, err := usecPerCall(conn, strings.ToLower(op))
	if err != nil {
		b.Fatal(err)
	}
	ours := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	b.ReportMetric(usec*1000, "redis-ns/op")
	b.ReportMetric(ours/(usec*1000), "ratio")
}

// usecPerCall reads a command's usec_per_call from INFO commandstats.
func usecPerCall(conn *Conn, cmd string) (float64, error) {
	v, err := conn.Do("INFO", "commandstats")
	if err != nil {
		return 0, err
	}
	prefix := "cmdstat_" + cmd + ":"
	for _, line := range strings.Split(v.Str, "\r\n") {
		rest, ok := strings.CutPrefix(line, prefix)
		if !ok {
			continue
		}
		for _, f := range strings.Split(rest, ",") {
			if val, ok := strings.CutPrefix(f, "usec_per_call="); ok {
				return strconv.ParseFloat(val, 64)
			}
		}
	}
	return 0, fmt.Errorf("no %s in INFO commandstats", prefix)
}

// nopSink is a keyspace.Reply that keeps nothing, so that the benchmark measures the command.
type nopSink struct{}

func (nopSink) SimpleString(string)     {}
func (nopSink) Error(string)            {}
func (nopSink) Integer(int64)           {}
func (nopSink) Bulk(string)             {}
func (nopSink) Null()                   {}
func (nopSink) NullArray()              {}
func (nopSink) ArrayLen(int)            {}
func (nopSink) MapLen(int)              {}
func (nopSink) SetLen(int)              {}
func (nopSink) Double(float64)          {}
func (nopSink) Bool(bool)               {}
func (nopSink) BigNumber(string)        {}
func (nopSink) Verbatim(string, string) {}
func (nopSink) PushLen(int)             {}
func (nopSink) Resp3() bool             { return false }
