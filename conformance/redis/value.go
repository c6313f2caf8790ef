package redis

import (
	"strconv"
	"strings"
)

// Kind is the wire type of a reply, as RESP2 and RESP3 distinguish them.
type Kind uint8

// The reply kinds. Null and NullArray are RESP2's two nulls ("$-1" and "*-1"); Nil is RESP3's
// single null ("_"), which both become for a RESP3 client.
const (
	Invalid    Kind = iota
	Simple          // +OK
	Error           // -ERR ...
	Int             // :1
	Bulk            // $3 abc
	Null            // $-1
	NullArray       // *-1
	Nil             // _ (RESP3)
	Array           // *n
	Map             // %n (RESP3), n pairs
	Set             // ~n (RESP3)
	Push            // >n (RESP3)
	Double          // ,1.5 (RESP3)
	Bool            // #t / #f (RESP3)
	BigNumber       // (123 (RESP3)
	Verbatim        // =15 txt:... (RESP3)
	Normalized      // a value replaced by a description by a case modifier (@type, @range)
)

// Value is one reply tree. Str carries the text of strings, errors, doubles (as the server wrote
// them), big numbers, verbatim strings (with their "txt:" prefix) and normalized descriptions; Int
// carries integers and booleans (0 or 1); Elems carries aggregate elements (a map's are
// key, value, key, value, ...).
type Value struct {
	Kind  Kind
	Str   string
	Int   int64
	Elems []Value
}

// Render writes v in the golden-file notation, one element per line, nested elements indented by
// two spaces per level.
func (v Value) Render() string {
	var b strings.Builder
	v.render(&b, 0)
	return b.String()
}

func (v Value) render(b *strings.Builder, depth int) {
	b.WriteString(strings.Repeat("  ", depth))
	b.WriteString(v.head())
	b.WriteByte('\n')
	for _, e := range v.Elems {
		e.render(b, depth+1)
	}
}

// head is the one-line notation of v without its elements.
func (v Value) head() string {
	switch v.Kind {
	case Simple:
		return "+" + v.Str
	case Error:
		return "-" + v.Str
	case Int:
		return ":" + strconv.FormatInt(v.Int, 10)
	case Bulk:
		return "$" + strconv.Quote(v.Str)
	case Null:
		return "$nil"
	case NullArray:
		return "*nil"
	case Nil:
		return "_"
	case Array:
		return "*" + strconv.Itoa(len(v.Elems))
	case Map:
		return "%" + strconv.Itoa(len(v.Elems)/2)
	case Set:
		return "~" + strconv.Itoa(len(v.Elems))
	case Push:
		return ">" + strconv.Itoa(len(v.Elems))
	case Double:
		return "," + v.Str
	case Bool:
		if v.Int != 0 {
			return "#t"
		}
		return "#f"
	case BigNumber:
		return "(" + v.Str
	case Verbatim:
		return "=" + strconv.Quote(v.Str)
	case Normalized:
		return "?" + v.Str
	}
	return "!invalid"
}

// String is Render without the final newline.
func (v Value) String() string { return strings.TrimSuffix(v.Render(), "\n") }

// typeName is the name of v's kind used by the @type modifier.
func (v Value) typeName() string {
	switch v.Kind {
	case Simple:
		return "simple"
	case Error:
		return "error"
	case Int:
		return "integer"
	case Bulk:
		return "bulk"
	case Null:
		return "null"
	case NullArray:
		return "null-array"
	case Nil:
		return "nil"
	case Array:
		return "array"
	case Map:
		return "map"
	case Set:
		return "set"
	case Push:
		return "push"
	case Double:
		return "double"
	case Bool:
		return "bool"
	case BigNumber:
		return "big-number"
	case Verbatim:
		return "verbatim"
	case Normalized:
		return "normalized"
	}
	return "invalid"
}
