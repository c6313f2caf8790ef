package cfmt

const (
	two63 = 9223372036854775808.0
	two31 = 2147483648.0
)

// Long is C's (long)f on x86-64: truncation toward zero, and the "integer indefinite" value
// math.MinInt64 for NaNs and values out of range.
func Long(f float64) int64 {
	if f != f || f >= two63 || f < -two63 {
		return -1 << 63
	}
	return int64(f)
}

// ULong is C's (unsigned long)f as GCC compiles it for x86-64: values below 2^63 (and NaNs)
// convert as a signed long, larger ones are reduced by 2^63 first and get the top bit back.
func ULong(f float64) uint64 {
	if !(f >= two63) {
		return uint64(Long(f))
	}
	return uint64(Long(f-two63)) ^ (1 << 63)
}

// Int is C's (int)f on x86-64: truncation toward zero, and math.MinInt32 for NaNs and values
// out of range.
func Int(f float64) int32 {
	if f != f || f >= two31 || f <= -two31-1 {
		return -1 << 31
	}
	return int32(f)
}
