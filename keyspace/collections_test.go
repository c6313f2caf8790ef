package keyspace

import (
	"fmt"
	"strconv"
	"testing"
)

// Tests of the hash, list and set families that the case files cannot express: the properties of
// the random commands (HRANDFIELD, SRANDMEMBER, SPOP), encodings of big values, allocation counts
// and the "would block" helpers.

// treeSink records a reply as a flat list of leaves, with the lengths of aggregates.
type treeSink struct {
	discard
	resp3 bool
	leafs []string // bulk strings and integers as text, "<nil>" for nulls
	aggs  []int    // lengths of aggregates in order
	err   string
}

func (s *treeSink) Bulk(v string)    { s.leafs = append(s.leafs, v) }
func (s *treeSink) Integer(n int64)  { s.leafs = append(s.leafs, strconv.FormatInt(n, 10)) }
func (s *treeSink) Null()            { s.leafs = append(s.leafs, "<nil>") }
func (s *treeSink) NullArray()       { s.leafs = append(s.leafs, "<nil>") }
func (s *treeSink) ArrayLen(n int)   { s.aggs = append(s.aggs, n) }
func (s *treeSink) SetLen(n int)     { s.aggs = append(s.aggs, n) }
func (s *treeSink) MapLen(n int)     { s.aggs = append(s.aggs, 2*n) }
func (s *treeSink) Error(msg string) { s.err = msg }
func (s *treeSink) Resp3() bool      { return s.resp3 }

func run(t *testing.T, c *Ctx, args ...string) *treeSink {
	t.Helper()
	s := &treeSink{}
	Dispatch(c, args, s)
	if s.err != "" {
		t.Fatalf("%q: %s", args, s.err)
	}
	return s
}

// fill creates a hash h (fields f0.. with values v0..) and a set s (members m0.. or 0.. when
// ints) of n elements each.
func fill(t *testing.T, c *Ctx, n int, ints bool) {
	t.Helper()
	for i := 0; i < n; i++ {
		run(t, c, "HSET", "h", "f"+strconv.Itoa(i), "v"+strconv.Itoa(i))
		if ints {
			run(t, c, "SADD", "s", strconv.Itoa(i))
		} else {
			run(t, c, "SADD", "s", "m"+strconv.Itoa(i))
		}
	}
}

// TestRandomCommandProperties checks, for both encodings of hashes and sets and for every count
// regime (negative, 1, small, close to the size, the whole), that replies have the right length,
// only contain members (with their own values), are distinct for positive counts, and that SPOP
// removes exactly what it returns.
func TestRandomCommandProperties(t *testing.T) {
	for _, size := range []int{1, 5, 100, 600} {
		for _, ints := range []bool{false, true} {
			t.Run(fmt.Sprintf("size%d-ints%v", size, ints), func(t *testing.T) {
				for _, resp3 := range []bool{false, true} {
					for _, count := range []int{-size * 3, -1, 1, 2, size / 3, size/2 + 1, size - 1, size, size + 7} {
						checkRandom(t, size, ints, count, resp3)
					}
				}
			})
		}
	}
}

