package keyspace

// Glob matching with Redis's rules (util.c stringmatchlen), used by KEYS, SCAN MATCH and the
// other families' MATCH options: '*' any run of bytes, '?' one byte, '[...]' a class with '^'
// negation, 'a-z' ranges (reversed ranges allowed) and '\' escapes; '\' escapes the next byte
// anywhere. Bytes compare as C's signed char, as on x86-64.

// GlobMatch reports whether s matches pattern; nocase folds ASCII letters.
func GlobMatch(pattern, s string, nocase bool) bool {
	skip := false
	return globMatch(pattern, s, nocase, &skip)
}

// at returns p[i], or 0 past the end (the C string's terminator).
func at(p string, i int) byte {
	if i < len(p) {
		return p[i]
	}
	return 0
}

func lower(c int) int {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func globMatch(p, s string, nocase bool, skipLonger *bool) bool {
	for len(p) > 0 && len(s) > 0 {
		switch p[0] {
		case '*':
			for len(p) > 1 && p[1] == '*' {
				p = p[1:]
			}
			if len(p) == 1 {
				return true
			}
			for len(s) > 0 {
				if globMatch(p[1:], s, nocase, skipLonger) {
					return true
				}
				if *skipLonger {
					return false
				}
				s = s[1:]
			}
			*skipLonger = true
			return false
		case '?':
			s = s[1:]
		case '[':
			p = p[1:]
			not := at(p, 0) == '^'
			if not {
				p = p[1:]
			}
			match := false
			sc := int(int8(s[0]))
			for {
				if at(p, 0) == '\\' && len(p) >= 2 {
					p = p[1:]
					if p[0] == s[0] {
						match = true
					}
				} else if at(p, 0) == ']' {
					break
				} else if len(p) == 0 {
					// Unterminated class: C steps back so that the common step below ends the
					// pattern.
					p = "\x00"
					break
				} else if len(p) >= 3 && p[1] == '-' {
					start, end := int(int8(p[0])), int(int8(p[2]))
					c := sc
					if start > end {
						start, end = end, start
					}
					if nocase {
						start, end, c = lower(start), lower(end), lower(c)
					}
					p = p[2:]
					if c >= start && c <= end {
						match = true
					}
				} else if !nocase {
					if p[0] == s[0] {
						match = true
					}
				} else if lower(int(int8(p[0]))) == lower(sc) {
					match = true
				}
				p = p[1:]
			}
			if not {
				match = !match
			}
			if !match {
				return false
			}
			s = s[1:]
		case '\\':
			if len(p) >= 2 {
				p = p[1:]
			}
			fallthrough
		default:
			if !nocase {
				if p[0] != s[0] {
					return false
				}
			} else if lower(int(int8(p[0]))) != lower(int(int8(s[0]))) {
				return false
			}
			s = s[1:]
		}
		p = p[1:]
		if len(s) == 0 {
			for len(p) > 0 && p[0] == '*' {
				p = p[1:]
			}
			break
		}
	}
	return len(p) == 0 && len(s) == 0
}
