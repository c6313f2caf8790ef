package server

import (
	"bufio"
	"bytes"
	"fmt"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// tconn is a small RESP test client: it sends commands and reads replies as raw bytes.
type tconn struct {
	t  testing.TB
	nc net.Conn
	r  *bufio.Reader
}

func dial(t testing.TB, addr string) *tconn {
	t.Helper()
	nc, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nc.Close() })
	return &tconn{t: t, nc: nc, r: bufio.NewReaderSize(nc, 64*1024)}
}

func (c *tconn) send(args ...string) {
	c.t.Helper()
	if _, err := c.nc.Write(encodeCommand(args...)); err != nil {
		c.t.Fatal(err)
	}
}

// reply reads one reply and returns it in a compact text form: +OK, -ERR..., :1, $v (bulk),
// $nil, _ (RESP3 null), *n[...] for aggregates with elements separated by spaces.
func (c *tconn) reply() string {
	c.t.Helper()
	_ = c.nc.SetReadDeadline(time.Now().Add(10 * time.Second))
	s, err := readText(c.r)
	if err != nil {
		c.t.Fatalf("reading a reply: %v", err)
	}
	return s
}

func readText(r *bufio.Reader) (string, error) {
	line, err := r.ReadString('\n')
	if err != nil {
		return "", err
	}
	line = strings.TrimSuffix(line, "\r\n")
	switch line[0] {
	case '+', '-', ':', '_', ',', '#':
		return line, nil
	case '$':
		n, _ := strconv.Atoi(line[1:])
		if n < 0 {
			return "$nil", nil
		}
		buf := make([]byte, n+2)
		if _, err := readFull(r, buf); err != nil {
			return "", err
		}
		return "$" + string(buf[:n]), nil
	case '*', '%', '~', '>':
		n, _ := strconv.Atoi(line[1:])
		if n < 0 {
			return "*nil", nil
		}
		if line[0] == '%' {
			n *= 2
		}
		parts := make([]string, n)
		for i := range parts {
			if parts[i], err = readText(r); err != nil {
				return "", err
			}
		}
		return string(line[0]) + strconv.Itoa(n) + "[" + strings.Join(parts, " ") + "]", nil
	}
	return "", fmt.Errorf("bad reply line %q", line)
}

