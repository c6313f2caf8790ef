package main

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/redmoon-dev/redmoon/server"
)

func TestRun(t *testing.T) {
	cases := []struct {
		args     []string
		code     int
		inStdout []string
	}{
		{[]string{"--version"}, 0, []string{"redmoon " + Version, "Redis " + server.RedisVersion}},
		{[]string{"--help"}, 0, []string{"Usage:", "--port", "--bind", "--requirepass", "--databases", "--maxclients", "redis.conf"}},
	}
	for _, c := range cases {
		var out, errOut bytes.Buffer
		code := run(c.args, &out, &errOut)
		if code != c.code {
			t.Errorf("run(%q) = %d, want %d", c.args, code, c.code)
		}
		for _, want := range c.inStdout {
			if !strings.Contains(out.String(), want) {
				t.Errorf("run(%q) stdout lacks %q:\n%s", c.args, want, out.String())
			}
		}
	}
}

func TestBadFlags(t *testing.T) {
	cases := [][]string{
		{"--nosuchflag"},
		{"--port", "x"},
		{"--databases", "65537"},
		{"--databases", "0"},
		{"/nonexistent/redis.conf"},
		{"--port", "1", "extra"},
	}
	for _, args := range cases {
		var out, errOut bytes.Buffer
		if code := run(args, &out, &errOut); code == 0 {
			t.Errorf("run(%q) succeeded, want an error", args)
		}
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// syncBuffer is a bytes.Buffer safe for the server's logger and the test to share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startBinary runs serve as the binary would, until the returned stop is called.
func startBinary(t *testing.T, args []string) (*server.Server, *syncBuffer, func(sig syscall.Signal) int) {
	t.Helper()
	ready := make(chan *server.Server, 1)
	code := make(chan int, 1)
	out := &syncBuffer{}
	go func() { code <- serve(args, out, out, ready) }()
	var s *server.Server
	select {
	case s = <-ready:
	case c := <-code:
		t.Fatalf("serve exited with %d:\n%s", c, out.String())
	case <-time.After(10 * time.Second):
		t.Fatal("server did not start")
	}
	return s, out, func(sig syscall.Signal) int {
		if sig != 0 {
			_ = syscall.Kill(os.Getpid(), sig)
		}
		select {
		case c := <-code:
			return c
		case <-time.After(10 * time.Second):
			t.Fatal("server did not stop")
			return -1
		}
	}
}

func command(t *testing.T, addr string, lines ...string) []string {
	t.Helper()
	nc, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	r := bufio.NewReader(nc)
	var out []string
	for _, l := range lines {
		_ = nc.SetDeadline(time.Now().Add(5 * time.Second))
		if _, err := nc.Write([]byte(l + "\r\n")); err != nil {
			t.Fatal(err)
		}
		reply, err := readReply(r)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, reply)
	}
	return out
}

// readReply reads one whole reply and returns it flattened: its lines joined with spaces.
func readReply(r *bufio.Reader) (string, error) {
	line, err := r.ReadString('\n')
	if err != nil {
		return "", err
	}
	line = strings.TrimSpace(line)
	n, _ := strconv.Atoi(line[1:])
	switch line[0] {
	case '$':
		if n < 0 {
			return line, nil
		}
		buf := make([]byte, n+2)
		if _, err := io.ReadFull(r, buf); err != nil {
			return "", err
		}
		return string(buf[:n]), nil
	case '*':
		parts := []string{line}
		for i := 0; i < n; i++ {
			p, err := readReply(r)
			if err != nil {
				return "", err
			}
			parts = append(parts, p)
		}
		return strings.Join(parts, " "), nil
	}
	return line, nil
}

func TestServeFlagsAndSignal(t *testing.T) {
	port := freePort(t)
	_, out, stop := startBinary(t, []string{"--port", strconv.Itoa(port), "--requirepass", "pw", "--maxclients", "5", "--databases", "4"})
	addr := "127.0.0.1:" + strconv.Itoa(port)
	got := command(t, addr, "PING", "AUTH pw", "SELECT 3", "SELECT 4", "CONFIG GET maxclients")
	want := []string{"-NOAUTH Authentication required.", "+OK", "+OK", "-ERR DB index is out of range", "*2 maxclients 5"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("reply %d = %q, want %q", i, got[i], want[i])
		}
	}
	if code := stop(syscall.SIGTERM); code != 0 {
		t.Errorf("exit code %d after SIGTERM", code)
	}
	log := out.String()
	for _, line := range []string{"redmoon is starting", "Redis version=" + server.RedisVersion, "Running mode=standalone, port=" + strconv.Itoa(port),
		"Ready to accept connections", "Received SIGTERM scheduling shutdown", "ready to exit, bye bye"} {
		if !strings.Contains(log, line) {
			t.Errorf("log lacks %q:\n%s", line, log)
		}
	}
}

