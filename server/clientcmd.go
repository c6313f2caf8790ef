package server

import (
	"net"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/redmoon-dev/redmoon/keyspace"
)

// CLIENT and its subcommands.

// infoLine is the client's CLIENT LIST / CLIENT INFO line (without the newline).
func (c *client) infoLine() string {
	now := time.Now()
	var b strings.Builder
	b.Grow(300)
	b.WriteString("id=")
	b.WriteString(strconv.FormatInt(c.id, 10))
	b.WriteString(" addr=" + c.addr + " laddr=" + c.lad + " fd=" + strconv.Itoa(connFD(c.nc)))
	b.WriteString(" name=" + c.name)
	b.WriteString(" age=" + strconv.FormatInt(int64(now.Sub(c.created)/time.Second), 10))
	b.WriteString(" idle=" + strconv.FormatInt((now.UnixMilli()-c.lastActive.Load())/1000, 10))
	b.WriteString(" flags=" + c.flagString())
	db := 0
	if c.ctx.DB != nil {
		db = c.ctx.DB.ID
	}
	b.WriteString(" db=" + strconv.Itoa(db))
	b.WriteString(" sub=" + strconv.Itoa(len(c.channels)))
	b.WriteString(" psub=" + strconv.Itoa(len(c.patterns)))
	b.WriteString(" ssub=" + strconv.Itoa(len(c.shardChans)))
	multi := -1
	if c.flags&flagMulti != 0 {
		multi = len(c.multi)
	}
	b.WriteString(" multi=" + strconv.Itoa(multi))
	qbuf := c.rd.Buffered()
	b.WriteString(" qbuf=" + strconv.Itoa(qbuf) + " qbuf-free=" + strconv.Itoa(max(0, 16384-qbuf)))
	b.WriteString(" argv-mem=0 multi-mem=0 rbs=16384 rbp=0")
	c.pushMu.Lock()
	pending := len(c.pushBuf)
	c.pushMu.Unlock()
	b.WriteString(" obl=0 oll=0 omem=" + strconv.Itoa(pending))
	b.WriteString(" tot-mem=" + strconv.Itoa(20000+qbuf+pending))
	b.WriteString(" events=r cmd=")
	if c.lastCmd == "" {
		b.WriteString("NULL")
	} else {
		b.WriteString(c.lastCmd)
	}
	proto := "2"
	if c.resp3 {
		proto = "3"
	}
	b.WriteString(" user=default redir=-1 resp=" + proto)
	return b.String()
}

func (c *client) flagString() string {
	var f []byte
	if c.flags&flagMonitor != 0 {
		f = append(f, 'O')
	}
	if c.flags&flagPubSub != 0 {
		f = append(f, 'P')
	}
	if c.flags&flagMulti != 0 {
		f = append(f, 'x')
	}
	if c.block != nil {
		f = append(f, 'b')
	}
	if c.flags&flagDirtyCAS != 0 {
		f = append(f, 'd')
	}
	if c.flags&flagCloseAfter != 0 {
		f = append(f, 'c')
	}
	if c.flags&flagNoEvict != 0 {
		f = append(f, 'e')
	}
	if len(f) == 0 {
		f = append(f, 'N')
	}
	return string(f)
}

// clientType is the class CLIENT LIST TYPE and CLIENT KILL TYPE filter on.
func (c *client) clientType() string {
	if c.flags&flagPubSub != 0 {
		return "pubsub"
	}
	return "normal"
}

func validClientType(t string) (string, bool) {
	switch t = strings.ToLower(t); t {
	case "normal", "pubsub", "master", "replica":
		return t, true
	case "slave":
		return "replica", true
	}
	return t, false
}

