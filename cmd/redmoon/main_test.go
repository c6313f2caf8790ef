package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	cases := []struct {
		args     []string
		code     int
		inStdout string
	}{
		{[]string{"--version"}, 0, "redmoon " + Version},
		{[]string{"--help"}, 0, "Usage:"},
	}
	for _, c := range cases {
		var out, errOut bytes.Buffer
		if code := run(c.args, &out, &errOut); code != c.code || !strings.Contains(out.String(), c.inStdout) {
			t.Errorf("run(%q) = %d, stdout %q; want %d and %q", c.args, code, out.String(), c.code, c.inStdout)
		}
	}
}
