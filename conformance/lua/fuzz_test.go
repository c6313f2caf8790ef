package lua

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/lua/syntax"
	rlua "github.com/redmoon-dev/redmoon/lua"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// fuzzSeeds returns the snippets of the syntax corpus (valid and invalid) and the corpus
// programs: inputs for the compiler and the VM.
func fuzzSeeds(t testing.TB) []string {
	var seeds []string
	for _, dir := range []string{"valid", "invalid"} {
		cases, err := syntax.LoadDir("syntax", dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			seeds = append(seeds, string(c.Src))
		}
	}
	files, _ := filepath.Glob("programs/*/*.lua")
	for _, f := range files {
		if src, err := os.ReadFile(f); err == nil {
			seeds = append(seeds, string(src))
		}
	}
	return seeds
}

// runFuzz compiles and runs src with a work limit: any error is fine, an internal error (a Go
// panic inside the engine) is not, and the limit must stop every loop.
func runFuzz(t *testing.T, src string) {
	s := rlua.NewState(rlua.Options{InstructionLimit: 20000, Stdout: discard{}, MaxStringSize: 1 << 20})
	// Library functions that read files or build unbounded strings are out of scope here
	// (memory accounting is a later limit).
	for _, name := range []string{"dofile", "loadfile"} {
		s.SetGlobal(name, vm.Nil)
	}
	if str := s.GetGlobal("string").AsTable(); str != nil {
		for _, name := range []string{"rep", "format"} {
			str.SetStr(name, vm.Nil)
		}
	}
	if tbl := s.GetGlobal("table").AsTable(); tbl != nil {
		tbl.SetStr("concat", vm.Nil)
	}
	fn, err := s.Load(src, "=fuzz")
	if err != nil {
		if strings.Contains(err.Error(), "internal error") {
			t.Fatalf("compiler crashed on %q: %v", src, err)
		}
		return
	}
	if _, err := s.Call(fn); err != nil && strings.Contains(err.Error(), "internal error") {
		t.Fatalf("VM crashed on %q: %v", src, err)
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// TestFuzzSeeds runs every seed once (the fuzz target's corpus, in ordinary test runs).
func TestFuzzSeeds(t *testing.T) {
	for _, src := range fuzzSeeds(t) {
		runFuzz(t, src)
	}
}

// FuzzCompileRun feeds mutated programs to the compiler and the VM:
//
//	go test ./conformance/lua -run XXX -fuzz FuzzCompileRun -fuzztime 60s
func FuzzCompileRun(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4096 {
			return
		}
		runFuzz(t, src)
	})
}
