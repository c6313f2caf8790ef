package main

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// workload is one row group of the server table: a redis-benchmark test.
type workload struct {
	name   string
	setup  [][]string
	script string   // loaded with SCRIPT LOAD; {sha} in command is replaced by its SHA1
	tests  string   // a built-in test (-t), or
	cmd    []string // a command to repeat
	check  []string // a command whose reply must be the same on both servers
}

var workloads = []workload{
	{name: "SET", tests: "set", check: []string{"SET", "key:__rand_int__", "xxx"}},
	{name: "GET", tests: "get", check: []string{"GET", "key:__rand_int__"}},
	{
		name:  "EVAL GET script",
		setup: [][]string{{"SET", "bench:k", "hello"}},
		cmd:   []string{"EVAL", "return redis.call('GET', KEYS[1])", "1", "bench:k"},
	},
	{
		name:   "EVALSHA GET script",
		setup:  [][]string{{"SET", "bench:k", "hello"}},
		script: "return redis.call('GET', KEYS[1])",
		cmd:    []string{"EVALSHA", "{sha}", "1", "bench:k"},
	},
	{
		name:   "EVALSHA INCR + EXPIRE",
		script: "local v = redis.call('INCR', KEYS[1])\nredis.call('EXPIRE', KEYS[1], 60)\nreturn v",
		cmd:    []string{"EVALSHA", "{sha}", "1", "bench:counter"},
	},
	{
		name: "EVALSHA rate limiter",
		script: "redis.call('ZREMRANGEBYSCORE', KEYS[1], 0, tonumber(ARGV[1]) - tonumber(ARGV[2]))\n" +
			"if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then\n" +
			"  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])\n  redis.call('EXPIRE', KEYS[1], 60)\n  return 1\nend\nreturn 0",
		cmd: []string{"EVALSHA", "{sha}", "1", "bench:rl", "1000000", "100", "50", "req"},
	},
}

func serverSection(cfg *config) (string, bool) {
	bench := lookTool("redis-benchmark", "server table, the load generator")
	if bench == "" {
		return "Not run: redis-benchmark is missing (apt-get install redis-tools).\n", true
	}
	names := []string{"redmoon"}
	if serverPresent("server table, the peer") {
		names = append(names, "redis-server")
	}
	var servers []*server
	defer func() {
		for _, s := range servers {
			s.stop()
		}
	}()
	for _, n := range names {
		s, err := startServer(cfg, n)
		if err != nil {
			return fmt.Sprintf("Not run: %v\n", err), n != "redmoon"
		}
		servers = append(servers, s)
	}
	// Requests per second of elapsed time is what redis-benchmark reports; on a shared machine
	// it mostly measures the scheduler, so the table also gives requests per second of the
	// server process's own CPU time (all its threads), read from /proc around each run.
	_, cpuErr := servers[0].cpuSeconds()
	cols := []string{"workload", "pipeline"}
	for _, unit := range []string{"req/s", "req/CPU-s"} {
		if unit == "req/CPU-s" && cpuErr != nil {
			break
		}
		for _, n := range names {
			cols = append(cols, n+" "+unit)
		}
		if len(names) > 1 {
			cols = append(cols, "redmoon / redis-server")
		}
	}
	t := newTable(cols...)
	t.left = 1
	ok := true
	var notes []string
	for _, w := range workloads {
		cmds := make([][]string, len(servers)) // the benchmark command per server
		failed := make([]error, len(servers))
		replies := make([]string, len(servers))
		for i, s := range servers {
			cmds[i], replies[i], failed[i] = prepareWorkload(s, w)
		}
		for i := range servers {
			if failed[i] == nil && replies[i] != replies[0] && failed[0] == nil {
				failed[i] = fmt.Errorf("reply %s, redmoon's %s", replies[i], replies[0])
			}
		}
		for _, pipe := range []int{1, 16} {
			fmt.Fprintf(os.Stderr, "  %s, pipeline %d:", w.name, pipe)
			n := cfg.requests
			if pipe > 1 {
				n *= 4
			}
			rates := make([][]float64, len(servers))  // requests per second
			perCPU := make([][]float64, len(servers)) // requests per CPU-second of the server
			for r := 0; r < cfg.serverRounds; r++ {
				for _, i := range rotate(len(servers), r) {
					if failed[i] != nil {
						continue
					}
					before, err := servers[i].cpuSeconds()
					var rps float64
					if err == nil || cpuErr != nil {
						rps, err = runBenchmark(cfg, bench, servers[i].port, n, pipe, w.tests, cmds[i])
					}
					var after float64
					if err == nil && cpuErr == nil {
						after, err = servers[i].cpuSeconds()
					}
					if err != nil {
						failed[i] = err
						continue
					}
					rates[i] = append(rates[i], rps)
					if cpuErr == nil && after > before {
						perCPU[i] = append(perCPU[i], float64(n)/(after-before))
					}
				}
				fmt.Fprint(os.Stderr, ".")
			}
			fmt.Fprintln(os.Stderr)
			row := []string{w.name, strconv.Itoa(pipe)}
			row = append(row, rateCells(rates, failed)...)
			if cpuErr == nil {
				row = append(row, rateCells(perCPU, failed)...)
			}
			t.add(row...)
		}
		for i, err := range failed {
			if err != nil {
				notes = append(notes, fmt.Sprintf("%s, %s: %v", names[i], w.name, err))
				if i == 0 {
					ok = false
				}
			}
		}
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "redis-benchmark (%d clients, %s requests at pipeline 1 and %s at pipeline 16, median of %d "+
		"alternating rounds) against both servers started by the driver on loopback ports; higher is better. "+
		"req/s is requests per second of elapsed time as redis-benchmark reports it (the load generator shares "+
		"the machine's cores with the server, and on a busy machine this mostly measures the scheduler); "+
		"req/CPU-s is requests per second of the server process's own CPU time (user+system of all its threads, "+
		"from /proc, 10 ms resolution):\n\n",
		50, count(float64(cfg.requests)), count(float64(4*cfg.requests)), cfg.serverRounds)
	sb.WriteString(t.markdown())
	sb.WriteString(noteList(notes))
	return sb.String(), ok
}

