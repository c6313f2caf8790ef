package runner

import (
	"fmt"
	"runtime"
	"strconv"

	"github.com/redmoon-dev/redmoon/keyspace"
)

// Dataset names a memory measurement: the keys and values every engine stores.
type Dataset string

// The datasets of the memory table. Both use non-numeric values so that no engine stores
// them as integers.
const (
	// Strings is n keys "key:I" holding the 10-byte value "val:%06d".
	Strings Dataset = "strings"
	// Hashes is n keys "hash:I" with 10 fields "field:F" holding "value:F:I".
	Hashes Dataset = "hashes"
)

// Commands returns the command that stores item i of the dataset.
func (d Dataset) Commands(i int) ([]string, error) {
	is := strconv.Itoa(i)
	switch d {
	case Strings:
		return []string{"SET", "key:" + is, fmt.Sprintf("val:%06d", i%1000000)}, nil
	case Hashes:
		cmd := make([]string, 0, 22)
		cmd = append(cmd, "HSET", "hash:"+is)
		for f := 0; f < 10; f++ {
			fs := strconv.Itoa(f)
			cmd = append(cmd, "field:"+fs, "value:"+fs+":"+is)
		}
		return cmd, nil
	}
	return nil, fmt.Errorf("unknown dataset %q (want %s or %s)", d, Strings, Hashes)
}

// MeasureMemory stores n items of the dataset in a fresh keyspace and returns the growth of
// the live heap (after a full collection) per key.
func MeasureMemory(d Dataset, n int) (float64, error) {
	if _, err := d.Commands(0); err != nil {
		return 0, err
	}
	ks := keyspace.New()
	c := ks.NewCtx()
	sink := &errorSink{}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ks.Lock()
	for i := 0; i < n; i++ {
		cmd, _ := d.Commands(i)
		keyspace.Dispatch(c, cmd, sink)
		if sink.err != "" {
			ks.Unlock()
			return 0, fmt.Errorf("%v: %s", cmd, sink.err)
		}
	}
	ks.Unlock()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(ks)
	return float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(n), nil
}

// errorSink is a keyspace.Reply that keeps only an error.
type errorSink struct{ err string }

func (s *errorSink) SimpleString(string)        {}
func (s *errorSink) Error(msg string)           { s.err = msg }
func (s *errorSink) Integer(int64)              {}
func (s *errorSink) Bulk(string)                {}
func (s *errorSink) Null()                      {}
func (s *errorSink) NullArray()                 {}
func (s *errorSink) ArrayLen(int)               {}
func (s *errorSink) MapLen(int)                 {}
func (s *errorSink) SetLen(int)                 {}
func (s *errorSink) Double(float64)             {}
func (s *errorSink) Bool(bool)                  {}
func (s *errorSink) BigNumber(string)           {}
func (s *errorSink) Verbatim(string, string)    {}
func (s *errorSink) PushLen(int)                {}
func (s *errorSink) Resp3() bool                { return false }
func (s *errorSink) DoubleText(float64, string) {}
