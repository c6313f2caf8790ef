package resp

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// parseAll feeds in to a reader (all at once, or byte by byte) and collects the requests, ending
// with the error that stopped parsing ("" when the input ran out at a request boundary, "more"
// when it stopped inside one).
func parseAll(t *testing.T, in string, unauth, byteByByte bool) ([]string, string) {
	t.Helper()
	r := &Reader{Unauthenticated: unauth}
	var got []string
	collect := func() error {
		for {
			args, err := r.Next()
			if err != nil {
				return err
			}
			parts := make([]string, len(args))
			for i, a := range args {
				parts[i] = string(a)
			}
			got = append(got, strings.Join(parts, "|"))
		}
	}
	var err error
	if byteByByte {
		for i := 0; i < len(in); i++ {
			r.Feed([]byte{in[i]})
			if err = collect(); !errors.Is(err, ErrIncomplete) {
				break
			}
		}
	} else {
		r.Feed([]byte(in))
		err = collect()
	}
	switch {
	case errors.Is(err, ErrIncomplete):
		if r.Buffered() > 0 {
			return got, "more"
		}
		return got, ""
	case err != nil:
		return got, err.Error()
	}
	return got, ""
}

// The expected results were checked against redis-server 7.0.15 by sending the same bytes (the
// network-level goldens in server/testdata/protocol.txt replay them against a live server).
var readerCases = []struct {
	name   string
	in     string
	unauth bool
	want   []string
	err    string
}{
	{name: "multibulk", in: "*2\r\n$3\r\nGET\r\n$1\r\nk\r\n", want: []string{"GET|k"}},
	{name: "pipeline", in: "*1\r\n$4\r\nPING\r\n*2\r\n$4\r\nECHO\r\n$0\r\n\r\nPING\r\n", want: []string{"PING", "ECHO|", "PING"}},
	{name: "binary arg", in: "*2\r\n$4\r\necho\r\n$3\r\na\x00b\r\n", want: []string{"echo|a\x00b"}},
	{name: "crlf after bulk unchecked", in: "*1\r\n$4\r\nPINGxx*1\r\n$4\r\nPING\r\n", want: []string{"PING", "PING"}},
	{name: "empty multibulk skipped", in: "*0\r\n*-1\r\n*-5\r\nPING\r\n", want: []string{"PING"}},
	{name: "bad count", in: "*x\r\n", err: "ERR Protocol error: invalid multibulk length"},
	{name: "count over int max", in: "*2147483648\r\n", err: "ERR Protocol error: invalid multibulk length"},
	{name: "count int max waits", in: "*2147483647\r\n", err: "more"},
	{name: "count leading zero", in: "*01\r\n$4\r\nPING\r\n", err: "ERR Protocol error: invalid multibulk length"},
	{name: "count plus sign", in: "*+1\r\n", err: "ERR Protocol error: invalid multibulk length"},
	{name: "count minus zero", in: "*-0\r\n", err: "ERR Protocol error: invalid multibulk length"},
	{name: "count trailing space", in: "*1 \r\n$4\r\nPING\r\n", err: "ERR Protocol error: invalid multibulk length"},
	{name: "expected dollar", in: "*1\r\nx3\r\nPING\r\n", err: "ERR Protocol error: expected '$', got 'x'"},
	{name: "expected dollar newline", in: "*1\r\r\n$4\r\nPING\r\n", err: "ERR Protocol error: expected '$', got ' '"},
	{name: "negative bulk", in: "*1\r\n$-1\r\n", err: "ERR Protocol error: invalid bulk length"},
	{name: "bulk leading zero", in: "*1\r\n$04\r\nPING\r\n", err: "ERR Protocol error: invalid bulk length"},
	{name: "bulk at limit waits", in: "*1\r\n$536870912\r\n", err: "more"},
	{name: "bulk over limit", in: "*1\r\n$536870913\r\n", err: "ERR Protocol error: invalid bulk length"},
	{name: "bulk trailing space", in: "*1\r\n$4 \r\nPING\r\n", err: "ERR Protocol error: invalid bulk length"},
	{name: "requests before error", in: "PING\r\n*1\r\n$x\r\nPING\r\n", want: []string{"PING"}, err: "ERR Protocol error: invalid bulk length"},
	{name: "partial bulk", in: "*1\r\n$4\r\nPING", err: "more"},
	{name: "count without lf", in: "*1\r", err: "more"},
	{name: "nul hides cr", in: "*1\r\n$4\r\nPING\r\n*1\x00\r\n", want: []string{"PING"}, err: "more"},
	{name: "unauth count", in: "*11\r\n", unauth: true, err: "ERR Protocol error: unauthenticated multibulk length"},
	{name: "unauth count ok", in: "*10\r\n", unauth: true, err: "more"},
	{name: "unauth bulk", in: "*1\r\n$16385\r\n", unauth: true, err: "ERR Protocol error: unauthenticated bulk length"},
	{name: "unauth bulk ok", in: "*1\r\n$16384\r\n", unauth: true, err: "more"},
	{name: "inline", in: "set a b\r\n", want: []string{"set|a|b"}},
	{name: "inline lf only", in: "   \r\nPING\n", want: []string{"PING"}},
	{name: "inline blank lines", in: "\r\n\r\nPING\r\n", want: []string{"PING"}},
	{name: "inline cr separates", in: "PING\rPING\r\n", want: []string{"PING|PING"}},
	{name: "inline vt is not a separator", in: "echo a\vb\r\n", want: []string{"echo|a\vb"}},
	{name: "inline double quotes", in: "echo \"\\x41\\n\\q\"\r\n", want: []string{"echo|A\nq"}},
	{name: "inline single quotes", in: "echo 'a\\'b'\r\n", want: []string{"echo|a'b"}},
	{name: "inline quote mid token", in: "echo a\"b c\" d\r\n", want: []string{"echo|ab c|d"}},
	{name: "inline empty quotes", in: "echo \"\" ''\r\n", want: []string{"echo||"}},
	{name: "inline unbalanced", in: "set a \"b\r\n", err: "ERR Protocol error: unbalanced quotes in request"},
	{name: "inline text after quote", in: "set a \"b\"c\r\n", err: "ERR Protocol error: unbalanced quotes in request"},
	{name: "inline adjacent quotes", in: "echo \"a\"\"b\"\r\n", err: "ERR Protocol error: unbalanced quotes in request"},
	{name: "inline nul waits", in: "echo a\x00b c\r\n", err: "more"},
	{name: "too big inline", in: strings.Repeat("a", InlineMaxSize+1), err: "ERR Protocol error: too big inline request"},
	{name: "inline at limit waits", in: strings.Repeat("a", InlineMaxSize), err: "more"},
	{name: "too big count", in: "*" + strings.Repeat("1", InlineMaxSize+1), err: "ERR Protocol error: too big mbulk count string"},
	{name: "too big bulk count", in: "*1\r\n$" + strings.Repeat("1", InlineMaxSize+1), err: "ERR Protocol error: too big bulk count string"},
}

