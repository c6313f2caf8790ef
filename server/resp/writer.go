package resp

import (
	"io"
	"math"
	"net"
	"strconv"
	"unsafe"
)

// bigBulk is the size from which a bulk string is not copied into the buffer but handed to the
// connection as its own segment (one writev with the rest at flush time).
const bigBulk = 16 * 1024

// Writer encodes replies for one client in RESP2 or RESP3 and implements keyspace.Reply. Replies
// accumulate in a buffer until Flush, so a batch of pipelined commands costs one write; encoding a
// reply does not allocate once the buffer has grown to the batch's size.
//
// RESP3-only types are downgraded for a RESP2 client exactly as Redis 7.0 does: maps and sets
// become arrays (a map of n pairs is an array of 2n elements), doubles become bulk strings
// ("%.17g", "inf", "-inf"), booleans the integers 1 and 0, big numbers and verbatim strings bulk
// strings, pushes arrays, and both nulls the RESP2 null bulk or null array.
type Writer struct {
	buf  []byte
	segs [][]byte // earlier parts of the output when big bulks are queued uncopied
	mark int      // start in buf of the part not yet in segs
	dst  io.Writer
	r3   bool
}

// NewWriter returns a writer flushing to dst, speaking RESP2.
func NewWriter(dst io.Writer) *Writer {
	return &Writer{dst: dst, buf: make([]byte, 0, 4096)}
}

// Reset makes the writer flush to dst from now on, speaking RESP2, and empties it.
func (w *Writer) Reset(dst io.Writer) {
	w.dst = dst
	w.r3 = false
	w.Discard()
}

// SetResp3 selects RESP3 (true) or RESP2 (false) for the replies written from now on.
func (w *Writer) SetResp3(on bool) { w.r3 = on }

// Resp3 reports whether the writer speaks RESP3.
func (w *Writer) Resp3() bool { return w.r3 }

// Buffered returns the number of bytes waiting for Flush.
func (w *Writer) Buffered() int {
	n := len(w.buf) - w.mark
	for _, s := range w.segs {
		n += len(s)
	}
	return n
}

// Mark returns the current end of the pending output, for Rewind.
func (w *Writer) Mark() int { return len(w.buf) }

// Rewind drops the output written since Mark returned m. It does nothing when a big bulk was
// queued since (the output is then kept).
func (w *Writer) Rewind(m int) {
	if m >= w.mark && m <= len(w.buf) {
		w.buf = w.buf[:m]
	}
}

// Discard drops everything not yet flushed.
func (w *Writer) Discard() {
	clear(w.segs)
	w.segs = w.segs[:0]
	w.buf = w.buf[:0]
	w.mark = 0
	if cap(w.buf) > 1<<20 {
		w.buf = make([]byte, 0, 4096)
	}
}

// Bytes appends the pending output to dst and returns it, without flushing (for tests and for
// moving output between sinks).
func (w *Writer) Bytes(dst []byte) []byte {
	for _, s := range w.segs {
		dst = append(dst, s...)
	}
	return append(dst, w.buf[w.mark:]...)
}

// Flush writes the pending output to the destination in one write (one writev when big bulks are
// queued) and empties the buffer.
func (w *Writer) Flush() error {
	var err error
	if len(w.segs) == 0 {
		if len(w.buf) > 0 {
			_, err = w.dst.Write(w.buf)
		}
	} else {
		if w.mark < len(w.buf) {
			w.segs = append(w.segs, w.buf[w.mark:])
		}
		bufs := net.Buffers(w.segs)
		_, err = bufs.WriteTo(w.dst)
	}
	w.Discard()
	return err
}

// Raw appends bytes that are already RESP-encoded.
func (w *Writer) Raw(p []byte) { w.buf = append(w.buf, p...) }

// RawString appends a string that is already RESP-encoded.
func (w *Writer) RawString(s string) { w.buf = append(w.buf, s...) }

func (w *Writer) header(prefix byte, n int64) {
	w.buf = append(w.buf, prefix)
	w.buf = strconv.AppendInt(w.buf, n, 10)
	w.buf = append(w.buf, '\r', '\n')
}

// line appends prefix, s with CR and LF replaced by spaces (as Redis does for status and error
// texts, so they never break the protocol), and CRLF.
func (w *Writer) line(prefix byte, s string) {
	w.buf = append(w.buf, prefix)
	start := len(w.buf)
	w.buf = append(w.buf, s...)
	for i := start; i < len(w.buf); i++ {
		if c := w.buf[i]; c == '\r' || c == '\n' {
			w.buf[i] = ' '
		}
	}
	w.buf = append(w.buf, '\r', '\n')
}

// SimpleString writes a status reply.
func (w *Writer) SimpleString(s string) { w.line('+', s) }

// Error writes an error reply; msg includes the code ("ERR ...", "WRONGTYPE ..."). An empty msg
// is written as an empty error ("-\r\n"), which is what Redis 7.0 sends for a script's
// {err=""}: the text is written as given.
func (w *Writer) Error(msg string) { w.line('-', msg) }