func checkRandom(t *testing.T, size int, ints bool, count int, resp3 bool) {
	t.Helper()
	c := New().NewCtx()
	fill(t, c, size, ints)
	member := func(m string) bool {
		if ints {
			n, err := strconv.Atoi(m)
			return err == nil && n >= 0 && n < size
		}
		n, err := strconv.Atoi(m[1:])
		return m[0] == 'm' && err == nil && n >= 0 && n < size
	}
	want := count
	if count < 0 {
		want = -count
	} else if count > size {
		want = size
	}
	cs := strconv.Itoa(count)
	label := fmt.Sprintf("size %d ints %v count %d resp3 %v", size, ints, count, resp3)
	distinct := func(cmd string, elems []string) {
		if count <= 0 {
			return
		}
		seen := map[string]bool{}
		for _, e := range elems {
			if seen[e] {
				t.Fatalf("%s: %s returned %q twice", label, cmd, e)
			}
			seen[e] = true
		}
	}

	// HRANDFIELD h count [WITHVALUES]
	s := &treeSink{resp3: resp3}
	Dispatch(c, []string{"HRANDFIELD", "h", cs}, s)
	if len(s.leafs) != want || s.aggs[0] != want {
		t.Fatalf("%s: HRANDFIELD returned %d fields (header %v), want %d", label, len(s.leafs), s.aggs, want)
	}
	for _, f := range s.leafs {
		if f[0] != 'f' {
			t.Fatalf("%s: HRANDFIELD returned %q", label, f)
		}
	}
	distinct("HRANDFIELD", s.leafs)
	s = &treeSink{resp3: resp3}
	Dispatch(c, []string{"HRANDFIELD", "h", cs, "WITHVALUES"}, s)
	if len(s.leafs) != 2*want {
		t.Fatalf("%s: HRANDFIELD WITHVALUES returned %d strings, want %d", label, len(s.leafs), 2*want)
	}
	if resp3 {
		if s.aggs[0] != want || len(s.aggs) != want+1 {
			t.Fatalf("%s: RESP3 HRANDFIELD WITHVALUES shape %v", label, s.aggs)
		}
	} else if s.aggs[0] != 2*want || len(s.aggs) != 1 {
		t.Fatalf("%s: RESP2 HRANDFIELD WITHVALUES shape %v", label, s.aggs)
	}
	var fields []string
	for i := 0; i < len(s.leafs); i += 2 {
		if "v"+s.leafs[i][1:] != s.leafs[i+1] {
			t.Fatalf("%s: field %q came with value %q", label, s.leafs[i], s.leafs[i+1])
		}
		fields = append(fields, s.leafs[i])
	}
	distinct("HRANDFIELD WITHVALUES", fields)

	// SRANDMEMBER s count
	s = &treeSink{resp3: resp3}
	Dispatch(c, []string{"SRANDMEMBER", "s", cs}, s)
	if len(s.leafs) != want || s.aggs[0] != want {
		t.Fatalf("%s: SRANDMEMBER returned %d members, want %d", label, len(s.leafs), want)
	}
	for _, m := range s.leafs {
		if !member(m) {
			t.Fatalf("%s: SRANDMEMBER returned non-member %q", label, m)
		}
	}
	distinct("SRANDMEMBER", s.leafs)

	// SPOP s count (positive counts only)
	if count <= 0 {
		return
	}
	s = &treeSink{resp3: resp3}
	Dispatch(c, []string{"SPOP", "s", cs}, s)
	if len(s.leafs) != want {
		t.Fatalf("%s: SPOP returned %d members, want %d", label, len(s.leafs), want)
	}
	distinct("SPOP", s.leafs)
	for _, m := range s.leafs {
		if !member(m) {
			t.Fatalf("%s: SPOP returned non-member %q", label, m)
		}
		if r := run(t, c, "SISMEMBER", "s", m); r.leafs[0] != "0" {
			t.Fatalf("%s: SPOP returned %q but left it in the set", label, m)
		}
	}
	card := run(t, c, "SCARD", "s").leafs[0]
	if card != strconv.Itoa(size-want) {
		t.Fatalf("%s: SCARD after SPOP = %s, want %d", label, card, size-want)
	}
	if size > want {
		enc := run(t, c, "OBJECT", "ENCODING", "s").leafs[0]
		wantEnc := "hashtable"
		if ints && size <= setMaxIntsetEntries {
			wantEnc = "intset"
		}
		if enc != wantEnc {
			t.Fatalf("%s: encoding after SPOP %q, want %q", label, enc, wantEnc)
		}
	}
}

// TestRandomCommandsCoverEveryMember checks that repeated single picks reach every member: the
// picks are not stuck on part of the collection.
func TestRandomCommandsCoverEveryMember(t *testing.T) {
	for _, n := range []int{10, 700} {
		c := New().NewCtx()
		fill(t, c, n, n == 10)
		seenF, seenM := map[string]bool{}, map[string]bool{}
		for i := 0; i < n*40; i++ {
			seenF[run(t, c, "HRANDFIELD", "h").leafs[0]] = true
			seenM[run(t, c, "SRANDMEMBER", "s").leafs[0]] = true
		}
		if len(seenF) != n || len(seenM) != n {
			t.Errorf("n=%d: %d fields and %d members drawn, want all %d", n, len(seenF), len(seenM), n)
		}
	}
}

