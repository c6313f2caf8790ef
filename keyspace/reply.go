package keyspace

// Reply is the sink a command writes its reply into. One implementation of each command serves
// every caller: the server's sink encodes RESP2 or RESP3 bytes on a connection, the script
// bridge's sink builds Lua values directly, and the conformance harness records what it receives.
//
// Aggregates are written as a header followed by their elements: ArrayLen(2), Bulk("a"),
// Integer(1) is a two-element array. MapLen(n) is followed by 2n elements (key, value, ...).
// A command must write exactly one complete reply per call.
//
// Methods that exist only in RESP3 (maps, sets, doubles, booleans, big numbers, verbatim strings,
// pushes) are called regardless of the protocol; the sink downgrades them the way Redis 7.0 does
// for a RESP2 client (map and set become arrays, a double becomes a bulk string, a boolean becomes
// the integer 1 or 0 — or a null for false where Redis says so, which the command decides by
// checking Resp3). Commands whose reply shape differs between protocols in other ways ask Resp3.
type Reply interface {
	// SimpleString writes a status reply such as "OK" (RESP "+OK").
	SimpleString(s string)
	// Error writes an error reply; msg is the whole text including its code, e.g.
	// "ERR syntax error" or "WRONGTYPE Operation against a key holding the wrong kind of value".
	Error(msg string)
	// Integer writes an integer reply.
	Integer(n int64)
	// Bulk writes a bulk string. The string is not copied: sinks may keep it (strings are immutable).
	Bulk(s string)
	// Null writes the null bulk string (RESP2 "$-1", RESP3 "_").
	Null()
	// NullArray writes the null array (RESP2 "*-1", RESP3 "_").
	NullArray()
	// ArrayLen starts an array of n elements.
	ArrayLen(n int)
	// MapLen starts a map of n key/value pairs (RESP2: an array of 2n elements).
	MapLen(n int)
	// SetLen starts a set of n elements (RESP2: an array).
	SetLen(n int)
	// Double writes a floating-point number (RESP3 ",..."; RESP2 a bulk string formatted as
	// Redis formats doubles).
	Double(f float64)
	// Bool writes a boolean (RESP3 "#t"/"#f"; RESP2 the integer 1 or 0).
	Bool(b bool)
	// BigNumber writes a big number given as its decimal text (RESP2: a bulk string).
	BigNumber(s string)
	// Verbatim writes a verbatim string with its three-letter format, e.g. "txt"
	// (RESP2: a bulk string of s).
	Verbatim(format, s string)
	// PushLen starts an out-of-band push message of n elements (RESP2: an array).
	PushLen(n int)
	// Resp3 reports whether the caller speaks RESP3.
	Resp3() bool
}

// DoubleTextReply is implemented by sinks that can write a double with the text the command
// chose. Redis formats most doubles with "%.17g" (Double), but a few replies (GEOPOS and the
// coordinates of WITHCOORD, through addReplyHumanLongDouble) use "%.17Lf" with trailing zeros
// removed, sent as a RESP3 double or a RESP2 bulk string. Commands use ReplyDoubleText, which
// falls back to Double (RESP3) or Bulk (RESP2) for sinks without this method.
type DoubleTextReply interface {
	// DoubleText writes f, whose decimal text is text (RESP3 ",text"; RESP2 a bulk string).
	DoubleText(f float64, text string)
}

// ReplyDoubleText writes f with the given text, through DoubleTextReply when r implements it.
func ReplyDoubleText(r Reply, f float64, text string) {
	if t, ok := r.(DoubleTextReply); ok {
		t.DoubleText(f, text)
		return
	}
	if r.Resp3() {
		r.Double(f)
		return
	}
	r.Bulk(text)
}
