package server

import (
	"bytes"
	"errors"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/redmoon-dev/redmoon/keyspace"
	"github.com/redmoon-dev/redmoon/server/resp"
)

// Blocking commands (BLPOP, BLMOVE, BZPOPMIN, XREAD BLOCK, ...) really block here, generically:
// the server runs the command in its non-blocking form (the form Redis uses inside MULTI, which
// answers a null at once when there is nothing to serve). A null reply means the client must
// wait: it is registered on the keys the command waits for, in arrival order, and its goroutine
// parks. Every command that modifies one of those keys (reported by the keyspace's KeyModified
// hook, from plain commands, EXEC and scripts alike) makes the key ready; right after that
// command, still under the execution lock, the clients blocked on ready keys are served first
// come, first served by running their command again. When it now answers something else than
// the null, that reply is the client's and the client resumes; otherwise it keeps waiting. On
// timeout the client gets the null reply its command gave.
//
// The server knows, per blocking command, which arguments are the keys and which the timeout
// (blockSpecs); nothing else about the data types.

// blockSpec finds the keys and the timeout of a blocking command. ok is false when this call
// does not block (XREAD without BLOCK). A zero timeout means forever.
type blockSpec func(args []string) (keys []string, timeout time.Duration, ok bool)

var blockSpecs = map[string]blockSpec{
	"blpop":      lastArgTimeout,
	"brpop":      lastArgTimeout,
	"bzpopmin":   lastArgTimeout,
	"bzpopmax":   lastArgTimeout,
	"brpoplpush": func(a []string) ([]string, time.Duration, bool) { return a[1:2], secondsArg(a[3]), true },
	"blmove":     func(a []string) ([]string, time.Duration, bool) { return a[1:2], secondsArg(a[5]), true },
	"blmpop":     mpopSpec,
	"bzmpop":     mpopSpec,
	"xread":      xreadSpec,
	"xreadgroup": xreadSpec,
}

func lastArgTimeout(a []string) ([]string, time.Duration, bool) {
	return a[1 : len(a)-1], secondsArg(a[len(a)-1]), true
}

// mpopSpec: BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count].
func mpopSpec(a []string) ([]string, time.Duration, bool) {
	n, err := strconv.Atoi(a[2])
	if err != nil || n <= 0 || n > len(a)-3 {
		return nil, 0, false
	}
	return a[3 : 3+n], secondsArg(a[1]), true
}

// xreadSpec: XREAD [COUNT n] [BLOCK ms] STREAMS key... id..., and XREADGROUP GROUP g c [COUNT n]
// [BLOCK ms] [NOACK] STREAMS key... id....
func xreadSpec(a []string) ([]string, time.Duration, bool) {
	block := time.Duration(-1)
	for i := 1; i < len(a); i++ {
		switch strings.ToLower(a[i]) {
		case "block":
			if i+1 < len(a) {
				ms, err := strconv.ParseInt(a[i+1], 10, 64)
				if err != nil || ms < 0 {
					return nil, 0, false
				}
				block = time.Duration(ms) * time.Millisecond
				i++
			}
		case "count", "group":
			i++
			if strings.EqualFold(a[i-1], "group") {
				i++
			}
		case "streams":
			rest := a[i+1:]
			if block < 0 || len(rest) == 0 || len(rest)%2 != 0 {
				return nil, 0, false
			}
			return rest[:len(rest)/2], block, true
		}
	}
	return nil, 0, false
}

// secondsArg converts a timeout in seconds (already validated by the command) to a duration.
func secondsArg(s string) time.Duration {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f <= 0 || math.IsNaN(f) {
		return 0
	}
	d := f * float64(time.Second)
	if d >= math.MaxInt64 {
		return 0
	}
	if d < float64(time.Millisecond) {
		d = float64(time.Millisecond)
	}
	return time.Duration(d)
}

// blockState is the state of a blocked client.
type blockState struct {
	cmd      *keyspace.Command
	args     []string // owned copy
	keys     []dbKey
	deadline time.Time // zero: no timeout
	timeout  []byte    // the reply to send on timeout
	reply    []byte    // the reply the client gets, set when it is served (under the lock)
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
	spec := blockSpecs[cmd.Name]
	if spec == nil {
		cmd.Call(c.ctx, args, c.out)
		return false
	}
	keys, timeout, ok := spec(args)
	if !ok {
		cmd.Call(c.ctx, args, c.out)
		return false
	}
	reply, null := c.runNonBlocking(cmd, args)
	if !null {
		c.raw(reply)
		return false
	}
	st := &blockState{cmd: cmd, args: append([]string(nil), args...), timeout: reply, done: make(chan struct{})}
	if cmd.Name == "xread" || cmd.Name == "xreadgroup" {
		c.s.resolveStreamIDs(c, st.args)
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

// runNonBlocking runs the command as inside MULTI into a private buffer and reports whether the
// reply is a lone null.
func (c *client) runNonBlocking(cmd *keyspace.Command, args []string) ([]byte, bool) {
	var buf bytes.Buffer
	w := resp.NewWriter(&buf)
	w.SetResp3(c.resp3)
	saved := c.ctx.Flags
	c.ctx.Flags |= keyspace.InMulti
	cmd.Call(c.ctx, args, w)
	c.ctx.Flags = saved
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
			reply, null := c.runNonBlocking(st.cmd, st.args)
			if null {
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

// resolveStreamIDs replaces the "$" IDs of a blocked XREAD with each stream's last ID at the time
// of blocking ("0-0" for a missing stream), so that running it again later returns what was added
// since, as Redis's "$" means.
func (s *Server) resolveStreamIDs(c *client, args []string) {
	for i := 1; i < len(args); i++ {
		if !strings.EqualFold(args[i], "streams") {
			continue
		}
		rest := args[i+1:]
		n := len(rest) / 2
		for j := 0; j < n; j++ {
			if rest[n+j] == "$" {
				rest[n+j] = c.lastStreamID(rest[j])
			}
		}
		return
	}
}

// lastStreamID returns the last generated ID of a stream through XINFO STREAM, "0-0" when the
// stream does not exist.
func (c *client) lastStreamID(key string) string {
	xinfo := keyspace.Lookup("xinfo")
	if xinfo == nil {
		return "0-0"
	}
	sub := xinfo.Sub("stream")
	if sub == nil || sub.Handler == nil {
		return "0-0"
	}
	var r fieldSink
	r.want = "last-generated-id"
	sub.Call(c.ctx, []string{"xinfo", "stream", key}, &r)
	if r.found == "" {
		return "0-0"
	}
	return r.found
}

// fieldSink finds the string that follows the bulk or status string want in a reply.
type fieldSink struct {
	discard
	want, found string
	next        bool
}

func (r *fieldSink) see(s string) {
	if r.next && r.found == "" {
		r.found = s
	}
	r.next = s == r.want
}
func (r *fieldSink) Bulk(s string)         { r.see(s) }
func (r *fieldSink) SimpleString(s string) { r.see(s) }
func (r *fieldSink) Integer(int64)         { r.next = false }
