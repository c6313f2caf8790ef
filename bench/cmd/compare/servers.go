package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/redmoon-dev/redmoon/conformance/redis"
)

// server is a Redis-protocol server the driver started on a loopback port.
type server struct {
	name string
	port int
	cmd  *exec.Cmd
	conn *redis.Conn
	done chan struct{}
}

// freePort asks the kernel for an unused loopback port.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// startServer starts the redmoon server or redis-server on a free loopback port and waits
// until it answers PING.
func startServer(cfg *config, name string) (*server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	p := strconv.Itoa(port)
	var cmd *exec.Cmd
	switch name {
	case "redmoon":
		cmd = exec.Command(cfg.redmoon, "--port", p, "--bind", "127.0.0.1")
	case "redis-server":
		cmd = exec.Command("redis-server", "--port", p, "--bind", "127.0.0.1", "--save", "",
			"--appendonly", "no", "--daemonize", "no", "--logfile", "")
	default:
		return nil, fmt.Errorf("unknown server %q", name)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %v", name, err)
	}
	s := &server{name: name, port: port, cmd: cmd, done: make(chan struct{})}
	go func() { cmd.Wait(); close(s.done) }()
	addr := net.JoinHostPort("127.0.0.1", p)
	deadline := time.Now().Add(30 * time.Second)
	for {
		conn, err := redis.Dial(addr)
		if err == nil {
			if v, err := conn.Do("PING"); err == nil && v.Str == "PONG" {
				s.conn = conn
				return s, nil
			}
			conn.Close()
		}
		select {
		case <-s.done:
			return nil, fmt.Errorf("%s exited at start-up", name)
		default:
		}
		if time.Now().After(deadline) {
			s.stop()
			return nil, fmt.Errorf("%s did not answer PING on port %d", name, port)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// do runs one command and returns its reply, an error reply as an error.
func (s *server) do(args ...string) (redis.Value, error) {
	v, err := s.conn.Do(args...)
	if err != nil {
		return v, err
	}
	if v.Kind == redis.Error {
		return v, fmt.Errorf("%s: %s", s.name, v.Str)
	}
	return v, nil
}

// usedMemory returns INFO memory's used_memory.
func (s *server) usedMemory() (int64, error) {
	v, err := s.do("INFO", "memory")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(v.Str, "\n") {
		line = strings.TrimSpace(line)
		if val, ok := strings.CutPrefix(line, "used_memory:"); ok {
			return strconv.ParseInt(val, 10, 64)
		}
	}
	return 0, fmt.Errorf("%s: no used_memory in INFO memory", s.name)
}

// clockTicks is the kernel's USER_HZ, the unit of /proc/PID/stat's times (100 on Linux).
const clockTicks = 100

// cpuSeconds returns the user+system CPU time the server process (all its threads) has used.
func (s *server) cpuSeconds() (float64, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.cmd.Process.Pid))
	if err != nil {
		return 0, err
	}
	ticks, err := parseProcStat(string(data))
	if err != nil {
		return 0, err
	}
	return float64(ticks) / clockTicks, nil
}

// parseProcStat returns utime+stime, in clock ticks, from a /proc/PID/stat line. The command
// name in parentheses may hold spaces and parentheses, so fields count from the last ')'.
func parseProcStat(line string) (int64, error) {
	i := strings.LastIndexByte(line, ')')
	if i < 0 {
		return 0, fmt.Errorf("bad /proc stat line %q", firstLine(line))
	}
	f := strings.Fields(line[i+1:])
	// f[0] is field 3 (state); utime and stime are fields 14 and 15.
	if len(f) < 13 {
		return 0, fmt.Errorf("short /proc stat line %q", firstLine(line))
	}
	var total int64
	for _, s := range f[11:13] {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("bad /proc stat field %q", s)
		}
		total += v
	}
	return total, nil
}

// stop asks the server to shut down and kills it if it has not exited within 10 seconds.
func (s *server) stop() {
	if s.conn != nil {
		s.conn.Do("SHUTDOWN", "NOSAVE")
		s.conn.Close()
	}
	select {
	case <-s.done:
	case <-time.After(10 * time.Second):
		s.cmd.Process.Kill()
		<-s.done
	}
}

// serverPresent reports whether redis-server is installed (saying how to get it if not).
func serverPresent(what string) bool {
	return lookTool("redis-server", what) != ""
}
