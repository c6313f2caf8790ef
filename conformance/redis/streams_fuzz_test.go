package redis

import (
	"strconv"
	"strings"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
)

// Differential fuzz tests of the stream and HyperLogLog commands' argument parsing: arbitrary
// arguments go into a fixed sequence of commands, run on our keyspace and on a live
// redis-server; every reply must be the same. Without redis-server they skip (the seeds still
// run in CI, where the oracle is required). Fuzz with:
//
//	go test ./conformance/redis -run XXX -fuzz FuzzStreamArgs
//	go test ./conformance/redis -run XXX -fuzz FuzzHLLValue

// diffTargets runs command sequences on both targets and compares the replies.
type diffTargets struct {
	ours   *KeyspaceTarget
	theirs *RESPTarget
}

func newDiffTargets(f *testing.F) *diffTargets {
	addr, _ := oracle.StartRedis(f)
	d := &diffTargets{ours: &KeyspaceTarget{}, theirs: &RESPTarget{Addr: addr}}
	f.Cleanup(func() { d.theirs.Close() })
	return d
}

// Modifiers for the replies that depend on the clock, by command.
var fuzzMods = map[string][]string{
	"XINFO":    {"@range:1600000000000:4102444800000", "@range:0:1000:*.5"},
	"XPENDING": {"@range:0:1000:*.2", "@range:1600000000000:4102444800000:*.2"},
}

func (d *diffTargets) run(t *testing.T, cmds [][]string) {
	t.Helper()
	if err := d.ours.Reset(); err != nil {
		t.Fatal(err)
	}
	if err := d.theirs.Reset(); err != nil {
		t.Fatal(err)
	}
	for _, args := range cmds {
		want, err := d.theirs.Do(args)
		if err != nil {
			t.Fatalf("%s: redis-server: %v", CommandText(args), err)
		}
		got, err := d.ours.Do(args)
		if err != nil {
			t.Fatalf("%s: keyspace: %v", CommandText(args), err)
		}
		var mods []Modifier
		for _, m := range fuzzMods[args[0]] {
			mod, err := parseModifier(m)
			if err != nil {
				t.Fatal(err)
			}
			mods = append(mods, mod)
		}
		got, want = Normalize(got, mods), Normalize(want, mods)
		if !Equal(got, want) {
			t.Fatalf("> %s\n got:\n%s want:\n%s", CommandText(args), indent(got.Render()), indent(want.Render()))
		}
	}
}

