package server

import (
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redmoon-dev/redmoon/keyspace"
)

// The blocking mechanism is generic; until the keyspace has its list commands, these tests give
// BLPOP, LPUSH and LLEN minimal stand-in handlers with the same contract (a list per key in
// database 0; BLPOP in its non-blocking form answers the null array when every list is empty;
// LPUSH reports the key as modified). When the keyspace implements them, the real ones run.

var fakeListsByKS = map[*keyspace.Keyspace]map[string][]string{}

// fakeLists returns the stand-in lists of a keyspace (each test server has its own).
func fakeLists(c *keyspace.Ctx) map[string][]string {
	m := fakeListsByKS[c.KS]
	if m == nil {
		m = map[string][]string{}
		fakeListsByKS[c.KS] = m
	}
	return m
}

func init() {
	fake := map[string]keyspace.Handler{
		"lpush": func(c *keyspace.Ctx, args []string, r keyspace.Reply) {
			k, lists := args[1], fakeLists(c)
			for _, v := range args[2:] {
				lists[k] = append([]string{v}, lists[k]...)
			}
			if h := c.KS.Hooks.KeyModified; h != nil {
				h(c.DB.ID, k)
			}
			r.Integer(int64(len(lists[k])))
		},
		"llen": func(c *keyspace.Ctx, args []string, r keyspace.Reply) { r.Integer(int64(len(fakeLists(c)[args[1]]))) },
		"blpop": func(c *keyspace.Ctx, args []string, r keyspace.Reply) {
			if f, err := strconv.ParseFloat(args[len(args)-1], 64); err != nil || f < 0 {
				r.Error("ERR timeout is negative")
				return
			}
			lists := fakeLists(c)
			for _, k := range args[1 : len(args)-1] {
				if l := lists[k]; len(l) > 0 {
					lists[k] = l[1:]
					if h := c.KS.Hooks.KeyModified; h != nil {
						h(c.DB.ID, k)
					}
					r.ArrayLen(2)
					r.Bulk(k)
					r.Bulk(l[0])
					return
				}
			}
			r.NullArray()
		},
	}
	for name, h := range fake {
		_ = keyspace.SetHandler(name, h) // fails, harmlessly, once the keyspace has the command
	}
}

// blockedCount waits until n clients are blocked.
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
	if d := time.Since(start); d < 90*time.Millisecond || d > 2*time.Second {
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
