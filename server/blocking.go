package server

import (
	"bytes"
	"errors"
	"os"
	"strconv"
	"time"

	"github.com/redmoon-dev/redmoon/keyspace"
)

// Blocking commands (BLPOP, BLMOVE, BZPOPMIN, XREAD BLOCK, ...) really block here, generically:
// the server runs the command in its non-blocking form (the form Redis uses inside MULTI, which
// answers a null at once when there is nothing to serve). A null reply means the client must
// wait: it is registered on the keys the command waits for, in arrival order, and its goroutine
// parks. Every command that modifies one of those keys (reported by the keyspace's KeyModified
// hook, from plain commands, EXEC and scripts alike) makes the key ready; right after that
// command, still under the execution lock, the ready keys are served in the order they became
// ready, as Redis 7.0's handleClientsBlockedOnKeys does: for each key, its waiting clients, first
// come first served, each only if the key now holds the type its command waits for, by running
// the command again restricted to that key (serveFromKey). When it answers something else than
// the null, that reply is the client's and the client resumes; otherwise it keeps waiting. On
// timeout the client gets the null reply its command gave.
//
// The server knows, per blocking command, which arguments are the keys and which the timeout
// (blockSpecs); nothing else about the data types.

// blockSpec finds the keys a blocking command waits on and its timeout argument (seconds, as
// keyspace.ParseBlockTimeout reads it). ok is false when the arguments do not fit (the command
// then answers its own error). XREAD and XREADGROUP are resolved by keyspace.ResolveStreamBlock.
type blockSpec func(args []string) (keys []string, timeout string, ok bool)

var blockSpecs = map[string]blockSpec{
	"blpop":      lastArgTimeout,
	"brpop":      lastArgTimeout,
	"bzpopmin":   lastArgTimeout,
	"bzpopmax":   lastArgTimeout,
	"brpoplpush": func(a []string) ([]string, string, bool) { return a[1:2], a[3], true },
	"blmove":     func(a []string) ([]string, string, bool) { return a[1:2], a[5], true },
	"blmpop":     mpopSpec,
	"bzmpop":     mpopSpec,
}

func lastArgTimeout(a []string) ([]string, string, bool) {
	return a[1 : len(a)-1], a[len(a)-1], true
}

// mpopSpec: BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count].
func mpopSpec(a []string) ([]string, string, bool) {
	n, err := strconv.Atoi(a[2])
	if err != nil || n <= 0 || n > len(a)-3 {
		return nil, "", false
	}
	return a[3 : 3+n], a[1], true
}

// blockState is the state of a blocked client.
type blockState struct {
	cmd      *keyspace.Command
	args     []string // owned copy
	keys     []dbKey
	deadline time.Time // zero: no timeout
	timeout  []byte    // the reply to send on timeout
	reply    []byte    // the reply the client gets, set when it is served (under the lock)
	nstreams int       // XREAD and XREADGROUP: the number of streams (their keys end the arguments)
	done     chan struct{}
	served   bool // the client got its reply (or was unblocked); set under the lock
}

type dbKey struct {
	db  int
	key string
}

// blockedKeys is the registry of clients waiting on keys, guarded by the execution lock.
type blockedKeys struct {
	waiting map[dbKey][]*client // FIFO per key
	ready   []dbKey             // keys modified since the last serveReady, with waiters
	isReady map[dbKey]bool
	count   int // blocked clients
}

func (b *blockedKeys) init() {
	b.waiting = map[dbKey][]*client{}
	b.isReady = map[dbKey]bool{}
}

// keyTouched marks a key ready when clients wait on it. Called from the KeyModified hook.
func (b *blockedKeys) keyTouched(db int, key string) {
	if len(b.waiting) == 0 {
		return
	}
	k := dbKey{db, key}
	if _, ok := b.waiting[k]; ok && !b.isReady[k] {
		b.isReady[k] = true
		b.ready = append(b.ready, k)
	}
}

