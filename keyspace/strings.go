package keyspace

import (
	"math"
	"strings"
)

// The string commands, as Redis 7.0's t_string.c.

func init() {
	register(map[string]Handler{
		"get": getCommand, "set": setCommand, "setnx": setnxCommand, "setex": setexCommand,
		"psetex": psetexCommand, "getset": getsetCommand, "getdel": getdelCommand,
		"getex": getexCommand, "mget": mgetCommand, "mset": msetCommand, "msetnx": msetnxCommand,
		"append": appendCommand, "strlen": strlenCommand, "getrange": getrangeCommand,
		"substr": getrangeCommand, "setrange": setrangeCommand, "incr": incrCommand,
		"decr": decrCommand, "incrby": incrbyCommand, "decrby": decrbyCommand,
		"incrbyfloat": incrbyfloatCommand, "lcs": lcsCommand,
	})
}

// lookupString finds a string key for reading. It writes the error and returns ok=false when
// the key holds another type; e is nil when the key does not exist.
func lookupString(c *Ctx, key string, r Reply) (e *entry, ok bool) {
	e = c.DB.lookupRead(c, key)
	if e != nil && e.typ != TypeString {
		r.Error(ErrWrongType)
		return nil, false
	}
	return e, true
}

func getCommand(c *Ctx, args []string, r Reply) {
	e, ok := lookupString(c, args[1], r)
	if !ok {
		return
	}
	if e == nil {
		r.Null()
		return
	}
	r.Bulk(e.stringValue())
}

// Flags of SET and GETEX options.
const (
	setNX = 1 << iota
	setXX
	setGet
	setKeepTTL
	setPersist
	setEX
	setPX
	setEXAT
	setPXAT
)

const setAnyExpire = setEX | setPX | setEXAT | setPXAT

// cstr is the part of s a C function sees: up to the first NUL byte.
func cstr(s string) string {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return s[:i]
	}
	return s
}

// parseSetOptions parses SET's (forGet=false, from args[3]) or GETEX's (forGet=true, from
// args[2]) options as parseExtendedStringArgumentsOrReply does.
func parseSetOptions(args []string, forGet bool) (flags int, expire string, ok bool) {
	j := 3
	if forGet {
		j = 2
	}
	for ; j < len(args); j++ {
		opt := cstr(args[j])
		hasNext := j < len(args)-1
		switch {
		case equalFold(opt, "nx") && flags&setXX == 0 && !forGet:
			flags |= setNX
		case equalFold(opt, "xx") && flags&setNX == 0 && !forGet:
			flags |= setXX
		case equalFold(opt, "get") && !forGet:
			flags |= setGet
		case equalFold(opt, "keepttl") && flags&(setPersist|setAnyExpire) == 0 && !forGet:
			flags |= setKeepTTL
		case equalFold(opt, "persist") && forGet && flags&(setAnyExpire|setKeepTTL) == 0:
			flags |= setPersist
		case equalFold(opt, "ex") && flags&(setKeepTTL|setPersist|setEXAT|setPX|setPXAT) == 0 && hasNext:
			flags |= setEX
			expire = args[j+1]
			j++
		case equalFold(opt, "px") && flags&(setKeepTTL|setPersist|setEX|setEXAT|setPXAT) == 0 && hasNext:
			flags |= setPX
			expire = args[j+1]
			j++
		case equalFold(opt, "exat") && flags&(setKeepTTL|setPersist|setEX|setPX|setPXAT) == 0 && hasNext:
			flags |= setEXAT
			expire = args[j+1]
			j++
		case equalFold(opt, "pxat") && flags&(setKeepTTL|setPersist|setEX|setEXAT|setPX) == 0 && hasNext:
			flags |= setPXAT
			expire = args[j+1]
			j++
		default:
			return 0, "", false
		}
	}
	return flags, expire, true
}

