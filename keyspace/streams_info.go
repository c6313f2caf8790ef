package keyspace

import (
	"github.com/redmoon-dev/redmoon/keyspace/internal/stream"
)

// XINFO STREAM, GROUPS, CONSUMERS and HELP, as Redis 7.0's xinfoCommand.
//
// radix-tree-keys and radix-tree-nodes describe Redis's internal layout, which the keyspace
// reproduces: the stream's entries are grouped in nodes exactly as the real server groups them in
// listpacks (radix-tree-keys is their number), and radix-tree-nodes counts the nodes of the fully
// compressed radix tree holding their 16-byte keys. The case files compare both exactly.

func init() {
	register(map[string]Handler{
		"xinfo|stream": xinfoCommand, "xinfo|groups": xinfoCommand, "xinfo|consumers": xinfoCommand,
		"xinfo|help": xinfoCommand,
	})
}

var xinfoHelp = []string{
	"CONSUMERS <key> <groupname>",
	"    Show consumers of <groupname>.",
	"GROUPS <key>",
	"    Show the stream consumer groups.",
	"STREAM <key> [FULL [COUNT <count>]",
	"    Show information about the stream.",
}

func xinfoCommand(c *Ctx, args []string, r Reply) {
	opt := cstr(args[1])
	if equalFold(opt, "help") {
		if len(args) != 2 {
			r.Error(subcommandSyntaxError(args))
			return
		}
		replyHelp(r, args, xinfoHelp)
		return
	}
	if len(args) < 3 {
		r.Error(subcommandSyntaxError(args))
		return
	}
	key := args[2]
	s, ok := lookupStream(c, key, false, r)
	if !ok {
		return
	}
	if s == nil {
		r.Error(ErrNoSuchKey)
		return
	}
	switch {
	case equalFold(opt, "consumers") && len(args) == 4:
		g := s.Group(args[3])
		if g == nil {
			r.Error("NOGROUP No such consumer group '" + safeText(cstr(args[3])) + "' for key name '" +
				safeText(cstr(key)) + "'")
			return
		}
		now := streamNow(c)
		r.ArrayLen(g.NumConsumers())
		for _, cons := range g.Consumers() {
			r.MapLen(3)
			r.Bulk("name")
			r.Bulk(cons.Name)
			r.Bulk("pending")
			r.Integer(int64(cons.PEL.Len()))
			r.Bulk("idle")
			r.Integer(max(now-cons.SeenTime, 0))
		}
	case equalFold(opt, "groups") && len(args) == 3:
		r.ArrayLen(s.NumGroups())
		for _, g := range s.Groups() {
			r.MapLen(6)
			r.Bulk("name")
			r.Bulk(g.Name)
			r.Bulk("consumers")
			r.Integer(int64(g.NumConsumers()))
			r.Bulk("pending")
			r.Integer(int64(g.PEL.Len()))
			r.Bulk("last-delivered-id")
			r.Bulk(g.LastID.String())
			replyGroupCounters(r, s, g)
		}
	case equalFold(opt, "stream"):
		xinfoStream(c, args, s, r)
	default:
		r.Error(subcommandSyntaxError(args))
	}
}

// replyGroupCounters writes a group's entries-read and lag fields.
func replyGroupCounters(r Reply, s *streamValue, g *stream.Group) {
	r.Bulk("entries-read")
	if g.EntriesRead != stream.InvalidEntriesRead {
		r.Integer(g.EntriesRead)
	} else {
		r.Null()
	}
	r.Bulk("lag")
	if lag, ok := s.Lag(g); ok {
		r.Integer(lag)
	} else {
		r.Null()
	}
}

