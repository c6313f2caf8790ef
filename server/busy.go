package server

import (
	"strings"

	"github.com/redmoon-dev/redmoon/keyspace"
)

// A script holds the execution lock for its whole run. Once it has run longer than
// busy-reply-threshold, other clients are answered without waiting for the lock, as Redis
// answers them while a script is busy: BUSY for most commands (inside MULTI this also dooms the
// transaction), SCRIPT KILL and FUNCTION KILL act on the running script, SHUTDOWN NOSAVE stops
// the server, MULTI and DISCARD change only the connection's state (applied to the shared
// client state once the lock is free). The other commands Redis allows while busy (AUTH, HELLO,
// WATCH, UNWATCH, RESET, FUNCTION STATS) wait for the script to end here.

// busy answers a command without the lock when a script is busy. It reports whether it did, and
// whether the connection must then close. Called by the client's goroutine before it takes the
// lock: it touches only what that goroutine owns.
func (s *Server) busy(c *client, cmd *keyspace.Command, msg string, args []string) (handled, closeConn bool) {
	text := s.bridge.BusyError()
	if text == "" || cmd == nil || msg != "" || cmd == quitCmd {
		return false, false // unknown, wrong arity, QUIT: answered under the lock as usual
	}
	switch {
	case cmd == execCmd:
		if c.inMulti {
			c.inMulti = false
			c.busyDirty = false
			c.busyQueue = nil
			c.busyMulti = -1
		}
		c.w.Error(execAbort(text))
		return true, false
	case c.inMulti && cmd.Has(keyspace.FlagAllowBusy) && !runsInMulti(cmd):
		// Queued, as inside MULTI Redis queues even the commands allowed while busy.
		c.busyQueue = append(c.busyQueue, queued{cmd: cmd, args: append([]string(nil), args...)})
		c.w.SimpleString("QUEUED")
		return true, false
	case cmd.Name == "script|kill" || cmd.Name == "function|kill":
		if err := s.bridge.Kill(cmd.Name == "function|kill"); err != "" {
			c.w.Error(err)
		} else {
			c.w.SimpleString("OK")
		}
		return true, false
	case cmd.Name == "shutdown":
		for _, a := range args[1:] {
			if strings.EqualFold(a, "nosave") {
				s.logf('#', "User requested shutdown...")
				s.shutOnce.Do(func() { close(s.shutdown) })
				go s.stop()
				return true, true
			}
		}
		c.w.Error(text)
		return true, false
	case cmd.Name == "multi":
		if c.inMulti {
			c.w.Error("ERR MULTI calls can not be nested")
		} else {
			c.inMulti = true
			c.busyMulti = 1
			c.w.SimpleString("OK")
		}
		return true, false
	case cmd.Name == "discard":
		if !c.inMulti {
			c.w.Error("ERR DISCARD without MULTI")
		} else {
			c.inMulti = false
			c.busyDirty = false
			c.busyQueue = nil
			c.busyMulti = -1
			c.w.SimpleString("OK")
		}
		return true, false
	case cmd.Has(keyspace.FlagAllowBusy):
		return false, false
	}
	if c.inMulti {
		c.busyDirty = true
	}
	c.w.Error(text)
	return true, false
}
