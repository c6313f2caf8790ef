package redis

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// A Case is a named sequence of steps that starts from an empty server (all databases empty,
// database 0 selected, RESP2).
type Case struct {
	Name  string
	File  string // the case file it came from
	Line  int    // line of its "===" header
	Steps []Step
}

// A Step is either a command (Args non-empty) or a directive (Directive non-empty).
type Step struct {
	Line      int
	Args      []string   // the command and its arguments
	Mods      []Modifier // how the reply is normalized before comparison
	Directive string     // "resp2", "resp3" or "sleep"
	Sleep     time.Duration
}

// IsCommand reports whether the step sends a command (and therefore has a reply in the golden).
func (s Step) IsCommand() bool { return len(s.Args) > 0 }

// ModKind names a reply modifier.
type ModKind uint8

// Reply modifiers written before a command, e.g. "@unordered KEYS *".
const (
	ModUnordered ModKind = iota + 1 // aggregate compared as a multiset of elements
	ModPairs                        // aggregate compared as a multiset of consecutive pairs
	ModType                         // every leaf reduced to its type
	ModRange                        // every integer leaf checked against [Lo, Hi]
	ModIgnore                       // reply not compared at all
)

// A Modifier normalizes a reply before it is written to a golden or compared with one.
// Index >= 0 applies ModUnordered and ModPairs to that element of the top-level aggregate
// instead of the top level itself. Path, when set, applies ModType and ModRange only to the
// elements it selects: each component indexes one level of nesting, PathAny selects every
// element of that level.
type Modifier struct {
	Kind   ModKind
	Index  int
	Lo, Hi int64
	Path   []int
}

// PathAny is the wildcard component of a Modifier's Path ("*" in a case file).
const PathAny = -1

// ParseCaseFile reads and parses one case file.
func ParseCaseFile(path string) ([]*Case, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseCases(filepath.Base(path), string(data))
}

// ParseCases parses the text of a case file; name is used in error messages. The format is
// described in README.md.
func ParseCases(name, text string) ([]*Case, error) {
	lines := strings.Split(text, "\n")
	var cases []*Case
	var cur *Case
	seen := map[string]bool{}
	for i := 0; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], "\r")
		lineno := i + 1
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if strings.HasPrefix(trimmed, "===") {
			cname := strings.TrimSpace(strings.TrimPrefix(trimmed, "==="))
			if cname == "" || strings.ContainsAny(cname, " \t") {
				return nil, fmt.Errorf("%s:%d: case name must be one word: %q", name, lineno, cname)
			}
			if seen[cname] {
				return nil, fmt.Errorf("%s:%d: duplicate case name %q", name, lineno, cname)
			}
			seen[cname] = true
			cur = &Case{Name: cname, File: name, Line: lineno}
			cases = append(cases, cur)
			continue
		}
		if cur == nil {
			return nil, fmt.Errorf("%s:%d: command outside a case (start one with \"=== name\")", name, lineno)
		}
		if strings.HasPrefix(trimmed, "!") {
			st, err := parseDirective(trimmed[1:])
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", name, lineno, err)
			}
			st.Line = lineno
			cur.Steps = append(cur.Steps, st)
			continue
		}
		toks, next, err := tokenize(lines, i)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, lineno, err)
		}
		i = next
		st := Step{Line: lineno}
		for len(toks) > 0 && toks[0].bare && strings.HasPrefix(toks[0].text, "@") {
			m, err := parseModifier(toks[0].text)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", name, lineno, err)
			}
			st.Mods = append(st.Mods, m)
			toks = toks[1:]
		}
		if len(toks) == 0 {
			return nil, fmt.Errorf("%s:%d: modifiers without a command", name, lineno)
		}
		for _, t := range toks {
			st.Args = append(st.Args, t.text)
		}
		cur.Steps = append(cur.Steps, st)
	}
	return cases, nil
}

