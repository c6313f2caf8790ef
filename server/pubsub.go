package server

import (
	"sort"
	"strconv"

	"github.com/redmoon-dev/redmoon/keyspace"
)

// Pub/sub as Redis 7.0: SUBSCRIBE/PSUBSCRIBE/SSUBSCRIBE and their UNSUBSCRIBE, PUBLISH and
// SPUBLISH, PUBSUB introspection. A RESP2 subscriber is in subscriber mode (only the pub/sub
// commands, PING, QUIT and RESET); a RESP3 client receives messages as push replies and may run
// any command. Messages reach other clients through their asynchronous output (client.push).
// PUBLISH and SPUBLISH are also in the keyspace's table so scripts can publish (script.go).

type subKind uint8

const (
	kindChannel subKind = iota
	kindPattern
	kindShard
)

var subVerbs = [...]struct{ sub, unsub, msg string }{
	kindChannel: {"subscribe", "unsubscribe", "message"},
	kindPattern: {"psubscribe", "punsubscribe", "pmessage"},
	kindShard:   {"ssubscribe", "sunsubscribe", "smessage"},
}

// pubsub holds the subscriptions of all clients. Guarded by the execution lock. Subscribers are
// kept in subscription order, which is the order messages are delivered in.
type pubsub struct {
	channels map[string][]*client
	shards   map[string][]*client
	patterns map[string][]*client
	patOrder []string // patterns in the order they were first subscribed
}

func (p *pubsub) init() {
	p.channels = map[string][]*client{}
	p.shards = map[string][]*client{}
	p.patterns = map[string][]*client{}
}

func removeClient(list []*client, c *client) []*client {
	for i, x := range list {
		if x == c {
			return append(list[:i:i], list[i+1:]...)
		}
	}
	return list
}

// subscriptions returns the count Redis reports in (un)subscribe replies: channels plus
// patterns, or shard channels for the shard commands.
func (c *client) subscriptions(kind subKind) int {
	if kind == kindShard {
		return len(c.shardChans)
	}
	return len(c.channels) + len(c.patterns)
}

func (c *client) updatePubSubFlag() {
	if len(c.channels)+len(c.patterns)+len(c.shardChans) > 0 {
		c.flags |= flagPubSub
	} else {
		c.flags &^= flagPubSub
	}
}

func (c *client) subReply(verb string, name string, null bool, count int) {
	if c.resp3 {
		c.out.PushLen(3)
	} else {
		c.out.ArrayLen(3)
	}
	c.out.Bulk(verb)
	if null {
		c.out.Null()
	} else {
		c.out.Bulk(name)
	}
	c.out.Integer(int64(count))
}

func (c *client) subscribe(names []string, kind subKind) {
	ps := &c.s.pubsub
	for _, name := range names {
		switch kind {
		case kindChannel:
			if c.channels == nil {
				c.channels = map[string]struct{}{}
			}
			if _, ok := c.channels[name]; !ok {
				c.channels[name] = struct{}{}
				ps.channels[name] = append(ps.channels[name], c)
			}
		case kindShard:
			if c.shardChans == nil {
				c.shardChans = map[string]struct{}{}
			}
			if _, ok := c.shardChans[name]; !ok {
				c.shardChans[name] = struct{}{}
				ps.shards[name] = append(ps.shards[name], c)
			}
		case kindPattern:
			have := false
			for _, p := range c.patterns {
				if p == name {
					have = true
					break
				}
			}
			if !have {
				c.patterns = append(c.patterns, name)
				if _, ok := ps.patterns[name]; !ok {
					ps.patOrder = append(ps.patOrder, name)
				}
				ps.patterns[name] = append(ps.patterns[name], c)
			}
		}
		c.updatePubSubFlag()
		c.subReply(subVerbs[kind].sub, name, false, c.subscriptions(kind))
	}
}

