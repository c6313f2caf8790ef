package stdlib

import "github.com/redmoon-dev/redmoon/lua/stdlib/internal/rand48"

// CRandom is the generator PUC Lua 5.1 uses on Linux: glibc's rand() (the additive feedback
// generator behind random(), with its default 31-word state), and math.random's arithmetic
// (rand() % RAND_MAX) / RAND_MAX. A new CRandom is seeded with 1, as C programs start. It is not
// safe for concurrent use.
type CRandom struct {
	r [34]int32
	k int // index of the oldest word in the ring of the last 34 outputs
}

const randMax = 2147483647

// NewCRandom returns glibc's rand() seeded with 1.
func NewCRandom() *CRandom {
	c := &CRandom{}
	c.Seed(1)
	return c
}

// Seed is srand(seed).
func (c *CRandom) Seed(seed int32) {
	var r [344]int32
	if seed == 0 {
		seed = 1
	}
	r[0] = seed
	word := seed // glibc keeps the word in an int32_t
	for i := 1; i < 31; i++ {
		// word = (16807 * word) % 2147483647, computed as glibc does (C division truncates).
		hi := int64(word) / 127773
		lo := int64(word) % 127773
		word = int32(16807*lo - 2836*hi)
		if word < 0 {
			word += 2147483647
		}
		r[i] = word
	}
	for i := 31; i < 34; i++ {
		r[i] = r[i-31]
	}
	for i := 34; i < 344; i++ {
		r[i] = int32(uint32(r[i-31]) + uint32(r[i-3]))
	}
	copy(c.r[:], r[310:344])
	c.k = 0
}

// next is rand(): the next 31-bit output.
func (c *CRandom) next() int32 {
	// The ring holds the last 34 words; the new word is w[n-31] + w[n-3].
	n := c.k
	v := int32(uint32(c.r[(n+3)%34]) + uint32(c.r[(n+31)%34]))
	c.r[n] = v
	c.k = (n + 1) % 34
	return int32(uint32(v) >> 1)
}

// Float returns (rand() % RAND_MAX) / RAND_MAX, as Lua 5.1's math.random does.
func (c *CRandom) Float() float64 {
	return float64(c.next()%randMax) / randMax
}

// RedisRandom is Redis's replacement generator for math.random (a 48-bit rand48-style linear
// congruential generator). Redis keeps a single one per server process, seeded once at start
// and shared by every script (EVAL and functions alike); SCRIPT FLUSH does not reset it. It is
// not safe for concurrent use.
type RedisRandom struct{ g *rand48.Gen }

// NewRedisRandom returns Redis's generator in the state of a freshly started server.
func NewRedisRandom() *RedisRandom { return &RedisRandom{g: rand48.New()} }

// Float returns the number Redis's math.random() returns.
func (r *RedisRandom) Float() float64 { return r.g.Float() }

// Seed is Redis's math.randomseed.
func (r *RedisRandom) Seed(seed int32) { r.g.Seed(seed) }