func FuzzStreamArgs(f *testing.F) {
	seeds := [][3]string{
		{"1-1", "+", "5"}, {"-", "(5", "0"}, {"0-*", "~", "-1"}, {"( 1", "18446744073709551615-18446744073709551615", "1"},
		{"+3-1", "-0", "x"}, {"3-", "MAXLEN", "= "}, {"1\x00-2", "(18446744073709551615", "9223372036854775807"},
		{"*", "$", ">"}, {" 7-\t1", "007-008", "LIMIT"}, {"5-5", "(5-4", "00"},
		{"MAXLEN", "~", "1"}, {"MINID", "=", "3"}, {"LIMIT", "5", "MAXLEN"}, {"COUNT", "2", "JUSTID"},
		{"FULL", "COUNT", "1"}, {"ENTRIESREAD", "3", "MKSTREAM"}, {"ENTRIESADDED", "9", "MAXDELETEDID"},
		{"GROUP", "g0", "c"}, {"NOACK", "COUNT", "1"}, {"IDLE", "0", "-"}, {"FORCE", "RETRYCOUNT", "3"},
		{"LASTID", "50", "TIME"}, {"CREATECONSUMER", "z", "x"}, {"DELCONSUMER", "c", "x"}, {"DESTROY", "g0", "x"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1], s[2])
	}
	d := newDiffTargets(f)
	f.Fuzz(func(t *testing.T, a, b, n string) {
		// A small positive idle time filters by how long ago things happened, which differs
		// between a real server and the keyspace's manual clock.
		idle := n
		if v, err := strconv.ParseInt(n, 10, 64); err == nil && v > 0 && v < 1_000_000 {
			idle = "1000000"
		}
		// "*" makes an ID from the clock, which differs too.
		for _, p := range []*string{&a, &b, &n} {
			if s, _, _ := strings.Cut(*p, "\x00"); s == "*" {
				*p = "7-*"
			}
		}
		// A subcommand name is resolved by the dispatcher, which is not what this test is about
		// (Redis reads the name up to a NUL byte in its unknown-subcommand error).
		sub, _, _ := strings.Cut(a, "\x00")
		d.run(t, [][]string{
			{"XADD", "s", "2-2", "f", "v"},
			{"XADD", "s", "4-0", "f", "v", "g", "w"},
			{"XADD", "s", a, "f", "v"},
			{"XADD", "s", "MAXLEN", b, n, "9-*", "f", "v"},
			{"XADD", "s", "MINID", a, "LIMIT", n, "10-*", "f", "v"},
			{"XADD", "s", b, a, "f", "v"},
			{"XRANGE", "s", a, b},
			{"XRANGE", "s", "-", "+", "COUNT", n},
			{"XREVRANGE", "s", b, a, "COUNT", n},
			{"XRANGE", "s", a, b, n, "1"},
			{"XLEN", "s"},
			{"XTRIM", "s", "MAXLEN", b, n},
			{"XTRIM", "s", a, b, n},
			{"XGROUP", "CREATE", "s", "g", a},
			{"XGROUP", "CREATE", "s", "g0", "0"},
			{"XGROUP", "CREATE", "s", "h", "0", b, n},
			{"XREADGROUP", "GROUP", "g0", "c", "COUNT", n, "STREAMS", "s", ">"},
			{"XREADGROUP", "GROUP", "g0", "c", "STREAMS", "s", a},
			{"XREADGROUP", "GROUP", "g0", a, b, "STREAMS", "s", ">"},
			{"XREAD", "COUNT", n, "STREAMS", "s", a},
			{"XREAD", a, n, "STREAMS", "s", b},
			{"XPENDING", "s", "g0", a, b, n},
			{"XPENDING", "s", "g0", "IDLE", idle, a, b, "10"},
			{"XCLAIM", "s", "g0", "d", idle, a, b},
			{"XCLAIM", "s", "g0", "d", "0", "2-2", a, n},
			{"XAUTOCLAIM", "s", "g0", "e", idle, a},
			{"XAUTOCLAIM", "s", "g0", "e", "0", a, "COUNT", n},
			{"XACK", "s", "g0", a, b},
			{"XDEL", "s", a, b},
			{"XGROUP", "SETID", "s", "g0", a},
			{"XGROUP", "SETID", "s", "g0", "0", "ENTRIESREAD", n},
			{"XINFO", "STREAM", "s", "FULL", "COUNT", n},
			{"XINFO", "GROUPS", "s"},
			{"XSETID", "s", a, "ENTRIESADDED", n},
			{"XSETID", "s", "99-0", "MAXDELETEDID", b},
			{"XINFO", "STREAM", "s"},
			{"XRANGE", "s", "-", "+"},
			// The same words in every option position.
			{"XADD", "s", a, b, n, "f", "v"},
			{"XADD", "s", "NOMKSTREAM", a, b, n, "99-*", "f", "v"},
			{"XTRIM", "s", a, b, n},
			{"XTRIM", "s", "MINID", a, b, n},
			{"XCLAIM", "s", "g0", "d", "0", "2-2", a, b, n},
			{"XAUTOCLAIM", "s", "g0", "e", "0", "0", a, b, n},
			{"XGROUP", sub, "s", "g0", b},
			{"XGROUP", "CREATE", "s", "x", "0", a, b, n},
			{"XGROUP", "SETID", "s", "g0", "0", a, b},
			{"XINFO", "STREAM", "s", a, b, n},
			{"XINFO", sub, "s", b},
			{"XREADGROUP", a, b, n, "STREAMS", "s", ">"},
			{"XREADGROUP", "GROUP", "g0", "c", a, b, "STREAMS", "s", ">"},
			{"XREAD", a, b, n, "s", "0"},
			{"XPENDING", "s", "g0", a, b, n, "c"},
			{"XSETID", "s", "100-0", a, b},
			{"XINFO", "GROUPS", "s"},
			{"XRANGE", "s", "-", "+"},
		})
	})
}

func FuzzHLLValue(f *testing.F) {
	for _, s := range []string{
		"\x7f\xff", "\x7f", "\x80\x7f\xfe", "\x40\x00\xfc\x7f\xfc", "", "\x7f\xff\xfe", "\x00\x00\x7f\xfd",
		"\x5f\xff\x5f\xff", "\xfc\x7f\xfe",
	} {
		f.Add(s, "element")
	}
	d := newDiffTargets(f)
	f.Fuzz(func(t *testing.T, ops, ele string) {
		if len(ops) > 4000 {
			return
		}
		v := "HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80" + ops
		d.run(t, [][]string{
			{"SET", "h", v},
			{"PFCOUNT", "h"},
			{"GET", "h"},
			{"SET", "h", v},
			{"PFADD", "h", ele, "a", "b"},
			{"GET", "h"},
			{"PFCOUNT", "h", "nokey"},
			{"SET", "h", v},
			{"PFMERGE", "m", "h"},
			{"GET", "m"},
			{"SET", "h", v},
			{"PFDEBUG", "DECODE", "h"},
			{"PFDEBUG", "TODENSE", "h"},
			{"GET", "h"},
		})
	})
}