// TestCollectionZeroAllocs proves the promised zero-allocation paths: HGET of an existing field
// (listpack and hashtable), and the other read paths that need no new string.
func TestCollectionZeroAllocs(t *testing.T) {
	c := New().NewCtx()
	var r Reply = discard{}
	Dispatch(c, []string{"HSET", "small", "f", "v", "g", "w"}, r)
	for i := 0; i < 1000; i++ {
		Dispatch(c, []string{"HSET", "big", "field:" + strconv.Itoa(i), "value"}, r)
		Dispatch(c, []string{"SADD", "set", "member:" + strconv.Itoa(i)}, r)
		Dispatch(c, []string{"SADD", "ints", strconv.Itoa(i)}, r)
		Dispatch(c, []string{"RPUSH", "list", "elem"}, r)
	}
	cases := []struct {
		name string
		args []string
	}{
		{"HGET listpack", []string{"HGET", "small", "g"}},
		{"HGET hashtable", []string{"HGET", "big", "field:500"}},
		{"HGET missing field", []string{"HGET", "big", "nosuch"}},
		{"HEXISTS", []string{"HEXISTS", "big", "field:1"}},
		{"HLEN", []string{"HLEN", "big"}},
		{"HSET existing field", []string{"HSET", "big", "field:7", "value"}},
		{"SISMEMBER hashtable", []string{"SISMEMBER", "set", "member:77"}},
		{"SISMEMBER intset", []string{"SISMEMBER", "ints", "777"}},
		{"SADD existing", []string{"SADD", "set", "member:5"}},
		{"SCARD", []string{"SCARD", "set"}},
		{"LINDEX", []string{"LINDEX", "list", "500"}},
		{"LLEN", []string{"LLEN", "list"}},
		{"LSET", []string{"LSET", "list", "3", "elem"}},
		{"RPUSH+LPOP", nil},
		{"GETBIT", []string{"GETBIT", "list2", "3"}},
	}
	Dispatch(c, []string{"SET", "list2", "abc"}, r)
	push, pop := []string{"RPUSH", "list", "x"}, []string{"LPOP", "list"}
	for _, tc := range cases {
		fn := func() { Dispatch(c, tc.args, r) }
		if tc.args == nil {
			fn = func() { Dispatch(c, push, r); Dispatch(c, pop, r) }
		}
		if n := testing.AllocsPerRun(1000, fn); n != 0 {
			t.Errorf("%s allocates %v times per call", tc.name, n)
		}
	}
}

// TestListBlocks checks the "would block" decision and the timeout parser.
func TestListBlocks(t *testing.T) {
	c := New().NewCtx()
	run(t, c, "RPUSH", "l", "a")
	run(t, c, "SET", "s", "v")
	for _, tc := range []struct {
		keys []string
		want bool
	}{
		{[]string{"nokey"}, true},
		{[]string{"nokey", "other"}, true},
		{[]string{"nokey", "l"}, false},
		{[]string{"s"}, false}, // WRONGTYPE at once
	} {
		if got := ListBlocks(c, tc.keys); got != tc.want {
			t.Errorf("ListBlocks(%q) = %v, want %v", tc.keys, got, tc.want)
		}
	}
	// Expected values: what redis-server 7.0 does with these timeouts (lists-blocking.cases
	// records the errors; the waits were measured by hand: 0.0000001 returns after 1 ms,
	// -0.0001 waits for ever).
	for _, tc := range []struct {
		in   string
		ms   int64
		fail string
	}{
		{"0", 0, ""}, {"1", 1000, ""}, {"0.5", 500, ""}, {"0.0000001", 1, ""}, {"0.0015", 2, ""},
		{"-0.0001", 0, ""}, {"-0", 0, ""}, {"0x10", 16000, ""}, {"1e3", 1000000, ""},
		{"-1", 0, "ERR timeout is negative"}, {"-0.9", 0, "ERR timeout is negative"},
		{"inf", 0, "ERR timeout is negative"}, {"1e300", 0, "ERR timeout is negative"},
		{"9223372036854775807", 0, "ERR timeout is negative"},
		{"9223372036854775", 9223372036854775000, ""},
		{"abc", 0, "ERR timeout is not a float or out of range"},
		{"nan", 0, "ERR timeout is not a float or out of range"},
		{" 1", 0, "ERR timeout is not a float or out of range"},
		{"1e-400", 1, ""}, {"1e4933", 0, "ERR timeout is not a float or out of range"},
	} {
		ms, msg := ParseBlockTimeout(tc.in)
		if ms != tc.ms || msg != tc.fail {
			t.Errorf("ParseBlockTimeout(%q) = %d, %q; want %d, %q", tc.in, ms, msg, tc.ms, tc.fail)
		}
	}
}

// TestBlockingDenied checks the replies of the blocking commands when they would block: inside
// MULTI or a script (CLIENT_DENY_BLOCKING) and for a plain caller (what a timeout answers). The
// expected shapes are those of lists-blocking.golden (cases multi-would-block, blpop-timeout,
// blocking-timeout-move).
func TestBlockingDenied(t *testing.T) {
	for _, flags := range []CtxFlags{0, InMulti, InScript} {
		c := New().NewCtx()
		c.Flags = flags
		for _, tc := range []struct {
			args      []string
			nullArray bool
		}{
			{[]string{"BLPOP", "nokey", "0"}, true},
			{[]string{"BRPOP", "nokey", "other", "0"}, true},
			{[]string{"BLMPOP", "0", "1", "nokey", "LEFT"}, true},
			{[]string{"BRPOPLPUSH", "nokey", "d", "0"}, flags == 0},
			{[]string{"BLMOVE", "nokey", "d", "LEFT", "RIGHT", "0"}, flags == 0},
		} {
			s := &kindSink{}
			Dispatch(c, tc.args, s)
			want := "null"
			if tc.nullArray {
				want = "nullarray"
			}
			if s.kind != want {
				t.Errorf("flags %d: %q answered %s, want %s", flags, tc.args, s.kind, want)
			}
		}
	}
}

