package cjson

import (
	"unicode/utf8"

	"github.com/redmoon-dev/redmoon/lua/internal/luanum"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// tokenType is lua-cjson's json_token_type_t; the names appear in error messages.
type tokenType uint8

const (
	tObjBegin tokenType = iota
	tObjEnd
	tArrBegin
	tArrEnd
	tString
	tNumber
	tBoolean
	tNull
	tColon
	tComma
	tEnd
	tWhitespace
	tError
	tUnknown
)

var tokenNames = [...]string{"T_OBJ_BEGIN", "T_OBJ_END", "T_ARR_BEGIN", "T_ARR_END", "T_STRING",
	"T_NUMBER", "T_BOOLEAN", "T_NULL", "T_COLON", "T_COMMA", "T_END", "T_WHITESPACE", "T_ERROR",
	"T_UNKNOWN"}

// ch2token classifies the first byte of a token.
var ch2token [256]tokenType

func init() {
	for i := range ch2token {
		ch2token[i] = tError
	}
	ch2token['{'] = tObjBegin
	ch2token['}'] = tObjEnd
	ch2token['['] = tArrBegin
	ch2token[']'] = tArrEnd
	ch2token[','] = tComma
	ch2token[':'] = tColon
	ch2token[0] = tEnd
	for _, c := range " \t\n\r" {
		ch2token[c] = tWhitespace
	}
	for _, c := range "fiInNt\"+-0123456789" {
		ch2token[c] = tUnknown
	}
}

// escape2char translates the character after a backslash; 0 is an invalid escape, 'u' a
// Unicode escape.
var escape2char = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 't': '\t', 'n': '\n',
	'f': '\f', 'r': '\r', 'u': 'u'}

// token is json_token_t.
type token struct {
	typ   tokenType
	index int // position of the token (or of the error), 0-based
	str   string
	num   float64
	b     bool
	err   string // what was found, for tError
}

// parser is json_parse_t over a Lua string that, like the C string it stands for, ends at its
// first zero byte (at reads 0 past the end).
type parser struct {
	L     *vm.State
	cfg   *Config
	data  string
	ptr   int
	depth int
	tmp   []byte
	elems []vm.Value // elements of the arrays being decoded, innermost last
	top   int        // model of the Lua stack height of json_decode's frame
}

func (p *parser) at(i int) byte {
	if i < len(p.data) {
		return p.data[i]
	}
	return 0
}

func (p *parser) setError(tok *token, what string) {
	tok.typ = tError
	tok.index = p.ptr
	tok.err = what
}

// throw is json_throw_parse_error.
func (p *parser) throw(expected string, tok *token) {
	found := tok.err
	if tok.typ != tError {
		found = tokenNames[tok.typ]
	}
	p.L.Errorf("Expected %s but found %s at character %d", expected, found, tok.index+1)
}

func hasPrefix(s string, i int, prefix string) bool {
	return len(s)-i >= len(prefix) && s[i:i+len(prefix)] == prefix
}

func hasPrefixFold(s string, i int, prefix string) bool {
	if len(s)-i < len(prefix) {
		return false
	}
	for k := 0; k < len(prefix); k++ {
		if s[i+k]|0x20 != prefix[k] {
			return false
		}
	}
	return true
}

// isInvalidNumber is json_is_invalid_number: numbers valid for strtod but not for JSON (a
// leading '+', hexadecimal, leading zeros, inf and nan).
func (p *parser) isInvalidNumber() bool {
	i := p.ptr
	if p.at(i) == '+' {
		return true
	}
	if p.at(i) == '-' {
		i++
	}
	if c := p.at(i); c == '0' {
		c2 := p.at(i + 1)
		return c2|0x20 == 'x' || ('0' <= c2 && c2 <= '9')
	} else if c <= '9' {
		return false
	}
	return hasPrefixFold(p.data, i, "inf") || hasPrefixFold(p.data, i, "nan")
}

