package parser

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
)

// TestRoundTrip prints every valid corpus snippet back from its tree and parses the result:
// the two trees must be the same.
func TestRoundTrip(t *testing.T) {
	n := 0
	for _, c := range readCorpus(t, "valid") {
		chunk, err := ParseOptions(c.src, "@input", Options{SkipHashLine: true, CCalls: 1})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		printed := printLua(chunk)
		again, err := Parse([]byte(printed), "=printed")
		if err != nil {
			t.Errorf("%s: printed source does not parse: %v\n%s", c.name, err, printed)
			continue
		}
		if a, b := Dump(chunk.Main), Dump(again.Main); a != b {
			t.Errorf("%s: tree changed by printing:\n%s\n%s", c.name, a, b)
		}
		n++
	}
	t.Logf("%d snippets", n)
}

// listingLine matches an instruction of luac -l: index, [line], opcode and operands.
var listingLine = regexp.MustCompile(`^\s+\d+\s+\[\d+\]\s+(.*)$`)

// address matches the closure addresses luac prints after CLOSURE instructions.
var address = regexp.MustCompile(`0x[0-9a-f]+`)

// luacListing returns the instructions and constants luac5.1 -l -l lists for src, without
// line numbers and addresses.
func luacListing(t *testing.T, luac string, src []byte) (string, error) {
	dir := t.TempDir()
	path := filepath.Join(dir, "input")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(luac, "-l", "-l", "-p", "input")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, l := range strings.Split(string(out), "\n") {
		switch {
		case listingLine.MatchString(l):
			b.WriteString(address.ReplaceAllString(listingLine.FindStringSubmatch(l)[1], "ADDR") + "\n")
		case strings.HasPrefix(l, "main <"), strings.HasPrefix(l, "function <"), strings.HasPrefix(l, "locals ("):
			// headers carry lines and addresses; locals list pcs that depend on nothing else
			b.WriteString("--\n")
		case strings.HasPrefix(l, "\t") && !strings.Contains(l, "["):
			b.WriteString(l + "\n") // constants, locals and upvalues
		}
	}
	return b.String(), nil
}

// TestRoundTripBytecode checks that the tree keeps everything PUC's code generator uses: the
// one-line source printed from the tree compiles, with luac5.1, to the same instructions and
// constants as the original snippet (line numbers aside).
func TestRoundTripBytecode(t *testing.T) {
	luac := oracle.Binary(t, "luac5.1")
	n := 0
	for _, c := range readCorpus(t, "valid") {
		chunk, err := ParseOptions(c.src, "@input", Options{SkipHashLine: true, CCalls: 1})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		printed := printLua(chunk)
		want, err := luacListing(t, luac, c.src)
		if err != nil {
			continue // rejected by luac's code generator or nesting limits: nothing to compare
		}
		got, err := luacListing(t, luac, []byte(printed))
		if err != nil {
			t.Errorf("%s: luac rejects the printed source: %v\n%s", c.name, err, printed)
			continue
		}
		if got != want {
			t.Errorf("%s: bytecode differs\noriginal:\n%s\nprinted %s:\n%s", c.name, want, printed, got)
		}
		n++
	}
	t.Logf("%d snippets compared", n)
}
