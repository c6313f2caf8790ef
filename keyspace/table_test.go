package keyspace

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestTableMatchesSpec checks every top-level command of the table against the command list read
// from a real Redis 7.0.15 (testdata/commands-7.0.tsv), and that the table has no other command.
func TestTableMatchesSpec(t *testing.T) {
	data, err := os.ReadFile("testdata/commands-7.0.tsv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")[1:]
	if len(lines) != len(commands) {
		t.Errorf("table has %d commands, spec has %d", len(commands), len(lines))
	}
	for _, line := range lines {
		f := strings.Split(line, "\t")
		name := f[1]
		cmd := commands[name]
		if cmd == nil {
			t.Errorf("command %s missing from the table", name)
			continue
		}
		nums := []int{}
		for _, s := range []string{f[2], f[4], f[5], f[6]} {
			n, _ := strconv.Atoi(s)
			nums = append(nums, n)
		}
		got := []any{cmd.Group, cmd.Arity, cmd.Flags.String(), cmd.FirstKey, cmd.LastKey, cmd.KeyStep, cmd.Since}
		want := []any{f[0], nums[0], f[3], nums[1], nums[2], nums[3], f[7]}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: column %d = %v, spec says %v", name, i, got[i], want[i])
			}
		}
		var subs []string
		if len(f) > 8 && f[8] != "" {
			subs = strings.Fields(f[8])
		}
		if len(subs) != len(cmd.Subs) {
			t.Errorf("%s: %d subcommands, spec lists %d", name, len(cmd.Subs), len(subs))
		}
		for _, s := range subs {
			_, sub, _ := strings.Cut(s, "|")
			if cmd.Subs[sub] == nil {
				t.Errorf("%s: subcommand %s missing", name, s)
			}
		}
	}
}

func TestLookup(t *testing.T) {
	cases := []struct {
		name, want string
	}{
		{"get", "get"}, {"GET", "get"}, {"gEt", "get"}, {"object", "object"},
		{"nosuch", ""}, {"", ""}, {strings.Repeat("x", 100), ""},
	}
	for _, c := range cases {
		cmd := Lookup(c.name)
		got := ""
		if cmd != nil {
			got = cmd.Name
		}
		if got != c.want {
			t.Errorf("Lookup(%q) = %q, want %q", c.name, got, c.want)
		}
	}
	if sub := Lookup("OBJECT").Sub("EnCoding"); sub == nil || sub.Name != "object|encoding" || sub.Arity != 3 {
		t.Errorf("OBJECT ENCODING subcommand = %+v", sub)
	}
	if n := testing.AllocsPerRun(100, func() { Lookup("GET") }); n != 0 {
		t.Errorf("Lookup allocates %v times", n)
	}
}

func TestKeyPositions(t *testing.T) {
	cases := []struct {
		cmd  string
		argc int
		want []int
	}{
		{"get", 2, []int{1}},
		{"mset", 5, []int{1, 3}},
		{"del", 4, []int{1, 2, 3}},
		{"blpop", 4, []int{1, 2}},
		{"ping", 1, nil},
	}
	for _, c := range cases {
		got := Lookup(c.cmd).KeyPositions(nil, c.argc)
		if len(got) != len(c.want) {
			t.Errorf("%s: %v, want %v", c.cmd, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: %v, want %v", c.cmd, got, c.want)
			}
		}
	}
}

func TestSetHandler(t *testing.T) {
	if err := SetHandler("get", nil); err == nil {
		t.Error("SetHandler on an implemented command succeeded")
	}
	if err := SetHandler("nosuch", nil); err == nil {
		t.Error("SetHandler on an unknown command succeeded")
	}
}
