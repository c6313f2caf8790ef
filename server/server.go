// Package server is redmoon's RESP2/RESP3 network server: it accepts client connections, parses
// their requests, runs commands against the keyspace one at a time (DESIGN.md decision 7) and
// writes the replies, with Redis 7.0's connection-level behaviour: pipelining and inline
// requests with Redis's protocol errors and limits, HELLO and AUTH, MULTI/EXEC/WATCH, pub/sub,
// blocking commands, scripts (through redisbridge) with BUSY and SCRIPT KILL, CLIENT, CONFIG,
// INFO, COMMAND, SLOWLOG, MONITOR and SHUTDOWN. Data commands are the keyspace's: the server
// serves whatever the command table implements.
//
// Usage:
//
//	s := server.New(server.Config{Port: 6379})   // or Config{Keyspace: ks} to serve an existing one
//	go s.ListenAndServe()
//	...
//	s.Shutdown(ctx)
//
// Each connection has one goroutine that reads, parses and writes. The requests available in
// its input buffer are parsed into a batch outside the execution lock (the keyspace lock), then
// run under one hold of it, as Redis runs a client's whole input before serving the next client;
// the replies of the batch go out in one write. A script or an EXEC holds the lock for its whole
// run. Pub/sub messages, MONITOR lines and the replies of unblocked clients reach other
// connections through a per-client queue written by that client's goroutine.
//
// Blocking commands are generic: the server runs the command; when it answers the null that
// means "nothing to serve", the client waits on the keys (FIFO per key). Every modification of
// one of them (the keyspace's KeyModified hook) makes the key ready; right after the command,
// EXEC or script that modified it, the ready keys are served in the order they became ready, as
// Redis 7.0 does: each waiting client of a ready key that holds the type it waits for gets its
// command run again on that key alone, in arrival order.
//
// Scripts: a client whose request finds the lock held by a script that has passed
// busy-reply-threshold is answered at once (BUSY, or the commands Redis allows then), also when
// it was already waiting for the lock when the threshold passed (execlock.go, busy.go). The
// clock is read once per command, for the server's timing and the keyspace's expiry alike.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redmoon-dev/redmoon/keyspace"
	"github.com/redmoon-dev/redmoon/redisbridge"
	"github.com/redmoon-dev/redmoon/server/resp"
)

// RedisVersion is the Redis version the server reports (HELLO, INFO): clients decide which
// features to use from it, and redmoon behaves as this version does.
const RedisVersion = "7.0.15"

// Config is the server's start-up configuration. The zero value of a field means Redis's default.
type Config struct {
	Bind        string // address to listen on; default 127.0.0.1
	Port        int    // TCP port; default 6379 (0 with Listener set is fine)
	RequirePass string // password of the default user; empty: no authentication
	Databases   int    // number of databases; default 16
	MaxClients  int    // maximum simultaneous clients; default 10000

	ProtoMaxBulkLen        int64 // largest bulk argument; default 512 MB
	ClientQueryBufferLimit int64 // largest pending input per client; default 1 GB

	// ConfigFile is the path of the configuration file the server was started with, reported by
	// INFO and CONFIG GET; empty when there is none.
	ConfigFile string

	// Log receives the server's log lines (Redis style). Nil discards them.
	Log io.Writer

	// Settings are further parameters to apply at start, as CONFIG SET would (name, value),
	// typically read from a configuration file by ParseConfig.
	Settings [][2]string

	// Keyspace is the data set to serve. Nil creates an empty one.
	Keyspace *keyspace.Keyspace
}

// Server is a running RESP server.
type Server struct {
	cfg    Config
	ks     *keyspace.Keyspace
	bridge *redisbridge.Bridge // the scripting engine of ks (EVAL, FUNCTION, ...)
	logger *log.Logger

	// The keyspace's lock is the execution lock: every command, EXEC and script runs holding it.
	// It also guards the registries below (clients, pub/sub, blocked clients, watched keys,
	// settings).
	params  *params
	current *client           // the client whose command is running, guarded by the lock
	swaps   [][2]int          // SWAPDBs of the running command, for WATCH (settleSwaps)
	scratch resp.Writer       // replies of blocking commands being tried, guarded by the lock
	clients map[int64]*client // use registry(), which first registers pending clients
	nextID  atomic.Int64

	// Clients accepted while the execution lock was held (a running script or command): their
	// goroutines serve them at once (a busy script's BUSY replies, SCRIPT KILL), and registry()
	// adds them to clients at the next locked access.
	pendMu   sync.Mutex
	pending  []*client
	numConns atomic.Int64

	pubsub   pubsub
	blocked  blockedKeys
	watched  watchedKeys
	monitors []*client
	slowlog  slowlog
	stats    stats

	// Waiting for the execution lock while a script may turn busy (execlock.go).
	lockWaiters atomic.Int32 // clients waiting on the lock's mutex
	scripting   atomic.Int32 // a request that may run a script holds or is about to hold the lock

	// Changes answered while a script was busy, to apply under the lock (busy.go).
	busyMu      sync.Mutex
	busyClients []*client            // clients with busyOps, guarded by busyMu
	busyPending atomic.Int32         // len(busyClients)
	busyWatch   map[watchKey][]*bool // keys watched during a busy script, not yet applied: their dirty flags

	// Clients paused by CLIENT PAUSE wait on this until the pause ends.
	pause pauseState

	listeners []net.Listener
	lnMu      sync.Mutex
	closing   atomic.Bool
	done      chan struct{} // closed when the server has stopped
	doneOnce  sync.Once
	wg        sync.WaitGroup // connection goroutines

	startTime time.Time
	runID     string
	lastSave  int64
	shutdown  chan struct{} // closed by SHUTDOWN
	shutOnce  sync.Once
}

