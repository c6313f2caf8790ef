package redisbridge

import (
	"context"
	"strconv"

	"github.com/redmoon-dev/redmoon/keyspace"
)

// The embedded API: Go programs run scripts on a keyspace without a server. Each call takes the
// keyspace lock for the whole run (a script is atomic), so it must not be made while holding it.

// ReplyError is an error reply: a script's error, a command's error or a refusal, with its
// code, exactly as a client would read it ("ERR ...", "NOSCRIPT ...", "WRONGTYPE ...").
type ReplyError struct {
	Msg string
	// Cause is the context's error when the run was stopped because its context ended.
	Cause error
}

func (e *ReplyError) Error() string { return e.Msg }

// Unwrap returns the context error that stopped the run, if any.
func (e *ReplyError) Unwrap() error { return e.Cause }

// Do runs one command (any command of the keyspace's table, EVAL and FCALL included) with the
// keyspace lock held, on database 0, and returns its reply. An error reply is returned both as
// the Reply and as a *ReplyError. Cancelling ctx while a script runs acts as SCRIPT KILL (or
// FUNCTION KILL): a script that has not written yet stops with "ERR Script killed by user with
// SCRIPT KILL..." and the error unwraps to ctx.Err(); a script that has written runs to its end.
func (b *Bridge) Do(ctx context.Context, args ...string) (Reply, error) {
	if len(args) == 0 {
		return Reply{}, &ReplyError{Msg: "ERR unknown command ''"}
	}
	if err := ctx.Err(); err != nil {
		return Reply{}, err
	}
	sink := &replySink{resp3: b.opts.RESP3}
	b.ks.Lock()
	c := b.ks.NewCtx()
	var stop func() bool
	if ctx.Done() != nil {
		id := b.run.nextID()
		stop = context.AfterFunc(ctx, func() { b.killRun(id) })
	}
	keyspace.Dispatch(c, args, sink)
	if stop != nil {
		stop()
	}
	b.ks.Unlock()
	rep := sink.result()
	if rep.Kind == KindError {
		err := &ReplyError{Msg: rep.Str}
		if ctx.Err() != nil {
			err.Cause = ctx.Err()
		}
		return rep, err
	}
	return rep, nil
}

// Eval runs a script (EVAL script numkeys keys... args...).
func (b *Bridge) Eval(ctx context.Context, script string, keys, args []string) (Reply, error) {
	return b.Do(ctx, scriptArgs("EVAL", script, keys, args)...)
}

// EvalRO runs a script read-only (EVAL_RO).
func (b *Bridge) EvalRO(ctx context.Context, script string, keys, args []string) (Reply, error) {
	return b.Do(ctx, scriptArgs("EVAL_RO", script, keys, args)...)
}

// EvalSha runs a cached script by its SHA1 (EVALSHA).
func (b *Bridge) EvalSha(ctx context.Context, sha string, keys, args []string) (Reply, error) {
	return b.Do(ctx, scriptArgs("EVALSHA", sha, keys, args)...)
}

// FCall calls a function (FCALL).
func (b *Bridge) FCall(ctx context.Context, name string, keys, args []string) (Reply, error) {
	return b.Do(ctx, scriptArgs("FCALL", name, keys, args)...)
}

// FCallRO calls a function read-only (FCALL_RO).
func (b *Bridge) FCallRO(ctx context.Context, name string, keys, args []string) (Reply, error) {
	return b.Do(ctx, scriptArgs("FCALL_RO", name, keys, args)...)
}

// ScriptLoad compiles a script into the cache without running it and returns its SHA1.
func (b *Bridge) ScriptLoad(script string) (string, error) {
	rep, err := b.Do(context.Background(), "SCRIPT", "LOAD", script)
	if err != nil {
		return "", err
	}
	return rep.Str, nil
}

func scriptArgs(cmd, script string, keys, args []string) []string {
	argv := make([]string, 0, 3+len(keys)+len(args))
	argv = append(argv, cmd, script, strconv.Itoa(len(keys)))
	argv = append(argv, keys...)
	return append(argv, args...)
}