// next is json_next_token.
func (p *parser) next(tok *token) {
	var c byte
	for {
		c = p.at(p.ptr)
		tok.typ = ch2token[c]
		if tok.typ != tWhitespace {
			break
		}
		p.ptr++
	}
	tok.index = p.ptr
	switch tok.typ {
	case tError:
		p.setError(tok, "invalid token")
		return
	case tEnd:
		return
	case tUnknown:
	default:
		p.ptr++
		return
	}
	switch {
	case c == '"':
		p.stringToken(tok)
		return
	case c == '-' || ('0' <= c && c <= '9'):
		if !p.cfg.DecodeInvalidNumbers && p.isInvalidNumber() {
			p.setError(tok, "invalid number")
			return
		}
		p.numberToken(tok)
		return
	case hasPrefix(p.data, p.ptr, "true"):
		tok.typ, tok.b = tBoolean, true
		p.ptr += 4
		return
	case hasPrefix(p.data, p.ptr, "false"):
		tok.typ, tok.b = tBoolean, false
		p.ptr += 5
		return
	case hasPrefix(p.data, p.ptr, "null"):
		tok.typ = tNull
		p.ptr += 4
		return
	case p.cfg.DecodeInvalidNumbers && p.isInvalidNumber():
		p.numberToken(tok)
		return
	}
	p.setError(tok, "invalid token")
}

// numberToken is json_next_number_token: strtod at the current position.
func (p *parser) numberToken(tok *token) {
	tok.typ = tNumber
	// Fast path: a plain integer of at most 15 digits, not followed by anything strtod would
	// read on with.
	i, neg := p.ptr, false
	if p.at(i) == '-' {
		neg = true
		i++
	}
	j := i
	var v uint64
	for j < len(p.data) && j-i <= 15 && p.data[j] >= '0' && p.data[j] <= '9' {
		v = v*10 + uint64(p.data[j]-'0')
		j++
	}
	if n := j - i; n > 0 && n <= 15 {
		switch p.at(j) {
		case '.', 'e', 'E', 'x', 'X':
		default:
			if p.at(i) != '0' || n == 1 {
				f := float64(v)
				if neg {
					f = -f
				}
				tok.num = f
				p.ptr = j
				return
			}
		}
	}
	f, n := luanum.Strtod(p.data[p.ptr:])
	if n == 0 {
		p.setError(tok, "invalid number")
		return
	}
	tok.num = f
	p.ptr += n
}