// rateCells gives one median cell per server and, for two servers, the ratio of the first to
// the second ("error" where a server failed, "-" where there is no figure).
func rateCells(rates [][]float64, failed []error) []string {
	var row []string
	for i := range rates {
		if failed[i] != nil {
			row = append(row, "error")
			continue
		}
		if len(rates[i]) == 0 { // no run measured anything (CPU time below the clock's tick)
			row = append(row, "-")
			continue
		}
		row = append(row, count(summarize(rates[i]).Median))
	}
	if len(rates) > 1 {
		if failed[0] != nil || failed[1] != nil || len(rates[0]) == 0 || len(rates[1]) == 0 {
			row = append(row, "-")
		} else {
			row = append(row, ratio(summarize(rates[0]).Median/summarize(rates[1]).Median))
		}
	}
	return row
}

// prepareWorkload runs the workload's setup on a server, loads its script, and returns the
// command to benchmark and the reply of one call of it (as text).
func prepareWorkload(s *server, w workload) (cmd []string, reply string, err error) {
	for _, c := range w.setup {
		if _, err := s.do(c...); err != nil {
			return nil, "", err
		}
	}
	cmd = w.cmd
	if w.script != "" {
		v, err := s.do("SCRIPT", "LOAD", w.script)
		if err != nil {
			return nil, "", err
		}
		cmd = make([]string, len(w.cmd))
		for i, a := range w.cmd {
			cmd[i] = strings.ReplaceAll(a, "{sha}", v.Str)
		}
	}
	check := cmd
	if w.check != nil {
		check = w.check
	}
	v, err := s.do(check...)
	if err != nil {
		return nil, "", err
	}
	return cmd, v.String(), nil
}

// runBenchmark runs redis-benchmark once and returns the requests per second it reports.
func runBenchmark(cfg *config, bench string, port, n, pipe int, tests string, cmd []string) (float64, error) {
	args := []string{"-h", "127.0.0.1", "-p", strconv.Itoa(port), "-n", strconv.Itoa(n), "-c", "50",
		"-P", strconv.Itoa(pipe), "--csv"}
	if tests != "" {
		args = append(args, "-t", tests)
	} else {
		args = append(args, cmd...)
	}
	out, err := exec.Command(bench, args...).CombinedOutput()
	if err != nil {
		return 0, fmt.Errorf("redis-benchmark: %v: %s", err, firstLine(string(out)))
	}
	return parseBenchmarkCSV(string(out))
}

// parseBenchmarkCSV reads the requests per second of redis-benchmark's --csv output (one
// test), failing when the server answered errors.
func parseBenchmarkCSV(out string) (float64, error) {
	for _, line := range strings.Split(out, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "Error from server") || strings.HasPrefix(line, "ERR") {
			return 0, fmt.Errorf("redis-benchmark: %s", line)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, `"`) || strings.HasPrefix(line, `"test"`) {
			continue
		}
		// "NAME","RPS",... where NAME may hold commas: the rate is the 7th field from the end.
		f := strings.Split(line, ",")
		if len(f) < 8 {
			continue
		}
		rps, err := strconv.ParseFloat(strings.Trim(f[len(f)-7], `"`), 64)
		if err != nil {
			return 0, fmt.Errorf("redis-benchmark: bad line %q", line)
		}
		return rps, nil
	}
	return 0, fmt.Errorf("redis-benchmark printed no result: %s", firstLine(out))
}
