package redis

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParseCases(t *testing.T) {
	text := `# a comment
=== first
SET k v
SET "a b" 'c d'
SET "\x00\xff\n\"" 'it\'s'
@unordered @range:1:5 KEYS *
@pairs:1 SCAN 0
!resp3
!sleep 25
EVAL <<LUA 0 <<ARG
local x = 1
return x
LUA
second line
ARG
GET ""

=== second
@type TIME
!resp2
@type:5 @range:0:100:*.2 XPENDING s g - + 10
`
	cases, err := ParseCases("t", text)
	if err != nil {
		t.Fatal(err)
	}
	want := []*Case{
		{Name: "first", File: "t", Line: 2, Steps: []Step{
			{Line: 3, Args: []string{"SET", "k", "v"}},
			{Line: 4, Args: []string{"SET", "a b", "c d"}},
			{Line: 5, Args: []string{"SET", "\x00\xff\n\"", "it's"}},
			{Line: 6, Args: []string{"KEYS", "*"}, Mods: []Modifier{{Kind: ModUnordered, Index: -1}, {Kind: ModRange, Index: -1, Lo: 1, Hi: 5}}},
			{Line: 7, Args: []string{"SCAN", "0"}, Mods: []Modifier{{Kind: ModPairs, Index: 1}}},
			{Line: 8, Directive: "resp3"},
			{Line: 9, Directive: "sleep", Sleep: 25 * time.Millisecond},
			{Line: 10, Args: []string{"EVAL", "local x = 1\nreturn x", "0", "second line"}},
			{Line: 16, Args: []string{"GET", ""}},
		}},
		{Name: "second", File: "t", Line: 18, Steps: []Step{
			{Line: 19, Args: []string{"TIME"}, Mods: []Modifier{{Kind: ModType, Index: -1}}},
			{Line: 20, Directive: "resp2"},
			{Line: 21, Args: []string{"XPENDING", "s", "g", "-", "+", "10"}, Mods: []Modifier{
				{Kind: ModType, Index: -1, Path: []int{5}}, {Kind: ModRange, Index: -1, Lo: 0, Hi: 100, Path: []int{PathAny, 2}}}},
		}},
	}
	if diff := cmp.Diff(want, cases); diff != "" {
		t.Errorf("ParseCases mismatch (-want +got):\n%s", diff)
	}
}

func TestParseCasesErrors(t *testing.T) {
	cases := []struct{ text, want string }{
		{"SET a b", "outside a case"},
		{"=== a\n=== a", "duplicate case name"},
		{"=== a b", "one word"},
		{"=== a\nSET \"x", "unterminated double quote"},
		{"=== a\nSET 'x", "unterminated single quote"},
		{"=== a\nSET \"x\"y", "followed by a space"},
		{"=== a\nSET x\"y\"", "quote inside a bare word"},
		{"=== a\nSET \"\\q\"", "unknown escape"},
		{"=== a\nSET \"\\xzz\"", "bad \\x escape"},
		{"=== a\nEVAL <<END 0\nreturn 1\n", "not terminated"},
		{"=== a\nEVAL <<", "bad heredoc"},
		{"=== a\n@unordered", "modifiers without a command"},
		{"=== a\n@sorted GET k", "unknown modifier"},
		{"=== a\n@range:5:1 GET k", "bad modifier"},
		{"=== a\n!sleep x", "bad sleep"},
		{"=== a\n!reboot", "unknown directive"},
	}
	for _, c := range cases {
		_, err := ParseCases("t", c.text)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseCases(%q) error = %v, want it to contain %q", c.text, err, c.want)
		}
	}
}

