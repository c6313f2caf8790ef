package redis

import (
	"net"
	"testing"
	"time"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	"github.com/redmoon-dev/redmoon/keyspace"
	"github.com/redmoon-dev/redmoon/server"
)

// The cases of testdata/databases4 run on a data set of 4 databases: recorded from
// `redis-server --databases 4`, replayed on a keyspace made with keyspace.Options{Databases: 4}
// and through our server configured with Databases: 4.

const databases4Dir = "testdata/databases4"

// dbCountTarget is the in-process keyspace target with a given number of databases.
type dbCountTarget struct {
	KeyspaceTarget
	databases int
}

func (t *dbCountTarget) Reset() error {
	t.KS = keyspace.NewWithOptions(keyspace.Options{Databases: t.databases})
	t.KS.Clock.Set(time.Now().UnixMilli())
	t.ctx = t.KS.NewCtx()
	t.resp3 = false
	return nil
}

func TestDatabases4(t *testing.T) {
	files, err := LoadCorpus(databases4Dir)
	if err != nil || len(files) == 0 {
		t.Fatalf("corpus %s: %v (%d files)", databases4Dir, err, len(files))
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := server.New(server.Config{Databases: 4, Port: ln.Addr().(*net.TCPAddr).Port})
	done := make(chan struct{})
	go func() { _ = s.Serve(ln); close(done) }()
	t.Cleanup(func() { s.Close(); <-done })
	ours := &RESPTarget{Addr: ln.Addr().String()}
	defer ours.Close()
	ks := &dbCountTarget{databases: 4}
	for _, f := range files {
		want, err := ReadGolden(f.GoldenPath)
		if err != nil {
			t.Fatalf("%v (record it with: go test ./conformance/redis -run TestRecordDatabases4 -update)", err)
		}
		for _, c := range f.Cases {
			t.Run(f.Name+"/"+c.Name, func(t *testing.T) {
				var w []Recording
				for _, g := range want {
					if g.Case == c.Name {
						w = append(w, g)
					}
				}
				if len(w) == 0 {
					t.Fatalf("no golden for case %s (record it with -update)", c.Name)
				}
				if m := ks.Missing(c); m == "" {
					rec, err := Run(ks, c)
					if err != nil {
						t.Fatal(err)
					}
					reportMismatches(t, Compare(f.Name, []Recording{rec}, w))
				}
				rec, err := Run(ours, c)
				if err != nil {
					t.Fatal(err)
				}
				reportMismatches(t, Compare(f.Name+" (server)", []Recording{rec}, w))
			})
		}
	}
}

// TestRecordDatabases4 re-records testdata/databases4 against redis-server --databases 4 and
// fails on drift; with -update it rewrites the goldens.
func TestRecordDatabases4(t *testing.T) {
	addr, _ := oracle.StartRedis(t, "--databases", "4")
	recordDir(t, addr, databases4Dir, nil)
}

// recordDir records the corpus under dir against the server at addr (through wrap, when set)
// and compares with (or, with -update, writes) its goldens.
func recordDir(t *testing.T, addr, dir string, wrap func(Target) Target) {
	t.Helper()
	files, err := LoadCorpus(dir)
	if err != nil || len(files) == 0 {
		t.Fatalf("corpus %s: %v (%d files)", dir, err, len(files))
	}
	base := &RESPTarget{Addr: addr}
	defer base.Close()
	var target Target = base
	if wrap != nil {
		target = wrap(base)
	}
	for _, f := range files {
		t.Run(f.Name, func(t *testing.T) {
			recs, err := RunFile(target, f)
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				if err := WriteGolden(f, recs); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := ReadGolden(f.GoldenPath)
			if err != nil {
				t.Fatalf("%v (record it with -update)", err)
			}
			reportMismatches(t, Compare(f.Name, recs, want))
		})
	}
}
