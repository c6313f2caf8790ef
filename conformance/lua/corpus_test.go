package lua

import (
	"bytes"
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	rlua "github.com/redmoon-dev/redmoon/lua"
	"github.com/redmoon-dev/redmoon/lua/stdlib"
)

var update = flag.Bool("update", false, "rewrite golden files from lua5.1")

func programs(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("programs/*/*.lua")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	if len(files) == 0 {
		t.Fatal("no programs")
	}
	return files
}

func goldenPath(prog string) string { return strings.TrimSuffix(prog, ".lua") + ".out" }

// result formats a run as a golden file.
func result(stdout []byte, status int, stderr []byte) string {
	if status == 0 {
		return string(stdout)
	}
	first, _, _ := strings.Cut(string(stderr), "\n")
	return string(stdout) + "\n=== exit 1\n" + first + "\n"
}

// needs returns the libraries a program declares in a first line "-- needs: a b".
func needs(src []byte) []string {
	line, _, _ := bytes.Cut(src, []byte("\n"))
	s := string(line)
	if !strings.HasPrefix(s, "-- needs:") {
		return nil
	}
	return strings.Fields(strings.TrimPrefix(s, "-- needs:"))
}

func TestPrograms(t *testing.T) {
	have := map[string]bool{}
	for _, l := range stdlib.Available() {
		have[l] = true
	}
	for _, prog := range programs(t) {
		t.Run(strings.TrimSuffix(strings.TrimPrefix(prog, "programs/"), ".lua"), func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(prog)
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range needs(src) {
				if !have[n] {
					t.Skipf("library %s not built yet", n)
				}
			}
			want, err := os.ReadFile(goldenPath(prog))
			if err != nil {
				t.Fatalf("no golden file (run the oracle test with -update): %v", err)
			}
			var out, errb bytes.Buffer
			status := rlua.RunScript(rlua.Options{InstructionLimit: 2e8}, "lua5.1", prog, nil, &out, &errb)
			got := result(out.Bytes(), status, errb.Bytes())
			verdict(t, strings.TrimSuffix(strings.TrimPrefix(prog, "programs/"), ".lua"), got != string(want),
				"output differs from lua5.1\n--- got\n"+got+"\n--- want\n"+string(want))
		})
	}
}

func TestProgramsOracle(t *testing.T) {
	bin := oracle.Binary(t, "lua5.1")
	for _, prog := range programs(t) {
		var out, errb bytes.Buffer
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		cmd := exec.CommandContext(ctx, bin, prog)
		cmd.Args[0] = "lua5.1" // the progname in error reports
		cmd.Stdout, cmd.Stderr = &out, &errb
		status := 0
		err := cmd.Run()
		cancel()
		if err != nil {
			if _, ok := err.(*exec.ExitError); !ok {
				t.Fatalf("%s: %v", prog, err)
			}
			status = 1
		}
		got := result(out.Bytes(), status, errb.Bytes())
		gp := goldenPath(prog)
		if *update {
			if err := os.WriteFile(gp, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(gp)
		if err != nil {
			t.Errorf("%s: no golden file (run with -update)", prog)
			continue
		}
		if got != string(want) {
			t.Errorf("%s: lua5.1 output differs from the golden file\n--- lua5.1\n%s\n--- golden\n%s", prog, got, want)
		}
	}
}
