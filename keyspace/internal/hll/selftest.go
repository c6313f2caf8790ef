package hll

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"unsafe"
)

// SelfTest checks the implementation the way PFSELFTEST does: dense registers read back what
// was written, and while 1,000,000 distinct elements are added to a dense and a sparse sketch at
// once, both agree, the sparse one stays sparse while small, and at every power of ten the
// estimate is within six standard errors. It returns nil or a description starting with
// "TESTFAILED", as the command's error reply. Redis goes on to 10,000,000 elements; a tenth of
// that checks the same things in a tenth of the time.
func SelfTest() error {
	const selfTestElements = 1_000_000
	rng := rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))

	// Test 1: register access.
	regs := make([]byte, DenseSize-HdrSize)
	var want [Registers]uint8
	for round := 0; round < 50; round++ {
		for i := range want {
			want[i] = uint8(rng.IntN(regMax + 1))
			setReg(regs, i, want[i])
		}
		for i := range want {
			if got := getReg(regs, i); got != want[i] {
				return fmt.Errorf("TESTFAILED Register error: %d", i)
			}
		}
	}

	// Test 2: approximation error, dense and sparse side by side.
	dense := make([]byte, DenseSize)
	copy(dense, "HYLL")
	dense[4] = Dense
	sparse := Empty()
	relerr := 1.04 / math.Sqrt(Registers)
	seed := rng.Uint64()
	var buf [8]byte
	checkpoint := uint64(1)
	for j := uint64(1); j <= selfTestElements; j++ {
		binary.LittleEndian.PutUint64(buf[:], j^seed)
		ele := unsafe.String(&buf[0], len(buf)) // not kept by Add
		dense, _, _ = Add(dense, ele, SparseMaxBytes)
		var err error
		if sparse, _, err = Add(sparse, ele, SparseMaxBytes); err != nil {
			return fmt.Errorf("TESTFAILED %v", err)
		}
		if j != checkpoint {
			continue
		}
		if j < SparseMaxBytes/2 && sparse[4] != Sparse {
			return fmt.Errorf("TESTFAILED sparse encoding not used")
		}
		dc, _ := Count(dense)
		sc, err := Count(sparse)
		if err != nil || dc != sc {
			return fmt.Errorf("TESTFAILED dense/sparse disagree")
		}
		maxErr := uint64(math.Ceil(relerr * 6 * float64(checkpoint)))
		if j == 10 {
			maxErr = 1
		}
		absErr := int64(checkpoint) - int64(dc)
		if absErr < 0 {
			absErr = -absErr
		}
		if uint64(absErr) > maxErr {
			return fmt.Errorf("TESTFAILED Too big error. card:%d abserr:%d", checkpoint, absErr)
		}
		checkpoint *= 10
	}
	return nil
}
