package pattern

import "strings"

const (
	// MaxCaptures is Lua 5.1's LUA_MAXCAPTURES.
	MaxCaptures = 32
	// MaxSubject is the longest subject the matcher accepts (2 GiB - 1 bytes); longer ones
	// make every match fail with the error "pattern subject too long".
	MaxSubject = 1<<31 - 1
	// MaxDepth bounds the matcher's recursion. It is above any depth at which PUC Lua 5.1 still
	// answers (it overflows the C stack near 110,000 on an 8 MB stack).
	MaxDepth = 200000
	// interruptEvery is the number of matcher steps between two calls of Interrupt.
	interruptEvery = 1 << 18

	capUnfinished = -1
	capPosition   = -2
)

// Error messages, as Lua 5.1 words them.
const (
	errEndsWithEsc   = "malformed pattern (ends with '%')"
	errMissingBrack  = "malformed pattern (missing ']')"
	errInvalidIndex  = "invalid capture index"
	errInvalidCap    = "invalid pattern capture"
	errUnfinished    = "unfinished capture"
	errTooMany       = "too many captures"
	errUnbalanced    = "unbalanced pattern"
	errFrontier      = "missing '[' after '%f' in pattern"
	errTooComplex    = "pattern too complex"
	errTooLong       = "pattern subject too long"
	specials         = "^$*+?.([%-"
	patternEndMarker = 0
)

// Error is a pattern error. Its text is the message Lua 5.1 raises (without position).
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

var (
	errs = map[string]*Error{}
)

func newErr(msg string) *Error {
	if e, ok := errs[msg]; ok {
		return e
	}
	return &Error{msg}
}

func init() {
	for _, m := range []string{errEndsWithEsc, errMissingBrack, errInvalidIndex, errInvalidCap, errUnfinished,
		errTooMany, errUnbalanced, errFrontier, errTooComplex, errTooLong} {
		errs[m] = &Error{m}
	}
}

// capture is one capture; 32-bit fields keep a Matcher small (subjects are limited to
// MaxSubject bytes).
type capture struct {
	init int32 // start index in the subject
	len  int32 // length, or capUnfinished, or capPosition
}

// A Matcher matches one pattern against one subject. Set it up with Reset; it can then be
// used for any number of match attempts. The zero Matcher is ready for Reset.
type Matcher struct {
	src     string
	pat     string // truncated at its first zero byte
	level   int
	capture [MaxCaptures]capture
	depth   int
	steps   int
	err     error

	// Interrupt, when set, is asked every few hundred thousand matcher steps whether to stop;
	// a non-nil answer stops the match, which then returns that error.
	Interrupt Interrupter
}

// An Interrupter can stop a long match.
type Interrupter interface {
	Interrupted() error
}

// Reset prepares m to match pattern pat against subject src.
func (m *Matcher) Reset(src, pat string) {
	if i := strings.IndexByte(pat, 0); i >= 0 {
		pat = pat[:i]
	}
	m.src = src
	m.pat = pat
	m.level = 0
	m.err = nil
}

// Subject returns the subject set by Reset.
func (m *Matcher) Subject() string { return m.src }

// Pattern returns the pattern set by Reset, truncated at its first zero byte.
func (m *Matcher) Pattern() string { return m.pat }

// Anchored reports whether the pattern starts with '^'; find, match and gsub then match only
// at the initial position and start matching after the '^' (use pattern index 1).
func (m *Matcher) Anchored() bool { return len(m.pat) > 0 && m.pat[0] == '^' }

// HasSpecials reports whether pattern p contains one of Lua 5.1's special characters before its
// first zero byte. string.find without one does a plain search (as strpbrk does in C).
func HasSpecials(p string) bool {
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == 0 {
			return false
		}
		if strings.IndexByte(specials, c) >= 0 {
			return true
		}
	}
	return false
}

// Match tries to match the pattern, from pattern index p (0, or 1 after a '^' anchor), at
// subject index s. It returns the end index of the match, or -1 when there is none. Captures
// of a successful match are read with Capture and NumCaptures.
func (m *Matcher) Match(s, p int) (int, error) {
	m.level = 0
	m.depth = 0
	m.err = nil
	if len(m.src) > MaxSubject {
		return -1, newErr(errTooLong)
	}
	e := m.match(s, p)
	if m.err != nil {
		return -1, m.err
	}
	return e, nil
}