// TestQuoteArgRoundTrip checks that CommandText output reads back as the same arguments.
func TestQuoteArgRoundTrip(t *testing.T) {
	args := []string{"SET", "plain", "", "a b", "\x00\x01\xfe", "q\"uote", "it's", "back\\slash",
		"line1\nline2\r\n", "@at", "!bang", "#hash", "<<TAG", "===", "tab\there", "ünïcode"}
	text := "=== c\n" + CommandText(args) + "\n"
	cases, err := ParseCases("t", text)
	if err != nil {
		t.Fatalf("%v in %q", err, text)
	}
	if diff := cmp.Diff(args, cases[0].Steps[0].Args); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

// TestGoldenRoundTrip checks that every kind of reply survives rendering and parsing.
func TestGoldenRoundTrip(t *testing.T) {
	recs := []Recording{{Case: "c", Entries: []Entry{
		{Command: "A", Reply: Value{Kind: Simple, Str: "OK with spaces"}},
		{Command: "B", Reply: Value{Kind: Error, Str: "ERR bad thing"}},
		{Command: "C", Reply: Value{Kind: Int, Int: -42}},
		{Command: "D", Reply: Value{Kind: Bulk, Str: "bin\x00\xff\r\n\"q\""}},
		{Command: "E", Reply: Value{Kind: Null}},
		{Command: "F", Reply: Value{Kind: NullArray}},
		{Command: "G", Reply: Value{Kind: Nil}},
		{Command: "H", Reply: Value{Kind: Array, Elems: []Value{
			{Kind: Int, Int: 1},
			{Kind: Array, Elems: []Value{{Kind: Bulk, Str: ""}, {Kind: Null}}},
			{Kind: Array, Elems: []Value{}},
		}}},
		{Command: "I", Reply: Value{Kind: Map, Elems: []Value{{Kind: Bulk, Str: "k"}, {Kind: Double, Str: "1.5"}}}},
		{Command: "J", Reply: Value{Kind: Set, Elems: []Value{{Kind: Bool, Int: 1}, {Kind: Bool}}}},
		{Command: "K", Reply: Value{Kind: Push, Elems: []Value{{Kind: BigNumber, Str: "123456789012345678901234567890"}}}},
		{Command: "L", Reply: Value{Kind: Verbatim, Str: "txt:hello\nworld"}},
		{Command: "M", Reply: Value{Kind: Normalized, Str: "integer in [0,10]"}},
	}}}
	text := FormatGolden(recs)
	got, err := ParseGolden("g", text)
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	if diff := cmp.Diff(recs, got); diff != "" {
		t.Errorf("golden round trip (-want +got):\n%s\n%s", diff, text)
	}
}

func TestNormalize(t *testing.T) {
	b := func(s string) Value { return Value{Kind: Bulk, Str: s} }
	arr := func(vs ...Value) Value { return Value{Kind: Array, Elems: vs} }
	cases := []struct {
		name string
		in   Value
		mods []Modifier
		want Value
	}{
		{"unordered", arr(b("b"), b("c"), b("a")), []Modifier{{Kind: ModUnordered, Index: -1}}, arr(b("a"), b("b"), b("c"))},
		{"pairs", arr(b("y"), b("1"), b("x"), b("2")), []Modifier{{Kind: ModPairs, Index: -1}}, arr(b("x"), b("2"), b("y"), b("1"))},
		{"unordered at index", arr(b("0"), arr(b("k2"), b("k1"))), []Modifier{{Kind: ModUnordered, Index: 1}}, arr(b("0"), arr(b("k1"), b("k2")))},
		{"type", arr(b("1"), Value{Kind: Int, Int: 3}), []Modifier{{Kind: ModType, Index: -1}},
			arr(Value{Kind: Normalized, Str: "bulk"}, Value{Kind: Normalized, Str: "integer"})},
		{"range in", Value{Kind: Int, Int: 5}, []Modifier{{Kind: ModRange, Lo: 1, Hi: 10}}, Value{Kind: Normalized, Str: "integer in [1,10]"}},
		{"range out", Value{Kind: Int, Int: 50}, []Modifier{{Kind: ModRange, Lo: 1, Hi: 10}}, Value{Kind: Int, Int: 50}},
		{"range bulk", b("7"), []Modifier{{Kind: ModRange, Lo: 1, Hi: 10}}, Value{Kind: Normalized, Str: "bulk in [1,10]"}},
		{"ignore", b("x"), []Modifier{{Kind: ModIgnore}}, Value{Kind: Normalized, Str: "ignored"}},
		{"type at path", arr(b("a"), arr(b("x"), b("y"))), []Modifier{{Kind: ModType, Path: []int{1, 0}}},
			arr(b("a"), arr(Value{Kind: Normalized, Str: "bulk"}, b("y")))},
		{"range at wildcard path", arr(arr(b("x"), Value{Kind: Int, Int: 3}), arr(b("y"), Value{Kind: Int, Int: 4}), b("5")),
			[]Modifier{{Kind: ModRange, Lo: 0, Hi: 10, Path: []int{PathAny, 1}}},
			arr(arr(b("x"), Value{Kind: Normalized, Str: "integer in [0,10]"}), arr(b("y"), Value{Kind: Normalized, Str: "integer in [0,10]"}), b("5"))},
	}
	for _, c := range cases {
		if diff := cmp.Diff(c.want, Normalize(c.in, c.mods)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
}