// New returns a server with the given configuration, not yet listening.
func New(cfg Config) *Server {
	if cfg.Bind == "" {
		cfg.Bind = "127.0.0.1"
	}
	if cfg.Port == 0 {
		cfg.Port = 6379
	}
	if cfg.Databases <= 0 {
		cfg.Databases = 16
	}
	if cfg.MaxClients <= 0 {
		cfg.MaxClients = 10000
	}
	out := cfg.Log
	if out == nil {
		out = io.Discard
	}
	s := &Server{
		cfg:       cfg,
		ks:        cfg.Keyspace,
		logger:    log.New(out, "", 0),
		clients:   map[int64]*client{},
		done:      make(chan struct{}),
		shutdown:  make(chan struct{}),
		startTime: time.Now(),
		runID:     newRunID(),
	}
	if s.ks == nil {
		s.ks = keyspace.NewWithOptions(keyspace.Options{Databases: cfg.Databases})
	}
	s.bridge = redisbridge.For(s.ks)
	s.params = newParams(s)
	s.lastSave = s.startTime.Unix()
	s.pubsub.init()
	s.blocked.init()
	s.watched.init()
	s.slowlog.init()
	s.applySettings()
	s.bridge.SetBusyThreshold(time.Duration(s.params.busyThreshold) * time.Millisecond)
	s.ks.Hooks.KeyModified = s.keyModified
	s.ks.Hooks.Flushed = s.flushed
	s.ks.Hooks.Swapped = s.swapped
	attachServer(s.ks, s)
	return s
}

// Keyspace returns the data set the server serves.
func (s *Server) Keyspace() *keyspace.Keyspace { return s.ks }

// Addr returns the address of the first listener, or nil before Serve.
func (s *Server) Addr() net.Addr {
	s.lnMu.Lock()
	defer s.lnMu.Unlock()
	if len(s.listeners) == 0 {
		return nil
	}
	return s.listeners[0].Addr()
}

// ListenAndServe listens on the configured address and port and serves until Close, Shutdown or
// a SHUTDOWN command.
func (s *Server) ListenAndServe() error {
	ln, err := s.Listen()
	if err != nil {
		return err
	}
	return s.Serve(ln)
}

// ListenAddr is the configured "bind:port" address.
func (s *Server) ListenAddr() string {
	return net.JoinHostPort(s.cfg.Bind, strconv.Itoa(s.cfg.Port))
}

// Port is the configured TCP port.
func (s *Server) Port() int { return s.cfg.Port }

// Listen opens the configured TCP listener; pass it to Serve.
func (s *Server) Listen() (net.Listener, error) {
	return net.Listen("tcp", s.ListenAddr())
}

// Serve accepts connections on ln until the server stops. It returns nil after a clean stop.
func (s *Server) Serve(ln net.Listener) error {
	s.lnMu.Lock()
	if s.closing.Load() {
		s.lnMu.Unlock()
		ln.Close()
		return nil
	}
	s.listeners = append(s.listeners, ln)
	first := len(s.listeners) == 1
	s.lnMu.Unlock()
	if first {
		s.startBackground()
	}
	var tempDelay time.Duration
	for {
		nc, err := ln.Accept()
		if err != nil {
			if s.closing.Load() {
				return nil
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				continue
			}
			// Out of file descriptors and the like: back off as net/http does.
			if tempDelay == 0 {
				tempDelay = 5 * time.Millisecond
			} else if tempDelay *= 2; tempDelay > time.Second {
				tempDelay = time.Second
			}
			s.logf('#', "Error accepting a client connection: %v", err)
			time.Sleep(tempDelay)
			continue
		}
		tempDelay = 0
		s.accept(nc)
	}
}