// expireMillis converts an EX/PX/EXAT/PXAT argument to an absolute time in ms, as
// getExpireMillisecondsOrReply does; errMsg is set on failure.
func expireMillis(c *Ctx, arg string, flags int, cmdName string) (int64, string) {
	ms, ok := ParseInt(arg)
	if !ok {
		return 0, ErrNotInt
	}
	seconds := flags&(setEX|setEXAT) != 0
	if ms <= 0 || (seconds && ms > math.MaxInt64/1000) {
		return 0, "ERR invalid expire time in '" + cmdName + "' command"
	}
	if seconds {
		ms *= 1000
	}
	if flags&(setEX|setPX) != 0 {
		ms += c.Now() // may overflow to a negative number, caught below
	}
	if ms <= 0 {
		return 0, "ERR invalid expire time in '" + cmdName + "' command"
	}
	return ms, ""
}

func setCommand(c *Ctx, args []string, r Reply) {
	flags, expire, ok := parseSetOptions(args, false)
	if !ok {
		r.Error(ErrSyntax)
		return
	}
	setGeneric(c, args[1], args[2], flags, expire, "set", r, nil, nil)
}

// setGeneric is Redis's setGenericCommand. okReply and abortReply replace +OK and the null
// reply when set (SETNX answers 1 and 0).
func setGeneric(c *Ctx, key, val string, flags int, expire, cmdName string, r Reply, okReply, abortReply func()) {
	var when int64
	if flags&setAnyExpire != 0 {
		var msg string
		if when, msg = expireMillis(c, expire, flags, cmdName); msg != "" {
			r.Error(msg)
			return
		}
	}
	if flags&setGet != 0 {
		e, ok := lookupString(c, key, r)
		if !ok {
			return
		}
		if e == nil {
			r.Null()
		} else {
			r.Bulk(e.stringValue())
		}
	}
	found := c.DB.lookupWrite(c, key) != nil
	if (flags&setNX != 0 && found) || (flags&setXX != 0 && !found) {
		if flags&setGet == 0 {
			if abortReply != nil {
				abortReply()
			} else {
				r.Null()
			}
		}
		return
	}
	e := newStringEntry(key, val)
	c.DB.setEntry(c, e, flags&setKeepTTL != 0)
	if !found {
		c.KS.event(EventNew, "new", c.DB.ID, key)
	}
	c.changed(EventString, "set", key)
	if flags&setAnyExpire != 0 {
		c.DB.setExpire(e, when)
		c.KS.event(EventGeneric, "expire", c.DB.ID, key)
	}
	if flags&setGet == 0 {
		if okReply != nil {
			okReply()
		} else {
			r.SimpleString("OK")
		}
	}
}

func setnxCommand(c *Ctx, args []string, r Reply) {
	setGeneric(c, args[1], args[2], setNX, "", "setnx", r, func() { r.Integer(1) }, func() { r.Integer(0) })
}

func setexCommand(c *Ctx, args []string, r Reply) {
	setGeneric(c, args[1], args[3], setEX, args[2], "setex", r, nil, nil)
}

func psetexCommand(c *Ctx, args []string, r Reply) {
	setGeneric(c, args[1], args[3], setPX, args[2], "psetex", r, nil, nil)
}

func getsetCommand(c *Ctx, args []string, r Reply) {
	e, ok := lookupString(c, args[1], r)
	if !ok {
		return
	}
	if e == nil {
		r.Null()
	} else {
		r.Bulk(e.stringValue())
	}
	found := c.DB.find(c, args[1]) != nil
	c.DB.setEntry(c, newStringEntry(args[1], args[2]), false)
	if !found {
		c.KS.event(EventNew, "new", c.DB.ID, args[1])
	}
	c.changed(EventString, "set", args[1])
}

func getdelCommand(c *Ctx, args []string, r Reply) {
	e, ok := lookupString(c, args[1], r)
	if !ok {
		return
	}
	if e == nil {
		r.Null()
		return
	}
	r.Bulk(e.stringValue())
	c.DB.remove(args[1])
	c.changed(EventGeneric, "del", args[1])
}

