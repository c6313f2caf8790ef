// Package rand48 is the random number generator Redis gives Lua scripts in place of C's rand():
// the 48-bit linear congruential generator of lrand48 (x = 0x5DEECE66D*x + 0xB mod 2^48, output
// the top 31 bits), as Redis's redisLrand48 and redisSrand48 implement it, and the arithmetic
// of Redis's math.random on top of it.
package rand48

import "math"

const (
	mult    = 0x5DEECE66D
	add     = 0xB
	mask48  = 1<<48 - 1
	initial = 0x1234ABCD330E // Redis's state when the server starts
	// Max is REDIS_LRAND48_MAX, the divisor of math.random.
	Max = math.MaxInt32
)

// Gen is the generator state. Redis keeps one per process, shared by every script and never
// reset except by math.randomseed. A Gen is not safe for concurrent use.
type Gen struct{ x uint64 }

// New returns a generator in the state Redis starts with.
func New() *Gen { return &Gen{x: initial} }

// Seed is redisSrand48: the state becomes seed's 32 bits above 0x330E.
func (g *Gen) Seed(seed int32) { g.x = uint64(uint32(seed))<<16 | 0x330E }

// Next is redisLrand48: it advances the state and returns its top 31 bits.
func (g *Gen) Next() int32 {
	g.x = (mult*g.x + add) & mask48
	return int32(g.x >> 17)
}

// Float is the number Redis's math.random() returns: the next output modulo Max, divided
// by Max, in [0, 1).
func (g *Gen) Float() float64 {
	return float64(g.Next()%Max) / Max
}

// Int is math.random(u) for r = Float(): floor(r*u)+1.
func Int(r float64, u int32) float64 { return math.Floor(r*float64(u)) + 1 }

// Range is math.random(l, u) for r = Float(): floor(r*(u-l+1))+l, with C's int arithmetic for
// u-l+1 (it wraps around as on x86-64).
func Range(r float64, l, u int32) float64 {
	return math.Floor(r*float64(u-l+1)) + float64(l)
}
