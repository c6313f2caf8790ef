package redisbridge

import (
	"strings"

	"github.com/redmoon-dev/redmoon/keyspace"
)

// The SCRIPT command (scriptCommand of Redis 7.0). The keyspace's dispatcher has already
// resolved the subcommand and checked its arity.

var scriptHelp = []string{
	"DEBUG (YES|SYNC|NO)",
	"    Set the debug mode for subsequent scripts executed.",
	"EXISTS <sha1> [<sha1> ...]",
	"    Return information about the existence of the scripts in the script cache.",
	"FLUSH [ASYNC|SYNC]",
	"    Flush the Lua scripts cache. Very dangerous on replicas.",
	"    When called without the optional mode argument, the behavior is determined by the",
	"    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
	"    * ASYNC: Asynchronously flush the scripts cache.",
	"    * SYNC: Synchronously flush the scripts cache.",
	"KILL",
	"    Kill the currently executing Lua script.",
	"LOAD <script>",
	"    Load a script into the scripts cache without executing it.",
}

// writeHelp is addReplyHelp: a title line, the lines, and the HELP entry, as status replies.
func writeHelp(r keyspace.Reply, cmd string, lines []string) {
	r.ArrayLen(len(lines) + 3)
	r.SimpleString(cmd + " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:")
	for _, l := range lines {
		r.SimpleString(l)
	}
	r.SimpleString("HELP")
	r.SimpleString("    Prints this help.")
}

// flushMode validates the optional SYNC|ASYNC argument of SCRIPT FLUSH and FUNCTION FLUSH.
func flushMode(args []string) bool {
	if len(args) == 2 {
		return true
	}
	return len(args) == 3 && (strings.EqualFold(args[2], "sync") || strings.EqualFold(args[2], "async"))
}

func (b *Bridge) cmdScriptHelp(c *keyspace.Ctx, args []string, r keyspace.Reply) {
	writeHelp(r, "SCRIPT", scriptHelp)
}

func (b *Bridge) cmdScriptFlush(c *keyspace.Ctx, args []string, r keyspace.Reply) {
	if !flushMode(args) {
		r.Error("ERR SCRIPT FLUSH only support SYNC|ASYNC option")
		return
	}
	b.ScriptFlush()
	r.SimpleString("OK")
}

// ScriptFlush empties the script cache and recreates the EVAL Lua state (SCRIPT FLUSH). The
// keyspace lock must be held.
func (b *Bridge) ScriptFlush() { b.eval = newEvalEngine(b) }

func (b *Bridge) cmdScriptExists(c *keyspace.Ctx, args []string, r keyspace.Reply) {
	r.ArrayLen(len(args) - 2)
	for _, sha := range args[2:] {
		if b.eval.lookup(sha) != nil {
			r.Integer(1)
		} else {
			r.Integer(0)
		}
	}
}

func (b *Bridge) cmdScriptLoad(c *keyspace.Ctx, args []string, r keyspace.Reply) {
	s, msg := b.eval.create(args[2])
	if s == nil {
		r.Error(msg)
		return
	}
	r.Bulk(s.sha)
}

func (b *Bridge) cmdScriptKill(c *keyspace.Ctx, args []string, r keyspace.Reply) {
	replyKill(r, b.Kill(false))
}

func replyKill(r keyspace.Reply, msg string) {
	if msg != "" {
		r.Error(msg)
		return
	}
	r.SimpleString("OK")
}

// cmdScriptDebug answers SCRIPT DEBUG. The Lua debugger (LDB) is not implemented: NO is
// accepted, YES and SYNC are refused with an explicit error, other values get Redis's error.
// Inside MULTI, Redis refuses every form first (the transaction's replies are pending).
func (b *Bridge) cmdScriptDebug(c *keyspace.Ctx, args []string, r keyspace.Reply) {
	if c.Flags&keyspace.InMulti != 0 {
		r.Error("ERR SCRIPT DEBUG must be called outside a pipeline")
		return
	}
	switch strings.ToLower(args[2]) {
	case "no":
		r.SimpleString("OK")
	case "yes", "sync":
		r.Error("ERR SCRIPT DEBUG is not supported: this server has no Lua debugger")
	default:
		r.Error("ERR Use SCRIPT DEBUG YES/SYNC/NO")
	}
}