// sortedClients returns the clients in id order.
func (s *Server) sortedClients() []*client {
	clients := s.registry()
	out := make([]*client, 0, len(clients))
	for _, c := range clients {
		out = append(out, c)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].id < out[j-1].id; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func cmdClientList(c *client, a []string) {
	var typ string
	var ids map[int64]bool
	switch {
	case len(a) == 2:
	case len(a) == 4 && strings.EqualFold(a[2], "type"):
		t, ok := validClientType(a[3])
		if !ok {
			c.out.Error("ERR Unknown client type '" + errText(a[3]) + "'")
			return
		}
		typ = t
	case len(a) >= 4 && strings.EqualFold(a[2], "id"):
		ids = map[int64]bool{}
		for _, s := range a[3:] {
			id, err := strconv.ParseInt(s, 10, 64)
			if err != nil || id <= 0 {
				c.out.Error("ERR Invalid client ID")
				return
			}
			ids[id] = true
		}
	default:
		c.out.Error("ERR syntax error")
		return
	}
	var b strings.Builder
	for _, x := range c.s.sortedClients() {
		if typ != "" && x.clientType() != typ {
			continue
		}
		if ids != nil && !ids[x.id] {
			continue
		}
		b.WriteString(x.infoLine())
		b.WriteByte('\n')
	}
	c.out.Verbatim("txt", b.String())
}

func cmdClientKill(c *client, a []string) {
	s := c.s
	if len(a) == 3 {
		for _, x := range s.sortedClients() {
			if x.addr == a[2] {
				s.killClient(c, x)
				c.out.SimpleString("OK")
				return
			}
		}
		c.out.Error("ERR No such client")
		return
	}
	var (
		id                 int64
		addr, laddr, typ   string
		user               string
		skipMe             = true
		haveID, haveFilter bool
	)
	for i := 2; i < len(a); i += 2 {
		if i+1 >= len(a) {
			c.out.Error("ERR syntax error")
			return
		}
		opt, val := strings.ToLower(a[i]), a[i+1]
		haveFilter = true
		switch opt {
		case "id":
			n, err := strconv.ParseInt(val, 10, 64)
			if err != nil || n <= 0 {
				c.out.Error("ERR client-id should be greater than 0")
				return
			}
			id, haveID = n, true
		case "type":
			t, ok := validClientType(val)
			if !ok {
				c.out.Error("ERR Unknown client type '" + errText(val) + "'")
				return
			}
			typ = t
		case "addr":
			addr = val
		case "laddr":
			laddr = val
		case "user":
			if val != "default" {
				c.out.Error("ERR No such user '" + errText(val) + "'")
				return
			}
			user = val
		case "skipme":
			switch strings.ToLower(val) {
			case "yes":
				skipMe = true
			case "no":
				skipMe = false
			default:
				c.out.Error("ERR syntax error")
				return
			}
		default:
			c.out.Error("ERR syntax error")
			return
		}
	}
	_ = haveFilter
	killed := 0
	for _, x := range s.sortedClients() {
		if haveID && x.id != id || addr != "" && x.addr != addr || laddr != "" && x.lad != laddr ||
			typ != "" && x.clientType() != typ || user != "" && user != "default" {
			continue
		}
		if x == c && skipMe {
			continue
		}
		s.killClient(c, x)
		killed++
	}
	c.out.Integer(int64(killed))
}

// killClient closes x on behalf of c; killing oneself closes after the reply, as Redis does.
func (s *Server) killClient(c, x *client) {
	if x == c {
		c.flags |= flagCloseAfter
		return
	}
	x.kill()
}

func cmdClientReply(c *client, a []string) {
	switch strings.ToLower(a[2]) {
	case "on":
		c.replyMode = replyOn
		c.out = c.w
		c.out.SimpleString("OK")
	case "off":
		c.replyMode = replyOff
	case "skip":
		if c.replyMode != replyOff {
			c.replyMode = replySkip
		}
	default:
		c.out.Error("ERR syntax error")
	}
}

func cmdClientUnblock(c *client, a []string) {
	id, err := strconv.ParseInt(a[2], 10, 64)
	if err != nil || !isRedisInt(a[2]) {
		c.out.Error("ERR value is not an integer or out of range")
		return
	}
	useErr := false
	if len(a) == 4 {
		switch strings.ToLower(a[3]) {
		case "timeout":
		case "error":
			useErr = true
		default:
			c.out.Error("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR")
			return
		}
	} else if len(a) > 4 {
		c.out.Error("ERR syntax error")
		return
	}
	x := c.s.registry()[id]
	if x == nil || x.block == nil {
		c.out.Integer(0)
		return
	}
	var reply []byte
	if useErr {
		reply = []byte("-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n")
	}
	ok := c.s.unblockWith(x, reply)
	if ok {
		c.out.Integer(1)
	} else {
		c.out.Integer(0)
	}
}

// pauseState implements CLIENT PAUSE: until the deadline, commands (all, or the writing ones)
// of other clients wait before running.
type pauseState struct {
	on    atomic.Bool // a pause was started and not yet seen to end
	mu    sync.Mutex
	until time.Time
	all   bool
	ch    chan struct{} // closed when the pause ends early
}

// blocks reports whether cmd must wait for the current pause to end.
func (p *pauseState) blocks(cmd *keyspace.Command) bool {
	if !p.on.Load() {
		return false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.until.IsZero() || !time.Now().Before(p.until) {
		p.on.Store(false)
		return false
	}
	if cmd.Name == "client|unpause" || cmd.Name == "client|pause" {
		return false
	}
	if p.all {
		return true
	}
	if cmd.Has(keyspace.FlagWrite) || cmd.Has(keyspace.FlagMayReplicate) {
		return true
	}
	switch cmd.Name {
	case "eval", "evalsha", "fcall", "publish", "spublish", "pfcount", "wait":
		return true
	}
	return false
}

// wait sleeps until the pause ends.
func (p *pauseState) wait(cmd *keyspace.Command) {
	for p.blocks(cmd) {
		p.mu.Lock()
		ch, left := p.ch, time.Until(p.until)
		p.mu.Unlock()
		t := time.NewTimer(left)
		select {
		case <-ch:
		case <-t.C:
		}
		t.Stop()
	}
}

func (p *pauseState) start(d time.Duration, all bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	until := time.Now().Add(d)
	p.on.Store(true)
	if p.until.IsZero() || !time.Now().Before(p.until) {
		p.ch = make(chan struct{})
		p.all = all
		p.until = until
		return
	}
	// A pause during a pause keeps the longest deadline and the strictest mode.
	if until.After(p.until) {
		p.until = until
	}
	p.all = p.all || all
}

func (p *pauseState) end() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ch != nil && !p.until.IsZero() {
		close(p.ch)
		p.ch = nil
	}
	p.until = time.Time{}
}

func cmdClientPause(c *client, a []string) {
	ms, err := strconv.ParseInt(a[2], 10, 64)
	if err != nil || !isRedisInt(a[2]) {
		c.out.Error("ERR timeout is not an integer or out of range")
		return
	}
	if ms < 0 {
		c.out.Error("ERR timeout is negative")
		return
	}
	all := true
	if len(a) == 4 {
		switch strings.ToLower(a[3]) {
		case "write":
			all = false
		case "all":
		default:
			c.out.Error("ERR CLIENT PAUSE mode must be WRITE or ALL")
			return
		}
	} else if len(a) > 4 {
		c.out.Error("ERR syntax error")
		return
	}
	c.s.pause.start(time.Duration(ms)*time.Millisecond, all)
	c.out.SimpleString("OK")
}

// connFD returns the file descriptor of a TCP connection (CLIENT LIST's fd), or -1.
func connFD(nc net.Conn) int {
	sc, ok := nc.(syscall.Conn)
	if !ok {
		return -1
	}
	raw, err := sc.SyscallConn()
	if err != nil {
		return -1
	}
	fd := -1
	_ = raw.Control(func(f uintptr) { fd = int(f) })
	return fd
}
