package compiler

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/lua/syntax"
	"github.com/redmoon-dev/redmoon/conformance/oracle"
	"github.com/redmoon-dev/redmoon/lua/parser"
)

// The code our compiler generates must have PUC's shape (see Shape). shapes.golden holds, for
// each corpus program and valid syntax snippet, a digest of luac5.1 -l's listing reduced to it.

func ourShape(t *testing.T, path string, src []byte) (string, bool) {
	chunk, err := parser.ParseOptions(src, "@"+path, parser.Options{SkipHashLine: true, CCalls: 1})
	if err != nil {
		return "", false
	}
	p, err := CompileOptions(chunk, Options{Source: src, SkipHashLine: true})
	if err != nil {
		return "", false
	}
	return Shape(p), true
}

func digest(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:8])
}

type shapeInput struct {
	name string // the golden key
	src  []byte
}

// shapeInputs are the corpus programs and the valid snippets of the syntax corpus.
func shapeInputs(t *testing.T) []shapeInput {
	root := filepath.Join("..", "..", "conformance", "lua")
	var files []string
	for _, g := range []string{"programs/*/*.lua", "lib/*.lua"} {
		m, err := filepath.Glob(filepath.Join(root, g))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	sort.Strings(files)
	var in []shapeInput
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, f)
		in = append(in, shapeInput{filepath.ToSlash(rel), src})
	}
	cases, err := syntax.LoadDir(filepath.Join(root, "syntax"), "valid")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		in = append(in, shapeInput{"syntax/" + c.File + "/" + c.Name, c.Src})
	}
	if len(in) < 300 {
		t.Fatalf("only %d inputs", len(in))
	}
	return in
}

const shapesGolden = "testdata/shapes.golden"

func TestShapes(t *testing.T) {
	data, err := os.ReadFile(shapesGolden)
	if err != nil {
		t.Fatalf("%v (record it with go test ./lua/compiler -run ShapesOracle -update)", err)
	}
	want := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if name, d, ok := strings.Cut(l, "\t"); ok && !strings.HasPrefix(l, "#") {
			want[name] = d
		}
	}
	checked := 0
	for _, in := range shapeInputs(t) {
		w, ok := want[in.name]
		if !ok {
			continue // an input added after the golden was recorded
		}
		got, ok := ourShape(t, "input", in.src)
		if !ok {
			got = "error"
		} else {
			got = digest(got)
		}
		checked++
		if got != w {
			t.Errorf("%s: code shape differs from luac5.1's (run TestShapesOracle for the listing)", in.name)
		}
	}
	if checked < 100 {
		t.Errorf("only %d files checked", checked)
	}
}

// TestShapesOracle compares with luac5.1 -l directly, showing the first difference, and
// rewrites the golden with -update.
func TestShapesOracle(t *testing.T) {
	bin := oracle.Binary(t, "luac5.1")
	var b strings.Builder
	b.WriteString("# digest of luac5.1 -l reduced to (opcode, A, line) and function headers, per corpus file and valid syntax snippet\n")
	b.WriteString("# Regenerate: go test ./lua/compiler -run ShapesOracle -update\n")
	dir := t.TempDir()
	path := filepath.Join(dir, "input")
	for _, in := range shapeInputs(t) {
		if err := os.WriteFile(path, in.src, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(bin, "-l", "-p", path).Output()
		want := "error"
		if err == nil {
			want = LuacShape(string(out))
		}
		got, ok := ourShape(t, "input", in.src)
		if !ok {
			got = "error"
		}
		if got != want {
			t.Errorf("%s: shape differs from luac5.1\n%s", in.name, firstDiff(got, want))
		}
		if want != "error" {
			want = digest(want)
		}
		b.WriteString(in.name + "\t" + want + "\n")
	}
	if *update {
		if err := os.WriteFile(shapesGolden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d: ours %q, luac5.1 %q", i+1, gl, wl)
		}
	}
	return "same"
}
