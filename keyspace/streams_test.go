package keyspace

import (
	"slices"
	"testing"
)

// Stream replies are checked against redis-server by the case files in conformance/redis. These
// tests cover what the case files cannot reach: the script-only error of XREAD BLOCK (the case
// files record it through EVAL, which the keyspace alone does not run) and the blocking helper
// the server uses.

// recorder is a Reply that keeps the first error and counts what was written.
type recorder struct {
	discard
	err       string
	nullArray bool
	arrays    int
}

func (r *recorder) Error(msg string) { r.err = msg }
func (r *recorder) NullArray()       { r.nullArray = true }
func (r *recorder) ArrayLen(int)     { r.arrays++ }

func TestXReadBlockFromScript(t *testing.T) {
	ks := New()
	c := ks.NewCtx()
	Dispatch(c, []string{"XADD", "s", "1-1", "a", "1"}, discard{})
	Dispatch(c, []string{"XGROUP", "CREATE", "s", "g", "0"}, discard{})
	c.Flags |= InScript
	// The texts are redis-server's, as redis.pcall shows them (streams-read.cases).
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"XREAD", "BLOCK", "0", "STREAMS", "s", "$"}, "ERR XREAD command is not allowed with BLOCK option from scripts"},
		{[]string{"xread", "block", "10", "STREAMS", "s", "0"}, "ERR xread command is not allowed with BLOCK option from scripts"},
		{[]string{"XREAD", "COUNT", "1", "BLOCK", "x", "STREAMS", "s", "$"}, "ERR XREAD command is not allowed with BLOCK option from scripts"},
		{[]string{"XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">"}, "ERR XREADGROUP command is not allowed with BLOCK option from scripts"},
		{[]string{"XREAD", "STREAMS", "s", "0"}, ""},
	}
	for _, tc := range cases {
		r := &recorder{}
		Dispatch(c, tc.args, r)
		if r.err != tc.want {
			t.Errorf("%v: error %q, want %q", tc.args, r.err, tc.want)
		}
	}
}

func TestResolveStreamBlock(t *testing.T) {
	ks := New()
	ks.Clock.Set(1_000_000)
	c := ks.NewCtx()
	Dispatch(c, []string{"XADD", "s", "5-1", "a", "1"}, discard{})
	Dispatch(c, []string{"XGROUP", "CREATE", "s", "g", "$"}, discard{})

	if _, ok := ResolveStreamBlock(c, []string{"XREAD", "STREAMS", "s", "$"}); ok {
		t.Error("XREAD without BLOCK resolved as blocking")
	}
	if _, ok := ResolveStreamBlock(c, []string{"XREAD", "BLOCK", "x", "STREAMS", "s", "$"}); ok {
		t.Error("invalid XREAD resolved as blocking")
	}

	args := []string{"XREAD", "COUNT", "5", "BLOCK", "100", "STREAMS", "s", "nokey", "$", "$"}
	b, ok := ResolveStreamBlock(c, args)
	if !ok {
		t.Fatal("XREAD BLOCK not resolved")
	}
	if want := []string{"s", "nokey"}; !slices.Equal(b.Keys, want) {
		t.Errorf("keys %v, want %v", b.Keys, want)
	}
	if b.Deadline != 1_000_100 {
		t.Errorf("deadline %d, want 1000100", b.Deadline)
	}
	if want := []string{"XREAD", "COUNT", "5", "BLOCK", "100", "STREAMS", "s", "nokey", "5-1", "0-0"}; !slices.Equal(b.Args, want) {
		t.Errorf("args %v, want %v", b.Args, want)
	}
	if args[8] != "$" {
		t.Error("the caller's arguments were modified")
	}

	// The would-block decision: nothing new answers the null array; after an XADD the same
	// resolved arguments serve the new entry.
	r := &recorder{}
	Dispatch(c, b.Args, r)
	if !r.nullArray {
		t.Fatal("XREAD with nothing new did not answer the null array")
	}
	Dispatch(c, []string{"XADD", "s", "6-1", "a", "2"}, discard{})
	r = &recorder{}
	Dispatch(c, b.Args, r)
	if r.nullArray || r.err != "" || r.arrays == 0 {
		t.Fatalf("XREAD after XADD: null=%v err=%q", r.nullArray, r.err)
	}

	g, ok := ResolveStreamBlock(c, []string{"XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">"})
	if !ok || g.Deadline != 0 || !slices.Equal(g.Keys, []string{"s"}) || g.Args[8] != ">" {
		t.Fatalf("XREADGROUP BLOCK 0: %+v, %v", g, ok)
	}
}
