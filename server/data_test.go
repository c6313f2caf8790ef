package server

import (
	"bytes"
	"flag"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
)

var update = flag.Bool("update", false, "re-record the data and golden files from the live redis-server")

// helpCommands are the containers whose HELP text the server answers from data/help.resp3.
var helpCommands = []string{"client", "config", "command", "pubsub", "slowlog", "latency", "memory"}

// rawConn sends commands and reads raw RESP3 replies.
type rawConn struct {
	nc  net.Conn
	buf []byte
}

func dialRaw(t *testing.T, addr string) *rawConn {
	t.Helper()
	nc, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nc.Close() })
	return &rawConn{nc: nc}
}

func encodeCommand(args ...string) []byte {
	var b bytes.Buffer
	b.WriteString("*" + itoa(len(args)) + "\r\n")
	for _, a := range args {
		b.WriteString("$" + itoa(len(a)) + "\r\n" + a + "\r\n")
	}
	return b.Bytes()
}

func itoa(n int) string {
	return string(appendInt(nil, n))
}

func appendInt(b []byte, n int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	var tmp [20]byte
	i := len(tmp)
	for {
		i--
		tmp[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return append(b, tmp[i:]...)
}

// do sends one command and returns its raw reply.
func (r *rawConn) do(t *testing.T, args ...string) []byte {
	t.Helper()
	_ = r.nc.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := r.nc.Write(encodeCommand(args...)); err != nil {
		t.Fatal(err)
	}
	return r.read(t)
}

// read returns the next complete raw reply.
func (r *rawConn) read(t *testing.T) []byte {
	t.Helper()
	tmp := make([]byte, 64*1024)
	for {
		if len(r.buf) > 0 {
			if _, rest, err := parseRESP3(r.buf); err == nil {
				n := len(r.buf) - len(rest)
				out := append([]byte(nil), r.buf[:n]...)
				r.buf = r.buf[n:]
				return out
			}
		}
		n, err := r.nc.Read(tmp)
		if err != nil {
			t.Fatalf("reading a reply: %v (have %q)", err, r.buf)
		}
		r.buf = append(r.buf, tmp[:n]...)
	}
}

// recordData asks redis-server for the data files' contents.
func recordData(t *testing.T) map[string][]byte {
	addr, _ := oracle.StartRedis(t)
	c := dialRaw(t, addr)
	c.do(t, "HELLO", "3")
	help := []byte("%" + itoa(len(helpCommands)) + "\r\n")
	for _, name := range helpCommands {
		help = append(help, "$"+itoa(len(name))+"\r\n"+name+"\r\n"...)
		help = append(help, c.do(t, name, "HELP")...)
	}
	return map[string][]byte{
		"command.resp3":      c.do(t, "COMMAND"),
		"command-docs.resp3": c.do(t, "COMMAND", "DOCS"),
		"help.resp3":         help,
	}
}

// TestCommandData checks the recorded COMMAND, COMMAND DOCS and HELP data against the live
// redis-server (and rewrites it with -update).
func TestCommandData(t *testing.T) {
	for name, data := range recordData(t) {
		path := filepath.Join("data", name)
		if *update {
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		have, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if name == "command.resp3" || name == "command-docs.resp3" {
			// Redis lists commands in hash order, which changes between runs: compare as sets.
			if !sameEntries(t, have, data) {
				t.Errorf("%s differs from redis-server's answer (re-record with -update)", path)
			}
			continue
		}
		if !bytes.Equal(have, data) {
			t.Errorf("%s differs from redis-server's answer (re-record with -update)", path)
		}
	}
}

// sameEntries compares two recorded aggregates element by element regardless of order.
func sameEntries(t *testing.T, a, b []byte) bool {
	va, _, err1 := parseRESP3(a)
	vb, _, err2 := parseRESP3(b)
	if err1 != nil || err2 != nil || len(va.elems) != len(vb.elems) {
		return false
	}
	key := func(v rvalue, i int) string {
		var buf bytes.Buffer
		if v.kind == '%' {
			buf.WriteString(v.elems[i].str)
			return buf.String()
		}
		return v.elems[i].elems[0].str
	}
	step := 1
	if va.kind == '%' {
		step = 2
	}
	index := map[string]int{}
	for i := 0; i < len(vb.elems); i += step {
		index[key(vb, i)] = i
	}
	for i := 0; i < len(va.elems); i += step {
		j, ok := index[key(va, i)]
		if !ok {
			return false
		}
		if step == 2 && !equalValue(va.elems[i+1], vb.elems[j+1]) || step == 1 && !equalValue(va.elems[i], vb.elems[j]) {
			t.Logf("entry %q differs", key(va, i))
			return false
		}
	}
	return true
}

// equalValue compares reply trees regardless of the order of aggregate elements: Redis builds
// the subcommand lists and some maps from hash tables, whose order changes between runs.
func equalValue(a, b rvalue) bool {
	if a.kind != b.kind || a.str != b.str || a.n != b.n || len(a.elems) != len(b.elems) {
		return false
	}
	if a.kind == '~' || a.kind == '%' || a.kind == '*' {
		step := 1
		if a.kind == '%' {
			step = 2
		}
		used := make([]bool, len(b.elems))
		for i := 0; i < len(a.elems); i += step {
			found := false
			for j := 0; j < len(b.elems); j += step {
				if used[j] || !equalValue(a.elems[i], b.elems[j]) || step == 2 && !equalValue(a.elems[i+1], b.elems[j+1]) {
					continue
				}
				used[j], found = true, true
				break
			}
			if !found {
				return false
			}
		}
		return true
	}
	return true
}

// TestCommandDataParses checks that the embedded data loads and covers every command of the
// table.
func TestCommandDataParses(t *testing.T) {
	cmdInfo.load()
	if len(cmdInfo.info) < 300 || len(cmdInfo.docs) < 300 || len(cmdInfo.help) != len(helpCommands) {
		t.Fatalf("loaded %d command entries, %d docs, %d help texts", len(cmdInfo.info), len(cmdInfo.docs), len(cmdInfo.help))
	}
}