func hexDigit(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// decodeHex4 reads four hexadecimal digits at i, -1 if any is not one.
func (p *parser) decodeHex4(i int) int {
	v := 0
	for k := 0; k < 4; k++ {
		d := hexDigit(p.at(i + k))
		if d < 0 {
			return -1
		}
		v = v<<4 | d
	}
	return v
}

// unicodeEscape is json_append_unicode_escape at a backslash: it appends the UTF-8 form of a
// \uXXXX escape (or of a surrogate pair of them) and reports false when it is invalid.
func (p *parser) unicodeEscape() bool {
	cp := p.decodeHex4(p.ptr + 2)
	if cp < 0 {
		return false
	}
	escLen := 6
	if cp&0xF800 == 0xD800 {
		if cp&0x400 != 0 {
			return false
		}
		if p.at(p.ptr+6) != '\\' || p.at(p.ptr+7) != 'u' {
			return false
		}
		low := p.decodeHex4(p.ptr + 8)
		if low < 0 || low&0xFC00 != 0xDC00 {
			return false
		}
		cp = ((cp&0x3FF)<<10 | low&0x3FF) + 0x10000
		escLen = 12
	}
	p.tmp = utf8.AppendRune(p.tmp, rune(cp))
	p.ptr += escLen
	return true
}

// stringToken is json_next_string_token.
func (p *parser) stringToken(tok *token) {
	p.ptr++
	start := p.ptr
	// Fast path: no escape before the closing quote, the value shares the input's bytes.
	for i := start; i < len(p.data); i++ {
		c := p.data[i]
		if c == '"' {
			tok.typ = tString
			tok.str = p.data[start:i]
			p.ptr = i + 1
			return
		}
		if c == '\\' || c == 0 {
			break
		}
	}
	p.tmp = p.tmp[:0]
	for {
		c := p.at(p.ptr)
		if c == '"' {
			break
		}
		if c == 0 {
			p.setError(tok, "unexpected end of string")
			return
		}
		if c == '\\' {
			c = escape2char[p.at(p.ptr+1)]
			if c == 'u' {
				if p.unicodeEscape() {
					continue
				}
				p.setError(tok, "invalid unicode escape code")
				return
			}
			if c == 0 {
				p.setError(tok, "invalid escape code")
				return
			}
			p.ptr++
		}
		p.tmp = append(p.tmp, c)
		p.ptr++
	}
	p.ptr++
	tok.typ = tString
	tok.str = string(p.tmp)
}

// descend is json_decode_descend: one more level of nesting, which needs slots free on the
// stack.
func (p *parser) descend(slots int) {
	p.depth++
	if p.depth <= p.cfg.DecodeMaxDepth && p.top+slots <= vm.MaxCStack {
		return
	}
	p.L.Errorf("Found too many nested data structures (%d) at character %d", p.depth, p.ptr)
}

// object is json_parse_object_context after the '{'.
func (p *parser) object() vm.Value {
	p.descend(3)
	t := p.L.NewTable(0, 0)
	p.top++
	var tok token
	p.next(&tok)
	if tok.typ == tObjEnd {
		p.depth--
		return vm.TableValue(t)
	}
	for {
		if tok.typ != tString {
			p.throw("object key string", &tok)
		}
		key := vm.String(tok.str)
		p.top++
		p.next(&tok)
		if tok.typ != tColon {
			p.throw("colon", &tok)
		}
		p.next(&tok)
		v := p.value(&tok)
		t.Set(p.L, key, v)
		p.top -= 2
		p.next(&tok)
		if tok.typ == tObjEnd {
			p.depth--
			return vm.TableValue(t)
		}
		if tok.typ != tComma {
			p.throw("comma or object end", &tok)
		}
		p.next(&tok)
	}
}

// array is json_parse_array_context after the '['.
func (p *parser) array() vm.Value {
	p.descend(2)
	p.top++
	var tok token
	p.next(&tok)
	if tok.typ == tArrEnd {
		p.depth--
		return vm.TableValue(p.L.NewTable(0, 0))
	}
	// The elements are collected first, then stored in a table made with the array part that
	// storing them one by one into an empty table ends with (the next power of two; JSON
	// arrays have no holes, null being cjson.null), so the table is the same and is allocated
	// once.
	base := len(p.elems)
	for {
		v := p.value(&tok)
		p.elems = append(p.elems, v)
		p.top--
		p.next(&tok)
		if tok.typ == tArrEnd {
			p.depth--
			elems := p.elems[base:]
			t := p.L.NewTable(arraySize(len(elems)), 0)
			for i, v := range elems {
				t.SetInt(i+1, v)
			}
			clear(elems)
			p.elems = p.elems[:base]
			return vm.TableValue(t)
		}
		if tok.typ != tComma {
			p.throw("comma or array end", &tok)
		}
		p.next(&tok)
	}
}

// value is json_process_value; the value counts as pushed on the modelled stack.
func (p *parser) value(tok *token) vm.Value {
	var v vm.Value
	switch tok.typ {
	case tString:
		v = vm.String(tok.str)
	case tNumber:
		v = vm.Number(tok.num)
	case tBoolean:
		v = vm.Bool(tok.b)
	case tObjBegin:
		return p.object()
	case tArrBegin:
		return p.array()
	case tNull:
		v = Null
	default:
		p.throw("value", tok)
	}
	p.top++
	return v
}

// Decode is cjson.decode's conversion with the given configuration. Errors are raised in L as
// the Lua function raises them.
func (cfg *Config) Decode(L *vm.State, s string) vm.Value {
	if len(s) >= 2 && (s[0] == 0 || s[1] == 0) {
		L.Errorf("JSON parser does not support UTF-16 or UTF-32")
	}
	if cfg.elemsDirty {
		// A decode that failed left elements behind: drop them.
		clear(cfg.elems[:cap(cfg.elems)])
	}
	cfg.elemsDirty = true
	p := parser{L: L, cfg: cfg, data: s, top: 1, elems: cfg.elems[:0]}
	var tok token
	p.next(&tok)
	v := p.value(&tok)
	p.next(&tok)
	if tok.typ != tEnd {
		p.throw("the end", &tok)
	}
	cfg.elems, cfg.elemsDirty = p.elems[:0], false
	return v
}

func decode(L *vm.State, cfg *Config) int {
	L.ArgCheck(L.GetTop() == 1, 1, "expected 1 argument")
	s := L.CheckString(1)
	L.Push(cfg.Decode(L, s))
	return 1
}

// arraySize is the array part a table ends with when the values 1..n are stored into an empty
// table one after the other: each rehash sizes it to the next power of two.
func arraySize(n int) int {
	size := 1
	for size < n {
		size <<= 1
	}
	return size
}
