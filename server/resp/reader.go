// Package resp reads client requests and writes replies in the Redis serialization protocol,
// byte for byte as Redis 7.0 does.
//
// Reader parses the requests a client sends: RESP2 multibulk commands ("*2\r\n$3\r\nGET\r\n...")
// and inline commands ("GET key\r\n", split like Redis's sdssplitargs), with Redis's protocol
// errors and limits. Writer encodes replies in RESP2 or RESP3 and implements keyspace.Reply.
package resp

import (
	"errors"
	"io"
)

// Limits and sizes Redis uses while parsing requests (server.h).
const (
	// InlineMaxSize is the longest inline request, and the longest count line of a multibulk
	// request, that may sit in the buffer without its terminator (PROTO_INLINE_MAX_SIZE).
	InlineMaxSize = 64 * 1024
	// DefaultMaxBulkLen is the default proto-max-bulk-len: the largest bulk argument accepted.
	DefaultMaxBulkLen = 512 * 1024 * 1024
	// DefaultMaxQueryBuf is the default client-query-buffer-limit.
	DefaultMaxQueryBuf = 1024 * 1024 * 1024
	// ioChunk is how much one read asks for (PROTO_IOBUF_LEN); Redis runs its parser after each
	// read of at most this size, which decides when the size limits above are checked.
	ioChunk = 16 * 1024
	// bigArg is the bulk size from which a read asks exactly for the rest of that bulk
	// (PROTO_MBULK_BIG_ARG).
	bigArg = 32 * 1024
	// unauthMultibulk and unauthBulk are the limits on a client that still has to authenticate.
	unauthMultibulk = 10
	unauthBulk      = 16384
	maxInt32        = 1<<31 - 1
)

// ErrIncomplete is returned by Next when the buffer holds no complete request yet.
var ErrIncomplete = errors.New("resp: incomplete request")

// ErrQueryBufferLimit is returned by Fill when the client's pending input exceeds the query
// buffer limit; Redis closes such a client without a reply.
var ErrQueryBufferLimit = errors.New("resp: client reached max query buffer length")

// ProtocolError is a malformed request. Msg is the whole error reply text, e.g.
// "ERR Protocol error: invalid multibulk length". Redis replies with it and then closes the
// connection.
type ProtocolError struct {
	Msg string
}

func (e *ProtocolError) Error() string { return e.Msg }

var (
	errInvalidMultibulk  = &ProtocolError{"ERR Protocol error: invalid multibulk length"}
	errInvalidBulk       = &ProtocolError{"ERR Protocol error: invalid bulk length"}
	errUnbalancedQuotes  = &ProtocolError{"ERR Protocol error: unbalanced quotes in request"}
	errBigInline         = &ProtocolError{"ERR Protocol error: too big inline request"}
	errBigMbulkCount     = &ProtocolError{"ERR Protocol error: too big mbulk count string"}
	errBigBulkCount      = &ProtocolError{"ERR Protocol error: too big bulk count string"}
	errUnauthMultibulk   = &ProtocolError{"ERR Protocol error: unauthenticated multibulk length"}
	errUnauthBulk        = &ProtocolError{"ERR Protocol error: unauthenticated bulk length"}
	errExpectedDollarFmt = "ERR Protocol error: expected '$', got '"
)

// Reader parses the requests of one client connection. It owns a buffer that grows only as bytes
// arrive (never to a size a request merely declares) and keeps the state of a partly received
// multibulk request between reads, so a huge argument arriving in pieces costs linear time.
//
// The argument slices returned by Next point into the buffer and stay valid only until the next
// call to Fill; callers copy what they keep.
type Reader struct {
	// MaxBulkLen is proto-max-bulk-len; 0 means DefaultMaxBulkLen.
	MaxBulkLen int64
	// MaxQueryBuf is client-query-buffer-limit; 0 means DefaultMaxQueryBuf.
	MaxQueryBuf int64
	// Unauthenticated applies Redis's tighter limits to a client that must still authenticate
	// (at most 10 arguments, bulks of at most 16384 bytes).
	Unauthenticated bool

	buf   []byte
	start int // first byte of the request being parsed
	end   int // end of the bytes received

	// State of a partly received multibulk request, offsets relative to start.
	inMulti   bool
	pos       int      // next byte to parse
	remaining int      // arguments still to read
	bulkLen   int      // length of the argument being read, or -1 before its "$" line
	offs      [][2]int // argument bounds, relative to start

	args [][]byte
	err  error // a protocol error is final
}