// TestServeDatabases checks that --databases and the configuration file's databases directive
// give that many databases, more than Redis's default 16 included (errors as
// redis-server --databases N answers them).
func TestServeDatabases(t *testing.T) {
	dir := t.TempDir()
	conf := filepath.Join(dir, "redis.conf")
	if err := os.WriteFile(conf, []byte("databases 32\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		n    int
	}{
		{[]string{"--databases", "20"}, 20},
		{[]string{"--databases", "1"}, 1},
		{[]string{conf}, 32},
		{[]string{conf, "--databases", "5"}, 5},
		{nil, 16},
	}
	for _, c := range cases {
		port := freePort(t)
		args := append(append([]string{}, c.args...), "--port", strconv.Itoa(port))
		_, out, stop := startBinary(t, args)
		addr := "127.0.0.1:" + strconv.Itoa(port)
		last := strconv.Itoa(c.n - 1)
		got := command(t, addr, "SELECT "+last, "SET k v", "SELECT "+strconv.Itoa(c.n), "MOVE k "+strconv.Itoa(c.n),
			"SWAPDB 0 "+strconv.Itoa(c.n), "CONFIG GET databases", "INFO keyspace")
		want := []string{"+OK", "+OK", "-ERR DB index is out of range", "-ERR DB index is out of range",
			"-ERR DB index is out of range", "*2 databases " + strconv.Itoa(c.n),
			"# Keyspace\r\ndb" + last + ":keys=1,expires=0,avg_ttl=0\r\n"}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%q: reply %d = %q, want %q", c.args, i, got[i], want[i])
			}
		}
		if code := stop(syscall.SIGTERM); code != 0 {
			t.Errorf("%q: exit code %d after SIGTERM:\n%s", c.args, code, out.String())
		}
	}
}

func TestServeConfigFile(t *testing.T) {
	port := freePort(t)
	dir := t.TempDir()
	conf := filepath.Join(dir, "redis.conf")
	text := "# a redis.conf\nport " + strconv.Itoa(port+1) + "\nrequirepass \"sec ret\"\nslowlog-max-len 7\ndaemonize no\nappendfsync everysec\n"
	if err := os.WriteFile(conf, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	// The command line overrides the file's port.
	s, out, stop := startBinary(t, []string{conf, "--port", strconv.Itoa(port)})
	addr := "127.0.0.1:" + strconv.Itoa(port)
	got := command(t, addr, `AUTH "sec ret"`, "CONFIG GET slowlog-max-len", "CONFIG SET slowlog-max-len 9", "CONFIG REWRITE")
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = nc.Write([]byte("AUTH \"sec ret\"\r\nSHUTDOWN\r\n"))
	defer nc.Close()
	if got[0] != "+OK" || got[1] != "*2 slowlog-max-len 7" || got[2] != "+OK" || got[3] != "+OK" {
		t.Fatalf("replies %q", got)
	}
	if code := stop(0); code != 0 {
		t.Errorf("exit code %d after SHUTDOWN", code)
	}
	_ = s
	log := out.String()
	for _, line := range []string{"Configuration loaded from " + conf, "Ignoring configuration directive 'daemonize'", "User requested shutdown"} {
		if !strings.Contains(log, line) {
			t.Errorf("log lacks %q:\n%s", line, log)
		}
	}
	rewritten, err := os.ReadFile(conf)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"slowlog-max-len 9\n", "# a redis.conf\n", "daemonize no\n", `requirepass "sec ret"`} {
		if !strings.Contains(string(rewritten), want) {
			t.Errorf("rewritten config lacks %q:\n%s", want, rewritten)
		}
	}
}

func TestConfigFileErrors(t *testing.T) {
	dir := t.TempDir()
	for _, text := range []string{"port x\n", "maxclients 0\n", "requirepass \"unterminated\n", "proto-max-bulk-len abc\n"} {
		conf := filepath.Join(dir, "bad.conf")
		if err := os.WriteFile(conf, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		var out, errOut bytes.Buffer
		if code := run([]string{conf}, &out, &errOut); code == 0 || !strings.Contains(errOut.String(), "FATAL CONFIG FILE ERROR") {
			t.Errorf("config %q: exit %d, stderr %q", text, code, errOut.String())
		}
	}
}
