package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/redmoon-dev/redmoon/bench/internal/runner"
	"github.com/redmoon-dev/redmoon/conformance/redis"
)

func memorySection(cfg *config) (string, bool) {
	datasets := []struct {
		name string
		set  runner.Dataset
		n    int
	}{
		{fmt.Sprintf("%s small strings (SET key:I val:NNNNNN)", count(float64(cfg.memStrings))), runner.Strings, cfg.memStrings},
		{fmt.Sprintf("%s hashes of 10 fields (HSET hash:I field:F value:F:I ...)", count(float64(cfg.memHashes))), runner.Hashes, cfg.memHashes},
	}
	haveRedis := serverPresent("memory table, the peer")
	cols := []string{"dataset", "redmoon bytes/key"}
	if haveRedis {
		cols = append(cols, "redis-server bytes/key", "redmoon / redis-server")
	}
	t := newTable(cols...)
	ok := true
	var notes []string
	for _, d := range datasets {
		fmt.Fprintf(os.Stderr, "  %s\n", d.name)
		row := []string{d.name}
		ours := -1.0
		m, err := runTimed(cfg.timeout, "", cfg.runner, "mem", string(d.set), strconv.Itoa(d.n))
		var out map[string]float64
		if err == nil {
			err = json.Unmarshal([]byte(m.Stdout), &out)
		}
		if err != nil {
			ok = false
			row = append(row, "error")
			notes = append(notes, fmt.Sprintf("redmoon, %s: %v", d.name, err))
		} else {
			ours = out["bytes_per_key"]
			row = append(row, fmt.Sprintf("%.1f", ours))
		}
		if haveRedis {
			theirs, err := redisMemory(cfg, d.set, d.n)
			if err != nil {
				row = append(row, "error", "-")
				notes = append(notes, fmt.Sprintf("redis-server, %s: %v", d.name, err))
			} else {
				row = append(row, fmt.Sprintf("%.1f", theirs))
				if ours >= 0 {
					row = append(row, ratio(ours/theirs))
				} else {
					row = append(row, "-")
				}
			}
		}
		t.add(row...)
	}
	var sb strings.Builder
	sb.WriteString("Bytes per key, lower is better. redmoon: growth of the live Go heap (runtime.MemStats.HeapAlloc " +
		"after a full collection) of a process that stores the keys in a keyspace in-process; with the default " +
		"GOGC=100 the heap may grow to about twice the live size between collections. redis-server: growth of " +
		"INFO memory's used_memory while the same commands are pipelined into a fresh server:\n\n")
	sb.WriteString(t.markdown())
	sb.WriteString(noteList(notes))
	return sb.String(), ok
}

// redisMemory loads n items of a dataset into a fresh redis-server and returns the growth of
// used_memory per key.
func redisMemory(cfg *config, d runner.Dataset, n int) (float64, error) {
	s, err := startServer(cfg, "redis-server")
	if err != nil {
		return 0, err
	}
	defer s.stop()
	before, err := s.usedMemory()
	if err != nil {
		return 0, err
	}
	batch := make([][]string, 0, 1000)
	flush := func() error {
		replies, err := s.conn.Pipeline(batch)
		if err != nil {
			return err
		}
		for _, v := range replies {
			if v.Kind == redis.Error {
				return fmt.Errorf("%s", v.Str)
			}
		}
		batch = batch[:0]
		return nil
	}
	for i := 0; i < n; i++ {
		cmd, err := d.Commands(i)
		if err != nil {
			return 0, err
		}
		batch = append(batch, cmd)
		if len(batch) == cap(batch) {
			if err := flush(); err != nil {
				return 0, err
			}
		}
	}
	if len(batch) > 0 {
		if err := flush(); err != nil {
			return 0, err
		}
	}
	v, err := s.do("DBSIZE")
	if err != nil {
		return 0, err
	}
	if v.Int != int64(n) {
		return 0, fmt.Errorf("DBSIZE is %d after storing %d keys", v.Int, n)
	}
	after, err := s.usedMemory()
	if err != nil {
		return 0, err
	}
	return float64(after-before) / float64(n), nil
}
