package server

import (
	"bufio"
	"net"
	"strings"
	"testing"
	"time"
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
