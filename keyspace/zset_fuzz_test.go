package keyspace

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/redmoon-dev/redmoon/keyspace/internal/zset"
)

// Fuzzing of the sorted-set and GEO commands: argument parsing (scores, ranges, options, units)
// must never panic, always write exactly one reply, and leave every sorted set well ordered.

var zsetFuzzCommands = []string{
	"zadd", "zincrby", "zrem", "zcard", "zscore", "zmscore", "zrank", "zrevrank", "zscan",
	"zrandmember", "zrange", "zrangestore", "zrevrange", "zrangebyscore", "zrevrangebyscore",
	"zrangebylex", "zrevrangebylex", "zcount", "zlexcount", "zremrangebyrank", "zremrangebyscore",
	"zremrangebylex", "zpopmin", "zpopmax", "bzpopmin", "bzpopmax", "zmpop", "bzmpop", "zunion",
	"zinter", "zdiff", "zintercard", "zunionstore", "zinterstore", "zdiffstore", "geoadd", "geodist",
	"geohash", "geopos", "georadius", "georadius_ro", "georadiusbymember", "georadiusbymember_ro",
	"geosearch", "geosearchstore",
}

var zsetFuzzWords = []string{
	"z", "big", "g", "s", "nokey", "dst", "m1", "m2", "m250", "a", "", "0", "1", "2", "-1", "3",
	"10", "1000", "-5", "1.5", "(1", "(", "[a", "(m1", "[m2", "-", "+", "+inf", "-inf", "inf",
	"nan", "1e400", "0x1p3", " 1", "1 ", "\x00", "9223372036854775807", "-9223372036854775808",
	"NX", "XX", "GT", "LT", "CH", "INCR", "WITHSCORES", "LIMIT", "REV", "BYSCORE", "BYLEX",
	"WEIGHTS", "AGGREGATE", "SUM", "MIN", "MAX", "COUNT", "MATCH", "m*", "MIN", "MAX", "ANY",
	"ASC", "DESC", "WITHDIST", "WITHHASH", "WITHCOORD", "STORE", "STOREDIST", "FROMMEMBER",
	"FROMLONLAT", "BYRADIUS", "BYBOX", "m", "km", "mi", "ft", "yd", "13.36", "38.11", "180",
	"-85.05112878", "85.06", "200", "0.001",
}

// zsetFuzzSetup makes a keyspace with a small and a large sorted set, a GEO set and a string.
func zsetFuzzSetup() *Ctx {
	ks := New()
	ks.Clock.Set(1_700_000_000_000)
	c := ks.NewCtx()
	Dispatch(c, []string{"ZADD", "z", "1", "m1", "2", "m2", "2", "a", "-inf", "lo", "inf", "hi"}, discard{})
	args := []string{"ZADD", "big"}
	for i := 0; i < 300; i++ {
		args = append(args, fmt.Sprint(i%17), fmt.Sprintf("m%d", i))
	}
	Dispatch(c, args, discard{})
	Dispatch(c, []string{"GEOADD", "g", "13.361389", "38.115556", "m1", "15.087269", "37.502669", "m2", "179.9", "85", "a"}, discard{})
	Dispatch(c, []string{"SET", "s", "v"}, discard{})
	return c
}

// zsetFuzzTooSlow reports vectors that are legal but would run for ever (ZRANDMEMBER with a huge
// negative count returns that many members).
func zsetFuzzTooSlow(args []string) bool {
	if len(args) >= 3 && equalFold(args[0], "zrandmember") {
		n, ok := ParseInt(args[2])
		return ok && (n > 100000 || n < -100000)
	}
	return false
}

// checkZSets verifies that every sorted set of the database is ordered and indexed consistently.
func checkZSets(t testing.TB, c *Ctx) {
	t.Helper()
	c.DB.dict.each(func(e *entry) bool {
		if e.typ != TypeZSet {
			return true
		}
		z := e.val.(*sortedSet)
		if z.Len() == 0 {
			t.Fatalf("empty sorted set stored at %q", e.key)
		}
		if e.enc != z.encoding() {
			t.Fatalf("%q: entry encoding %v, set encoding %v", e.key, e.enc, z.encoding())
		}
		items := z.Items(nil)
		for i := 1; i < len(items); i++ {
			if !items[i-1].Less(&items[i]) {
				t.Fatalf("%q out of order at %d: %v %v", e.key, i, items[i-1], items[i])
			}
		}
		for i, x := range items {
			if s, ok := z.Score(x.Member); !ok || (s != x.Score && !(s == 0 && x.Score == 0)) {
				t.Fatalf("%q: score of %q is %v %v, want %v", e.key, x.Member, s, ok, x.Score)
			}
			if rk, _ := z.Rank(x.Member); rk != i {
				t.Fatalf("%q: rank of %q is %d, want %d", e.key, x.Member, rk, i)
			}
		}
		return true
	})
}