func TestReader(t *testing.T) {
	for _, c := range readerCases {
		t.Run(c.name, func(t *testing.T) {
			got, err := parseAll(t, c.in, c.unauth, false)
			if diff := cmp.Diff(c.want, got); diff != "" || err != c.err {
				t.Errorf("requests (-want +got):\n%s\nerror %q, want %q", diff, err, c.err)
			}
			if len(c.in) > 1000 {
				return // byte-by-byte changes when the size checks run, as in Redis
			}
			got, err = parseAll(t, c.in, c.unauth, true)
			if diff := cmp.Diff(c.want, got); diff != "" || err != c.err {
				t.Errorf("byte by byte: requests (-want +got):\n%s\nerror %q, want %q", diff, err, c.err)
			}
		})
	}
}

// TestReaderErrorIsFinal checks that after a protocol error the reader returns it again and
// never parses the bytes that follow.
func TestReaderErrorIsFinal(t *testing.T) {
	r := &Reader{}
	r.Feed([]byte("*x\r\nPING\r\n"))
	for range 2 {
		if _, err := r.Next(); err == nil || err.Error() != "ERR Protocol error: invalid multibulk length" {
			t.Fatalf("Next() error = %v", err)
		}
	}
}

// chunkReader returns its data in reads of at most n bytes.
type chunkReader struct {
	data []byte
	n    int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	k := min(len(p), c.n, len(c.data))
	copy(p, c.data[:k])
	c.data = c.data[k:]
	return k, nil
}

// TestReaderFillGrowsWithData checks that a declared 400 MB argument does not make the reader
// allocate before the bytes come, and that a big argument arriving in pieces is assembled.
func TestReaderFillGrowsWithData(t *testing.T) {
	r := &Reader{}
	src := &chunkReader{data: []byte("*2\r\n$3\r\nSET\r\n$400000000\r\nabc"), n: 7}
	for {
		if _, err := r.Fill(src); err != nil {
			break
		}
	}
	if _, err := r.Next(); !errors.Is(err, ErrIncomplete) {
		t.Fatalf("Next() = %v, want ErrIncomplete", err)
	}
	if len(r.buf) > 64*1024 {
		t.Fatalf("buffer grew to %d bytes before the data arrived", len(r.buf))
	}

	big := bytes.Repeat([]byte("x"), 300000)
	in := append([]byte("*2\r\n$4\r\nECHO\r\n$300000\r\n"), big...)
	in = append(in, "\r\n*1\r\n$4\r\nPING\r\n"...)
	r = &Reader{}
	src = &chunkReader{data: in, n: 1000}
	var got [][]string
	for {
		_, err := r.Fill(src)
		for {
			args, perr := r.Next()
			if perr != nil {
				break
			}
			var s []string
			for _, a := range args {
				s = append(s, string(a))
			}
			got = append(got, s)
		}
		if err != nil {
			break
		}
	}
	want := [][]string{{"ECHO", string(big)}, {"PING"}}
	if !cmp.Equal(got, want) {
		t.Fatalf("got %d requests, want the ECHO of 300000 bytes and a PING", len(got))
	}
	if len(r.buf) > 4*len(in) {
		t.Fatalf("buffer is %d bytes for %d bytes of input", len(r.buf), len(in))
	}
}

