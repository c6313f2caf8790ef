package redis

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// A Target is something that executes Redis commands: a live server over the network, our
// keyspace in-process, or our own server. The harness drives every target the same way.
type Target interface {
	// Reset starts a case: every database empty, database 0 selected, protocol RESP2.
	Reset() error
	// Do executes one command and returns its reply. The error is reserved for failures of the
	// target itself (a broken connection); Redis errors are replies of kind Error.
	Do(args []string) (Value, error)
	// SetProtocol switches the connection to RESP2 or RESP3 (HELLO n).
	SetProtocol(n int) error
	// Sleep lets d of time pass (real time for a server, the controllable clock in-process).
	Sleep(d time.Duration)
}

// A File is one case file with its cases, and the golden file that belongs to it.
type File struct {
	Name       string // base name without extension, e.g. "strings"
	CasePath   string
	GoldenPath string
	Cases      []*Case
}

// LoadCorpus reads every dir/cases/*.cases file; the golden for cases/NAME.cases is
// golden/NAME.golden. Files are returned in name order.
func LoadCorpus(dir string) ([]*File, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "cases", "*.cases"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var files []*File
	for _, p := range paths {
		cases, err := ParseCaseFile(p)
		if err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(filepath.Base(p), ".cases")
		files = append(files, &File{
			Name:       name,
			CasePath:   p,
			GoldenPath: filepath.Join(dir, "golden", name+".golden"),
			Cases:      cases,
		})
	}
	return files, nil
}

// Run executes one case against a target and returns its normalized replies.
func Run(t Target, c *Case) (Recording, error) {
	rec := Recording{Case: c.Name}
	if err := t.Reset(); err != nil {
		return rec, fmt.Errorf("%s: reset: %w", c.Name, err)
	}
	for _, st := range c.Steps {
		switch st.Directive {
		case "resp2":
			if err := t.SetProtocol(2); err != nil {
				return rec, fmt.Errorf("%s:%d: HELLO 2: %w", c.File, st.Line, err)
			}
			continue
		case "resp3":
			if err := t.SetProtocol(3); err != nil {
				return rec, fmt.Errorf("%s:%d: HELLO 3: %w", c.File, st.Line, err)
			}
			continue
		case "sleep":
			t.Sleep(st.Sleep)
			continue
		}
		v, err := t.Do(st.Args)
		if err != nil {
			return rec, fmt.Errorf("%s:%d: %s: %w", c.File, st.Line, CommandText(st.Args), err)
		}
		rec.Entries = append(rec.Entries, Entry{
			Command: CommandText(st.Args),
			Line:    st.Line,
			Reply:   Normalize(v, st.Mods),
		})
	}
	return rec, nil
}

// RunFile executes every case of a file.
func RunFile(t Target, f *File) ([]Recording, error) {
	recs := make([]Recording, 0, len(f.Cases))
	for _, c := range f.Cases {
		r, err := Run(t, c)
		if err != nil {
			return nil, err
		}
		recs = append(recs, r)
	}
	return recs, nil
}

// A Mismatch is one reply that differs from its golden.
type Mismatch struct {
	File, Case string
	Line       int // line of the command in the case file
	Command    string
	Got, Want  Value
	Problem    string // set instead of Got/Want when the golden does not fit the case file
}

func (m Mismatch) String() string {
	if m.Problem != "" {
		return fmt.Sprintf("%s.cases: case %s: %s", m.File, m.Case, m.Problem)
	}
	return fmt.Sprintf("%s.cases:%d: case %s: > %s\n got:\n%s want:\n%s",
		m.File, m.Line, m.Case, m.Command, indent(m.Got.Render()), indent(m.Want.Render()))
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n    ") + "\n"
}

// Compare matches recordings of a file's cases with its golden recordings, command by command.
func Compare(file string, got, want []Recording) []Mismatch {
	var out []Mismatch
	wantBy := make(map[string]Recording, len(want))
	for _, w := range want {
		wantBy[w.Case] = w
	}
	for _, g := range got {
		w, ok := wantBy[g.Case]
		if !ok {
			out = append(out, Mismatch{File: file, Case: g.Case, Problem: "no golden recorded (run the recorder with -update)"})
			continue
		}
		delete(wantBy, g.Case)
		if len(g.Entries) != len(w.Entries) {
			out = append(out, Mismatch{File: file, Case: g.Case, Problem: fmt.Sprintf(
				"case has %d commands, golden has %d (stale golden: re-record)", len(g.Entries), len(w.Entries))})
			continue
		}
		for i, ge := range g.Entries {
			we := w.Entries[i]
			if ge.Command != we.Command {
				out = append(out, Mismatch{File: file, Case: g.Case, Line: ge.Line, Problem: fmt.Sprintf(
					"command %d is %q in the case file but %q in the golden (stale golden: re-record)", i+1, ge.Command, we.Command)})
				break
			}
			if !Equal(ge.Reply, we.Reply) {
				out = append(out, Mismatch{File: file, Case: g.Case, Line: ge.Line, Command: ge.Command, Got: ge.Reply, Want: we.Reply})
			}
		}
	}
	for name := range wantBy {
		out = append(out, Mismatch{File: file, Case: name, Problem: "golden has a case the case file no longer has (re-record)"})
	}
	return out
}

// Equal reports whether two reply trees are identical (kinds and values).
func Equal(a, b Value) bool {
	if a.Kind != b.Kind || a.Str != b.Str || a.Int != b.Int || len(a.Elems) != len(b.Elems) {
		return false
	}
	for i := range a.Elems {
		if !Equal(a.Elems[i], b.Elems[i]) {
			return false
		}
	}
	return true
}

// WriteGolden writes a file's recordings to its golden path.
func WriteGolden(f *File, recs []Recording) error {
	if err := os.MkdirAll(filepath.Dir(f.GoldenPath), 0o755); err != nil {
		return err
	}
	return os.WriteFile(f.GoldenPath, []byte(FormatGolden(recs)), 0o644)
}
