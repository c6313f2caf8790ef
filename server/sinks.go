package server

// discard is a keyspace.Reply that drops everything: the sink of CLIENT REPLY OFF and SKIP, and
// the base of the small sinks the server uses to read internal replies.
type discard struct{ r3 bool }

func (discard) SimpleString(string)     {}
func (discard) Error(string)            {}
func (discard) Integer(int64)           {}
func (discard) Bulk(string)             {}
func (discard) Null()                   {}
func (discard) NullArray()              {}
func (discard) ArrayLen(int)            {}
func (discard) MapLen(int)              {}
func (discard) SetLen(int)              {}
func (discard) Double(float64)          {}
func (discard) Bool(bool)               {}
func (discard) BigNumber(string)        {}
func (discard) Verbatim(string, string) {}
func (discard) PushLen(int)             {}
func (d discard) Resp3() bool           { return d.r3 }
