package keyspace

import (
	"strings"

	"github.com/redmoon-dev/redmoon/keyspace/internal/stream"
)

// Consumer groups: XGROUP, XACK, XPENDING, XCLAIM and XAUTOCLAIM, as Redis 7.0's t_stream.c.

func init() {
	register(map[string]Handler{
		"xgroup|create": xgroupCommand, "xgroup|setid": xgroupCommand, "xgroup|destroy": xgroupCommand,
		"xgroup|createconsumer": xgroupCommand, "xgroup|delconsumer": xgroupCommand,
		"xgroup|help": xgroupCommand,
		"xack":        xackCommand, "xpending": xpendingCommand, "xclaim": xclaimCommand,
		"xautoclaim": xautoclaimCommand,
	})
}

// subcommandSyntaxError is addReplySubcommandSyntaxError's text.
func subcommandSyntaxError(args []string) string {
	return "ERR unknown subcommand or wrong number of arguments for '" + safeText(truncate(cstr(args[1]), 128)) +
		"'. Try " + strings.ToUpper(safeText(cstr(args[0]))) + " HELP."
}

// replyHelp answers a HELP subcommand: a header naming the command, the lines, and the HELP entry.
func replyHelp(r Reply, args []string, lines []string) {
	r.ArrayLen(len(lines) + 3)
	r.SimpleString(strings.ToUpper(cstr(args[0])) + " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:")
	for _, l := range lines {
		r.SimpleString(l)
	}
	r.SimpleString("HELP")
	r.SimpleString("    Prints this help.")
}

var xgroupHelp = []string{
	"CREATE <key> <groupname> <id|$> [option]",
	"    Create a new consumer group. Options are:",
	"    * MKSTREAM",
	"      Create the empty stream if it does not exist.",
	"    * ENTRIESREAD entries_read",
	"      Set the group's entries_read counter (internal use).",
	"CREATECONSUMER <key> <groupname> <consumer>",
	"    Create a new consumer in the specified group.",
	"DELCONSUMER <key> <groupname> <consumer>",
	"    Remove the specified consumer.",
	"DESTROY <key> <groupname>",
	"    Remove the specified group.",
	"SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]",
	"    Set the current group ID and entries_read counter.",
}

// nogroupError is the NOGROUP reply of the commands that name a key and a group.
func nogroupError(key, group string) string {
	return "NOGROUP No such key '" + safeText(cstr(key)) + "' or consumer group '" + safeText(cstr(group)) + "'"
}

func xgroupCommand(c *Ctx, args []string, r Reply) {
	opt := cstr(args[1])
	var s *streamValue
	var g *stream.Group
	mkstream := false
	entriesRead := int64(stream.InvalidEntriesRead)
	if len(args) >= 4 {
		if equalFold(opt, "create") || equalFold(opt, "setid") {
			create := equalFold(opt, "create")
			for i := 5; i < len(args); {
				switch {
				case create && equalFold(cstr(args[i]), "mkstream"):
					mkstream = true
					i++
				case equalFold(cstr(args[i]), "entriesread") && i+1 < len(args):
					n, ok := ParseInt(args[i+1])
					if !ok {
						r.Error(ErrNotInt)
						return
					}
					if n < 0 && n != stream.InvalidEntriesRead {
						r.Error("ERR value for ENTRIESREAD must be positive or -1")
						return
					}
					entriesRead = n
					i += 2
				default:
					r.Error(subcommandSyntaxError(args))
					return
				}
			}
		}
		var ok bool
		if s, ok = lookupStream(c, args[2], true, r); !ok {
			return
		}
		if !mkstream {
			if s == nil {
				r.Error("ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you " +
					"may want to use the MKSTREAM option to create an empty stream automatically.")
				return
			}
			g = s.Group(args[3])
			if g == nil && (equalFold(opt, "setid") || equalFold(opt, "createconsumer") || equalFold(opt, "delconsumer")) {
				r.Error("NOGROUP No such consumer group '" + safeText(cstr(args[3])) + "' for key name '" +
					safeText(cstr(args[2])) + "'")
				return
			}
		}
	}
	key := ""
	if len(args) > 2 {
		key = args[2]
	}
	switch {
	case len(args) == 2 && equalFold(opt, "help"):
		replyHelp(r, args, xgroupHelp)
	case equalFold(opt, "create") && len(args) >= 5 && len(args) <= 8:
		var id stream.ID
		if cstr(args[4]) == "$" {
			if s != nil {
				id = s.LastID
			}
		} else {
			var ok bool
			if id, ok = parseStrictID(args[4]); !ok {
				r.Error(errInvalidStreamID)
				return
			}
		}
		if s == nil {
			s = createStream(c, key)
			c.KS.keyModified(c.DB.ID, key)
		}
		if s.CreateGroup(args[3], id, entriesRead) == nil {
			r.Error("BUSYGROUP Consumer Group name already exists")
			return
		}
		r.SimpleString("OK")
		c.KS.Dirty++
		c.KS.event(EventStream, "xgroup-create", c.DB.ID, key)
	case equalFold(opt, "setid") && (len(args) == 5 || len(args) == 7):
		var id stream.ID
		if cstr(args[4]) == "$" {
			id = s.LastID
		} else {
			var ok bool
			if id, ok = parseID(args[4], 0); !ok {
				r.Error(errInvalidStreamID)
				return
			}
		}
		g.LastID = id
		g.EntriesRead = entriesRead
		r.SimpleString("OK")
		c.KS.Dirty++
		c.KS.event(EventStream, "xgroup-setid", c.DB.ID, key)
	case equalFold(opt, "destroy") && len(args) == 4:
		if g == nil {
			r.Integer(0)
			return
		}
		s.DestroyGroup(g.Name)
		r.Integer(1)
		c.KS.Dirty++
		c.KS.event(EventStream, "xgroup-destroy", c.DB.ID, key)
	case equalFold(opt, "createconsumer") && len(args) == 5:
		if g.CreateConsumer(args[4], streamNow(c)) == nil {
			r.Integer(0)
			return
		}
		r.Integer(1)
		c.KS.Dirty++
		c.KS.event(EventStream, "xgroup-createconsumer", c.DB.ID, key)
	case equalFold(opt, "delconsumer") && len(args) == 5:
		pending := 0
		if cons := g.Consumer(args[4]); cons != nil {
			pending = cons.PEL.Len()
			g.DeleteConsumer(cons)
			c.KS.Dirty++
			c.KS.event(EventStream, "xgroup-delconsumer", c.DB.ID, key)
		}
		r.Integer(int64(pending))
	default:
		r.Error(subcommandSyntaxError(args))
	}
}

