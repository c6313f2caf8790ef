package server

import (
	"crypto/subtle"
	"strconv"
	"strings"

	"github.com/redmoon-dev/redmoon/keyspace"
)

// Connection commands: PING ECHO SELECT HELLO AUTH RESET (QUIT is handled before lookup, as
// Redis does).

func cmdPing(c *client, a []string) {
	if len(a) > 2 {
		c.out.Error("ERR wrong number of arguments for 'ping' command")
		return
	}
	if c.flags&flagPubSub != 0 && !c.resp3 {
		c.out.ArrayLen(2)
		c.out.Bulk("pong")
		if len(a) == 1 {
			c.out.Bulk("")
		} else {
			c.out.Bulk(a[1])
		}
		return
	}
	if len(a) == 1 {
		c.out.SimpleString("PONG")
	} else {
		c.out.Bulk(a[1])
	}
}

// cmdSelect is the keyspace's SELECT, limited to the configured number of databases.
func cmdSelect(c *client, a []string) {
	if n, ok := keyspace.ParseInt(a[1]); ok && n >= int64(c.s.databases()) && n < keyspace.NumDatabases {
		c.out.Error("ERR DB index is out of range")
		return
	}
	selectCmd.Call(c.ctx, a, c.out)
}

var selectCmd = keyspace.Lookup("select")

// isRedisInt reports whether s is an integer as Redis's string2ll accepts it.
func isRedisInt(s string) bool {
	if s == "0" {
		return true
	}
	if s == "" || s == "-" {
		return false
	}
	b := s
	if b[0] == '-' {
		b = b[1:]
	}
	if b[0] < '1' || b[0] > '9' {
		return false
	}
	for i := 0; i < len(b); i++ {
		if b[i] < '0' || b[i] > '9' {
			return false
		}
	}
	return true
}

// checkPassword reports whether user/password authenticate as Redis's default user: with no
// requirepass any password is accepted for "default" (it is nopass); other users do not exist.
func (s *Server) checkPassword(user, pass string) bool {
	if user != "default" {
		return false
	}
	want := s.params.requirePass
	if want == "" {
		return true
	}
	return subtle.ConstantTimeCompare([]byte(pass), []byte(want)) == 1
}

func (c *client) setAuthed(ok bool) {
	c.authed = ok
	c.rd.Unauthenticated = !ok
}

func cmdAuth(c *client, a []string) {
	if len(a) > 3 {
		c.out.Error("ERR syntax error")
		return
	}
	if len(a) == 2 {
		if c.s.params.requirePass == "" {
			c.out.Error("ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?")
			return
		}
		a = []string{a[0], "default", a[1]}
	}
	if !c.s.checkPassword(a[1], a[2]) {
		c.s.stats.authFailures++
		c.out.Error("WRONGPASS invalid username-password pair or user is disabled.")
		return
	}
	c.setAuthed(true)
	c.out.SimpleString("OK")
}

// helloArgs are the parsed arguments of HELLO.
type helloArgs struct {
	ver                  int64 // 0: unchanged
	user, pass, name     string
	authGiven, nameGiven bool
}

// parseHello parses HELLO [protover [AUTH user pass] [SETNAME name]], returning Redis's error for
// bad arguments.
func parseHello(a []string) (h helloArgs, msg string) {
	if len(a) >= 2 {
		v, err := strconv.ParseInt(a[1], 10, 64)
		if err != nil || !isRedisInt(a[1]) {
			return h, "ERR Protocol version is not an integer or out of range"
		}
		if v < 2 || v > 3 {
			return h, "NOPROTO unsupported protocol version"
		}
		h.ver = v
	}
	for i := 2; i < len(a); i++ {
		more := len(a) - i - 1
		switch opt := a[i]; {
		case strings.EqualFold(opt, "auth") && more >= 2:
			h.user, h.pass = a[i+1], a[i+2]
			h.authGiven = true
			i += 2
		case strings.EqualFold(opt, "setname") && more >= 1:
			h.name = a[i+1]
			h.nameGiven = true
			i++
		default:
			return h, "ERR Syntax error in HELLO option '" + errText(opt) + "'"
		}
	}
	return h, ""
}

const errHelloNoAuth = "NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time"

func cmdHello(c *client, a []string) {
	h, msg := parseHello(a)
	if msg != "" {
		c.out.Error(msg)
		return
	}
	if h.authGiven {
		if !c.s.checkPassword(h.user, h.pass) {
			c.s.stats.authFailures++
			c.out.Error("WRONGPASS invalid username-password pair or user is disabled.")
			return
		}
		c.setAuthed(true)
	}
	if !c.authed {
		c.out.Error(errHelloNoAuth)
		return
	}
	if h.nameGiven {
		if msg := validClientName(h.name); msg != "" {
			c.out.Error(msg)
			return
		}
		c.name = h.name
	}
	if h.ver != 0 {
		c.setResp3(h.ver == 3)
	}
	c.helloReply(c.out, c.resp3)
}

// helloReply writes HELLO's description of the connection.
func (c *client) helloReply(r keyspace.Reply, resp3 bool) {
	proto := int64(2)
	if resp3 {
		proto = 3
	}
	r.MapLen(7)
	r.Bulk("server")
	r.Bulk("redis")
	r.Bulk("version")
	r.Bulk(RedisVersion)
	r.Bulk("proto")
	r.Integer(proto)
	r.Bulk("id")
	r.Integer(c.id)
	r.Bulk("mode")
	r.Bulk("standalone")
	r.Bulk("role")
	r.Bulk("master")
	r.Bulk("modules")
	r.ArrayLen(0)
}

func (c *client) setResp3(on bool) {
	c.resp3 = on
	c.w.SetResp3(on)
}

// validClientName returns Redis's error for a name CLIENT SETNAME refuses, or "".
func validClientName(name string) string {
	for i := 0; i < len(name); i++ {
		if name[i] < '!' || name[i] > '~' {
			return "ERR Client names cannot contain spaces, newlines or special characters."
		}
	}
	return ""
}

func cmdReset(c *client, a []string) {
	c.resetShared()
	c.replyMode = replyOn
	c.setResp3(false)
	c.setAuthed(c.s.params.requirePass == "")
	c.out = c.w
	c.out.SimpleString("RESET")
}

// resetShared is the part of RESET that changes state other clients see (lock held).
func (c *client) resetShared() {
	s := c.s
	c.discardTransaction()
	s.unwatchAll(c)
	s.pubsub.unsubscribeAll(c)
	s.removeMonitor(c)
	c.flags &^= flagMonitor | flagNoEvict
	c.resp3 = false
	c.ctx.Select(0)
	c.name = ""
}
