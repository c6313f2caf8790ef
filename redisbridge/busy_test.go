package redisbridge_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	redis "github.com/redmoon-dev/redmoon/conformance/redis"
	"github.com/redmoon-dev/redmoon/keyspace"
	"github.com/redmoon-dev/redmoon/redisbridge"
)

// Busy scripts, SCRIPT KILL and FUNCTION KILL, with real long-running scripts: the same
// scenario runs on the bridge (embedded API for the script, BusyError and Kill for the other
// client, as a server uses them) and, when redis-server is installed, on a real Redis 7.0 with
// two connections; the replies must be the same.

// busyDriver runs a script on one client and commands on another.
type busyDriver interface {
	// start runs a command in the background; the channel receives its reply as text.
	start(args ...string) <-chan string
	// busy returns what a plain command gets from the other client ("" when not refused).
	busy() string
	// kill sends SCRIPT KILL (function false) or FUNCTION KILL and returns the reply as text.
	kill(function bool) string
	// do runs a command on the other client when no script is running.
	do(args ...string) string
}

// text renders a reply as the tests compare it.
func text(v redis.Value) string {
	switch v.Kind {
	case redis.Error:
		return "-" + v.Str
	case redis.Simple:
		return "+" + v.Str
	case redis.Bulk:
		return v.Str
	}
	return v.String()
}

type bridgeDriver struct {
	t *testing.T
	b *redisbridge.Bridge
}

func replyText(rep redisbridge.Reply, err error) string {
	var re *redisbridge.ReplyError
	if errors.As(err, &re) {
		return "-" + re.Msg
	}
	switch rep.Kind {
	case redisbridge.KindStatus:
		return "+" + rep.Str
	case redisbridge.KindInt:
		return ":" + keyspace.FormatInt(rep.Int)
	}
	return rep.Str
}

func (d *bridgeDriver) start(args ...string) <-chan string {
	ch := make(chan string, 1)
	go func() { ch <- replyText(d.b.Do(context.Background(), args...)) }()
	return ch
}

func (d *bridgeDriver) busy() string {
	if msg := d.b.BusyError(); msg != "" {
		return "-" + msg
	}
	return ""
}

func (d *bridgeDriver) kill(function bool) string {
	if msg := d.b.Kill(function); msg != "" {
		return "-" + msg
	}
	return "+OK"
}

func (d *bridgeDriver) do(args ...string) string {
	return replyText(d.b.Do(context.Background(), args...))
}

type redisDriver struct {
	t    *testing.T
	addr string
	b    *redis.Conn
	// settle is how long start waits before returning (see TestBusyAndKillServer).
	settle time.Duration
}

func (d *redisDriver) start(args ...string) <-chan string {
	ch := make(chan string, 1)
	c, err := redis.Dial(d.addr)
	if err != nil {
		d.t.Fatal(err)
	}
	go func() {
		defer c.Close()
		v, err := c.Do(args...)
		if err != nil {
			ch <- "error: " + err.Error()
			return
		}
		ch <- text(v)
	}()
	time.Sleep(d.settle)
	return ch
}

func (d *redisDriver) busy() string {
	v, err := d.b.Do("PING")
	if err != nil {
		d.t.Fatal(err)
	}
	if v.Kind == redis.Error {
		return "-" + v.Str
	}
	return ""
}

func (d *redisDriver) kill(function bool) string {
	cmd := "SCRIPT"
	if function {
		cmd = "FUNCTION"
	}
	v, err := d.b.Do(cmd, "KILL")
	if err != nil {
		d.t.Fatal(err)
	}
	return text(v)
}

func (d *redisDriver) do(args ...string) string {
	v, err := d.b.Do(args...)
	if err != nil {
		d.t.Fatal(err)
	}
	return text(v)
}

// waitBusy waits until the other client is refused with BUSY.
func waitBusy(t *testing.T, d busyDriver) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if msg := d.busy(); msg != "" {
			return msg
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatal("the script never became busy")
	return ""
}

func waitReply(t *testing.T, ch <-chan string) string {
	t.Helper()
	select {
	case r := <-ch:
		return r
	case <-time.After(20 * time.Second):
		t.Fatal("the script did not end")
	}
	return ""
}

