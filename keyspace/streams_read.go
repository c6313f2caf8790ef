package keyspace

import (
	"math"
	"strings"

	"github.com/redmoon-dev/redmoon/keyspace/internal/stream"
)

// XREAD and XREADGROUP, as xreadCommand. The keyspace runs them in their non-blocking form: when
// nothing can be served the reply is the null array, which is also what Redis answers on timeout,
// inside MULTI and when the client may not block. A server that implements BLOCK waits and runs
// the command again when one of the keys is modified; ResolveStreamBlock gives it the keys, the
// timeout and the arguments to run again ("$" replaced by the IDs it meant at the first call).

func init() {
	register(map[string]Handler{
		"xread":      func(c *Ctx, args []string, r Reply) { xreadGeneric(c, args, false, r) },
		"xreadgroup": func(c *Ctx, args []string, r Reply) { xreadGeneric(c, args, true, r) },
	})
}

// xreadArgs are the parsed options of XREAD and XREADGROUP.
type xreadArgs struct {
	timeout    int64 // -1: no BLOCK; otherwise ms, absolute (0: forever)
	count      int64
	noack      bool
	group      string
	consumer   string
	hasGroup   bool
	streamsArg int // index of the first key
	nstreams   int
}

// parseXReadArgs parses the options up to STREAMS. errMsg is the error reply on failure.
func parseXReadArgs(c *Ctx, args []string, group bool) (a xreadArgs, errMsg string) {
	a.timeout = -1
	for i := 1; i < len(args); i++ {
		more := len(args) - i - 1
		o := cstr(args[i])
		switch {
		case equalFold(o, "block") && more > 0:
			if c.Flags&InScript != 0 {
				return a, "ERR " + safeText(cstr(args[0])) + " command is not allowed with BLOCK option from scripts"
			}
			i++
			ms, ok := ParseInt(args[i])
			if !ok {
				return a, "ERR timeout is not an integer or out of range"
			}
			if ms < 0 {
				return a, "ERR timeout is negative"
			}
			if ms > 0 {
				// 7.0 adds the time without an overflow check; a deadline past the end of time
				// is kept as the largest one.
				if now := c.Now(); ms > math.MaxInt64-now {
					ms = math.MaxInt64
				} else {
					ms += now
				}
			}
			a.timeout = ms
		case equalFold(o, "count") && more > 0:
			i++
			n, ok := ParseInt(args[i])
			if !ok {
				return a, ErrNotInt
			}
			a.count = max(n, 0)
		case equalFold(o, "streams") && more > 0:
			a.streamsArg = i + 1
			n := len(args) - a.streamsArg
			if n%2 != 0 {
				return a, "ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified."
			}
			a.nstreams = n / 2
			return a, ""
		case equalFold(o, "group") && more >= 2:
			if !group {
				return a, "ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead."
			}
			a.group, a.consumer, a.hasGroup = args[i+1], args[i+2], true
			i += 2
		case equalFold(o, "noack"):
			if !group {
				return a, "ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead."
			}
			a.noack = true
		default:
			return a, ErrSyntax
		}
	}
	return a, ErrSyntax // no STREAMS
}

// gtID is the ID an XREAD stream reads after: ">" is marked by newOnly.
type gtID struct {
	id      stream.ID
	newOnly bool
}

