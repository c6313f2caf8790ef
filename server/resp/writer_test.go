package resp

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/redmoon-dev/redmoon/keyspace"
)

var _ keyspace.Reply = (*Writer)(nil)

// The RESP2 and RESP3 encodings below were observed on redis-server 7.0.15 (for instance
// ZSCORE of 1.1 and of inf, ZRANGE WITHSCORES, HELLO 3 maps, CONFIG GET in both protocols,
// nulls from GET and BLPOP timeouts).
var writerCases = []struct {
	name      string
	write     func(keyspace.Reply)
	resp2, r3 string
}{
	{"status", func(r keyspace.Reply) { r.SimpleString("OK") }, "+OK\r\n", "+OK\r\n"},
	{"status newline", func(r keyspace.Reply) { r.SimpleString("a\r\nb") }, "+a  b\r\n", "+a  b\r\n"},
	{"error", func(r keyspace.Reply) { r.Error("ERR syntax error") }, "-ERR syntax error\r\n", "-ERR syntax error\r\n"},
	{"empty error", func(r keyspace.Reply) { r.Error("") }, "-\r\n", "-\r\n"},
	{"error with newlines", func(r keyspace.Reply) { r.Error("x\r\ny") }, "-x  y\r\n", "-x  y\r\n"},
	{"integer", func(r keyspace.Reply) { r.Integer(-42) }, ":-42\r\n", ":-42\r\n"},
	{"bulk", func(r keyspace.Reply) { r.Bulk("a\x00b") }, "$3\r\na\x00b\r\n", "$3\r\na\x00b\r\n"},
	{"empty bulk", func(r keyspace.Reply) { r.Bulk("") }, "$0\r\n\r\n", "$0\r\n\r\n"},
	{"null", func(r keyspace.Reply) { r.Null() }, "$-1\r\n", "_\r\n"},
	{"null array", func(r keyspace.Reply) { r.NullArray() }, "*-1\r\n", "_\r\n"},
	{"array", func(r keyspace.Reply) { r.ArrayLen(2); r.Integer(1); r.Bulk("x") }, "*2\r\n:1\r\n$1\r\nx\r\n", "*2\r\n:1\r\n$1\r\nx\r\n"},
	{"map", func(r keyspace.Reply) { r.MapLen(1); r.Bulk("k"); r.Integer(1) }, "*2\r\n$1\r\nk\r\n:1\r\n", "%1\r\n$1\r\nk\r\n:1\r\n"},
	{"set", func(r keyspace.Reply) { r.SetLen(1); r.Bulk("m") }, "*1\r\n$1\r\nm\r\n", "~1\r\n$1\r\nm\r\n"},
	{"push", func(r keyspace.Reply) { r.PushLen(1); r.Bulk("m") }, "*1\r\n$1\r\nm\r\n", ">1\r\n$1\r\nm\r\n"},
	{"double", func(r keyspace.Reply) { r.Double(1.1) }, "$18\r\n1.1000000000000001\r\n", ",1.1000000000000001\r\n"},
	{"double integral", func(r keyspace.Reply) { r.Double(5) }, "$1\r\n5\r\n", ",5\r\n"},
	{"double exp", func(r keyspace.Reply) { r.Double(1e300) }, "$23\r\n1.0000000000000001e+300\r\n", ",1.0000000000000001e+300\r\n"},
	{"double subnormal", func(r keyspace.Reply) { r.Double(1e-320) }, "$23\r\n9.9998886718268301e-321\r\n", ",9.9998886718268301e-321\r\n"},
	{"double big", func(r keyspace.Reply) { r.Double(123456789012345678) }, "$22\r\n1.2345678901234568e+17\r\n", ",1.2345678901234568e+17\r\n"},
	{"double inf", func(r keyspace.Reply) { r.Double(math.Inf(1)) }, "$3\r\ninf\r\n", ",inf\r\n"},
	{"double -inf", func(r keyspace.Reply) { r.Double(math.Inf(-1)) }, "$4\r\n-inf\r\n", ",-inf\r\n"},
	{"bool true", func(r keyspace.Reply) { r.Bool(true) }, ":1\r\n", "#t\r\n"},
	{"bool false", func(r keyspace.Reply) { r.Bool(false) }, ":0\r\n", "#f\r\n"},
	{"big number", func(r keyspace.Reply) { r.BigNumber("12345678901234567890") }, "$20\r\n12345678901234567890\r\n", "(12345678901234567890\r\n"},
	{"verbatim", func(r keyspace.Reply) { r.Verbatim("txt", "hello") }, "$5\r\nhello\r\n", "=9\r\ntxt:hello\r\n"},
}

func TestWriter(t *testing.T) {
	for _, c := range writerCases {
		for _, r3 := range []bool{false, true} {
			var out bytes.Buffer
			w := NewWriter(&out)
			w.SetResp3(r3)
			c.write(w)
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			want := c.resp2
			if r3 {
				want = c.r3
			}
			if out.String() != want {
				t.Errorf("%s (RESP3 %v): wrote %q, want %q", c.name, r3, out.String(), want)
			}
		}
	}
}

// TestWriterBigBulk checks that big bulks queued as their own segments come out in order.
func TestWriterBigBulk(t *testing.T) {
	var out bytes.Buffer
	w := NewWriter(&out)
	big := strings.Repeat("b", 3*bigBulk)
	w.ArrayLen(3)
	w.Bulk("a")
	w.Bulk(big)
	w.Integer(7)
	want := "*3\r\n$1\r\na\r\n$" + "49152" + "\r\n" + big + "\r\n:7\r\n"
	if got := string(w.Bytes(nil)); got != want {
		t.Fatalf("Bytes() differs from the expected encoding")
	}
	if w.Buffered() != len(want) {
		t.Fatalf("Buffered() = %d, want %d", w.Buffered(), len(want))
	}
	if err := w.Flush(); err != nil || out.String() != want {
		t.Fatalf("Flush wrote %d bytes (err %v), want %d", out.Len(), err, len(want))
	}
	if w.Buffered() != 0 {
		t.Fatalf("Buffered() after Flush = %d", w.Buffered())
	}
}

func TestWriterAllocs(t *testing.T) {
	w := NewWriter(&bytes.Buffer{})
	for _, r3 := range []bool{false, true} {
		w.SetResp3(r3)
		allocs := testing.AllocsPerRun(100, func() {
			w.Discard()
			for range 16 {
				w.SimpleString("OK")
				w.Bulk("value")
				w.Integer(12345)
				w.Null()
				w.ArrayLen(2)
				w.Double(3.25)
				w.MapLen(1)
				w.Bool(true)
				w.Error("ERR x")
			}
		})
		if allocs != 0 {
			t.Fatalf("encoding replies (RESP3 %v) allocates %v times per batch, want 0", r3, allocs)
		}
	}
}

func BenchmarkWriter(b *testing.B) {
	w := NewWriter(&bytes.Buffer{})
	b.ReportAllocs()
	for b.Loop() {
		w.Discard()
		for range 16 {
			w.Bulk("value")
			w.Integer(12345)
			w.SimpleString("OK")
		}
	}
}

func TestWriterRewind(t *testing.T) {
	var out bytes.Buffer
	w := NewWriter(&out)
	w.SimpleString("OK")
	m := w.Mark()
	w.Error("BUSY x")
	w.Integer(3)
	w.Rewind(m)
	w.SimpleString("PONG")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "+OK\r\n+PONG\r\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
