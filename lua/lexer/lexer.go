// Package lexer turns Lua 5.1 source into tokens exactly as PUC Lua 5.1.5's llex.c does: the
// same tokens, the same line numbers (a "\r\n" or "\n\r" pair counts once), the same numerals
// (read greedily, converted as luaO_str2d), the same escapes and long brackets, and the same
// error messages, such as "malformed number near '3x'".
//
// The lexer works on a byte slice and reads it as PUC's C code does, quirks included: bytes
// from 128 up are neither letters nor spaces, and a zero byte ends a numeral's text as it ends
// a C string. A Lexer is used by the parser; it can also be used alone:
//
//	lx := lexer.New(src, "=stdin", lexer.Options{})
//	var it lexer.Item
//	for {
//		if err := lx.Scan(&it); err != nil { ... }
//		if it.Tok == lexer.EOS { break }
//	}
package lexer

import (
	"github.com/redmoon-dev/redmoon/lua/internal/luanum"
)

// Options change how a source is read.
type Options struct {
	// SkipHashLine skips a first line that starts with '#' (a Unix "#!" line), as the lua5.1
	// binary and luaL_loadfile do when loading a file. Line numbers are unchanged: the line
	// still counts. loadstring and lua_load of a string never skip it.
	SkipHashLine bool
}

// Item is a scanned token with its value and line.
type Item struct {
	Tok Token
	// Line is ls->linenumber after the token was read: the line where the token ends.
	Line int
	// Str is the identifier of a Name and the value (escapes processed) of a String.
	Str string
	// Num is the value of a Number.
	Num float64

	start, end int  // the token's bytes in the source
	long       int  // String: 0 for a quoted string, else the long bracket level + 1
	quote      byte // String: the quote character of a quoted string
}

// Lexer reads tokens from a Lua source.
type Lexer struct {
	src    []byte
	pos    int
	line   int
	source string
	buf    []byte
	names  intern
}

// New returns a lexer for src. source is the chunk name (as lua_load gets it), used in error
// messages through ChunkIDSize.
func New(src []byte, source string, opts Options) *Lexer {
	lx := &Lexer{}
	lx.Reset(src, source, opts)
	return lx
}

// Reset makes lx read src from the start, reusing its buffers.
func (lx *Lexer) Reset(src []byte, source string, opts Options) {
	lx.src = src
	lx.pos = 0
	lx.line = 1
	lx.source = source
	lx.names.reset()
	if opts.SkipHashLine && len(src) > 0 && src[0] == '#' {
		for lx.pos < len(src) && src[lx.pos] != '\n' {
			lx.pos++
		}
	}
}

// Line returns ls->linenumber: the current line of the reader, which is the line where the last
// scanned token ends.
func (lx *Lexer) Line() int { return lx.line }

// Source returns the chunk name given to New.
func (lx *Lexer) Source() string { return lx.source }

// Error returns a syntax error at the reader's current line, as luaX_lexerror does. With a
// token it, the message ends with " near 'TOKEN'" (see TokenText); with nil, or for the token
// whose value is 0, it has no "near" part.
func (lx *Lexer) Error(msg string, it *Item) *Error {
	e := &Error{ChunkID: ChunkIDSize(lx.source, SyntaxIDSize), Line: lx.line, Msg: msg}
	if it != nil {
		e.Near, e.HasNear = lx.TokenText(it)
	}
	return e
}

// TokenText returns the text PUC's txtToken gives for it in an error message: the token's own
// bytes for names, numerals and strings (strings with their delimiters and escapes processed,
// cut at a zero byte as C would), luaX_token2str for other tokens. The boolean is false for
// the token with value 0 (a zero byte in the source), which PUC does not name.
func (lx *Lexer) TokenText(it *Item) (string, bool) {
	switch it.Tok {
	case 0:
		return "", false
	case Name:
		return it.Str, true
	case Number:
		return cstring(string(lx.src[it.start:it.end])), true
	case String:
		return cstring(stringText(it)), true
	}
	return it.Tok.String(), true
}

func stringText(it *Item) string {
	if it.long == 0 {
		return string(it.quote) + it.Str + string(it.quote)
	}
	eq := make([]byte, it.long-1)
	for i := range eq {
		eq[i] = '='
	}
	return "[" + string(eq) + "[" + it.Str + "]" + string(eq) + "]"
}

// cstring cuts s at its first zero byte, as C string functions see it.
func cstring(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			return s[:i]
		}
	}
	return s
}

// errNear is an error naming an arbitrary text (the lexer's buffer) as the near token.
func (lx *Lexer) errNear(msg, near string) *Error {
	return &Error{ChunkID: ChunkIDSize(lx.source, SyntaxIDSize), Line: lx.line, Msg: msg,
		Near: cstring(near), HasNear: true}
}

// incLine consumes a line end at lx.pos ("\n", "\r", "\n\r" or "\r\n") and counts one line.
func (lx *Lexer) incLine() {
	old := lx.src[lx.pos]
	lx.pos++
	if lx.pos < len(lx.src) {
		if c := lx.src[lx.pos]; (c == '\n' || c == '\r') && c != old {
			lx.pos++
		}
	}
	lx.line++
}

