package keyspace

import "math"

// The generic (type-independent) key commands, as Redis 7.0's db.c and expire.c.

func init() {
	register(map[string]Handler{
		"del": delCommand, "unlink": delCommand, "exists": existsCommand, "type": typeCommand,
		"touch": touchCommand, "rename": renameCommand, "renamenx": renamenxCommand,
		"copy": copyCommand, "randomkey": randomkeyCommand, "keys": keysCommand,
		"expire": expireCommand, "pexpire": pexpireCommand, "expireat": expireatCommand,
		"pexpireat": pexpireatCommand, "ttl": ttlCommand, "pttl": pttlCommand,
		"expiretime": expiretimeCommand, "pexpiretime": pexpiretimeCommand,
		"persist": persistCommand,
	})
}

func delCommand(c *Ctx, args []string, r Reply) {
	var n int64
	for _, key := range args[1:] {
		if c.DB.find(c, key) == nil {
			continue
		}
		c.DB.remove(key)
		c.changed(EventGeneric, "del", key)
		n++
	}
	r.Integer(n)
}

func existsCommand(c *Ctx, args []string, r Reply) {
	var n int64
	for _, key := range args[1:] {
		if c.DB.lookupReadNoTouch(c, key) != nil {
			n++
		}
	}
	r.Integer(n)
}

func typeCommand(c *Ctx, args []string, r Reply) {
	e := c.DB.lookupReadNoTouch(c, args[1])
	if e == nil {
		r.SimpleString("none")
		return
	}
	r.SimpleString(e.typ.String())
}

func touchCommand(c *Ctx, args []string, r Reply) {
	var n int64
	for _, key := range args[1:] {
		if c.DB.lookupRead(c, key) != nil {
			n++
		}
	}
	r.Integer(n)
}

// moved returns a new entry for key with e's value and metadata (not its expire time).
func moved(e *entry, key string) *entry {
	return &entry{key: key, str: e.str, val: e.val, lru: e.lru, typ: e.typ, enc: e.enc, flags: e.flags &^ flagExpire}
}

func renameCommand(c *Ctx, args []string, r Reply)   { renameGeneric(c, args, false, r) }
func renamenxCommand(c *Ctx, args []string, r Reply) { renameGeneric(c, args, true, r) }

func renameGeneric(c *Ctx, args []string, nx bool, r Reply) {
	src, dst := args[1], args[2]
	e := c.DB.lookupWrite(c, src)
	if e == nil {
		r.Error(ErrNoSuchKey)
		return
	}
	if src == dst {
		if nx {
			r.Integer(0)
		} else {
			r.SimpleString("OK")
		}
		return
	}
	when := c.DB.expireAt(e)
	if c.DB.lookupWrite(c, dst) != nil {
		if nx {
			r.Integer(0)
			return
		}
		c.DB.remove(dst)
	}
	ne := moved(e, dst)
	c.DB.dict.insert(ne)
	if when != -1 {
		c.DB.setExpire(ne, when)
	}
	c.DB.remove(src)
	c.KS.keyModified(c.DB.ID, src)
	c.KS.keyModified(c.DB.ID, dst)
	c.KS.event(EventGeneric, "rename_from", c.DB.ID, src)
	c.KS.event(EventGeneric, "rename_to", c.DB.ID, dst)
	c.KS.Dirty++
	if nx {
		r.Integer(1)
	} else {
		r.SimpleString("OK")
	}
}

func copyCommand(c *Ctx, args []string, r Reply) {
	src, dst := c.DB, c.DB
	replace := false
	for j := 3; j < len(args); j++ {
		more := len(args) - j - 1
		switch {
		case equalFold(cstr(args[j]), "replace"):
			replace = true
		case equalFold(cstr(args[j]), "db") && more >= 1:
			id, msg := parseDBIndex(args[j+1], "")
			if msg != "" {
				r.Error(msg)
				return
			}
			if id < 0 || id >= len(c.KS.dbs) {
				r.Error(ErrDBIndex)
				return
			}
			dst = c.KS.dbs[id]
			j++
		default:
			r.Error(ErrSyntax)
			return
		}
	}
	key, newkey := args[1], args[2]
	if src == dst && key == newkey {
		r.Error("ERR source and destination objects are the same")
		return
	}
	e := src.lookupRead(c, key)
	if e == nil {
		r.Integer(0)
		return
	}
	when := src.expireAt(e)
	exists := dst.lookupWrite(c, newkey) != nil
	if exists && !replace {
		r.Integer(0)
		return
	}
	ne := &entry{key: newkey, str: e.stringValue(), typ: e.typ, enc: e.enc}
	switch {
	case e.typ == TypeString && e.enc == EncInt:
		ne.setInt(e.intValue())
		ne.str = e.str
		ne.flags &^= flagShared // dupStringObject makes a private copy
	case e.typ != TypeString:
		coll, ok := e.val.(Collection)
		if !ok {
			r.Error("ERR unknown type object")
			return
		}
		ne.val = coll.Copy()
	}
	if exists {
		dst.remove(newkey)
	}
	dst.add(c, ne)
	if when != -1 {
		dst.setExpire(ne, when)
	}
	c.KS.keyModified(dst.ID, newkey)
	c.KS.event(EventGeneric, "copy_to", dst.ID, newkey)
	c.KS.Dirty++
	r.Integer(1)
}