// accept registers a new connection, or refuses it when maxclients is reached (with Redis's
// error, then closing it).
func (s *Server) accept(nc net.Conn) {
	if tc, ok := nc.(*net.TCPConn); ok {
		_ = tc.SetNoDelay(true)
		_ = tc.SetKeepAlive(true)
		_ = tc.SetKeepAlivePeriod(300 * time.Second)
	}
	if !s.ks.TryLock() {
		// A script (or a long command) holds the lock: the accept loop must not wait for it, and
		// the new client must be answered meanwhile (BUSY, SCRIPT KILL) as Redis answers it.
		c := newClient(s, nc)
		s.wg.Add(1)
		s.pendMu.Lock()
		s.pending = append(s.pending, c)
		s.pendMu.Unlock()
		go c.serve()
		return
	}
	if len(s.registry()) >= s.params.maxClients {
		s.stats.rejectedConns++
		s.ks.Unlock()
		_, _ = nc.Write([]byte("-ERR max number of clients reached\r\n"))
		nc.Close()
		return
	}
	c := newClient(s, nc)
	s.clients[c.id] = c
	s.stats.connections++
	s.wg.Add(1)
	s.ks.Unlock()
	go c.serve()
}

// registry returns the registered clients, first adding those accepted while the lock was held.
// A pending client over maxclients is refused then (closed; Redis would have refused it at
// accept). The caller holds the execution lock.
func (s *Server) registry() map[int64]*client {
	s.pendMu.Lock()
	pending := s.pending
	s.pending = nil
	s.pendMu.Unlock()
	for _, c := range pending {
		if len(s.clients) >= s.params.maxClients {
			s.stats.rejectedConns++
			c.kill()
			continue
		}
		s.clients[c.id] = c
		s.stats.connections++
	}
	return s.clients
}

// Close stops the server at once: listeners and every client connection are closed.
func (s *Server) Close() error {
	s.stop()
	s.wg.Wait()
	return nil
}

// Shutdown stops accepting connections, lets each client finish the command it is running, then
// closes every connection. It returns when all connection goroutines have ended or ctx is done.
func (s *Server) Shutdown(ctx context.Context) error {
	s.stop()
	waited := make(chan struct{})
	go func() { s.wg.Wait(); close(waited) }()
	select {
	case <-waited:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Done is closed when the server has stopped (Close, Shutdown or the SHUTDOWN command).
func (s *Server) Done() <-chan struct{} { return s.done }

// ShutdownRequested is closed when a client sent SHUTDOWN; the binary then stops the server and
// exits.
func (s *Server) ShutdownRequested() <-chan struct{} { return s.shutdown }

func (s *Server) stop() {
	s.lnMu.Lock()
	s.closing.Store(true)
	for _, ln := range s.listeners {
		ln.Close()
	}
	s.lnMu.Unlock()
	s.ks.Lock()
	for _, c := range s.registry() {
		c.kill()
	}
	s.ks.Unlock()
	s.doneOnce.Do(func() {
		close(s.done)
		detachServer(s.ks, s)
	})
}

// logf writes a log line in Redis's format: "pid:M dd Mon yyyy hh:mm:ss.mmm * message", where
// level is '.', '-', '*' or '#' (debug, verbose, notice, warning).
func (s *Server) logf(level byte, format string, args ...any) {
	now := time.Now()
	s.logger.Printf("%d:M %s %c %s", os.Getpid(), now.Format("02 Jan 2006 15:04:05.000"), level, fmt.Sprintf(format, args...))
}

// Logf writes a notice-level log line in Redis's format (for the binary's start-up messages).
func (s *Server) Logf(format string, args ...any) { s.logf('*', format, args...) }

func newRunID() string {
	var b [20]byte
	f, err := os.Open("/dev/urandom")
	if err == nil {
		_, _ = io.ReadFull(f, b[:])
		f.Close()
	} else {
		n := time.Now().UnixNano()
		for i := range b {
			b[i] = byte(n >> (8 * (i % 8)))
		}
	}
	const hex = "0123456789abcdef"
	out := make([]byte, 40)
	for i, x := range b {
		out[2*i], out[2*i+1] = hex[x>>4], hex[x&15]
	}
	return string(out)
}

// startBackground starts the periodic jobs of a serving server (Redis's serverCron): active
// expiry of keys every 100 ms, and once a second the idle-client timeout and the output buffer
// soft limits.
func (s *Server) startBackground() {
	stopExpire := s.ks.StartActiveExpire(100 * time.Millisecond)
	go func() {
		defer stopExpire()
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-s.done:
				return
			case <-t.C:
				s.cron()
			}
		}
	}()
}

// cron closes clients idle for longer than the timeout parameter (not subscribers, monitors or
// blocked clients, as Redis) and those over their output buffer soft limit for too long.
func (s *Server) cron() {
	s.ks.Lock()
	defer s.ks.Unlock()
	s.opsPerSec()
	timeout := s.params.timeout
	now := time.Now().UnixMilli()
	for _, c := range s.registry() {
		if timeout > 0 && c.flags&(flagPubSub|flagMonitor) == 0 && c.block == nil &&
			now-c.lastActive.Load() > timeout*1000 {
			s.logf('.', "Closing idle client")
			c.kill()
			continue
		}
		c.pushMu.Lock()
		over := len(c.pushBuf) > 0 && s.params.outputLimitExceeded(c, len(c.pushBuf))
		c.pushMu.Unlock()
		if over {
			s.logf('#', "Client %s closed for overcoming of output buffer limits.", c.infoLine())
			c.killWith("output buffer limit")
		}
	}
}
