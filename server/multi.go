package server

import (
	"github.com/redmoon-dev/redmoon/keyspace"
)

// Transactions with Redis 7.0's semantics: MULTI queues commands (answering QUEUED), a command
// rejected while queueing (unknown, wrong arity, NOAUTH, ...) makes EXEC answer EXECABORT, WATCH
// makes EXEC answer a null array when a watched key was modified (by any write, by expiry, by
// FLUSHDB/FLUSHALL/SWAPDB) after WATCH. EXEC runs the queued commands under one hold of the
// execution lock, so no other client's command runs in between; blocking commands inside it
// answer at once as on a timeout.

type watchKey struct {
	db  int
	key string
}

// watcher is a client watching a key, and whether the key existed when it started watching.
type watcher struct {
	c       *client
	existed bool
}

// watchedKeys maps each watched key to the clients watching it. Guarded by the execution lock.
type watchedKeys struct {
	by map[watchKey][]watcher
}

func (w *watchedKeys) init() { w.by = map[watchKey][]watcher{} }

// touch marks every client watching key as dirty (Redis's touchWatchedKey).
func (w *watchedKeys) touch(db int, key string) {
	if len(w.by) == 0 {
		return
	}
	for _, x := range w.by[watchKey{db, key}] {
		x.c.flags |= flagDirtyCAS
	}
}

// touchDB implements FLUSHDB/FLUSHALL (db < 0: every database) and SWAPDB for WATCH, as Redis's
// touchAllWatchedKeysInDb: a watcher is dirty when its key existed in the database before the
// change. A key a clean watcher watches still exists exactly when it existed at WATCH time (any
// change since would have made the watcher dirty), so existed answers that; existsNow, when
// set, also counts keys present now (after SWAPDB: the keys of the other database).
func (w *watchedKeys) touchDB(db int, existsNow func(watchKey) bool) {
	for k, list := range w.by {
		if db >= 0 && k.db != db {
			continue
		}
		now := existsNow != nil && existsNow(k)
		for _, x := range list {
			if x.existed || now {
				x.c.flags |= flagDirtyCAS
			}
		}
	}
}

func (c *client) queue(cmd *keyspace.Command, args []string) {
	c.multi = append(c.multi, queued{cmd: cmd, args: append([]string(nil), args...)})
}

func cmdMulti(c *client, args []string) {
	if c.flags&flagMulti != 0 {
		c.out.Error("ERR MULTI calls can not be nested")
		return
	}
	c.flags |= flagMulti
	c.inMulti = true
	c.out.SimpleString("OK")
}

func (c *client) discardTransaction() {
	c.multi = nil
	c.flags &^= flagMulti | flagDirtyCAS | flagDirtyExec
	c.inMulti = false
	c.s.unwatchAll(c)
}

func cmdDiscard(c *client, args []string) {
	if c.flags&flagMulti == 0 {
		c.out.Error("ERR DISCARD without MULTI")
		return
	}
	c.discardTransaction()
	c.out.SimpleString("OK")
}

func cmdExec(c *client, args []string) {
	if c.flags&flagMulti == 0 {
		c.out.Error("ERR EXEC without MULTI")
		return
	}
	c.checkWatchedExpired()
	if c.flags&(flagDirtyCAS|flagDirtyExec) != 0 {
		if c.flags&flagDirtyExec != 0 {
			c.out.Error("EXECABORT Transaction discarded because of previous errors.")
		} else {
			c.out.NullArray()
		}
		c.discardTransaction()
		return
	}
	cmds := c.multi
	c.multi = nil
	c.s.unwatchAll(c)
	c.flags &^= flagMulti | flagDirtyCAS | flagDirtyExec
	c.inMulti = false
	c.out.ArrayLen(len(cmds))
	saved := c.ctx.Flags
	c.ctx.Flags |= keyspace.InMulti
	for _, q := range cmds {
		if !c.authed && !q.cmd.Has(keyspace.FlagNoAuth) {
			// AUTH was reset (RESET) while queueing is impossible; keep Redis's check anyway.
			c.out.Error("NOAUTH Authentication required.")
			continue
		}
		c.call(q.cmd, q.args, false)
	}
	c.ctx.Flags = saved
}

func cmdWatch(c *client, args []string) {
	if c.flags&flagMulti != 0 {
		c.out.Error("ERR WATCH inside MULTI is not allowed")
		return
	}
	c.watchKeys(args[1:])
	c.out.SimpleString("OK")
}

