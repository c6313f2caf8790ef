package lexer

// Character classes of C's <ctype.h> in the "C" locale, which is the locale the lua5.1 binary
// runs in: bytes from 128 up belong to no class.

const (
	cSpace = 1 << iota
	cDigit
	cAlpha
	cCntrl
)

var ctype [256]uint8

func init() {
	for c := 0; c < 256; c++ {
		var k uint8
		switch {
		case c == ' ' || (c >= '\t' && c <= '\r'):
			k |= cSpace
		}
		if c >= '0' && c <= '9' {
			k |= cDigit
		}
		if (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') {
			k |= cAlpha
		}
		if c < 32 || c == 127 {
			k |= cCntrl
		}
		ctype[c] = k
	}
}

func isSpace(c byte) bool { return ctype[c]&cSpace != 0 }
func isDigit(c byte) bool { return ctype[c]&cDigit != 0 }
func isCntrl(c byte) bool { return ctype[c]&cCntrl != 0 }

// isNameChar reports isalnum(c) || c == '_'.
func isNameChar(c byte) bool { return ctype[c]&(cDigit|cAlpha) != 0 || c == '_' }

// isNameStart reports isalpha(c) || c == '_'.
func isNameStart(c byte) bool { return ctype[c]&cAlpha != 0 || c == '_' }