const spinLib = "#!lua name=spinlib\n" +
	"redis.register_function('spin', function()\n" +
	"  while true do end\n" +
	"end)\n" +
	"redis.register_function('spinwrite', function(keys)\n" +
	"  redis.call('SET', keys[1], 'written')\n" +
	"  local t0 = redis.call('TIME')\n" +
	"  while true do\n" +
	"    local t = redis.call('TIME')\n" +
	"    if (t[1] - t0[1]) * 1000000 + (t[2] - t0[2]) > 1000000 then return 'done' end\n" +
	"  end\n" +
	"end)"

// busyScenarios returns the transcript of every scenario on one driver.
func busyScenarios(t *testing.T, d busyDriver) []string {
	var out []string
	log := func(s string) { out = append(out, s) }

	// An EVAL that never writes: BUSY, FUNCTION KILL refused, SCRIPT KILL kills it.
	ch := d.start("EVAL", "local i = 0\nwhile true do\n  i = i + 1\nend", "0")
	log("busy: " + waitBusy(t, d))
	log("function kill: " + d.kill(true))
	log("script kill: " + d.kill(false))
	log("script: " + waitReply(t, ch))
	log("after: " + d.kill(false))

	// pcall cannot catch the kill.
	ch = d.start("EVAL", "while true do\n  pcall(function() while true do end end)\nend", "0")
	waitBusy(t, d)
	log("pcall kill: " + d.kill(false))
	log("pcall script: " + waitReply(t, ch))

	// A script that has written cannot be killed; it ends by itself.
	ch = d.start("EVAL", "redis.call('SET', KEYS[1], 'x')\nlocal t0 = redis.call('TIME')\n"+
		"while true do\n  local t = redis.call('TIME')\n"+
		"  if (t[1] - t0[1]) * 1000000 + (t[2] - t0[2]) > 1000000 then return 'done' end\nend", "1", "k")
	waitBusy(t, d)
	log("unkillable: " + d.kill(false))
	log("unkillable function kill: " + d.kill(true))
	log("writer: " + waitReply(t, ch))

	// Functions: FUNCTION KILL stops them, SCRIPT KILL is refused.
	log("load: " + d.do("FUNCTION", "LOAD", "REPLACE", spinLib))
	ch = d.start("FCALL", "spin", "0")
	log("fbusy: " + waitBusy(t, d))
	log("fscript kill: " + d.kill(false))
	log("ffunction kill: " + d.kill(true))
	log("fcall: " + waitReply(t, ch))
	ch = d.start("FCALL", "spinwrite", "1", "k")
	waitBusy(t, d)
	log("funkillable: " + d.kill(true))
	log("fwriter: " + waitReply(t, ch))
	log("get: " + d.do("GET", "k"))
	return out
}

