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
	// byConn ("!byconn" in the case): a step waits for every reply its connection owes (also
	// those of its earlier "&" commands) and records only those; what else the connections
	// receive is recorded per connection at the end of the case. For cases whose cross-connection
	// timing is not deterministic (busy scripts: a BUSY reply comes when the threshold passes).
	byConn bool
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
		if line == "!byconn" && len(cases) > 0 {
			cases[len(cases)-1].byConn = true
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
	if c.byConn {
		runByConn(t, c, conns, &b, buf, settle)
		return b.String()
	}
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

// runByConn runs a "!byconn" case (see mcCase.byConn).
func runByConn(t *testing.T, c *mcCase, conns map[byte]net.Conn, b *strings.Builder, buf []byte, settle time.Duration) {
	t.Helper()
	pending := map[byte][]byte{}
	owed := map[byte]int{}
	// read reads what arrives on a connection within wait; ok is false once it is closed.
	read := func(id byte, wait time.Duration) (n int, ok bool) {
		_ = conns[id].SetReadDeadline(time.Now().Add(wait))
		n, err := conns[id].Read(buf)
		pending[id] = append(pending[id], buf[:n]...)
		var ne net.Error
		return n, err == nil || errors.As(err, &ne) && ne.Timeout()
	}
	next := func(id byte) (string, bool) {
		_, rest, err := parseRESP3(pending[id])
		if err != nil {
			return "", false
		}
		text := string(pending[id][:len(pending[id])-len(rest)])
		pending[id] = rest
		return text, true
	}
	for _, st := range c.steps {
		if st.sleep > 0 {
			fmt.Fprintf(b, "!sleep %d\n", st.sleep.Milliseconds())
			time.Sleep(st.sleep)
			continue
		}
		mark := " "
		if st.noWait {
			mark = "&"
		}
		fmt.Fprintf(b, "%c%s %s\n", st.conn, mark, strings.Join(st.args, " "))
		if _, err := conns[st.conn].Write(encodeCommand(st.args...)); err != nil {
			t.Fatal(err)
		}
		owed[st.conn]++
		if st.noWait {
			continue
		}
		deadline := time.Now().Add(10 * time.Second)
		for owed[st.conn] > 0 {
			text, ok := next(st.conn)
			if !ok {
				if _, ok := read(st.conn, 5*time.Millisecond); !ok || time.Now().After(deadline) {
					fmt.Fprintf(b, "  %c (no reply)\n", st.conn)
					break
				}
				continue
			}
			owed[st.conn]--
			if strings.EqualFold(st.args[0], "hello") && text[0] != '-' {
				text = "(HELLO reply)"
			}
			fmt.Fprintf(b, "  %c %s\n", st.conn, strconv.Quote(text))
		}
	}
	time.Sleep(settle)
	for _, id := range []byte("abc") {
		for {
			if n, ok := read(id, time.Millisecond); n == 0 || !ok {
				break
			}
		}
		for {
			text, ok := next(id)
			if !ok {
				break
			}
			fmt.Fprintf(b, "  %c at end %s\n", id, strconv.Quote(text))
		}
	}
}
