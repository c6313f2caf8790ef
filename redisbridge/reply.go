package redisbridge

import "strconv"

// Kind is the type of a Reply.
type Kind uint8

// Reply kinds, one per RESP type (RESP2 nulls are KindNil too).
const (
	KindNil Kind = iota
	KindStatus
	KindError
	KindInt
	KindBulk
	KindArray
	KindMap
	KindSet
	KindDouble
	KindBool
	KindBigNumber
	KindVerbatim
)

var kindNames = [...]string{"nil", "status", "error", "integer", "bulk", "array", "map", "set",
	"double", "boolean", "big number", "verbatim"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Reply is a command's or a script's reply as a tree: the raw reply a client would read.
type Reply struct {
	Kind   Kind
	Str    string  // status, error, bulk, big number and verbatim text
	Int    int64   // integer; 1 or 0 for a boolean
	Float  float64 // double
	Format string  // verbatim format ("txt")
	Elems  []Reply // array and set elements; map keys and values alternating
}

// Value returns the reply as plain Go values: nil, string (bulk, status, big number, verbatim),
// int64, float64, bool, []any (array, set), map[string]any (map; keys formatted with
// fmt-like rules for non-string keys), or error (*ReplyError).
func (r Reply) Value() any {
	switch r.Kind {
	case KindStatus, KindBulk, KindBigNumber, KindVerbatim:
		return r.Str
	case KindError:
		return &ReplyError{Msg: r.Str}
	case KindInt:
		return r.Int
	case KindDouble:
		return r.Float
	case KindBool:
		return r.Int != 0
	case KindArray, KindSet:
		out := make([]any, len(r.Elems))
		for i, e := range r.Elems {
			out[i] = e.Value()
		}
		return out
	case KindMap:
		out := make(map[string]any, len(r.Elems)/2)
		for i := 0; i+1 < len(r.Elems); i += 2 {
			out[r.Elems[i].text()] = r.Elems[i+1].Value()
		}
		return out
	}
	return nil
}

// text is the reply as a map key.
func (r Reply) text() string {
	switch r.Kind {
	case KindInt:
		return strconv.FormatInt(r.Int, 10)
	case KindDouble:
		return formatDouble17(r.Float)
	case KindNil:
		return ""
	}
	return r.Str
}

// IsNil reports whether the reply is a null.
func (r Reply) IsNil() bool { return r.Kind == KindNil }

// replySink builds a Reply tree (the embedded API's keyspace.Reply).
type replySink struct {
	resp3 bool
	root  Reply
	done  bool
	stack []sinkNode
}

type sinkNode struct {
	r    Reply
	want int
}

func (s *replySink) result() Reply { return s.root }

func (s *replySink) leaf(r Reply) {
	for {
		if len(s.stack) == 0 {
			s.root, s.done = r, true
			return
		}
		top := &s.stack[len(s.stack)-1]
		top.r.Elems = append(top.r.Elems, r)
		if len(top.r.Elems) < top.want {
			return
		}
		r = top.r
		s.stack = s.stack[:len(s.stack)-1]
	}
}

func (s *replySink) open(k Kind, n, want int) {
	if want == 0 {
		s.leaf(Reply{Kind: k, Elems: []Reply{}})
		return
	}
	s.stack = append(s.stack, sinkNode{r: Reply{Kind: k, Elems: make([]Reply, 0, want)}, want: want})
}

func (s *replySink) SimpleString(str string) { s.leaf(Reply{Kind: KindStatus, Str: str}) }
func (s *replySink) Error(msg string)        { s.leaf(Reply{Kind: KindError, Str: msg}) }
func (s *replySink) Integer(n int64)         { s.leaf(Reply{Kind: KindInt, Int: n}) }
func (s *replySink) Bulk(str string)         { s.leaf(Reply{Kind: KindBulk, Str: str}) }
func (s *replySink) Null()                   { s.leaf(Reply{Kind: KindNil}) }
func (s *replySink) NullArray()              { s.leaf(Reply{Kind: KindNil}) }
func (s *replySink) ArrayLen(n int)          { s.open(KindArray, n, n) }
func (s *replySink) PushLen(n int)           { s.open(KindArray, n, n) }
func (s *replySink) Resp3() bool             { return s.resp3 }

func (s *replySink) MapLen(n int) {
	if s.resp3 {
		s.open(KindMap, n, 2*n)
	} else {
		s.open(KindArray, 2*n, 2*n)
	}
}

func (s *replySink) SetLen(n int) {
	if s.resp3 {
		s.open(KindSet, n, n)
	} else {
		s.open(KindArray, n, n)
	}
}

func (s *replySink) Double(f float64) { s.DoubleText(f, formatDouble17(f)) }

func (s *replySink) DoubleText(f float64, text string) {
	if s.resp3 {
		s.leaf(Reply{Kind: KindDouble, Float: f, Str: text})
	} else {
		s.leaf(Reply{Kind: KindBulk, Str: text})
	}
}

func (s *replySink) Bool(b bool) {
	var n int64
	if b {
		n = 1
	}
	if s.resp3 {
		s.leaf(Reply{Kind: KindBool, Int: n})
	} else {
		s.leaf(Reply{Kind: KindInt, Int: n})
	}
}

func (s *replySink) BigNumber(str string) {
	if s.resp3 {
		s.leaf(Reply{Kind: KindBigNumber, Str: str})
	} else {
		s.leaf(Reply{Kind: KindBulk, Str: str})
	}
}

func (s *replySink) Verbatim(format, str string) {
	if s.resp3 {
		s.leaf(Reply{Kind: KindVerbatim, Str: str, Format: format})
	} else {
		s.leaf(Reply{Kind: KindBulk, Str: str})
	}
}