func TestReaderQueryBufferLimit(t *testing.T) {
	r := &Reader{MaxQueryBuf: 1 << 20}
	src := &chunkReader{data: append([]byte("*1\r\n$2000000\r\n"), bytes.Repeat([]byte("a"), 1500000)...), n: 1 << 20}
	var err error
	for err == nil {
		_, err = r.Fill(src)
	}
	if !errors.Is(err, ErrQueryBufferLimit) {
		t.Fatalf("Fill error = %v, want ErrQueryBufferLimit", err)
	}
}

func TestParseInt(t *testing.T) {
	cases := []struct {
		in string
		v  int64
		ok bool
	}{
		{"0", 0, true}, {"1", 1, true}, {"-1", -1, true}, {"9223372036854775807", 1<<63 - 1, true},
		{"-9223372036854775808", -1 << 63, true}, {"9223372036854775808", 0, false},
		{"-9223372036854775809", 0, false}, {"", 0, false}, {"-", 0, false}, {"-0", 0, false},
		{"01", 0, false}, {"+1", 0, false}, {" 1", 0, false}, {"1 ", 0, false}, {"1a", 0, false},
		{"99999999999999999999", 0, false},
	}
	for _, c := range cases {
		v, ok := parseInt([]byte(c.in))
		if v != c.v || ok != c.ok {
			t.Errorf("parseInt(%q) = %d, %v; want %d, %v", c.in, v, ok, c.v, c.ok)
		}
	}
}

func TestReaderNextAllocs(t *testing.T) {
	in := bytes.Repeat([]byte("*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n"), 16)
	r := &Reader{}
	allocs := testing.AllocsPerRun(100, func() {
		r.Feed(in)
		for {
			if _, err := r.Next(); err != nil {
				break
			}
		}
	})
	if allocs != 0 {
		t.Fatalf("parsing a pipeline of 16 SETs allocates %v times, want 0", allocs)
	}
}

func BenchmarkReaderPipeline(b *testing.B) {
	in := bytes.Repeat([]byte("*3\r\n$3\r\nSET\r\n$16\r\nkey:000000000001\r\n$3\r\nxxx\r\n"), 16)
	r := &Reader{}
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		r.Feed(in)
		for {
			if _, err := r.Next(); err != nil {
				break
			}
		}
	}
}

// FuzzReader checks that no input panics the reader, that a failed reader stays failed, that the
// buffer stays proportional to the input whatever lengths it declares, and that feeding the same
// bytes in two pieces yields the same requests as feeding them at once (when no size limit is
// involved).
func FuzzReader(f *testing.F) {
	for _, c := range readerCases {
		if len(c.in) < 1000 {
			f.Add([]byte(c.in), uint16(3))
		}
	}
	f.Add([]byte("*2\r\n$3\r\nGET\r\n$9999999\r\nab"), uint16(5))
	f.Fuzz(func(t *testing.T, in []byte, cut uint16) {
		whole := collectAll(in, -1)
		split := collectAll(in, int(cut))
		if len(in) < InlineMaxSize && !cmp.Equal(whole, split) {
			t.Fatalf("split at %d changes the requests:\n%q\n%q", cut, whole, split)
		}
	})
}

func collectAll(in []byte, cut int) []string {
	r := &Reader{}
	var out []string
	drain := func() bool {
		for {
			args, err := r.Next()
			if errors.Is(err, ErrIncomplete) {
				return true
			}
			if err != nil {
				out = append(out, "ERR:"+err.Error())
				if _, again := r.Next(); again == nil {
					panic("reader parsed after a protocol error")
				}
				return false
			}
			var b strings.Builder
			for _, a := range args {
				b.WriteString(string(a))
				b.WriteByte('|')
			}
			out = append(out, b.String())
		}
	}
	if cut >= 0 && cut < len(in) {
		r.Feed(in[:cut])
		if !drain() {
			return out
		}
		in = in[cut:]
	}
	r.Feed(in)
	drain()
	if len(r.buf) > 2*len(in)+2*ioChunk {
		panic("buffer larger than the input")
	}
	return out
}