// watchKeys adds keys of the selected database to the client's watched keys. Lock held.
func (c *client) watchKeys(keys []string) {
	db := c.ctx.DB.ID
	for _, key := range keys {
		k := watchKey{db, key}
		already := false
		for _, w := range c.watching {
			if w == k {
				already = true
				break
			}
		}
		if already {
			continue
		}
		// A key already expired when watched is gone: the lookup lets lazy expiry remove it now,
		// so only a later expiry counts (Redis remembers "expired at WATCH time" instead).
		existed := c.s.keyExists(c, key)
		c.watching = append(c.watching, k)
		c.s.watched.by[k] = append(c.s.watched.by[k], watcher{c, existed})
	}
}

func cmdUnwatch(c *client, args []string) {
	c.s.unwatchAll(c)
	c.flags &^= flagDirtyCAS
	c.out.SimpleString("OK")
}

// unwatchAll forgets every key the client watches. Lock held.
func (s *Server) unwatchAll(c *client) {
	for _, k := range c.watching {
		list := s.watched.by[k]
		for i, x := range list {
			if x.c == c {
				list = append(list[:i:i], list[i+1:]...)
				break
			}
		}
		if len(list) == 0 {
			delete(s.watched.by, k)
		} else {
			s.watched.by[k] = list
		}
	}
	c.watching = nil
}

// checkWatchedExpired makes EXEC fail when a watched key expired after WATCH: looking each key up
// lets lazy expiry delete it, which reports the key as modified.
func (c *client) checkWatchedExpired() {
	if len(c.watching) == 0 || c.flags&flagDirtyCAS != 0 {
		return
	}
	saved := c.ctx.DB
	for _, k := range c.watching {
		c.ctx.Select(k.db)
		c.s.keyExists(c, k.key)
	}
	c.ctx.DB = saved
}

// keyExists reports whether key exists in the client's current database, through the keyspace's
// EXISTS (so expired keys are removed on the way). Lock held.
func (s *Server) keyExists(c *client, key string) bool {
	if existsCmd == nil || existsCmd.Handler == nil {
		return false
	}
	var r intSink
	existsCmd.Call(c.ctx, []string{"exists", key}, &r)
	return r.n > 0
}

var existsCmd = keyspace.Lookup("exists")

// keyModified is the keyspace's KeyModified hook: WATCH and blocked clients.
func (s *Server) keyModified(db int, key string) {
	s.watched.touch(db, key)
	if s.busyPending.Load() > 0 {
		s.busyTouched(db, key)
	}
	s.blocked.keyTouched(db, key)
}

// flushed is the keyspace's Flushed hook.
func (s *Server) flushed(db int) {
	s.watched.touchDB(db, nil)
	for k := range s.blocked.waiting {
		if k.db == db || db < 0 {
			s.blocked.keyTouched(k.db, k.key)
		}
	}
}

// swapped is the keyspace's Swapped hook: keys with blocked clients in the two databases may now
// be ready, and WATCH is settled once the command is over (settleSwaps), since a hook must not
// call back into the keyspace.
func (s *Server) swapped(a, b int) {
	s.swaps = append(s.swaps, [2]int{a, b})
	for k := range s.blocked.waiting {
		if k.db == a || k.db == b {
			s.blocked.keyTouched(k.db, k.key)
		}
	}
}

// settleSwaps marks dirty the watchers of keys that existed in either database of a SWAPDB.
// After the swap a database holds what the other one held, so "existed in the other database
// before" is "exists now"; keys created or deleted since fired KeyModified anyway.
func (s *Server) settleSwaps() {
	swaps := s.swaps
	s.swaps = nil
	ctx := s.ks.NewCtx()
	exists := func(k watchKey) bool {
		if existsCmd == nil || existsCmd.Handler == nil || !ctx.Select(k.db) {
			return false
		}
		var r intSink
		existsCmd.Call(ctx, []string{"exists", k.key}, &r)
		return r.n > 0
	}
	for _, sw := range swaps {
		s.watched.touchDB(sw[0], exists)
		s.watched.touchDB(sw[1], exists)
	}
}

// intSink is a Reply that keeps the integer of an integer reply and ignores everything else.
type intSink struct {
	discard
	n int64
}

func (r *intSink) Integer(n int64) { r.n = n }
