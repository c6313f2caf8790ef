package redis

import (
	"fmt"
	"time"

	"github.com/redmoon-dev/redmoon/keyspace"
)

// KeyspaceTarget runs cases against our keyspace in-process: each Reset makes a fresh keyspace
// with a manual clock, Do dispatches through keyspace.Dispatch into a TreeSink, and Sleep advances
// the clock.
type KeyspaceTarget struct {
	KS    *keyspace.Keyspace
	ctx   *keyspace.Ctx
	resp3 bool
}

// Reset implements Target.
func (t *KeyspaceTarget) Reset() error {
	t.KS = keyspace.New()
	t.KS.Clock.Set(time.Now().UnixMilli())
	t.ctx = t.KS.NewCtx()
	t.resp3 = false
	return nil
}

// Do implements Target.
func (t *KeyspaceTarget) Do(args []string) (Value, error) {
	sink := &TreeSink{RESP3: t.resp3}
	t.KS.Lock()
	keyspace.Dispatch(t.ctx, args, sink)
	t.KS.Unlock()
	return sink.Result()
}

// SetProtocol implements Target.
func (t *KeyspaceTarget) SetProtocol(n int) error {
	t.resp3 = n == 3
	return nil
}

// Sleep implements Target by advancing the keyspace clock.
func (t *KeyspaceTarget) Sleep(d time.Duration) { t.KS.Clock.Advance(d) }

// TreeSink is a keyspace.Reply that builds a Value tree, downgrading RESP3 types for a RESP2
// client exactly as Redis 7.0 does on the wire.
type TreeSink struct {
	RESP3 bool
	root  []Value
	stack []frame
	err   error
}

type frame struct {
	v    Value
	want int
}

// Result returns the complete reply, or an error if the command wrote none, several, or an
// incomplete aggregate.
func (s *TreeSink) Result() (Value, error) {
	if len(s.stack) != 0 {
		return Value{}, fmt.Errorf("incomplete aggregate: %d elements still expected", s.stack[len(s.stack)-1].want-len(s.stack[len(s.stack)-1].v.Elems))
	}
	if len(s.root) != 1 {
		return Value{}, fmt.Errorf("command wrote %d replies, want exactly 1", len(s.root))
	}
	return s.root[0], nil
}

func (s *TreeSink) leaf(v Value) {
	for {
		if len(s.stack) == 0 {
			s.root = append(s.root, v)
			return
		}
		top := &s.stack[len(s.stack)-1]
		top.v.Elems = append(top.v.Elems, v)
		if len(top.v.Elems) < top.want {
			return
		}
		v = top.v
		s.stack = s.stack[:len(s.stack)-1]
	}
}

func (s *TreeSink) aggregate(k Kind, n int) {
	if n == 0 {
		s.leaf(Value{Kind: k, Elems: []Value{}})
		return
	}
	s.stack = append(s.stack, frame{v: Value{Kind: k, Elems: make([]Value, 0, n)}, want: n})
}

// SimpleString implements keyspace.Reply.
func (s *TreeSink) SimpleString(str string) { s.leaf(Value{Kind: Simple, Str: str}) }

// Error implements keyspace.Reply.
func (s *TreeSink) Error(msg string) { s.leaf(Value{Kind: Error, Str: msg}) }

// Integer implements keyspace.Reply.
func (s *TreeSink) Integer(n int64) { s.leaf(Value{Kind: Int, Int: n}) }

// Bulk implements keyspace.Reply.
func (s *TreeSink) Bulk(str string) { s.leaf(Value{Kind: Bulk, Str: str}) }

// Null implements keyspace.Reply.
func (s *TreeSink) Null() {
	if s.RESP3 {
		s.leaf(Value{Kind: Nil})
	} else {
		s.leaf(Value{Kind: Null})
	}
}

// NullArray implements keyspace.Reply.
func (s *TreeSink) NullArray() {
	if s.RESP3 {
		s.leaf(Value{Kind: Nil})
	} else {
		s.leaf(Value{Kind: NullArray})
	}
}

// ArrayLen implements keyspace.Reply.
func (s *TreeSink) ArrayLen(n int) { s.aggregate(Array, n) }

// MapLen implements keyspace.Reply.
func (s *TreeSink) MapLen(n int) {
	if s.RESP3 {
		s.aggregate(Map, 2*n)
	} else {
		s.aggregate(Array, 2*n)
	}
}

// SetLen implements keyspace.Reply.
func (s *TreeSink) SetLen(n int) {
	if s.RESP3 {
		s.aggregate(Set, n)
	} else {
		s.aggregate(Array, n)
	}
}

// PushLen implements keyspace.Reply.
func (s *TreeSink) PushLen(n int) {
	if s.RESP3 {
		s.aggregate(Push, n)
	} else {
		s.aggregate(Array, n)
	}
}

// Double implements keyspace.Reply.
func (s *TreeSink) Double(f float64) {
	if s.RESP3 {
		s.leaf(Value{Kind: Double, Str: keyspace.FormatDouble(f)})
	} else {
		s.leaf(Value{Kind: Bulk, Str: keyspace.FormatDouble(f)})
	}
}

// DoubleText implements keyspace.DoubleTextReply.
func (s *TreeSink) DoubleText(f float64, text string) {
	if s.RESP3 {
		s.leaf(Value{Kind: Double, Str: text})
	} else {
		s.leaf(Value{Kind: Bulk, Str: text})
	}
}

// Bool implements keyspace.Reply.
func (s *TreeSink) Bool(b bool) {
	var n int64
	if b {
		n = 1
	}
	if s.RESP3 {
		s.leaf(Value{Kind: Bool, Int: n})
	} else {
		s.leaf(Value{Kind: Int, Int: n})
	}
}

// BigNumber implements keyspace.Reply.
func (s *TreeSink) BigNumber(str string) {
	if s.RESP3 {
		s.leaf(Value{Kind: BigNumber, Str: str})
	} else {
		s.leaf(Value{Kind: Bulk, Str: str})
	}
}

// Verbatim implements keyspace.Reply.
func (s *TreeSink) Verbatim(format, str string) {
	if s.RESP3 {
		s.leaf(Value{Kind: Verbatim, Str: format + ":" + str})
	} else {
		s.leaf(Value{Kind: Bulk, Str: str})
	}
}

// Resp3 implements keyspace.Reply.
func (s *TreeSink) Resp3() bool { return s.RESP3 }

// Missing returns the name of the first command of the case that is in the 7.0 table but has no
// implementation in the keyspace yet ("" when every command is implemented). Cases that need such
// a command are skipped, with that reason, instead of failing while a family is being written.
func (t *KeyspaceTarget) Missing(c *Case) string {
	for _, st := range c.Steps {
		if !st.IsCommand() {
			continue
		}
		cmd := keyspace.Lookup(st.Args[0])
		if cmd == nil {
			continue
		}
		if cmd.Subs != nil {
			if len(st.Args) < 2 {
				continue
			}
			sub := cmd.Sub(st.Args[1])
			if sub != nil && sub.Handler == nil {
				return sub.Name
			}
			continue
		}
		if cmd.Handler == nil {
			return cmd.Name
		}
	}
	return ""
}
