package redis

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/redmoon-dev/redmoon/conformance/oracle"
)

var update = flag.Bool("update", false, "rewrite the committed goldens from the live redis-server")

// corpus loads the case files of this package.
func corpus(t *testing.T) []*File {
	t.Helper()
	files, err := LoadCorpus(".")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no case files under cases/")
	}
	return files
}

// reportMismatches prints each mismatch with a structural diff.
func reportMismatches(t *testing.T, ms []Mismatch) {
	t.Helper()
	for _, m := range ms {
		if m.Problem != "" {
			t.Error(m.String())
			continue
		}
		t.Errorf("%s\ndiff (-want +got):\n%s", m.String(), cmp.Diff(m.Want, m.Got))
	}
}

// TestRecord re-records every case against a live redis-server and fails on any drift from the
// committed goldens; with -update it rewrites the goldens instead.
func TestRecord(t *testing.T) {
	addr, _ := oracle.StartRedis(t)
	target := &RESPTarget{Addr: addr}
	defer target.Close()
	tmp := t.TempDir()
	for _, f := range corpus(t) {
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
			// Write the fresh recording next to nothing we keep, so a failing run can be inspected.
			fresh := filepath.Join(tmp, f.Name+".golden")
			if err := os.WriteFile(fresh, []byte(FormatGolden(recs)), 0o644); err != nil {
				t.Fatal(err)
			}
			want, err := ReadGolden(f.GoldenPath)
			if err != nil {
				t.Fatalf("%v (record it with: go test ./conformance/redis -run TestRecord -update)", err)
			}
			if ms := Compare(f.Name, recs, want); len(ms) > 0 {
				t.Logf("fresh recording kept in %s", fresh)
				reportMismatches(t, ms)
			}
		})
	}
}
