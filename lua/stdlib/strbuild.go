package stdlib

import (
	"github.com/redmoon-dev/redmoon/lua/stdlib/internal/intern"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// The string functions that build a new string from their arguments byte by byte: upper,
// lower, reverse, rep and char. A result of at most intern.MaxLen bytes is built in the cache's
// scratch buffer and looked up there (see OpenString); longer ones are built in a new buffer
// that becomes the string.

// strBuilder holds the cache of one Lua universe; with a nil cache every result is allocated.
type strBuilder struct{ cache *intern.Cache }

// The uncached functions, for the library table template.
var (
	strUpper   = (&strBuilder{}).upper
	strLower   = (&strBuilder{}).lower
	strReverse = (&strBuilder{}).reverse
	strRep     = (&strBuilder{}).rep
	strChar    = (&strBuilder{}).char
)

// buffer returns a buffer of n bytes to build a result in.
func (c *strBuilder) buffer(n int) []byte {
	if c.cache != nil && n <= intern.MaxLen {
		return c.cache.Buffer(n)
	}
	return make([]byte, n)
}

// finish turns a buffer from buffer into the result string.
func (c *strBuilder) finish(b []byte) string {
	if c.cache != nil && len(b) <= intern.MaxLen {
		return c.cache.String(b)
	}
	return bytesToString(b)
}

func (c *strBuilder) reverse(L *vm.State) int {
	s := L.CheckString(1)
	b := c.buffer(len(s))
	for i := 0; i < len(s); i++ {
		b[len(s)-1-i] = s[i]
	}
	L.PushString(c.finish(b))
	return 1
}

func (c *strBuilder) lower(L *vm.State) int {
	L.PushString(c.mapBytes(L.CheckString(1), 'A', 'Z', 'a'-'A'))
	return 1
}

func (c *strBuilder) upper(L *vm.State) int {
	L.PushString(c.mapBytes(L.CheckString(1), 'a', 'z', 256-32))
	return 1
}

// mapBytes adds delta to every byte of s in [lo, hi] (C's toupper and tolower in the "C"
// locale); it returns s itself when nothing changes.
func (c *strBuilder) mapBytes(s string, lo, hi byte, delta byte) string {
	i := 0
	for i < len(s) && (s[i] < lo || s[i] > hi) {
		i++
	}
	if i == len(s) {
		return s
	}
	b := c.buffer(len(s))
	copy(b, s[:i])
	for ; i < len(s); i++ {
		ch := s[i]
		if ch >= lo && ch <= hi {
			ch += delta
		}
		b[i] = ch
	}
	return c.finish(b)
}

func (c *strBuilder) rep(L *vm.State) int {
	s := L.CheckString(1)
	n := checkInt(L, 2)
	if n <= 0 || len(s) == 0 {
		L.PushString("")
		return 1
	}
	if len(s) > MaxStringSize/n {
		L.Errorf("not enough memory")
	}
	if n == 1 {
		L.PushString(s)
		return 1
	}
	b := c.buffer(len(s) * n)
	// Doubling copies: the filled prefix is copied after itself until the buffer is full.
	k := copy(b, s)
	for k < len(b) {
		k += copy(b[k:], b[:k])
	}
	L.PushString(c.finish(b))
	return 1
}

func (c *strBuilder) char(L *vm.State) int {
	n := L.GetTop()
	b := c.buffer(n)
	for i := 1; i <= n; i++ {
		ch := checkInt(L, i)
		L.ArgCheck(ch >= 0 && ch <= 255, i, "invalid value")
		b[i-1] = byte(ch)
	}
	L.PushString(c.finish(b))
	return 1
}
