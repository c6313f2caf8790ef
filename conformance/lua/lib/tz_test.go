package lib

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the zones of the tz programs, wherever the tests run

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	rlua "github.com/redmoon-dev/redmoon/lua"
)

// The programs under tz/ run in a named time zone, given by their first line ("-- TZ=Zone"):
// os.time and os.date across daylight saving changes. lua5.1 runs them with that TZ in the
// environment; redmoon with that zone as time.Local.

const tzDir = "tz"

// programZone returns the zone a tz program names in its first line.
func programZone(t *testing.T, p Program) string {
	t.Helper()
	first, _, _ := strings.Cut(p.Source, "\n")
	zone, ok := strings.CutPrefix(first, "-- TZ=")
	if !ok {
		t.Fatalf("%s: the first line must be -- TZ=Zone", p.Path)
	}
	return strings.TrimSpace(zone)
}

func TestTZCorpusEngine(t *testing.T) {
	progs, err := Load(tzDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(progs) == 0 {
		t.Fatal("no programs under tz/")
	}
	saved := time.Local
	defer func() { time.Local = saved }()
	for _, p := range progs {
		t.Run(p.Name, func(t *testing.T) {
			loc, err := time.LoadLocation(programZone(t, p))
			if err != nil {
				t.Fatal(err)
			}
			time.Local = loc
			var out, errb bytes.Buffer
			status := rlua.RunScript(rlua.Options{InstructionLimit: 2e8}, "lua5.1", p.Path, nil, &out, &errb)
			if status != 0 {
				t.Fatalf("exit status %d: %s", status, errb.String())
			}
			if out.String() != p.Golden {
				t.Errorf("output differs from lua5.1\n--- got\n%s--- want\n%s", out.String(), p.Golden)
			}
		})
	}
}

func TestTZCorpusOracle(t *testing.T) {
	bin := oracle.Binary(t, "lua5.1")
	progs, err := Load(tzDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range progs {
		cmd := exec.Command(bin, p.Path)
		cmd.Env = append(os.Environ(), "TZ="+programZone(t, p))
		var out, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &stderr
		if err := cmd.Run(); err != nil {
			t.Errorf("%s: %v: %s", p.Name, err, stderr.String())
			continue
		}
		if *update {
			if err := os.WriteFile(filepath.Join(tzDir, p.Name+".golden"), out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if out.String() != p.Golden {
			t.Errorf("%s: golden differs from lua5.1:\n--- golden\n%s--- lua5.1\n%s", p.Name, p.Golden, out.String())
		}
	}
}
