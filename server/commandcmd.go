package server

import (
	_ "embed"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/redmoon-dev/redmoon/keyspace"
)

// COMMAND, COMMAND COUNT/INFO/DOCS/LIST/GETKEYS/GETKEYSANDFLAGS/HELP. The command descriptions
// (flags, ACL categories, tips, key specifications, documentation) are Redis 7.0's own, recorded
// from redis-server into data/*.resp3 (see TestCommandData); the server reports the commands it
// implements.

var (
	//go:embed data/command.resp3
	commandData []byte
	//go:embed data/command-docs.resp3
	docsData []byte
	//go:embed data/help.resp3
	helpData []byte
)

type commandInfo struct {
	once  sync.Once
	info  map[string]*rvalue // COMMAND INFO entry by full name ("config|get" too)
	docs  map[string]*rvalue // COMMAND DOCS entry by full name
	help  map[string]*rvalue // HELP reply by container name
	ready bool
}

var cmdInfo commandInfo

func (ci *commandInfo) load() {
	ci.once.Do(func() {
		ci.info, ci.docs, ci.help = map[string]*rvalue{}, map[string]*rvalue{}, map[string]*rvalue{}
		if v, _, err := parseRESP3(commandData); err == nil {
			var index func(list []rvalue)
			index = func(list []rvalue) {
				for i := range list {
					e := &list[i]
					if len(e.elems) < 10 {
						continue
					}
					ci.info[e.elems[0].str] = e
					index(e.elems[9].elems)
				}
			}
			index(v.elems)
		}
		if v, _, err := parseRESP3(docsData); err == nil {
			var index func(m *rvalue, prefix string)
			index = func(m *rvalue, prefix string) {
				for i := 0; i+1 < len(m.elems); i += 2 {
					name := m.elems[i].str
					doc := &m.elems[i+1]
					ci.docs[name] = doc
					if subs := doc.mapGet("subcommands"); subs != nil {
						index(subs, name)
					}
				}
			}
			index(&v, "")
		}
		if v, _, err := parseRESP3(helpData); err == nil {
			for i := 0; i+1 < len(v.elems); i += 2 {
				ci.help[v.elems[i].str] = &v.elems[i+1]
			}
		}
		ci.ready = true
	})
}

// writeHelp writes the HELP reply of a container command as Redis 7.0 words it.
func writeHelp(r keyspace.Reply, name string) {
	cmdInfo.load()
	if h := cmdInfo.help[name]; h != nil {
		h.write(r)
		return
	}
	r.ArrayLen(0)
}

// implementedCommands returns the top-level commands with an implementation, by name.
func implementedCommands() []*keyspace.Command {
	var out []*keyspace.Command
	for _, cmd := range keyspace.Commands() {
		if cmd.Subs != nil {
			if containerImplemented(cmd) {
				out = append(out, cmd)
			}
		} else if implemented(cmd) {
			out = append(out, cmd)
		}
	}
	return out
}

func implementedSubs(cmd *keyspace.Command) []*keyspace.Command {
	var subs []*keyspace.Command
	for _, s := range cmd.Subs {
		if implemented(s) {
			subs = append(subs, s)
		}
	}
	sort.Slice(subs, func(i, j int) bool { return subs[i].Name < subs[j].Name })
	return subs
}

// writeInfo writes a command's COMMAND INFO entry, with only the implemented subcommands.
func writeInfo(r keyspace.Reply, cmd *keyspace.Command) {
	e := cmdInfo.info[cmd.Name]
	if e == nil {
		r.Null()
		return
	}
	r.ArrayLen(len(e.elems))
	for i := range e.elems {
		if i == 9 && cmd.Subs != nil {
			subs := implementedSubs(cmd)
			r.ArrayLen(len(subs))
			for _, s := range subs {
				writeInfo(r, s)
			}
			continue
		}
		e.elems[i].write(r)
	}
}

func cmdCommand(c *client, a []string) {
	cmdInfo.load()
	cmds := implementedCommands()
	c.out.ArrayLen(len(cmds))
	for _, cmd := range cmds {
		writeInfo(c.out, cmd)
	}
}

