package rand48

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	"github.com/redmoon-dev/redmoon/lua/internal/difftest"
	"github.com/redmoon-dev/redmoon/lua/internal/luanum"
	"github.com/redmoon-dev/redmoon/lua/stdlib/internal/cfmt"
)

const goldenFile = "testdata/redis_random.txt"

// An op is one script run on a fresh Redis 7.0 server, in order: "float" (math.random()),
// "int U" (math.random(U)), "range L U" (math.random(L, U)), "seed N" (math.randomseed(N)),
// "flush" (SCRIPT FLUSH, which must not reset the generator).
func generateOps() []string {
	var ops []string
	for i := 0; i < 20; i++ {
		ops = append(ops, "float")
	}
	ops = append(ops, "flush", "float", "int 10", "int 1000000", "range 3 5", "seed 7", "float", "int 10", "range 3 5",
		"seed 0", "float", "float", "seed -1", "float", "seed 1.9", "float", "seed -1.9", "float", "seed 4294967296",
		"float", "seed 2147483648", "float", "seed 1e10", "float", "int 1", "int 2147483647", "range -2147483648 2147483647",
		"range -5 -5", "range 0 0", "int 3.7", "range 1.5 9.99", "int 4294967302", "seed 123456789", "int 100", "int 100",
		"int 100", "range 1 6", "range 1 6", "range -100 100", "flush", "float")
	for i := 0; i < 30; i++ {
		ops = append(ops, "seed "+strconv.Itoa(i*7919-50000), "float", "int "+strconv.Itoa(i+1), "range "+strconv.Itoa(-i)+" "+strconv.Itoa(i*i))
	}
	return ops
}

// opScript is the Lua script that performs op on Redis.
func opScript(op string) string {
	f := strings.Fields(op)
	switch f[0] {
	case "float":
		return "return tostring(math.random())"
	case "int":
		return "return tostring(math.random(" + f[1] + "))"
	case "range":
		return "return tostring(math.random(" + f[1] + ", " + f[2] + "))"
	case "seed":
		return "math.randomseed(" + f[1] + ") return 'OK'"
	}
	return ""
}

// checkInt is luaL_checkint on x86-64: a C long conversion truncated to int.
func checkInt(s string) int32 {
	v, _ := luanum.ParseNumber(s)
	return int32(cfmt.Long(v))
}

// run performs op on g and returns the reply Redis gives.
func run(g *Gen, op string) string {
	f := strings.Fields(op)
	switch f[0] {
	case "float":
		return luanum.FormatNumber(g.Float())
	case "int":
		u := checkInt(f[1])
		r := g.Float()
		if u < 1 {
			return "error: bad argument #1 to 'random' (interval is empty)"
		}
		return luanum.FormatNumber(Int(r, u))
	case "range":
		l, u := checkInt(f[1]), checkInt(f[2])
		r := g.Float()
		if l > u {
			return "error: bad argument #2 to 'random' (interval is empty)"
		}
		return luanum.FormatNumber(Range(r, l, u))
	case "seed":
		g.Seed(checkInt(f[1]))
		return "OK"
	case "flush":
		return "OK"
	}
	return "?"
}

func TestRedisRandomGolden(t *testing.T) {
	cases := difftest.ReadCases(t, goldenFile)
	if len(cases) < 100 {
		t.Fatalf("only %d cases", len(cases))
	}
	g := New()
	for _, c := range cases {
		if got := run(g, c[0]); got != c[1] {
			t.Fatalf("%s: got %q; Redis 7.0 answers %q", c[0], got, c[1])
		}
	}
}

func TestRedisRandomOracle(t *testing.T) {
	var ops []string
	if *difftest.Update {
		ops = generateOps()
	} else {
		for _, c := range difftest.ReadCases(t, goldenFile) {
			ops = append(ops, c[0])
		}
	}
	conn := startRedis(t)
	var fresh [][]string
	for _, op := range ops {
		var reply string
		if op == "flush" {
			reply = conn.do(t, "SCRIPT", "FLUSH")
		} else {
			reply = conn.do(t, "EVAL", opScript(op), "0")
		}
		fresh = append(fresh, []string{op, reply})
	}
	if *difftest.Update {
		difftest.WriteCases(t, goldenFile, "operation on a fresh redis-server 7.0 (one EVAL each, in order), then its reply\nerrors are shortened to the Lua message", fresh)
		return
	}
	golden := difftest.ReadCases(t, goldenFile)
	for i := range fresh {
		if strings.Join(fresh[i], "\t") != strings.Join(golden[i], "\t") {
			t.Errorf("golden %q differs from redis-server %q", golden[i], fresh[i])
		}
	}
}

// redisConn is a minimal RESP2 client for the oracle tests.
type redisConn struct {
	c net.Conn
	r *bufio.Reader
}

// startRedis starts a fresh redis-server on a free loopback port and stops it at the end of
// the test.
func startRedis(t *testing.T) *redisConn {
	bin := oracle.Binary(t, "redis-server")
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	cmd := exec.Command(bin, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	var c net.Conn
	for i := 0; i < 100; i++ {
		c, err = net.Dial("tcp", "127.0.0.1:"+strconv.Itoa(port))
		if err == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return &redisConn{c: c, r: bufio.NewReader(c)}
}

// do sends a command and returns its reply: a bulk or status string as is, an integer in
// decimal, nil as "nil", and an error as "error: " plus the Lua message (the script position and
// the " script: <sha>..." suffix removed).
func (rc *redisConn) do(t *testing.T, args ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "*%d\r\n", len(args))
	for _, a := range args {
		fmt.Fprintf(&b, "$%d\r\n%s\r\n", len(a), a)
	}
	if _, err := rc.c.Write([]byte(b.String())); err != nil {
		t.Fatal(err)
	}
	line, err := rc.r.ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	line = strings.TrimSuffix(line, "\r\n")
	switch line[0] {
	case '+', ':':
		return line[1:]
	case '-':
		msg := strings.TrimPrefix(line[1:], "ERR ")
		msg = strings.TrimPrefix(msg, "user_script:1: ")
		if i := strings.Index(msg, " script: "); i >= 0 {
			msg = msg[:i]
		}
		return "error: " + msg
	case '$':
		n, _ := strconv.Atoi(line[1:])
		if n < 0 {
			return "nil"
		}
		buf := make([]byte, n+2)
		if _, err := io.ReadFull(rc.r, buf); err != nil {
			t.Fatal(err)
		}
		return string(buf[:n])
	}
	t.Fatalf("unexpected reply %q", line)
	return ""
}
