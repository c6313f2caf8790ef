package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"syscall"

	"github.com/redmoon-dev/redmoon/keyspace"
	"github.com/redmoon-dev/redmoon/redisbridge"
)

func init() {
	subcommands["eval"] = subcommand{
		summary: "run a Redis script as redis-cli --eval does, on an in-process keyspace\n" +
			"                                          (redmoon eval [--preload FILE] SCRIPT k1 k2 , a1 a2; see redmoon eval --help)",
		run: runEval,
	}
}

const evalUsage = `Usage: redmoon eval [options] SCRIPT_FILE [key1 key2 ...] [, arg1 arg2 ...]

Runs the Lua script in SCRIPT_FILE as redis-cli --eval runs it against a server: EVAL with the
arguments before a lone "," as KEYS and those after it as ARGV, here on an in-process keyspace
with Redis 7.0's scripting environment. The reply is printed as redis-cli prints it: its human
format ("1) (integer) 1", quoted strings, "(nil)") when stdout is a terminal (or the environment
variable FAKETTY is set), its raw format otherwise. As with redis-cli, an error reply is printed
and the exit status is 0 unless -e is given; a file that cannot be read gives status 1.

Options:
  --preload FILE   run the commands of FILE first (one command per line, redis-cli quoting:
                   "..." with \n \r \t \b \a \xHH escapes, '...' literal; blank lines and lines
                   starting with # are skipped); an error reply stops with status 1
  -n DB            select database DB first (as redis-cli -n)
  -3, --resp3      talk RESP3 (as redis-cli -3): maps, sets, doubles and booleans keep their type
  --raw            print the raw format even on a terminal
  --no-raw         print the human format even when stdout is not a terminal
  -e               print an error reply on stderr and exit with status 1 (as redis-cli -e)
  --databases N    number of databases of the keyspace (default 16)
`

// evalOptions are the flags of `redmoon eval`.
type evalOptions struct {
	preload   string
	db        int
	resp3     bool
	raw       bool
	noRaw     bool
	errCode   bool
	databases int
}

// runEval runs `redmoon eval [options] SCRIPT_FILE keys... , args...`.
func runEval(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && (args[0] == "--help" || args[0] == "-h" || args[0] == "-help") {
		fmt.Fprint(stdout, evalUsage)
		return 0
	}
	var o evalOptions
	fset := flag.NewFlagSet("redmoon eval", flag.ContinueOnError)
	fset.SetOutput(stderr)
	fset.Usage = func() { fmt.Fprint(stderr, evalUsage) }
	fset.StringVar(&o.preload, "preload", "", "file of commands to run first")
	fset.IntVar(&o.db, "n", 0, "database number")
	fset.BoolVar(&o.resp3, "3", false, "RESP3")
	fset.BoolVar(&o.resp3, "resp3", false, "RESP3")
	fset.BoolVar(&o.raw, "raw", false, "raw output")
	fset.BoolVar(&o.noRaw, "no-raw", false, "human output")
	fset.BoolVar(&o.errCode, "e", false, "exit status 1 on an error reply")
	fset.IntVar(&o.databases, "databases", keyspace.NumDatabases, "number of databases")
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fset.NArg() == 0 {
		fmt.Fprint(stderr, evalUsage)
		return 2
	}
	if o.databases < 1 || o.databases > maxDatabases {
		fmt.Fprintf(stderr, "redmoon eval: databases must be between 1 and %d (got %d)\n", maxDatabases, o.databases)
		return 2
	}
	file, rest := fset.Arg(0), fset.Args()[1:]
	body, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "Can't open file '%s': %s\n", file, errnoText(err))
		return 1
	}

	ks := keyspace.NewWithOptions(keyspace.Options{Databases: o.databases})
	redisbridge.New(ks, redisbridge.Options{})
	c := ks.NewCtx()
	if o.db != 0 {
		rep, err := execute(ks, c, []string{"SELECT", strconv.Itoa(o.db)}, o.resp3)
		if err != nil {
			fmt.Fprintf(stderr, "redmoon eval: %v\n", err)
			return 1
		}
		if rep.kind == kindError {
			// redis-cli's words when the SELECT of -n fails.
			fmt.Fprintf(stderr, "SELECT %d failed: %s\n", o.db, rep.str)
			return 1
		}
	}
	if o.preload != "" {
		if code := preload(ks, c, o.preload, o.resp3, stderr); code != 0 {
			return code
		}
	}

	// redis-cli: the arguments before the first lone "," are keys, the others arguments.
	cmd := []string{"EVAL", string(body), ""}
	keys, comma := 0, false
	for _, a := range rest {
		if !comma && a == "," {
			comma = true
			continue
		}
		cmd = append(cmd, a)
		if !comma {
			keys++
		}
	}
	cmd[2] = strconv.Itoa(keys)
	rep, err := execute(ks, c, cmd, o.resp3)
	if err != nil {
		fmt.Fprintf(stderr, "redmoon eval: %v\n", err)
		return 1
	}
	if o.errCode && rep.kind == kindError {
		fmt.Fprintln(stderr, cstring(rep.str))
		return 1
	}
	if err := rep.checkPrintable(); err != nil {
		fmt.Fprint(stderr, err)
		return 1
	}
	human := o.noRaw || (!o.raw && isTerminal(stdout))
	if human {
		io.WriteString(stdout, formatTTY(rep))
	} else {
		io.WriteString(stdout, formatRaw(rep))
	}
	return 0
}

// execute runs one command on the keyspace and returns its reply.
func execute(ks *keyspace.Keyspace, c *keyspace.Ctx, args []string, resp3 bool) (*cliReply, error) {
	sink := &replyBuilder{resp3: resp3}
	ks.Lock()
	keyspace.Dispatch(c, args, sink)
	ks.Unlock()
	return sink.result()
}

// preload runs the commands of a file, stopping at the first error reply.
func preload(ks *keyspace.Keyspace, c *keyspace.Ctx, path string, resp3 bool, stderr io.Writer) int {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintf(stderr, "Can't open file '%s': %s\n", path, errnoText(err))
		return 1
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 512<<20)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSuffix(sc.Text(), "\r")
		if strings.HasPrefix(strings.TrimLeft(text, " \t"), "#") {
			continue
		}
		args, err := splitArgs(text)
		if err != nil {
			fmt.Fprintf(stderr, "redmoon eval: %s:%d: %v\n", path, line, err)
			return 1
		}
		if len(args) == 0 {
			continue
		}
		rep, err := execute(ks, c, args, resp3)
		if err != nil {
			fmt.Fprintf(stderr, "redmoon eval: %s:%d: %v\n", path, line, err)
			return 1
		}
		if rep.kind == kindError {
			fmt.Fprintf(stderr, "redmoon eval: %s:%d: (error) %s\n", path, line, rep.str)
			return 1
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintf(stderr, "redmoon eval: %s: %v\n", path, err)
		return 1
	}
	return 0
}

// errnoText is the strerror text of a file error ("No such file or directory"), as redis-cli
// prints it.
func errnoText(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		s := errno.Error()
		return strings.ToUpper(s[:1]) + s[1:]
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// isTerminal reports whether w is a terminal, as redis-cli decides between its human and raw
// formats: stdout is a character device, or the environment variable FAKETTY is set.
func isTerminal(w io.Writer) bool {
	if _, ok := os.LookupEnv("FAKETTY"); ok {
		return true
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
