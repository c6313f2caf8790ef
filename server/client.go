package server

import (
	"errors"
	"net"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/redmoon-dev/redmoon/keyspace"
	"github.com/redmoon-dev/redmoon/server/resp"
)

// client is one connection. Its goroutine (serve) owns the reader, the writer and the command
// state; fields shared with other goroutines are guarded by the execution lock (the keyspace
// lock) or are atomic, as noted.
type client struct {
	s    *Server
	id   int64
	nc   net.Conn
	addr string // remote address, "ip:port"
	lad  string // local address

	rd  resp.Reader
	w   *resp.Writer
	out keyspace.Reply // where replies go: w, or a discarding sink (CLIENT REPLY OFF/SKIP)
	ctx *keyspace.Ctx

	// Guarded by the execution lock.
	name       string
	resp3      bool
	authed     bool
	flags      clientFlags
	multi      []queued // commands queued by MULTI
	watching   []watchKey
	channels   map[string]struct{}
	patterns   []string
	shardChans map[string]struct{}
	lastCmd    string
	replyMode  replyMode
	block      *blockState // non-nil while blocked

	created    time.Time
	lastActive atomic.Int64 // Unix ms of the last command

	// Asynchronous output (pub/sub messages, MONITOR lines, unblocking replies written by other
	// clients' commands): appended under pushMu by other goroutines, written by this client's
	// goroutine. pushPending says there is something to write.
	pushMu      sync.Mutex
	pushBuf     []byte
	pushPending atomic.Bool
	pushSince   time.Time // when pushBuf first passed the soft limit (zero: not over it)
	wake        chan struct{}

	killed atomic.Bool // CLIENT KILL, output buffer limit or server stop: close at once
	reason string

	names map[string]*spelling // command names this client sent, as spelled
	argv  []string             // arguments of the parsed batch
	batch [][]string           // the parsed batch, slices of argv
	cmds  []*spelling          // the command name of each request of the batch
	tick  time.Duration        // when the previous command ended (monoNow), for timing
	// wallOff converts tick to wall time (Unix ns = wallOff + tick); set at each hold of the lock
	// from one reading of the real time.
	wallOff int64

	// Used only by this client's goroutine: mirrors of the shared state that requests answered
	// while a script is busy depend on, and the changes they made, to apply under the lock.
	inMulti bool     // mirror of flagMulti
	subMode bool     // mirror of flagPubSub
	busyOps []func() // see busy.go; guarded by the server's busyMu
}

type clientFlags uint32

const (
	flagMulti      clientFlags = 1 << iota // inside MULTI
	flagDirtyCAS                           // a watched key changed: EXEC fails
	flagDirtyExec                          // a command failed to queue: EXEC aborts
	flagCloseAfter                         // QUIT: close once the reply is written
	flagMonitor                            // MONITOR
	flagPubSub                             // subscribed to something
	flagNoEvict                            // CLIENT NO-EVICT on (recorded only)
)

type replyMode uint8

const (
	replyOn replyMode = iota
	replyOff
	replySkip     // skip the reply of the next command
	replySkipThis // skipping the reply of the current command
)

// queued is a command queued inside MULTI.
type queued struct {
	cmd  *keyspace.Command
	args []string
}

func newClient(s *Server, nc net.Conn) *client {
	c := &client{
		s:       s,
		id:      s.nextID.Add(1),
		nc:      nc,
		created: time.Now(),
		wake:    make(chan struct{}, 1),
		names:   map[string]*spelling{},
	}
	c.addr = nc.RemoteAddr().String()
	c.lad = nc.LocalAddr().String()
	c.w = resp.NewWriter(nc)
	c.out = c.w
	c.ctx = s.ks.NewCtx()
	c.authed = s.params.requirePass == ""
	c.rd.MaxBulkLen = s.params.protoMaxBulkLen
	c.rd.MaxQueryBuf = s.params.queryBufLimit
	c.rd.Unauthenticated = !c.authed
	c.lastActive.Store(c.created.UnixMilli())
	return c
}

// serve is the connection's goroutine: read, parse, execute, write, until the client leaves or
// is killed.
func (c *client) serve() {
	defer c.s.wg.Done()
	defer c.close()
	for {
		n, err := c.rd.Fill(c.nc)
		if n > 0 {
			if !c.process() {
				return
			}
		}
		if err != nil {
			if errors.Is(err, os.ErrDeadlineExceeded) && !c.killed.Load() {
				// Woken to write asynchronous output.
				_ = c.nc.SetReadDeadline(time.Time{})
				if !c.flushPush() {
					return
				}
				continue
			}
			if errors.Is(err, resp.ErrQueryBufferLimit) {
				c.s.logf('#', "Closing client that reached max query buffer length: %s", c.infoLine())
			}
			return
		}
	}
}

