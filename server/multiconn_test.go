package server

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	"github.com/redmoon-dev/redmoon/server/resp"
)

// Multi-connection scenarios (testdata/multiconn.txt): after each step every connection's output
// is collected, so asynchronous deliveries (pub/sub messages) and closed connections are recorded
// in the order they happen. Replies are compared with what redis-server 7.0 answered
// (multiconn.golden), re-checked live when redis-server is on PATH.

type mcStep struct {
	conn   byte
	noWait bool // "a& CMD": the command blocks; do not wait for its reply
	args   []string
	sleep  time.Duration // "!sleep MS": let time pass
}

type mcCase struct {
	name  string
	steps []mcStep
}

func parseMultiConn(t *testing.T, text string) []*mcCase {
	t.Helper()
	var cases []*mcCase
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		if name, ok := strings.CutPrefix(line, "=== "); ok {
			cases = append(cases, &mcCase{name: name})
			continue
		}
		if ms, ok := strings.CutPrefix(line, "!sleep "); ok && len(cases) > 0 {
			n, err := strconv.Atoi(ms)
			if err != nil {
				t.Fatalf("multiconn.txt:%d: bad sleep", i+1)
			}
			c := cases[len(cases)-1]
			c.steps = append(c.steps, mcStep{sleep: time.Duration(n) * time.Millisecond})
			continue
		}
		noWait := len(line) > 2 && line[1] == '&'
		rest := line[2:]
		if noWait {
			rest = line[3:]
		}
		if len(cases) == 0 || len(line) < 3 || line[0] < 'a' || line[0] > 'c' || line[1] != ' ' && !noWait {
			t.Fatalf("multiconn.txt:%d: bad line %q", i+1, line)
		}
		raw, ok := resp.SplitArgs(nil, []byte(rest))
		if !ok {
			t.Fatalf("multiconn.txt:%d: unbalanced quotes", i+1)
		}
		var args []string
		for _, a := range raw {
			args = append(args, string(a))
		}
		c := cases[len(cases)-1]
		c.steps = append(c.steps, mcStep{conn: line[0], noWait: noWait, args: args})
	}
	return cases
}

// runMultiConn runs a case against addr and returns its transcript.
func runMultiConn(t *testing.T, addr string, c *mcCase, settle time.Duration) string {
	t.Helper()
	runCleanup(t, addr, "FLUSHALL")
	conns := map[byte]net.Conn{}
	pending := map[byte][]byte{}
	closed := map[byte]bool{}
	defer func() {
		for _, nc := range conns {
			nc.Close()
		}
	}()
	for _, id := range []byte("abc") {
		nc, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		conns[id] = nc
	}
	var b strings.Builder
	buf := make([]byte, 64*1024)
	for _, st := range c.steps {
		if st.sleep > 0 {
			fmt.Fprintf(&b, "!sleep %d\n", st.sleep.Milliseconds())
			time.Sleep(st.sleep)
			continue
		}
		mark := " "
		if st.noWait {
			mark = "&"
		}
		fmt.Fprintf(&b, "%c%s %s\n", st.conn, mark, strings.Join(st.args, " "))
		if !closed[st.conn] {
			_, _ = conns[st.conn].Write(encodeCommand(st.args...))
		}
		// Wait for the reply of the stepping connection (or its close), then a little more for
		// what other connections receive because of it.
		if !st.noWait && !closed[st.conn] {
			deadline := time.Now().Add(5 * time.Second)
			for time.Now().Before(deadline) {
				_ = conns[st.conn].SetReadDeadline(time.Now().Add(5 * time.Millisecond))
				n, err := conns[st.conn].Read(buf)
				pending[st.conn] = append(pending[st.conn], buf[:n]...)
				if _, _, perr := parseRESP3(pending[st.conn]); perr == nil {
					break
				}
				var ne net.Error
				if err != nil && !(errors.As(err, &ne) && ne.Timeout()) {
					break
				}
			}
		}
		time.Sleep(settle)
		for _, id := range []byte("abc") {
			if closed[id] {
				continue
			}
			nc := conns[id]
			for {
				_ = nc.SetReadDeadline(time.Now().Add(time.Millisecond))
				n, err := nc.Read(buf)
				pending[id] = append(pending[id], buf[:n]...)
				if err != nil {
					var ne net.Error
					if !(errors.As(err, &ne) && ne.Timeout()) && (errors.Is(err, io.EOF) || isReset(err)) {
						closed[id] = true
						fmt.Fprintf(&b, "  %c closed\n", id)
					}
					break
				}
			}
			for len(pending[id]) > 0 {
				v, rest, err := parseRESP3(pending[id])
				if err != nil {
					break
				}
				text := string(pending[id][:len(pending[id])-len(rest)])
				if strings.EqualFold(st.args[0], "hello") && id == st.conn && v.kind != '-' {
					text = "(HELLO reply)"
				}
				fmt.Fprintf(&b, "  %c %s\n", id, strconv.Quote(text))
				pending[id] = rest
			}
		}
	}
	return b.String()
}

func readMultiConnGolden(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile("testdata/multiconn.golden")
	if err != nil {
		if *update {
			return map[string]string{}
		}
		t.Fatal(err)
	}
	out := map[string]string{}
	var name string
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if n, ok := strings.CutPrefix(line, "=== "); ok {
			name = strings.TrimSpace(n)
			continue
		}
		if name != "" && line != "\n" {
			out[name] += line
		}
	}
	return out
}

func TestMultiConn(t *testing.T) {
	text, err := os.ReadFile("testdata/multiconn.txt")
	if err != nil {
		t.Fatal(err)
	}
	cases := parseMultiConn(t, string(text))
	golden := readMultiConnGolden(t)
	_, live := oracle.Lookup("redis-server")
	if live || *update || oracle.InCI() {
		addr, _ := oracle.StartRedis(t)
		var out strings.Builder
		out.WriteString("# Generated by go test ./server -run TestMultiConn -update from redis-server; do not edit.\n")
		for _, c := range cases {
			got := runMultiConn(t, addr, c, 20*time.Millisecond)
			fmt.Fprintf(&out, "\n=== %s\n%s", c.name, got)
			if !*update && got != golden[c.name] {
				t.Errorf("%s: redis-server now gives\n%s\ngolden:\n%s(re-record with -update)", c.name, got, golden[c.name])
			}
		}
		if *update {
			if err := os.WriteFile("testdata/multiconn.golden", []byte(out.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			golden = readMultiConnGolden(t)
		}
	}
	_, addr := startServer(t, Config{})
	for _, c := range cases {
		got := runMultiConn(t, addr, c, 10*time.Millisecond)
		if got != golden[c.name] {
			t.Errorf("%s:\n got:\n%s\nwant:\n%s", c.name, got, golden[c.name])
		}
	}
}