func xinfoStream(c *Ctx, args []string, s *streamValue, r Reply) {
	full := true
	count := int64(10)
	switch rest := args[3:]; len(rest) {
	case 0:
		full = false
	case 1, 3:
		if !equalFold(cstr(rest[0]), "full") {
			r.Error(subcommandSyntaxError(args))
			return
		}
		if len(rest) == 3 {
			if !equalFold(cstr(rest[1]), "count") {
				r.Error(subcommandSyntaxError(args))
				return
			}
			n, ok := ParseInt(rest[2])
			if !ok {
				r.Error(ErrNotInt)
				return
			}
			if n < 0 {
				n = 10
			}
			count = n
		}
	default:
		r.Error(subcommandSyntaxError(args))
		return
	}
	if full {
		r.MapLen(9)
	} else {
		r.MapLen(10)
	}
	r.Bulk("length")
	r.Integer(int64(s.Length))
	r.Bulk("radix-tree-keys")
	r.Integer(int64(s.Nodes()))
	r.Bulk("radix-tree-nodes")
	r.Integer(int64(s.RadixTreeNodes()))
	r.Bulk("last-generated-id")
	r.Bulk(s.LastID.String())
	r.Bulk("max-deleted-entry-id")
	r.Bulk(s.MaxDeletedID.String())
	r.Bulk("entries-added")
	r.Integer(int64(s.EntriesAdded))
	r.Bulk("recorded-first-entry-id")
	r.Bulk(s.FirstID.String())
	if !full {
		r.Bulk("groups")
		r.Integer(int64(s.NumGroups()))
		r.Bulk("first-entry")
		replyEdgeEntry(r, s, false)
		r.Bulk("last-entry")
		replyEdgeEntry(r, s, true)
		return
	}
	r.Bulk("entries")
	replyRange(r, &s.Stream, stream.ID{}, stream.MaxID, count, false)
	r.Bulk("groups")
	r.ArrayLen(s.NumGroups())
	for _, g := range s.Groups() {
		r.MapLen(7)
		r.Bulk("name")
		r.Bulk(g.Name)
		r.Bulk("last-delivered-id")
		r.Bulk(g.LastID.String())
		replyGroupCounters(r, s, g)
		r.Bulk("pel-count")
		r.Integer(int64(g.PEL.Len()))
		r.Bulk("pending")
		replyPEL(r, g.PEL, count, true)
		r.Bulk("consumers")
		r.ArrayLen(g.NumConsumers())
		for _, cons := range g.Consumers() {
			r.MapLen(4)
			r.Bulk("name")
			r.Bulk(cons.Name)
			r.Bulk("seen-time")
			r.Integer(cons.SeenTime)
			r.Bulk("pel-count")
			r.Integer(int64(cons.PEL.Len()))
			r.Bulk("pending")
			replyPEL(r, cons.PEL, count, false)
		}
	}
}

// replyEdgeEntry writes the first (or last) entry, or a null for an empty stream.
func replyEdgeEntry(r Reply, s *streamValue, last bool) {
	found := false
	s.Range(stream.ID{}, stream.MaxID, last, func(id stream.ID, fv []string) bool {
		replyEntry(r, id, fv)
		found = true
		return false
	})
	if !found {
		r.Null()
	}
}

// replyPEL writes up to count pending entries (0: all) of XINFO STREAM FULL: ID, consumer name
// (for a group's PEL), delivery time and count.
func replyPEL(r Reply, pel *stream.PEL, count int64, withConsumer bool) {
	n := pel.Len()
	if count > 0 && int64(n) > count {
		n = int(count)
	}
	r.ArrayLen(n)
	i := 0
	pel.Ascend(stream.ID{}, func(id stream.ID, nack *stream.NACK) bool {
		if i == n {
			return false
		}
		i++
		if withConsumer {
			r.ArrayLen(4)
			r.Bulk(id.String())
			r.Bulk(nack.Consumer.Name)
		} else {
			r.ArrayLen(3)
			r.Bulk(id.String())
		}
		r.Integer(nack.DeliveryTime)
		r.Integer(int64(nack.DeliveryCount))
		return true
	})
}