// tryBlocking runs a blocking command in its non-blocking form. When it answers the null that
// means "nothing yet", the client is registered as blocked and nothing is written; otherwise the
// reply goes to the client. It reports whether the client blocked.
func (c *client) tryBlocking(cmd *keyspace.Command, args []string) bool {
	var keys, rerun []string
	var timeout time.Duration
	switch cmd.Name {
	case "xread", "xreadgroup":
		// Resolved before the first run, so that "$" means the last ID as the client asked.
		b, ok := keyspace.ResolveStreamBlock(c.ctx, args)
		if !ok {
			cmd.Call(c.ctx, args, c.out)
			return false
		}
		keys, rerun = b.Keys, b.Args
		if b.Deadline > 0 {
			timeout = time.Duration(max(b.Deadline-c.ctx.Now(), 1)) * time.Millisecond
		}
	default:
		spec := blockSpecs[cmd.Name]
		var targ string
		ok := spec != nil
		if ok {
			keys, targ, ok = spec(args)
		}
		ms, msg := int64(0), ""
		if ok {
			ms, msg = keyspace.ParseBlockTimeout(targ)
		}
		if !ok || msg != "" {
			cmd.Call(c.ctx, args, c.out) // not blocking, or answers its own error
			return false
		}
		rerun = append([]string(nil), args...)
		timeout = time.Duration(ms) * time.Millisecond
	}
	reply, null := c.runNonBlocking(cmd, args)
	if !null {
		c.raw(reply)
		return false
	}
	st := &blockState{cmd: cmd, args: rerun, timeout: reply, done: make(chan struct{})}
	if cmd.Name == "xread" || cmd.Name == "xreadgroup" {
		st.nstreams = len(keys)
	}
	if timeout > 0 {
		st.deadline = time.Now().Add(timeout)
	}
	db := c.ctx.DB.ID
	for _, k := range keys {
		dk := dbKey{db, k}
		dup := false
		for _, have := range st.keys {
			if have == dk {
				dup = true
			}
		}
		if !dup {
			st.keys = append(st.keys, dk)
			c.s.blocked.waiting[dk] = append(c.s.blocked.waiting[dk], c)
		}
	}
	c.block = st
	c.s.blocked.count++
	return true
}

// runNonBlocking runs the command into a private buffer and reports whether the reply is a lone
// null: a plain (not MULTI, not script) caller of a blocking command that would block gets the
// null it would get on timeout.
func (c *client) runNonBlocking(cmd *keyspace.Command, args []string) ([]byte, bool) {
	w := &c.s.scratch
	w.Reset(nil)
	w.SetResp3(c.resp3)
	cmd.Call(c.ctx, args, w)
	out := w.Bytes(nil)
	s := string(out)
	return out, s == "*-1\r\n" || s == "$-1\r\n" || s == "_\r\n"
}

// serveReady serves the clients blocked on keys that commands made ready, first come first
// served, until no key is ready. Called with the execution lock held, after each command run at
// top level (a plain command, EXEC, a script).
func (s *Server) serveReady() {
	b := &s.blocked
	for len(b.ready) > 0 {
		k := b.ready[0]
		b.ready = b.ready[1:]
		delete(b.isReady, k)
		queue := append([]*client(nil), b.waiting[k]...)
		for _, c := range queue {
			st := c.block
			if st == nil || st.served {
				continue
			}
			reply, ok := s.serveFromKey(c, st, k)
			if !ok {
				continue
			}
			st.reply = reply
			s.finishBlock(c)
		}
		if len(b.ready) == 0 {
			b.ready = b.ready[:0]
		}
	}
}

// serveFromKey tries to serve a blocked client from one key that became ready, as Redis 7.0's
// handleClientsBlockedOnKeys does: only a key of the type the command waits for serves it (a
// list for BLPOP, BRPOP, BLMPOP, BLMOVE and BRPOPLPUSH, a sorted set for BZPOPMIN, BZPOPMAX and
// BZMPOP, a stream for XREAD and XREADGROUP), and it is served from that key alone, whatever
// keys come before it in the command. XREADGROUP clients whose stream is gone, or whose group
// is gone, get 7.0's errors. ok is false when the client keeps waiting. Lock held.
func (s *Server) serveFromKey(c *client, st *blockState, k dbKey) (reply []byte, ok bool) {
	want := "list"
	switch st.cmd.Name {
	case "bzpopmin", "bzpopmax", "bzmpop":
		want = "zset"
	case "xread", "xreadgroup":
		want = "stream"
	}
	typ := s.keyType(c, k.key)
	if typ != want {
		if st.cmd.Name == "xreadgroup" {
			return []byte("-UNBLOCKED the stream key no longer exists\r\n"), true
		}
		return nil, false
	}
	reply, null := c.runNonBlocking(st.cmd, st.keyArgs(k.key))
	if null {
		return nil, false
	}
	if st.cmd.Name == "xreadgroup" && bytes.HasPrefix(reply, []byte("-NOGROUP")) {
		reply = []byte("-NOGROUP the consumer group this client was blocked on no longer exists\r\n")
	}
	return reply, true
}

// keyType is TYPE key in the client's database ("none" for a missing key). Lock held.
func (s *Server) keyType(c *client, key string) string {
	var r statusSink
	typeCmd.Call(c.ctx, []string{"type", key}, &r)
	return r.s
}

var typeCmd = keyspace.Lookup("type")

// statusSink is a Reply that keeps the text of a status reply and ignores everything else.
type statusSink struct {
	discard
	s string
}

func (r *statusSink) SimpleString(s string) { r.s = s }

