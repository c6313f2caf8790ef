package server

import (
	"strings"
	"time"

	"github.com/redmoon-dev/redmoon/keyspace"
	"github.com/redmoon-dev/redmoon/redisbridge"
)

// A script holds the execution lock for its whole run. Once it has run longer than
// busy-reply-threshold, other clients are answered without the lock, as Redis 7.0 answers them
// while a script is busy (processCommand's checks in its order): unknown commands and wrong
// arity, NOAUTH, commands refused inside MULTI and in RESP2 subscriber mode get their usual
// errors, every command without the allow-busy flag gets BUSY (inside MULTI this also dooms the
// transaction, and EXEC answers EXECABORT), and the allow-busy commands run: SCRIPT KILL and
// FUNCTION KILL act on the running script, SHUTDOWN NOSAVE stops the server, QUIT closes,
// FUNCTION STATS describes the script, and AUTH, HELLO, MULTI, DISCARD, WATCH, UNWATCH and RESET
// answer at once.
//
// Nothing here touches state that other goroutines read under the lock (the running script
// may read it: PUBLISH reads subscribers, a write touches watchers): the changes these commands
// make to the shared client state are recorded as operations (busyOps, see later) and applied in
// order under the lock as soon as the script has ended. What the client's own later requests
// depend on is mirrored in fields only its goroutine uses (inMulti, subMode, the writer's
// protocol, authed, which only this goroutine writes).

// busy answers a command without the lock when a script is busy. It reports whether it did, and
// whether the connection must then close. Called by the client's goroutine before it takes the
// lock (or instead of waiting for it).
func (s *Server) busy(c *client, cmd *keyspace.Command, msg string, args []string) (handled, closeConn bool) {
	text := s.bridge.BusyError()
	if text == "" {
		return false, false
	}
	if c.replyMode != replyOn {
		// CLIENT REPLY OFF or SKIP: the answer is not sent.
		m := c.w.Mark()
		defer func() {
			c.w.Rewind(m)
			if c.replyMode == replySkip {
				c.replyMode = replyOn
			}
		}()
	}
	if cmd == quitCmd {
		c.w.SimpleString("OK")
		return true, true
	}
	switch {
	case msg != "":
		c.busyReject(cmd, msg)
		return true, false
	case !c.authed && !cmd.Has(keyspace.FlagNoAuth):
		c.busyReject(cmd, "NOAUTH Authentication required.")
		return true, false
	case c.inMulti && cmd.Has(keyspace.FlagNoMulti):
		c.busyReject(cmd, "ERR Command not allowed inside a transaction")
		return true, false
	case c.subMode && !c.w.Resp3() && !allowedInSubscribe(cmd):
		c.busyReject(cmd, "ERR Can't execute '"+cmd.Name+"': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context")
		return true, false
	case !cmd.Has(keyspace.FlagAllowBusy):
		c.busyReject(cmd, text)
		return true, false
	case c.inMulti && !runsInMulti(cmd):
		// Queued, as inside MULTI Redis queues even the commands allowed while busy.
		q := queued{cmd: cmd, args: append([]string(nil), args...)}
		c.later(func() { c.multi = append(c.multi, q) })
		c.w.SimpleString("QUEUED")
		return true, false
	}
	switch cmd.Name {
	case "script|kill", "function|kill":
		before, _ := s.bridge.Running()
		if err := s.bridge.Kill(cmd.Name == "function|kill"); err != "" {
			c.w.Error(err)
			break
		}
		c.w.SimpleString("OK")
		s.awaitScriptEnd(before)
	case "shutdown":
		for _, a := range args[1:] {
			if strings.EqualFold(a, "nosave") {
				s.logf('#', "User requested shutdown...")
				s.shutOnce.Do(func() { close(s.shutdown) })
				go s.stop()
				return true, true
			}
		}
		c.w.Error(text)
	case "multi":
		if c.inMulti {
			c.w.Error("ERR MULTI calls can not be nested")
			break
		}
		c.inMulti = true
		c.later(func() { c.multi = nil; c.flags |= flagMulti; c.inMulti = true })
		c.w.SimpleString("OK")
	case "discard":
		if !c.inMulti {
			c.w.Error("ERR DISCARD without MULTI")
			break
		}
		c.inMulti = false
		c.later(c.discardTransaction)
		c.w.SimpleString("OK")
	case "function|stats":
		s.bridge.FunctionStats(c.w)
	case "watch":
		if c.inMulti {
			c.w.Error("ERR WATCH inside MULTI is not allowed")
			break
		}
		keys := append([]string(nil), args[1:]...)
		// Redis watches the keys now: a write of the busy script after this point must fail
		// the transaction. The keyspace's hook records such writes until the watch is applied.
		dirty := s.pendingWatch(c.ctx.DB.ID, keys)
		c.later(func() {
			c.watchKeys(keys)
			if *dirty {
				c.flags |= flagDirtyCAS
			}
		})
		c.w.SimpleString("OK")
	case "unwatch":
		c.later(func() { c.s.unwatchAll(c); c.flags &^= flagDirtyCAS })
		c.w.SimpleString("OK")
	case "auth":
		c.busyAuth(args)
	case "hello":
		c.busyHello(args)
	case "reset":
		c.inMulti = false
		c.subMode = false
		c.replyMode = replyOn
		c.w.SetResp3(false)
		c.setAuthed(s.params.requirePass == "")
		c.later(func() { c.resetShared() })
		c.w.SimpleString("RESET")
	default:
		// An allow-busy command without a busy form (none in 7.0's table that we implement):
		// wait for the lock.
		return false, false
	}
	return true, false
}

