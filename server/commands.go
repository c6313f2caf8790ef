package server

import "strings"

// connCommands are the commands the server implements itself, by table name ("client|kill" for a
// subcommand): the ones that act on the connection or on the server's state. They take
// precedence over a keyspace handler of the same name. Those Redis also lets scripts call are
// given to the keyspace table too (script.go).
var connCommands = map[string]connHandler{
	"client|id": func(c *client, a []string) { c.out.Integer(c.id) },
	"client|getname": func(c *client, a []string) {
		if c.name == "" {
			c.out.Null()
		} else {
			c.out.Bulk(c.name)
		}
	},
	"client|setname": func(c *client, a []string) {
		if msg := validClientName(a[2]); msg != "" {
			c.out.Error(msg)
			return
		}
		c.name = a[2]
		c.out.SimpleString("OK")
	},
	"client|info":    func(c *client, a []string) { c.out.Verbatim("txt", c.infoLine()+"\n") },
	"client|list":    cmdClientList,
	"client|kill":    cmdClientKill,
	"client|pause":   cmdClientPause,
	"client|unpause": func(c *client, a []string) { c.s.pause.end(); c.out.SimpleString("OK") },
	"client|reply":   cmdClientReply,
	"client|no-evict": func(c *client, a []string) {
		switch strings.ToLower(a[2]) {
		case "on":
			c.flags |= flagNoEvict
		case "off":
			c.flags &^= flagNoEvict
		default:
			c.out.Error("ERR syntax error")
			return
		}
		c.out.SimpleString("OK")
	},
	"client|tracking": func(c *client, a []string) {
		c.out.Error("ERR CLIENT TRACKING (client-side caching) is not supported by this server")
	},
	"client|caching": func(c *client, a []string) {
		c.out.Error("ERR CLIENT CACHING can be called only when the client is in tracking mode with OPTIN or OPTOUT mode enabled")
	},
	"client|getredir": func(c *client, a []string) { c.out.Integer(-1) },
	"client|trackinginfo": func(c *client, a []string) {
		c.out.MapLen(3)
		c.out.Bulk("flags")
		c.out.SetLen(1)
		c.out.Bulk("off")
		c.out.Bulk("redirect")
		c.out.Integer(-1)
		c.out.Bulk("prefixes")
		c.out.ArrayLen(0)
	},
	"client|unblock":          cmdClientUnblock,
	"client|help":             func(c *client, a []string) { writeHelp(c.out, "client") },
	"command":                 cmdCommand,
	"command|count":           func(c *client, a []string) { c.out.Integer(int64(len(implementedCommands()))) },
	"command|info":            cmdCommandInfo,
	"command|docs":            cmdCommandDocs,
	"command|list":            cmdCommandList,
	"command|getkeys":         func(c *client, a []string) { cmdGetKeys(c, a, false) },
	"command|getkeysandflags": func(c *client, a []string) { cmdGetKeys(c, a, true) },
	"command|help":            func(c *client, a []string) { writeHelp(c.out, "command") },
	"config|get":              cmdConfigGet,
	"config|set":              cmdConfigSet,
	"config|resetstat": func(c *client, a []string) {
		c.s.stats.reset()
		c.s.ks.ResetStats()
		c.s.slowlog.reset()
		c.out.SimpleString("OK")
	},
	"config|rewrite":  cmdConfigRewrite,
	"config|help":     func(c *client, a []string) { writeHelp(c.out, "config") },
	"ping":            cmdPing,
	"echo":            func(c *client, a []string) { c.out.Bulk(a[1]) },
	"select":          cmdSelect,
	"hello":           cmdHello,
	"auth":            cmdAuth,
	"reset":           cmdReset,
	"quit":            func(c *client, a []string) { c.out.SimpleString("OK"); c.flags |= flagCloseAfter },
	"info":            func(c *client, a []string) { c.out.Verbatim("txt", c.s.info(a[1:])) },
	"monitor":         cmdMonitor,
	"multi":           cmdMulti,
	"exec":            cmdExec,
	"discard":         cmdDiscard,
	"watch":           cmdWatch,
	"unwatch":         cmdUnwatch,
	"subscribe":       func(c *client, a []string) { c.subscribe(a[1:], kindChannel) },
	"ssubscribe":      func(c *client, a []string) { c.subscribe(a[1:], kindShard) },
	"psubscribe":      func(c *client, a []string) { c.subscribe(a[1:], kindPattern) },
	"unsubscribe":     func(c *client, a []string) { c.unsubscribe(a[1:], kindChannel, true) },
	"sunsubscribe":    func(c *client, a []string) { c.unsubscribe(a[1:], kindShard, true) },
	"punsubscribe":    func(c *client, a []string) { c.unsubscribe(a[1:], kindPattern, true) },
	"lastsave":        func(c *client, a []string) { c.out.Integer(c.s.lastSave) },
	"memory|usage":    cmdMemoryUsage,
	"memory|help":     func(c *client, a []string) { writeHelp(c.out, "memory") },
	"latency|latest":  func(c *client, a []string) { c.out.ArrayLen(0) },
	"latency|history": func(c *client, a []string) { c.out.ArrayLen(0) },
	"latency|reset":   func(c *client, a []string) { c.out.Integer(0) },
	"latency|doctor": func(c *client, a []string) {
		c.out.Verbatim("txt", "I'm sorry, Dave, I can't do that. Latency monitoring is disabled in this Redis instance. You may use \"CONFIG SET latency-monitor-threshold <milliseconds>.\" in order to enable it. If we weren't in a deep space mission I'd suggest to take a look at https://redis.io/topics/latency-monitor.\n")
	},
	"latency|help":         func(c *client, a []string) { writeHelp(c.out, "latency") },
	"shutdown":             cmdShutdown,
	"wait":                 cmdWait,
	"publish":              func(c *client, a []string) { c.out.Integer(c.s.Publish(a[1], a[2])) },
	"spublish":             func(c *client, a []string) { c.out.Integer(c.s.PublishShard(a[1], a[2])) },
	"pubsub|channels":      func(c *client, a []string) { pubsubChannels(c.s.pubsub.channels, a, c.out) },
	"pubsub|shardchannels": func(c *client, a []string) { pubsubChannels(c.s.pubsub.shards, a, c.out) },
	"pubsub|numsub":        func(c *client, a []string) { pubsubNumSub(c.s.pubsub.channels, a, c.out) },
	"pubsub|shardnumsub":   func(c *client, a []string) { pubsubNumSub(c.s.pubsub.shards, a, c.out) },
	"pubsub|numpat":        func(c *client, a []string) { c.out.Integer(int64(len(c.s.pubsub.patterns))) },
	"pubsub|help":          func(c *client, a []string) { writeHelp(c.out, "pubsub") },
	"slowlog|get":          cmdSlowlogGet,
	"slowlog|len":          func(c *client, a []string) { c.out.Integer(int64(len(c.s.slowlog.entries))) },
	"slowlog|reset":        func(c *client, a []string) { c.s.slowlog.reset(); c.out.SimpleString("OK") },
	"slowlog|help":         func(c *client, a []string) { writeHelp(c.out, "slowlog") },
}
