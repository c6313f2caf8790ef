package redisbridge

import "github.com/redmoon-dev/redmoon/keyspace"

// The scripting commands are handlers of the keyspace's command table: whoever dispatches
// commands through the table (the RESP server, the conformance harness, an embedder calling
// keyspace.Dispatch) runs them on the bridge attached to the context's keyspace (For).

// handlers maps table names to the bridge's implementations.
var handlers = map[string]func(b *Bridge, c *keyspace.Ctx, args []string, r keyspace.Reply){
	"eval":       func(b *Bridge, c *keyspace.Ctx, a []string, r keyspace.Reply) { b.cmdEval(c, a, r, false, false) },
	"evalsha":    func(b *Bridge, c *keyspace.Ctx, a []string, r keyspace.Reply) { b.cmdEval(c, a, r, true, false) },
	"eval_ro":    func(b *Bridge, c *keyspace.Ctx, a []string, r keyspace.Reply) { b.cmdEval(c, a, r, false, true) },
	"evalsha_ro": func(b *Bridge, c *keyspace.Ctx, a []string, r keyspace.Reply) { b.cmdEval(c, a, r, true, true) },
	"fcall":      func(b *Bridge, c *keyspace.Ctx, a []string, r keyspace.Reply) { b.cmdFCall(c, a, r, false) },
	"fcall_ro":   func(b *Bridge, c *keyspace.Ctx, a []string, r keyspace.Reply) { b.cmdFCall(c, a, r, true) },

	"script|help":   (*Bridge).cmdScriptHelp,
	"script|flush":  (*Bridge).cmdScriptFlush,
	"script|exists": (*Bridge).cmdScriptExists,
	"script|load":   (*Bridge).cmdScriptLoad,
	"script|kill":   (*Bridge).cmdScriptKill,
	"script|debug":  (*Bridge).cmdScriptDebug,

	"function|help":    (*Bridge).cmdFunctionHelp,
	"function|load":    (*Bridge).cmdFunctionLoad,
	"function|delete":  (*Bridge).cmdFunctionDelete,
	"function|flush":   (*Bridge).cmdFunctionFlush,
	"function|list":    (*Bridge).cmdFunctionList,
	"function|dump":    (*Bridge).cmdFunctionDump,
	"function|restore": (*Bridge).cmdFunctionRestore,
	"function|stats":   (*Bridge).cmdFunctionStats,
	"function|kill":    (*Bridge).cmdFunctionKill,
}

func init() {
	for name, h := range handlers {
		h := h
		err := keyspace.SetHandler(name, func(c *keyspace.Ctx, args []string, r keyspace.Reply) {
			h(For(c.KS), c, args, r)
		})
		if err != nil {
			panic("redisbridge: " + err.Error())
		}
	}
}