func readFull(r *bufio.Reader, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		m, err := r.Read(buf[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

func (c *tconn) do(args ...string) string {
	c.t.Helper()
	c.send(args...)
	return c.reply()
}

func (c *tconn) expect(want string, args ...string) {
	c.t.Helper()
	if got := c.do(args...); got != want {
		c.t.Fatalf("%v: got %s, want %s", args, got, want)
	}
}

// noReply checks that nothing arrives within d.
func (c *tconn) noReply(d time.Duration) {
	c.t.Helper()
	_ = c.nc.SetReadDeadline(time.Now().Add(d))
	if s, err := readText(c.r); err == nil {
		c.t.Fatalf("unexpected reply %s", s)
	}
	_ = c.nc.SetReadDeadline(time.Time{})
}

// TestConcurrentIncr: 200 clients each send pipelines of INCR on one key; the final value is
// exactly the number of INCRs and every client saw its replies in order.
func TestConcurrentIncr(t *testing.T) {
	_, addr := startServer(t, Config{})
	const clients, pipelines, depth = 200, 10, 50
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	batch := []byte(strings.Repeat("*2\r\n$4\r\nINCR\r\n$7\r\ncounter\r\n", depth))
	for i := 0; i < clients; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			nc, err := net.Dial("tcp", addr)
			if err != nil {
				errs <- err
				return
			}
			defer nc.Close()
			r := bufio.NewReader(nc)
			last := int64(0)
			for p := 0; p < pipelines; p++ {
				if _, err := nc.Write(batch); err != nil {
					errs <- err
					return
				}
				for k := 0; k < depth; k++ {
					line, err := r.ReadString('\n')
					if err != nil || line[0] != ':' {
						errs <- fmt.Errorf("reply %q, %v", line, err)
						return
					}
					n, _ := strconv.ParseInt(strings.TrimSpace(line[1:]), 10, 64)
					if n <= last {
						errs <- fmt.Errorf("INCR replies not increasing: %d after %d", n, last)
						return
					}
					last = n
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	c := dial(t, addr)
	c.expect(":"+strconv.Itoa(clients*pipelines*depth+1), "INCR", "counter")
}

// TestMaxClients: the connection over the limit gets Redis's error and is closed.
func TestMaxClients(t *testing.T) {
	_, addr := startServer(t, Config{MaxClients: 2})
	a, b := dial(t, addr), dial(t, addr)
	a.expect("+PONG", "PING")
	b.expect("+PONG", "PING")
	c := dial(t, addr)
	if got := c.reply(); got != "-ERR max number of clients reached" {
		t.Fatalf("third client got %s", got)
	}
	a.expect(":1", "INCR", "x")
}

func TestPubSub(t *testing.T) {
	_, addr := startServer(t, Config{})
	sub, psub, r3, pub := dial(t, addr), dial(t, addr), dial(t, addr), dial(t, addr)
	sub.expect("*3[$subscribe $news :1]", "SUBSCRIBE", "news")
	psub.expect("*3[$psubscribe $n* :1]", "PSUBSCRIBE", "n*")
	r3.do("HELLO", "3")
	r3.expect(">3[$subscribe $news :1]", "SUBSCRIBE", "news")
	pub.expect(":3", "PUBLISH", "news", "hello")
	if got := sub.reply(); got != "*3[$message $news $hello]" {
		t.Fatalf("subscriber got %s", got)
	}
	if got := psub.reply(); got != "*4[$pmessage $n* $news $hello]" {
		t.Fatalf("pattern subscriber got %s", got)
	}
	if got := r3.reply(); got != ">3[$message $news $hello]" {
		t.Fatalf("RESP3 subscriber got %s", got)
	}
	// A RESP3 subscriber may run other commands; messages keep their order with replies.
	r3.expect("+OK", "SET", "k", "v")
	pub.expect(":3", "PUBLISH", "news", "second")
	pub.expect(":1", "PUBLISH", "nope", "third")
	if got := sub.reply(); got != "*3[$message $news $second]" {
		t.Fatalf("subscriber got %s", got)
	}
	if got := r3.reply(); got != ">3[$message $news $second]" {
		t.Fatalf("RESP3 subscriber got %s", got)
	}
	if got := psub.reply(); got != "*4[$pmessage $n* $news $second]" {
		t.Fatalf("pattern subscriber got %s", got)
	}
	if got := psub.reply(); got != "*4[$pmessage $n* $nope $third]" {
		t.Fatalf("pattern subscriber got %s", got)
	}
	pub.expect("*2[$news :2]", "PUBSUB", "NUMSUB", "news")
	pub.expect(":1", "PUBSUB", "NUMPAT")
	pub.expect("*1[$news]", "PUBSUB", "CHANNELS")
	sub.expect("*3[$unsubscribe $news :0]", "UNSUBSCRIBE")
	sub.expect("$v", "GET", "k")
	// Shard channels.
	ssub := dial(t, addr)
	ssub.expect("*3[$ssubscribe $s :1]", "SSUBSCRIBE", "s")
	pub.expect(":1", "SPUBLISH", "s", "m")
	if got := ssub.reply(); got != "*3[$smessage $s $m]" {
		t.Fatalf("shard subscriber got %s", got)
	}
	pub.expect("*1[$s]", "PUBSUB", "SHARDCHANNELS")
}

func TestPubSubOutputLimit(t *testing.T) {
	_, addr := startServer(t, Config{})
	pub := dial(t, addr)
	pub.expect("+OK", "CONFIG", "SET", "client-output-buffer-limit", "pubsub 1mb 0 0")
	sub := dial(t, addr)
	sub.expect("*3[$subscribe $c :1]", "SUBSCRIBE", "c")
	big := strings.Repeat("x", 64*1024)
	// The subscriber never reads: its pending output passes the hard limit and it is closed.
	tcp := sub.nc.(*net.TCPConn)
	_ = tcp.SetReadBuffer(4096)
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if pub.do("PUBLISH", "c", big) == ":0" {
			return // the server dropped the subscriber
		}
	}
	t.Fatal("subscriber over the output buffer limit was not closed")
}

func TestWatch(t *testing.T) {
	_, addr := startServer(t, Config{})
	a, b := dial(t, addr), dial(t, addr)
	a.expect("+OK", "WATCH", "k")
	b.expect("+OK", "SET", "k", "1")
	a.expect("+OK", "MULTI")
	a.expect("+QUEUED", "SET", "k", "2")
	a.expect("*nil", "EXEC")
	b.expect("$1", "GET", "k")

	// Untouched: EXEC runs.
	a.expect("+OK", "WATCH", "k")
	a.expect("+OK", "MULTI")
	a.expect("+QUEUED", "INCR", "k")
	a.expect("*1[:2]", "EXEC")

	// UNWATCH forgets.
	a.expect("+OK", "WATCH", "k")
	b.expect("+OK", "SET", "k", "5")
	a.expect("+OK", "UNWATCH")
	a.expect("+OK", "MULTI")
	a.expect("+QUEUED", "GET", "k")
	a.expect("*1[$5]", "EXEC")

	// A key deleted by FLUSHALL is modified.
	a.expect("+OK", "WATCH", "k")
	b.expect("+OK", "FLUSHALL")
	a.expect("+OK", "MULTI")
	a.expect("+QUEUED", "PING")
	a.expect("*nil", "EXEC")
}

// TestWatchExpiry: a watched key that expires before EXEC makes EXEC fail.
func TestWatchExpiry(t *testing.T) {
	_, addr := startServer(t, Config{})
	a := dial(t, addr)
	a.expect("+OK", "SET", "k", "v", "PX", "50")
	a.expect("+OK", "WATCH", "k")
	time.Sleep(80 * time.Millisecond)
	a.expect("+OK", "MULTI")
	a.expect("+QUEUED", "PING")
	a.expect("*nil", "EXEC")
}

// TestMultiAtomic: commands of a transaction run without other clients' commands in between.
func TestMultiAtomic(t *testing.T) {
	_, addr := startServer(t, Config{})
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := dial(t, addr)
			for j := 0; j < 100; j++ {
				c.send("MULTI")
				c.send("INCR", "a")
				c.send("INCR", "b")
				c.send("EXEC")
				c.reply()
				c.reply()
				c.reply()
				got := c.reply()
				// Both counters move together: the two replies are equal.
				parts := strings.Fields(strings.Trim(got[3:], "[]"))
				if len(parts) != 2 || parts[0] != parts[1] {
					t.Errorf("EXEC replied %s", got)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestClientKillAndList(t *testing.T) {
	_, addr := startServer(t, Config{})
	a, b := dial(t, addr), dial(t, addr)
	a.expect("+OK", "CLIENT", "SETNAME", "alice")
	idB := b.do("CLIENT", "ID")
	list := a.do("CLIENT", "LIST")
	if !strings.Contains(list, "name=alice") || strings.Count(list, "id=") != 2 {
		t.Fatalf("CLIENT LIST = %s", list)
	}
	a.expect(":1", "CLIENT", "KILL", "ID", idB[1:])
	b.send("PING")
	_ = b.nc.SetReadDeadline(time.Now().Add(2 * time.Second))
	if _, err := readText(b.r); err == nil {
		t.Fatal("killed client still answered")
	}
	info := a.do("CLIENT", "INFO")
	if !strings.Contains(info, "name=alice") || !strings.Contains(info, "cmd=client|info") {
		t.Fatalf("CLIENT INFO = %s", info)
	}
}

func TestMonitor(t *testing.T) {
	_, addr := startServer(t, Config{})
	m, c := dial(t, addr), dial(t, addr)
	m.expect("+OK", "MONITOR")
	c.expect("+OK", "SET", "k", "a b\n")
	got := m.reply()
	if !strings.HasSuffix(got, `"SET" "k" "a b\n"`) || !strings.Contains(got, "[0 127.0.0.1:") {
		t.Fatalf("MONITOR line %q", got)
	}
}

func TestAuth(t *testing.T) {
	_, addr := startServer(t, Config{RequirePass: "pw"})
	c := dial(t, addr)
	c.expect("-NOAUTH Authentication required.", "GET", "k")
	c.expect("-WRONGPASS invalid username-password pair or user is disabled.", "AUTH", "nope")
	c.expect("+OK", "AUTH", "pw")
	c.expect("$nil", "GET", "k")
	c.expect("+OK", "CONFIG", "SET", "requirepass", "")
	d := dial(t, addr)
	d.expect("+PONG", "PING")
}

func TestSlowlog(t *testing.T) {
	_, addr := startServer(t, Config{})
	c := dial(t, addr)
	c.expect("+OK", "CONFIG", "SET", "slowlog-log-slower-than", "0")
	c.expect("+OK", "SLOWLOG", "RESET")
	c.expect("+OK", "SET", strings.Repeat("k", 130), "v")
	got := c.do("SLOWLOG", "GET", "1")
	if !strings.Contains(got, "$SET $"+strings.Repeat("k", 128)+"... (2 more bytes) $v]") {
		t.Fatalf("SLOWLOG GET = %s", got)
	}
	c.expect(":3", "SLOWLOG", "LEN") // SLOWLOG RESET (logged after it ran), SET, SLOWLOG GET
}

func TestInfo(t *testing.T) {
	_, addr := startServer(t, Config{})
	c := dial(t, addr)
	c.expect("+OK", "SET", "k", "v")
	info := c.do("INFO")
	for _, want := range []string{"# Server\r\nredis_version:7.0.15\r\n", "redis_mode:standalone", "# Clients\r\nconnected_clients:1",
		"# Persistence\r\nloading:0", "# Replication\r\nrole:master", "# Keyspace\r\ndb0:keys=1,"} {
		if !strings.Contains(info, want) {
			t.Errorf("INFO lacks %q", want)
		}
	}
	only := c.do("INFO", "keyspace")
	if strings.Contains(only, "# Server") || !strings.Contains(only, "# Keyspace") {
		t.Errorf("INFO keyspace = %q", only)
	}
}

func TestShutdownCommand(t *testing.T) {
	s, addr := startServer(t, Config{})
	c := dial(t, addr)
	c.send("SHUTDOWN", "NOSAVE")
	select {
	case <-s.ShutdownRequested():
	case <-time.After(5 * time.Second):
		t.Fatal("SHUTDOWN did not request a shutdown")
	}
	select {
	case <-s.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("server did not stop")
	}
}

func TestQueryBufferLimit(t *testing.T) {
	_, addr := startServer(t, Config{ClientQueryBufferLimit: 1 << 20})
	c := dial(t, addr)
	go func() {
		_, _ = c.nc.Write([]byte("*1\r\n$2000000\r\n"))
		_, _ = c.nc.Write([]byte(strings.Repeat("a", 1500000)))
	}()
	_ = c.nc.SetReadDeadline(time.Now().Add(5 * time.Second))
	if s, err := readText(c.r); err == nil {
		t.Fatalf("got %s, want the connection closed", s)
	}
	d := dial(t, addr)
	d.expect("+PONG", "PING")
}

func TestClientPause(t *testing.T) {
	_, addr := startServer(t, Config{})
	a, b := dial(t, addr), dial(t, addr)
	a.expect("+OK", "CLIENT", "PAUSE", "300", "WRITE")
	start := time.Now()
	b.expect("$nil", "GET", "k") // reads are not paused
	if time.Since(start) > 200*time.Millisecond {
		t.Fatal("a read waited for a WRITE pause")
	}
	b.expect("+OK", "SET", "k", "v")
	if time.Since(start) < 250*time.Millisecond {
		t.Fatal("a write did not wait for the pause")
	}
}

func TestIdleTimeout(t *testing.T) {
	s, addr := startServer(t, Config{})
	c := dial(t, addr)
	c.expect("+OK", "CONFIG", "SET", "timeout", "1")
	time.Sleep(2100 * time.Millisecond)
	s.cron()
	c.send("PING")
	_ = c.nc.SetReadDeadline(time.Now().Add(2 * time.Second))
	if got, err := readText(c.r); err == nil {
		t.Fatalf("idle client still answered %s", got)
	}
}

// benchmarkPipeline measures the server's cost per command: one connection sends pipelines of
// depth commands over loopback and reads the replies.
func benchmarkPipeline(b *testing.B, depth int, args ...string) {
	_, addr := startServer(b, Config{})
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		b.Fatal(err)
	}
	defer nc.Close()
	one := encodeCommand(args...)
	batch := bytes.Repeat(one, depth)
	// Prime the key and learn the size of one batch of replies.
	if _, err := nc.Write(encodeCommand("SET", "key:1", "xxx")); err != nil {
		b.Fatal(err)
	}
	r := bufio.NewReaderSize(nc, 1<<16)
	if _, err := r.ReadString('\n'); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i += depth {
		if _, err := nc.Write(batch); err != nil {
			b.Fatal(err)
		}
		for k := 0; k < depth; k++ {
			if _, err := readText(r); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkPipelineGet(b *testing.B)  { benchmarkPipeline(b, 16, "GET", "key:1") }
func BenchmarkPipelineSet(b *testing.B)  { benchmarkPipeline(b, 16, "SET", "key:1", "xxx") }
func BenchmarkPipelineIncr(b *testing.B) { benchmarkPipeline(b, 16, "INCR", "counter") }
func BenchmarkPipelinePing(b *testing.B) { benchmarkPipeline(b, 16, "PING") }
