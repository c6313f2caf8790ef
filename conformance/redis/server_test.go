package redis

import (
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	"github.com/redmoon-dev/redmoon/keyspace"
	"github.com/redmoon-dev/redmoon/server"
)

// The case files replayed through the network path: our RESP server (package server) serves an
// in-process keyspace on a loopback port and the harness talks RESP to it, in RESP2 against the
// goldens in golden/, and in RESP3 (HELLO 3 at the start of every case) against golden-resp3/,
// recorded from redis-server the same way (TestRecordResp3).

// serverTarget is a RESPTarget on our server whose keyspace clock the test controls, so that
// !sleep advances time instantly as it does for the in-process keyspace target.
type serverTarget struct {
	RESPTarget
	ks    *keyspace.Keyspace
	proto int // protocol selected after every Reset
}

func (t *serverTarget) Reset() error {
	if err := t.RESPTarget.Reset(); err != nil {
		return err
	}
	if t.proto == 3 {
		return t.RESPTarget.SetProtocol(3)
	}
	return nil
}

func (t *serverTarget) Sleep(d time.Duration) {
	if t.ks == nil {
		time.Sleep(d)
		return
	}
	t.ks.Clock.Advance(d)
}

// startOurServer runs our server for the test on a free loopback port.
func startOurServer(t *testing.T) (addr string, ks *keyspace.Keyspace) {
	t.Helper()
	ks = keyspace.New()
	ks.Clock.Set(time.Now().UnixMilli())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := server.New(server.Config{Keyspace: ks, Port: ln.Addr().(*net.TCPAddr).Port})
	done := make(chan struct{})
	go func() { _ = s.Serve(ln); close(done) }()
	t.Cleanup(func() { s.Close(); <-done })
	return ln.Addr().String(), ks
}

// goldenDir is where a protocol's goldens live.
func goldenDir(proto int) string {
	if proto == 3 {
		return "golden-resp3"
	}
	return "golden"
}

// TestServer replays every case through our RESP server in RESP2 and RESP3.
func TestServer(t *testing.T) {
	addr, ks := startOurServer(t)
	missing := newServerMissing(t, addr)
	for _, proto := range []int{2, 3} {
		target := &serverTarget{RESPTarget: RESPTarget{Addr: addr}, ks: ks, proto: proto}
		t.Run("resp"+string(rune('0'+proto)), func(t *testing.T) {
			defer target.Close()
			for _, f := range corpus(t) {
				t.Run(f.Name, func(t *testing.T) {
					want, err := ReadGolden(filepath.Join(goldenDir(proto), f.Name+".golden"))
					if err != nil {
						t.Fatalf("%v (record it with: go test ./conformance/redis -run TestRecordResp3 -update)", err)
					}
					for _, c := range f.Cases {
						t.Run(c.Name, func(t *testing.T) {
							if m := missing.Missing(c); m != "" {
								t.Skipf("needs %s, not implemented by the server yet", m)
							}
							rec, err := Run(target, c)
							if err != nil {
								t.Fatal(err)
							}
							var w []Recording
							for _, g := range want {
								if g.Case == c.Name {
									w = append(w, g)
								}
							}
							if len(w) == 0 {
								t.Fatalf("no golden for case %s (record it with -update)", c.Name)
							}
							reportMismatches(t, Compare(f.Name, []Recording{rec}, w))
						})
					}
				})
			}
		})
	}
}

// TestRecordResp3 records every case against a live redis-server with the connection in RESP3
// and fails on drift from golden-resp3/; with -update it rewrites them.
func TestRecordResp3(t *testing.T) {
	addr, _ := oracle.StartRedis(t)
	target := &serverTarget{RESPTarget: RESPTarget{Addr: addr}, proto: 3}
	defer target.Close()
	tmp := t.TempDir()
	if err := os.MkdirAll(goldenDir(3), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range corpus(t) {
		t.Run(f.Name, func(t *testing.T) {
			recs, err := RunFile(target, f)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(goldenDir(3), f.Name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(FormatGolden(recs)), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			fresh := filepath.Join(tmp, f.Name+".golden")
			if err := os.WriteFile(fresh, []byte(FormatGolden(recs)), 0o644); err != nil {
				t.Fatal(err)
			}
			want, err := ReadGolden(path)
			if err != nil {
				t.Fatalf("%v (record it with: go test ./conformance/redis -run TestRecordResp3 -update)", err)
			}
			if ms := Compare(f.Name, recs, want); len(ms) > 0 {
				t.Logf("fresh recording kept in %s", fresh)
				reportMismatches(t, ms)
			}
		})
	}
}

// serverMissing finds the commands of a case that our server does not implement, by asking it
// (COMMAND INFO answers nil for them): connection commands such as MULTI are the server's own.
type serverMissing struct {
	conn  *Conn
	known map[string]bool
}

func newServerMissing(t *testing.T, addr string) *serverMissing {
	c, err := Dial(addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return &serverMissing{conn: c, known: map[string]bool{}}
}

func (m *serverMissing) implemented(name string) bool {
	if ok, seen := m.known[name]; seen {
		return ok
	}
	v, err := m.conn.Do("COMMAND", "INFO", name)
	ok := err == nil && v.Kind == Array && len(v.Elems) == 1 && v.Elems[0].Kind == Array
	m.known[name] = ok
	return ok
}

// Missing returns the first command (or "container|sub") of c the server lacks, or "".
func (m *serverMissing) Missing(c *Case) string {
	for _, st := range c.Steps {
		if !st.IsCommand() {
			continue
		}
		cmd := keyspace.Lookup(st.Args[0])
		if cmd == nil {
			continue // unknown to Redis too: the case checks the error
		}
		name := cmd.Name
		if cmd.Subs != nil && len(st.Args) >= 2 {
			if sub := cmd.Sub(st.Args[1]); sub != nil {
				name = sub.Name
			}
		}
		if !m.implemented(name) {
			return name
		}
	}
	return ""
}