// Buffered returns the number of received bytes not yet returned as requests.
func (r *Reader) Buffered() int { return r.end - r.start }

// Reset empties the reader for reuse by another connection, keeping its buffer.
func (r *Reader) Reset() {
	buf := r.buf
	offs := r.offs[:0]
	args := r.args[:0]
	*r = Reader{buf: buf, offs: offs, args: args}
}

// Fill reads once from src into the buffer, asking for at most 16 KB (or for the rest of a big
// argument) as Redis does. It returns the number of bytes read and the read error, or
// ErrQueryBufferLimit when the pending input has grown past MaxQueryBuf.
func (r *Reader) Fill(src io.Reader) (int, error) {
	want := ioChunk
	if r.inMulti && r.bulkLen >= bigArg {
		// Ask for the rest of a big argument in one read (plus its CRLF).
		need := r.start + r.pos + r.bulkLen + 2 - r.end
		if need > want {
			want = need
		}
	}
	r.makeRoom(want)
	n, err := src.Read(r.buf[r.end : r.end+min(want, len(r.buf)-r.end)])
	r.end += n
	if n > 0 {
		limit := r.MaxQueryBuf
		if limit == 0 {
			limit = DefaultMaxQueryBuf
		}
		if int64(r.end-r.start) > limit {
			return n, ErrQueryBufferLimit
		}
	}
	return n, err
}

// Feed appends p to the buffer, for callers that receive bytes some other way (tests, fuzzing).
func (r *Reader) Feed(p []byte) {
	for len(p) > 0 {
		r.makeRoom(len(p))
		n := copy(r.buf[r.end:], p)
		r.end += n
		p = p[n:]
	}
}

// makeRoom makes free space at the end of the buffer for a read of up to want bytes. It first
// drops consumed bytes, then grows the buffer at most by doubling it: a declared length never
// enlarges the buffer by itself, growth follows the bytes actually received. An idle buffer that
// grew large is given back.
func (r *Reader) makeRoom(want int) {
	if r.start == r.end && !r.inMulti {
		r.start, r.end = 0, 0
		if len(r.buf) > 4*ioChunk {
			r.buf = nil
		}
	}
	if len(r.buf)-r.end >= want {
		return
	}
	if r.start > 0 {
		r.end = copy(r.buf, r.buf[r.start:r.end])
		r.start = 0
	}
	step := min(want, max(len(r.buf), ioChunk))
	if len(r.buf)-r.end >= step {
		return
	}
	nb := make([]byte, r.end+step)
	copy(nb, r.buf[:r.end])
	r.buf = nb
}

// Next returns the next complete request in the buffer. Empty requests (a blank inline line,
// "*0" or a negative multibulk count) are skipped as Redis skips them. It returns ErrIncomplete
// when more bytes are needed, or a *ProtocolError, after which the reader stays failed.
func (r *Reader) Next() ([][]byte, error) {
	if r.err != nil {
		return nil, r.err
	}
	for {
		if !r.inMulti {
			if r.start == r.end {
				return nil, ErrIncomplete
			}
			if r.buf[r.start] != '*' {
				args, err := r.inline()
				if err != nil {
					return nil, r.fail(err)
				}
				if len(args) == 0 {
					continue
				}
				return args, nil
			}
			n, err := r.multibulkCount()
			if err != nil {
				return nil, r.fail(err)
			}
			if n <= 0 {
				continue
			}
		}
		args, err := r.multibulkArgs()
		if err != nil {
			return nil, r.fail(err)
		}
		return args, nil
	}
}

func (r *Reader) fail(err error) error {
	if pe, ok := err.(*ProtocolError); ok {
		r.err = pe
	}
	return err
}

func (r *Reader) maxBulk() int64 {
	if r.MaxBulkLen > 0 {
		return r.MaxBulkLen
	}
	return DefaultMaxBulkLen
}

// indexCNul returns the index of the first c in b, or -1 when b has none or a NUL byte comes
// first: Redis looks for line ends with strchr on a NUL-terminated buffer, so an embedded NUL
// hides everything after it.
func indexCNul(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
		if x == 0 {
			return -1
		}
	}
	return -1
}

