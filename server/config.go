package server

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/redmoon-dev/redmoon/keyspace"
)

// params are the configuration parameters the server honours (CONFIG GET/SET, the config file).
// Guarded by the execution lock once the server runs.
type params struct {
	requirePass     string
	maxClients      int
	protoMaxBulkLen int64
	queryBufLimit   int64
	slowlogSlower   int64 // µs; -1 disables, 0 logs everything
	slowlogMaxLen   int64
	timeout         int64 // idle client timeout in seconds, 0: never
	busyThreshold   int64 // busy-reply-threshold / lua-time-limit, ms (read by the script bridge)
	outLimits       [3]outLimit
}

// outLimit is one class of client-output-buffer-limit: a hard limit, and a soft limit that may
// be exceeded for at most softSecs seconds (0 bytes: no limit).
type outLimit struct {
	hard, soft int64
	softSecs   int64
}

const (
	classNormal = iota
	classReplica
	classPubSub
)

var classNames = [...]string{"normal", "slave", "pubsub"}

func newParams(s *Server) *params {
	cfg := s.cfg
	p := &params{
		requirePass:     cfg.RequirePass,
		maxClients:      cfg.MaxClients,
		protoMaxBulkLen: cfg.ProtoMaxBulkLen,
		queryBufLimit:   cfg.ClientQueryBufferLimit,
		slowlogSlower:   10000,
		slowlogMaxLen:   128,
		busyThreshold:   5000,
		outLimits: [3]outLimit{
			classNormal:  {},
			classReplica: {256 << 20, 64 << 20, 60},
			classPubSub:  {32 << 20, 8 << 20, 60},
		},
	}
	if p.protoMaxBulkLen == 0 {
		p.protoMaxBulkLen = 512 << 20
	}
	if p.queryBufLimit == 0 {
		p.queryBufLimit = 1 << 30
	}
	return p
}

// outputLimitExceeded reports whether a client with n bytes of pending asynchronous output must
// be closed. Called with pushMu held.
func (p *params) outputLimitExceeded(c *client, n int) bool {
	class := classNormal
	if c.flags&flagPubSub != 0 {
		class = classPubSub
	}
	l := p.outLimits[class]
	if l.hard > 0 && int64(n) >= l.hard {
		return true
	}
	if l.soft > 0 && int64(n) >= l.soft {
		if c.pushSince.IsZero() {
			c.pushSince = time.Now()
			return false
		}
		return time.Since(c.pushSince) > time.Duration(l.softSecs)*time.Second
	}
	c.pushSince = time.Time{}
	return false
}

// param is one configuration parameter.
type param struct {
	name      string
	alias     string // another name for the same parameter (lua-time-limit)
	immutable bool
	get       func(s *Server) string
	set       func(s *Server, v string) string // returns the error text after "- ", or ""
}

// databases is the number of databases clients may SELECT: the keyspace's.
func (s *Server) databases() int { return s.ks.Databases() }

var paramTable []*param