// Integer writes an integer reply.
func (w *Writer) Integer(n int64) { w.header(':', n) }

// Bulk writes a bulk string.
func (w *Writer) Bulk(s string) {
	w.header('$', int64(len(s)))
	if len(s) >= bigBulk {
		w.segs = append(w.segs, w.buf[w.mark:len(w.buf):len(w.buf)], unsafe.Slice(unsafe.StringData(s), len(s)))
		w.mark = len(w.buf)
	} else {
		w.buf = append(w.buf, s...)
	}
	w.buf = append(w.buf, '\r', '\n')
}

// BulkBytes writes a bulk string from bytes, copying them.
func (w *Writer) BulkBytes(p []byte) {
	w.header('$', int64(len(p)))
	w.buf = append(w.buf, p...)
	w.buf = append(w.buf, '\r', '\n')
}

// Null writes the null bulk string ("$-1"; RESP3 "_").
func (w *Writer) Null() {
	if w.r3 {
		w.buf = append(w.buf, "_\r\n"...)
	} else {
		w.buf = append(w.buf, "$-1\r\n"...)
	}
}

// NullArray writes the null array ("*-1"; RESP3 "_").
func (w *Writer) NullArray() {
	if w.r3 {
		w.buf = append(w.buf, "_\r\n"...)
	} else {
		w.buf = append(w.buf, "*-1\r\n"...)
	}
}

// ArrayLen starts an array of n elements.
func (w *Writer) ArrayLen(n int) { w.header('*', int64(n)) }

// MapLen starts a map of n pairs (RESP2: an array of 2n elements).
func (w *Writer) MapLen(n int) {
	if w.r3 {
		w.header('%', int64(n))
	} else {
		w.header('*', 2*int64(n))
	}
}

// SetLen starts a set of n elements (RESP2: an array).
func (w *Writer) SetLen(n int) {
	if w.r3 {
		w.header('~', int64(n))
	} else {
		w.header('*', int64(n))
	}
}

// PushLen starts a push message of n elements (RESP2: an array).
func (w *Writer) PushLen(n int) {
	if w.r3 {
		w.header('>', int64(n))
	} else {
		w.header('*', int64(n))
	}
}

// Double writes a double as Redis 7.0 formats it: "%.17g", with inf and -inf spelled out
// (RESP3 ",..."; RESP2 a bulk string).
func (w *Writer) Double(f float64) {
	var tmp [32]byte
	num := AppendDouble(tmp[:0], f)
	if w.r3 {
		w.buf = append(w.buf, ',')
		w.buf = append(w.buf, num...)
		w.buf = append(w.buf, '\r', '\n')
		return
	}
	w.header('$', int64(len(num)))
	w.buf = append(w.buf, num...)
	w.buf = append(w.buf, '\r', '\n')
}

// DoubleText writes a double whose text the command chose (keyspace.DoubleTextReply): RESP3
// ",text", RESP2 a bulk string.
func (w *Writer) DoubleText(f float64, text string) {
	if w.r3 {
		w.buf = append(w.buf, ',')
		w.buf = append(w.buf, text...)
		w.buf = append(w.buf, '\r', '\n')
		return
	}
	w.header('$', int64(len(text)))
	w.buf = append(w.buf, text...)
	w.buf = append(w.buf, '\r', '\n')
}

// AppendDouble appends f formatted as C's "%.17g" (glibc spellings for infinities and NaN).
func AppendDouble(dst []byte, f float64) []byte {
	switch {
	case math.IsInf(f, 1):
		return append(dst, "inf"...)
	case math.IsInf(f, -1):
		return append(dst, "-inf"...)
	case math.IsNaN(f):
		if math.Signbit(f) {
			return append(dst, "-nan"...)
		}
		return append(dst, "nan"...)
	}
	return strconv.AppendFloat(dst, f, 'g', 17, 64)
}

// Bool writes a boolean (RESP3 "#t"/"#f"; RESP2 the integers 1 and 0).
func (w *Writer) Bool(b bool) {
	switch {
	case w.r3 && b:
		w.buf = append(w.buf, "#t\r\n"...)
	case w.r3:
		w.buf = append(w.buf, "#f\r\n"...)
	case b:
		w.buf = append(w.buf, ":1\r\n"...)
	default:
		w.buf = append(w.buf, ":0\r\n"...)
	}
}

// BigNumber writes a big number given as decimal text (RESP2: a bulk string).
func (w *Writer) BigNumber(s string) {
	if w.r3 {
		w.line('(', s)
		return
	}
	w.Bulk(s)
}

// Verbatim writes a verbatim string with its three-letter format (RESP2: a bulk string of s).
func (w *Writer) Verbatim(format, s string) {
	if !w.r3 {
		w.Bulk(s)
		return
	}
	w.header('=', int64(len(s)+4))
	w.buf = append(w.buf, format...)
	w.buf = append(w.buf, ':')
	w.buf = append(w.buf, s...)
	w.buf = append(w.buf, '\r', '\n')
}
