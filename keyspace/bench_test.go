package keyspace

import (
	"strconv"
	"testing"
)

// Benchmarks of the in-process command path (lookup, arity check, handler, reply to a sink that
// keeps nothing). Run with: go test ./keyspace -run XXX -bench . -benchmem

func benchKeys(n int) []string {
	keys := make([]string, n)
	for i := range keys {
		keys[i] = "key:" + strconv.Itoa(i)
	}
	return keys
}

func BenchmarkGET(b *testing.B) {
	ks := New()
	c := ks.NewCtx()
	keys := benchKeys(1 << 16)
	for _, k := range keys {
		Dispatch(c, []string{"SET", k, "0123456789"}, discard{})
	}
	args := []string{"GET", ""}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		args[1] = keys[i&(1<<16-1)]
		Dispatch(c, args, discard{})
	}
}

func BenchmarkSET(b *testing.B) {
	ks := New()
	c := ks.NewCtx()
	keys := benchKeys(1 << 16)
	args := []string{"SET", "", "0123456789"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		args[1] = keys[i&(1<<16-1)]
		Dispatch(c, args, discard{})
	}
}

func BenchmarkSETWithEX(b *testing.B) {
	ks := New()
	c := ks.NewCtx()
	keys := benchKeys(1 << 16)
	args := []string{"SET", "", "0123456789", "EX", "1000"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		args[1] = keys[i&(1<<16-1)]
		Dispatch(c, args, discard{})
	}
}

func BenchmarkINCR(b *testing.B) {
	ks := New()
	c := ks.NewCtx()
	keys := benchKeys(1 << 10)
	for _, k := range keys {
		Dispatch(c, []string{"SET", k, "100000"}, discard{})
	}
	args := []string{"INCR", ""}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		args[1] = keys[i&(1<<10-1)]
		Dispatch(c, args, discard{})
	}
}

func BenchmarkLookup(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Lookup("get")
	}
}

// BenchmarkGETHot reads 1024 keys that stay in the CPU caches: the cost of the command path
// itself, without the cache misses of a large keyspace.
func BenchmarkGETHot(b *testing.B) {
	ks := New()
	c := ks.NewCtx()
	keys := benchKeys(1 << 10)
	for _, k := range keys {
		Dispatch(c, []string{"SET", k, "0123456789"}, discard{})
	}
	args := []string{"GET", ""}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		args[1] = keys[i&(1<<10-1)]
		Dispatch(c, args, discard{})
	}
}
