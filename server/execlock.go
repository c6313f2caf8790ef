package server

import (
	"runtime"
	"time"

	"github.com/redmoon-dev/redmoon/keyspace"
)

// Taking the execution lock (the keyspace lock) so that a script that turns busy never leaves a
// waiting client without an answer.
//
// The lock is taken with TryLock first: when it is free, which is the common case, that is the
// whole cost. When it is held, the client waits, and the wait must end not only when the lock
// is free but also when a script holding it passes busy-reply-threshold: Redis 7.0 then answers
// every client, including those whose request arrived before the threshold, with BUSY (or runs
// its allow-busy commands). A sync.Mutex wait cannot be interrupted, so:
//
//   - while no script runs, the client waits on the mutex, counted in lockWaiters;
//   - a client about to run a script (EVAL, FCALL, ... or an EXEC that queued one) first raises
//     scripting, then lets every client counted in lockWaiters go before it (it releases and
//     takes the lock again until none is left): those clients were waiting before the script
//     began, and Redis would have read their requests first;
//   - a client that finds the lock held while scripting is raised waits in a helper goroutine
//     that takes the lock for it, and selects on that and on the bridge's busy signal; when the
//     script becomes busy it stops waiting (the helper releases the lock as soon as it gets it)
//     and is answered as busy.go says.
//
// Raising scripting and counting a waiter are both sequentially consistent atomics, written
// before the other is read (a waiter increments, then reads scripting; a script's client sets
// scripting, then reads the count), so a waiter either sees the script coming or is seen and let
// through first: no client ever sleeps on the mutex through a busy script it could have been
// answered during.

// acquire takes the execution lock for a request, or answers the request without it when a
// script is busy (handled). closeConn reports that the connection must close.
func (s *Server) acquire(c *client, cmd *keyspace.Command, msg string, args []string) (handled, closeConn bool) {
	for {
		if handled, closeConn := s.busy(c, cmd, msg, args); handled {
			return true, closeConn
		}
		if s.ks.TryLock() || s.lockWait() {
			return false, false
		}
	}
}

// lockWait waits for the execution lock when it is held. It returns false, without the lock,
// when a script became busy meanwhile.
func (s *Server) lockWait() bool {
	s.lockWaiters.Add(1)
	if s.scripting.Load() == 0 {
		s.ks.Lock()
		s.lockWaiters.Add(-1)
		return true
	}
	s.lockWaiters.Add(-1)
	got := make(chan struct{})
	go func() {
		s.ks.Lock()
		close(got)
	}()
	var poll *time.Timer
	defer func() {
		if poll != nil {
			poll.Stop()
		}
	}()
	for {
		sig := s.bridge.BusySignal()
		var tick <-chan time.Time
		if sig == nil {
			// The script has not begun in the bridge yet, or has just ended: look again soon.
			if poll == nil {
				poll = time.NewTimer(time.Millisecond)
			} else {
				poll.Reset(time.Millisecond)
			}
			tick = poll.C
		}
		select {
		case <-got:
			return true
		case <-sig:
		case <-tick:
		}
		if s.bridge.BusyError() != "" {
			go func() {
				<-got
				s.ks.Unlock()
			}()
			return false
		}
	}
}

// beginScript is called, lock held, before a request that may run a script: it raises
// scripting and lets the clients already waiting for the lock go first. The caller ends with
// endScript.
func (s *Server) beginScript(c *client) {
	s.scripting.Add(1)
	if s.lockWaiters.Load() == 0 {
		return
	}
	for s.lockWaiters.Load() > 0 {
		s.current = nil
		s.ks.Unlock()
		runtime.Gosched()
		s.ks.Lock()
		s.current = c
	}
	c.readClock()
}

// endScript lowers scripting after the request that beginScript announced.
func (s *Server) endScript() { s.scripting.Add(-1) }

// mayRunScript reports whether a request, as the client's goroutine sees it before running it,
// may run a script: a scripting command outside MULTI, or EXEC of a transaction that queued one.
func (c *client) mayRunScript(cmd *keyspace.Command) bool {
	if cmd == nil {
		return false
	}
	if cmd == execCmd {
		for _, q := range c.multi {
			if isScriptCmd(q.cmd) {
				return true
			}
		}
		return false
	}
	return !c.inMulti && isScriptCmd(cmd)
}

// isScriptCmd reports whether cmd runs a script or function.
func isScriptCmd(cmd *keyspace.Command) bool {
	if !cmd.Has(keyspace.FlagNoScript) {
		return false
	}
	switch cmd.Name {
	case "eval", "evalsha", "eval_ro", "evalsha_ro", "fcall", "fcall_ro":
		return true
	}
	return false
}