// checkNext2 is llex.c's check_next with a two-character set: it consumes the current byte if
// it is a or b, or a zero byte (which C's strchr finds as the set's terminator).
func (lx *Lexer) checkNext2(a, b byte) bool {
	if lx.pos < len(lx.src) {
		if c := lx.src[lx.pos]; c == a || c == b || c == 0 {
			lx.pos++
			return true
		}
	}
	return false
}

// Scan reads the next token into it. At the end of the source it returns the EOS token, again
// on every later call. A lexical error is returned as an *Error.
func (lx *Lexer) Scan(it *Item) error {
	src := lx.src
	for {
		if lx.pos >= len(src) {
			it.Tok = EOS
			it.Line = lx.line
			it.start, it.end = lx.pos, lx.pos
			return nil
		}
		start := lx.pos
		c := src[lx.pos]
		switch c {
		case '\n', '\r':
			lx.incLine()
			continue
		case '-':
			lx.pos++
			if lx.pos >= len(src) || src[lx.pos] != '-' {
				return lx.single(it, '-', start)
			}
			lx.pos++
			if lx.pos < len(src) && src[lx.pos] == '[' {
				if sep := lx.skipSep(); sep >= 0 {
					if err := lx.readLong(it, sep, false); err != nil {
						return err
					}
					continue
				}
			}
			for lx.pos < len(src) && src[lx.pos] != '\n' && src[lx.pos] != '\r' {
				lx.pos++
			}
			continue
		case '[':
			sep := lx.skipSep()
			if sep >= 0 {
				if err := lx.readLong(it, sep, true); err != nil {
					return err
				}
				it.Tok = String
				it.Line = lx.line
				it.start, it.end = start, lx.pos
				return nil
			}
			if sep == -1 {
				return lx.single(it, '[', start)
			}
			return lx.errNear("invalid long string delimiter", string(src[start:lx.pos]))
		case '=', '<', '>', '~':
			lx.pos++
			if lx.pos < len(src) && src[lx.pos] == '=' {
				lx.pos++
				var t Token
				switch c {
				case '=':
					t = Eq
				case '<':
					t = Le
				case '>':
					t = Ge
				default:
					t = Ne
				}
				return lx.single(it, t, start)
			}
			return lx.single(it, Token(c), start)
		case '"', '\'':
			return lx.readString(it, c)
		case '.':
			lx.pos++
			if lx.checkNext2('.', '.') {
				if lx.checkNext2('.', '.') {
					return lx.single(it, Dots, start)
				}
				return lx.single(it, Concat, start)
			}
			if lx.pos >= len(src) || !isDigit(src[lx.pos]) {
				return lx.single(it, '.', start)
			}
			return lx.readNumeral(it, start)
		default:
			if isSpace(c) {
				lx.pos++
				continue
			}
			if isDigit(c) {
				return lx.readNumeral(it, start)
			}
			if isNameStart(c) {
				h := hashStep(hashInit, c)
				p := lx.pos + 1
				for p < len(src) && isNameChar(src[p]) {
					h = hashStep(h, src[p])
					p++
				}
				lx.pos = p
				if t := keyword(src[start:p]); t != 0 {
					return lx.single(it, t, start)
				}
				it.Tok = Name
				it.Str = lx.names.get(src[start:p], h)
				it.Line = lx.line
				it.start, it.end = start, p
				return nil
			}
			lx.pos++
			return lx.single(it, Token(c), start)
		}
	}
}

func (lx *Lexer) single(it *Item, t Token, start int) error {
	it.Tok = t
	it.Line = lx.line
	it.start, it.end = start, lx.pos
	return nil
}

// readNumeral is read_numeral: digits and dots, an optional exponent mark with optional sign,
// then any letters, digits and underscores; the text is converted by luaO_str2d.
func (lx *Lexer) readNumeral(it *Item, start int) error {
	src := lx.src
	for lx.pos < len(src) && (isDigit(src[lx.pos]) || src[lx.pos] == '.') {
		lx.pos++
	}
	if lx.checkNext2('E', 'e') {
		lx.checkNext2('+', '-')
	}
	for lx.pos < len(src) && isNameChar(src[lx.pos]) {
		lx.pos++
	}
	text := src[start:lx.pos]
	v, ok := parseNumber(text)
	if !ok {
		return lx.errNear("malformed number", string(text))
	}
	it.Tok = Number
	it.Num = v
	it.Line = lx.line
	it.start, it.end = start, lx.pos
	return nil
}

// parseNumber converts a numeral; short decimal integers skip the general conversion.
func parseNumber(text []byte) (float64, bool) {
	if len(text) <= 15 {
		var v uint64
		i := 0
		for ; i < len(text); i++ {
			c := text[i]
			if c < '0' || c > '9' {
				break
			}
			v = v*10 + uint64(c-'0')
		}
		if i == len(text) {
			return float64(v), true
		}
	}
	return luanum.ParseNumber(string(text))
}

