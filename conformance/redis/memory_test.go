package redis

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	"github.com/redmoon-dev/redmoon/keyspace"
)

const memKeys = 1_000_000

// memValue is the 10-byte value stored under key:N.
func memValue(i int) string { return fmt.Sprintf("v%09d", i) }

// BenchmarkMemoryVsRedis loads 1M keys "key:N" -> a 10-byte value into our keyspace and into a
// redis-server started for the purpose, and reports bytes per key for both (ours: Go heap in use
// after a GC; Redis: INFO memory used_memory) and their ratio. Run it once:
//
//	go test ./conformance/redis -run XXX -bench MemoryVsRedis -benchtime 1x
func BenchmarkMemoryVsRedis(b *testing.B) {
	addr, _ := oracle.StartRedis(b)
	conn, err := Dial(addr)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	for i := 0; i < b.N; i++ {
		ours := keyspaceBytesPerKey()
		theirs, err := redisBytesPerKey(conn)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(ours, "B/key")
		b.ReportMetric(theirs, "redis-B/key")
		b.ReportMetric(ours/theirs, "ratio")
	}
}

func heapInUse() uint64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func keyspaceBytesPerKey() float64 {
	before := heapInUse()
	ks := keyspace.New()
	c := ks.NewCtx()
	sink := &TreeSink{}
	args := make([]string, 3)
	args[0] = "SET"
	for i := 0; i < memKeys; i++ {
		args[1] = "key:" + strconv.Itoa(i)
		args[2] = memValue(i)
		sink.root = sink.root[:0]
		keyspace.Dispatch(c, args, sink)
	}
	after := heapInUse()
	if ks.DB(0).Len() != memKeys {
		panic("keys missing")
	}
	runtime.KeepAlive(ks)
	return float64(after-before) / memKeys
}

func usedMemory(conn *Conn) (int64, error) {
	v, err := conn.Do("INFO", "memory")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(v.Str, "\r\n") {
		if rest, ok := strings.CutPrefix(line, "used_memory:"); ok {
			return strconv.ParseInt(rest, 10, 64)
		}
	}
	return 0, fmt.Errorf("no used_memory in INFO memory")
}

func redisBytesPerKey(conn *Conn) (float64, error) {
	if _, err := conn.Do("FLUSHALL"); err != nil {
		return 0, err
	}
	before, err := usedMemory(conn)
	if err != nil {
		return 0, err
	}
	const batch = 10000
	for i := 0; i < memKeys; i += batch {
		cmds := make([][]string, 0, batch)
		for j := i; j < i+batch; j++ {
			cmds = append(cmds, []string{"SET", "key:" + strconv.Itoa(j), memValue(j)})
		}
		if _, err := conn.Pipeline(cmds); err != nil {
			return 0, err
		}
	}
	after, err := usedMemory(conn)
	if err != nil {
		return 0, err
	}
	return float64(after-before) / memKeys, nil
}
