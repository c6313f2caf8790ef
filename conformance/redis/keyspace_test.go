package redis

import "testing"

// TestKeyspace replays every case against our keyspace in-process and compares with the goldens.
func TestKeyspace(t *testing.T) {
	target := &KeyspaceTarget{}
	for _, f := range corpus(t) {
		t.Run(f.Name, func(t *testing.T) {
			want, err := ReadGolden(f.GoldenPath)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range f.Cases {
				t.Run(c.Name, func(t *testing.T) {
					if m := target.Missing(c); m != "" {
						t.Skipf("needs %s, not implemented in the keyspace yet", m)
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
}
