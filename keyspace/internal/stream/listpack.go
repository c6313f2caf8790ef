package stream

// Sizes of listpack elements, as Redis 7.0's listpack.c encodes them. A stream node's size in
// bytes decides when XADD starts a new node, so it is computed exactly.

// lpHeaderAndEnd is the size of an empty listpack: a 6-byte header and the end byte.
const lpHeaderAndEnd = 7

// lpIntSize is the size of an integer element without its back-length.
func lpIntSize(v int64) int {
	switch {
	case 0 <= v && v <= 127:
		return 1
	case -4096 <= v && v <= 4095:
		return 2
	case -32768 <= v && v <= 32767:
		return 3
	case -8388608 <= v && v <= 8388607:
		return 4
	case -2147483648 <= v && v <= 2147483647:
		return 5
	}
	return 9
}

// lpStringSize is the size of a string element without its back-length: strings that read as
// 64-bit integers (string2ll's syntax) are stored as integers.
func lpStringSize(s string) int {
	if v, ok := parseLL(s); ok {
		return lpIntSize(v)
	}
	switch n := len(s); {
	case n < 64:
		return 1 + n
	case n < 4096:
		return 2 + n
	default:
		return 5 + n
	}
}

// lpBacklenSize is the size of the back-length that follows an element of l bytes.
func lpBacklenSize(l int) int {
	switch {
	case l <= 127:
		return 1
	case l < 16383:
		return 2
	case l < 2097151:
		return 3
	case l < 268435455:
		return 4
	}
	return 5
}

// lpInt is the whole size of an integer element, back-length included.
func lpInt(v int64) int {
	n := lpIntSize(v)
	return n + lpBacklenSize(n)
}

// lpStr is the whole size of a string element, back-length included.
func lpStr(s string) int {
	n := lpStringSize(s)
	return n + lpBacklenSize(n)
}