// skipSep is skip_sep: at a '[' or ']', it consumes it and any '=' signs that follow and
// returns their count when the same bracket follows, else -count-1.
func (lx *Lexer) skipSep() int {
	src := lx.src
	s := src[lx.pos]
	lx.pos++
	count := 0
	for lx.pos < len(src) && src[lx.pos] == '=' {
		lx.pos++
		count++
	}
	if lx.pos < len(src) && src[lx.pos] == s {
		return count
	}
	return -count - 1
}

// readLong is read_long_string for a long string (str) or a long comment, with lx.pos at the
// second '[' of an opening bracket of level sep. A string's value goes to it.Str.
func (lx *Lexer) readLong(it *Item, sep int, str bool) error {
	src := lx.src
	lx.pos++ // the second '['
	if lx.pos < len(src) && (src[lx.pos] == '\n' || src[lx.pos] == '\r') {
		lx.incLine()
	}
	begin := lx.pos
	lx.buf = lx.buf[:0]
	copied := begin // bytes before copied are in lx.buf (only after a '\r' was met)
	useBuf := false
	for {
		if lx.pos >= len(src) {
			if str {
				return lx.errNear("unfinished long string", "<eof>")
			}
			return lx.errNear("unfinished long comment", "<eof>")
		}
		switch src[lx.pos] {
		case '[':
			if lx.skipSep() == sep {
				lx.pos++
				if sep == 0 {
					return lx.errNear("nesting of [[...]] is deprecated", "[")
				}
			}
		case ']':
			closeAt := lx.pos
			if lx.skipSep() == sep {
				lx.pos++
				if str {
					if useBuf {
						lx.buf = append(lx.buf, src[copied:closeAt]...)
						it.Str = string(lx.buf)
					} else {
						it.Str = string(src[begin:closeAt])
					}
					it.long = sep + 1
				}
				return nil
			}
		case '\n', '\r':
			// Any line end ("\n", "\r", "\r\n", "\n\r") becomes one "\n" in the value; the
			// value is copied to lx.buf only when a line end is not already a lone "\n".
			at := lx.pos
			lx.incLine()
			if str && (src[at] != '\n' || lx.pos-at != 1) {
				useBuf = true
				lx.buf = append(lx.buf, src[copied:at]...)
				lx.buf = append(lx.buf, '\n')
				copied = lx.pos
			}
		default:
			lx.pos++
		}
	}
}

// readString is read_string: a quoted string with escapes.
func (lx *Lexer) readString(it *Item, quote byte) error {
	src := lx.src
	start := lx.pos
	lx.pos++
	begin := lx.pos
	// Fast path: no escapes and no line breaks.
	for lx.pos < len(src) {
		c := src[lx.pos]
		if c == quote {
			it.Str = string(src[begin:lx.pos])
			lx.pos++
			return lx.stringItem(it, start, quote)
		}
		if c == '\\' || c == '\n' || c == '\r' {
			break
		}
		lx.pos++
	}
	buf := append(lx.buf[:0], src[begin:lx.pos]...)
	for {
		if lx.pos >= len(src) {
			lx.buf = buf[:0]
			return lx.errNear("unfinished string", "<eof>")
		}
		c := src[lx.pos]
		switch c {
		case quote:
			lx.pos++
			it.Str = string(buf)
			lx.buf = buf[:0]
			return lx.stringItem(it, start, quote)
		case '\n', '\r':
			lx.buf = buf[:0]
			return lx.errNear("unfinished string", string(quote)+string(buf))
		case '\\':
			lx.pos++
			if lx.pos >= len(src) {
				continue // unfinished string at the next turn
			}
			e := src[lx.pos]
			switch e {
			case 'a':
				e = '\a'
			case 'b':
				e = '\b'
			case 'f':
				e = '\f'
			case 'n':
				e = '\n'
			case 'r':
				e = '\r'
			case 't':
				e = '\t'
			case 'v':
				e = '\v'
			case '\n', '\r':
				buf = append(buf, '\n')
				lx.incLine()
				continue
			default:
				if !isDigit(e) {
					buf = append(buf, e)
					lx.pos++
					continue
				}
				v := 0
				for i := 0; i < 3 && lx.pos < len(src) && isDigit(src[lx.pos]); i++ {
					v = v*10 + int(src[lx.pos]-'0')
					lx.pos++
				}
				if v > 255 {
					lx.buf = buf[:0]
					return lx.errNear("escape sequence too large", string(quote)+string(buf))
				}
				buf = append(buf, byte(v))
				continue
			}
			buf = append(buf, e)
			lx.pos++
		default:
			buf = append(buf, c)
			lx.pos++
		}
	}
}

func (lx *Lexer) stringItem(it *Item, start int, quote byte) error {
	it.Tok = String
	it.Line = lx.line
	it.long = 0
	it.quote = quote
	it.start, it.end = start, lx.pos
	return nil
}
