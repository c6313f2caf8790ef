package keyspace

import "strings"

// CtxFlags describe the caller of a command.
type CtxFlags uint32

// Caller flags. A command reads them when its behaviour depends on who calls it.
const (
	// InScript: the command runs inside a Lua script (redis.call / redis.pcall).
	InScript CtxFlags = 1 << iota
	// InMulti: the command runs inside MULTI/EXEC.
	InMulti
)

// Ctx is the per-client (or per-script) context commands run with. A server keeps one per
// connection, the script bridge one per script run (starting in the caller's database). It is not
// safe for concurrent use; commands run with the keyspace lock held (see Keyspace.Lock).
type Ctx struct {
	KS    *Keyspace
	DB    *DB // the selected database
	Flags CtxFlags
	// Frozen, when non-zero, is the time in Unix milliseconds that every command sees instead of
	// the clock: Redis 7.0 takes one time snapshot at the start of a script and uses it for key
	// expiry during the whole script. Zero means "read the clock at each command".
	Frozen int64

	now int64 // time of the running command, set by Command.Call
}

// NewCtx returns a context on database 0.
func (ks *Keyspace) NewCtx() *Ctx {
	return &Ctx{KS: ks, DB: ks.dbs[0]}
}

// Now is the time of the running command in Unix milliseconds.
func (c *Ctx) Now() int64 {
	if c.now == 0 {
		c.now = c.timeNow()
	}
	return c.now
}

func (c *Ctx) timeNow() int64 {
	if c.Frozen != 0 {
		return c.Frozen
	}
	return c.KS.Clock.Now()
}

// Select switches the context to database i; it reports false when i is out of range.
func (c *Ctx) Select(i int) bool {
	if i < 0 || i >= len(c.KS.dbs) {
		return false
	}
	c.DB = c.KS.dbs[i]
	return true
}

// Call runs the command's handler with arity already checked by the caller. It takes the time
// snapshot for the command. The keyspace lock must be held.
func (cmd *Command) Call(c *Ctx, args []string, r Reply) {
	c.now = c.timeNow()
	cmd.Handler(c, args, r)
	c.now = 0
}

// Resolve finds the command (or subcommand) that args name and checks its arity, the way
// Redis's processCommand does. On failure cmd is nil and errMsg is the exact error reply:
// unknown command, unknown subcommand or wrong number of arguments. A command of the table that
// has no handler yet is reported as unknown.
func Resolve(args []string) (cmd *Command, errMsg string) {
	if len(args) == 0 {
		return nil, "ERR unknown command ''"
	}
	cmd = Lookup(args[0])
	if cmd != nil && cmd.Subs != nil && !cmd.anySubHandler() {
		cmd = nil // a container none of whose subcommands is implemented
	}
	if cmd != nil && cmd.Subs != nil && len(args) >= 2 {
		sub := cmd.Sub(args[1])
		if sub == nil || sub.Handler == nil {
			return nil, UnknownSubcommandError(args)
		}
		cmd = sub
	}
	if cmd == nil || (cmd.Handler == nil && cmd.Subs == nil) {
		return nil, UnknownCommandError(args)
	}
	if !cmd.ArityOK(len(args)) {
		return nil, ArityError(cmd)
	}
	return cmd, ""
}

// Dispatch resolves and runs one command, writing either its reply or the resolution error to r.
// This is what a server does for each command it reads. The keyspace lock must be held.
func Dispatch(c *Ctx, args []string, r Reply) {
	cmd, msg := Resolve(args)
	if cmd == nil {
		r.Error(msg)
		return
	}
	cmd.Call(c, args, r)
}

// ArityError is the wrong-number-of-arguments error for cmd.
func ArityError(cmd *Command) string {
	return "ERR wrong number of arguments for '" + cmd.Name + "' command"
}

// UnknownCommandError is Redis 7.0's reply to a command it does not know. Redis formats the name
// and the arguments with C's %s, so each stops at its first NUL byte; the name is cut at 128
// bytes, the quoted arguments stop once they fill 128 bytes, and CR and LF become spaces.
func UnknownCommandError(args []string) string {
	var b strings.Builder
	b.WriteString("ERR unknown command '")
	if len(args) > 0 {
		b.WriteString(truncate(cstr(args[0]), 128))
	}
	b.WriteString("', with args beginning with: ")
	n := 0
	for _, a := range args[1:] {
		if n >= 128 {
			break
		}
		a = truncate(cstr(a), 128-n)
		b.WriteString("'" + a + "' ")
		n += len(a) + 3
	}
	return safeText(b.String())
}

// UnknownSubcommandError is Redis 7.0's reply to an unknown subcommand args[1] of the container
// command args[0]: both are cut at their first NUL byte (C strings), the subcommand at 128 bytes,
// the container's name is upper-cased (ASCII only) and CR and LF become spaces.
func UnknownSubcommandError(args []string) string {
	sub := ""
	if len(args) > 1 {
		sub = truncate(cstr(args[1]), 128)
	}
	name := ""
	if len(args) > 0 {
		name = asciiUpper(cstr(args[0]))
	}
	return safeText("ERR unknown subcommand '" + sub + "'. Try " + name + " HELP.")
}

// asciiUpper upper-cases ASCII letters only, as C's toupper in the C locale; other bytes (and
// invalid UTF-8) are kept as they are.
func asciiUpper(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'a' && c <= 'z' {
					b[j] = c - 'a' + 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// safeText replaces CR and LF by spaces, as Redis does for errors that quote user input.
func safeText(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if c == '\r' || c == '\n' {
			b[i] = ' '
		}
	}
	return string(b)
}

func (cmd *Command) anySubHandler() bool {
	for _, s := range cmd.Subs {
		if s.Handler != nil {
			return true
		}
	}
	return false
}
