package server

import (
	"strings"
	"time"

	"github.com/redmoon-dev/redmoon/keyspace"
	"github.com/redmoon-dev/redmoon/server/resp"
)

// connHandler implements a command that needs the connection (HELLO, CLIENT, MULTI, SUBSCRIBE,
// ...). It runs with the execution lock held and writes exactly one reply to c.out.
type connHandler func(c *client, args []string)

// resolved caches, per command of the table, its connection handler.
var connByCmd = map[*keyspace.Command]connHandler{}

// bindConnCommands attaches the connection handlers to the table rows. It runs once, after every
// init function has registered.
func bindConnCommands() {
	for name, h := range connCommands {
		cmd := lookupFull(name)
		if cmd == nil {
			panic("server: no command " + name + " in the table")
		}
		connByCmd[cmd] = h
	}
}

func lookupFull(name string) *keyspace.Command {
	parent, sub, ok := strings.Cut(name, "|")
	cmd := keyspace.Lookup(parent)
	if cmd == nil || !ok {
		return cmd
	}
	return cmd.Subs[sub]
}

// implemented reports whether cmd has an implementation, on the connection or in the keyspace.
func implemented(cmd *keyspace.Command) bool {
	return cmd.Handler != nil || connByCmd[cmd] != nil
}

// containerImplemented reports whether any subcommand of a container is implemented.
func containerImplemented(cmd *keyspace.Command) bool {
	for _, sub := range cmd.Subs {
		if implemented(sub) {
			return true
		}
	}
	return false
}

// resolve finds the command or subcommand args name and checks its arity, with Redis's errors:
// unknown command, unknown subcommand (cmd nil), wrong number of arguments (cmd set).
func resolve(args []string) (*keyspace.Command, string) {
	return resolveFrom(keyspace.Lookup(args[0]), args)
}

// resolveFrom is resolve with the top-level command already looked up.
func resolveFrom(cmd *keyspace.Command, args []string) (*keyspace.Command, string) {
	if cmd != nil && cmd.Subs != nil {
		if !containerImplemented(cmd) {
			return nil, keyspace.UnknownCommandError(args)
		}
		if len(args) >= 2 {
			sub := cmd.Sub(args[1])
			if sub == nil || !implemented(sub) {
				return nil, keyspace.UnknownSubcommandError(args)
			}
			cmd = sub
		}
	} else if cmd != nil && !implemented(cmd) {
		cmd = nil
	}
	if cmd == nil {
		return nil, keyspace.UnknownCommandError(args)
	}
	if !cmd.ArityOK(len(args)) {
		return cmd, keyspace.ArityError(cmd) // the command is known: EXEC words this error its way
	}
	return cmd, ""
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// errText replaces CR and LF with spaces, as Redis does in error replies quoting user input.
func errText(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\r' || r == '\n' {
			return ' '
		}
		return r
	}, s)
}

// execute runs one request as Redis's processCommand does, with the execution lock held and the
// command already resolved (cmd nil: msg is the lookup or arity error): QUIT, authentication,
// the restrictions of MULTI and of RESP2 subscriber mode, queueing inside MULTI, and finally the
// call, followed by serving the clients blocked on keys it made ready.
func (c *client) execute(cmd *keyspace.Command, msg string, args []string) {
	s := c.s
	c.takePush()
	if cmd == quitCmd {
		// QUIT is answered before any other check, whatever its arguments.
		c.w.SimpleString("OK")
		c.flags |= flagCloseAfter
		return
	}
	c.beginReply()
	switch {
	case msg != "":
		c.reject(cmd, msg)
	case !c.authed && !cmd.Has(keyspace.FlagNoAuth):
		c.reject(cmd, "NOAUTH Authentication required.")
	case c.flags&flagMulti != 0 && cmd.Has(keyspace.FlagNoMulti):
		c.reject(cmd, "ERR Command not allowed inside a transaction")
	case c.flags&flagPubSub != 0 && !c.resp3 && !allowedInSubscribe(cmd):
		c.reject(cmd, "ERR Can't execute '"+cmd.Name+"': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context")
	case c.flags&flagMulti != 0 && !runsInMulti(cmd):
		c.queue(cmd, args)
		c.out.SimpleString("QUEUED")
	default:
		c.call(cmd, args, true)
		if len(s.swaps) > 0 {
			s.settleSwaps()
		}
		if len(s.blocked.ready) > 0 {
			s.serveReady()
		}
	}
	c.endReply()
}

