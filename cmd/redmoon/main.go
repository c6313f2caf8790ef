// Command redmoon is the redmoon binary: a Redis-compatible server whose scripts run on a pure-Go
// Lua 5.1 engine.
//
// Usage:
//
//	redmoon [/path/to/redis.conf] [flags]   start the server on an in-memory keyspace
//	redmoon --version                       print the version
//	redmoon --help                          print the help
//
// Subcommands (the first argument) run other tools:
//
//	redmoon lua FILE [ARGS]                         run a Lua 5.1 script as lua5.1 does
//	redmoon eval [options] SCRIPT k1 k2 , a1 a2     run a Redis script as redis-cli --eval does,
//	                                                on an in-process keyspace (--preload FILE)
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/redmoon-dev/redmoon/server"
)

// Version is redmoon's own version.
const Version = server.Version

// subcommand is a tool run as `redmoon NAME args...`.
type subcommand struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

// subcommands maps a first argument to its tool. Others add theirs here (`lua`, `eval`).
var subcommands = map[string]subcommand{}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		if sc, ok := subcommands[args[0]]; ok {
			return sc.run(args[1:], stdout, stderr)
		}
		switch args[0] {
		case "--version", "-v", "version":
			fmt.Fprintf(stdout, "redmoon %s (Redis %s compatible) go=%s bits=64\n", Version, server.RedisVersion, runtime.Version())
			return 0
		case "--help", "-h", "help":
			usage(stdout)
			return 0
		}
	}
	return serve(args, stdout, stderr, nil)
}

// maxDatabases bounds --databases. Redis accepts up to 2147483647 and allocates them all at
// start; a bound keeps a typo from exhausting memory (an empty database costs about 150 bytes).
const maxDatabases = 1 << 16

// options are the server flags.
type options struct {
	port        int
	bind        string
	requirepass string
	databases   int
	maxclients  int
}

func newFlagSet(o *options, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("redmoon", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&o.port, "port", 6379, "TCP port to listen on")
	fs.StringVar(&o.bind, "bind", "127.0.0.1", "address to listen on (0.0.0.0 for every interface)")
	fs.StringVar(&o.requirepass, "requirepass", "", "password clients must send with AUTH (empty: none)")
	fs.IntVar(&o.databases, "databases", 16, "number of databases")
	fs.IntVar(&o.maxclients, "maxclients", 10000, "maximum number of simultaneous clients")
	fs.Usage = func() { usage(stderr) }
	return fs
}

func usage(w io.Writer) {
	fmt.Fprintf(w, `Usage:
  redmoon [/path/to/redis.conf] [flags]   start the server on an in-memory keyspace
  redmoon --version                       print the version
  redmoon --help                          print this help
`)
	var names []string
	for name := range subcommands {
		names = append(names, name)
	}
	if len(names) > 0 {
		fmt.Fprintln(w, "\nSubcommands:")
		for _, name := range sortedStrings(names) {
			fmt.Fprintf(w, "  redmoon %-31s %s\n", name+" ...", subcommands[name].summary)
		}
	}
	fmt.Fprint(w, `
Server flags (they override the configuration file):
  --port N              TCP port to listen on (default 6379)
  --bind ADDR           address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --requirepass PASS    password clients must send with AUTH (default: none)
  --databases N         number of databases, SELECT 0 to N-1 (default 16, at most 65536)
  --maxclients N        maximum number of simultaneous clients (default 10000)

The configuration file uses redis.conf syntax. Honoured directives: port, bind, requirepass,
databases, maxclients, proto-max-bulk-len, client-query-buffer-limit,
client-output-buffer-limit, slowlog-log-slower-than, slowlog-max-len, timeout,
busy-reply-threshold (lua-time-limit); other directives are reported and ignored.
SIGINT or SIGTERM stops the server gracefully.
`)
}

func sortedStrings(s []string) []string {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s
}

// serve runs the server until a signal or SHUTDOWN. ready, when not nil, receives the server once
// it listens (tests).
func serve(args []string, stdout, stderr io.Writer, ready chan<- *server.Server) int {
	var cfg server.Config
	var configFile string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		configFile, args = args[0], args[1:]
	}
	var o options
	fs := newFlagSet(&o, stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "redmoon: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	var ignored []string
	if configFile != "" {
		var err error
		if ignored, err = server.ParseConfigFile(configFile, &cfg); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
	}
	// Flags given on the command line override the file.
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "port":
			cfg.Port = o.port
		case "bind":
			cfg.Bind = o.bind
		case "requirepass":
			cfg.RequirePass = o.requirepass
			cfg.Settings = append(cfg.Settings, [2]string{"requirepass", o.requirepass})
		case "databases":
			cfg.Databases = o.databases
			if o.databases < 1 {
				cfg.Databases = -1 // reported below
			}
		case "maxclients":
			cfg.MaxClients = o.maxclients
			cfg.Settings = append(cfg.Settings, [2]string{"maxclients", fmt.Sprint(o.maxclients)})
		}
	})
	if cfg.Databases == 0 {
		cfg.Databases = 16
	}
	if cfg.Databases < 1 || cfg.Databases > maxDatabases {
		fmt.Fprintf(stderr, "redmoon: databases must be between 1 and %d (got %d)\n", maxDatabases, cfg.Databases)
		return 2
	}
	if cfg.MaxClients < 0 || setFlag(fs, "maxclients") && o.maxclients < 1 {
		fmt.Fprintln(stderr, "redmoon: maxclients must be positive")
		return 2
	}
	cfg.Log = stdout
	s := server.New(cfg)
	s.Logf("oO0OoO0OoO0Oo redmoon is starting oO0OoO0OoO0Oo")
	s.Logf("redmoon version=%s, Redis version=%s, bits=64, pid=%d, just started", Version, server.RedisVersion, os.Getpid())
	if configFile != "" {
		s.Logf("Configuration loaded from %s", configFile)
		for _, d := range ignored {
			s.Logf("Ignoring configuration directive '%s' (not supported)", d)
		}
	} else {
		s.Logf("No config file specified, using the default config. In order to specify a config file use redmoon /path/to/redis.conf")
	}
	ln, err := s.Listen()
	if err != nil {
		s.Logf("Could not create server TCP listening socket %s: %v", s.ListenAddr(), err)
		return 1
	}
	s.Logf("Running mode=standalone, port=%d.", s.Port())
	s.Logf("Server initialized")
	s.Logf("Ready to accept connections")
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	defer signal.Stop(sigs)
	if ready != nil {
		ready <- s
	}
	served := make(chan error, 1)
	go func() { served <- s.Serve(ln) }()
	select {
	case sig := <-sigs:
		name := "SIGTERM"
		if sig == syscall.SIGINT {
			name = "SIGINT"
		}
		s.Logf("Received %s scheduling shutdown...", name)
		s.Logf("User requested shutdown...")
	case <-s.ShutdownRequested():
	case err := <-served:
		if err != nil {
			s.Logf("Server stopped: %v", err)
			return 1
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.Shutdown(ctx); err != nil {
		s.Logf("Shutdown did not complete: %v", err)
		_ = s.Close()
	}
	s.Logf("redmoon is now ready to exit, bye bye...")
	return 0
}

func setFlag(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
