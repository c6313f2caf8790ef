package keyspace

import (
	"fmt"
	"testing"
)

// TestZSetZeroAllocs proves that the read paths of sorted sets (score, rank, ranges by rank,
// score and member, counts) and a score update allocate nothing, on both encodings. (Replies
// that format text, such as GEOPOS and GEODIST, allocate their string.)
func TestZSetZeroAllocs(t *testing.T) {
	ks := New()
	c := ks.NewCtx()
	var r Reply = discard{}
	for _, key := range []string{"small", "big"} {
		n := 50
		if key == "big" {
			n = 5000
		}
		args := []string{"ZADD", key}
		for i := 0; i < n; i++ {
			args = append(args, fmt.Sprint(i), fmt.Sprintf("m%d", i))
		}
		Dispatch(c, args, r)
	}
	for _, key := range []string{"small", "big"} {
		cases := [][]string{
			{"ZSCORE", key, "m7"},
			{"ZSCORE", key, "missing"},
			{"ZRANK", key, "m42"},
			{"ZREVRANK", key, "m42"},
			{"ZCARD", key},
			{"ZRANGE", key, "10", "19", "WITHSCORES"},
			{"ZREVRANGE", key, "0", "9"},
			{"ZRANGEBYSCORE", key, "10", "(20", "WITHSCORES"},
			{"ZRANGE", key, "(10", "20", "BYSCORE", "LIMIT", "2", "3"},
			{"ZREVRANGEBYSCORE", key, "+inf", "-inf", "LIMIT", "0", "5"},
			{"ZCOUNT", key, "-inf", "(30"},
			{"ZMSCORE", key, "m1", "m2", "nope"},
			{"ZADD", key, "7.5", "m7"},
			{"ZADD", key, "7", "m7"},
			{"ZINCRBY", key, "0", "m8"},
		}
		cases = append(cases, []string{"ZRANGEBYLEX", key, "[m1", "(m2", "LIMIT", "0", "5"},
			[]string{"ZREVRANGEBYLEX", key, "(m2", "[m1"}, []string{"ZLEXCOUNT", key, "-", "+"})
		for _, args := range cases {
			if n := testing.AllocsPerRun(500, func() { Dispatch(c, args, r) }); n != 0 {
				t.Errorf("%q allocates %v times per call", args, n)
			}
		}
	}
}
