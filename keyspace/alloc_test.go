package keyspace

import "testing"

// discard is a Reply that keeps nothing.
type discard struct{}

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
func (discard) Resp3() bool             { return false }

// TestZeroAllocs proves that GET on an existing key and INCR on an existing key allocate nothing,
// through the whole dispatch path (lookup, arity check, handler).
func TestZeroAllocs(t *testing.T) {
	ks := New()
	c := ks.NewCtx()
	var r Reply = discard{}
	Dispatch(c, []string{"SET", "k", "some value"}, r)
	Dispatch(c, []string{"SET", "n", "123456"}, r)
	Dispatch(c, []string{"SET", "small", "5"}, r)
	cases := []struct {
		name string
		args []string
	}{
		{"GET", []string{"GET", "k"}},
		{"get lower case", []string{"get", "k"}},
		{"GET int", []string{"GET", "small"}},
		{"INCR", []string{"INCR", "n"}},
		{"INCRBY", []string{"INCRBY", "n", "-3"}},
		{"INCR shared", []string{"INCR", "small"}},
		{"EXISTS", []string{"EXISTS", "k"}},
		{"GET missing", []string{"GET", "missing"}},
	}
	for _, tc := range cases {
		if n := testing.AllocsPerRun(1000, func() { Dispatch(c, tc.args, r) }); n != 0 {
			t.Errorf("%s allocates %v times per call", tc.name, n)
		}
	}
}