// findCommand resolves a command name as COMMAND INFO/DOCS take it ("config|get" allowed).
func findCommand(name string) *keyspace.Command {
	parent, sub, isSub := strings.Cut(name, "|")
	cmd := keyspace.Lookup(parent)
	if cmd == nil {
		return nil
	}
	if isSub {
		cmd = cmd.Sub(sub)
		if cmd == nil || !implemented(cmd) {
			return nil
		}
		return cmd
	}
	if cmd.Subs != nil && !containerImplemented(cmd) || cmd.Subs == nil && !implemented(cmd) {
		return nil
	}
	return cmd
}

func cmdCommandInfo(c *client, a []string) {
	cmdInfo.load()
	if len(a) == 2 {
		cmdCommand(c, a)
		return
	}
	c.out.ArrayLen(len(a) - 2)
	for _, name := range a[2:] {
		cmd := findCommand(name)
		if cmd == nil {
			c.out.Null()
			continue
		}
		writeInfo(c.out, cmd)
	}
}

// writeDoc writes a command's COMMAND DOCS map, with only the implemented subcommands.
func writeDoc(r keyspace.Reply, cmd *keyspace.Command, doc *rvalue) {
	r.MapLen(len(doc.elems) / 2)
	for i := 0; i+1 < len(doc.elems); i += 2 {
		doc.elems[i].write(r)
		if doc.elems[i].str == "subcommands" && cmd.Subs != nil {
			subs := implementedSubs(cmd)
			r.MapLen(len(subs))
			for _, s := range subs {
				r.Bulk(s.Name)
				if d := cmdInfo.docs[s.Name]; d != nil {
					writeDoc(r, s, d)
				} else {
					r.MapLen(0)
				}
			}
			continue
		}
		doc.elems[i+1].write(r)
	}
}

func cmdCommandDocs(c *client, a []string) {
	cmdInfo.load()
	var cmds []*keyspace.Command
	if len(a) == 2 {
		cmds = implementedCommands()
	} else {
		for _, name := range a[2:] {
			if cmd := findCommand(name); cmd != nil && cmdInfo.docs[cmd.Name] != nil {
				cmds = append(cmds, cmd)
			}
		}
	}
	c.out.MapLen(len(cmds))
	for _, cmd := range cmds {
		c.out.Bulk(cmd.Name)
		if d := cmdInfo.docs[cmd.Name]; d != nil {
			writeDoc(c.out, cmd, d)
		} else {
			c.out.MapLen(0)
		}
	}
}

func cmdCommandList(c *client, a []string) {
	cmdInfo.load()
	var filter func(cmd *keyspace.Command) bool
	switch {
	case len(a) == 2:
	case len(a) == 5 && strings.EqualFold(a[2], "filterby"):
		val := a[4]
		switch strings.ToLower(a[3]) {
		case "pattern":
			filter = func(cmd *keyspace.Command) bool { return keyspace.GlobMatch(val, cmd.Name, true) }
		case "module":
			filter = func(*keyspace.Command) bool { return false }
		case "aclcat":
			filter = func(cmd *keyspace.Command) bool {
				e := cmdInfo.info[cmd.Name]
				if e == nil {
					return false
				}
				for _, cat := range e.elems[6].elems {
					if strings.EqualFold(cat.str, "@"+val) {
						return true
					}
				}
				return false
			}
		default:
			c.out.Error("ERR syntax error")
			return
		}
	default:
		c.out.Error("ERR syntax error")
		return
	}
	var names []string
	for _, cmd := range implementedCommands() {
		if filter == nil || filter(cmd) {
			names = append(names, cmd.Name)
		}
		for _, s := range implementedSubs(cmd) {
			if filter == nil || filter(s) {
				names = append(names, s.Name)
			}
		}
	}
	c.out.ArrayLen(len(names))
	for _, n := range names {
		c.out.Bulk(n)
	}
}

