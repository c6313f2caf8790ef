package pattern

// Character classes of the "C" locale, as the <ctype.h> functions used by lstrlib.c see them.
const (
	cAlpha = 1 << iota
	cCntrl
	cDigit
	cLower
	cPunct
	cSpace
	cUpper
	cXDigit
)

var ctype [256]uint8

func init() {
	for c := 0; c < 256; c++ {
		var t uint8
		switch {
		case c >= 'a' && c <= 'z':
			t |= cAlpha | cLower
		case c >= 'A' && c <= 'Z':
			t |= cAlpha | cUpper
		case c >= '0' && c <= '9':
			t |= cDigit
		}
		if c < 32 || c == 127 {
			t |= cCntrl
		}
		if c == ' ' || (c >= '\t' && c <= '\r') {
			t |= cSpace
		}
		if c > 32 && c < 127 && t&(cAlpha|cDigit) == 0 {
			t |= cPunct
		}
		if (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') {
			t |= cXDigit
		}
		ctype[c] = t
	}
}

// classBits maps a class letter (lower case) to its ctype bits; 'w' is alpha|digit and 'z' is
// handled apart.
var classBits = [256]uint8{
	'a': cAlpha, 'c': cCntrl, 'd': cDigit, 'l': cLower, 'p': cPunct, 's': cSpace, 'u': cUpper,
	'w': cAlpha | cDigit, 'x': cXDigit,
}

// matchClass is lstrlib.c's match_class: whether c belongs to the class named by cl (the byte
// after '%'); any other cl matches itself.
func matchClass(c, cl byte) bool {
	lower := cl
	if cl >= 'A' && cl <= 'Z' {
		lower = cl + 32
	}
	var res bool
	if lower == 'z' {
		res = c == 0
	} else if bits := classBits[lower]; bits != 0 {
		res = ctype[c]&bits != 0
	} else {
		return cl == c
	}
	if cl >= 'A' && cl <= 'Z' {
		return !res
	}
	return res
}
