package redis

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// An Entry is one command of a case with its (normalized) reply.
type Entry struct {
	Command string // CommandText of the arguments
	Line    int    // line of the command in the case file (0 when read from a golden)
	Reply   Value
}

// A Recording is the replies of every command of one case, in order.
type Recording struct {
	Case    string
	Entries []Entry
}

// goldenHeader starts every golden file.
const goldenHeader = "# Replies recorded from redis-server 7.0 for the case file of the same name; generated, do not edit.\n" +
	"# Regenerate: go test ./conformance/redis -run TestRecord -update\n"

// FormatGolden writes recordings in the golden-file notation (see README.md).
func FormatGolden(recs []Recording) string {
	var b strings.Builder
	b.WriteString(goldenHeader)
	for _, r := range recs {
		b.WriteString("\n=== " + r.Case + "\n")
		for _, e := range r.Entries {
			b.WriteString("> " + e.Command + "\n")
			b.WriteString(e.Reply.Render())
		}
	}
	return b.String()
}

// ReadGolden reads a golden file.
func ReadGolden(path string) ([]Recording, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseGolden(path, string(data))
}

// ParseGolden parses the golden-file notation; name is used in error messages.
func ParseGolden(name, text string) ([]Recording, error) {
	g := &goldenParser{name: name, lines: strings.Split(text, "\n")}
	var recs []Recording
	for g.pos < len(g.lines) {
		line := g.lines[g.pos]
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			g.pos++
		case strings.HasPrefix(line, "=== "):
			recs = append(recs, Recording{Case: strings.TrimPrefix(line, "=== ")})
			g.pos++
		case strings.HasPrefix(line, "> "):
			if len(recs) == 0 {
				return nil, g.errorf("command before any case")
			}
			g.pos++
			v, err := g.value()
			if err != nil {
				return nil, err
			}
			r := &recs[len(recs)-1]
			r.Entries = append(r.Entries, Entry{Command: strings.TrimPrefix(line, "> "), Reply: v})
		default:
			return nil, g.errorf("unexpected line %q", line)
		}
	}
	return recs, nil
}

type goldenParser struct {
	name  string
	lines []string
	pos   int
}

func (g *goldenParser) errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", g.name, g.pos+1, fmt.Sprintf(format, args...))
}

func (g *goldenParser) value() (Value, error) {
	if g.pos >= len(g.lines) {
		return Value{}, g.errorf("missing reply")
	}
	line := strings.TrimLeft(g.lines[g.pos], " ")
	if line == "" {
		return Value{}, g.errorf("missing reply")
	}
	g.pos++
	body := line[1:]
	count := func() (int, error) {
		n, err := strconv.Atoi(body)
		if err != nil || n < 0 {
			g.pos--
			return 0, g.errorf("bad count %q", line)
		}
		return n, nil
	}
	aggregate := func(k Kind, per int) (Value, error) {
		n, err := count()
		if err != nil {
			return Value{}, err
		}
		v := Value{Kind: k, Elems: make([]Value, n*per)}
		for i := range v.Elems {
			if v.Elems[i], err = g.value(); err != nil {
				return Value{}, err
			}
		}
		return v, nil
	}
	switch line[0] {
	case '+':
		return Value{Kind: Simple, Str: body}, nil
	case '-':
		return Value{Kind: Error, Str: body}, nil
	case ':':
		n, err := strconv.ParseInt(body, 10, 64)
		if err != nil {
			g.pos--
			return Value{}, g.errorf("bad integer %q", line)
		}
		return Value{Kind: Int, Int: n}, nil
	case '$':
		if body == "nil" {
			return Value{Kind: Null}, nil
		}
		s, err := strconv.Unquote(body)
		if err != nil {
			g.pos--
			return Value{}, g.errorf("bad bulk string %q", line)
		}
		return Value{Kind: Bulk, Str: s}, nil
	case '=':
		s, err := strconv.Unquote(body)
		if err != nil {
			g.pos--
			return Value{}, g.errorf("bad verbatim string %q", line)
		}
		return Value{Kind: Verbatim, Str: s}, nil
	case '_':
		return Value{Kind: Nil}, nil
	case '*':
		if body == "nil" {
			return Value{Kind: NullArray}, nil
		}
		return aggregate(Array, 1)
	case '%':
		return aggregate(Map, 2)
	case '~':
		return aggregate(Set, 1)
	case '>':
		return aggregate(Push, 1)
	case ',':
		return Value{Kind: Double, Str: body}, nil
	case '#':
		switch body {
		case "t":
			return Value{Kind: Bool, Int: 1}, nil
		case "f":
			return Value{Kind: Bool}, nil
		}
	case '(':
		return Value{Kind: BigNumber, Str: body}, nil
	case '?':
		return Value{Kind: Normalized, Str: body}, nil
	}
	g.pos--
	return Value{}, g.errorf("unknown reply notation %q", line)
}
