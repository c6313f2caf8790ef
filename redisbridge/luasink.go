package redisbridge

import (
	"github.com/redmoon-dev/redmoon/keyspace"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// luaSink is the keyspace.Reply a command called by redis.call writes into: it builds the Lua
// value of the reply directly (no RESP bytes, no intermediate tree) and pushes it on the Lua
// stack, following Redis 7.0's conversion rules (redisProtocolToLuaType):
//
//	RESP2 script (default)         RESP3 script (redis.setresp(3))
//	integer      -> number         same
//	bulk         -> string         same
//	null         -> false          nil
//	status       -> {ok=s}         same
//	error        -> {err=s, ignore_error_stats_update=true}
//	array        -> table 1..n     same
//	map, set     -> flat array     {map={k=v}}, {set={m=true}}
//	double       -> string         {double=n}
//	boolean      -> number 1/0     true/false
//	big number   -> string         {big_number=s}
//	verbatim     -> string         {verbatim_string={format=f, string=s}}
//
// A sink is reused from one call to the next: it allocates nothing for a scalar reply.
type luaSink struct {
	L      *vm.State
	resp3  bool
	frames []sinkFrame
	// isErr reports whether the top-level reply was an error (redis.call then raises it).
	isErr bool
}

type sinkKind uint8

const (
	sinkArray sinkKind = iota
	sinkMap
	sinkSet
)

type sinkFrame struct {
	t    *vm.Table
	kind sinkKind
	n    int // elements expected (2n for maps)
	i    int // elements received
	key  vm.Value
}

func (s *luaSink) reset(L *vm.State, resp3 bool) {
	s.L = L
	s.resp3 = resp3
	s.frames = s.frames[:0]
	s.isErr = false
}

// leaf delivers a complete value to the innermost open aggregate, or pushes it when none is open.
func (s *luaSink) leaf(v vm.Value) {
	for {
		if len(s.frames) == 0 {
			s.L.Push(v)
			return
		}
		f := &s.frames[len(s.frames)-1]
		switch f.kind {
		case sinkArray:
			if s.resp3 {
				// Redis fills a new table with lua_settable, nil elements included (a nil
				// creates a dead key): with RESP3 nulls the table's shape, and so #t, is
				// Redis's only if it is built the same way.
				f.t.Set(s.L, vm.Number(float64(f.i+1)), v)
			} else {
				f.t.SetInt(f.i+1, v)
			}
		case sinkMap:
			if f.i&1 == 0 {
				f.key = v
			} else if !f.key.IsNil() {
				s.set(f.t, f.key, v)
				f.key = vm.Nil
			}
		case sinkSet:
			if !v.IsNil() {
				s.set(f.t, v, vm.True)
			}
		}
		f.i++
		if f.i < f.n {
			return
		}
		v = s.wrap(f)
		s.frames = s.frames[:len(s.frames)-1]
	}
}

// set stores t[k] = v, ignoring keys Lua cannot index with (NaN).
func (s *luaSink) set(t *vm.Table, k, v vm.Value) {
	if k.IsNumber() && k.Float() != k.Float() {
		return
	}
	t.Set(s.L, k, v)
}

// wrap returns the value of a finished aggregate: the table itself for an array, {map=t} or
// {set=t} for RESP3 maps and sets.
func (s *luaSink) wrap(f *sinkFrame) vm.Value {
	switch f.kind {
	case sinkMap:
		return singleField(s.L, "map", vm.TableValue(f.t))
	case sinkSet:
		return singleField(s.L, "set", vm.TableValue(f.t))
	}
	return vm.TableValue(f.t)
}

func singleField(L *vm.State, name string, v vm.Value) vm.Value {
	t := L.NewTable(0, 1)
	t.SetStr(name, v)
	return vm.TableValue(t)
}

func (s *luaSink) open(kind sinkKind, n int) {
	var t *vm.Table
	switch kind {
	case sinkArray:
		if s.resp3 {
			t = s.L.NewTable(0, 0)
		} else {
			t = s.L.NewTable(seqArraySize(n), 0) // Redis fills an empty table key by key
		}
	default:
		// Redis builds a map's or set's table from an empty one (lua_newtable), key by key: a
		// table sized in advance places colliding keys elsewhere, and pairs() would list them
		// in another order.
		t = s.L.NewTable(0, 0)
		if kind == sinkMap {
			n *= 2
		}
	}
	if n == 0 {
		s.leaf(s.wrap(&sinkFrame{t: t, kind: kind}))
		return
	}
	s.frames = append(s.frames, sinkFrame{t: t, kind: kind, n: n})
}

// SimpleString implements keyspace.Reply.
func (s *luaSink) SimpleString(str string) { s.leaf(singleField(s.L, "ok", vm.String(str))) }

// Error implements keyspace.Reply.
func (s *luaSink) Error(msg string) {
	if len(s.frames) == 0 {
		s.isErr = true
	}
	t := errorTable(s.L, "-"+msg)
	t.SetStr("ignore_error_stats_update", vm.True)
	s.leaf(vm.TableValue(t))
}

// Integer implements keyspace.Reply.
func (s *luaSink) Integer(n int64) { s.leaf(vm.Number(float64(n))) }

// Bulk implements keyspace.Reply.
func (s *luaSink) Bulk(str string) { s.leaf(vm.String(str)) }

// Null implements keyspace.Reply.
func (s *luaSink) Null() {
	if s.resp3 {
		s.leaf(vm.Nil)
	} else {
		s.leaf(vm.False)
	}
}

// NullArray implements keyspace.Reply.
func (s *luaSink) NullArray() { s.Null() }

// ArrayLen implements keyspace.Reply.
func (s *luaSink) ArrayLen(n int) { s.open(sinkArray, n) }

// MapLen implements keyspace.Reply.
func (s *luaSink) MapLen(n int) {
	if s.resp3 {
		s.open(sinkMap, n)
	} else {
		s.open(sinkArray, 2*n)
	}
}

// SetLen implements keyspace.Reply.
func (s *luaSink) SetLen(n int) {
	if s.resp3 {
		s.open(sinkSet, n)
	} else {
		s.open(sinkArray, n)
	}
}

// PushLen implements keyspace.Reply.
func (s *luaSink) PushLen(n int) { s.open(sinkArray, n) }

// Double implements keyspace.Reply.
func (s *luaSink) Double(f float64) { s.DoubleText(f, formatDouble17(f)) }

// DoubleText implements keyspace.DoubleTextReply.
func (s *luaSink) DoubleText(f float64, text string) {
	if s.resp3 {
		s.leaf(singleField(s.L, "double", vm.Number(f)))
	} else {
		s.leaf(vm.String(text))
	}
}

// Bool implements keyspace.Reply.
func (s *luaSink) Bool(b bool) {
	switch {
	case s.resp3:
		s.leaf(vm.Bool(b))
	case b:
		s.leaf(vm.Number(1))
	default:
		s.leaf(vm.Number(0))
	}
}

// BigNumber implements keyspace.Reply.
func (s *luaSink) BigNumber(str string) {
	if s.resp3 {
		s.leaf(singleField(s.L, "big_number", vm.String(str)))
	} else {
		s.leaf(vm.String(str))
	}
}

// Verbatim implements keyspace.Reply.
func (s *luaSink) Verbatim(format, str string) {
	if !s.resp3 {
		s.leaf(vm.String(str))
		return
	}
	t := s.L.NewTable(0, 2)
	t.SetStr("format", vm.String(format))
	t.SetStr("string", vm.String(str))
	s.leaf(singleField(s.L, "verbatim_string", vm.TableValue(t)))
}

// Resp3 implements keyspace.Reply.
func (s *luaSink) Resp3() bool { return s.resp3 }

var _ keyspace.DoubleTextReply = (*luaSink)(nil)
