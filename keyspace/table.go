package keyspace

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// CmdFlags is the set of flags Redis 7.0 gives a command (COMMAND INFO's flags).
type CmdFlags uint32

// The command flags, named as Redis names them.
const (
	FlagWrite CmdFlags = 1 << iota
	FlagReadonly
	FlagDenyOOM
	FlagAdmin
	FlagPubSub
	FlagNoScript
	FlagBlocking
	FlagLoading
	FlagStale
	FlagSkipMonitor
	FlagSkipSlowlog
	FlagAsking
	FlagFast
	FlagNoAuth
	FlagMayReplicate
	FlagNoMandatoryKeys
	FlagMovableKeys
	FlagNoAsyncLoading
	FlagNoMulti
	FlagAllowBusy
)

var flagNames = []struct {
	name string
	flag CmdFlags
}{
	{"write", FlagWrite}, {"readonly", FlagReadonly}, {"denyoom", FlagDenyOOM},
	{"admin", FlagAdmin}, {"pubsub", FlagPubSub}, {"noscript", FlagNoScript},
	{"blocking", FlagBlocking}, {"loading", FlagLoading}, {"stale", FlagStale},
	{"skip_monitor", FlagSkipMonitor}, {"skip_slowlog", FlagSkipSlowlog}, {"asking", FlagAsking},
	{"fast", FlagFast}, {"no_auth", FlagNoAuth}, {"may_replicate", FlagMayReplicate},
	{"no_mandatory_keys", FlagNoMandatoryKeys}, {"movablekeys", FlagMovableKeys},
	{"no_async_loading", FlagNoAsyncLoading}, {"no_multi", FlagNoMulti}, {"allow_busy", FlagAllowBusy},
}

// String lists the flags comma-separated, in Redis's order.
func (f CmdFlags) String() string {
	var parts []string
	for _, n := range flagNames {
		if f&n.flag != 0 {
			parts = append(parts, n.name)
		}
	}
	return strings.Join(parts, ",")
}

// Handler implements a command. args[0] is the command name as the caller spelled it (for a
// subcommand, args[1] is the subcommand); the arity has already been checked. The handler writes
// exactly one reply to r.
type Handler func(c *Ctx, args []string, r Reply)

// Command is one row of the command table.
type Command struct {
	Name     string // lower case; "object|encoding" for a subcommand
	Group    string // "string", "generic", ... as Redis documents it
	Arity    int    // n: exactly n arguments (name included); -n: at least n
	Flags    CmdFlags
	FirstKey int // position of the first key argument (0: none)
	LastKey  int // last key position; negative counts from the end (-1: the last argument)
	KeyStep  int
	Since    string
	Parent   *Command            // the container of a subcommand
	Subs     map[string]*Command // subcommands by lower-case name (containers only)
	Handler  Handler             // nil: not implemented yet (answers as an unknown command)

	hash uint32 // nameHash(Name), for Lookup
}

// Has reports whether the command carries all of the given flags.
func (cmd *Command) Has(f CmdFlags) bool { return cmd.Flags&f == f }

// ArityOK reports whether argc arguments (the command name included) fit the arity.
func (cmd *Command) ArityOK(argc int) bool {
	if cmd.Arity >= 0 {
		return argc == cmd.Arity
	}
	return argc >= -cmd.Arity
}

// Sub returns the subcommand named name (any case) of a container, or nil.
func (cmd *Command) Sub(name string) *Command {
	if cmd.Subs == nil {
		return nil
	}
	var buf [32]byte
	lower, ok := lowerInto(buf[:], name)
	if !ok {
		return nil
	}
	return cmd.Subs[string(lower)]
}

// KeyPositions appends to dst the indexes of args that are keys, following FirstKey, LastKey
// and KeyStep (commands flagged movablekeys need their own key extraction on top of this).
func (cmd *Command) KeyPositions(dst []int, argc int) []int {
	if cmd.FirstKey <= 0 {
		return dst
	}
	last := cmd.LastKey
	if last < 0 {
		last = argc + last
	}
	for i := cmd.FirstKey; i <= last && i < argc; i += cmd.KeyStep {
		dst = append(dst, i)
	}
	return dst
}

//go:embed commands.tsv
var commandsTSV string

// commands holds every top-level command by lower-case name. It is built during variable
// initialization, before the init functions of the command families register their handlers.
var commands = buildTable()