var quitCmd = keyspace.Lookup("quit")

// reject answers a command that will not run; inside MULTI it also dooms the transaction. A
// rejected EXEC discards the transaction and says why, as Redis's execCommandAbort.
func (c *client) reject(cmd *keyspace.Command, msg string) {
	c.s.stats.errorReplies++
	if cmd == execCmd {
		c.discardTransaction()
		c.out.Error(execAbort(msg))
		return
	}
	if c.flags&flagMulti != 0 {
		c.flags |= flagDirtyExec
	}
	c.out.Error(msg)
}

var execCmd = keyspace.Lookup("exec")

// execAbort words the refusal of EXEC: the reason without its "ERR " code.
func execAbort(msg string) string {
	return "EXECABORT Transaction discarded because of: " + strings.TrimPrefix(msg, "ERR ")
}

func allowedInSubscribe(cmd *keyspace.Command) bool {
	switch cmd.Name {
	case "ping", "subscribe", "ssubscribe", "unsubscribe", "sunsubscribe", "psubscribe", "punsubscribe", "quit", "reset":
		return true
	}
	return false
}

// runsInMulti reports whether a command executes at once inside MULTI instead of being queued.
func runsInMulti(cmd *keyspace.Command) bool {
	switch cmd.Name {
	case "exec", "discard", "multi", "watch", "quit", "reset":
		return true
	}
	return false
}

// call runs a resolved command for this client, with the execution lock held: its handler,
// then MONITOR, the slow log and the statistics, as Redis's call() does. canBlock is false inside
// EXEC, where blocking commands answer at once as on a timeout.
func (c *client) call(cmd *keyspace.Command, args []string, canBlock bool) {
	s := c.s
	start := c.tick
	c.lastCmd = cmd.Name
	s.stats.commands++
	switch h := connByCmd[cmd]; {
	case h != nil:
		h(c, args)
	case canBlock && cmd.Has(keyspace.FlagBlocking):
		if c.tryBlocking(cmd, args) {
			c.tick = monoNow()
			s.afterCall(c, cmd, args, start, c.tick-start)
			return
		}
	default:
		cmd.Call(c.ctx, args, c.out)
	}
	c.tick = monoNow()
	s.afterCall(c, cmd, args, start, c.tick-start)
}

// epoch anchors monoNow: a monotonic clock read with one cheap call, converted to wall time only
// when a command is logged (slow log, MONITOR).
var epoch = time.Now()

func monoNow() time.Duration { return time.Since(epoch) }

// raw writes an already encoded reply, unless replies are switched off.
func (c *client) raw(p []byte) {
	if w, ok := c.out.(*resp.Writer); ok {
		w.Raw(p)
	}
}

// afterCall feeds MONITOR and the slow log for a command that completed.
func (s *Server) afterCall(c *client, cmd *keyspace.Command, args []string, start, dur time.Duration) {
	if len(s.monitors) > 0 && !cmd.Has(keyspace.FlagSkipMonitor) && !cmd.Has(keyspace.FlagAdmin) {
		s.feedMonitors(c, args, epoch.Add(start))
	}
	if !cmd.Has(keyspace.FlagSkipSlowlog) && s.params.slowlogSlower >= 0 && dur.Microseconds() >= s.params.slowlogSlower {
		s.slowlog.record(c, args, epoch.Add(start), dur, s.params)
	}
	c.lastActive.Store(epochMilli + start.Milliseconds())
}

var epochMilli = epoch.UnixMilli()

// beginReply and endReply implement CLIENT REPLY OFF and SKIP by sending the command's reply to
// a sink that drops it.
func (c *client) beginReply() {
	switch c.replyMode {
	case replyOff:
		c.out = discard{r3: c.resp3}
	case replySkip:
		c.out = discard{r3: c.resp3}
		c.replyMode = replySkipThis
	default:
		c.out = c.w
	}
}

func (c *client) endReply() {
	if c.replyMode == replySkipThis {
		c.replyMode = replyOn
	}
	c.out = c.w
}
