package keyspace

import (
	"fmt"
	"strconv"
	"testing"
)

// Benchmarks of XADD, XRANGE, PFADD and PFCOUNT at 1k, 100k and 1M elements, through the whole
// command path. Run with: go test ./keyspace -run XXX -bench 'XADD|XRANGE|PFADD|PFCOUNT' -benchmem
// conformance/redis's BenchmarkStreamsHLLVsRedis measures the same against redis-server.

var benchSizes = []int{1_000, 100_000, 1_000_000}

func sizeName(n int) string {
	switch {
	case n >= 1_000_000:
		return fmt.Sprintf("%dM", n/1_000_000)
	case n >= 1_000:
		return fmt.Sprintf("%dk", n/1_000)
	}
	return strconv.Itoa(n)
}

// filledStream returns a keyspace whose key "s" is a stream of n entries with IDs 1-0 .. n-0,
// each with one field, and the IDs.
func filledStream(n int) (*Ctx, []string) {
	ks := New()
	ks.Clock.Set(1)
	c := ks.NewCtx()
	ids := make([]string, n)
	args := []string{"XADD", "s", "", "field", ""}
	for i := 0; i < n; i++ {
		ids[i] = strconv.Itoa(i+1) + "-0"
		args[2], args[4] = ids[i], "value:"+strconv.Itoa(i)
		Dispatch(c, args, discard{})
	}
	return c, ids
}

func BenchmarkXADD(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(sizeName(n), func(b *testing.B) {
			c, _ := filledStream(n)
			args := []string{"XADD", "s", "*", "field", "value"}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				Dispatch(c, args, discard{})
			}
		})
	}
}

func BenchmarkXRANGE(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(sizeName(n), func(b *testing.B) {
			c, ids := filledStream(n)
			args := []string{"XRANGE", "s", "", "+", "COUNT", "10"}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				args[2] = ids[(i*7919)%n]
				Dispatch(c, args, discard{})
			}
		})
	}
}

// filledHLL returns a keyspace whose key "h" is a HyperLogLog of n elements.
func filledHLL(n int) *Ctx {
	ks := New()
	c := ks.NewCtx()
	args := []string{"PFADD", "h"}
	for i := 0; i < n; i++ {
		args = append(args, "element:"+strconv.Itoa(i))
		if len(args) == 1002 || i == n-1 {
			Dispatch(c, args, discard{})
			args = args[:2]
		}
	}
	return c
}

func BenchmarkPFADD(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(sizeName(n), func(b *testing.B) {
			c := filledHLL(n)
			elems := make([]string, 1<<16)
			for i := range elems {
				elems[i] = "new:" + strconv.Itoa(i)
			}
			args := []string{"PFADD", "h", ""}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				args[2] = elems[i&(1<<16-1)]
				Dispatch(c, args, discard{})
			}
		})
	}
}

// BenchmarkPFCOUNT counts a sketch whose cached cardinality is stale, as after a PFADD that
// changed a register (the value is put back before each count).
func BenchmarkPFCOUNT(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(sizeName(n), func(b *testing.B) {
			c := filledHLL(n)
			e := c.DB.dict.find("h")
			stale := e.str
			args := []string{"PFCOUNT", "h"}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				e.str = stale
				Dispatch(c, args, discard{})
			}
		})
	}
}
