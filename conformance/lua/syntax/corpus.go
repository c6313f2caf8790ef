package syntax

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Case is one snippet of a case file.
type Case struct {
	File string // case file, relative to the corpus root, e.g. "valid/expressions.txt"
	Name string // name from the header line, unique in its file
	Src  []byte // the snippet's bytes
	Line int    // line of the header in the case file
}

// ID returns the case's name as used in golden files and test names.
func (c *Case) ID() string { return c.Name }

// Header marks the start of a case: "==== NAME", or "==== NAME [esc]" when the body is written
// with \ddd escapes (for bytes such as NUL or CR that a text file cannot show).
const Header = "==== "

const escMark = " [esc]"

// ParseCaseFile splits a case file into cases. Lines before the first header are comments.
// A snippet is the text between its header line and the next header (or the end of the file),
// without the final line break, so "x =" followed by an empty line is the snippet "x =\n".
func ParseCaseFile(name string, data []byte) ([]*Case, error) {
	var cases []*Case
	var cur *Case
	var body []string
	esc := false
	flush := func() error {
		if cur == nil {
			return nil
		}
		src := strings.Join(body, "\n")
		if esc {
			u, err := Unescape(src)
			if err != nil {
				return fmt.Errorf("%s:%d: %v", name, cur.Line, err)
			}
			src = u
		}
		cur.Src = []byte(src)
		cases = append(cases, cur)
		return nil
	}
	text := string(data)
	text = strings.TrimSuffix(text, "\n")
	seen := map[string]bool{}
	for i, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, Header) {
			if err := flush(); err != nil {
				return nil, err
			}
			n := strings.TrimPrefix(l, Header)
			esc = strings.HasSuffix(n, escMark)
			n = strings.TrimSpace(strings.TrimSuffix(n, escMark))
			if n == "" || strings.ContainsAny(n, "\t ") {
				return nil, fmt.Errorf("%s:%d: bad case name %q", name, i+1, n)
			}
			if seen[n] {
				return nil, fmt.Errorf("%s:%d: duplicate case name %q", name, i+1, n)
			}
			seen[n] = true
			cur = &Case{File: name, Name: n, Line: i + 1}
			body = body[:0]
			continue
		}
		if cur != nil {
			body = append(body, l)
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return cases, nil
}

// LoadDir reads every *.txt case file in dir (relative to root), sorted by name.
func LoadDir(root, dir string) ([]*Case, error) {
	files, err := filepath.Glob(filepath.Join(root, dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var all []*Case
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		rel, _ := filepath.Rel(root, f)
		cs, err := ParseCaseFile(filepath.ToSlash(rel), data)
		if err != nil {
			return nil, err
		}
		all = append(all, cs...)
	}
	return all, nil
}

// GoldenPath returns the golden file of a case file: the same name with ".golden".
func GoldenPath(root, caseFile string) string {
	return filepath.Join(root, strings.TrimSuffix(caseFile, ".txt")+".golden")
}

// Answer is the oracle's verdict on a snippet: OK, or the error message.
type Answer struct {
	OK  bool
	Msg string // without the chunk name in file modes: "LINE: message"; full in loadstring mode
}

func (a Answer) String() string {
	if a.OK {
		return "ok"
	}
	return "error: " + a.Msg
}

// ReadGolden reads a golden file: lines "NAME<TAB>ok" or "NAME<TAB>error<TAB>MESSAGE" with
// fields escaped as Escape does; "#" lines are comments.
func ReadGolden(path string) (map[string]Answer, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]Answer{}
	for i, l := range strings.Split(string(data), "\n") {
		if l == "" || l[0] == '#' {
			continue
		}
		f := strings.Split(l, "\t")
		switch {
		case len(f) == 2 && f[1] == "ok":
			out[f[0]] = Answer{OK: true}
		case len(f) == 3 && f[1] == "error":
			m, err := Unescape(f[2])
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", path, i+1, err)
			}
			out[f[0]] = Answer{Msg: m}
		default:
			return nil, fmt.Errorf("%s:%d: malformed golden line", path, i+1)
		}
	}
	return out, nil
}

// WriteGolden writes answers for cases in case order.
func WriteGolden(path, header string, cases []*Case, answers map[string]Answer) error {
	var b bytes.Buffer
	for _, l := range strings.Split(strings.TrimSpace(header), "\n") {
		b.WriteString("# " + l + "\n")
	}
	for _, c := range cases {
		a := answers[c.Name]
		if a.OK {
			fmt.Fprintf(&b, "%s\tok\n", c.Name)
		} else {
			fmt.Fprintf(&b, "%s\terror\t%s\n", c.Name, Escape(a.Msg))
		}
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}