// busyReject answers a command refused while a script is busy, as reject does under the lock.
func (c *client) busyReject(cmd *keyspace.Command, msg string) {
	c.later(func() { c.s.stats.errorReplies++ })
	if cmd == execCmd {
		c.inMulti = false
		c.later(c.discardTransaction)
		c.w.Error(execAbort(msg))
		return
	}
	if c.inMulti {
		c.later(func() { c.flags |= flagDirtyExec })
	}
	c.w.Error(msg)
}

// busyAuth is AUTH while a script is busy: authentication state belongs to the client's
// goroutine, so it changes at once.
func (c *client) busyAuth(a []string) {
	if len(a) > 3 {
		c.w.Error("ERR syntax error")
		return
	}
	if len(a) == 2 {
		if c.s.params.requirePass == "" {
			c.w.Error("ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?")
			return
		}
		a = []string{a[0], "default", a[1]}
	}
	if !c.s.checkPassword(a[1], a[2]) {
		c.later(func() { c.s.stats.authFailures++ })
		c.w.Error("WRONGPASS invalid username-password pair or user is disabled.")
		return
	}
	c.setAuthed(true)
	c.w.SimpleString("OK")
}

// busyHello is HELLO while a script is busy: the protocol of the replies and the authentication
// change at once, the name once the lock is held.
func (c *client) busyHello(a []string) {
	h, msg := parseHello(a)
	if msg != "" {
		c.w.Error(msg)
		return
	}
	if h.authGiven {
		if !c.s.checkPassword(h.user, h.pass) {
			c.later(func() { c.s.stats.authFailures++ })
			c.w.Error("WRONGPASS invalid username-password pair or user is disabled.")
			return
		}
		c.setAuthed(true)
	}
	if !c.authed {
		c.w.Error(errHelloNoAuth)
		return
	}
	if h.nameGiven {
		if msg := validClientName(h.name); msg != "" {
			c.w.Error(msg)
			return
		}
		name := h.name
		c.later(func() { c.name = name })
	}
	if h.ver != 0 {
		r3 := h.ver == 3
		c.w.SetResp3(r3)
		c.later(func() { c.resp3 = r3 })
	}
	c.helloReply(c.w, c.w.Resp3())
}

// later records a change of the shared client state made while a script is busy. The change is
// applied under the lock, in order, by whichever comes first: the client that ran the script,
// right after it (so that a key watched during the script is watched before anyone else runs),
// or this client when it takes the lock. If the script has ended in the meantime, the change is
// applied at once.
func (c *client) later(op func()) {
	s := c.s
	s.busyMu.Lock()
	if s.bridge.BusyError() != "" {
		if len(c.busyOps) == 0 {
			s.busyClients = append(s.busyClients, c)
			s.busyPending.Add(1)
		}
		c.busyOps = append(c.busyOps, op)
		s.busyMu.Unlock()
		return
	}
	s.busyMu.Unlock()
	s.ks.Lock()
	s.applyBusyOps()
	op()
	s.ks.Unlock()
}

// applyBusyOps applies the changes recorded by later, client by client in order. Lock held.
func (s *Server) applyBusyOps() {
	s.busyMu.Lock()
	clients := s.busyClients
	s.busyClients = nil
	ops := make([][]func(), len(clients))
	for i, c := range clients {
		ops[i] = c.busyOps
		c.busyOps = nil
	}
	clear(s.busyWatch)
	s.busyPending.Store(0)
	s.busyMu.Unlock()
	// Run without busyMu: the changes may touch keys (WATCH looks them up), which calls the
	// keyspace's hook, which takes busyMu.
	for i := range clients {
		for _, op := range ops[i] {
			op()
		}
	}
}

// pendingWatch registers keys watched while a script is busy and returns the flag that a write
// to one of them sets before the watch is applied.
func (s *Server) pendingWatch(db int, keys []string) *bool {
	dirty := new(bool)
	s.busyMu.Lock()
	if s.busyWatch == nil {
		s.busyWatch = map[watchKey][]*bool{}
	}
	for _, k := range keys {
		wk := watchKey{db, k}
		s.busyWatch[wk] = append(s.busyWatch[wk], dirty)
	}
	s.busyMu.Unlock()
	return dirty
}

// busyTouched marks dirty the pending watches of a modified key. Called from the KeyModified hook
// (lock held) while changes from a busy period are pending.
func (s *Server) busyTouched(db int, key string) {
	s.busyMu.Lock()
	for _, d := range s.busyWatch[watchKey{db, key}] {
		*d = true
	}
	s.busyMu.Unlock()
}

// awaitScriptEnd waits (at most a few seconds) until the killed script has ended, so that the
// killer's next request finds the server free, as it does in Redis, where the script ends before
// the next request is read.
func (s *Server) awaitScriptEnd(killed redisbridge.RunningScript) {
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		rs, ok := s.bridge.Running()
		if !ok || rs.Name != killed.Name || rs.Duration < killed.Duration {
			return
		}
		time.Sleep(time.Millisecond)
	}
}