// inline parses one inline request at start.
func (r *Reader) inline() ([][]byte, error) {
	data := r.buf[r.start:r.end]
	nl := indexCNul(data, '\n')
	if nl < 0 {
		if len(data) > InlineMaxSize {
			return nil, errBigInline
		}
		return nil, ErrIncomplete
	}
	line := data[:nl]
	consumed := nl + 1
	if nl > 0 && line[nl-1] == '\r' {
		line = line[:nl-1]
	}
	args, ok := SplitArgs(r.args[:0], line)
	if !ok {
		return nil, errUnbalancedQuotes
	}
	r.args = args
	r.start += consumed
	return args, nil
}

// multibulkCount parses the "*N" line at start and enters the multibulk state.
func (r *Reader) multibulkCount() (int, error) {
	data := r.buf[r.start:r.end]
	cr := indexCNul(data, '\r')
	if cr < 0 {
		if len(data) > InlineMaxSize {
			return 0, errBigMbulkCount
		}
		return 0, ErrIncomplete
	}
	if cr > len(data)-2 {
		return 0, ErrIncomplete
	}
	n, ok := parseInt(data[1:cr])
	if !ok || n > maxInt32 {
		return 0, errInvalidMultibulk
	}
	if n > unauthMultibulk && r.Unauthenticated {
		return 0, errUnauthMultibulk
	}
	if n <= 0 {
		r.start += cr + 2
		return int(n), nil
	}
	r.inMulti = true
	r.pos = cr + 2
	r.remaining = int(n)
	r.bulkLen = -1
	r.offs = r.offs[:0]
	return int(n), nil
}

// multibulkArgs reads the arguments of the current multibulk request, resuming where the
// previous call stopped.
func (r *Reader) multibulkArgs() ([][]byte, error) {
	for r.remaining > 0 {
		abs := r.start + r.pos
		if r.bulkLen < 0 {
			data := r.buf[abs:r.end]
			cr := indexCNul(data, '\r')
			if cr < 0 {
				if len(data) > InlineMaxSize {
					return nil, errBigBulkCount
				}
				return nil, ErrIncomplete
			}
			if cr > len(data)-2 {
				return nil, ErrIncomplete
			}
			if data[0] != '$' {
				c := data[0]
				if c == '\r' || c == '\n' {
					c = ' ' // Redis turns newlines inside error texts into spaces
				}
				return nil, &ProtocolError{errExpectedDollarFmt + string(c) + "'"}
			}
			n, ok := parseInt(data[1:cr])
			if !ok || n < 0 || n > r.maxBulk() {
				return nil, errInvalidBulk
			}
			if n > unauthBulk && r.Unauthenticated {
				return nil, errUnauthBulk
			}
			r.pos += cr + 2
			r.bulkLen = int(n)
			continue
		}
		if r.end-abs < r.bulkLen+2 {
			return nil, ErrIncomplete
		}
		// Redis does not check the two bytes after the data: it skips them.
		r.offs = append(r.offs, [2]int{r.pos, r.pos + r.bulkLen})
		r.pos += r.bulkLen + 2
		r.bulkLen = -1
		r.remaining--
	}
	args := r.args[:0]
	for _, o := range r.offs {
		args = append(args, r.buf[r.start+o[0]:r.start+o[1]:r.start+o[1]])
	}
	r.args = args
	r.start += r.pos
	r.inMulti = false
	r.pos = 0
	return args, nil
}

// parseInt parses a decimal integer exactly as Redis's string2ll: an optional '-', no '+', no
// leading zeros (except "0" itself), no spaces, within int64.
func parseInt(b []byte) (int64, bool) {
	if len(b) == 0 || len(b) > 20 {
		return 0, false
	}
	if len(b) == 1 && b[0] == '0' {
		return 0, true
	}
	neg := false
	if b[0] == '-' {
		neg = true
		b = b[1:]
		if len(b) == 0 {
			return 0, false
		}
	}
	if b[0] < '1' || b[0] > '9' {
		return 0, false
	}
	var v uint64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		d := uint64(c - '0')
		if v > (1<<64-1)/10 || v*10 > 1<<64-1-d {
			return 0, false
		}
		v = v*10 + d
	}
	if neg {
		if v > 1<<63 {
			return 0, false
		}
		return -int64(v), true
	}
	if v > 1<<63-1 {
		return 0, false
	}
	return int64(v), true
}
