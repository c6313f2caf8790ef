package server

import (
	"bufio"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
)

// A client already waiting for the lock when a script takes it goes first: it must not sleep
// through the script (Redis would have read its request first).
func TestWaiterGoesBeforeScript(t *testing.T) {
	s, addr := startServer(t, Config{})
	s.bridge.SetBusyThreshold(100 * time.Millisecond)
	dial := func() (net.Conn, *bufio.Reader) {
		nc, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { nc.Close() })
		return nc, bufio.NewReader(nc)
	}
	w, wr := dial()
	a, ar := dial()
	k, kr := dial()

	s.ks.Lock() // a long command holds the lock while both requests arrive
	if _, err := w.Write(encodeCommand("GET", "k")); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Write(encodeCommand("EVAL", "while true do end", "0")); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for s.lockWaiters.Load() < 2 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	s.ks.Unlock()

	_ = w.SetReadDeadline(time.Now().Add(time.Second))
	if got := readReply(t, wr); got != "$-1\r\n" {
		t.Errorf("waiting GET: got %q, want the null bulk", got)
	}
	// The script runs (and turns busy): a newcomer gets BUSY, SCRIPT KILL ends it.
	for s.bridge.BusyError() == "" && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if _, err := w.Write(encodeCommand("GET", "k")); err != nil {
		t.Fatal(err)
	}
	if got := readReply(t, wr); !strings.HasPrefix(got, "-BUSY ") {
		t.Errorf("GET during the busy script: got %q, want BUSY", got)
	}
	if _, err := k.Write(encodeCommand("SCRIPT", "KILL")); err != nil {
		t.Fatal(err)
	}
	_ = k.SetReadDeadline(time.Now().Add(5 * time.Second))
	if got := readReply(t, kr); got != "+OK\r\n" {
		t.Errorf("SCRIPT KILL: got %q", got)
	}
	_ = a.SetReadDeadline(time.Now().Add(5 * time.Second))
	if got := readReply(t, ar); !strings.HasPrefix(got, "-ERR Script killed by user with SCRIPT KILL") {
		t.Errorf("killed script: got %q", got)
	}
}

// runReplyOffBusy: a client with CLIENT REPLY OFF whose commands are refused while a script is
// busy gets nothing for them (checked against redis-server when it is installed).
func runReplyOffBusy(t *testing.T, addr string) {
	t.Helper()
	dial := func() (net.Conn, *bufio.Reader) {
		nc, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { nc.Close() })
		return nc, bufio.NewReader(nc)
	}
	send := func(nc net.Conn, args ...string) {
		if _, err := nc.Write(encodeCommand(args...)); err != nil {
			t.Fatal(err)
		}
	}
	a, ar := dial()
	b, br := dial()
	c, cr := dial()
	for _, nc := range []net.Conn{a, b, c} {
		_ = nc.SetReadDeadline(time.Now().Add(10 * time.Second))
	}
	send(a, "CONFIG", "SET", "busy-reply-threshold", "100")
	if got := readReply(t, ar); got != "+OK\r\n" {
		t.Fatalf("%s: CONFIG SET: %q", addr, got)
	}
	defer func() {
		send(c, "CONFIG", "SET", "busy-reply-threshold", "5000")
		readReply(t, cr)
	}()
	send(b, "CLIENT", "REPLY", "OFF")
	send(b, "CLIENT", "REPLY", "SKIP")
	time.Sleep(50 * time.Millisecond) // both run before the script starts
	send(a, "EVAL", "while true do end", "0")
	time.Sleep(300 * time.Millisecond)
	send(b, "GET", "k")
	send(b, "CLIENT", "REPLY", "ON")
	send(b, "FOO")
	time.Sleep(100 * time.Millisecond)
	send(c, "SCRIPT", "KILL")
	if got := readReply(t, cr); got != "+OK\r\n" {
		t.Errorf("%s: SCRIPT KILL: %q", addr, got)
	}
	if got := readReply(t, ar); !strings.HasPrefix(got, "-ERR Script killed") {
		t.Errorf("%s: killed script: %q", addr, got)
	}
	time.Sleep(200 * time.Millisecond)
	send(b, "CLIENT", "REPLY", "ON")
	send(b, "PING")
	for _, want := range []string{"+OK\r\n", "+PONG\r\n"} {
		if got := readReply(t, br); got != want {
			t.Errorf("%s: client with replies off: got %q, want %q", addr, got, want)
		}
	}
}

func TestReplyOffDuringBusyScript(t *testing.T) {
	if _, ok := oracle.Lookup("redis-server"); ok || oracle.InCI() {
		addr, _ := oracle.StartRedis(t)
		runReplyOffBusy(t, addr)
	}
	_, addr := startServer(t, Config{})
	runReplyOffBusy(t, addr)
}

// runNewcomerBusy: a client that connects while a script is busy is answered at once (BUSY for
// PING, CLIENT LIST and FUNCTION STATS, then SCRIPT KILL from another newcomer), and is listed
// as a client once the script has ended (checked against redis-server when it is installed).
func runNewcomerBusy(t *testing.T, addr string) {
	t.Helper()
	dial := func() (net.Conn, *bufio.Reader) {
		nc, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { nc.Close() })
		_ = nc.SetReadDeadline(time.Now().Add(10 * time.Second))
		return nc, bufio.NewReader(nc)
	}
	send := func(nc net.Conn, args ...string) {
		if _, err := nc.Write(encodeCommand(args...)); err != nil {
			t.Fatal(err)
		}
	}
	a, ar := dial()
	send(a, "CONFIG", "SET", "busy-reply-threshold", "100")
	if got := readReply(t, ar); got != "+OK\r\n" {
		t.Fatalf("%s: CONFIG SET: %q", addr, got)
	}
	send(a, "EVAL", "while true do end", "0")
	time.Sleep(300 * time.Millisecond)

	b, br := dial() // connects while the script is busy
	const busy = "-BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.\r\n"
	for _, cmd := range [][]string{{"PING"}, {"CLIENT", "LIST"}, {"FUNCTION", "STATS"}} {
		send(b, cmd...)
		if got := readReply(t, br); got != busy {
			t.Errorf("%s: %v from a newcomer during the busy script: got %q", addr, cmd, got)
		}
	}
	k, kr := dial()
	send(k, "SCRIPT", "KILL")
	if got := readReply(t, kr); got != "+OK\r\n" {
		t.Errorf("%s: SCRIPT KILL from a newcomer: %q", addr, got)
	}
	if got := readReply(t, ar); !strings.HasPrefix(got, "-ERR Script killed") {
		t.Errorf("%s: killed script: %q", addr, got)
	}
	send(a, "CONFIG", "SET", "busy-reply-threshold", "5000")
	readReply(t, ar)
	send(b, "CLIENT", "INFO")
	if got := readReply(t, br); !strings.Contains(got, " cmd=client|info") {
		t.Errorf("%s: CLIENT INFO after the script: %q", addr, got)
	}
	send(b, "INFO", "clients")
	if got := readReply(t, br); !strings.Contains(got, "connected_clients:3\r\n") {
		t.Errorf("%s: INFO clients after the script: %q", addr, got)
	}
}

func TestNewcomerDuringBusyScript(t *testing.T) {
	if _, ok := oracle.Lookup("redis-server"); ok || oracle.InCI() {
		addr, _ := oracle.StartRedis(t)
		runNewcomerBusy(t, addr)
	}
	_, addr := startServer(t, Config{})
	runNewcomerBusy(t, addr)
}