// unsubscribe removes subscriptions (all of the kind when names is empty), answering for each
// when reply is set.
func (c *client) unsubscribe(names []string, kind subKind, reply bool) {
	if len(names) == 0 {
		switch kind {
		case kindChannel:
			for ch := range c.channels {
				names = append(names, ch)
			}
			sort.Strings(names)
		case kindShard:
			for ch := range c.shardChans {
				names = append(names, ch)
			}
			sort.Strings(names)
		case kindPattern:
			names = append(names, c.patterns...)
		}
		if len(names) == 0 {
			if reply {
				c.subReply(subVerbs[kind].unsub, "", true, c.subscriptions(kind))
			}
			return
		}
	}
	ps := &c.s.pubsub
	for _, name := range names {
		switch kind {
		case kindChannel:
			if _, ok := c.channels[name]; ok {
				delete(c.channels, name)
				if l := removeClient(ps.channels[name], c); len(l) == 0 {
					delete(ps.channels, name)
				} else {
					ps.channels[name] = l
				}
			}
		case kindShard:
			if _, ok := c.shardChans[name]; ok {
				delete(c.shardChans, name)
				if l := removeClient(ps.shards[name], c); len(l) == 0 {
					delete(ps.shards, name)
				} else {
					ps.shards[name] = l
				}
			}
		case kindPattern:
			for i, p := range c.patterns {
				if p == name {
					c.patterns = append(c.patterns[:i:i], c.patterns[i+1:]...)
					if l := removeClient(ps.patterns[name], c); len(l) == 0 {
						delete(ps.patterns, name)
						for j, q := range ps.patOrder {
							if q == name {
								ps.patOrder = append(ps.patOrder[:j:j], ps.patOrder[j+1:]...)
								break
							}
						}
					} else {
						ps.patterns[name] = l
					}
					break
				}
			}
		}
		c.updatePubSubFlag()
		if reply {
			c.subReply(subVerbs[kind].unsub, name, false, c.subscriptions(kind))
		}
	}
}

// unsubscribeAll drops every subscription of a client without replies (disconnect, RESET).
func (p *pubsub) unsubscribeAll(c *client) {
	if c.flags&flagPubSub == 0 {
		return
	}
	c.unsubscribe(nil, kindChannel, false)
	c.unsubscribe(nil, kindPattern, false)
	c.unsubscribe(nil, kindShard, false)
}

// encodeMessage builds a message in a subscriber's protocol: RESP3 push or RESP2 array.
func encodeMessage(dst []byte, r3 bool, parts ...string) []byte {
	if r3 {
		dst = append(dst, '>')
	} else {
		dst = append(dst, '*')
	}
	dst = strconv.AppendInt(dst, int64(len(parts)), 10)
	dst = append(dst, '\r', '\n')
	for _, p := range parts {
		dst = append(dst, '$')
		dst = strconv.AppendInt(dst, int64(len(p)), 10)
		dst = append(dst, '\r', '\n')
		dst = append(dst, p...)
		dst = append(dst, '\r', '\n')
	}
	return dst
}

// Publish delivers message to the subscribers of channel and of the patterns matching it, and
// returns how many received it. The execution lock must be held (it is while a command or a
// script runs).
func (s *Server) Publish(channel, message string) int64 {
	var n int64
	var buf [2][]byte // encoded once per protocol
	for _, c := range s.pubsub.channels[channel] {
		r3 := 0
		if c.resp3 {
			r3 = 1
		}
		if buf[r3] == nil {
			buf[r3] = encodeMessage(nil, c.resp3, "message", channel, message)
		}
		c.push(buf[r3])
		n++
	}
	for _, pat := range s.pubsub.patOrder {
		if !keyspace.GlobMatch(pat, channel, false) {
			continue
		}
		for _, c := range s.pubsub.patterns[pat] {
			c.push(encodeMessage(nil, c.resp3, "pmessage", pat, channel, message))
			n++
		}
	}
	s.stats.pubsubMessages++
	return n
}

// PublishShard delivers message to the subscribers of the shard channel (SPUBLISH).
func (s *Server) PublishShard(channel, message string) int64 {
	var n int64
	for _, c := range s.pubsub.shards[channel] {
		c.push(encodeMessage(nil, c.resp3, "smessage", channel, message))
		n++
	}
	return n
}

// pubsubChannels answers PUBSUB CHANNELS and SHARDCHANNELS.
func pubsubChannels(m map[string][]*client, args []string, r keyspace.Reply) {
	var names []string
	for ch := range m {
		if len(args) < 3 || keyspace.GlobMatch(args[2], ch, false) {
			names = append(names, ch)
		}
	}
	sort.Strings(names)
	r.ArrayLen(len(names))
	for _, ch := range names {
		r.Bulk(ch)
	}
}

func pubsubNumSub(m map[string][]*client, args []string, r keyspace.Reply) {
	r.ArrayLen(2 * (len(args) - 2))
	for _, ch := range args[2:] {
		r.Bulk(ch)
		r.Integer(int64(len(m[ch])))
	}
}
