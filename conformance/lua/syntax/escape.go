package syntax

import (
	"fmt"
	"strings"
)

// Escape writes every byte below 32, the backslash and every byte from 127 up as a three-digit
// decimal escape "\ddd" (as in a Lua string literal), so a field never holds a tab or newline.
func Escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 32 || c == '\\' || c >= 127 {
			fmt.Fprintf(&b, "\\%03d", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Unescape reverses Escape; a backslash must start a \ddd escape of a value up to 255.
func Unescape(s string) (string, error) {
	if !strings.Contains(s, `\`) {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		if i+4 > len(s) {
			return "", fmt.Errorf("truncated escape in %q", s)
		}
		v := 0
		for _, d := range []byte(s[i+1 : i+4]) {
			if d < '0' || d > '9' {
				return "", fmt.Errorf("bad escape %q in %q", s[i:i+4], s)
			}
			v = v*10 + int(d-'0')
		}
		if v > 255 {
			return "", fmt.Errorf("bad escape %q in %q", s[i:i+4], s)
		}
		b.WriteByte(byte(v))
		i += 3
	}
	return b.String(), nil
}