func xreadGeneric(c *Ctx, args []string, isGroup bool, r Reply) {
	a, msg := parseXReadArgs(c, args, isGroup)
	if msg != "" {
		r.Error(msg)
		return
	}
	if isGroup && !a.hasGroup {
		r.Error("ERR Missing GROUP option for XREADGROUP")
		return
	}
	n := a.nstreams
	keys := args[a.streamsArg : a.streamsArg+n]
	ids := make([]gtID, n)
	var groups []*stream.Group
	if a.hasGroup {
		groups = make([]*stream.Group, n)
	}
	for i := 0; i < n; i++ {
		key, arg := keys[i], args[a.streamsArg+n+i]
		s, ok := lookupStream(c, key, false, r)
		if !ok {
			return
		}
		if a.hasGroup {
			var g *stream.Group
			if s != nil {
				g = s.Group(a.group)
			}
			if g == nil {
				r.Error("NOGROUP No such key '" + safeText(cstr(key)) + "' or consumer group '" +
					safeText(cstr(a.group)) + "' in XREADGROUP with GROUP option")
				return
			}
			groups[i] = g
		}
		switch cstr(arg) {
		case "$":
			if isGroup {
				r.Error("ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the " +
					"history of this consumer by specifying a proper ID, or use the > ID to get new " +
					"messages. The $ ID would just return an empty result set.")
				return
			}
			if s != nil {
				ids[i].id = s.LastID
			}
			continue
		case ">":
			if !isGroup {
				r.Error("ERR The > ID can be specified only when calling XREADGROUP using the GROUP " +
					"<group> <consumer> option.")
				return
			}
			ids[i] = gtID{id: stream.MaxID, newOnly: true}
			continue
		}
		id, ok := parseStrictID(arg)
		if !ok {
			r.Error(errInvalidStreamID)
			return
		}
		ids[i].id = id
	}

	// Serve what can be served now; the reply is built after the fact, as the number of
	// streams served is known only at the end.
	type served struct {
		key     string
		entries []streamReplyEntry
	}
	var out []served
	now := streamNow(c)
	for i := 0; i < n; i++ {
		s, _ := lookupStream(c, keys[i], false, r)
		if s == nil {
			continue
		}
		gt := ids[i].id
		serve, history := false, false
		var consumer *stream.Consumer
		if groups != nil {
			g := groups[i]
			if !ids[i].newOnly {
				serve, history = true, true
			} else if s.Length > 0 {
				if last, _ := s.Last(); g.LastID.Less(last) {
					serve = true
					gt = g.LastID
				}
			}
		} else if s.Length > 0 {
			if last, _ := s.Last(); gt.Less(last) {
				serve = true
			}
		}
		if !serve {
			continue
		}
		if groups != nil {
			// The consumer comes into being only when it is served.
			consumer = groups[i].Consumer(a.consumer)
			if consumer == nil {
				consumer = groups[i].CreateConsumer(a.consumer, now)
				c.KS.Dirty++ // no event: only XGROUP CREATECONSUMER sends one
			}
			consumer.SeenTime = now
		}
		start, _ := gt.Incr()
		var entries []streamReplyEntry
		switch {
		case history:
			entries = readConsumerPEL(s, consumer, start, a.count, now)
		case groups != nil:
			entries = readForGroup(s, groups[i], consumer, start, a.count, a.noack, now)
		default:
			s.Range(start, stream.MaxID, false, func(id stream.ID, fv []string) bool {
				entries = append(entries, streamReplyEntry{id, fv, true})
				return a.count == 0 || int64(len(entries)) < a.count
			})
		}
		if groups != nil {
			c.KS.Dirty++
		}
		out = append(out, served{keys[i], entries})
	}
	if len(out) == 0 {
		r.NullArray()
		return
	}
	if r.Resp3() {
		r.MapLen(len(out))
	} else {
		r.ArrayLen(len(out))
	}
	for _, sv := range out {
		if !r.Resp3() {
			r.ArrayLen(2)
		}
		r.Bulk(sv.key)
		replyEntries(r, sv.entries)
	}
}

// streamReplyEntry is an entry to reply with; an entry that is pending but no longer in the
// stream (found=false) is answered with a null instead of its fields.
type streamReplyEntry struct {
	id    stream.ID
	fv    []string
	found bool
}

func replyEntries(r Reply, entries []streamReplyEntry) {
	r.ArrayLen(len(entries))
	for _, e := range entries {
		if e.found {
			replyEntry(r, e.id, e.fv)
			continue
		}
		r.ArrayLen(2)
		r.Bulk(e.id.String())
		r.NullArray()
	}
}

