package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/redmoon-dev/redmoon/keyspace"
)

// The reply of `redmoon eval`, kept as a tree and printed the way redis-cli 7.0 prints replies:
// its human format on a terminal (`1) (integer) 1`, `"quoted"`, `(nil)`) and its raw format
// when stdout is not a terminal.

// replyKind is the type of a reply as redis-cli's client library (hiredis) distinguishes it.
type replyKind uint8

const (
	kindStatus replyKind = iota
	kindError
	kindInteger
	kindString
	kindNil
	kindArray
	kindMap
	kindSet
	kindPush
	kindDouble
	kindBool
	kindBigNumber
	kindVerbatim
)

// cliReply is one reply. For a map, elems holds keys and values alternately.
type cliReply struct {
	kind  replyKind
	str   string // status, error, string, double text, big number, verbatim text
	n     int64  // integer; boolean as 0 or 1
	elems []*cliReply
}

// count is the number of entries redis-cli numbers: pairs for a map, elements otherwise.
func (r *cliReply) count() int {
	if r.kind == kindMap {
		return len(r.elems) / 2
	}
	return len(r.elems)
}

func (r *cliReply) aggregate() bool {
	switch r.kind {
	case kindArray, kindMap, kindSet, kindPush:
		return true
	}
	return false
}

// Replies redis-cli 7.0 cannot show: it writes the message to stderr and exits with status 1.
// Its client library refuses a RESP3 double that is not a number while reading the reply
// (errBadDouble); a complete reply holding a RESP3 big number has a
// type its printer does not know (errUnknownType).
var (
	errBadDouble   = errors.New("Error: Bad double value\n")
	errUnknownType = errors.New("Unknown reply type: 13\n")
)

// checkPrintable reports the error redis-cli gives for a reply it cannot show, or nil.
func (r *cliReply) checkPrintable() error {
	if r.has(func(e *cliReply) bool { return e.kind == kindDouble && strings.Contains(strings.ToLower(e.str), "nan") }) {
		return errBadDouble
	}
	if r.has(func(e *cliReply) bool { return e.kind == kindBigNumber }) {
		return errUnknownType
	}
	return nil
}

// has reports whether r or any reply nested in it satisfies f.
func (r *cliReply) has(f func(*cliReply) bool) bool {
	if f(r) {
		return true
	}
	for _, e := range r.elems {
		if e.has(f) {
			return true
		}
	}
	return false
}

// formatTTY is redis-cli's human format, with its final newline.
func formatTTY(r *cliReply) string {
	var b strings.Builder
	writeTTY(&b, r, "", false)
	return b.String()
}

// writeTTY writes r; prefix is the indentation of the elements after the first of an aggregate
// (the caller has already written the first one's number), or of every element when
// prefixFirst is set (an aggregate of several entries printed as a map value, on its own lines).
func writeTTY(b *strings.Builder, r *cliReply, prefix string, prefixFirst bool) {
	switch r.kind {
	case kindError:
		b.WriteString("(error) " + cstring(r.str) + "\n")
	case kindStatus:
		b.WriteString(cstring(r.str) + "\n")
	case kindInteger:
		b.WriteString("(integer) " + strconv.FormatInt(r.n, 10) + "\n")
	case kindDouble:
		b.WriteString("(double) " + r.str + "\n")
	case kindString:
		b.WriteString(quoteRepr(r.str) + "\n")
	case kindVerbatim:
		b.WriteString(r.str + "\n")
	case kindNil:
		b.WriteString("(nil)\n")
	case kindBool:
		if r.n != 0 {
			b.WriteString("(true)\n")
		} else {
			b.WriteString("(false)\n")
		}
	default:
		n := r.count()
		if n == 0 {
			b.WriteString(map[replyKind]string{kindArray: "(empty array)\n", kindMap: "(empty hash)\n",
				kindSet: "(empty set)\n", kindPush: "(empty push)\n"}[r.kind])
			return
		}
		width := len(strconv.Itoa(n))
		inner := prefix + strings.Repeat(" ", width+2)
		sep := byte(')')
		switch r.kind {
		case kindSet:
			sep = '~'
		case kindMap:
			sep = '#'
		}
		for i := 0; i < n; i++ {
			if i > 0 || prefixFirst {
				b.WriteString(prefix)
			}
			fmt.Fprintf(b, "%*d%c ", width, i+1, sep)
			if r.kind != kindMap {
				writeTTY(b, r.elems[i], inner, false)
				continue
			}
			// A map entry: the key, " => ", then the value inline, or on the next lines when it
			// is an aggregate of several entries.
			var key strings.Builder
			writeTTY(&key, r.elems[2*i], inner, false)
			b.WriteString(strings.TrimSuffix(key.String(), "\n"))
			b.WriteString(" => ")
			v := r.elems[2*i+1]
			if v.aggregate() && v.count() > 1 {
				b.WriteString("\n")
				writeTTY(b, v, inner, true)
			} else {
				writeTTY(b, v, inner, false)
			}
		}
	}
}

// formatRaw is redis-cli's raw format (stdout not a terminal, or --raw), with its final newline.
func formatRaw(r *cliReply) string {
	var b strings.Builder
	writeRaw(&b, r)
	b.WriteString("\n")
	return b.String()
}