// keyArgs returns the arguments that serve the client from key alone.
func (st *blockState) keyArgs(key string) []string {
	a := st.args
	switch st.cmd.Name {
	case "blpop", "brpop", "bzpopmin", "bzpopmax":
		return []string{a[0], key, a[len(a)-1]}
	case "blmpop", "bzmpop":
		n, err := strconv.Atoi(a[2])
		if err != nil || n <= 0 || 3+n > len(a) {
			return a
		}
		return append([]string{a[0], a[1], "1", key}, a[3+n:]...)
	case "xread", "xreadgroup":
		n := st.nstreams
		base := len(a) - 2*n
		for i := 0; i < n; i++ {
			if a[base+i] == key {
				return append(a[:base:base], key, a[base+n+i])
			}
		}
	}
	return a
}

// finishBlock unregisters a blocked client and lets its goroutine continue. Lock held.
func (s *Server) finishBlock(c *client) {
	st := c.block
	if st == nil || st.served {
		return
	}
	st.served = true
	for _, k := range st.keys {
		q := s.blocked.waiting[k]
		for i, x := range q {
			if x == c {
				q = append(q[:i:i], q[i+1:]...)
				break
			}
		}
		if len(q) == 0 {
			delete(s.blocked.waiting, k)
		} else {
			s.blocked.waiting[k] = q
		}
	}
	s.blocked.count--
	close(st.done)
}

// unblock releases a blocked client without a reply (the connection is closing). Lock held.
func (s *Server) unblock(c *client) {
	if c.block != nil {
		s.finishBlock(c)
		c.block = nil
	}
}

// unblockWith ends a client's wait with the given encoded reply (CLIENT UNBLOCK: the timeout
// reply or an error); nil means the timeout reply. Lock held. It reports whether the client was
// blocked.
func (s *Server) unblockWith(c *client, reply []byte) bool {
	st := c.block
	if st == nil || st.served {
		return false
	}
	if reply == nil {
		reply = st.timeout
	}
	st.reply = reply
	s.finishBlock(c)
	return true
}

// waitUnblocked parks the client's goroutine until it is served, times out, is unblocked or
// disconnects. Meanwhile a helper goroutine keeps reading the connection, so a disconnect is
// noticed (and pipelined requests are buffered). It reports false when the connection must close.
func (c *client) waitUnblocked() bool {
	st := c.block
	if !c.flush() {
		c.s.ks.Lock()
		c.s.unblock(c)
		c.s.ks.Unlock()
		return false
	}
	gone := make(chan struct{})
	stopRead := make(chan struct{})
	readDone := make(chan struct{})
	go c.watchConn(gone, stopRead, readDone)
	var timer <-chan time.Time
	if !st.deadline.IsZero() {
		t := time.NewTimer(time.Until(st.deadline))
		defer t.Stop()
		timer = t.C
	}
	alive := true
wait:
	for {
		select {
		case <-st.done:
			break wait
		case <-timer:
			c.s.ks.Lock()
			if !st.served {
				st.reply = st.timeout
				c.s.finishBlock(c)
			}
			c.s.ks.Unlock()
			break wait
		case <-gone:
			alive = false
			c.s.ks.Lock()
			c.s.finishBlock(c)
			c.s.ks.Unlock()
			break wait
		case <-c.wake:
			if c.killed.Load() {
				alive = false
				c.s.ks.Lock()
				c.s.finishBlock(c)
				c.s.ks.Unlock()
				break wait
			}
			// Asynchronous output (RESP3 pushes) for a blocked client: write it now.
			if !c.flushPush() {
				alive = false
			}
		}
	}
	close(stopRead)
	// Stop the reader: a past deadline ends its Read. It may have just cleared a deadline set by
	// push, so set it again until it is gone.
	for stopped := false; !stopped; {
		_ = c.nc.SetReadDeadline(time.Unix(1, 0))
		select {
		case <-readDone:
			stopped = true
		case <-time.After(10 * time.Millisecond):
		}
	}
	_ = c.nc.SetReadDeadline(time.Time{})
	c.s.ks.Lock()
	c.block = nil
	reply := st.reply
	c.s.ks.Unlock()
	if !alive || c.killed.Load() {
		return false
	}
	c.raw(reply)
	return c.flush()
}

// watchConn reads the connection while its client is blocked, buffering what arrives, and closes
// gone when the peer disconnects.
func (c *client) watchConn(gone chan<- struct{}, stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	for {
		_, err := c.rd.Fill(c.nc)
		if err == nil {
			continue
		}
		select {
		case <-stop:
			return
		default:
		}
		if errors.Is(err, os.ErrDeadlineExceeded) {
			_ = c.nc.SetReadDeadline(time.Time{})
			continue
		}
		close(gone)
		<-stop
		return
	}
}
