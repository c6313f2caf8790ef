package runner

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/redmoon-dev/redmoon/conformance/oracle"
	"github.com/redmoon-dev/redmoon/conformance/redis"
	"github.com/redmoon-dev/redmoon/redisbridge"
)

// checkCalls is how many calls the embedded tests make: the golden file holds the replies of
// the first and of the last (the state of INCR, the rate limiter and HSET evolves).
const checkCalls = 12

var embeddedGolden = filepath.Join("testdata", "embedded.json")

// replies is the golden record of one script: the first and the last of checkCalls calls.
type replies struct {
	First string `json:"first"`
	Last  string `json:"last"`
}

// redisReplies runs each embedded script checkCalls times on a fresh database of redis-server
// with EVAL and returns the replies in the runner's text form.
func redisReplies(t *testing.T) map[string]replies {
	addr, _ := oracle.StartRedis(t)
	conn, err := redis.Dial(addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	out := map[string]replies{}
	for _, sc := range EmbeddedScripts() {
		if _, err := conn.Do("FLUSHALL"); err != nil {
			t.Fatal(err)
		}
		for _, c := range sc.Job.Setup {
			if _, err := conn.Do(c...); err != nil {
				t.Fatal(err)
			}
		}
		var rec replies
		for i := 0; i < checkCalls; i++ {
			cmd := []string{"EVAL", sc.Job.Script, strconv.Itoa(len(sc.Job.Keys))}
			cmd = append(append(cmd, sc.Job.Keys...), sc.Job.argsAt(i)...)
			v, err := conn.Do(cmd...)
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				rec.First = valueText(v)
			}
			rec.Last = valueText(v)
		}
		out[sc.Name] = rec
	}
	return out
}

// valueText renders a reply read from redis-server in the runner's text form.
func valueText(v redis.Value) string {
	switch v.Kind {
	case redis.Int:
		return "i:" + strconv.FormatInt(v.Int, 10)
	case redis.Bulk:
		return "b:" + v.Str
	case redis.Simple:
		return "s:" + v.Str
	case redis.Error:
		return "e:" + v.Str
	case redis.Null, redis.NullArray, redis.Nil:
		return "nil"
	case redis.Array:
		parts := make([]string, len(v.Elems))
		for i, e := range v.Elems {
			parts[i] = valueText(e)
		}
		return "[" + strings.Join(parts, ",") + "]"
	}
	return v.String()
}

func loadEmbeddedGolden(t *testing.T) map[string]replies {
	if *update {
		data, err := json.MarshalIndent(redisReplies(t), "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(embeddedGolden, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(embeddedGolden)
	if err != nil {
		t.Fatalf("%v (record it with go test -run TestEmbeddedScriptsMatchRedis -update)", err)
	}
	var want map[string]replies
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	return want
}

// TestEmbeddedScriptsMatchRedis runs each script of the embedded table through RunJob, with
// EVAL and with EVALSHA, and compares the first and last replies with redis-server's.
func TestEmbeddedScriptsMatchRedis(t *testing.T) {
	want := loadEmbeddedGolden(t)
	for _, sc := range EmbeddedScripts() {
		for _, sha := range []bool{false, true} {
			t.Run(sc.Name+"/sha="+strconv.FormatBool(sha), func(t *testing.T) {
				job := sc.Job
				job.Sha, job.Warmup, job.Calls = sha, 0, checkCalls-1
				res, err := RunJob(job)
				if err != nil {
					t.Fatal(err)
				}
				if res.Calls != checkCalls-1 {
					t.Errorf("%d timed calls, want %d", res.Calls, checkCalls-1)
				}
				got := replies{First: res.First, Last: res.Last}
				if diff := cmp.Diff(want[sc.Name], got); diff != "" {
					t.Errorf("replies differ from redis-server's (-redis +redmoon):\n%s", diff)
				}
			})
		}
	}
}

// TestEmbeddedGoldenMatchesLiveRedis re-checks the recorded replies against redis-server.
func TestEmbeddedGoldenMatchesLiveRedis(t *testing.T) {
	oracle.Binary(t, "redis-server")
	want := loadEmbeddedGolden(t)
	if diff := cmp.Diff(want, redisReplies(t)); diff != "" {
		t.Errorf("golden file differs from the live redis-server (-golden +live):\n%s", diff)
	}
}

// TestRunJobMinSeconds checks that batches repeat until the CPU-time floor is reached.
func TestRunJobMinSeconds(t *testing.T) {
	job := EmbeddedScripts()[0].Job
	job.Calls, job.MinSeconds = 10, 0.02
	res, err := RunJob(job)
	if err != nil {
		t.Fatal(err)
	}
	if res.Calls < 10 || res.Calls%10 != 0 {
		t.Errorf("%d calls, want a positive multiple of 10", res.Calls)
	}
	if res.CPUSeconds < 0.02 && CPUTime() > 0 {
		t.Errorf("timed calls used %v s of CPU, want at least 0.02", res.CPUSeconds)
	}
}

// TestReplyText covers the text form of every reply kind the scripts produce.
func TestReplyText(t *testing.T) {
	cases := []struct {
		rep  redisbridge.Reply
		err  error
		want string
	}{
		{redisbridge.Reply{Kind: redisbridge.KindNil}, nil, "nil"},
		{redisbridge.Reply{Kind: redisbridge.KindInt, Int: -3}, nil, "i:-3"},
		{redisbridge.Reply{Kind: redisbridge.KindBulk, Str: "a b"}, nil, "b:a b"},
		{redisbridge.Reply{Kind: redisbridge.KindStatus, Str: "OK"}, nil, "s:OK"},
		{redisbridge.Reply{Kind: redisbridge.KindError, Str: "ERR x"}, nil, "e:ERR x"},
		{redisbridge.Reply{Kind: redisbridge.KindArray, Elems: []redisbridge.Reply{
			{Kind: redisbridge.KindInt, Int: 1}, {Kind: redisbridge.KindArray}, {Kind: redisbridge.KindNil},
		}}, nil, "[i:1,[],nil]"},
		{redisbridge.Reply{}, &redisbridge.ReplyError{Msg: "NOSCRIPT No matching script"}, "e:NOSCRIPT No matching script"},
		{redisbridge.Reply{}, errors.New("boom"), "e:boom"},
	}
	for _, c := range cases {
		if got := ReplyText(c.rep, c.err); got != c.want {
			t.Errorf("ReplyText(%+v, %v) = %q, want %q", c.rep, c.err, got, c.want)
		}
	}
}
