package server

import (
	"bufio"
	"net"
	"testing"
	"time"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	"github.com/redmoon-dev/redmoon/keyspace"
)

// The server reads the clock once per command and hands that time to the keyspace. These tests
// check that expiry stays exact: a key is never served once its time has passed, including
// inside a pipeline and a transaction.

// expirySteps run on one connection; wait is slept before sending the command. The expected
// replies are what redis-server 7.0 answers (checked live when it is installed).
var expirySteps = []struct {
	wait time.Duration
	cmd  []string
	want string
}{
	{0, []string{"SET", "k", "v", "PX", "150"}, "+OK\r\n"},
	{0, []string{"GET", "k"}, "$1\r\nv\r\n"},
	{250 * time.Millisecond, []string{"GET", "k"}, "$-1\r\n"},
	{0, []string{"SET", "k", "v", "PX", "150"}, "+OK\r\n"},
	{0, []string{"MULTI"}, "+OK\r\n"},
	{0, []string{"GET", "k"}, "+QUEUED\r\n"},
	{250 * time.Millisecond, []string{"EXEC"}, "*1\r\n$-1\r\n"},
	{0, []string{"SET", "k", "v", "PX", "150"}, "+OK\r\n"},
	{250 * time.Millisecond, []string{"EXISTS", "k"}, ":0\r\n"},
}

func runExpirySteps(t *testing.T, addr string) {
	t.Helper()
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	br := bufio.NewReader(nc)
	for i, st := range expirySteps {
		time.Sleep(st.wait)
		if _, err := nc.Write(encodeCommand(st.cmd...)); err != nil {
			t.Fatal(err)
		}
		_ = nc.SetReadDeadline(time.Now().Add(5 * time.Second))
		got := readReply(t, br)
		if got != st.want {
			t.Errorf("%s: step %d %v: got %q, want %q", addr, i, st.cmd, got, st.want)
		}
	}
}

// readReply reads one complete RESP reply.
func readReply(t *testing.T, br *bufio.Reader) string {
	t.Helper()
	var buf []byte
	for {
		b, err := br.ReadByte()
		if err != nil {
			t.Fatalf("reading a reply: %v (after %q)", err, buf)
		}
		buf = append(buf, b)
		if b == '\n' {
			if _, _, err := parseRESP3(buf); err == nil {
				return string(buf)
			}
		}
	}
}

func TestExpiryRealClock(t *testing.T) {
	if _, ok := oracle.Lookup("redis-server"); ok || oracle.InCI() {
		addr, _ := oracle.StartRedis(t)
		runExpirySteps(t, addr)
	}
	_, addr := startServer(t, Config{})
	runExpirySteps(t, addr)
}

// TestExpiryManualClock drives expiry with a manual clock: the once-per-command reading must
// follow it, to the millisecond (a key expires once the time is past its expiry, as Redis's
// keyIsExpired tests now > when).
func TestExpiryManualClock(t *testing.T) {
	ks := keyspace.New()
	ks.Clock.Set(1_700_000_000_000)
	_, addr := startServer(t, Config{Keyspace: ks})
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	br := bufio.NewReader(nc)
	steps := []struct {
		advance time.Duration
		cmd     []string
		want    string
	}{
		{0, []string{"SET", "k", "v", "PX", "100"}, "+OK\r\n"},
		{99 * time.Millisecond, []string{"PTTL", "k"}, ":1\r\n"},
		{0, []string{"GET", "k"}, "$1\r\nv\r\n"},
		{time.Millisecond, []string{"PTTL", "k"}, ":0\r\n"},
		{0, []string{"GET", "k"}, "$1\r\nv\r\n"}, // expired only once the time is past (Redis: now > when)
		{time.Millisecond, []string{"GET", "k"}, "$-1\r\n"},
		{0, []string{"SET", "k", "v", "PX", "100"}, "+OK\r\n"},
		{101 * time.Millisecond, []string{"EXISTS", "k"}, ":0\r\n"},
	}
	for i, st := range steps {
		ks.Clock.Advance(st.advance)
		if _, err := nc.Write(encodeCommand(st.cmd...)); err != nil {
			t.Fatal(err)
		}
		if got := readReply(t, br); got != st.want {
			t.Errorf("step %d %v: got %q, want %q", i, st.cmd, got, st.want)
		}
	}
}
