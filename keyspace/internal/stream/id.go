// Package stream holds the data structures behind Redis streams as Redis 7.0 lays them out:
// entries grouped in nodes that account for their size exactly as the listpacks of a real stream
// do (so approximate trimming with "~", which removes whole nodes, removes the same entries as
// the real server, and XINFO's radix-tree-keys counts the same nodes), consumer groups, their
// consumers and pending entries lists. It knows nothing of commands or replies.
package stream

import (
	"math"
	"strconv"
)

// ID is a stream entry ID: a millisecond time and a sequence number.
type ID struct{ Ms, Seq uint64 }

// MaxID is the largest ID ("+", 18446744073709551615-18446744073709551615).
var MaxID = ID{math.MaxUint64, math.MaxUint64}

// Cmp compares two IDs: -1, 0 or 1.
func (a ID) Cmp(b ID) int {
	switch {
	case a.Ms > b.Ms:
		return 1
	case a.Ms < b.Ms:
		return -1
	case a.Seq > b.Seq:
		return 1
	case a.Seq < b.Seq:
		return -1
	}
	return 0
}

// Less reports whether a < b.
func (a ID) Less(b ID) bool { return a.Cmp(b) < 0 }

// IsZero reports whether the ID is 0-0.
func (a ID) IsZero() bool { return a.Ms == 0 && a.Seq == 0 }

// Incr returns the next ID (streamIncrID); ok is false for MaxID, whose successor wraps to 0-0.
func (a ID) Incr() (ID, bool) {
	if a.Seq == math.MaxUint64 {
		if a.Ms == math.MaxUint64 {
			return ID{}, false
		}
		return ID{a.Ms + 1, 0}, true
	}
	return ID{a.Ms, a.Seq + 1}, true
}

// Decr returns the previous ID (streamDecrID); ok is false for 0-0, whose predecessor wraps to
// MaxID.
func (a ID) Decr() (ID, bool) {
	if a.Seq == 0 {
		if a.Ms == 0 {
			return MaxID, false
		}
		return ID{a.Ms - 1, math.MaxUint64}, true
	}
	return ID{a.Ms, a.Seq - 1}, true
}

// String formats the ID as "ms-seq".
func (a ID) String() string {
	var buf [41]byte
	b := strconv.AppendUint(buf[:0], a.Ms, 10)
	b = append(b, '-')
	b = strconv.AppendUint(b, a.Seq, 10)
	return string(b)
}

// ParseResult tells how an ID argument was written.
type ParseResult uint8

// Parse results.
const (
	Invalid ParseResult = iota // not an ID
	Full                       // ms-seq, or ms alone (seq given by the caller), or - or +
	AutoSeq                    // ms-* (only where allowed): the sequence is to be generated
)

// Parse reads an ID argument as streamGenericParseIDOrReply does. missingSeq is the sequence of
// an ID written as a bare number; strict refuses "-" and "+"; autoSeq accepts "ms-*". Like the C
// code it sees the argument up to its first NUL byte, and reads each part with strtoull's
// leniency (leading spaces, a sign, leading zeros) after the fast path of string2ll.
func Parse(arg string, missingSeq uint64, strict, autoSeq bool) (ID, ParseResult) {
	if len(arg) > 127 {
		return ID{}, Invalid
	}
	s := cstr(arg)
	if s == "-" || s == "+" {
		if strict {
			return ID{}, Invalid
		}
		if s == "-" {
			return ID{}, Full
		}
		return MaxID, Full
	}
	msPart, seqPart, hasDash := s, "", false
	for i := 0; i < len(s); i++ {
		if s[i] == '-' {
			msPart, seqPart, hasDash = s[:i], s[i+1:], true
			break
		}
	}
	ms, ok := parseULL(msPart)
	if !ok {
		return ID{}, Invalid
	}
	if !hasDash {
		return ID{ms, missingSeq}, Full
	}
	if autoSeq && seqPart == "*" {
		return ID{ms, 0}, AutoSeq
	}
	seq, ok := parseULL(seqPart)
	if !ok {
		return ID{}, Invalid
	}
	return ID{ms, seq}, Full
}

func cstr(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			return s[:i]
		}
	}
	return s
}

// parseULL is Redis's string2ull: string2ll when it accepts the text (a negative value is
// refused), otherwise strtoull in base 10, which skips leading white space, takes an optional
// sign (a '-' negates modulo 2^64), allows leading zeros, and must consume the whole text
// without overflowing.
func parseULL(s string) (uint64, bool) {
	if n, ok := parseLL(s); ok {
		if n < 0 {
			return 0, false
		}
		return uint64(n), true
	}
	p := 0
	for p < len(s) && isSpace(s[p]) {
		p++
	}
	neg := false
	if p < len(s) && (s[p] == '+' || s[p] == '-') {
		neg = s[p] == '-'
		p++
	}
	start := p
	var v uint64
	overflow := false
	for p < len(s) && '0' <= s[p] && s[p] <= '9' {
		d := uint64(s[p] - '0')
		if v > (math.MaxUint64-d)/10 {
			overflow = true
		}
		v = v*10 + d
		p++
	}
	if p == start || p != len(s) || overflow {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

func isSpace(c byte) bool { return c == ' ' || ('\t' <= c && c <= '\r') }

// parseLL is string2ll: optional '-', digits without leading zeros, no overflow.
func parseLL(s string) (int64, bool) {
	if len(s) == 0 || len(s) > 20 {
		return 0, false
	}
	if s == "0" {
		return 0, true
	}
	p, neg := 0, false
	if s[0] == '-' {
		neg = true
		p++
		if p == len(s) {
			return 0, false
		}
	}
	if s[p] < '1' || s[p] > '9' {
		return 0, false
	}
	var v uint64
	for ; p < len(s); p++ {
		c := s[p]
		if c < '0' || c > '9' {
			return 0, false
		}
		if v > math.MaxUint64/10 {
			return 0, false
		}
		v *= 10
		if v > math.MaxUint64-uint64(c-'0') {
			return 0, false
		}
		v += uint64(c - '0')
	}
	if neg {
		if v > 1<<63 {
			return 0, false
		}
		return -int64(v), true
	}
	if v > math.MaxInt64 {
		return 0, false
	}
	return int64(v), true
}
