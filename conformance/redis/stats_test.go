package redis

import (
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	"github.com/redmoon-dev/redmoon/server"
)

// The INFO counters kept by the keyspace (keyspace_hits, keyspace_misses, expired_keys,
// evicted_keys) and the # Keyspace lines (keys, expires, avg_ttl), checked against redis-server.
// The cases in testdata/stats use two pseudo-commands that the targets below answer from INFO
// (servers) or from keyspace.Stats / DBStats (in-process), so that the ordinary golden machinery
// records and compares them:
//
//	STATS-PROBE     -> [keyspace_hits, keyspace_misses, expired_keys, evicted_keys]
//	KEYSPACE-PROBE  -> [[db, keys, expires, avg_ttl], ...] for every database holding keys
//
// Each case starts with the counters at zero (CONFIG RESETSTAT on a server, a fresh keyspace
// in-process).

const statsDir = "testdata/stats"

// statsRESP answers the probes from INFO on a RESP server.
type statsRESP struct{ *RESPTarget }

func (t statsRESP) Reset() error {
	if err := t.RESPTarget.Reset(); err != nil {
		return err
	}
	_, err := t.RESPTarget.Do([]string{"CONFIG", "RESETSTAT"})
	return err
}

func (t statsRESP) Do(args []string) (Value, error) {
	switch args[0] {
	case "STATS-PROBE":
		f, err := t.info("stats")
		if err != nil {
			return Value{}, err
		}
		return intArray(f["keyspace_hits"], f["keyspace_misses"], f["expired_keys"], f["evicted_keys"]), nil
	case "KEYSPACE-PROBE":
		f, err := t.info("keyspace")
		if err != nil {
			return Value{}, err
		}
		out := Value{Kind: Array}
		for db := 0; db < 16; db++ {
			line, ok := f["db"+strconv.Itoa(db)]
			if !ok {
				continue
			}
			var keys, expires, avg int64
			for _, kv := range strings.Split(line, ",") {
				k, v, _ := strings.Cut(kv, "=")
				n, _ := strconv.ParseInt(v, 10, 64)
				switch k {
				case "keys":
					keys = n
				case "expires":
					expires = n
				case "avg_ttl":
					avg = n
				}
			}
			out.Elems = append(out.Elems, intArray(int64(db), keys, expires, avg))
		}
		return out, nil
	}
	return t.RESPTarget.Do(args)
}

// info returns the fields of an INFO section as strings (numbers parsed by the caller).
func (t statsRESP) info(section string) (map[string]string, error) {
	v, err := t.RESPTarget.Do([]string{"INFO", section})
	if err != nil {
		return nil, err
	}
	f := map[string]string{}
	for _, line := range strings.Split(v.Str, "\r\n") {
		if k, val, ok := strings.Cut(line, ":"); ok {
			f[k] = val
		}
	}
	return f, nil
}

func intArray(ns ...any) Value {
	v := Value{Kind: Array}
	for _, n := range ns {
		var x int64
		switch n := n.(type) {
		case int64:
			x = n
		case string:
			x, _ = strconv.ParseInt(n, 10, 64)
		}
		v.Elems = append(v.Elems, Value{Kind: Int, Int: x})
	}
	return v
}

// statsKeyspace answers the probes from the keyspace's own API. Sleep advances the clock and runs
// one active-expiry cycle, as the server's 100 ms timer would have done meanwhile.
type statsKeyspace struct{ KeyspaceTarget }

func (t *statsKeyspace) Do(args []string) (Value, error) {
	switch args[0] {
	case "STATS-PROBE":
		st := t.KS.Stats()
		return intArray(st.Hits, st.Misses, st.ExpiredKeys, st.EvictedKeys), nil
	case "KEYSPACE-PROBE":
		out := Value{Kind: Array}
		for _, d := range t.KS.DBStats() {
			out.Elems = append(out.Elems, intArray(int64(d.ID), int64(d.Keys), int64(d.Expires), d.AvgTTL))
		}
		return out, nil
	}
	return t.KeyspaceTarget.Do(args)
}

func (t *statsKeyspace) Sleep(d time.Duration) {
	t.KS.Clock.Advance(d)
	t.KS.Lock()
	t.KS.ActiveExpireCycle()
	t.KS.Unlock()
}

// TestStats replays testdata/stats on the keyspace and through our server (real time, its own
// active-expiry timer) and compares with the goldens.
func TestStats(t *testing.T) {
	files, err := LoadCorpus(statsDir)
	if err != nil || len(files) == 0 {
		t.Fatalf("corpus %s: %v (%d files)", statsDir, err, len(files))
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := server.New(server.Config{Port: ln.Addr().(*net.TCPAddr).Port})
	done := make(chan struct{})
	go func() { _ = s.Serve(ln); close(done) }()
	t.Cleanup(func() { s.Close(); <-done })
	base := &RESPTarget{Addr: ln.Addr().String()}
	defer base.Close()
	ours := statsRESP{base}
	ks := &statsKeyspace{}
	for _, f := range files {
		want, err := ReadGolden(f.GoldenPath)
		if err != nil {
			t.Fatalf("%v (record it with: go test ./conformance/redis -run TestRecordStats -update)", err)
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
				if testing.Short() && hasSleep(c) {
					return
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

func hasSleep(c *Case) bool {
	for _, st := range c.Steps {
		if st.Directive == "sleep" {
			return true
		}
	}
	return false
}

// TestRecordStats re-records testdata/stats against redis-server and fails on drift; with
// -update it rewrites the goldens.
func TestRecordStats(t *testing.T) {
	addr, _ := oracle.StartRedis(t)
	recordDir(t, addr, statsDir, func(base Target) Target { return statsRESP{base.(*RESPTarget)} })
}
