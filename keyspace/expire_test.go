package keyspace

import (
	"testing"
	"time"
)

// do runs one command and returns its reply rendered simply, for tests.
func do(c *Ctx, args ...string) string {
	s := &textSink{}
	c.KS.Lock()
	Dispatch(c, args, s)
	c.KS.Unlock()
	return s.out
}

// textSink renders replies as text: integers as ":n", bulks as "$s", nulls as "nil".
type textSink struct{ out string }

func (s *textSink) add(x string) {
	if s.out != "" {
		s.out += " "
	}
	s.out += x
}
func (s *textSink) SimpleString(x string) { s.add("+" + x) }
func (s *textSink) Error(x string)        { s.add("-" + x) }
func (s *textSink) Integer(n int64)       { s.add(":" + FormatInt(n)) }
func (s *textSink) Bulk(x string)         { s.add("$" + x) }
func (s *textSink) Null()                 { s.add("nil") }
func (s *textSink) NullArray()            { s.add("nil") }
func (s *textSink) ArrayLen(n int)        { s.add("*" + FormatInt(int64(n))) }
func (s *textSink) MapLen(n int)          { s.add("%" + FormatInt(int64(n))) }
func (s *textSink) SetLen(n int)          { s.add("~" + FormatInt(int64(n))) }
func (s *textSink) PushLen(n int)         { s.add(">" + FormatInt(int64(n))) }
func (s *textSink) Double(f float64)      { s.add("," + FormatDouble(f)) }
func (s *textSink) Bool(b bool)           { s.add(map[bool]string{true: "#t", false: "#f"}[b]) }
func (s *textSink) BigNumber(x string)    { s.add("(" + x) }
func (s *textSink) Verbatim(f, x string)  { s.add("=" + f + ":" + x) }
func (s *textSink) Resp3() bool           { return false }

const t0 = 1_700_000_000_000 // a fixed start time, Unix ms

func TestLazyExpiry(t *testing.T) {
	ks := New()
	ks.Clock.Set(t0)
	c := ks.NewCtx()
	steps := []struct {
		advance time.Duration
		args    []string
		want    string
	}{
		{0, []string{"SET", "k", "v", "PX", "100"}, "+OK"},
		{0, []string{"PTTL", "k"}, ":100"},
		{99 * time.Millisecond, []string{"PTTL", "k"}, ":1"},
		{time.Millisecond, []string{"GET", "k"}, "$v"}, // now == when: not yet expired
		{0, []string{"PTTL", "k"}, ":0"},
		{time.Millisecond, []string{"GET", "k"}, "nil"},
		{0, []string{"DBSIZE"}, ":0"}, // the lookup deleted it
		{0, []string{"SET", "s", "v", "EX", "10"}, "+OK"},
		{9500 * time.Millisecond, []string{"TTL", "s"}, ":1"}, // rounded
		{0, []string{"EXPIRETIME", "s"}, ":" + FormatInt((t0+100+2+10000+500)/1000)},
		{600 * time.Millisecond, []string{"EXISTS", "s"}, ":0"},
		{0, []string{"SET", "a", "v", "EXAT", FormatInt(t0/1000 + 100)}, "+OK"},
		{0, []string{"TTL", "a"}, ":90"},
	}
	for i, s := range steps {
		ks.Clock.Advance(s.advance)
		if got := do(c, s.args...); got != s.want {
			t.Fatalf("step %d %q: got %q, want %q", i, s.args, got, s.want)
		}
	}
}

func TestActiveExpiry(t *testing.T) {
	ks := New()
	ks.Clock.Set(t0)
	var expired []string
	ks.Hooks.Event = func(class EventClass, event string, db int, key string) {
		if event == "expired" {
			expired = append(expired, key)
		}
	}
	c := ks.NewCtx()
	for i := 0; i < 1000; i++ {
		do(c, "SET", "v"+FormatInt(int64(i)), "x", "PX", "50")
		do(c, "SET", "p"+FormatInt(int64(i)), "x")
	}
	do(c, "SELECT", "3")
	do(c, "SET", "other", "x", "PX", "10")
	ks.Clock.Advance(100 * time.Millisecond)
	total := 0
	for i := 0; i < 200 && total < 1001; i++ {
		ks.Lock()
		total += ks.ActiveExpireCycle()
		ks.Unlock()
	}
	if total != 1001 || len(expired) != 1001 {
		t.Fatalf("active expiry deleted %d keys (%d events), want 1001", total, len(expired))
	}
	if n := ks.DB(0).Len(); n != 1000 {
		t.Fatalf("db 0 has %d keys after expiry, want the 1000 persistent ones", n)
	}
	if n := ks.DB(3).Len(); n != 0 {
		t.Fatalf("db 3 has %d keys, want 0", n)
	}
}