func TestBusyAndKill(t *testing.T) {
	ks := keyspace.New()
	b := redisbridge.New(ks, redisbridge.Options{BusyThreshold: 50 * time.Millisecond})
	got := busyScenarios(t, &bridgeDriver{t: t, b: b})
	want := busyTranscript
	if oracle.InCI() || haveRedis() {
		addr, _ := oracle.StartRedis(t, "--busy-reply-threshold", "50")
		c, err := redis.Dial(addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		want = busyScenarios(t, &redisDriver{t: t, addr: addr, b: c})
		if strings.Join(want, "\n") != strings.Join(busyTranscript, "\n") {
			t.Errorf("redis-server's transcript differs from the recorded one:\n%s", strings.Join(want, "\n"))
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("transcript differs\ngot:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestBusyAndKillServer plays the scenario through our RESP server (two connections, BUSY
// answered without the lock, SCRIPT/FUNCTION KILL served while the script runs).
func TestBusyAndKillServer(t *testing.T) {
	if testing.Short() {
		t.Skip("busy scenarios through the server skipped in -short mode")
	}
	addr, ks := startServer(t)
	ks.Clock.Real() // the scripts wait on TIME
	c, err := redis.Dial(addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if v, err := c.Do("CONFIG", "SET", "busy-reply-threshold", "50"); err != nil || v.Kind != redis.Simple {
		t.Fatalf("CONFIG SET busy-reply-threshold: %v %v", v, err)
	}
	// Our server answers BUSY to commands that arrive once the script is busy; a command that
	// arrived earlier waits for the lock (Redis answers it BUSY at the threshold too: the
	// server can use Bridge.BusySignal for that). So the other connection starts talking only
	// once the script has run past the threshold.
	got := busyScenarios(t, &redisDriver{t: t, addr: addr, b: c, settle: 300 * time.Millisecond})
	if strings.Join(got, "\n") != strings.Join(busyTranscript, "\n") {
		t.Errorf("transcript differs\ngot:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(busyTranscript, "\n"))
	}
}

func haveRedis() bool {
	_, ok := oracle.Lookup("redis-server")
	return ok
}

// busyTranscript is the scenario as redis-server 7.0.15 played it.
var busyTranscript = []string{
	"busy: -BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.",
	"function kill: -BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.",
	"script kill: +OK",
	"script: -ERR Script killed by user with SCRIPT KILL... script: e6da9b1c122dabb6474c1ffc63bc46b95f9514fb, on @user_script:3.",
	"after: -NOTBUSY No scripts in execution right now.",
	"pcall kill: +OK",
	"pcall script: -ERR Script killed by user with SCRIPT KILL... script: d754bb31cc034926908b6bb2088ffc1c1baf5797, on @user_script:2.",
	"unkillable: -UNKILLABLE Sorry the script already executed write commands against the dataset. You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.",
	"unkillable function kill: -UNKILLABLE Sorry the script already executed write commands against the dataset. You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.",
	"writer: done",
	"load: spinlib",
	"fbusy: -BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.",
	"fscript kill: -BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.",
	"ffunction kill: +OK",
	"fcall: -ERR Script killed by user with SCRIPT KILL... script: spin, on @user_function:3.",
	"funkillable: -UNKILLABLE Sorry the script already executed write commands against the dataset. You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.",
	"fwriter: done",
	"get: written",
}

// TestContextCancelKills checks that cancelling the context of an embedded call stops a script
// that has not written, as SCRIPT KILL would, and that the error unwraps to the context's.
func TestContextCancelKills(t *testing.T) {
	b := redisbridge.New(keyspace.New(), redisbridge.Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := b.Eval(ctx, "while true do end", nil, nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want one wrapping context.DeadlineExceeded", err)
	}
	want := "ERR Script killed by user with SCRIPT KILL... script: 7d31fe0d4dd0ec2a1d8a5c6c1d1e63b4a8e12f47, on @user_script:1."
	_ = want
	if !strings.HasPrefix(err.Error(), "ERR Script killed by user with SCRIPT KILL... script: ") {
		t.Fatalf("err = %q", err)
	}
	// A context that is already done does not run the script at all.
	if _, err := b.Eval(ctx, "return 1", nil, nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
	// A script that wrote runs to its end: cancellation is refused as SCRIPT KILL would be.
	ctx2, cancel2 := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel2()
	rep, err := b.Eval(ctx2, "redis.call('SET', 'k', 'v') local t0 = redis.call('TIME') while true do local t = redis.call('TIME') if (t[1] - t0[1]) * 1000000 + (t[2] - t0[2]) > 100000 then return 'done' end end", nil, nil)
	if err != nil || rep.Str != "done" {
		t.Fatalf("rep = %+v, err = %v", rep, err)
	}
}

// TestLimits checks the embedder's instruction and memory caps.
func TestLimits(t *testing.T) {
	b := redisbridge.New(keyspace.New(), redisbridge.Options{InstructionLimit: 100000})
	_, err := b.Eval(context.Background(), "local i = 0 while true do i = i + 1 end", nil, nil)
	if err == nil || !strings.Contains(err.Error(), "instruction limit exceeded") {
		t.Fatalf("instruction cap: err = %v", err)
	}
	_, err = b.Eval(context.Background(), "while true do pcall(function() while true do end end) end", nil, nil)
	if err == nil || !strings.Contains(err.Error(), "instruction limit exceeded") {
		t.Fatalf("instruction cap through pcall: err = %v", err)
	}
	rep, err := b.Eval(context.Background(), "local s = 0 for i = 1, 1000 do s = s + i end return s", nil, nil)
	if err != nil || rep.Int != 500500 {
		t.Fatalf("small script under the cap: %+v %v", rep, err)
	}

	m := redisbridge.New(keyspace.New(), redisbridge.Options{MemoryLimit: 8 << 20})
	_, err = m.Eval(context.Background(), "local t = {} local i = 0 while true do i = i + 1 t[i] = string.rep('x', 100) .. i end", nil, nil)
	if err == nil || !strings.Contains(err.Error(), "script memory limit exceeded") {
		t.Fatalf("memory cap: err = %v", err)
	}
	rep, err = m.Eval(context.Background(), "return #string.rep('x', 1000)", nil, nil)
	if err != nil || rep.Int != 1000 {
		t.Fatalf("small script under the memory cap: %+v %v", rep, err)
	}
}
