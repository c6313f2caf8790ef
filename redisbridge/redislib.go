package redisbridge

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"

	"github.com/redmoon-dev/redmoon/lua/vm"
)

// The redis table: its members per context are those of Redis 7.0 (luaRegisterRedisAPI, with
// the EVAL-only and FUNCTION LOAD-only members added by the engines).

// Replication flags of redis.set_repl.
const (
	replNone = 0
	replAOF  = 1
	replRepl = 2
	replAll  = replAOF | replRepl
)

// newRedisTable builds the redis table of the runtime API, inserting members in Redis's order
// (which decides pairs(redis)'s order).
func (b *Bridge) newRedisTable(L *vm.State) *vm.Table {
	t := L.NewTable(0, 0)
	fn := func(name string, f func(L *vm.State) int) {
		t.SetStr(name, L.NewFunction(name, f))
	}
	num := func(name string, n int) { t.SetStr(name, vm.Int(n)) }
	fn("call", func(L *vm.State) int { return b.redisCall(L, true) })
	fn("pcall", func(L *vm.State) int { return b.redisCall(L, false) })
	b.addLogFunction(L, t)
	addVersion(t)
	fn("setresp", b.luaSetResp)
	fn("sha1hex", luaSha1hex)
	fn("error_reply", luaErrorReply)
	fn("status_reply", luaStatusReply)
	fn("set_repl", b.luaSetRepl)
	num("REPL_NONE", replNone)
	num("REPL_AOF", replAOF)
	num("REPL_SLAVE", replRepl)
	num("REPL_REPLICA", replRepl)
	num("REPL_ALL", replAll)
	fn("acl_check_cmd", luaACLCheckCmd)
	return t
}

// addEvalMembers adds the members only EVAL scripts have.
func addEvalMembers(L *vm.State, t *vm.Table) {
	t.SetStr("breakpoint", L.NewFunction("breakpoint", func(L *vm.State) int {
		L.Push(vm.False)
		return 1
	}))
	t.SetStr("debug", L.NewFunction("debug", func(L *vm.State) int { return 0 }))
	t.SetStr("replicate_commands", L.NewFunction("replicate_commands", func(L *vm.State) int {
		L.Push(vm.True)
		return 1
	}))
}

// addLogFunction adds redis.log and the LOG_* levels.
func (b *Bridge) addLogFunction(L *vm.State, t *vm.Table) {
	t.SetStr("log", L.NewFunction("log", b.luaLog))
	t.SetStr("LOG_DEBUG", vm.Int(LogDebug))
	t.SetStr("LOG_VERBOSE", vm.Int(LogVerbose))
	t.SetStr("LOG_NOTICE", vm.Int(LogNotice))
	t.SetStr("LOG_WARNING", vm.Int(LogWarning))
}

// addVersion adds REDIS_VERSION_NUM and REDIS_VERSION.
func addVersion(t *vm.Table) {
	t.SetStr("REDIS_VERSION_NUM", vm.Int(VersionNum))
	t.SetStr("REDIS_VERSION", vm.String(Version))
}

// luaLog is redis.log(level, ...).
func (b *Bridge) luaLog(L *vm.State) int {
	argc := L.GetTop()
	if argc < 2 {
		raiseError(L, "redis.log() requires two arguments or more.")
	}
	f, ok := vm.ToNumber(L.Get(1))
	if !ok {
		raiseError(L, "First argument must be a number (log level).")
	}
	level := int(int32(vm.NumberToInt(f)))
	if level < LogDebug || level > LogWarning {
		raiseError(L, "Invalid debug level.")
	}
	if level < b.opts.LogLevel || b.opts.Log == nil {
		return 0
	}
	var sb strings.Builder
	for j := 2; j <= argc; j++ {
		if s, ok := vm.ToString(L.Get(j)); ok {
			if j != 2 {
				sb.WriteByte(' ')
			}
			sb.WriteString(s)
		}
	}
	b.opts.Log(level, sb.String())
	return 0
}

// luaSetResp is redis.setresp(n).
func (b *Bridge) luaSetResp(L *vm.State) int {
	run := b.cur
	if run == nil {
		raiseError(L, "redis.setresp can only be called inside a script invocation")
	}
	if L.GetTop() != 1 {
		raiseError(L, "redis.setresp() requires one argument.")
	}
	f, _ := vm.ToNumber(L.Get(1))
	resp := int(int32(vm.NumberToInt(f)))
	if resp != 2 && resp != 3 {
		raiseError(L, "RESP version must be 2 or 3.")
	}
	run.resp3 = resp == 3
	return 0
}

// luaSetRepl is redis.set_repl(flags). Propagation is not modelled; the flags are validated.
func (b *Bridge) luaSetRepl(L *vm.State) int {
	run := b.cur
	if run == nil {
		raiseError(L, "redis.set_repl can only be called inside a script invocation")
	}
	if L.GetTop() != 1 {
		raiseError(L, "redis.set_repl() requires two arguments.")
	}
	f, _ := vm.ToNumber(L.Get(1))
	flags := int(int32(vm.NumberToInt(f)))
	if flags&^replAll != 0 {
		raiseError(L, "Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.")
	}
	run.repl = flags
	return 0
}

// luaSha1hex is redis.sha1hex(s).
func luaSha1hex(L *vm.State) int {
	if L.GetTop() != 1 {
		raiseError(L, "wrong number of arguments")
	}
	s, _ := vm.ToString(L.Get(1))
	L.Push(vm.String(sha1hex(s)))
	return 1
}

func sha1hex(s string) string {
	sum := sha1.Sum([]byte(s))
	return hex.EncodeToString(sum[:])
}

// luaErrorReply is redis.error_reply(s).
func luaErrorReply(L *vm.State) int {
	if L.GetTop() != 1 || !L.Get(-1).IsString() {
		L.Push(vm.TableValue(errorTable(L, "wrong number or type of arguments")))
		return 1
	}
	s := cString(L.Get(-1).Str())
	if len(s) == 0 || s[0] != '-' {
		s = "-" + s
	}
	L.Push(vm.TableValue(errorTable(L, s)))
	return 1
}

// luaStatusReply is redis.status_reply(s).
func luaStatusReply(L *vm.State) int {
	if L.GetTop() != 1 || !L.Get(-1).IsString() {
		L.Push(vm.TableValue(errorTable(L, "wrong number or type of arguments")))
		return 1
	}
	t := L.NewTable(0, 1)
	t.SetStr("ok", L.Get(-1))
	L.Push(vm.TableValue(t))
	return 1
}

// luaACLCheckCmd is redis.acl_check_cmd(cmd, ...). Every user may run every command here (the
// keyspace has no ACL users), so it answers true for any known command.
func luaACLCheckCmd(L *vm.State) int {
	if L.GetTop() == 0 {
		raiseError(L, errCallNoArgs)
	}
	argv, ok := argsToArgv(L, nil)
	if !ok {
		raiseError(L, errCallArgType)
	}
	if lookupCommand(argv) == nil {
		raiseError(L, "Invalid command passed to redis.acl_check_cmd()")
	}
	L.Push(vm.True)
	return 1
}

// cString returns s up to its first NUL byte, as C string functions see it.
func cString(s string) string {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return s[:i]
	}
	return s
}
