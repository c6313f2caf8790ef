package lib

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	rlua "github.com/redmoon-dev/redmoon/lua"
)

func TestMain(m *testing.M) {
	// The goldens were recorded with TZ=UTC.
	time.Local = time.FixedZone("UTC", 0)
	os.Exit(m.Run())
}

// TestCorpusEngine runs every program under redmoon and compares its output with lua5.1's.
func TestCorpusEngine(t *testing.T) {
	progs, err := Load(".")
	if err != nil {
		t.Fatal(err)
	}
	known, err := KnownFailures(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range progs {
		t.Run(p.Name, func(t *testing.T) {
			var out, errb bytes.Buffer
			status := rlua.RunScript(rlua.Options{InstructionLimit: 2e8}, "lua5.1", p.Name+".lua", nil, &out, &errb)
			msg := ""
			if status != 0 {
				first, _, _ := strings.Cut(errb.String(), "\n")
				msg = "exit status 1: " + first + "\n--- got\n" + out.String()
			} else if out.String() != p.Golden {
				msg = "output differs from lua5.1\n--- got\n" + out.String() + "--- want\n" + p.Golden
			}
			reason, isKnown := known[p.Name]
			switch {
			case isKnown && msg != "":
				t.Skip("known failure: " + reason)
			case isKnown:
				t.Errorf("passes now: remove it from known_failures.txt")
			case msg != "":
				t.Error(msg)
			}
		})
	}
}
