package server

import (
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/redmoon-dev/redmoon/keyspace"
)

// Server commands that need the server's state: LASTSAVE, MEMORY USAGE, LATENCY, SHUTDOWN, WAIT,
// PUBLISH/SPUBLISH/PUBSUB (also reachable from scripts through the keyspace table, script.go).

// Version is redmoon's own version (INFO's redmoon_version, `redmoon --version`).
const Version = "0.1.0-dev"

// cmdMemoryUsage estimates the memory a key uses: the key, the value and the bookkeeping around
// them. The figure is an estimate, as Redis's is (it samples aggregates).
func cmdMemoryUsage(c *client, a []string) {
	for i := 3; i < len(a); i++ {
		if strings.EqualFold(a[i], "samples") && i+1 < len(a) {
			if _, err := strconv.ParseInt(a[i+1], 10, 64); err != nil || !isRedisInt(a[i+1]) {
				c.out.Error("ERR value is not an integer or out of range")
				return
			}
			i++
			continue
		}
		c.out.Error("ERR syntax error")
		return
	}
	key := a[2]
	typ := c.internalString("type", key)
	if typ == "none" || typ == "" {
		c.out.Null()
		return
	}
	size := int64(len(key)) + 56
	switch typ {
	case "string":
		size += c.internalInt("strlen", key) + 16
	case "list":
		size += c.internalInt("llen", key)*24 + 64
	case "set":
		size += c.internalInt("scard", key)*40 + 64
	case "zset":
		size += c.internalInt("zcard", key)*64 + 128
	case "hash":
		size += c.internalInt("hlen", key)*48 + 64
	default:
		size += 256
	}
	c.out.Integer(size)
}

// internalInt and internalString run a keyspace command for the server's own use and return
// its integer or string reply (0 or "" when the command is missing or fails).
func (c *client) internalInt(name string, args ...string) int64 {
	cmd := keyspace.Lookup(name)
	if cmd == nil || cmd.Handler == nil {
		return 0
	}
	var r intSink
	cmd.Call(c.ctx, append([]string{name}, args...), &r)
	return r.n
}

func (c *client) internalString(name string, args ...string) string {
	cmd := keyspace.Lookup(name)
	if cmd == nil || cmd.Handler == nil {
		return ""
	}
	var r strSink
	cmd.Call(c.ctx, append([]string{name}, args...), &r)
	return r.s
}

// strSink keeps the text of a status or bulk reply.
type strSink struct {
	discard
	s string
}

func (r *strSink) SimpleString(s string) { r.s = s }
func (r *strSink) Bulk(s string)         { r.s = s }

func cmdShutdown(c *client, a []string) {
	for _, opt := range a[1:] {
		switch strings.ToLower(opt) {
		case "nosave", "save", "now", "force", "abort":
		default:
			c.out.Error("ERR syntax error")
			return
		}
	}
	for _, opt := range a[1:] {
		if strings.EqualFold(opt, "abort") {
			c.out.Error("ERR No shutdown in progress.")
			return
		}
	}
	c.s.logf('#', "User requested shutdown...")
	c.s.shutOnce.Do(func() { close(c.s.shutdown) })
	go c.s.stop()
	// Redis closes the connection without a reply when it shuts down.
	c.flags |= flagCloseAfter
}

// cmdWait answers as a server without replicas: 0 at once when no replica is asked for, else
// 0 after the timeout (blocking like Redis; a zero timeout blocks until the client leaves).
func cmdWait(c *client, a []string) {
	n, err := strconv.ParseInt(a[1], 10, 64)
	if err != nil || !isRedisInt(a[1]) {
		c.out.Error("ERR value is not an integer or out of range")
		return
	}
	ms, err := strconv.ParseInt(a[2], 10, 64)
	if err != nil || !isRedisInt(a[2]) {
		c.out.Error("ERR timeout is not an integer or out of range")
		return
	}
	if ms < 0 {
		c.out.Error("ERR timeout is negative")
		return
	}
	if n <= 0 || c.flags&flagMulti != 0 || c.ctx.Flags&keyspace.InMulti != 0 {
		c.out.Integer(0)
		return
	}
	st := &blockState{timeout: []byte(":0\r\n"), done: make(chan struct{})}
	if ms > 0 {
		st.deadline = time.Now().Add(time.Duration(ms) * time.Millisecond)
	}
	c.block = st
	c.s.blocked.count++
}

// cpuTimes returns the process's user and system CPU seconds.
func cpuTimes() (user, sys float64) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, 0
	}
	return float64(ru.Utime.Sec) + float64(ru.Utime.Usec)/1e6, float64(ru.Stime.Sec) + float64(ru.Stime.Usec)/1e6
}