// kindSink records the kind of a single-leaf reply.
type kindSink struct {
	discard
	kind string
}

func (s *kindSink) Null()      { s.kind = "null" }
func (s *kindSink) NullArray() { s.kind = "nullarray" }

// TestHashEncodingThresholds checks the listpack limits at their edges, field by field, as the
// real server converts (cases in hashes.cases cover them through the harness too).
func TestHashEncodingThresholds(t *testing.T) {
	c := New().NewCtx()
	for i := 0; i < hashMaxListpackEntries; i++ {
		run(t, c, "HSET", "h", strconv.Itoa(i), "x")
	}
	if enc := run(t, c, "OBJECT", "ENCODING", "h").leafs[0]; enc != "listpack" {
		t.Fatalf("%d fields: %s", hashMaxListpackEntries, enc)
	}
	// Order is insertion order while a listpack.
	keys := run(t, c, "HKEYS", "h").leafs
	for i, k := range keys {
		if k != strconv.Itoa(i) {
			t.Fatalf("HKEYS[%d] = %q", i, k)
		}
	}
	run(t, c, "HSET", "h", "one-more", "x")
	if enc := run(t, c, "OBJECT", "ENCODING", "h").leafs[0]; enc != "hashtable" {
		t.Fatalf("%d fields: %s", hashMaxListpackEntries+1, enc)
	}
	if n := run(t, c, "HLEN", "h").leafs[0]; n != strconv.Itoa(hashMaxListpackEntries+1) {
		t.Fatalf("HLEN after conversion = %s", n)
	}
}

// TestScanFullIteration runs HSCAN and SSCAN to completion with small COUNTs on hashtable
// values that grow and shrink between calls: every element present for the whole iteration is
// returned (compared as a set), the cursor ends at 0, and HSCAN returns each field with its value.
func TestScanFullIteration(t *testing.T) {
	for _, count := range []string{"5", "50"} {
		c := New().NewCtx()
		for i := 0; i < 700; i++ {
			run(t, c, "HSET", "h", "f"+strconv.Itoa(i), "v"+strconv.Itoa(i))
			run(t, c, "SADD", "s", "m"+strconv.Itoa(i))
		}
		for _, cmd := range []string{"HSCAN", "SSCAN"} {
			key := map[string]string{"HSCAN": "h", "SSCAN": "s"}[cmd]
			seen := map[string]bool{}
			cursor, calls := "0", 0
			for {
				s := run(t, c, cmd, key, cursor, "COUNT", count)
				cursor = s.leafs[0]
				elems := s.leafs[1:]
				if cmd == "HSCAN" {
					for i := 0; i < len(elems); i += 2 {
						if elems[i][0] == 'f' && "v"+elems[i][1:] != elems[i+1] {
							t.Fatalf("HSCAN returned %q with %q", elems[i], elems[i+1])
						}
						seen[elems[i]] = true
					}
				} else {
					for _, m := range elems {
						seen[m] = true
					}
				}
				// Churn with extra elements, growing then shrinking the table.
				for j := 0; j < 20; j++ {
					x := "x" + strconv.Itoa(calls*20+j)
					if calls%4 < 2 {
						run(t, c, "HSET", "h", x, "vx")
						run(t, c, "SADD", "s", x)
					} else {
						run(t, c, "HDEL", "h", "x"+strconv.Itoa((calls-2)*20+j))
						run(t, c, "SREM", "s", "x"+strconv.Itoa((calls-2)*20+j))
					}
				}
				calls++
				if cursor == "0" {
					break
				}
				if calls > 100000 {
					t.Fatalf("%s does not terminate", cmd)
				}
			}
			prefix := map[string]string{"HSCAN": "f", "SSCAN": "m"}[cmd]
			for i := 0; i < 700; i++ {
				if !seen[prefix+strconv.Itoa(i)] {
					t.Fatalf("%s COUNT %s: %s%d never returned", cmd, count, prefix, i)
				}
			}
		}
	}
}