// Find looks for the first match at or after subject index init, honouring a '^' anchor. It
// returns the start and end indices of the match, or -1, -1.
func (m *Matcher) Find(init int) (start, end int, err error) {
	p := 0
	anchor := m.Anchored()
	if anchor {
		p = 1
	}
	first, literal := m.literalAt(p)
	for s := init; ; s++ {
		if literal && !anchor {
			j := strings.IndexByte(m.src[s:], first)
			if j < 0 {
				return -1, -1, nil
			}
			s += j
		}
		e, err := m.Match(s, p)
		if err != nil {
			return -1, -1, err
		}
		if e >= 0 {
			return s, e, nil
		}
		if s >= len(m.src) || anchor {
			return -1, -1, nil
		}
	}
}

// Skip returns the first subject index from s on at which a match of the pattern from pattern
// index p can start, or len(subject)+1 when none can: positions where the pattern's first item
// (a plain character that must occur) cannot match are skipped. Matching at a skipped position
// would fail at once, so loops like gsub's and gmatch's may jump to the returned index.
func (m *Matcher) Skip(s, p int) int {
	c, ok := m.literalAt(p)
	if !ok || s > len(m.src) {
		return s
	}
	j := strings.IndexByte(m.src[s:], c)
	if j < 0 {
		return len(m.src) + 1
	}
	return s + j
}

// NumCaptures returns the number of values a successful match produces: the number of
// captures, or 1 (the whole match) when the pattern has none and whole is true.
func (m *Matcher) NumCaptures(whole bool) int {
	if m.level == 0 && whole {
		return 1
	}
	return m.level
}

// Capture returns capture i (0-based) of the successful match [s, e): the subject slice
// [start, end), or for a position capture pos true and start set to its 1-based position.
// Capture 0 of a pattern without captures is the whole match.
func (m *Matcher) Capture(i, s, e int) (start, end int, pos bool, err error) {
	if i >= m.level {
		if i == 0 {
			return s, e, false, nil
		}
		return 0, 0, false, newErr(errInvalidIndex)
	}
	c := m.capture[i]
	switch c.len {
	case capUnfinished:
		return 0, 0, false, newErr(errUnfinished)
	case capPosition:
		return int(c.init) + 1, 0, true, nil
	}
	return int(c.init), int(c.init + c.len), false, nil
}

// pc returns the pattern byte at i, or 0 past its end, as C reads the terminating zero.
func (m *Matcher) pc(i int) byte {
	if i < len(m.pat) {
		return m.pat[i]
	}
	return 0
}

func (m *Matcher) fail(msg string) int {
	if m.err == nil {
		m.err = newErr(msg)
	}
	return -1
}

// classEnd returns the index just after the single-character class starting at p, or -1 after
// recording a malformed-pattern error.
func (m *Matcher) classEnd(p int) int {
	c := m.pc(p)
	p++
	switch c {
	case '%':
		if p >= len(m.pat) {
			return m.fail(errEndsWithEsc)
		}
		return p + 1
	case '[':
		if m.pc(p) == '^' {
			p++
		}
		for {
			if p >= len(m.pat) {
				return m.fail(errMissingBrack)
			}
			c := m.pat[p]
			p++
			if c == '%' && p < len(m.pat) {
				p++
			}
			if m.pc(p) == ']' {
				return p + 1
			}
		}
	}
	return p
}

// singleMatch reports whether subject byte c matches the class at [p, ep).
func (m *Matcher) singleMatch(c byte, p, ep int) bool {
	switch m.pat[p] {
	case '.':
		return true
	case '%':
		return matchClass(c, m.pat[p+1])
	case '[':
		return m.matchBracketClass(c, p, ep-1)
	}
	return m.pat[p] == c
}

// matchBracketClass reports whether c is in the set whose '[' is at p and ']' at ec.
func (m *Matcher) matchBracketClass(c byte, p, ec int) bool {
	sig := true
	if m.pat[p+1] == '^' {
		sig = false
		p++
	}
	for p++; p < ec; p++ {
		pc := m.pat[p]
		if pc == '%' {
			p++
			if matchClass(c, m.pat[p]) {
				return sig
			}
		} else if m.pat[p+1] == '-' && p+2 < ec {
			p += 2
			if pc <= c && c <= m.pat[p] {
				return sig
			}
		} else if pc == c {
			return sig
		}
	}
	return !sig
}

