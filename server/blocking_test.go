package server

import (
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// These tests drive the generic blocking mechanism with the keyspace's list commands.

// waitBlocked waits until n clients are blocked.
func waitBlocked(t *testing.T, s *Server, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		s.ks.Lock()
		got := s.blocked.count
		s.ks.Unlock()
		if got == n {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatalf("blocked clients never reached %d", n)
}

func TestBlockingWake(t *testing.T) {
	s, addr := startServer(t, Config{})
	a, b := dial(t, addr), dial(t, addr)
	a.send("BLPOP", "q", "0")
	a.send("PING") // pipelined after the blocking command: waits for it
	waitBlocked(t, s, 1)
	a.noReply(50 * time.Millisecond)
	b.expect(":1", "LPUSH", "q", "job")
	if got := a.reply(); got != "*2[$q $job]" {
		t.Fatalf("BLPOP = %s", got)
	}
	if got := a.reply(); got != "+PONG" {
		t.Fatalf("pipelined PING = %s", got)
	}
	b.expect(":0", "LLEN", "q")
}

func TestBlockingFairness(t *testing.T) {
	s, addr := startServer(t, Config{})
	first, second, pusher := dial(t, addr), dial(t, addr), dial(t, addr)
	first.send("BLPOP", "q", "0")
	waitBlocked(t, s, 1)
	second.send("BLPOP", "other", "q", "0")
	waitBlocked(t, s, 2)
	pusher.expect(":2", "LPUSH", "q", "one", "two") // the list is [two one]
	if got := first.reply(); got != "*2[$q $two]" {
		t.Fatalf("first blocked client got %s", got)
	}
	if got := second.reply(); got != "*2[$q $one]" {
		t.Fatalf("second blocked client got %s", got)
	}
}

func TestBlockingTimeout(t *testing.T) {
	_, addr := startServer(t, Config{})
	a := dial(t, addr)
	start := time.Now()
	a.expect("*nil", "BLPOP", "q", "0.1")
	if d := time.Since(start); d < 90*time.Millisecond || d > 10*time.Second {
		t.Fatalf("timeout after %v", d)
	}
	a.do("HELLO", "3")
	a.expect("_", "BLPOP", "q", "0.05")
	a.expect("-ERR timeout is negative", "BLPOP", "q", "-1")
}

func TestBlockingInMulti(t *testing.T) {
	_, addr := startServer(t, Config{})
	a := dial(t, addr)
	a.expect("+OK", "MULTI")
	a.expect("+QUEUED", "BLPOP", "q", "0")
	a.expect("*1[*nil]", "EXEC")
}

func TestBlockingWokenByExec(t *testing.T) {
	s, addr := startServer(t, Config{})
	a, b := dial(t, addr), dial(t, addr)
	a.send("BLPOP", "q", "0")
	waitBlocked(t, s, 1)
	b.expect("+OK", "MULTI")
	b.expect("+QUEUED", "LPUSH", "q", "x")
	b.expect("+QUEUED", "LLEN", "q")
	// Inside EXEC the element is still there; the blocked client is served after EXEC.
	b.expect("*2[:1 :1]", "EXEC")
	if got := a.reply(); got != "*2[$q $x]" {
		t.Fatalf("BLPOP = %s", got)
	}
}

func TestBlockingDisconnect(t *testing.T) {
	s, addr := startServer(t, Config{})
	a, b := dial(t, addr), dial(t, addr)
	a.send("BLPOP", "q", "0")
	waitBlocked(t, s, 1)
	a.nc.Close()
	waitBlocked(t, s, 0)
	b.expect(":1", "LPUSH", "q", "kept")
	b.expect(":1", "LLEN", "q")
}

func TestClientUnblock(t *testing.T) {
	s, addr := startServer(t, Config{})
	a, b := dial(t, addr), dial(t, addr)
	id := strings.TrimPrefix(a.do("CLIENT", "ID"), ":")
	a.send("BLPOP", "q", "0")
	waitBlocked(t, s, 1)
	b.expect(":1", "CLIENT", "UNBLOCK", id)
	if got := a.reply(); got != "*nil" {
		t.Fatalf("unblocked with TIMEOUT: %s", got)
	}
	a.send("BLPOP", "q", "0")
	waitBlocked(t, s, 1)
	b.expect(":1", "CLIENT", "UNBLOCK", id, "ERROR")
	if got := a.reply(); got != "-UNBLOCKED client unblocked via CLIENT UNBLOCK" {
		t.Fatalf("unblocked with ERROR: %s", got)
	}
	b.expect(":0", "CLIENT", "UNBLOCK", id)
}

// TestBlockingManyWaiters: every pushed element reaches exactly one of many blocked clients.
func TestBlockingManyWaiters(t *testing.T) {
	s, addr := startServer(t, Config{})
	const n = 20
	var wg sync.WaitGroup
	got := make(chan string, n)
	for i := 0; i < n; i++ {
		c := dial(t, addr)
		wg.Add(1)
		go func() {
			defer wg.Done()
			got <- c.do("BLPOP", "q", "0")
		}()
	}
	waitBlocked(t, s, n)
	p := dial(t, addr)
	for i := 0; i < n; i++ {
		p.do("LPUSH", "q", strconv.Itoa(i))
	}
	wg.Wait()
	close(got)
	seen := map[string]bool{}
	for r := range got {
		if seen[r] {
			t.Fatalf("element delivered twice: %s", r)
		}
		seen[r] = true
	}
	if len(seen) != n {
		t.Fatalf("%d distinct deliveries, want %d", len(seen), n)
	}
}

func TestWaitCommand(t *testing.T) {
	_, addr := startServer(t, Config{})
	a := dial(t, addr)
	a.expect(":0", "WAIT", "0", "0")
	start := time.Now()
	a.expect(":0", "WAIT", "1", "50")
	if time.Since(start) < 40*time.Millisecond {
		t.Fatal("WAIT 1 50 did not wait")
	}
}
