// Package oracle locates the reference implementations that redmoon is compared with:
// PUC Lua 5.1.5 (lua5.1, luac5.1) and Redis 7.0 (redis-server, redis-cli).
//
// Tests that need an oracle call Binary. On a developer machine without the oracle the test is
// skipped with a message that says how to install it; in CI (the CI environment variable is set to
// a true value) a missing oracle fails the test, so the differential checks never silently vanish.
package oracle

import (
	"os"
	"os/exec"
	"strconv"
	"testing"
)

// installHints maps each oracle binary to the Debian package that provides it.
var installHints = map[string]string{
	"lua5.1":          "lua5.1",
	"luac5.1":         "lua5.1",
	"luajit":          "luajit",
	"redis-server":    "redis-server",
	"redis-cli":       "redis-server",
	"redis-benchmark": "redis-server",
}

// InCI reports whether the tests run in continuous integration, where every oracle must be present.
func InCI() bool {
	v, err := strconv.ParseBool(os.Getenv("CI"))
	return err == nil && v
}

// Lookup returns the path of the named oracle binary on PATH and whether it was found.
func Lookup(name string) (string, bool) {
	p, err := exec.LookPath(name)
	return p, err == nil
}

// InstallHint returns the command that installs the named oracle binary on Debian.
func InstallHint(name string) string {
	pkg, ok := installHints[name]
	if !ok {
		pkg = name
	}
	return "apt-get update && apt-get install -y " + pkg
}

// Binary returns the path of the named oracle binary. When it is not on PATH the test is skipped
// with install instructions, or fails when running in CI.
func Binary(t testing.TB, name string) string {
	t.Helper()
	p, ok := Lookup(name)
	if ok {
		return p
	}
	msg := name + " not found on PATH; install it with: " + InstallHint(name)
	if InCI() {
		t.Fatalf("oracle missing in CI: %s", msg)
	}
	t.Skip(msg)
	return ""
}