func getexCommand(c *Ctx, args []string, r Reply) {
	flags, expire, ok := parseSetOptions(args, true)
	if !ok {
		r.Error(ErrSyntax)
		return
	}
	e, ok := lookupString(c, args[1], r)
	if !ok {
		return
	}
	if e == nil {
		r.Null()
		return
	}
	var when int64
	if flags&setAnyExpire != 0 {
		var msg string
		if when, msg = expireMillis(c, expire, flags, "getex"); msg != "" {
			r.Error(msg)
			return
		}
	}
	r.Bulk(e.stringValue())
	switch {
	case flags&(setEXAT|setPXAT) != 0 && when <= c.Now():
		c.DB.remove(args[1])
		c.changed(EventGeneric, "del", args[1])
	case flags&setAnyExpire != 0:
		c.DB.setExpire(e, when)
		c.changed(EventGeneric, "expire", args[1])
	case flags&setPersist != 0:
		if c.DB.persist(e) {
			c.changed(EventGeneric, "persist", args[1])
		}
	}
}

func mgetCommand(c *Ctx, args []string, r Reply) {
	r.ArrayLen(len(args) - 1)
	for _, key := range args[1:] {
		e := c.DB.lookupRead(c, key)
		if e == nil || e.typ != TypeString {
			r.Null()
			continue
		}
		r.Bulk(e.stringValue())
	}
}

func msetCommand(c *Ctx, args []string, r Reply) {
	if len(args)%2 == 0 {
		r.Error(ArityError(commands["mset"]))
		return
	}
	msetGeneric(c, args)
	r.SimpleString("OK")
}

func msetnxCommand(c *Ctx, args []string, r Reply) {
	if len(args)%2 == 0 {
		r.Error(ArityError(commands["msetnx"]))
		return
	}
	for j := 1; j < len(args); j += 2 {
		if c.DB.lookupWrite(c, args[j]) != nil {
			r.Integer(0)
			return
		}
	}
	msetGeneric(c, args)
	r.Integer(1)
}

func msetGeneric(c *Ctx, args []string) {
	for j := 1; j < len(args); j += 2 {
		found := c.DB.find(c, args[j]) != nil
		c.DB.setEntry(c, newStringEntry(args[j], args[j+1]), false)
		if !found {
			c.KS.event(EventNew, "new", c.DB.ID, args[j])
		}
		c.changed(EventString, "set", args[j])
	}
}

// checkStringLength fails when a string of size+add bytes would exceed proto-max-bulk-len.
func checkStringLength(size, add int64) bool {
	total := int64(uint64(size) + uint64(add))
	return total <= maxStringLen && total >= size && total >= add
}

func appendCommand(c *Ctx, args []string, r Reply) {
	key, add := args[1], args[2]
	e := c.DB.lookupWrite(c, key)
	var total int
	if e == nil {
		e = newStringEntry(key, add)
		c.DB.add(c, e)
		c.KS.event(EventNew, "new", c.DB.ID, key)
		total = len(add)
	} else {
		if e.typ != TypeString {
			r.Error(ErrWrongType)
			return
		}
		cur := e.stringValue()
		if !checkStringLength(int64(len(cur)), int64(len(add))) {
			r.Error(ErrTooBig)
			return
		}
		ne := newRawString(key, cur+add)
		c.DB.setEntry(c, ne, true)
		total = len(ne.str)
	}
	c.changed(EventString, "append", key)
	r.Integer(int64(total))
}

func strlenCommand(c *Ctx, args []string, r Reply) {
	e, ok := lookupString(c, args[1], r)
	if !ok {
		return
	}
	if e == nil {
		r.Integer(0)
		return
	}
	r.Integer(int64(e.stringLen()))
}

func getrangeCommand(c *Ctx, args []string, r Reply) {
	start, ok1 := ParseInt(args[2])
	end, ok2 := ParseInt(args[3])
	if !ok1 || !ok2 {
		r.Error(ErrNotInt)
		return
	}
	e, ok := lookupString(c, args[1], r)
	if !ok {
		return
	}
	if e == nil {
		r.Bulk("")
		return
	}
	s := e.stringValue()
	n := int64(len(s))
	if start < 0 && end < 0 && start > end {
		r.Bulk("")
		return
	}
	if start < 0 {
		start += n
	}
	if end < 0 {
		end += n
	}
	if start < 0 {
		start = 0
	}
	if end < 0 {
		end = 0
	}
	if uint64(end) >= uint64(n) {
		end = n - 1
	}
	if start > end || n == 0 {
		r.Bulk("")
		return
	}
	r.Bulk(s[start : end+1])
}

