package lib

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
)

var update = flag.Bool("update", false, "rewrite the golden files from lua5.1")

func TestCorpusSize(t *testing.T) {
	progs, err := Load(".")
	if err != nil {
		t.Fatal(err)
	}
	patterns := 0
	for _, p := range progs {
		if p.Golden == "" {
			t.Errorf("%s has no golden output", p.Name)
		}
		switch {
		case len(p.Name) > 4 && (p.Name[:4] == "pat_" || p.Name[:5] == "find_" || p.Name[:5] == "gsub_" || p.Name[:6] == "match_" || p.Name[:7] == "gmatch_"):
			patterns++
		}
	}
	if len(progs) < 250 || patterns < 80 {
		t.Errorf("corpus has %d programs, %d about patterns; want at least 250 and 80", len(progs), patterns)
	}
}

// runOracle runs a program with lua5.1 in this directory, with the time zone set to UTC.
func runOracle(bin string, p Program) (string, error) {
	cmd := exec.Command(bin, p.Name+".lua")
	cmd.Env = append(os.Environ(), "TZ=UTC")
	var out, stderr bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return out.String(), &oracleError{p.Name, err, stderr.String()}
	}
	return out.String(), nil
}

type oracleError struct {
	name   string
	err    error
	stderr string
}

func (e *oracleError) Error() string { return e.name + ": " + e.err.Error() + ": " + e.stderr }

func TestCorpusOracle(t *testing.T) {
	bin := oracle.Binary(t, "lua5.1")
	progs, err := Load(".")
	if err != nil {
		t.Fatal(err)
	}
	outs := make([]string, len(progs))
	errs := make([]error, len(progs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i, p := range progs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			outs[i], errs[i] = runOracle(bin, p)
			<-sem
		}()
	}
	wg.Wait()
	for i, p := range progs {
		if errs[i] != nil {
			t.Errorf("%v", errs[i])
			continue
		}
		if *update {
			if err := os.WriteFile(filepath.Join(".", p.Name+".golden"), []byte(outs[i]), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if outs[i] != p.Golden {
			t.Errorf("%s: golden differs from lua5.1:\n--- golden\n%s--- lua5.1\n%s", p.Name, p.Golden, outs[i])
		}
	}
}
