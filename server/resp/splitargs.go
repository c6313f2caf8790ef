package resp

// SplitArgs splits an inline request line into arguments exactly as Redis's sdssplitargs does,
// appending them to dst. Arguments are separated by blanks; "double quotes" understand the escapes
// \xHH \n \r \t \b \a (any other escaped byte stands for itself), 'single quotes' only \'; a
// closing quote must be followed by a blank or the end of the line; a quote may start in the
// middle of an argument (a"b c" is the argument `ab c`). A NUL byte ends the line. ok is false for
// unbalanced quotes.
//
// Unescaping happens in place: the returned arguments alias line, whose bytes are overwritten.
func SplitArgs(dst [][]byte, line []byte) (args [][]byte, ok bool) {
	at := func(i int) byte { // the byte at i, or NUL past the end, like a C string
		if i < len(line) {
			return line[i]
		}
		return 0
	}
	p := 0
	for {
		for at(p) != 0 && isSpace(at(p)) {
			p++
		}
		if at(p) == 0 {
			return dst, true
		}
		start, w := p, p // the token is written at w, which never passes p
		inq, insq, done := false, false, false
		for !done {
			c := at(p)
			switch {
			case inq:
				switch {
				case c == '\\' && at(p+1) == 'x' && isHex(at(p+2)) && isHex(at(p+3)):
					line[w] = hexVal(at(p+2))<<4 | hexVal(at(p+3))
					w++
					p += 3
				case c == '\\' && at(p+1) != 0:
					p++
					e := line[p]
					switch e {
					case 'n':
						e = '\n'
					case 'r':
						e = '\r'
					case 't':
						e = '\t'
					case 'b':
						e = '\b'
					case 'a':
						e = '\a'
					}
					line[w] = e
					w++
				case c == '"':
					if n := at(p + 1); n != 0 && !isSpace(n) {
						return dst, false
					}
					done = true
				case c == 0:
					return dst, false
				default:
					line[w] = c
					w++
				}
			case insq:
				switch {
				case c == '\\' && at(p+1) == '\'':
					p++
					line[w] = '\''
					w++
				case c == '\'':
					if n := at(p + 1); n != 0 && !isSpace(n) {
						return dst, false
					}
					done = true
				case c == 0:
					return dst, false
				default:
					line[w] = c
					w++
				}
			default:
				switch c {
				case ' ', '\n', '\r', '\t', 0:
					done = true
				case '"':
					inq = true
				case '\'':
					insq = true
				default:
					line[w] = c
					w++
				}
			}
			if at(p) != 0 {
				p++
			}
		}
		dst = append(dst, line[start:w:w])
	}
}

// isSpace is C's isspace in the C locale.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func hexVal(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}
