package keyspace

import (
	"math"
	"strconv"
)

// Database-level and connection-level commands that only touch the keyspace: DBSIZE, FLUSHDB,
// FLUSHALL, SELECT, SWAPDB, MOVE, ECHO, PING, TIME.

func init() {
	register(map[string]Handler{
		"dbsize": dbsizeCommand, "flushdb": flushdbCommand, "flushall": flushallCommand,
		"select": selectCommand, "swapdb": swapdbCommand, "move": moveCommand,
		"echo": echoCommand, "ping": pingCommand, "time": timeCommand,
	})
}

func dbsizeCommand(c *Ctx, args []string, r Reply) { r.Integer(int64(c.DB.Len())) }

// flushMode checks FLUSHDB/FLUSHALL's optional ASYNC|SYNC argument.
func flushMode(args []string, r Reply) bool {
	if len(args) > 2 {
		r.Error(ErrSyntax)
		return false
	}
	if len(args) == 2 && !equalFold(args[1], "sync") && !equalFold(args[1], "async") {
		r.Error(ErrSyntax)
		return false
	}
	return true
}

func flushdbCommand(c *Ctx, args []string, r Reply) {
	if !flushMode(args, r) {
		return
	}
	c.KS.Dirty += int64(c.DB.Len())
	c.DB.flush()
	if h := c.KS.Hooks.Flushed; h != nil {
		h(c.DB.ID)
	}
	r.SimpleString("OK")
}

func flushallCommand(c *Ctx, args []string, r Reply) {
	if !flushMode(args, r) {
		return
	}
	for _, db := range c.KS.dbs {
		c.KS.Dirty += int64(db.Len())
		db.flush()
	}
	c.KS.Dirty++
	if h := c.KS.Hooks.Flushed; h != nil {
		h(-1)
	}
	r.SimpleString("OK")
}

// parseDBIndex is getIntFromObjectOrReply: msg replaces the error text when set.
func parseDBIndex(s, msg string) (int, string) {
	n, ok := ParseInt(s)
	if !ok {
		if msg != "" {
			return 0, msg
		}
		return 0, ErrNotInt
	}
	if n < math.MinInt32 || n > math.MaxInt32 {
		if msg != "" {
			return 0, msg
		}
		return 0, "ERR value is out of range, value must between -2147483648 and 2147483647"
	}
	return int(n), ""
}

func selectCommand(c *Ctx, args []string, r Reply) {
	id, msg := parseDBIndex(args[1], "")
	if msg != "" {
		r.Error(msg)
		return
	}
	if !c.Select(id) {
		r.Error(ErrDBIndex)
		return
	}
	r.SimpleString("OK")
}

func swapdbCommand(c *Ctx, args []string, r Reply) {
	a, msg := parseDBIndex(args[1], "ERR invalid first DB index")
	if msg != "" {
		r.Error(msg)
		return
	}
	b, msg := parseDBIndex(args[2], "ERR invalid second DB index")
	if msg != "" {
		r.Error(msg)
		return
	}
	n := len(c.KS.dbs)
	if a < 0 || a >= n || b < 0 || b >= n {
		r.Error(ErrDBIndex)
		return
	}
	if a != b {
		da, db := c.KS.dbs[a], c.KS.dbs[b]
		da.dict, db.dict = db.dict, da.dict
		da.expires, db.expires = db.expires, da.expires
		da.avgTTL, db.avgTTL = db.avgTTL, da.avgTTL
		c.KS.Dirty++
		if h := c.KS.Hooks.Swapped; h != nil {
			h(a, b)
		}
	}
	r.SimpleString("OK")
}

func moveCommand(c *Ctx, args []string, r Reply) {
	id, msg := parseDBIndex(args[2], "")
	if msg != "" {
		r.Error(msg)
		return
	}
	if id < 0 || id >= len(c.KS.dbs) {
		r.Error(ErrDBIndex)
		return
	}
	src, dst := c.DB, c.KS.dbs[id]
	if src == dst {
		r.Error("ERR source and destination objects are the same")
		return
	}
	key := args[1]
	e := src.lookupWrite(c, key)
	if e == nil {
		r.Integer(0)
		return
	}
	if dst.lookupWrite(c, key) != nil {
		r.Integer(0)
		return
	}
	when := src.expireAt(e)
	src.remove(key)
	e.flags &^= flagExpire
	dst.dict.insert(e)
	if when != -1 {
		dst.setExpire(e, when)
	}
	c.KS.keyModified(src.ID, key)
	c.KS.keyModified(dst.ID, key)
	c.KS.event(EventGeneric, "move_from", src.ID, key)
	c.KS.event(EventGeneric, "move_to", dst.ID, key)
	c.KS.Dirty++
	r.Integer(1)
}

func echoCommand(c *Ctx, args []string, r Reply) { r.Bulk(args[1]) }

func pingCommand(c *Ctx, args []string, r Reply) {
	switch len(args) {
	case 1:
		r.SimpleString("PONG")
	case 2:
		r.Bulk(args[1])
	default:
		r.Error(ArityError(commands["ping"]))
	}
}

func timeCommand(c *Ctx, args []string, r Reply) {
	us := c.KS.Clock.NowMicro()
	r.ArrayLen(2)
	r.Bulk(strconv.FormatInt(us/1e6, 10))
	r.Bulk(strconv.FormatInt(us%1e6, 10))
}