func TestStartActiveExpire(t *testing.T) {
	ks := New()
	ks.Clock.Set(t0)
	c := ks.NewCtx()
	do(c, "SET", "k", "v", "PX", "10")
	ks.Clock.Advance(time.Second)
	stop := ks.StartActiveExpire(time.Millisecond)
	defer stop()
	deadline := time.Now().Add(5 * time.Second)
	for {
		ks.Lock()
		n := ks.DB(0).Len()
		ks.Unlock()
		if n == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the active-expiry goroutine did not delete the expired key")
		}
		time.Sleep(time.Millisecond)
	}
	stop()
	stop()
}

// TestFrozenTime checks Ctx.Frozen: a script's time snapshot keeps a key alive for the whole
// script even when the clock moves past its expiry, as in Redis 7.0.
func TestFrozenTime(t *testing.T) {
	ks := New()
	ks.Clock.Set(t0)
	c := ks.NewCtx()
	do(c, "SET", "k", "v", "PX", "100")
	script := ks.NewCtx()
	script.Frozen = ks.Clock.Now()
	ks.Clock.Advance(300 * time.Millisecond)
	if got := do(script, "GET", "k"); got != "$v" {
		t.Fatalf("GET in the frozen context = %q, want $v", got)
	}
	if got := do(script, "EXISTS", "k"); got != ":1" {
		t.Fatalf("EXISTS in the frozen context = %q, want :1", got)
	}
	if got := do(c, "GET", "k"); got != "nil" {
		t.Fatalf("GET outside = %q, want nil", got)
	}
}

func TestHooks(t *testing.T) {
	ks := New()
	ks.Clock.Set(t0)
	var events, modified []string
	var flushed []int
	var swapped [][2]int
	ks.Hooks = Hooks{
		KeyModified: func(db int, key string) { modified = append(modified, FormatInt(int64(db))+":"+key) },
		Event:       func(_ EventClass, ev string, db int, key string) { events = append(events, ev+":"+key) },
		Flushed:     func(db int) { flushed = append(flushed, db) },
		Swapped:     func(a, b int) { swapped = append(swapped, [2]int{a, b}) },
	}
	c := ks.NewCtx()
	for _, cmd := range [][]string{
		{"SET", "a", "1", "EX", "100"}, {"INCR", "a"}, {"APPEND", "a", "x"}, {"RENAME", "a", "b"},
		{"EXPIRE", "b", "10"}, {"PERSIST", "b"}, {"DEL", "b"}, {"GET", "nosuch"}, {"SET", "m", "v"},
		{"MOVE", "m", "1"}, {"FLUSHDB"}, {"SWAPDB", "0", "1"}, {"FLUSHALL"},
	} {
		do(c, cmd...)
	}
	wantEvents := []string{"new:a", "set:a", "expire:a", "incrby:a", "append:a", "rename_from:a", "rename_to:b",
		"expire:b", "persist:b", "del:b", "keymiss:nosuch", "new:m", "set:m", "move_from:m", "move_to:m"}
	wantModified := []string{"0:a", "0:a", "0:a", "0:a", "0:b", "0:b", "0:b", "0:b", "0:m", "0:m", "1:m"}
	if !equalStrings(events, wantEvents) {
		t.Errorf("events = %q\nwant %q", events, wantEvents)
	}
	if !equalStrings(modified, wantModified) {
		t.Errorf("modified = %q\nwant %q", modified, wantModified)
	}
	if len(flushed) != 2 || flushed[0] != 0 || flushed[1] != -1 {
		t.Errorf("flushed = %v, want [0 -1]", flushed)
	}
	if len(swapped) != 1 || swapped[0] != [2]int{0, 1} {
		t.Errorf("swapped = %v, want [[0 1]]", swapped)
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
