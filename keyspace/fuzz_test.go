package keyspace

import (
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
)

// checkingSink is a Reply that verifies the command wrote exactly one well-formed reply.
type checkingSink struct {
	t       testing.TB
	pending []int // elements still expected by each open aggregate
	done    int   // complete top-level replies
}

func (s *checkingSink) leaf() {
	for len(s.pending) > 0 {
		s.pending[len(s.pending)-1]--
		if s.pending[len(s.pending)-1] > 0 {
			return
		}
		s.pending = s.pending[:len(s.pending)-1]
	}
	s.done++
}

func (s *checkingSink) agg(n int) {
	if n < 0 {
		s.t.Fatalf("negative aggregate length %d", n)
	}
	if n == 0 {
		s.leaf()
		return
	}
	s.pending = append(s.pending, n)
}

func (s *checkingSink) SimpleString(string)     { s.leaf() }
func (s *checkingSink) Error(string)            { s.leaf() }
func (s *checkingSink) Integer(int64)           { s.leaf() }
func (s *checkingSink) Bulk(string)             { s.leaf() }
func (s *checkingSink) Null()                   { s.leaf() }
func (s *checkingSink) NullArray()              { s.leaf() }
func (s *checkingSink) ArrayLen(n int)          { s.agg(n) }
func (s *checkingSink) MapLen(n int)            { s.agg(2 * n) }
func (s *checkingSink) SetLen(n int)            { s.agg(n) }
func (s *checkingSink) PushLen(n int)           { s.agg(n) }
func (s *checkingSink) Double(float64)          { s.leaf() }
func (s *checkingSink) Bool(bool)               { s.leaf() }
func (s *checkingSink) BigNumber(string)        { s.leaf() }
func (s *checkingSink) Verbatim(string, string) { s.leaf() }
func (s *checkingSink) Resp3() bool             { return false }

// implemented lists the names of every command (and subcommand, as "container sub") that has a
// handler. Admin commands (PFSELFTEST, PFDEBUG, ...) are left out: they are slow by design.
func implemented() [][]string {
	var out [][]string
	for _, c := range Commands() {
		if c.Flags&FlagAdmin != 0 {
			continue
		}
		if c.Handler != nil {
			out = append(out, []string{c.Name})
		}
		for name, s := range c.Subs {
			if s.Handler != nil {
				out = append(out, []string{c.Name, name})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return strings.Join(out[i], " ") < strings.Join(out[j], " ") })
	return out
}

// fuzzWords are argument values likely to reach interesting paths: options of every command,
// numbers at the edges of the ranges, patterns and keys shared between commands.
var fuzzWords = []string{
	"k", "k2", "n", "", "0", "1", "-1", "2", "10", "100", "-100", "9223372036854775807",
	"-9223372036854775808", "9223372036854775808", "1.5", "-0", "0x10", "inf", "nan", "1e308",
	"EX", "PX", "EXAT", "PXAT", "KEEPTTL", "PERSIST", "NX", "XX", "GT", "LT", "GET", "IDX", "LEN",
	"WITHMATCHLEN", "MINMATCHLEN", "REPLACE", "DB", "15", "16", "COUNT", "MATCH", "TYPE", "string",
	"*", "k*", "[a-", "\\", "BY", "LIMIT", "ASC", "DESC", "ALPHA", "STORE", "#", "k*->f", "nosort",
	"ASYNC", "SYNC", "\x00", "\xff\xfe", "a b",
}

// runVector dispatches one argument vector and checks the reply is complete.
func runVector(t testing.TB, c *Ctx, args []string) {
	s := &checkingSink{t: t}
	Dispatch(c, args, s)
	if s.done != 1 || len(s.pending) != 0 {
		t.Fatalf("%q wrote %d complete replies with %d aggregates open", args, s.done, len(s.pending))
	}
}

// tooBig reports argument vectors that would make a command build a huge string (SETRANGE with
// a large offset): legal, but too slow for a fuzz loop.
func tooBig(args []string) bool {
	if len(args) >= 3 && equalFold(args[0], "setrange") {
		n, ok := ParseInt(args[2])
		return ok && n > 1<<20
	}
	return false
}

// TestRandomVectors sends random argument vectors to every implemented command: no panic, and
// always exactly one complete reply.
func TestRandomVectors(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	cmds := implemented()
	ks := New()
	ks.Clock.Set(1_700_000_000_000)
	c := ks.NewCtx()
	rounds := 20000
	if testing.Short() {
		rounds = 2000
	}
	for i := 0; i < rounds; i++ {
		name := cmds[rng.IntN(len(cmds))]
		args := append([]string(nil), name...)
		for n := rng.IntN(8); n > 0; n-- {
			args = append(args, fuzzWords[rng.IntN(len(fuzzWords))])
		}
		if tooBig(args) {
			continue
		}
		if rng.IntN(50) == 0 {
			ks.Clock.Advance(1500 * 1e6)
		}
		runVector(t, c, args)
	}
}

// FuzzDispatch decodes the input as a command index and NUL-separated arguments.
func FuzzDispatch(f *testing.F) {
	f.Add(byte(0), "k\x00v")
	f.Add(byte(3), "k\x00EX\x0010")
	f.Add(byte(7), "0\x00MATCH\x00*\x00COUNT\x001")
	cmds := implemented()
	f.Fuzz(func(t *testing.T, which byte, rest string) {
		ks := New()
		ks.Clock.Set(1_700_000_000_000)
		c := ks.NewCtx()
		Dispatch(c, []string{"SET", "k", "12"}, discard{})
		Dispatch(c, []string{"SET", "k2", "hello world"}, discard{})
		args := append([]string(nil), cmds[int(which)%len(cmds)]...)
		if rest != "" {
			args = append(args, strings.Split(rest, "\x00")...)
		}
		if tooBig(args) {
			return
		}
		runVector(t, c, args)
	})
}
