package runner

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/redmoon-dev/redmoon/keyspace"
	"github.com/redmoon-dev/redmoon/redisbridge"
)

// RunJob runs an embedded-scripting job through redisbridge's embedded API (Bridge.Eval or
// Bridge.EvalSha on a fresh keyspace) and measures the timed calls.
func RunJob(job Job) (Result, error) {
	ctx := context.Background()
	b := redisbridge.New(keyspace.New(), redisbridge.Options{})
	for _, cmd := range job.Setup {
		if _, err := b.Do(ctx, cmd...); err != nil {
			return Result{}, fmt.Errorf("setup %v: %v", cmd, err)
		}
	}
	call := func(i int) (redisbridge.Reply, error) {
		return b.Eval(ctx, job.Script, job.Keys, job.argsAt(i))
	}
	if job.Sha {
		sha, err := b.ScriptLoad(job.Script)
		if err != nil {
			return Result{}, err
		}
		call = func(i int) (redisbridge.Reply, error) {
			return b.EvalSha(ctx, sha, job.Keys, job.argsAt(i))
		}
	}
	var res Result
	rep, err := call(0)
	res.First = ReplyText(rep, err)
	for i := 1; i < job.Warmup; i++ {
		call(i)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	cpu0, start := CPUTime(), time.Now()
	var last error
	next := job.Warmup
	for res.Calls == 0 || CPUTime()-cpu0 < job.MinSeconds {
		for i := 0; i < max(job.Calls, 1); i++ {
			rep, last = call(next)
			next++
		}
		res.Calls += max(job.Calls, 1)
	}
	res.WallSeconds = time.Since(start).Seconds()
	res.CPUSeconds = CPUTime() - cpu0
	runtime.ReadMemStats(&after)
	res.Mallocs = after.Mallocs - before.Mallocs
	res.Bytes = after.TotalAlloc - before.TotalAlloc
	res.Last = ReplyText(rep, last)
	return res, nil
}

// ReplyText renders a reply in the driver's text form: i:N for an integer, b:TEXT for a bulk
// string, s:TEXT for a status, e:TEXT for an error, nil for a null, [a,b,...] for an array.
func ReplyText(rep redisbridge.Reply, err error) string {
	if err != nil {
		var re *redisbridge.ReplyError
		if errors.As(err, &re) {
			return "e:" + re.Msg
		}
		return "e:" + err.Error()
	}
	var sb strings.Builder
	writeReply(&sb, rep)
	return sb.String()
}

func writeReply(sb *strings.Builder, r redisbridge.Reply) {
	switch r.Kind {
	case redisbridge.KindNil:
		sb.WriteString("nil")
	case redisbridge.KindInt:
		sb.WriteString("i:" + strconv.FormatInt(r.Int, 10))
	case redisbridge.KindBulk:
		sb.WriteString("b:" + r.Str)
	case redisbridge.KindStatus:
		sb.WriteString("s:" + r.Str)
	case redisbridge.KindError:
		sb.WriteString("e:" + r.Str)
	case redisbridge.KindArray:
		sb.WriteByte('[')
		for i, e := range r.Elems {
			if i > 0 {
				sb.WriteByte(',')
			}
			writeReply(sb, e)
		}
		sb.WriteByte(']')
	default:
		sb.WriteString(r.Kind.String() + ":" + r.Str)
	}
}