// process runs every complete request in the input buffer, then writes the replies. It returns
// false when the connection must be closed.
//
// Requests are parsed into a batch outside the execution lock; the batch then runs under one
// hold of the lock, the way Redis runs everything a client sent before it serves the next client.
// A batch ends early after a command that changes how the following requests parse (AUTH, HELLO,
// RESET, CONFIG) or at a protocol error, which is answered after the commands before it.
func (c *client) process() bool {
	for {
		if c.killed.Load() {
			return false
		}
		batch, perr := c.parseBatch()
		if len(batch) == 0 && perr == nil {
			break
		}
		if !c.runBatch(batch) {
			return false
		}
		if perr != nil {
			c.w.Error(perr.Msg)
			c.s.logf('-', "Protocol error (%s) from client: %s", strings.TrimPrefix(perr.Msg, "ERR Protocol error: "), c.infoLine())
			c.flush()
			return false
		}
	}
	return c.flush()
}

// maxBatch bounds how many commands run under one hold of the lock.
const maxBatch = 512

// parseBatch parses the complete requests in the buffer (at most maxBatch), converting their
// arguments to strings.
func (c *client) parseBatch() ([][]string, *resp.ProtocolError) {
	c.batch = c.batch[:0]
	c.cmds = c.cmds[:0]
	c.argv = c.argv[:0]
	for len(c.batch) < maxBatch {
		raw, err := c.rd.Next()
		if err != nil {
			if err == resp.ErrIncomplete {
				break
			}
			var pe *resp.ProtocolError
			if errors.As(err, &pe) {
				return c.batch, pe
			}
			break
		}
		start := len(c.argv)
		var sp *spelling
		c.argv, sp = c.strings(c.argv, raw)
		c.batch = append(c.batch, c.argv[start:len(c.argv):len(c.argv)])
		c.cmds = append(c.cmds, sp)
		if changesParsing(c.argv[start]) {
			break
		}
	}
	return c.batch, nil
}

// changesParsing reports whether a command may change how the next requests parse
// (authentication state, protocol limits), so none is parsed before it ran.
func changesParsing(name string) bool {
	switch len(name) {
	case 4:
		return strings.EqualFold(name, "auth")
	case 5:
		return strings.EqualFold(name, "hello") || strings.EqualFold(name, "reset")
	case 6:
		return strings.EqualFold(name, "config")
	}
	return false
}

// runBatch executes parsed requests under the execution lock, letting go of it to wait for a
// pause or a blocking command. It returns false when the connection must be closed.
func (c *client) runBatch(batch [][]string) bool {
	s := c.s
	locked := false
	unlock := func() {
		if locked {
			s.current = nil
			s.ks.Unlock()
			locked = false
		}
	}
	defer unlock()
	for i, args := range batch {
		if c.killed.Load() {
			return false
		}
		cmd, msg := resolveFrom(c.cmds[i].cmd, args)
		if cmd != nil && s.pause.blocks(cmd) {
			unlock()
			c.flush()
			s.pause.wait(cmd)
		}
		if !locked {
			handled, closeConn := s.acquire(c, cmd, msg, args)
			if closeConn {
				c.flush()
				return false
			}
			if handled {
				continue
			}
			s.current = c
			locked = true
			c.readClock()
			if s.busyPending.Load() > 0 {
				s.applyBusyOps()
			}
		}
		// One reading of the clock per command serves the server (c.tick, taken when the previous
		// command ended) and the keyspace (the command's time for expiry), as Redis caches its
		// time for the duration of a command.
		c.ctx.Frozen = s.ks.Clock.Millis((c.wallOff + int64(c.tick)) / int64(time.Millisecond))
		if c.mayRunScript(cmd) {
			s.beginScript(c)
			c.ctx.Frozen = s.ks.Clock.Millis((c.wallOff + int64(c.tick)) / int64(time.Millisecond))
			c.execute(cmd, msg, args)
			s.endScript()
			if s.busyPending.Load() > 0 {
				s.applyBusyOps()
			}
		} else {
			c.execute(cmd, msg, args)
		}
		c.ctx.Frozen = 0
		c.subMode = c.flags&flagPubSub != 0
		if c.flags&flagCloseAfter != 0 {
			unlock()
			c.flush()
			return false
		}
		if c.block != nil {
			unlock()
			if !c.waitUnblocked() {
				return false
			}
		}
	}
	return true
}

