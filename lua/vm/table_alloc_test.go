package vm

import (
	"fmt"
	"testing"
)

// TestSmallTableAllocations checks that tables with small constructor sizes come in one
// allocation together with their node or array part ({x = 1, y = 2} as PUC's 2 is our 1).
func TestSmallTableAllocations(t *testing.T) {
	for _, c := range []struct{ narr, nhash int }{
		{0, 0}, {0, 1}, {0, 2}, {0, 3}, {0, 4}, {1, 0}, {2, 0}, {3, 0}, {4, 0},
	} {
		var sink *Table
		n := testing.AllocsPerRun(100, func() { sink = newTable(c.narr, c.nhash, false) })
		if n != 1 {
			t.Errorf("newTable(%d, %d): %v allocations, want 1", c.narr, c.nhash, n)
		}
		if got := sink.HashSize(); c.nhash > 0 && got < c.nhash {
			t.Errorf("newTable(%d, %d): hash size %d", c.narr, c.nhash, got)
		}
		if len(sink.array) != c.narr {
			t.Errorf("newTable(%d, %d): array size %d", c.narr, c.nhash, len(sink.array))
		}
	}
}

// TestSmallTableGrowth fills tables created with embedded parts past their sizes and reads
// every key back (the embedded part is left behind by the first rehash).
func TestSmallTableGrowth(t *testing.T) {
	for _, c := range []struct{ narr, nhash int }{{0, 1}, {0, 2}, {0, 4}, {2, 0}, {4, 0}} {
		tb := newTable(c.narr, c.nhash, false)
		for i := 1; i <= 40; i++ {
			tb.SetStr(fmt.Sprint("k", i), Int(i))
			tb.SetInt(i, Int(-i))
		}
		for i := 1; i <= 40; i++ {
			if v := tb.GetStr(fmt.Sprint("k", i)); !v.IsNumber() || v.Float() != float64(i) {
				t.Fatalf("%v: k%d = %v", c, i, v)
			}
			if v := tb.GetInt(i); !v.IsNumber() || v.Float() != float64(-i) {
				t.Fatalf("%v: [%d] = %v", c, i, v)
			}
		}
		if n := tb.Len(); n != 40 {
			t.Errorf("%v: #t = %d, want 40", c, n)
		}
	}
}
