package geohash

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

const refPrec = 320

func bigF(x float64) *big.Float { return new(big.Float).SetPrec(refPrec).SetFloat64(x) }

// refSinCos evaluates sin and cos of x by their Taylor series in 320-bit arithmetic.
func refSinCos(x float64) (*big.Float, *big.Float) {
	X := bigF(x)
	x2 := new(big.Float).SetPrec(refPrec).Mul(X, X)
	s := new(big.Float).SetPrec(refPrec).Set(X)
	c := bigF(1)
	ts := new(big.Float).SetPrec(refPrec).Set(X)
	tc := bigF(1)
	for n := 1; n < 45; n++ {
		ts.Mul(ts, x2)
		ts.Quo(ts, bigF(float64((2*n)*(2*n+1))))
		ts.Neg(ts)
		s.Add(s, ts)
		tc.Mul(tc, x2)
		tc.Quo(tc, bigF(float64((2*n-1)*(2*n))))
		tc.Neg(tc)
		c.Add(c, tc)
	}
	return s, c
}

func round(f *big.Float) float64 {
	v, _ := f.Float64()
	return v
}

func TestSinCosCorrectlyRounded(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	n := 1500
	if testing.Short() {
		n = 300
	}
	bad := 0
	goBad := 0
	for i := 0; i < n; i++ {
		x := (r.Float64()*2 - 1) * 3.5
		if i%3 == 0 {
			x *= 1e-3
		}
		s, c := refSinCos(x)
		if got, want := sin(x), round(s); got != want {
			bad++
			t.Errorf("sin(%v) = %v, want %v", x, got, want)
		}
		if got, want := cos(x), round(c); got != want {
			bad++
			t.Errorf("cos(%v) = %v, want %v", x, got, want)
		}
		if math.Sin(x) != round(s) || math.Cos(x) != round(c) {
			goBad++
		}
		if bad > 10 {
			t.FailNow()
		}
	}
	t.Logf("math.Sin/Cos differ from the correctly rounded value on %d of %d inputs", goBad, n)
}

func TestAsinCorrectlyRounded(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	n := 1500
	if testing.Short() {
		n = 300
	}
	for i := 0; i < n; i++ {
		x := r.Float64()
		if i%4 == 0 {
			x *= 1e-4
		}
		y := asin(x)
		// y is correctly rounded when sin(y) is closer to x than sin of both neighbours.
		err := func(c float64) *big.Float {
			s, _ := refSinCos(c)
			s.Sub(s, bigF(x))
			return s.Abs(s)
		}
		e := err(y)
		for _, nb := range []float64{math.Nextafter(y, 0), math.Nextafter(y, 2)} {
			if err(nb).Cmp(e) < 0 {
				t.Fatalf("asin(%v) = %v, but %v is closer", x, y, nb)
			}
		}
	}
}

func BenchmarkDistance(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Distance(13.361389, 38.115556, 15.087269+float64(i&7)*1e-3, 37.502669)
	}
}

func BenchmarkDistanceFast(b *testing.B) {
	for i := 0; i < b.N; i++ {
		distanceFast(13.361389, 38.115556, 15.087269+float64(i&7)*1e-3, 37.502669)
	}
}