func init() {
	intParam := func(name string, lo, hi int64, ptr func(p *params) *int64) *param {
		return &param{name: name,
			get: func(s *Server) string { return strconv.FormatInt(*ptr(s.params), 10) },
			set: func(s *Server, v string) string {
				n, err := strconv.ParseInt(v, 10, 64)
				if err != nil || !isRedisInt(v) {
					return "argument couldn't be parsed into an integer"
				}
				if n < lo || n > hi {
					return fmt.Sprintf("argument must be between %d and %d inclusive", lo, hi)
				}
				*ptr(s.params) = n
				return ""
			}}
	}
	memParam := func(name string, lo int64, ptr func(p *params) *int64, after func(s *Server)) *param {
		return &param{name: name,
			get: func(s *Server) string { return strconv.FormatInt(*ptr(s.params), 10) },
			set: func(s *Server, v string) string {
				n, ok := parseMemory(v)
				if !ok {
					return "argument must be a memory value"
				}
				if n < lo {
					return fmt.Sprintf("argument must be between %d and 9223372036854775807 inclusive", lo)
				}
				*ptr(s.params) = n
				if after != nil {
					after(s)
				}
				return ""
			}}
	}
	fixed := func(name string, get func(s *Server) string) *param {
		return &param{name: name, immutable: true, get: get}
	}
	busy := intParam("busy-reply-threshold", 0, 1<<63-1, func(p *params) *int64 { return &p.busyThreshold })
	busy.alias = "lua-time-limit"
	setBusy := busy.set
	busy.set = func(s *Server, v string) string {
		if msg := setBusy(s, v); msg != "" {
			return msg
		}
		if s.bridge != nil {
			s.bridge.SetBusyThreshold(time.Duration(s.params.busyThreshold) * time.Millisecond)
		}
		return ""
	}
	paramTable = []*param{
		{name: "requirepass",
			get: func(s *Server) string { return s.params.requirePass },
			set: func(s *Server, v string) string { s.params.requirePass = v; return "" }},
		{name: "maxclients",
			get: func(s *Server) string { return strconv.Itoa(s.params.maxClients) },
			set: func(s *Server, v string) string {
				n, err := strconv.ParseInt(v, 10, 64)
				if err != nil || !isRedisInt(v) {
					return "argument couldn't be parsed into an integer"
				}
				if n < 1 || n > 4294967295 {
					return "argument must be between 1 and 4294967295 inclusive"
				}
				s.params.maxClients = int(n)
				return ""
			}},
		memParam("proto-max-bulk-len", 1<<20, func(p *params) *int64 { return &p.protoMaxBulkLen }, func(s *Server) {
			for _, c := range s.registry() {
				c.rd.MaxBulkLen = s.params.protoMaxBulkLen
			}
		}),
		memParam("client-query-buffer-limit", 1<<20, func(p *params) *int64 { return &p.queryBufLimit }, func(s *Server) {
			for _, c := range s.registry() {
				c.rd.MaxQueryBuf = s.params.queryBufLimit
			}
		}),
		{name: "client-output-buffer-limit", get: getOutputLimits, set: setOutputLimits},
		intParam("slowlog-log-slower-than", -1, 1<<63-1, func(p *params) *int64 { return &p.slowlogSlower }),
		intParam("slowlog-max-len", 0, 1<<63-1, func(p *params) *int64 { return &p.slowlogMaxLen }),
		intParam("timeout", 0, 2147483647, func(p *params) *int64 { return &p.timeout }),
		busy,
		fixed("databases", func(s *Server) string { return strconv.Itoa(s.databases()) }),
		fixed("port", func(s *Server) string { return strconv.Itoa(s.cfg.Port) }),
		fixed("bind", func(s *Server) string { return s.cfg.Bind }),
		fixed("save", func(s *Server) string { return "" }),
		fixed("appendonly", func(s *Server) string { return "no" }),
	}
}