// readClock reads the real time once when the client takes the lock: the start of its next
// command (tick) and the offset from ticks to wall time.
func (c *client) readClock() {
	now := time.Now()
	c.tick = now.Sub(epoch)
	c.wallOff = now.UnixNano() - int64(c.tick)
}

// strings converts the arguments of a request to strings that commands may keep (DESIGN.md
// decision 2). The command name is interned per client; the other arguments share one
// allocation.
func (c *client) strings(args []string, raw [][]byte) ([]string, *spelling) {
	sp, ok := c.names[string(raw[0])]
	if !ok {
		name := string(raw[0])
		sp = &spelling{name: name, cmd: keyspace.Lookup(name)}
		if len(c.names) < 64 {
			c.names[name] = sp
		}
	}
	args = append(args, sp.name)
	total := 0
	for _, a := range raw[1:] {
		total += len(a)
	}
	if total > 0 {
		block := make([]byte, total)
		off := 0
		for _, a := range raw[1:] {
			n := copy(block[off:], a)
			if n == 0 {
				args = append(args, "")
				continue
			}
			args = append(args, unsafe.String(&block[off], n))
			off += n
		}
	} else {
		for range raw[1:] {
			args = append(args, "")
		}
	}
	return args, sp
}

// spelling is a command name as a client spells it, with its table entry (nil: unknown).
type spelling struct {
	name string
	cmd  *keyspace.Command
}

// flush writes the pending replies, then any asynchronous output. It returns false when the
// connection failed.
func (c *client) flush() bool {
	if c.w.Buffered() > 0 {
		if err := c.w.Flush(); err != nil {
			return false
		}
	}
	if c.pushPending.Load() {
		return c.flushPush()
	}
	return true
}

// flushPush writes the asynchronous output queued by other goroutines.
func (c *client) flushPush() bool {
	c.pushMu.Lock()
	buf := c.pushBuf
	c.pushBuf = nil
	c.pushSince = time.Time{}
	c.pushPending.Store(false)
	c.pushMu.Unlock()
	if len(buf) == 0 {
		return !c.killed.Load()
	}
	_, err := c.nc.Write(buf)
	return err == nil && !c.killed.Load()
}

// takePush moves queued asynchronous output into the reply buffer, so that it keeps its place
// before the replies of commands that run after it was queued. Called with the execution lock
// held, before each command.
func (c *client) takePush() {
	if !c.pushPending.Load() {
		return
	}
	c.pushMu.Lock()
	c.w.Raw(c.pushBuf)
	c.pushBuf = c.pushBuf[:0]
	c.pushSince = time.Time{}
	c.pushPending.Store(false)
	c.pushMu.Unlock()
}

// push queues asynchronous output for this client (a message, a MONITOR line) and wakes its
// goroutine. It enforces the output buffer limits of the client's class. Called with the
// execution lock held, from another client's command.
func (c *client) push(p []byte) {
	if c.killed.Load() {
		return
	}
	if c == c.s.current {
		// The running client itself (a RESP3 client publishing to its own channel): the message
		// goes before the command's reply, in its reply buffer.
		c.raw(p)
		return
	}
	c.pushMu.Lock()
	c.pushBuf = append(c.pushBuf, p...)
	n := len(c.pushBuf)
	over := c.s.params.outputLimitExceeded(c, n)
	c.pushMu.Unlock()
	if over {
		c.s.logf('#', "Client %s scheduled to be closed ASAP for overcoming of output buffer limits.", c.infoLine())
		c.killWith("output buffer limit")
		return
	}
	if c.pushPending.CompareAndSwap(false, true) {
		select {
		case c.wake <- struct{}{}:
		default:
		}
		// Interrupt a pending Read so the goroutine writes the output now.
		_ = c.nc.SetReadDeadline(time.Unix(1, 0))
	}
}

// kill closes the connection from another goroutine; the client's goroutine then ends.
func (c *client) kill() { c.killWith("") }

func (c *client) killWith(reason string) {
	if c.killed.CompareAndSwap(false, true) {
		c.reason = reason
		_ = c.nc.Close()
		select {
		case c.wake <- struct{}{}:
		default:
		}
	}
}

// close unregisters the client: its subscriptions, watched keys, blocking state and MONITOR.
func (c *client) close() {
	c.killed.Store(true)
	_ = c.nc.Close()
	s := c.s
	s.ks.Lock()
	s.unblock(c)
	s.unwatchAll(c)
	s.pubsub.unsubscribeAll(c)
	s.removeMonitor(c)
	delete(s.registry(), c.id)
	s.ks.Unlock()
}
