package hll

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
)

// The representation is checked against redis-server by the case files in conformance/redis
// (hll.cases, hll-random.cases: PFCOUNT answers and GET bytes). These tests check internal
// consistency: the sparse and dense encodings always describe the same registers and estimate.

func TestEmpty(t *testing.T) {
	// createHLLObject: header, sparse, one XZERO of 16384 registers (0x7f 0xff).
	want := []byte("HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x7f\xff")
	if got := Empty(); !bytes.Equal(got, want) {
		t.Fatalf("Empty() = %q, want %q", got, want)
	}
	if !Valid(string(Empty())) {
		t.Fatal("empty sketch not valid")
	}
	if n, err := Count(Empty()); err != nil || n != 0 {
		t.Fatalf("Count(empty) = %d, %v", n, err)
	}
}

func TestValid(t *testing.T) {
	dense := make([]byte, DenseSize)
	copy(dense, "HYLL")
	cases := []struct {
		s    string
		want bool
	}{
		{string(Empty()), true},
		{string(dense), true},
		{string(dense[:DenseSize-1]), false},
		{string(append(dense, 0)), false},
		{"HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", true},
		{"HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", false},
		{"HYLL\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x7f\xff", false},
		{"HYLX\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x7f\xff", false},
		{"", false},
	}
	for _, c := range cases {
		if got := Valid(c.s); got != c.want {
			t.Errorf("Valid(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

func TestRegisters(t *testing.T) {
	regs := make([]byte, DenseSize-HdrSize)
	rng := rand.New(rand.NewPCG(7, 7))
	want := make([]uint8, Registers)
	for round := 0; round < 20; round++ {
		for i := range want {
			want[i] = uint8(rng.IntN(64))
			setReg(regs, i, want[i])
		}
		for i := range want {
			if got := getReg(regs, i); got != want[i] {
				t.Fatalf("register %d = %d, want %d", i, got, want[i])
			}
		}
	}
}

// denseRegs returns the registers of a sketch in either encoding.
func denseRegs(t *testing.T, b []byte) []byte {
	t.Helper()
	d, err := ToDense(append([]byte(nil), b...))
	if err != nil {
		t.Fatal(err)
	}
	return d[HdrSize:]
}

func TestSparseDenseAgree(t *testing.T) {
	for _, maxSparse := range []int{SparseMaxBytes, 200, 20000} {
		t.Run(fmt.Sprint(maxSparse), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(maxSparse), 1))
			sparse := Empty()
			dense, _ := ToDense(Empty())
			promoted := 0
			for i := 0; i < 8000; i++ {
				ele := fmt.Sprint(rng.Uint64())
				var ns, nd int
				var err error
				sparse, ns, err = Add(sparse, ele, maxSparse)
				if err != nil {
					t.Fatal(err)
				}
				dense, nd, _ = Add(dense, ele, maxSparse)
				if ns != nd {
					t.Fatalf("element %d: sparse changed=%d, dense changed=%d", i, ns, nd)
				}
				if Encoding(sparse) == Sparse {
					if len(sparse) > maxSparse {
						t.Fatalf("sparse sketch of %d bytes exceeds %d", len(sparse), maxSparse)
					}
				} else if promoted == 0 {
					promoted = i
				}
				if i%97 == 0 || i < 300 {
					if !bytes.Equal(denseRegs(t, sparse), dense[HdrSize:]) {
						t.Fatalf("element %d: registers differ", i)
					}
					cs, err := Count(sparse)
					cd, _ := Count(dense)
					if err != nil || cs != cd {
						t.Fatalf("element %d: count sparse %d (%v), dense %d", i, cs, err, cd)
					}
				}
			}
			if promoted == 0 && maxSparse < 3000 {
				t.Fatal("never promoted to dense")
			}
		})
	}
}

func TestMergeMatchesUnion(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	a, b, u := Empty(), Empty(), Empty()
	for i := 0; i < 3000; i++ {
		e := fmt.Sprint(rng.IntN(5000))
		if i%2 == 0 {
			a, _, _ = Add(a, e, SparseMaxBytes)
		} else {
			b, _, _ = Add(b, e, SparseMaxBytes)
		}
		u, _, _ = Add(u, e, SparseMaxBytes)
	}
	var max [Registers]uint8
	if err := Merge(&max, a); err != nil {
		t.Fatal(err)
	}
	if err := Merge(&max, b); err != nil {
		t.Fatal(err)
	}
	want, _ := Count(u)
	if got := CountMax(&max); got != want {
		t.Fatalf("union count %d, want %d", got, want)
	}
}

func TestCache(t *testing.T) {
	b := Empty()
	if _, ok := CachedCard(b); !ok {
		t.Fatal("new sketch has no valid cache")
	}
	InvalidateCache(b)
	if _, ok := CachedCard(b); ok {
		t.Fatal("cache still valid after InvalidateCache")
	}
	SetCachedCard(b, 0x0102030405060708)
	if n, ok := CachedCard(b); !ok || n != 0x0102030405060708 {
		t.Fatalf("cached %x, %v", n, ok)
	}
	if !bytes.Equal(b[8:16], []byte{8, 7, 6, 5, 4, 3, 2, 1}) {
		t.Fatalf("card bytes %x, want little endian", b[8:16])
	}
}

func TestSelfTest(t *testing.T) {
	if testing.Short() {
		t.Skip("10M elements")
	}
	if err := SelfTest(); err != nil {
		t.Fatal(err)
	}
}

// FuzzSparse feeds arbitrary opcodes as a sparse sketch (a user can SET any bytes and then use
// the key as a HyperLogLog): nothing may panic, and whenever the sketch decodes, every reading
// of it agrees.
func FuzzSparse(f *testing.F) {
	f.Add([]byte{0x7f, 0xff}, "a")
	f.Add([]byte{0x7f}, "b")
	f.Add([]byte{0x80, 0x7f, 0xfe}, "c")
	f.Add([]byte{0x40, 0x00, 0xfc, 0x7f, 0xfc}, "d")
	f.Add([]byte{}, "e")
	f.Fuzz(func(t *testing.T, ops []byte, ele string) {
		b := append([]byte("HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80"), ops...)
		cnt, cerr := Count(b)
		var max [Registers]uint8
		merr := Merge(&max, b)
		d, derr := ToDense(append([]byte(nil), b...))
		_ = Decode(b)
		if (cerr == nil) != (derr == nil) || (merr == nil) != (derr == nil) {
			t.Fatalf("count %v, merge %v, todense %v", cerr, merr, derr)
		}
		if derr == nil {
			dc, _ := Count(d)
			if dc != cnt || CountMax(&max) != cnt {
				t.Fatalf("count sparse %d, dense %d, merged %d", cnt, dc, CountMax(&max))
			}
		}
		nb, _, aerr := Add(append([]byte(nil), b...), ele, SparseMaxBytes)
		if cerr == nil && derr == nil && aerr == nil {
			if _, err := Count(nb); err != nil {
				t.Fatalf("valid sketch became invalid after Add: %v", err)
			}
		}
	})
}