func parseDirective(s string) (Step, error) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return Step{}, fmt.Errorf("empty directive")
	}
	switch f[0] {
	case "resp2", "resp3":
		if len(f) != 1 {
			return Step{}, fmt.Errorf("!%s takes no argument", f[0])
		}
		return Step{Directive: f[0]}, nil
	case "sleep":
		if len(f) != 2 {
			return Step{}, fmt.Errorf("usage: !sleep MILLISECONDS")
		}
		ms, err := strconv.Atoi(f[1])
		if err != nil || ms < 0 {
			return Step{}, fmt.Errorf("bad sleep duration %q", f[1])
		}
		return Step{Directive: "sleep", Sleep: time.Duration(ms) * time.Millisecond}, nil
	}
	return Step{}, fmt.Errorf("unknown directive !%s", f[0])
}

func parseModifier(s string) (Modifier, error) {
	parts := strings.Split(s[1:], ":")
	bad := fmt.Errorf("bad modifier %q", s)
	switch parts[0] {
	case "unordered", "pairs":
		m := Modifier{Kind: ModUnordered, Index: -1}
		if parts[0] == "pairs" {
			m.Kind = ModPairs
		}
		switch len(parts) {
		case 1:
		case 2:
			n, err := strconv.Atoi(parts[1])
			if err != nil || n < 0 {
				return m, bad
			}
			m.Index = n
		default:
			return m, bad
		}
		return m, nil
	case "type":
		m := Modifier{Kind: ModType, Index: -1}
		switch len(parts) {
		case 1:
		case 2:
			path, ok := parsePath(parts[1])
			if !ok {
				return m, bad
			}
			m.Path = path
		default:
			return m, bad
		}
		return m, nil
	case "ignore":
		if len(parts) != 1 {
			return Modifier{}, bad
		}
		return Modifier{Kind: ModIgnore, Index: -1}, nil
	case "range":
		if len(parts) != 3 && len(parts) != 4 {
			return Modifier{}, bad
		}
		lo, err1 := strconv.ParseInt(parts[1], 10, 64)
		hi, err2 := strconv.ParseInt(parts[2], 10, 64)
		if err1 != nil || err2 != nil || lo > hi {
			return Modifier{}, bad
		}
		m := Modifier{Kind: ModRange, Index: -1, Lo: lo, Hi: hi}
		if len(parts) == 4 {
			path, ok := parsePath(parts[3])
			if !ok {
				return m, bad
			}
			m.Path = path
		}
		return m, nil
	}
	return Modifier{}, fmt.Errorf("unknown modifier %q", s)
}

// parsePath reads a modifier path: components separated by dots, each an element index or "*".
func parsePath(s string) ([]int, bool) {
	var path []int
	for _, c := range strings.Split(s, ".") {
		if c == "*" {
			path = append(path, PathAny)
			continue
		}
		n, err := strconv.Atoi(c)
		if err != nil || n < 0 {
			return nil, false
		}
		path = append(path, n)
	}
	return path, true
}

type token struct {
	text string
	bare bool // written without quotes or heredoc
}

// tokenize splits the command on lines[i]; heredoc arguments consume the lines that follow.
// It returns the tokens and the index of the last line consumed.
func tokenize(lines []string, i int) ([]token, int, error) {
	line := strings.TrimRight(lines[i], "\r")
	next := i + 1 // first line not yet consumed by a heredoc
	var toks []token
	p := 0
	for {
		for p < len(line) && (line[p] == ' ' || line[p] == '\t') {
			p++
		}
		if p >= len(line) {
			return toks, next - 1, nil
		}
		switch {
		case line[p] == '"':
			s, n, err := unquoteDouble(line[p:])
			if err != nil {
				return nil, i, err
			}
			toks = append(toks, token{text: s})
			p += n
		case line[p] == '\'':
			s, n, err := unquoteSingle(line[p:])
			if err != nil {
				return nil, i, err
			}
			toks = append(toks, token{text: s})
			p += n
		case strings.HasPrefix(line[p:], "<<"):
			q := p + 2
			for q < len(line) && isTagByte(line[q]) {
				q++
			}
			tag := line[p+2 : q]
			if tag == "" || (q < len(line) && line[q] != ' ' && line[q] != '\t') {
				return nil, i, fmt.Errorf("bad heredoc marker %q (use <<TAG with letters, digits, _)", line[p:])
			}
			var body []string
			j := next
			for ; j < len(lines); j++ {
				l := strings.TrimRight(lines[j], "\r")
				if l == tag {
					break
				}
				body = append(body, l)
			}
			if j >= len(lines) {
				return nil, i, fmt.Errorf("heredoc <<%s not terminated", tag)
			}
			next = j + 1
			toks = append(toks, token{text: strings.Join(body, "\n")})
			p = q
		default:
			q := p
			for q < len(line) && line[q] != ' ' && line[q] != '\t' {
				if line[q] == '"' || line[q] == '\'' {
					return nil, i, fmt.Errorf("quote inside a bare word: %q", line[p:])
				}
				q++
			}
			toks = append(toks, token{text: line[p:q], bare: true})
			p = q
		}
	}
}