// match is lstrlib.c's match: it returns the end of a match of pattern [p:] at subject index
// s, or -1. Errors are recorded in m.err (and -1 returned).
func (m *Matcher) match(s, p int) int {
	if m.depth >= MaxDepth {
		return m.fail(errTooComplex)
	}
	m.steps++
	if m.steps >= interruptEvery && m.interrupted() {
		return -1
	}
	m.depth++
	r := m.doMatch(s, p)
	m.depth--
	return r
}

// interrupted asks the Interrupter whether to stop, and records its error.
func (m *Matcher) interrupted() bool {
	m.steps = 0
	if m.Interrupt == nil {
		return false
	}
	if err := m.Interrupt.Interrupted(); err != nil {
		m.err = err
		return true
	}
	return false
}

func (m *Matcher) doMatch(s, p int) int {
	pat, src := m.pat, m.src
	for {
		if p >= len(pat) {
			return s // end of pattern
		}
		var ep int // end of the single-character class at p
		switch c := pat[p]; c {
		case '(':
			if p+1 < len(pat) && pat[p+1] == ')' {
				return m.startCapture(s, p+2, capPosition)
			}
			return m.startCapture(s, p+1, capUnfinished)
		case ')':
			return m.endCapture(s, p+1)
		case '$':
			if p+1 == len(pat) {
				if s == len(src) {
					return s
				}
				return -1
			}
			ep = p + 1
		case '%':
			if p+1 >= len(pat) {
				return m.fail(errEndsWithEsc)
			}
			switch d := pat[p+1]; {
			case d == 'b':
				s = m.matchBalance(s, p+2)
				if s < 0 {
					return -1
				}
				p += 4
				continue
			case d == 'f':
				p += 2
				if p >= len(pat) || pat[p] != '[' {
					return m.fail(errFrontier)
				}
				ep := m.classEnd(p)
				if ep < 0 {
					return -1
				}
				var prev, cur byte
				if s > 0 {
					prev = src[s-1]
				}
				if s < len(src) {
					cur = src[s]
				}
				if m.matchBracketClass(prev, p, ep-1) || !m.matchBracketClass(cur, p, ep-1) {
					return -1
				}
				p = ep
				continue
			case d >= '0' && d <= '9':
				s = m.matchCapture(s, d)
				if s < 0 {
					return -1
				}
				p += 2
				continue
			}
			ep = p + 2
		case '[':
			ep = m.classEnd(p)
			if ep < 0 {
				return -1
			}
		default:
			ep = p + 1
		}
		// A single-character class, possibly followed by a quantifier.
		matched := s < len(src) && m.singleMatch(src[s], p, ep)
		if ep < len(pat) {
			switch pat[ep] {
			case '?':
				if matched {
					if res := m.match(s+1, ep+1); res >= 0 || m.err != nil {
						return res
					}
				}
				p = ep + 1
				continue
			case '*':
				return m.maxExpand(s, p, ep)
			case '+':
				if !matched {
					return -1
				}
				return m.maxExpand(s+1, p, ep)
			case '-':
				return m.minExpand(s, p, ep)
			}
		}
		if !matched {
			return -1
		}
		s++
		p = ep
	}
}

// countClass returns how many subject bytes from s on match the class at [p, ep).
func (m *Matcher) countClass(s, p, ep int) int {
	src := m.src[s:]
	switch c := m.pat[p]; c {
	case '.':
		return len(src)
	case '%':
		cl := m.pat[p+1]
		lower := cl | 0x20
		bits := classBits[lower]
		if lower == 'z' || bits == 0 || cl < 'A' || (cl > 'Z' && cl < 'a') || cl > 'z' {
			break // %z and escaped characters: the general loop
		}
		neg := cl < 'a'
		i := 0
		for i < len(src) && (ctype[src[i]]&bits != 0) != neg {
			i++
		}
		return i
	case '[':
		i := 0
		for i < len(src) && m.matchBracketClass(src[i], p, ep-1) {
			i++
		}
		return i
	default:
		i := 0
		for i < len(src) && src[i] == c {
			i++
		}
		return i
	}
	i := 0
	for i < len(src) && m.singleMatch(src[i], p, ep) {
		i++
	}
	return i
}

