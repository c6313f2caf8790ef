package redisbridge_test

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/redmoon-dev/redmoon/keyspace"
	"github.com/redmoon-dev/redmoon/redisbridge"
)

// Options and entry points that the Redis corpus cannot show: the Valkey alias, logging,
// RESP3 for the embedded API, attaching bridges, FUNCTION STATS while a function is busy.

func TestServerAlias(t *testing.T) {
	for _, tc := range []struct {
		alias bool
		want  string
	}{
		{false, "nil"},
		{true, "table true"},
	} {
		b := redisbridge.New(keyspace.New(), redisbridge.Options{ServerAlias: tc.alias})
		rep, err := b.Eval(context.Background(), "if server == nil then return 'nil' end return type(server) .. ' ' .. tostring(rawequal(server, redis))", nil, nil)
		if tc.alias {
			if err != nil || rep.Str != tc.want {
				t.Errorf("alias %v: %+v %v", tc.alias, rep, err)
			}
		} else if err == nil || !strings.Contains(err.Error(), "nonexistent global variable 'server'") {
			t.Errorf("alias off: %+v %v", rep, err)
		}
		_, err = b.FunctionLoad("#!lua name=l\nserver.register_function('f', function() return server.call('PING') end)", false)
		if tc.alias {
			rep, err := b.FCall(context.Background(), "f", nil, nil)
			if err != nil || rep.Str != "PONG" {
				t.Errorf("alias in functions: %+v %v", rep, err)
			}
		} else if err == nil {
			t.Error("server usable in a library without the alias")
		}
	}
}

func TestLog(t *testing.T) {
	type entry struct {
		level int
		msg   string
	}
	var got []entry
	b := redisbridge.New(keyspace.New(), redisbridge.Options{
		LogLevel: redisbridge.LogNotice,
		Log:      func(level int, msg string) { got = append(got, entry{level, msg}) },
	})
	_, err := b.Eval(context.Background(), `
redis.log(redis.LOG_DEBUG, 'dropped')
redis.log(redis.LOG_NOTICE, 'a', 1, 2.5)
redis.log(redis.LOG_WARNING, {}, 'tbl', nil, 'x')`, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []entry{{redisbridge.LogNotice, "a 1 2.5"}, {redisbridge.LogWarning, " tbl x"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("log = %v, want %v", got, want)
	}
}

func TestRESP3EmbeddedReplies(t *testing.T) {
	b := redisbridge.New(keyspace.New(), redisbridge.Options{RESP3: true})
	rep, err := b.Eval(context.Background(), "return {{map = {a = 1}}, {double = 1.5}, {set = {x = true}}, true, false, nil}", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := rep.Value()
	want := []any{map[string]any{"a": int64(1)}, 1.5, []any{"x"}, int64(1), nil}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %#v, want %#v", got, want)
	}
	kinds := []redisbridge.Kind{redisbridge.KindMap, redisbridge.KindDouble, redisbridge.KindSet, redisbridge.KindInt, redisbridge.KindNil}
	for i, e := range rep.Elems {
		if e.Kind != kinds[i] {
			t.Errorf("element %d: kind %v, want %v", i, e.Kind, kinds[i])
		}
	}
}

func TestForAndDetach(t *testing.T) {
	ks := keyspace.New()
	b := redisbridge.For(ks)
	if redisbridge.For(ks) != b {
		t.Fatal("For created a second bridge")
	}
	nb := redisbridge.New(ks, redisbridge.Options{})
	if redisbridge.For(ks) != nb || nb.Keyspace() != ks {
		t.Fatal("New did not replace the bridge")
	}
	redisbridge.Detach(ks)
	if redisbridge.For(ks) == nb {
		t.Fatal("Detach kept the bridge")
	}
}

func TestFunctionStatsWhileBusy(t *testing.T) {
	b := redisbridge.New(keyspace.New(), redisbridge.Options{BusyThreshold: 10 * time.Millisecond})
	if _, err := b.FunctionLoad("#!lua name=spin\nredis.register_function('spin', function() while true do end end)", false); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := b.FCall(context.Background(), "spin", []string{"k"}, []string{"a"})
		done <- err
	}()
	for b.BusyError() == "" {
		time.Sleep(time.Millisecond)
	}
	rs, ok := b.Running()
	if !ok || rs.Name != "spin" || !rs.Function || strings.Join(rs.Command, " ") != "FCALL spin 1 k a" {
		t.Errorf("Running = %+v, %v", rs, ok)
	}
	sink := &recSink{}
	b.FunctionStats(sink)
	if got := strings.Join(sink.items, " "); !strings.HasPrefix(got, "map2 running_script map3 name spin command array5 FCALL spin 1 k a duration_ms ") ||
		!strings.HasSuffix(got, " engines map1 LUA map2 libraries_count 1 functions_count 1") {
		t.Errorf("FUNCTION STATS = %s", got)
	}
	if msg := b.Kill(true); msg != "" {
		t.Fatal(msg)
	}
	if err := <-done; err == nil || !strings.Contains(err.Error(), "script: spin, on @user_function:2.") {
		t.Fatalf("FCALL err = %v", err)
	}
}

// recSink records a reply as words.
type recSink struct {
	discard
	items []string
}

func (s *recSink) add(v string)          { s.items = append(s.items, v) }
func (s *recSink) Bulk(v string)         { s.add(v) }
func (s *recSink) Integer(n int64)       { s.add(keyspace.FormatInt(n)) }
func (s *recSink) MapLen(n int)          { s.add("map" + keyspace.FormatInt(int64(n))) }
func (s *recSink) ArrayLen(n int)        { s.add("array" + keyspace.FormatInt(int64(n))) }
func (s *recSink) Null()                 { s.add("null") }
func (s *recSink) Error(msg string)      { s.add("-" + msg) }
func (s *recSink) SimpleString(v string) { s.add("+" + v) }

func TestBusySignal(t *testing.T) {
	b := redisbridge.New(keyspace.New(), redisbridge.Options{BusyThreshold: 30 * time.Millisecond})
	if b.BusySignal() != nil {
		t.Fatal("a signal while nothing runs")
	}
	done := make(chan error, 1)
	go func() {
		_, err := b.Eval(context.Background(), "while true do end", nil, nil)
		done <- err
	}()
	var sig <-chan struct{}
	for sig == nil {
		sig = b.BusySignal()
		time.Sleep(time.Millisecond)
	}
	select {
	case <-sig:
	case <-time.After(10 * time.Second):
		t.Fatal("no busy signal")
	}
	if b.BusyError() == "" {
		t.Fatal("signalled but not busy")
	}
	sig = b.BusySignal()
	if msg := b.Kill(false); msg != "" {
		t.Fatal(msg)
	}
	<-done
	select {
	case <-sig:
	case <-time.After(10 * time.Second):
		t.Fatal("the signal of a run stayed open after it ended")
	}
}
