package runner

import (
	"context"
	"testing"

	"github.com/redmoon-dev/redmoon/keyspace"
	"github.com/redmoon-dev/redmoon/redisbridge"
)

// newBridge returns a bridge on a fresh keyspace with the job's setup done and its script
// loaded.
func newBridge(tb testing.TB, job Job) (*redisbridge.Bridge, string) {
	tb.Helper()
	b := redisbridge.New(keyspace.New(), redisbridge.Options{})
	for _, cmd := range job.Setup {
		if _, err := b.Do(context.Background(), cmd...); err != nil {
			tb.Fatal(err)
		}
	}
	sha, err := b.ScriptLoad(job.Script)
	if err != nil {
		tb.Fatal(err)
	}
	return b, sha
}

// BenchmarkEmbedded runs the embedded table's scripts through Bridge.EvalSha in-process (the
// driver's redmoon column, without the process around it).
func BenchmarkEmbedded(b *testing.B) {
	ctx := context.Background()
	for _, sc := range EmbeddedScripts() {
		b.Run(sc.Name, func(b *testing.B) {
			br, sha := newBridge(b, sc.Job)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := br.EvalSha(ctx, sha, sc.Job.Keys, sc.Job.argsAt(i)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestEmbeddedRedisCallAllocatesNothing proves the embedded table's figure of allocations
// per redis.call('GET'): through the embedded API, the script making 100 calls allocates
// exactly what the script making one call does.
func TestEmbeddedRedisCallAllocatesNothing(t *testing.T) {
	ctx := context.Background()
	allocs := func(name string) float64 {
		for _, sc := range EmbeddedScripts() {
			if sc.Name == name {
				br, sha := newBridge(t, sc.Job)
				return testing.AllocsPerRun(200, func() {
					if _, err := br.EvalSha(ctx, sha, sc.Job.Keys, nil); err != nil {
						t.Fatal(err)
					}
				})
			}
		}
		t.Fatalf("no script %q", name)
		return 0
	}
	one, hundred := allocs("GET"), allocs("100 x redis.call GET")
	if hundred != one {
		t.Errorf("EVALSHA allocations: %v with one redis.call('GET'), %v with 100; want the same", one, hundred)
	}
	t.Logf("allocations per EVALSHA through the embedded API: %v", one)
}
