package server

import (
	"strconv"
	"time"

	"github.com/redmoon-dev/redmoon/keyspace"
)

// The slow log (SLOWLOG GET/LEN/RESET) as Redis keeps it: commands slower than
// slowlog-log-slower-than microseconds, newest first, at most slowlog-max-len entries; at most 32
// arguments per entry and 128 bytes per argument.

const (
	slowlogMaxArgc = 32
	slowlogMaxStr  = 128
)

type slowEntry struct {
	id       int64
	time     int64 // Unix seconds
	duration int64 // µs
	args     []string
	addr     string
	name     string
}

type slowlog struct {
	entries []slowEntry // newest first
	nextID  int64
}

func (l *slowlog) init() {}

func (l *slowlog) reset() { l.entries = nil }

// record adds a command to the log when it was slow enough. Lock held.
func (l *slowlog) record(c *client, args []string, start time.Time, dur time.Duration, p *params) {
	us := dur.Microseconds()
	if p.slowlogSlower < 0 || us < p.slowlogSlower {
		return
	}
	n := min(len(args), slowlogMaxArgc)
	kept := make([]string, n)
	for i := 0; i < n; i++ {
		a := args[i]
		if i == slowlogMaxArgc-1 && len(args) > slowlogMaxArgc {
			a = "... (" + strconv.Itoa(len(args)-slowlogMaxArgc+1) + " more arguments)"
		} else if len(a) > slowlogMaxStr {
			a = a[:slowlogMaxStr] + "... (" + strconv.Itoa(len(a)-slowlogMaxStr) + " more bytes)"
		} else {
			a = string([]byte(a)) // do not pin the command's argument block
		}
		kept[i] = a
	}
	e := slowEntry{id: l.nextID, time: start.Unix(), duration: us, args: kept, addr: c.addr, name: c.name}
	l.nextID++
	l.entries = append([]slowEntry{e}, l.entries...)
	if int64(len(l.entries)) > p.slowlogMaxLen {
		l.entries = l.entries[:p.slowlogMaxLen]
	}
}

func cmdSlowlogGet(c *client, a []string) {
	count := int64(10)
	if len(a) == 3 {
		n, err := strconv.ParseInt(a[2], 10, 64)
		if err != nil || !isRedisInt(a[2]) || n < -1 {
			c.out.Error("ERR count should be greater than or equal to -1")
			return
		}
		count = n
	} else if len(a) > 3 {
		c.out.Error("ERR wrong number of arguments for 'slowlog|get' command")
		return
	}
	writeSlowlog(c.out, c.s.slowlog.entries, count)
}

func writeSlowlog(r keyspace.Reply, entries []slowEntry, count int64) {
	if count == -1 || count > int64(len(entries)) {
		count = int64(len(entries))
	}
	r.ArrayLen(int(count))
	for _, e := range entries[:count] {
		r.ArrayLen(6)
		r.Integer(e.id)
		r.Integer(e.time)
		r.Integer(e.duration)
		r.ArrayLen(len(e.args))
		for _, a := range e.args {
			r.Bulk(a)
		}
		r.Bulk(e.addr)
		r.Bulk(e.name)
	}
}