func xackCommand(c *Ctx, args []string, r Reply) {
	s, ok := lookupStream(c, args[1], false, r)
	if !ok {
		return
	}
	var g *stream.Group
	if s != nil {
		g = s.Group(args[2])
	}
	if g == nil {
		r.Integer(0)
		return
	}
	ids := make([]stream.ID, 0, len(args)-3)
	for _, a := range args[3:] {
		id, ok := parseStrictID(a)
		if !ok {
			r.Error(errInvalidStreamID)
			return
		}
		ids = append(ids, id)
	}
	acked := int64(0)
	for _, id := range ids {
		if g.Ack(id) {
			acked++
		}
	}
	c.KS.Dirty += acked
	r.Integer(acked)
}

func xpendingCommand(c *Ctx, args []string, r Reply) {
	justInfo := len(args) == 3
	if len(args) != 3 && (len(args) < 6 || len(args) > 9) {
		r.Error(ErrSyntax)
		return
	}
	var start, end stream.ID
	var count, minIdle int64
	consumerName, hasConsumer := "", false
	if len(args) >= 6 {
		startIdx := 3
		if equalFold(cstr(args[3]), "idle") {
			n, ok := ParseInt(args[4])
			if !ok {
				r.Error(ErrNotInt)
				return
			}
			minIdle = n
			if len(args) < 8 {
				r.Error(ErrSyntax)
				return
			}
			startIdx += 2
		}
		n, ok := ParseInt(args[startIdx+2])
		if !ok {
			r.Error(ErrNotInt)
			return
		}
		count = max(n, 0)
		var msg string
		if start, msg = parseStartBound(args[startIdx]); msg != "" {
			r.Error(msg)
			return
		}
		if end, msg = parseEndBound(args[startIdx+1]); msg != "" {
			r.Error(msg)
			return
		}
		if startIdx+3 < len(args) {
			consumerName, hasConsumer = args[startIdx+3], true
		}
	}
	s, ok := lookupStream(c, args[1], false, r)
	if !ok {
		return
	}
	var g *stream.Group
	if s != nil {
		g = s.Group(args[2])
	}
	if g == nil {
		r.Error(nogroupError(args[1], args[2]))
		return
	}
	if justInfo {
		r.ArrayLen(4)
		r.Integer(int64(g.PEL.Len()))
		if g.PEL.Len() == 0 {
			r.Null()
			r.Null()
			r.NullArray()
			return
		}
		first, _ := g.PEL.First()
		last, _ := g.PEL.Last()
		r.Bulk(first.String())
		r.Bulk(last.String())
		var with []*stream.Consumer
		for _, cons := range g.Consumers() {
			if cons.PEL.Len() > 0 {
				with = append(with, cons)
			}
		}
		r.ArrayLen(len(with))
		for _, cons := range with {
			r.ArrayLen(2)
			r.Bulk(cons.Name)
			r.Bulk(FormatInt(int64(cons.PEL.Len())))
		}
		return
	}
	pel := g.PEL
	if hasConsumer {
		cons := g.Consumer(consumerName)
		if cons == nil {
			r.ArrayLen(0)
			return
		}
		pel = cons.PEL
	}
	now := streamNow(c)
	type row struct {
		id stream.ID
		n  *stream.NACK
	}
	var rows []row
	if count > 0 {
		pel.Ascend(start, func(id stream.ID, n *stream.NACK) bool {
			if end.Less(id) {
				return false
			}
			if minIdle != 0 && now-n.DeliveryTime < minIdle {
				return true
			}
			rows = append(rows, row{id, n})
			return int64(len(rows)) < count
		})
	}
	r.ArrayLen(len(rows))
	for _, rw := range rows {
		r.ArrayLen(4)
		r.Bulk(rw.id.String())
		r.Bulk(rw.n.Consumer.Name)
		r.Integer(max(now-rw.n.DeliveryTime, 0))
		r.Integer(int64(rw.n.DeliveryCount))
	}
}