func TestZSetRandomVectors(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	rounds := 30000
	if testing.Short() {
		rounds = 3000
	}
	c := zsetFuzzSetup()
	for i := 0; i < rounds; i++ {
		args := []string{zsetFuzzCommands[rng.IntN(len(zsetFuzzCommands))]}
		for n := rng.IntN(9); n > 0; n-- {
			args = append(args, zsetFuzzWords[rng.IntN(len(zsetFuzzWords))])
		}
		if zsetFuzzTooSlow(args) {
			continue
		}
		runVector(t, c, args)
		if i%500 == 0 {
			checkZSets(t, c)
			c = zsetFuzzSetup()
		}
	}
	checkZSets(t, c)
}

// FuzzZSetCommands decodes the input as a command index and NUL-separated arguments.
func FuzzZSetCommands(f *testing.F) {
	f.Add(byte(0), "z\x00NX\x001\x00m9")
	f.Add(byte(10), "big\x00(1\x00+inf\x00BYSCORE\x00LIMIT\x001\x002")
	f.Add(byte(16), "big\x00[m1\x00(m2")
	f.Add(byte(44), "dst\x00g\x00FROMMEMBER\x00m1\x00BYBOX\x001\x002\x00km\x00STOREDIST")
	f.Add(byte(39), "g\x0015\x0037\x00200\x00km\x00WITHDIST\x00COUNT\x001\x00ANY")
	f.Fuzz(func(t *testing.T, which byte, rest string) {
		c := zsetFuzzSetup()
		args := []string{zsetFuzzCommands[int(which)%len(zsetFuzzCommands)]}
		if rest != "" {
			args = append(args, strings.Split(rest, "\x00")...)
		}
		if zsetFuzzTooSlow(args) {
			return
		}
		runVector(t, c, args)
		checkZSets(t, c)
	})
}

// FuzzScoreBound checks the score-bound parser against its definition: when it accepts s, the
// bound is s without "(" read by strconv (leading blanks skipped), and never NaN.
func FuzzScoreBound(f *testing.F) {
	for _, s := range []string{"1", "(1", "-inf", "(+inf", "", "(", " 2", "1e400", "0x1p-3", "nan", "1\x00x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ex, ok := zParseScoreBound(s)
		if !ok {
			return
		}
		if v != v {
			t.Fatalf("%q parsed to NaN", s)
		}
		if ex != strings.HasPrefix(cstr(s), "(") {
			t.Fatalf("%q: exclusive = %v", s, ex)
		}
	})
}

// FuzzLexRange checks that the lexicographic range parser never accepts an item without its
// prefix and that ranks stay within the set.
func FuzzLexRange(f *testing.F) {
	f.Add("[a", "(c")
	f.Add("-", "+")
	f.Add("+\x00", "[")
	f.Fuzz(func(t *testing.T, min, max string) {
		rg, ok := zParseLexRange(min, max)
		if !ok {
			return
		}
		for _, s := range []string{min, max} {
			if s == "" || !strings.ContainsRune("[(+-", rune(s[0])) {
				t.Fatalf("accepted %q", s)
			}
		}
		for _, indexed := range []bool{false, true} {
			items := []zset.Item{{Member: "a"}, {Member: "b"}, {Member: "c"}, {Score: 1, Member: "a0"}}
			z := &sortedSet{Set: *zset.FromSorted(items, indexed)}
			for _, rev := range []bool{false, true} {
				lo, hi := rg.ranks(z, rev)
				if lo < 0 || hi > z.Len() || lo > hi {
					t.Fatalf("ranks %d %d", lo, hi)
				}
			}
		}
	})
}