func buildTable() map[string]*Command {
	commands := map[string]*Command{}
	for i, line := range strings.Split(commandsTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cmd, err := parseTableRow(line)
		if err != nil {
			panic(fmt.Sprintf("keyspace: commands.tsv:%d: %v", i+1, err))
		}
		if parent, sub, ok := strings.Cut(cmd.Name, "|"); ok {
			p := commands[parent]
			if p == nil {
				panic("keyspace: subcommand before its container: " + cmd.Name)
			}
			if p.Subs == nil {
				p.Subs = map[string]*Command{}
			}
			cmd.Parent = p
			p.Subs[sub] = cmd
			continue
		}
		commands[cmd.Name] = cmd
	}
	return commands
}

func parseTableRow(line string) (*Command, error) {
	f := strings.Split(line, "\t")
	if len(f) != 8 {
		return nil, fmt.Errorf("want 8 columns, have %d", len(f))
	}
	nums := make([]int, 4)
	for i, s := range []string{f[2], f[4], f[5], f[6]} {
		n, err := strconv.Atoi(s)
		if err != nil {
			return nil, err
		}
		nums[i] = n
	}
	cmd := &Command{Name: f[0], Group: f[1], Arity: nums[0], FirstKey: nums[1], LastKey: nums[2], KeyStep: nums[3], Since: f[7]}
	if f[3] != "-" {
		for _, w := range strings.Split(f[3], ",") {
			found := false
			for _, n := range flagNames {
				if n.name == w {
					cmd.Flags |= n.flag
					found = true
				}
			}
			if !found {
				return nil, fmt.Errorf("unknown flag %q", w)
			}
		}
	}
	return cmd, nil
}

// register attaches handlers to table rows; a name missing from the table is a programming error.
// Each command family calls it from an init function. Subcommands are named "container|sub".
func register(handlers map[string]Handler) {
	for name, h := range handlers {
		cmd := lookupFull(name)
		if cmd == nil {
			panic("keyspace: register: no such command in the table: " + name)
		}
		if cmd.Handler != nil {
			panic("keyspace: register: command registered twice: " + name)
		}
		cmd.Handler = h
	}
}

// SetHandler attaches a handler implemented outside this package (for example by the server or
// the script bridge) to a command of the table; name is lower case, "container|sub" for a
// subcommand. It fails when the command is not in the table or already has a handler. Call it
// during initialization, before commands run.
func SetHandler(name string, h Handler) error {
	cmd := lookupFull(name)
	if cmd == nil {
		return fmt.Errorf("keyspace: no command %q in the 7.0 table", name)
	}
	if cmd.Handler != nil {
		return fmt.Errorf("keyspace: command %q already has a handler", name)
	}
	cmd.Handler = h
	return nil
}

func lookupFull(name string) *Command {
	if parent, sub, ok := strings.Cut(name, "|"); ok {
		if p := commands[parent]; p != nil {
			return p.Subs[sub]
		}
		return nil
	}
	return commands[name]
}

// Lookup returns the top-level command named name, in any letter case, or nil. It does not
// allocate: the name is hashed while being folded to lower case and looked up in an
// open-addressing table.
func Lookup(name string) *Command {
	if len(name) > 32 {
		return nil
	}
	h := nameHash(name)
	for i := h & (lookupSlots - 1); ; i = (i + 1) & (lookupSlots - 1) {
		cmd := lookupTable[i]
		if cmd == nil {
			return nil
		}
		if cmd.hash == h && equalFold(name, cmd.Name) {
			return cmd
		}
	}
}

// lookupSlots is the size of the open-addressing table: a power of two well above twice the
// number of commands.
const lookupSlots = 1024

var lookupTable = func() *[lookupSlots]*Command {
	var t [lookupSlots]*Command
	for _, cmd := range commands {
		cmd.hash = nameHash(cmd.Name)
		i := cmd.hash & (lookupSlots - 1)
		for t[i] != nil {
			i = (i + 1) & (lookupSlots - 1)
		}
		t[i] = cmd
	}
	return &t
}()

// nameHash is FNV-1a over the ASCII lower case of s.
func nameHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

// lowerInto writes the ASCII lower case of s into buf; ok is false when s does not fit (no
// command name is that long).
func lowerInto(buf []byte, s string) ([]byte, bool) {
	if len(s) > len(buf) {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(s)], true
}

// Commands returns every top-level command, sorted by name.
func Commands() []*Command {
	out := make([]*Command, 0, len(commands))
	for _, c := range commands {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
