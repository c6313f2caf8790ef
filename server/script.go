package server

import (
	"sync"

	"github.com/redmoon-dev/redmoon/keyspace"
)

// Server commands that Redis also lets scripts call (PUBLISH, SPUBLISH, PUBSUB, INFO, LASTSAVE,
// SLOWLOG, COMMAND, MEMORY USAGE, the HELP subcommands) are given to the keyspace's command table
// as well, so the script bridge reaches them through the table like any other command
// (redis.call('PUBLISH', ...) delivers to this server's subscribers). Such a handler finds the
// server serving the context's keyspace; with no server (a keyspace used in-process only) PUBLISH
// reaches nobody and the introspection commands report an empty server.

var (
	serversMu sync.RWMutex
	servers   = map[*keyspace.Keyspace]*Server{}
)

func attachServer(ks *keyspace.Keyspace, s *Server) {
	serversMu.Lock()
	servers[ks] = s
	serversMu.Unlock()
}

func detachServer(ks *keyspace.Keyspace, s *Server) {
	serversMu.Lock()
	if servers[ks] == s {
		delete(servers, ks)
	}
	serversMu.Unlock()
}

// ServerFor returns the server serving ks, or nil.
func ServerFor(ks *keyspace.Keyspace) *Server {
	serversMu.RLock()
	defer serversMu.RUnlock()
	return servers[ks]
}

// Publisher is what the script side needs to publish: *Server implements it.
type Publisher interface {
	Publish(channel, message string) int64
	PublishShard(channel, message string) int64
}

var scriptCallable = []string{
	"publish", "spublish", "pubsub|channels", "pubsub|numsub", "pubsub|numpat", "pubsub|shardchannels",
	"pubsub|shardnumsub", "pubsub|help", "info", "lastsave", "slowlog|get", "slowlog|len",
	"slowlog|reset", "slowlog|help", "command", "command|count", "command|info", "command|docs",
	"command|list", "command|getkeys", "command|getkeysandflags", "command|help", "memory|usage",
	"memory|help", "client|help", "config|help", "latency|help",
}

func init() {
	for _, name := range scriptCallable {
		h := connCommands[name]
		if h == nil {
			panic("server: script-callable command without handler: " + name)
		}
		// A keyspace handler of the same name (if the keyspace implements it) wins for scripts.
		_ = keyspace.SetHandler(name, func(ctx *keyspace.Ctx, args []string, r keyspace.Reply) {
			s := ServerFor(ctx.KS)
			if s == nil {
				s = detached(ctx.KS)
			}
			c := &client{s: s, ctx: ctx, out: r, resp3: r.Resp3()}
			h(c, args)
		})
	}
	bindConnCommands()
}

// detached returns a server value that is not serving anything, for script calls on a keyspace
// no server serves: no subscribers, no slow log, no clients.
func detached(ks *keyspace.Keyspace) *Server {
	s := &Server{ks: ks, clients: map[int64]*client{}}
	s.params = newParams(s)
	s.pubsub.init()
	s.blocked.init()
	s.watched.init()
	return s
}