// parseMemory parses a memory value as Redis's memtoull: digits with an optional unit b, k, kb,
// m, mb, g, gb (k = 1000, kb = 1024, any case).
func parseMemory(v string) (int64, bool) {
	lv := strings.ToLower(v)
	mul := int64(1)
	for _, u := range []struct {
		suffix string
		mul    int64
	}{{"gb", 1 << 30}, {"mb", 1 << 20}, {"kb", 1 << 10}, {"g", 1e9}, {"m", 1e6}, {"k", 1e3}, {"b", 1}} {
		if strings.HasSuffix(lv, u.suffix) {
			lv = strings.TrimSuffix(lv, u.suffix)
			mul = u.mul
			break
		}
	}
	if lv == "" {
		return 0, false
	}
	for i := 0; i < len(lv); i++ {
		if lv[i] < '0' || lv[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(lv, 10, 64)
	if err != nil || n > (1<<63-1)/mul {
		return 0, false
	}
	return n * mul, true
}

func getOutputLimits(s *Server) string {
	var parts []string
	for i, l := range s.params.outLimits {
		parts = append(parts, fmt.Sprintf("%s %d %d %d", classNames[i], l.hard, l.soft, l.softSecs))
	}
	return strings.Join(parts, " ")
}

func setOutputLimits(s *Server, v string) string {
	f := strings.Fields(v)
	if len(f)%4 != 0 {
		return "Wrong number of arguments in buffer limit configuration."
	}
	limits := s.params.outLimits
	for i := 0; i < len(f); i += 4 {
		class := -1
		switch strings.ToLower(f[i]) {
		case "normal":
			class = classNormal
		case "slave", "replica":
			class = classReplica
		case "pubsub":
			class = classPubSub
		}
		hard, ok1 := parseMemory(f[i+1])
		soft, ok2 := parseMemory(f[i+2])
		secs, err := strconv.ParseInt(f[i+3], 10, 64)
		if class < 0 || !ok1 || !ok2 || err != nil || secs < 0 {
			return "Invalid argument in buffer limit configuration."
		}
		limits[class] = outLimit{hard, soft, secs}
	}
	s.params.outLimits = limits
	return ""
}

func findParam(name string) *param {
	for _, p := range paramTable {
		if strings.EqualFold(p.name, name) || p.alias != "" && strings.EqualFold(p.alias, name) {
			return p
		}
	}
	return nil
}

func cmdConfigGet(c *client, a []string) {
	type kv struct{ k, v string }
	var out []kv
	seen := map[string]bool{}
	add := func(name string, p *param) {
		if !seen[name] {
			seen[name] = true
			out = append(out, kv{name, p.get(c.s)})
		}
	}
	for _, pat := range a[2:] {
		if !strings.ContainsAny(pat, "*?[") {
			if p := findParam(pat); p != nil {
				add(strings.ToLower(pat), p)
			}
			continue
		}
		for _, p := range paramTable {
			if keyspace.GlobMatch(pat, p.name, true) {
				add(p.name, p)
			}
			if p.alias != "" && keyspace.GlobMatch(pat, p.alias, true) {
				add(p.alias, p)
			}
		}
	}
	c.out.MapLen(len(out))
	for _, e := range out {
		c.out.Bulk(e.k)
		c.out.Bulk(e.v)
	}
}

func cmdConfigSet(c *client, a []string) {
	if len(a)%2 != 0 {
		c.out.Error("ERR syntax error")
		return
	}
	type change struct {
		p    *param
		name string
		v    string
	}
	var changes []change
	for i := 2; i < len(a); i += 2 {
		p := findParam(a[i])
		if p == nil || p.set == nil && !p.immutable {
			c.out.Error("ERR Unknown option or number of arguments for CONFIG SET - '" + errText(a[i]) + "'")
			return
		}
		for _, ch := range changes {
			if ch.p == p {
				c.out.Error("ERR CONFIG SET failed (possibly related to argument '" + errText(a[i]) + "') - duplicate parameter")
				return
			}
		}
		if p.immutable {
			c.out.Error("ERR CONFIG SET failed (possibly related to argument '" + errText(a[i]) + "') - can't set immutable config")
			return
		}
		changes = append(changes, change{p, a[i], a[i+1]})
	}
	// Apply all or nothing: on a failure, restore the values set so far.
	var undo []change
	for _, ch := range changes {
		old := ch.p.get(c.s)
		if msg := ch.p.set(c.s, ch.v); msg != "" {
			for i := len(undo) - 1; i >= 0; i-- {
				undo[i].p.set(c.s, undo[i].v)
			}
			c.out.Error("ERR CONFIG SET failed (possibly related to argument '" + errText(ch.name) + "') - " + msg)
			return
		}
		undo = append(undo, change{ch.p, ch.name, old})
	}
	c.out.SimpleString("OK")
}

func cmdConfigRewrite(c *client, a []string) {
	if c.s.cfg.ConfigFile == "" {
		c.out.Error("ERR The server is running without a config file")
		return
	}
	if err := c.s.rewriteConfig(); err != nil {
		c.out.Error("ERR Rewriting config file: " + err.Error())
		return
	}
	c.out.SimpleString("OK")
}