func setrangeCommand(c *Ctx, args []string, r Reply) {
	key, value := args[1], args[3]
	offset, ok := ParseInt(args[2])
	if !ok {
		r.Error(ErrNotInt)
		return
	}
	if offset < 0 {
		r.Error("ERR offset is out of range")
		return
	}
	e := c.DB.lookupWrite(c, key)
	var cur string
	if e == nil {
		if len(value) == 0 {
			r.Integer(0)
			return
		}
		if !checkStringLength(offset, int64(len(value))) {
			r.Error(ErrTooBig)
			return
		}
	} else {
		if e.typ != TypeString {
			r.Error(ErrWrongType)
			return
		}
		cur = e.stringValue()
		if len(value) == 0 {
			r.Integer(int64(len(cur)))
			return
		}
		if !checkStringLength(offset, int64(len(value))) {
			r.Error(ErrTooBig)
			return
		}
	}
	size := len(cur)
	if end := int(offset) + len(value); end > size {
		size = end
	}
	buf := make([]byte, size)
	copy(buf, cur)
	copy(buf[offset:], value)
	ne := newRawString(key, string(buf))
	if e == nil {
		c.DB.add(c, ne)
		c.KS.event(EventNew, "new", c.DB.ID, key)
	} else {
		c.DB.setEntry(c, ne, true)
	}
	c.changed(EventString, "setrange", key)
	r.Integer(int64(size))
}

func incrCommand(c *Ctx, args []string, r Reply) { incrDecr(c, args[1], 1, r) }
func decrCommand(c *Ctx, args []string, r Reply) { incrDecr(c, args[1], -1, r) }

func incrbyCommand(c *Ctx, args []string, r Reply) {
	n, ok := ParseInt(args[2])
	if !ok {
		r.Error(ErrNotInt)
		return
	}
	incrDecr(c, args[1], n, r)
}

func decrbyCommand(c *Ctx, args []string, r Reply) {
	n, ok := ParseInt(args[2])
	if !ok {
		r.Error(ErrNotInt)
		return
	}
	if n == math.MinInt64 {
		r.Error("ERR decrement would overflow")
		return
	}
	incrDecr(c, args[1], -n, r)
}

// incrDecr is Redis's incrDecrCommand. On an existing integer-encoded key it allocates nothing.
func incrDecr(c *Ctx, key string, incr int64, r Reply) {
	e := c.DB.lookupWrite(c, key)
	var v int64
	if e != nil {
		if e.typ != TypeString {
			r.Error(ErrWrongType)
			return
		}
		if e.enc == EncInt {
			v = e.intValue()
		} else {
			var ok bool
			if v, ok = ParseInt(e.str); !ok {
				r.Error(ErrNotInt)
				return
			}
		}
	}
	if (incr < 0 && v < 0 && incr < math.MinInt64-v) || (incr > 0 && v > 0 && incr > math.MaxInt64-v) {
		r.Error(ErrOverflow)
		return
	}
	v += incr
	if e == nil {
		e = &entry{key: key, typ: TypeString}
		e.setInt(v)
		c.DB.add(c, e)
		c.KS.event(EventNew, "new", c.DB.ID, key)
	} else if e.enc == EncInt {
		e.setInt(v) // in place: Redis reuses the object or a shared integer, keeping the TTL
	} else {
		ne := &entry{key: key, typ: TypeString}
		ne.setInt(v)
		c.DB.setEntry(c, ne, true)
	}
	c.changed(EventString, "incrby", key)
	r.Integer(v)
}

func incrbyfloatCommand(c *Ctx, args []string, r Reply) {
	key := args[1]
	e := c.DB.lookupWrite(c, key)
	cur := "0"
	if e != nil {
		if e.typ != TypeString {
			r.Error(ErrWrongType)
			return
		}
		cur = e.stringValue()
	}
	val, msg := IncrLongDouble(cur, args[2])
	if msg != "" {
		r.Error(msg)
		return
	}
	ne := newCreatedString(key, val)
	if e == nil {
		c.DB.add(c, ne)
		c.KS.event(EventNew, "new", c.DB.ID, key)
	} else {
		c.DB.setEntry(c, ne, true)
	}
	c.changed(EventString, "incrbyfloat", key)
	r.Bulk(val)
}