func randomkeyCommand(c *Ctx, args []string, r Reply) {
	now := c.Now()
	for tries := 0; ; tries++ {
		e := c.DB.dict.random()
		if e == nil {
			r.Null()
			return
		}
		if c.DB.expired(e, now) {
			if tries > 100 && c.DB.Len() == len(c.DB.expires) {
				// Every key is volatile and the ones drawn were all expired: give the last one,
				// as Redis does to avoid looping for ever.
				r.Bulk(e.key)
				return
			}
			c.DB.expireKey(e.key)
			continue
		}
		r.Bulk(e.key)
		return
	}
}

func keysCommand(c *Ctx, args []string, r Reply) {
	pattern := args[1]
	all := pattern == "*"
	now := c.Now()
	var keys []string
	c.DB.dict.each(func(e *entry) bool {
		if (all || GlobMatch(pattern, e.key, false)) && !c.DB.expired(e, now) {
			keys = append(keys, e.key)
		}
		return true
	})
	r.ArrayLen(len(keys))
	for _, k := range keys {
		r.Bulk(k)
	}
}

// EXPIRE options.
const (
	expireNX = 1 << iota
	expireXX
	expireGT
	expireLT
)

func expireCommand(c *Ctx, args []string, r Reply)    { expireGeneric(c, args, c.Now(), true, r) }
func pexpireCommand(c *Ctx, args []string, r Reply)   { expireGeneric(c, args, c.Now(), false, r) }
func expireatCommand(c *Ctx, args []string, r Reply)  { expireGeneric(c, args, 0, true, r) }
func pexpireatCommand(c *Ctx, args []string, r Reply) { expireGeneric(c, args, 0, false, r) }

func expireGeneric(c *Ctx, args []string, base int64, seconds bool, r Reply) {
	key := args[1]
	flags := 0
	for _, opt := range args[3:] {
		switch o := cstr(opt); {
		case equalFold(o, "nx"):
			flags |= expireNX
		case equalFold(o, "xx"):
			flags |= expireXX
		case equalFold(o, "gt"):
			flags |= expireGT
		case equalFold(o, "lt"):
			flags |= expireLT
		default:
			r.Error(safeText("ERR Unsupported option " + o))
			return
		}
	}
	if flags&expireNX != 0 && flags&(expireXX|expireGT|expireLT) != 0 {
		r.Error("ERR NX and XX, GT or LT options at the same time are not compatible")
		return
	}
	if flags&expireGT != 0 && flags&expireLT != 0 {
		r.Error("ERR GT and LT options at the same time are not compatible")
		return
	}
	when, ok := ParseInt(args[2])
	if !ok {
		r.Error(ErrNotInt)
		return
	}
	badTime := "ERR invalid expire time in '" + lowerName(args[0]) + "' command"
	if seconds {
		if when > math.MaxInt64/1000 || when < math.MinInt64/1000 {
			r.Error(badTime)
			return
		}
		when *= 1000
	}
	if when > math.MaxInt64-base {
		r.Error(badTime)
		return
	}
	when += base
	e := c.DB.lookupWrite(c, key)
	if e == nil {
		r.Integer(0)
		return
	}
	if flags != 0 {
		cur := c.DB.expireAt(e)
		if flags&expireNX != 0 && cur != -1 ||
			flags&expireXX != 0 && cur == -1 ||
			flags&expireGT != 0 && (when <= cur || cur == -1) ||
			flags&expireLT != 0 && cur != -1 && when >= cur {
			r.Integer(0)
			return
		}
	}
	if when <= c.Now() {
		c.DB.remove(key)
		c.changed(EventGeneric, "del", key)
		r.Integer(1)
		return
	}
	c.DB.setExpire(e, when)
	c.changed(EventGeneric, "expire", key)
	r.Integer(1)
}

// lowerName is the lower-case form of a command name as typed (error texts use the table name).
func lowerName(name string) string {
	if cmd := Lookup(name); cmd != nil {
		return cmd.Name
	}
	return name
}

func ttlCommand(c *Ctx, args []string, r Reply)         { ttlGeneric(c, args, false, false, r) }
func pttlCommand(c *Ctx, args []string, r Reply)        { ttlGeneric(c, args, true, false, r) }
func expiretimeCommand(c *Ctx, args []string, r Reply)  { ttlGeneric(c, args, false, true, r) }
func pexpiretimeCommand(c *Ctx, args []string, r Reply) { ttlGeneric(c, args, true, true, r) }

func ttlGeneric(c *Ctx, args []string, ms, abs bool, r Reply) {
	e := c.DB.lookupReadNoTouch(c, args[1])
	if e == nil {
		r.Integer(-2)
		return
	}
	when := c.DB.expireAt(e)
	if when == -1 {
		r.Integer(-1)
		return
	}
	ttl := when
	if !abs {
		// Redis 7.0 computes a TTL against the current time (mstime()), not the time frozen
		// for a script: a key kept alive by a script's snapshot shows a TTL of 0.
		ttl = when - c.KS.Clock.Now()
	}
	if ttl < 0 {
		ttl = 0
	}
	if ms {
		r.Integer(ttl)
	} else {
		r.Integer((ttl + 500) / 1000)
	}
}

func persistCommand(c *Ctx, args []string, r Reply) {
	e := c.DB.lookupWrite(c, args[1])
	if e == nil || !c.DB.persist(e) {
		r.Integer(0)
		return
	}
	c.changed(EventGeneric, "persist", args[1])
	r.Integer(1)
}