// claimNACK gives a pending entry to consumer (created on first use), as XCLAIM and XAUTOCLAIM
// do once an entry qualifies.
func claimNACK(c *Ctx, g *stream.Group, consumer **stream.Consumer, name string, id stream.ID, n *stream.NACK, now int64) {
	if *consumer == nil {
		if *consumer = g.Consumer(name); *consumer != nil {
			(*consumer).SeenTime = now
		} else {
			*consumer = g.CreateConsumer(name, now)
			c.KS.Dirty++ // no event: only XGROUP CREATECONSUMER sends one
		}
	}
	if n.Consumer != *consumer {
		if n.Consumer != nil {
			n.Consumer.PEL.Delete(id)
		}
		(*consumer).PEL.Insert(id, n)
		n.Consumer = *consumer
	}
}

func xclaimCommand(c *Ctx, args []string, r Reply) {
	key := args[1]
	s, ok := lookupStream(c, key, false, r)
	if !ok {
		return
	}
	var g *stream.Group
	if s != nil {
		g = s.Group(args[2])
	}
	if g == nil {
		r.Error(nogroupError(key, args[2]))
		return
	}
	minIdle, ok := ParseInt(args[4])
	if !ok {
		r.Error("ERR Invalid min-idle-time argument for XCLAIM")
		return
	}
	minIdle = max(minIdle, 0)
	j := 5
	var ids []stream.ID
	for ; j < len(args); j++ {
		id, ok := parseStrictID(args[j])
		if !ok {
			break
		}
		ids = append(ids, id)
	}
	now := streamNow(c)
	retryCount := int64(-1)
	deliveryTime := int64(-1)
	force, justID := false, false
	var lastID stream.ID
	for ; j < len(args); j++ {
		more := len(args) - 1 - j
		opt := cstr(args[j])
		switch {
		case equalFold(opt, "force"):
			force = true
		case equalFold(opt, "justid"):
			justID = true
		case equalFold(opt, "idle") && more > 0:
			j++
			n, ok := ParseInt(args[j])
			if !ok {
				r.Error("ERR Invalid IDLE option argument for XCLAIM")
				return
			}
			deliveryTime = now - n
		case equalFold(opt, "time") && more > 0:
			j++
			n, ok := ParseInt(args[j])
			if !ok {
				r.Error("ERR Invalid TIME option argument for XCLAIM")
				return
			}
			deliveryTime = n
		case equalFold(opt, "retrycount") && more > 0:
			j++
			n, ok := ParseInt(args[j])
			if !ok {
				r.Error("ERR Invalid RETRYCOUNT option argument for XCLAIM")
				return
			}
			retryCount = n
		case equalFold(opt, "lastid") && more > 0:
			j++
			id, ok := parseStrictID(args[j])
			if !ok {
				r.Error(errInvalidStreamID)
				return
			}
			lastID = id
		default:
			r.Error("ERR Unrecognized XCLAIM option '" + safeText(opt) + "'")
			return
		}
	}
	if g.LastID.Less(lastID) {
		g.LastID = lastID
	}
	if deliveryTime != -1 {
		if deliveryTime < 0 || deliveryTime > now {
			deliveryTime = now
		}
	} else {
		deliveryTime = now
	}
	var consumer *stream.Consumer
	type claimed struct {
		id    stream.ID
		fv    []string
		found bool
	}
	var out []claimed
	for _, id := range ids {
		n := g.PEL.Get(id)
		fv, exists := s.Get(id)
		if !exists {
			if n != nil {
				g.Ack(id)
				c.KS.Dirty++
			}
			continue
		}
		if force && n == nil {
			n = &stream.NACK{DeliveryTime: now, DeliveryCount: 1}
			g.PEL.Insert(id, n)
		}
		if n == nil {
			continue
		}
		if n.Consumer != nil && minIdle != 0 && now-n.DeliveryTime < minIdle {
			continue
		}
		claimNACK(c, g, &consumer, args[3], id, n, now)
		n.DeliveryTime = deliveryTime
		if retryCount >= 0 {
			n.DeliveryCount = uint64(retryCount)
		} else if !justID {
			n.DeliveryCount++
		}
		out = append(out, claimed{id, fv, true})
		c.KS.Dirty++
	}
	r.ArrayLen(len(out))
	for _, cl := range out {
		if justID {
			r.Bulk(cl.id.String())
		} else {
			replyEntry(r, cl.id, cl.fv)
		}
	}
}