func isTagByte(c byte) bool {
	return c == '_' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

// unquoteDouble reads a double-quoted argument at the start of s: escapes \n \r \t \a \b \"
// \\ and \xHH (any byte). It returns the value and the number of bytes consumed.
func unquoteDouble(s string) (string, int, error) {
	var b strings.Builder
	for p := 1; p < len(s); p++ {
		c := s[p]
		switch c {
		case '"':
			if p+1 < len(s) && s[p+1] != ' ' && s[p+1] != '\t' {
				return "", 0, fmt.Errorf("closing quote must be followed by a space: %q", s)
			}
			return b.String(), p + 1, nil
		case '\\':
			if p+1 >= len(s) {
				return "", 0, fmt.Errorf("unterminated escape in %q", s)
			}
			p++
			switch s[p] {
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'a':
				b.WriteByte('\a')
			case 'b':
				b.WriteByte('\b')
			case '"', '\\', '\'':
				b.WriteByte(s[p])
			case 'x':
				if p+2 >= len(s) {
					return "", 0, fmt.Errorf("short \\x escape in %q", s)
				}
				v, err := strconv.ParseUint(s[p+1:p+3], 16, 8)
				if err != nil {
					return "", 0, fmt.Errorf("bad \\x escape in %q", s)
				}
				b.WriteByte(byte(v))
				p += 2
			default:
				return "", 0, fmt.Errorf("unknown escape \\%c in %q", s[p], s)
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", 0, fmt.Errorf("unterminated double quote: %q", s)
}

// unquoteSingle reads a single-quoted argument: everything up to the next quote is literal,
// except \' for a quote.
func unquoteSingle(s string) (string, int, error) {
	var b strings.Builder
	for p := 1; p < len(s); p++ {
		c := s[p]
		if c == '\\' && p+1 < len(s) && s[p+1] == '\'' {
			b.WriteByte('\'')
			p++
			continue
		}
		if c == '\'' {
			if p+1 < len(s) && s[p+1] != ' ' && s[p+1] != '\t' {
				return "", 0, fmt.Errorf("closing quote must be followed by a space: %q", s)
			}
			return b.String(), p + 1, nil
		}
		b.WriteByte(c)
	}
	return "", 0, fmt.Errorf("unterminated single quote: %q", s)
}

// quoteArg writes an argument so that the case-file tokenizer reads it back: bare when it is a
// plain word, double-quoted with escapes otherwise.
func quoteArg(s string) string {
	bare := s != "" && !strings.HasPrefix(s, "<<") && !strings.HasPrefix(s, "@") &&
		!strings.HasPrefix(s, "!") && !strings.HasPrefix(s, "#") && !strings.HasPrefix(s, "===")
	for i := 0; bare && i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || c == '"' || c == '\'' {
			bare = false
		}
	}
	if bare {
		return s
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\n':
			b.WriteString("\\n")
		case c == '\r':
			b.WriteString("\\r")
		case c == '\t':
			b.WriteString("\\t")
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < ' ' || c >= 0x7f:
			fmt.Fprintf(&b, "\\x%02x", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// CommandText is the one-line form of a command used in goldens and messages.
func CommandText(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = quoteArg(a)
	}
	return strings.Join(q, " ")
}
