package lua

import (
	"os"
	"strings"
	"sync"
	"testing"
)

// knownFailuresFile lists corpus programs (as FAMILY/NAME) whose output under redmoon is known
// to differ from lua5.1's, each with the reason, one per line: "FAMILY/NAME<TAB>reason".
const knownFailuresFile = "programs/known_failures.txt"

var (
	knownOnce sync.Once
	known     map[string]string
	knownErr  error
)

// knownFailures reads knownFailuresFile once.
func knownFailures() (map[string]string, error) {
	knownOnce.Do(func() {
		data, err := os.ReadFile(knownFailuresFile)
		if err != nil {
			if !os.IsNotExist(err) {
				knownErr = err
			}
			return
		}
		known = map[string]string{}
		for _, line := range strings.Split(string(data), "\n") {
			if line == "" || line[0] == '#' {
				continue
			}
			name, reason, _ := strings.Cut(line, "\t")
			known[name] = reason
		}
	})
	return known, knownErr
}

// verdict reports a program's outcome: a listed program that still differs is skipped with its
// reason, a listed program that matches fails (the list must be pruned), and an unlisted
// program that differs fails with msg.
func verdict(t *testing.T, name string, differs bool, msg string) {
	t.Helper()
	k, err := knownFailures()
	if err != nil {
		t.Fatal(err)
	}
	reason, isKnown := k[name]
	switch {
	case isKnown && differs:
		t.Skip("known failure: " + reason)
	case isKnown:
		t.Errorf("passes now: remove %s from %s", name, knownFailuresFile)
	case differs:
		t.Error(msg)
	}
}

func TestKnownFailuresExist(t *testing.T) {
	k, err := knownFailures()
	if err != nil {
		t.Fatal(err)
	}
	for name, reason := range k {
		if _, err := os.Stat("programs/" + name + ".lua"); err != nil {
			t.Errorf("%s lists %s, which is not a program: %v", knownFailuresFile, name, err)
		}
		if strings.TrimSpace(reason) == "" {
			t.Errorf("%s lists %s without a reason", knownFailuresFile, name)
		}
	}
}
