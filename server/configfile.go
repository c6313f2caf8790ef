package server

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/redmoon-dev/redmoon/server/resp"
)

// ConfigError is an error in a configuration file, reported as Redis reports it.
type ConfigError struct {
	Line int
	Text string
	Msg  string
}

func (e *ConfigError) Error() string {
	return fmt.Sprintf("*** FATAL CONFIG FILE ERROR (Redis %s) ***\nReading the configuration file, at line %d\n>>> '%s'\n%s",
		RedisVersion, e.Line, e.Text, e.Msg)
}

// startupOnly are directives read from the file into Config fields rather than through CONFIG.
var startupOnly = map[string]bool{"port": true, "bind": true, "databases": true}

// ParseConfig reads a redis.conf-style file into cfg: one directive per line with its arguments
// (quoted as Redis quotes them), '#' comments, blank lines. The directives redmoon honours set
// the configuration (port, bind, requirepass, databases, maxclients, proto-max-bulk-len,
// client-query-buffer-limit, client-output-buffer-limit, slowlog-log-slower-than,
// slowlog-max-len, timeout, busy-reply-threshold / lua-time-limit); any other directive is
// reported in ignored and otherwise skipped, so an existing redis.conf can be used as is.
func ParseConfig(r io.Reader, cfg *Config) (ignored []string, err error) {
	scratch := &Server{cfg: *cfg}
	scratch.params = newParams(scratch)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || text[0] == '#' {
			continue
		}
		raw, ok := resp.SplitArgs(nil, []byte(text))
		if !ok {
			return nil, &ConfigError{line, text, "Unbalanced quotes in configuration line"}
		}
		if len(raw) == 0 {
			continue
		}
		args := make([]string, len(raw))
		for i, a := range raw {
			args[i] = string(a)
		}
		name := strings.ToLower(args[0])
		bad := func(msg string) error { return &ConfigError{line, text, msg} }
		switch name {
		case "port":
			if len(args) != 2 {
				return nil, bad("wrong number of arguments")
			}
			n, err := strconv.Atoi(args[1])
			if err != nil || n < 0 || n > 65535 {
				return nil, bad("argument must be between 0 and 65535 inclusive")
			}
			cfg.Port = n
			continue
		case "bind":
			if len(args) < 2 {
				return nil, bad("wrong number of arguments")
			}
			cfg.Bind = strings.TrimPrefix(args[1], "-")
			continue
		case "databases":
			if len(args) != 2 {
				return nil, bad("wrong number of arguments")
			}
			n, err := strconv.Atoi(args[1])
			if err != nil || n < 1 {
				return nil, bad("argument must be between 1 and 2147483647 inclusive")
			}
			cfg.Databases = n
			continue
		}
		p := findParam(name)
		if p == nil || p.set == nil {
			ignored = append(ignored, args[0])
			continue
		}
		value := strings.Join(args[1:], " ")
		if len(args) < 2 {
			return nil, bad("wrong number of arguments")
		}
		if msg := p.set(scratch, value); msg != "" {
			return nil, bad(msg)
		}
		cfg.Settings = append(cfg.Settings, [2]string{p.name, value})
		switch p.name {
		case "requirepass":
			cfg.RequirePass = value
		case "maxclients":
			cfg.MaxClients = scratch.params.maxClients
		}
	}
	return ignored, sc.Err()
}

// ParseConfigFile is ParseConfig on a file; it records the path in cfg.ConfigFile for INFO and
// CONFIG REWRITE.
func ParseConfigFile(path string, cfg *Config) (ignored []string, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ignored, err = ParseConfig(f, cfg)
	if err == nil {
		cfg.ConfigFile = path
	}
	return ignored, err
}

// applySettings applies Config.Settings (already validated by ParseConfig).
func (s *Server) applySettings() {
	for _, kv := range s.cfg.Settings {
		if p := findParam(kv[0]); p != nil && p.set != nil {
			if msg := p.set(s, kv[1]); msg != "" {
				s.logf('#', "Ignoring %s %q: %s", kv[0], kv[1], msg)
			}
		}
	}
}

// rewriteConfig writes the honoured parameters' current values into the configuration file:
// lines setting them are replaced in place, missing ones appended, everything else kept.
func (s *Server) rewriteConfig() error {
	path := s.cfg.ConfigFile
	old, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	values := map[string]string{}
	for _, p := range paramTable {
		if p.set != nil {
			values[p.name] = p.get(s)
		}
	}
	values["port"] = strconv.Itoa(s.cfg.Port)
	values["bind"] = s.cfg.Bind
	written := map[string]bool{}
	var out []string
	for _, line := range strings.Split(strings.TrimRight(string(old), "\n"), "\n") {
		t := strings.TrimSpace(line)
		if t == "" || t[0] == '#' {
			out = append(out, line)
			continue
		}
		name := strings.ToLower(strings.Fields(t)[0])
		if p := findParam(name); p != nil && p.set != nil {
			name = p.name
		}
		v, ok := values[name]
		if !ok {
			out = append(out, line)
			continue
		}
		if written[name] {
			continue
		}
		written[name] = true
		out = append(out, name+" "+quoteConfig(name, v))
	}
	for _, p := range paramTable {
		if p.set != nil && !written[p.name] {
			out = append(out, p.name+" "+quoteConfig(p.name, values[p.name]))
		}
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(strings.Join(out, "\n")+"\n"), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// quoteConfig quotes a value for a configuration line when it needs it. The value of
// client-output-buffer-limit is a list of words and stays unquoted.
func quoteConfig(name, v string) string {
	if name == "client-output-buffer-limit" {
		return v
	}
	if v != "" && !strings.ContainsAny(v, " \t\"'\\\r\n") {
		return v
	}
	return strconv.Quote(v)
}