func writeRaw(b *strings.Builder, r *cliReply) {
	switch r.kind {
	case kindNil:
	case kindError:
		b.WriteString(r.str + "\n")
	case kindStatus, kindString, kindVerbatim, kindDouble:
		b.WriteString(r.str)
	case kindBool:
		if r.n != 0 {
			b.WriteString("(true)")
		} else {
			b.WriteString("(false)")
		}
	case kindInteger:
		b.WriteString(strconv.FormatInt(r.n, 10))
	case kindMap:
		for i := 0; i+1 < len(r.elems); i += 2 {
			if i > 0 {
				b.WriteString("\n")
			}
			writeRaw(b, r.elems[i])
			b.WriteString(" ")
			writeRaw(b, r.elems[i+1])
		}
	default:
		for i, e := range r.elems {
			if i > 0 {
				b.WriteString("\n")
			}
			writeRaw(b, e)
		}
	}
}

// quoteRepr quotes s as redis-cli shows strings: backslash escapes for \ " \n \r \t \a \b, the
// printable ASCII bytes as they are, every other byte as \xhh.
func quoteRepr(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '"':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\a':
			b.WriteString(`\a`)
		case '\b':
			b.WriteString(`\b`)
		default:
			if c >= 0x20 && c <= 0x7e {
				b.WriteByte(c)
			} else {
				fmt.Fprintf(&b, `\x%02x`, c)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// cstring is the part of s that C's %s prints: up to the first NUL byte.
func cstring(s string) string {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return s[:i]
	}
	return s
}

// replyBuilder is a keyspace.Reply that builds a cliReply, downgrading RESP3 types for a RESP2
// client as Redis 7.0 does on the wire.
type replyBuilder struct {
	resp3 bool
	root  *cliReply
	stack []*frameRef
}

type frameRef struct {
	r    *cliReply
	want int
}

func (s *replyBuilder) add(r *cliReply) {
	if len(s.stack) == 0 {
		if s.root == nil {
			s.root = r
		}
	} else {
		top := s.stack[len(s.stack)-1]
		top.r.elems = append(top.r.elems, r)
	}
	for len(s.stack) > 0 {
		top := s.stack[len(s.stack)-1]
		if len(top.r.elems) < top.want {
			break
		}
		s.stack = s.stack[:len(s.stack)-1]
	}
}

func (s *replyBuilder) open(k replyKind, n int) {
	r := &cliReply{kind: k}
	if n <= 0 {
		s.add(r)
		return
	}
	s.add(r)
	s.stack = append(s.stack, &frameRef{r: r, want: n})
}

// result is the complete reply, or an error when the command wrote none or an incomplete one.
func (s *replyBuilder) result() (*cliReply, error) {
	if s.root == nil || len(s.stack) > 0 {
		return nil, errors.New("incomplete reply")
	}
	return s.root, nil
}

func (s *replyBuilder) SimpleString(str string) { s.add(&cliReply{kind: kindStatus, str: str}) }
func (s *replyBuilder) Error(msg string)        { s.add(&cliReply{kind: kindError, str: msg}) }
func (s *replyBuilder) Integer(n int64)         { s.add(&cliReply{kind: kindInteger, n: n}) }
func (s *replyBuilder) Bulk(str string)         { s.add(&cliReply{kind: kindString, str: str}) }
func (s *replyBuilder) Null()                   { s.add(&cliReply{kind: kindNil}) }
func (s *replyBuilder) NullArray()              { s.add(&cliReply{kind: kindNil}) }
func (s *replyBuilder) ArrayLen(n int)          { s.open(kindArray, n) }
func (s *replyBuilder) Resp3() bool             { return s.resp3 }

func (s *replyBuilder) MapLen(n int) {
	if s.resp3 {
		s.open(kindMap, 2*n)
	} else {
		s.open(kindArray, 2*n)
	}
}

func (s *replyBuilder) SetLen(n int) {
	if s.resp3 {
		s.open(kindSet, n)
	} else {
		s.open(kindArray, n)
	}
}

func (s *replyBuilder) PushLen(n int) {
	if s.resp3 {
		s.open(kindPush, n)
	} else {
		s.open(kindArray, n)
	}
}

func (s *replyBuilder) Double(f float64) { s.DoubleText(f, keyspace.FormatDouble(f)) }

func (s *replyBuilder) DoubleText(_ float64, text string) {
	if s.resp3 {
		s.add(&cliReply{kind: kindDouble, str: text})
	} else {
		s.add(&cliReply{kind: kindString, str: text})
	}
}

func (s *replyBuilder) Bool(b bool) {
	var n int64
	if b {
		n = 1
	}
	if s.resp3 {
		s.add(&cliReply{kind: kindBool, n: n})
	} else {
		s.add(&cliReply{kind: kindInteger, n: n})
	}
}

func (s *replyBuilder) BigNumber(str string) {
	if s.resp3 {
		s.add(&cliReply{kind: kindBigNumber, str: str})
	} else {
		s.add(&cliReply{kind: kindString, str: str})
	}
}

func (s *replyBuilder) Verbatim(format, str string) {
	if s.resp3 {
		s.add(&cliReply{kind: kindVerbatim, str: str})
	} else {
		s.add(&cliReply{kind: kindString, str: str})
	}
}
