package redisbridge

import (
	"github.com/redmoon-dev/redmoon/keyspace"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// The redis.call / redis.pcall path (luaRedisGenericCommand and scriptCall of Redis 7.0). The
// command is looked up in the keyspace's table once, its arguments are the Lua strings
// themselves (no copy), and it writes its reply into the run's luaSink, which pushes the Lua
// value. Nothing is allocated for a command with a scalar reply and string arguments.

// Error texts of redis.call, as scriptCall and luaArgsToRedisArgv write them (ERR is prepended).
const (
	errCallNoArgs     = "Please specify at least one argument for this redis lib call"
	errCallArgType    = "Lua redis lib command arguments must be strings or integers"
	errCallUnknown    = "Unknown Redis command called from script"
	errCallArity      = "Wrong number of args calling Redis command from script"
	errCallNoScript   = "This Redis command is not allowed from script"
	errCallOutsideRun = "redis.call/pcall can only be called inside a script invocation"
)

// argsToArgv converts the Lua arguments of a redis.* call to strings (numbers as "%.17g", as
// Redis 7.0 formats them), reusing buf. It returns false when an argument is of another type.
func argsToArgv(L *vm.State, buf []string) ([]string, bool) {
	argc := L.GetTop()
	argv := buf[:0]
	for i := 1; i <= argc; i++ {
		v := L.Get(i)
		switch {
		case v.IsString():
			argv = append(argv, v.Str())
		case v.IsNumber():
			argv = append(argv, formatDouble17(v.Float()))
		default:
			return argv, false
		}
	}
	return argv, true
}

// lookupCommand finds the command or subcommand argv names, as Redis's lookupCommand does for
// scripts: a container called with a subcommand resolves to that subcommand (nil if unknown).
func lookupCommand(argv []string) *keyspace.Command {
	cmd := keyspace.Lookup(argv[0])
	if cmd != nil && cmd.Subs != nil && len(argv) >= 2 {
		cmd = cmd.Sub(argv[1])
	}
	return cmd
}

// redisCall implements redis.call (raise) and redis.pcall.
func (b *Bridge) redisCall(L *vm.State, raise bool) int {
	run := b.cur
	if run == nil || run.L != L.MainThread() {
		raiseError(L, errCallOutsideRun)
	}
	if L.GetTop() == 0 {
		return callFailed(L, raise, errCallNoArgs, false)
	}
	argv, ok := argsToArgv(L, run.argv)
	run.argv = argv
	if !ok {
		clear(argv)
		return callFailed(L, raise, errCallArgType, false)
	}
	L.SetTop(0)
	cmd := lookupCommand(argv)
	var msg string
	switch {
	case cmd == nil:
		msg = errCallUnknown
	case !cmd.ArityOK(len(argv)):
		msg = errCallArity
	case cmd.Flags&keyspace.FlagNoScript != 0:
		msg = errCallNoScript
	case run.readOnly && (cmd.Flags&keyspace.FlagWrite != 0 || mayReplicate(cmd)):
		msg = errReadOnlyWrite
	case cmd.Handler == nil:
		// A command of the 7.0 table this build does not implement.
		msg = errCallUnknown
	}
	if msg != "" {
		clear(argv)
		return callFailed(L, raise, msg, true)
	}
	if cmd.Flags&keyspace.FlagWrite != 0 && !b.run.markWrite() {
		clear(argv)
		b.raiseKilled(L)
	}
	sink := &run.sink
	sink.reset(L, run.resp3)
	cmd.Call(&run.ctx, argv, sink)
	clear(argv)
	if raise && sink.isErr {
		L.Error(L.Get(-1))
	}
	return 1
}

// callFailed answers a refused call: the error table {err="ERR msg"} (with
// ignore_error_stats_update for refusals after the arguments were read) is raised by redis.call
// and returned by redis.pcall.
func callFailed(L *vm.State, raise bool, msg string, ignoreStats bool) int {
	t := errorTable(L, msg)
	if ignoreStats {
		t.SetStr("ignore_error_stats_update", vm.True)
	}
	if raise {
		L.Error(vm.TableValue(t))
	}
	L.SetTop(0)
	L.Push(vm.TableValue(t))
	return 1
}

// mayReplicate reports whether cmd has Redis's hidden may-replicate flag (COMMAND INFO does not
// show it, so the command table lacks it): read-only scripts refuse these as writes.
func mayReplicate(cmd *keyspace.Command) bool {
	switch cmd.Name {
	case "publish", "spublish", "pfcount":
		return true
	}
	return false
}