func xautoclaimCommand(c *Ctx, args []string, r Reply) {
	key := args[1]
	minIdle, ok := ParseInt(args[4])
	if !ok {
		r.Error("ERR Invalid min-idle-time argument for XAUTOCLAIM")
		return
	}
	minIdle = max(minIdle, 0)
	start, msg := parseStartBound(args[5])
	if msg != "" {
		r.Error(msg)
		return
	}
	count := int64(100)
	justID := false
	for j := 6; j < len(args); j++ {
		more := len(args) - 1 - j
		opt := cstr(args[j])
		switch {
		case equalFold(opt, "count") && more > 0:
			const maxCount = (1<<63 - 1) / 16 // LONG_MAX / max(sizeof(streamID), 10)
			n, ok := ParseInt(args[j+1])
			if !ok || n < 1 || n > maxCount {
				r.Error("ERR COUNT must be > 0")
				return
			}
			count = n
			j++
		case equalFold(opt, "justid"):
			justID = true
		default:
			r.Error(ErrSyntax)
			return
		}
	}
	s, ok := lookupStream(c, key, false, r)
	if !ok {
		return
	}
	var g *stream.Group
	if s != nil {
		g = s.Group(args[2])
	}
	if g == nil {
		r.Error(nogroupError(key, args[2]))
		return
	}
	// 7.0 allocates count stream IDs up front; redis-server's allocator refuses more than
	// 0x380000000000 bytes (measured: the same on every run), and the command fails.
	if count > 0x380000000000/16 {
		r.Error("ERR Insufficient memory, failed allocating transient memory, COUNT too high.")
		return
	}
	attempts := count * 10
	now := streamNow(c)
	var consumer *stream.Consumer
	var claimedIDs []stream.ID
	var claimedFV [][]string
	var deleted []stream.ID
	cur := start
	more := true
	for {
		if attempts == 0 {
			break
		}
		attempts--
		if count == 0 {
			break
		}
		id, n, found := g.PEL.Ceil(cur)
		if !found {
			more = false
			break
		}
		next, ok := id.Incr()
		fv, exists := s.Get(id)
		if !exists {
			g.Ack(id)
			c.KS.Dirty++
			deleted = append(deleted, id)
			count--
		} else if minIdle == 0 || now-n.DeliveryTime >= minIdle {
			claimNACK(c, g, &consumer, args[3], id, n, now)
			n.DeliveryTime = now
			if !justID {
				n.DeliveryCount++
			}
			claimedIDs = append(claimedIDs, id)
			claimedFV = append(claimedFV, fv)
			count--
			c.KS.Dirty++
		}
		if !ok {
			more = false
			break
		}
		cur = next
	}
	// The cursor is the next pending ID after the last one examined, or 0-0 at the end.
	var cursor stream.ID
	if more {
		if id, _, found := g.PEL.Ceil(cur); found {
			cursor = id
		}
	}
	r.ArrayLen(3)
	r.Bulk(cursor.String())
	r.ArrayLen(len(claimedIDs))
	for i, id := range claimedIDs {
		if justID {
			r.Bulk(id.String())
		} else {
			replyEntry(r, id, claimedFV[i])
		}
	}
	r.ArrayLen(len(deleted))
	for _, id := range deleted {
		r.Bulk(id.String())
	}
}
