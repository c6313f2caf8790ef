package server

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"
)

// INFO with the sections and fields client libraries and tools read. Values that redmoon does
// not have (replication offsets, fork statistics) are reported as a server without replicas or
// persistence reports them.

// stats are the counters INFO stats reports. Guarded by the execution lock.
type stats struct {
	connections    int64
	commands       int64
	rejectedConns  int64
	errorReplies   int64
	authFailures   int64
	pubsubMessages int64
	startOps       int64     // commands at the start of the current ops/sec window
	startOpsAt     time.Time // start of the window
	opsPerSec      int64
}

func (st *stats) reset() {
	*st = stats{}
}

var infoSections = []string{"server", "clients", "memory", "persistence", "stats", "replication", "cpu", "modules", "errorstats", "cluster", "keyspace"}

// info builds the INFO text for the requested sections (default, all, everything, or names).
func (s *Server) info(args []string) string {
	want := map[string]bool{}
	all := len(args) == 0
	for _, a := range args {
		switch a = strings.ToLower(a); a {
		case "default", "all", "everything":
			all = true
		default:
			want[a] = true
		}
	}
	var b strings.Builder
	first := true
	for _, sec := range infoSections {
		if !all && !want[sec] {
			continue
		}
		text := s.infoSection(sec)
		if text == "" && sec != "modules" && sec != "errorstats" {
			continue
		}
		if !first {
			b.WriteString("\r\n")
		}
		first = false
		b.WriteString("# " + strings.ToUpper(sec[:1]) + sec[1:] + "\r\n")
		b.WriteString(text)
	}
	return b.String()
}

func (s *Server) infoSection(sec string) string {
	var b strings.Builder
	kv := func(k string, v any) { fmt.Fprintf(&b, "%s:%v\r\n", k, v) }
	now := time.Now()
	switch sec {
	case "server":
		up := int64(now.Sub(s.startTime) / time.Second)
		exe, _ := os.Executable()
		kv("redis_version", RedisVersion)
		kv("redis_git_sha1", "00000000")
		kv("redis_git_dirty", 0)
		kv("redis_build_id", "0")
		kv("redis_mode", "standalone")
		kv("redmoon_version", Version)
		kv("os", runtime.GOOS+" "+runtime.GOARCH)
		kv("arch_bits", 64)
		kv("monotonic_clock", "POSIX clock_gettime")
		kv("multiplexing_api", "epoll")
		kv("gcc_version", "0.0.0")
		kv("go_version", runtime.Version())
		kv("process_id", os.Getpid())
		kv("process_supervised", "no")
		kv("run_id", s.runID)
		kv("tcp_port", s.cfg.Port)
		kv("server_time_usec", now.UnixMicro())
		kv("uptime_in_seconds", up)
		kv("uptime_in_days", up/86400)
		kv("hz", 10)
		kv("configured_hz", 10)
		kv("lru_clock", (now.Unix())&(1<<24-1))
		kv("executable", exe)
		kv("config_file", s.cfg.ConfigFile)
		kv("io_threads_active", 0)
	case "clients":
		pubsub := 0
		clients := s.registry()
		for _, c := range clients {
			if c.flags&flagPubSub != 0 {
				pubsub++
			}
		}
		kv("connected_clients", len(clients))
		kv("cluster_connections", 0)
		kv("maxclients", s.params.maxClients)
		kv("client_recent_max_input_buffer", 16384)
		kv("client_recent_max_output_buffer", 0)
		kv("blocked_clients", s.blocked.count)
		kv("tracking_clients", 0)
		kv("clients_in_timeout_table", s.blocked.count)
	case "memory":
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		kv("used_memory", m.HeapAlloc)
		kv("used_memory_human", humanBytes(m.HeapAlloc))
		kv("used_memory_rss", m.Sys)
		kv("used_memory_rss_human", humanBytes(m.Sys))
		kv("used_memory_peak", m.HeapSys)
		kv("used_memory_peak_human", humanBytes(m.HeapSys))
		kv("used_memory_lua", 0)
		kv("maxmemory", 0)
		kv("maxmemory_human", "0B")
		kv("maxmemory_policy", "noeviction")
		kv("mem_fragmentation_ratio", "1.00")
		kv("mem_allocator", "go")
	case "persistence":
		kv("loading", 0)
		kv("async_loading", 0)
		kv("rdb_changes_since_last_save", s.ks.Dirty)
		kv("rdb_bgsave_in_progress", 0)
		kv("rdb_last_save_time", s.lastSave)
		kv("rdb_last_bgsave_status", "ok")
		kv("aof_enabled", 0)
		kv("aof_rewrite_in_progress", 0)
		kv("aof_last_write_status", "ok")
	case "stats":
		kv("total_connections_received", s.stats.connections)
		kv("total_commands_processed", s.stats.commands)
		kv("instantaneous_ops_per_sec", s.opsPerSec())
		kv("rejected_connections", s.stats.rejectedConns)
		ks := s.ks.Stats()
		kv("expired_keys", ks.ExpiredKeys)
		kv("evicted_keys", ks.EvictedKeys)
		kv("keyspace_hits", ks.Hits)
		kv("keyspace_misses", ks.Misses)
		kv("pubsub_channels", len(s.pubsub.channels))
		kv("pubsub_patterns", len(s.pubsub.patterns))
		kv("pubsubshard_channels", len(s.pubsub.shards))
		kv("total_error_replies", s.stats.errorReplies)
		kv("total_blocking_keys", len(s.blocked.waiting))
	case "replication":
		kv("role", "master")
		kv("connected_slaves", 0)
		kv("master_failover_state", "no-failover")
		kv("master_replid", s.runID)
		kv("master_replid2", strings.Repeat("0", 40))
		kv("master_repl_offset", 0)
		kv("second_repl_offset", -1)
		kv("repl_backlog_active", 0)
	case "cpu":
		u, sys := cpuTimes()
		kv("used_cpu_sys", fmt.Sprintf("%.6f", sys))
		kv("used_cpu_user", fmt.Sprintf("%.6f", u))
	case "cluster":
		kv("cluster_enabled", 0)
	case "keyspace":
		for _, d := range s.ks.DBStats() {
			fmt.Fprintf(&b, "db%d:keys=%d,expires=%d,avg_ttl=%d\r\n", d.ID, d.Keys, d.Expires, d.AvgTTL)
		}
	}
	return b.String()
}

// opsPerSec is the command rate over the last completed second.
func (s *Server) opsPerSec() int64 {
	now := time.Now()
	if s.stats.startOpsAt.IsZero() {
		s.stats.startOpsAt, s.stats.startOps = now, s.stats.commands
		return 0
	}
	if d := now.Sub(s.stats.startOpsAt); d >= time.Second {
		s.stats.opsPerSec = int64(float64(s.stats.commands-s.stats.startOps) / d.Seconds())
		s.stats.startOpsAt, s.stats.startOps = now, s.stats.commands
	}
	return s.stats.opsPerSec
}

func humanBytes(n uint64) string {
	f := float64(n)
	switch {
	case n < 1024:
		return fmt.Sprintf("%dB", n)
	case n < 1<<20:
		return fmt.Sprintf("%.2fK", f/1024)
	case n < 1<<30:
		return fmt.Sprintf("%.2fM", f/(1<<20))
	default:
		return fmt.Sprintf("%.2fG", f/(1<<30))
	}
}