// getKeys returns the key positions of a command call (COMMAND GETKEYS), including the
// movable-keys commands Redis parses specially.
func getKeys(cmd *keyspace.Command, args []string) ([]int, bool) {
	numkeysAt := func(at, first int) ([]int, bool) {
		if at >= len(args) {
			return nil, false
		}
		n, err := strconv.Atoi(args[at])
		if err != nil || n < 0 || first+n > len(args) {
			return nil, n > 0
		}
		var pos []int
		for i := 0; i < n; i++ {
			pos = append(pos, first+i)
		}
		return pos, true
	}
	name := cmd.Name
	switch name {
	case "eval", "evalsha", "eval_ro", "evalsha_ro", "fcall", "fcall_ro":
		return numkeysAt(2, 3)
	case "sintercard", "zintercard", "lmpop", "zmpop", "zunion", "zinter", "zdiff":
		return numkeysAt(1, 2)
	case "blmpop", "bzmpop":
		return numkeysAt(2, 3)
	case "zunionstore", "zinterstore", "zdiffstore":
		pos, ok := numkeysAt(2, 3)
		return append([]int{1}, pos...), ok
	case "xread", "xreadgroup":
		for i := 1; i < len(args); i++ {
			if strings.EqualFold(args[i], "streams") {
				rest := len(args) - i - 1
				if rest == 0 || rest%2 != 0 {
					return nil, false
				}
				var pos []int
				for j := 0; j < rest/2; j++ {
					pos = append(pos, i+1+j)
				}
				return pos, true
			}
		}
		return nil, false
	case "sort", "sort_ro":
		pos := []int{1}
		for i := 2; i+1 < len(args); i++ {
			if strings.EqualFold(args[i], "store") && name == "sort" {
				pos = append(pos, i+1)
				i++
			}
		}
		return pos, true
	case "georadius", "georadiusbymember":
		pos := []int{1}
		for i := 2; i+1 < len(args); i++ {
			if strings.EqualFold(args[i], "store") || strings.EqualFold(args[i], "storedist") {
				pos = append(pos, i+1)
			}
		}
		return pos, true
	case "migrate":
		if len(args) > 3 && args[3] != "" {
			return []int{3}, true
		}
		for i := 6; i < len(args); i++ {
			if strings.EqualFold(args[i], "keys") {
				var pos []int
				for j := i + 1; j < len(args); j++ {
					pos = append(pos, j)
				}
				return pos, true
			}
		}
		return nil, true
	}
	return cmd.KeyPositions(nil, len(args)), true
}

func cmdGetKeys(c *client, a []string, withFlags bool) {
	args := a[2:]
	cmd := keyspace.Lookup(args[0])
	if cmd != nil && cmd.Subs != nil && len(args) >= 2 {
		cmd = cmd.Sub(args[1])
	}
	if cmd == nil || !implemented(cmd) && cmd.Subs == nil {
		c.out.Error("ERR Invalid command specified")
		return
	}
	if !cmd.ArityOK(len(args)) {
		c.out.Error("ERR Invalid number of arguments specified for command")
		return
	}
	pos, ok := getKeys(cmd, args)
	if !ok {
		c.out.Error("ERR Invalid arguments specified for command")
		return
	}
	if len(pos) == 0 {
		c.out.Error("ERR The command has no key arguments")
		return
	}
	c.out.ArrayLen(len(pos))
	for _, p := range pos {
		if !withFlags {
			c.out.Bulk(args[p])
			continue
		}
		c.out.ArrayLen(2)
		c.out.Bulk(args[p])
		flags := keySpecFlags(cmd)
		c.out.SetLen(len(flags))
		for _, f := range flags {
			c.out.SimpleString(f)
		}
	}
}

// keySpecFlags returns the flags of a command's first key specification, from the recorded
// COMMAND INFO.
func keySpecFlags(cmd *keyspace.Command) []string {
	cmdInfo.load()
	e := cmdInfo.info[cmd.Name]
	if e == nil || len(e.elems) < 9 || len(e.elems[8].elems) == 0 {
		return nil
	}
	spec := &e.elems[8].elems[0]
	if f := spec.mapGet("flags"); f != nil {
		var out []string
		for _, x := range f.elems {
			out = append(out, x.str)
		}
		return out
	}
	return nil
}
