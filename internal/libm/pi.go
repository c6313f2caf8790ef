package libm

import "math/big"

// Pi returns pi to prec bits (Machin's formula).
func Pi(prec uint) *big.Float {
	work := prec + 64
	atanInv := func(n int64) *big.Float {
		// atan(1/n) = sum (-1)^k / ((2k+1) n^(2k+1))
		x := new(big.Float).SetPrec(work).Quo(big.NewFloat(1).SetPrec(work), new(big.Float).SetPrec(work).SetInt64(n))
		x2 := new(big.Float).SetPrec(work).Mul(x, x)
		sum := new(big.Float).SetPrec(work).Set(x)
		term := new(big.Float).SetPrec(work).Set(x)
		eps := new(big.Float).SetPrec(work).SetMantExp(big.NewFloat(1), -int(work))
		for k := int64(1); ; k++ {
			term.Mul(term, x2)
			t := new(big.Float).SetPrec(work).Quo(term, new(big.Float).SetPrec(work).SetInt64(2*k+1))
			if t.Cmp(eps) < 0 {
				break
			}
			if k%2 == 1 {
				sum.Sub(sum, t)
			} else {
				sum.Add(sum, t)
			}
		}
		return sum
	}
	pi := new(big.Float).SetPrec(work).Mul(big.NewFloat(16).SetPrec(work), atanInv(5))
	pi.Sub(pi, new(big.Float).SetPrec(work).Mul(big.NewFloat(4).SetPrec(work), atanInv(239)))
	return pi.SetPrec(prec)
}
