package hll

// murmurSeed is the seed Redis passes to MurmurHash64A for HyperLogLog elements.
const murmurSeed = 0xadc83b19

// MurmurHash64A is Austin Appleby's 64-bit MurmurHash2 as Redis's hyperloglog.c uses it: 8-byte
// blocks read little-endian, the tail folded in byte by byte.
func MurmurHash64A(key string, seed uint32) uint64 {
	const m = 0xc6a4a7935bd1e995
	const r = 47
	n := len(key)
	h := uint64(seed) ^ (uint64(n) * m)
	i := 0
	for ; i+8 <= n; i += 8 {
		k := uint64(key[i]) | uint64(key[i+1])<<8 | uint64(key[i+2])<<16 | uint64(key[i+3])<<24 |
			uint64(key[i+4])<<32 | uint64(key[i+5])<<40 | uint64(key[i+6])<<48 | uint64(key[i+7])<<56
		k *= m
		k ^= k >> r
		k *= m
		h ^= k
		h *= m
	}
	if rest := n & 7; rest != 0 {
		for j := rest - 1; j >= 0; j-- {
			h ^= uint64(key[i+j]) << (8 * uint(j))
		}
		h *= m
	}
	h ^= h >> r
	h *= m
	h ^= h >> r
	return h
}

// patLen returns the register an element updates and the length of the run of zeros (plus one)
// in its hash, as hllPatLen does: the low 14 bits pick the register, the next 50 bits give the
// run, which is therefore between 1 and 51.
func patLen(ele string) (reg int, count uint8) {
	hash := MurmurHash64A(ele, murmurSeed)
	reg = int(hash & pMask)
	hash >>= p
	hash |= 1 << q
	count = 1
	for bit := uint64(1); hash&bit == 0; bit <<= 1 {
		count++
	}
	return reg, count
}
