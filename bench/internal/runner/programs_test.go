package runner

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/redmoon-dev/redmoon/conformance/oracle"
)

var update = flag.Bool("update", false, "re-record the golden files from the live lua5.1 and redis-server")

// testScale is the size factor of the programs in tests: a few milliseconds each.
const testScale = "0.02"

// suitePrograms lists the benchmark programs of bench/suite.
func suitePrograms(t *testing.T) []string {
	files, err := filepath.Glob(filepath.Join("..", "..", "suite", "*.lua"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no programs in bench/suite: %v", err)
	}
	return files
}

func goldenPath(program string) string {
	return filepath.Join("testdata", "programs", strings.TrimSuffix(filepath.Base(program), ".lua")+".golden")
}

// runLua51 runs a program under the lua5.1 binary, as the driver does (the programs loop over
// step themselves when no host drives them).
func runLua51(t *testing.T, lua, program string) string {
	t.Helper()
	out, err := exec.Command(lua, program, testScale).Output()
	if err != nil {
		t.Fatalf("lua5.1 %s: %v", program, err)
	}
	return string(out)
}

// TestProgramsMatchLua51 runs every benchmark program the way the driver runs redmoon (Go
// hosted: step called from Go in the script-like program) and compares the output, checksums
// included, with lua5.1's recorded in testdata/programs.
func TestProgramsMatchLua51(t *testing.T) {
	for _, prog := range suitePrograms(t) {
		t.Run(filepath.Base(prog), func(t *testing.T) {
			if *update {
				lua := oracle.Binary(t, "lua5.1")
				if err := os.MkdirAll(filepath.Dir(goldenPath(prog)), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(goldenPath(prog), []byte(runLua51(t, lua, prog)), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(goldenPath(prog))
			if err != nil {
				t.Fatalf("%v (record it with go test -run TestProgramsMatchLua51 -update)", err)
			}
			var got bytes.Buffer
			if err := RunProgram(prog, testScale, &got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), got.String()); diff != "" {
				t.Errorf("output differs from lua5.1's (-lua5.1 +redmoon):\n%s", diff)
			}
			if !strings.HasPrefix(got.String(), "checksum\t") {
				t.Errorf("the program prints no checksum line: %q", got.String())
			}
		})
	}
}

// TestProgramGoldensMatchLiveLua51 re-checks the recorded outputs against the installed lua5.1.
func TestProgramGoldensMatchLiveLua51(t *testing.T) {
	lua := oracle.Binary(t, "lua5.1")
	for _, prog := range suitePrograms(t) {
		want, err := os.ReadFile(goldenPath(prog))
		if err != nil {
			t.Fatal(err)
		}
		if got := runLua51(t, lua, prog); got != string(want) {
			t.Errorf("%s: lua5.1 prints %q, the golden file holds %q", prog, got, want)
		}
	}
}

// TestRunProgramErrors covers the host's failures: a missing file, a syntax error, a runtime
// error in step, and a step without STEPS.
func TestRunProgramErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := []struct {
		name, path, want string
	}{
		{"missing file", filepath.Join(dir, "nope.lua"), "no such file"},
		{"syntax error", write("syntax.lua", "x = = 1"), "unexpected symbol near '='"},
		{"error in step", write("step.lua", "STEPS = 3 function step(i) if i == 2 then error('boom') end end"), "boom"},
		{"no STEPS", write("nosteps.lua", "function step(i) end"), "STEPS is not a number"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := RunProgram(c.path, "1", &bytes.Buffer{})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one containing %q", err, c.want)
			}
		})
	}
}

// TestRunProgramHosting checks the host protocol: arg, HOSTED, step called STEPS times from
// Go, then finish.
func TestRunProgramHosting(t *testing.T) {
	p := filepath.Join(t.TempDir(), "host.lua")
	src := `local n = 0
STEPS = tonumber(arg[1]) * 2
function step(i) n = n + i end
function finish() print(tostring(HOSTED), arg[0] ~= nil, n) end`
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := RunProgram(p, "5", &out); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "true\ttrue\t55\n"; got != want {
		t.Errorf("output %q, want %q", got, want)
	}
}
