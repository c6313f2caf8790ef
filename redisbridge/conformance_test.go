package redisbridge_test

import (
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	redis "github.com/redmoon-dev/redmoon/conformance/redis"
	"github.com/redmoon-dev/redmoon/keyspace"
	"github.com/redmoon-dev/redmoon/redisbridge"
	"github.com/redmoon-dev/redmoon/server"
)

// The scripting corpus (conformance/redis/cases/scripting-*.cases, functions-*.cases and
// scripts-*.cases) replayed against the bridge: in-process through the keyspace's command table
// in RESP2 and RESP3, and through our RESP server, compared with the goldens recorded from
// redis-server 7.0 (conformance/redis's TestRecord and TestRecordResp3 re-record them live).

// scriptingFile reports whether a case file belongs to the scripting corpus.
func scriptingFile(name string) bool {
	for _, p := range []string{"scripting-", "functions", "scripts-"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

func scriptingCorpus(t *testing.T) []*redis.File {
	t.Helper()
	files, err := redis.LoadCorpus(redis.Dir())
	if err != nil {
		t.Fatal(err)
	}
	var out []*redis.File
	for _, f := range files {
		if scriptingFile(f.Name) {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		t.Fatal("no scripting case files")
	}
	return out
}

// protoTarget selects a protocol after every Reset.
type protoTarget struct {
	redis.Target
	proto int
}

func (t *protoTarget) Reset() error {
	if err := t.Target.Reset(); err != nil {
		return err
	}
	if t.proto == 3 {
		return t.Target.SetProtocol(3)
	}
	return nil
}

// needsMissingLibrary names a bundled library a case uses that this build lacks.
func needsMissingLibrary(c *redis.Case) string {
	for _, st := range c.Steps {
		for _, a := range st.Args {
			if strings.Contains(a, "cjson") && !redisbridge.HasLibrary("cjson") {
				return "cjson"
			}
		}
	}
	return ""
}

// usesMulti reports whether a case runs a transaction, which only a server provides.
func usesMulti(c *redis.Case) bool {
	for _, st := range c.Steps {
		if len(st.Args) > 0 && strings.EqualFold(st.Args[0], "MULTI") {
			return true
		}
	}
	return false
}

func replayCorpus(t *testing.T, target redis.Target, proto int) {
	for _, f := range scriptingCorpus(t) {
		t.Run(f.Name, func(t *testing.T) {
			path := f.GoldenPath
			if proto == 3 {
				path = filepath.Join(filepath.Dir(filepath.Dir(path)), "golden-resp3", f.Name+".golden")
			}
			want, err := redis.ReadGolden(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range f.Cases {
				t.Run(c.Name, func(t *testing.T) {
					if lib := needsMissingLibrary(c); lib != "" {
						t.Skipf("needs %s, not in this build yet", lib)
					}
					if usesMulti(c) {
						t.Skip("MULTI/EXEC is the server's: the network replay (conformance/redis TestServer) checks this case")
					}
					rec, err := redis.Run(target, c)
					if err != nil {
						t.Fatal(err)
					}
					var w []redis.Recording
					for _, g := range want {
						if g.Case == c.Name {
							w = append(w, g)
						}
					}
					if len(w) == 0 {
						t.Fatalf("no golden for case %s", c.Name)
					}
					if !redisbridge.HasLibrary("cjson") && strings.Contains(redis.FormatGolden(w), "cjson") {
						t.Skip("the golden shows cjson, not in this build yet")
					}
					for _, m := range redis.Compare(f.Name, []redis.Recording{rec}, w) {
						if m.Problem != "" {
							t.Error(m.String())
							continue
						}
						t.Errorf("%s\ndiff (-want +got):\n%s", m.String(), cmp.Diff(m.Want, m.Got))
					}
				})
			}
		})
	}
}

// TestCorpusInProcess replays the scripting corpus on a fresh keyspace per case.
func TestCorpusInProcess(t *testing.T) {
	for _, proto := range []int{2, 3} {
		t.Run("resp"+string(rune('0'+proto)), func(t *testing.T) {
			replayCorpus(t, &protoTarget{Target: &redis.KeyspaceTarget{}, proto: proto}, proto)
		})
	}
}

// serverTarget is a RESP target on our server whose clock the test drives.
type serverTarget struct {
	redis.RESPTarget
	ks *keyspace.Keyspace
}

func (t *serverTarget) Sleep(d time.Duration) { t.ks.Clock.Advance(d) }

// startServer serves a keyspace with our RESP server on a loopback port.
func startServer(t *testing.T) (string, *keyspace.Keyspace) {
	t.Helper()
	ks := keyspace.New()
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

// TestCorpusServer replays the scripting corpus through our RESP server (one keyspace and one
// bridge for all cases, as on a real server).
func TestCorpusServer(t *testing.T) {
	if testing.Short() {
		t.Skip("server replay skipped in -short mode")
	}
	addr, ks := startServer(t)
	for _, proto := range []int{2, 3} {
		t.Run("resp"+string(rune('0'+proto)), func(t *testing.T) {
			st := &serverTarget{RESPTarget: redis.RESPTarget{Addr: addr}, ks: ks}
			defer st.Close()
			replayCorpus(t, &protoTarget{Target: st, proto: proto}, proto)
		})
	}
}