// literalAt reports whether the pattern item at q is a plain character that must occur (no
// quantifier allowing zero of it), and returns that character: a match of [q:] can only start
// where the subject has it. Skipping the other positions changes nothing observable, since
// trying such an item fails at once.
func (m *Matcher) literalAt(q int) (byte, bool) {
	pat := m.pat
	if q >= len(pat) {
		return 0, false
	}
	c := pat[q]
	switch c {
	case '^', '$', '*', '+', '?', '.', '(', ')', '[', '%', '-':
		return 0, false
	}
	if q+1 < len(pat) {
		switch pat[q+1] {
		case '*', '?', '-':
			return 0, false
		}
	}
	return c, true
}

func (m *Matcher) maxExpand(s, p, ep int) int {
	i := m.countClass(s, p, ep)
	if c, ok := m.literalAt(ep + 1); ok {
		// Only positions holding c can continue the match.
		for ; i >= 0; i-- {
			if s+i < len(m.src) && m.src[s+i] == c {
				if res := m.match(s+i, ep+1); res >= 0 || m.err != nil {
					return res
				}
			}
		}
		return -1
	}
	for ; i >= 0; i-- {
		if res := m.match(s+i, ep+1); res >= 0 || m.err != nil {
			return res
		}
	}
	return -1
}

func (m *Matcher) minExpand(s, p, ep int) int {
	if m.pat[p] == '.' {
		if c, ok := m.literalAt(ep + 1); ok {
			// '.' matches everything: jump from one c to the next.
			for {
				j := strings.IndexByte(m.src[s:], c)
				if j < 0 {
					return -1
				}
				s += j
				if res := m.match(s, ep+1); res >= 0 || m.err != nil {
					return res
				}
				s++
			}
		}
	}
	for {
		if res := m.match(s, ep+1); res >= 0 || m.err != nil {
			return res
		}
		if s < len(m.src) && m.singleMatch(m.src[s], p, ep) {
			s++
		} else {
			return -1
		}
	}
}

func (m *Matcher) startCapture(s, p, what int) int {
	level := m.level
	if level >= MaxCaptures {
		return m.fail(errTooMany)
	}
	m.capture[level] = capture{int32(s), int32(what)}
	m.level = level + 1
	res := m.match(s, p)
	if res < 0 {
		m.level--
	}
	return res
}

func (m *Matcher) endCapture(s, p int) int {
	l := m.captureToClose()
	if l < 0 {
		return -1
	}
	m.capture[l].len = int32(s) - m.capture[l].init
	res := m.match(s, p)
	if res < 0 {
		m.capture[l].len = capUnfinished
	}
	return res
}

func (m *Matcher) captureToClose() int {
	for l := m.level - 1; l >= 0; l-- {
		if m.capture[l].len == capUnfinished {
			return l
		}
	}
	return m.fail(errInvalidCap)
}

func (m *Matcher) matchBalance(s, p int) int {
	if p+1 >= len(m.pat) {
		return m.fail(errUnbalanced)
	}
	if s >= len(m.src) || m.src[s] != m.pat[p] {
		return -1
	}
	b, e := m.pat[p], m.pat[p+1]
	cont := 1
	for s++; s < len(m.src); s++ {
		c := m.src[s]
		if c == e {
			cont--
			if cont == 0 {
				return s + 1
			}
		} else if c == b {
			cont++
		}
	}
	return -1
}

func (m *Matcher) matchCapture(s int, d byte) int {
	l := int(d) - '1'
	if l < 0 || l >= m.level || m.capture[l].len == capUnfinished {
		return m.fail(errInvalidIndex)
	}
	c := m.capture[l]
	if c.len < 0 { // a position capture never matches as a back-reference
		return -1
	}
	init, n := int(c.init), int(c.len)
	if len(m.src)-s >= n && m.src[init:init+n] == m.src[s:s+n] {
		return s + n
	}
	return -1
}
