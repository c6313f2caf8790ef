package keyspace

import (
	"strconv"
	"testing"
)

// Bit writes on an existing value happen in place until the value escapes (GET, a script, COPY),
// and a value that escaped is never changed afterwards.

const bigBitmapBytes = 1 << 20 // a 1 MB bitmap: 8M bits

// newBigBitmap returns a context whose key "bm" holds a bigBitmapBytes-byte bitmap.
func newBigBitmap() *Ctx {
	c := New().NewCtx()
	Dispatch(c, []string{"SETBIT", "bm", strconv.Itoa(bigBitmapBytes*8 - 1), "1"}, discard{})
	return c
}

// bitOffsets are SETBIT offsets spread over the whole bitmap, precomputed so that the benchmarks
// measure only the command.
func bitOffsets() []string {
	offs := make([]string, 1024)
	for i := range offs {
		offs[i] = strconv.Itoa((i * 7919 * 1031) % (bigBitmapBytes * 8))
	}
	return offs
}

// BenchmarkSETBITLarge flips bits inside a 1 MB value that nobody has read: in place, O(1).
func BenchmarkSETBITLarge(b *testing.B) {
	c := newBigBitmap()
	offs := bitOffsets()
	args := []string{"SETBIT", "bm", "", ""}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		args[2] = offs[i&1023]
		args[3] = "01"[i>>10&1 : i>>10&1+1]
		Dispatch(c, args, discard{})
	}
}

// BenchmarkSETBITLargeAfterGET reads the value (GET lets it escape) before every SETBIT, so each
// write copies the 1 MB value once: the cost every bit write had before writes in place.
func BenchmarkSETBITLargeAfterGET(b *testing.B) {
	c := newBigBitmap()
	offs := bitOffsets()
	args := []string{"SETBIT", "bm", "", ""}
	get := []string{"GET", "bm"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Dispatch(c, get, discard{})
		args[2] = offs[i&1023]
		args[3] = "01"[i>>10&1 : i>>10&1+1]
		Dispatch(c, args, discard{})
	}
}

// BenchmarkBITFIELDLarge increments a 16-bit counter inside a 1 MB value in place.
func BenchmarkBITFIELDLarge(b *testing.B) {
	c := newBigBitmap()
	offs := bitOffsets()
	args := []string{"BITFIELD", "bm", "INCRBY", "u16", "", "1"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		args[4] = offs[i&1023]
		Dispatch(c, args, discard{})
	}
}

// TestSETBITInPlaceAllocs proves that a bit write inside an existing, unread value allocates
// nothing.
func TestSETBITInPlaceAllocs(t *testing.T) {
	c := newBigBitmap()
	offs := bitOffsets()
	args := []string{"SETBIT", "bm", "", "1"}
	i := 0
	allocs := testing.AllocsPerRun(200, func() {
		args[2] = offs[i&1023]
		args[3] = "01"[i&1 : i&1+1]
		i++
		Dispatch(c, args, discard{})
	})
	if allocs != 0 {
		t.Fatalf("SETBIT inside a 1 MB value: %v allocations per call, want 0", allocs)
	}
}

// getString runs GET and returns the bulk string it answers.
func getString(c *Ctx, key string) string {
	var r recordReply
	Dispatch(c, []string{"GET", key}, &r)
	return r.bulk
}

// recordReply keeps the last bulk string written to it.
type recordReply struct {
	discard
	bulk string
}

func (r *recordReply) Bulk(s string) { r.bulk = s }

// TestBitWritesKeepEscapedStrings checks that a string handed out (GET, COPY) before bit writes
// keeps its bytes, whichever command writes next, while the stored value changes.
func TestBitWritesKeepEscapedStrings(t *testing.T) {
	writes := []struct {
		name string
		args []string
	}{
		{"setbit", []string{"SETBIT", "k", "3", "1"}},
		{"setbit-grow", []string{"SETBIT", "k", "1000", "1"}},
		{"bitfield-set", []string{"BITFIELD", "k", "SET", "u8", "0", "255"}},
		{"bitfield-incrby", []string{"BITFIELD", "k", "INCRBY", "u8", "8", "7"}},
	}
	for _, w := range writes {
		t.Run(w.name, func(t *testing.T) {
			c := New().NewCtx()
			Dispatch(c, []string{"SETBIT", "k", "200", "1"}, discard{})
			Dispatch(c, []string{"SETBIT", "k", "2", "1"}, discard{}) // in place: nobody has it
			before := getString(c, "k")
			want := string([]byte(before))
			Dispatch(c, []string{"COPY", "k", "copy"}, discard{})
			Dispatch(c, w.args, discard{})
			Dispatch(c, []string{"SETBIT", "k", "4", "1"}, discard{}) // in place again
			if before != want {
				t.Fatalf("a string returned by GET changed after %s", w.name)
			}
			if got := getString(c, "copy"); got != want {
				t.Fatalf("COPY's value changed after %s on the source", w.name)
			}
			if got := getString(c, "k"); got == want {
				t.Fatalf("%s did not change the stored value", w.name)
			}
		})
	}
}
