package redis

import (
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Dir returns the directory of this package (the corpus root), wherever the caller's test runs.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(file)
}

// CheckLuaLibFiles replays the named case files (cases/NAME.cases) through a LuaLibTarget and
// compares with their goldens, one subtest per case. The library packages call it from their
// tests. A case our engine cannot run yet because a standard library it uses is still missing
// (the reply is an "attempt to index global 'string'" error, say) is skipped with that reason.
func CheckLuaLibFiles(t *testing.T, names ...string) { CheckLuaLibFilesKnown(t, nil, names...) }

// CheckLuaLibFilesKnown is CheckLuaLibFiles with a list of known engine problems outside the
// libraries: a case named in known (by "file/case") is expected to fail and is skipped with the
// reason given; it fails when it passes, so the entry gets removed once the engine is fixed.
func CheckLuaLibFilesKnown(t *testing.T, known map[string]string, names ...string) {
	t.Helper()
	files, err := LoadCorpus(Dir())
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*File{}
	for _, f := range files {
		byName[f.Name] = f
	}
	for _, name := range names {
		f := byName[name]
		if f == nil {
			t.Fatalf("no case file %s.cases in %s", name, Dir())
		}
		t.Run(name, func(t *testing.T) {
			want, err := ReadGolden(f.GoldenPath)
			if err != nil {
				t.Fatal(err)
			}
			wantBy := map[string]Recording{}
			for _, w := range want {
				wantBy[w.Case] = w
			}
			target := &LuaLibTarget{}
			for _, c := range f.Cases {
				t.Run(c.Name, func(t *testing.T) {
					reason, isKnown := known[f.Name+"/"+c.Name]
					rec, err := Run(target, c)
					if err != nil {
						if isKnown {
							t.Skipf("known engine problem (%s): %v", reason, err)
						}
						t.Fatal(err)
					}
					w, ok := wantBy[c.Name]
					if !ok {
						t.Fatalf("no golden for case %s (record it with -update)", c.Name)
					}
					ms := Compare(f.Name, []Recording{rec}, []Recording{w})
					if isKnown {
						if len(ms) == 0 {
							t.Fatalf("listed as a known engine problem (%s) but passes: remove it from the list", reason)
						}
						t.Skipf("known engine problem: %s", reason)
					}
					if lib := missingStdlib(rec, target); len(ms) > 0 && lib != "" {
						t.Skipf("needs the %s library, not in the engine yet", lib)
					}
					for _, m := range ms {
						if m.Problem != "" {
							t.Error(m.String())
							continue
						}
						t.Errorf("%s\ndiff (-want +got):\n%s", m.String(), cmp.Diff(m.Want, m.Got))
					}
				})
			}
		})
	}
}

// missingStdlib names a standard library a failed reply complains about when the engine does not
// have it yet.
func missingStdlib(rec Recording, target *LuaLibTarget) string {
	for _, lib := range []string{"string", "table", "math"} {
		if !target.st.GetGlobal(lib).IsNil() {
			continue
		}
		for _, e := range rec.Entries {
			if mentions(e.Reply, "global '"+lib+"'") {
				return lib
			}
		}
	}
	return ""
}

// mentions reports whether a string leaf of v contains s.
func mentions(v Value, s string) bool {
	if strings.Contains(v.Str, s) {
		return true
	}
	for _, e := range v.Elems {
		if mentions(e, s) {
			return true
		}
	}
	return false
}