// readForGroup delivers new entries from start to a consumer of a group: the group's last
// delivered ID and read counter advance, and unless noack each entry becomes pending for the
// consumer (taken over from another consumer if it was already pending).
func readForGroup(s *streamValue, g *stream.Group, consumer *stream.Consumer, start stream.ID, count int64, noack bool, now int64) []streamReplyEntry {
	var entries []streamReplyEntry
	s.Range(start, stream.MaxID, false, func(id stream.ID, fv []string) bool {
		entries = append(entries, streamReplyEntry{id, fv, true})
		return count == 0 || int64(len(entries)) < count
	})
	for _, e := range entries {
		s.Delivered(g, e.id)
		if noack {
			continue
		}
		nack := &stream.NACK{DeliveryTime: now, DeliveryCount: 1, Consumer: consumer}
		if !g.PEL.Insert(e.id, nack) {
			nack = g.PEL.Get(e.id)
			nack.Consumer.PEL.Delete(e.id)
			nack.Consumer = consumer
			nack.DeliveryTime = now
			nack.DeliveryCount = 1
		}
		consumer.PEL.Insert(e.id, nack)
	}
	return entries
}

// readConsumerPEL answers a consumer's history: its pending entries from start, each delivered
// again (its delivery time and count updated) when it is still in the stream.
func readConsumerPEL(s *streamValue, consumer *stream.Consumer, start stream.ID, count int64, now int64) []streamReplyEntry {
	var entries []streamReplyEntry
	var nacks []*stream.NACK
	consumer.PEL.Ascend(start, func(id stream.ID, n *stream.NACK) bool {
		if count != 0 && int64(len(entries)) >= count {
			return false
		}
		fv, ok := s.Get(id)
		entries = append(entries, streamReplyEntry{id, fv, ok})
		if ok {
			nacks = append(nacks, n)
		}
		return true
	})
	for _, n := range nacks {
		n.DeliveryTime = now
		n.DeliveryCount++
	}
	return entries
}

// StreamBlock describes an XREAD or XREADGROUP call with the BLOCK option, for a server that
// really blocks.
type StreamBlock struct {
	// Keys are the streams the call waits on.
	Keys []string
	// Deadline is the Unix time in ms at which the call times out (0: never).
	Deadline int64
	// Args are the arguments to run again when a key is modified: the original arguments with
	// each "$" ID replaced by the ID it stood for at the first call (the stream's last ID then),
	// so that the call waits for entries added after it, not after the latest one.
	Args []string
}

// ResolveStreamBlock inspects an XREAD or XREADGROUP call (args[0] is the command name) before or
// after it ran once without result. ok is false when the call has no BLOCK option or is not
// valid (then the command's own reply, an error or the null array, is final). Call it with the
// keyspace lock held, before running the command the first time, so that "$" resolves to the
// last IDs as they were when the client asked.
func ResolveStreamBlock(c *Ctx, args []string) (b StreamBlock, ok bool) {
	if len(args) == 0 {
		return b, false
	}
	group := len(args[0]) == len("xreadgroup") && strings.EqualFold(args[0], "xreadgroup")
	a, msg := parseXReadArgs(c, args, group)
	if msg != "" || a.timeout < 0 {
		return b, false
	}
	b.Deadline = a.timeout
	n := a.nstreams
	b.Keys = append([]string(nil), args[a.streamsArg:a.streamsArg+n]...)
	b.Args = append([]string(nil), args...)
	if group {
		return b, true
	}
	for i := 0; i < n; i++ {
		if cstr(b.Args[a.streamsArg+n+i]) != "$" {
			continue
		}
		id := stream.ID{}
		if e := c.DB.find(c, b.Keys[i]); e != nil {
			if s, isStream := e.val.(*streamValue); isStream {
				id = s.LastID
			}
		}
		b.Args[a.streamsArg+n+i] = id.String()
	}
	return b, true
}
