package redisbridge

import (
	"strings"

	"github.com/redmoon-dev/redmoon/keyspace"
)

// The FUNCTION command's subcommands (functions.c of Redis 7.0).

var functionHelp = []string{
	"LOAD [REPLACE] <FUNCTION CODE>",
	"    Create a new library with the given library name and code.",
	"DELETE <LIBRARY NAME>",
	"    Delete the given library.",
	"LIST [LIBRARYNAME PATTERN] [WITHCODE]",
	"    Return general information on all the libraries:",
	"    * Library name",
	"    * The engine used to run the Library",
	"    * Library description",
	"    * Functions list",
	"    * Library code (if WITHCODE is given)",
	"    It also possible to get only function that matches a pattern using LIBRARYNAME argument.",
	"STATS",
	"    Return information about the current function running:",
	"    * Function name",
	"    * Command used to run the function",
	"    * Duration in MS that the function is running",
	"    If no function is running, return nil",
	"    In addition, returns a list of available engines.",
	"KILL",
	"    Kill the current running function.",
	"FLUSH [ASYNC|SYNC]",
	"    Delete all the libraries.",
	"    When called without the optional mode argument, the behavior is determined by the",
	"    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
	"    * ASYNC: Asynchronously flush the libraries.",
	"    * SYNC: Synchronously flush the libraries.",
	"DUMP",
	"    Return a serialized payload representing the current libraries, can be restored using FUNCTION RESTORE command",
	"RESTORE <PAYLOAD> [FLUSH|APPEND|REPLACE]",
	"    Restore the libraries represented by the given payload, it is possible to give a restore policy to",
	"    control how to handle existing libraries (default APPEND):",
	"    * FLUSH: delete all existing libraries.",
	"    * APPEND: appends the restored libraries to the existing libraries. On collision, abort.",
	"    * REPLACE: appends the restored libraries to the existing libraries, On collision, replace the old",
	"      libraries with the new libraries (notice that even on this option there is a chance of failure",
	"      in case of functions name collision with another library).",
}

func (b *Bridge) cmdFunctionHelp(c *keyspace.Ctx, args []string, r keyspace.Reply) {
	writeHelp(r, "FUNCTION", functionHelp)
}

func (b *Bridge) cmdFunctionLoad(c *keyspace.Ctx, args []string, r keyspace.Reply) {
	replace := false
	i := 2
	for ; i < len(args)-1; i++ {
		if !strings.EqualFold(args[i], "replace") {
			r.Error("ERR Unknown option given: " + sanitize(args[i]))
			return
		}
		replace = true
	}
	name, err := b.FunctionLoad(args[i], replace)
	if err != nil {
		r.Error(err.Error())
		return
	}
	c.KS.Dirty++
	r.Bulk(name)
}

// FunctionLoad creates (or with replace, replaces) a library from its code, as FUNCTION LOAD
// does, and returns its name. The keyspace lock must be held.
func (b *Bridge) FunctionLoad(code string, replace bool) (string, error) {
	e := b.fn
	name, msg := e.create(code, replace, e.cur)
	e.updateCounts()
	if msg != "" {
		return "", &ReplyError{Msg: "ERR " + msg}
	}
	return name, nil
}

func (b *Bridge) cmdFunctionDelete(c *keyspace.Ctx, args []string, r keyspace.Reply) {
	e := b.fn
	li := e.cur.libs[args[2]]
	if li == nil {
		r.Error("ERR Library not found")
		return
	}
	e.cur.unlink(li)
	e.updateCounts()
	c.KS.Dirty++
	r.SimpleString("OK")
}

func (b *Bridge) cmdFunctionFlush(c *keyspace.Ctx, args []string, r keyspace.Reply) {
	if len(args) > 3 {
		subcommandSyntaxError(r, args)
		return
	}
	if !flushMode(args) {
		r.Error("ERR FUNCTION FLUSH only supports SYNC|ASYNC option")
		return
	}
	b.FunctionFlush()
	c.KS.Dirty++
	r.SimpleString("OK")
}

// FunctionFlush deletes every library (FUNCTION FLUSH). The keyspace lock must be held.
func (b *Bridge) FunctionFlush() {
	b.fn.cur = newLibCtx()
	b.fn.updateCounts()
}

func (b *Bridge) cmdFunctionList(c *keyspace.Ctx, args []string, r keyspace.Reply) {
	withCode := false
	pattern, hasPattern := "", false
	for i := 2; i < len(args); i++ {
		a := args[i]
		if !withCode && strings.EqualFold(a, "withcode") {
			withCode = true
			continue
		}
		if !hasPattern && strings.EqualFold(a, "libraryname") {
			if i >= len(args)-1 {
				r.Error("ERR library name argument was not given")
				return
			}
			i++
			pattern, hasPattern = args[i], true
			continue
		}
		r.Error("ERR Unknown argument " + sanitize(a))
		return
	}
	var libs []*library
	for _, li := range b.fn.cur.order {
		if hasPattern && !keyspace.GlobMatch(pattern, li.name, true) {
			continue
		}
		libs = append(libs, li)
	}
	r.ArrayLen(len(libs))
	for _, li := range libs {
		if withCode {
			r.MapLen(4)
		} else {
			r.MapLen(3)
		}
		r.Bulk("library_name")
		r.Bulk(li.name)
		r.Bulk("engine")
		r.Bulk("LUA")
		r.Bulk("functions")
		r.ArrayLen(len(li.order))
		for _, f := range li.order {
			r.MapLen(3)
			r.Bulk("name")
			r.Bulk(f.name)
			r.Bulk("description")
			if f.hasDesc {
				r.Bulk(f.desc)
			} else {
				r.Null()
			}
			r.Bulk("flags")
			n := 0
			for _, fl := range flagNames {
				if f.flags&fl.flag != 0 {
					n++
				}
			}
			r.SetLen(n)
			for _, fl := range flagNames {
				if f.flags&fl.flag != 0 {
					r.SimpleString(fl.name)
				}
			}
		}
		if withCode {
			r.Bulk("library_code")
			r.Bulk(li.code)
		}
	}
}

func (b *Bridge) cmdFunctionStats(c *keyspace.Ctx, args []string, r keyspace.Reply) {
	b.FunctionStats(r)
}

// FunctionStats writes FUNCTION STATS's reply. It is safe without the keyspace lock (a server
// answers it while a function is busy).
func (b *Bridge) FunctionStats(r keyspace.Reply) {
	rs, running := b.Running()
	if running && !rs.Function {
		r.Error(errBusyScript)
		return
	}
	r.MapLen(2)
	r.Bulk("running_script")
	if !running {
		r.Null()
	} else {
		r.MapLen(3)
		r.Bulk("name")
		r.Bulk(rs.Name)
		r.Bulk("command")
		r.ArrayLen(len(rs.Command))
		for _, a := range rs.Command {
			r.Bulk(a)
		}
		r.Bulk("duration_ms")
		r.Integer(rs.Duration.Milliseconds())
	}
	r.Bulk("engines")
	r.MapLen(1)
	r.Bulk("LUA")
	r.MapLen(2)
	r.Bulk("libraries_count")
	r.Integer(b.fn.nlibs.Load())
	r.Bulk("functions_count")
	r.Integer(b.fn.nfuncs.Load())
}

func (b *Bridge) cmdFunctionKill(c *keyspace.Ctx, args []string, r keyspace.Reply) {
	replyKill(r, b.Kill(true))
}

func (b *Bridge) cmdFunctionDump(c *keyspace.Ctx, args []string, r keyspace.Reply) {
	r.Bulk(b.FunctionDump())
}

// FunctionDump returns FUNCTION DUMP's payload: every library's code as an RDB function record,
// the RDB version and a CRC64, in Redis's framing (the code is stored uncompressed). The
// keyspace lock must be held.
func (b *Bridge) FunctionDump() string {
	var codes []string
	for _, li := range b.fn.cur.order {
		codes = append(codes, li.code)
	}
	return encodeFunctionDump(codes)
}

func (b *Bridge) cmdFunctionRestore(c *keyspace.Ctx, args []string, r keyspace.Reply) {
	if len(args) > 4 {
		subcommandSyntaxError(r, args)
		return
	}
	policy := "append"
	if len(args) == 4 {
		policy = strings.ToLower(args[3])
		if policy != "append" && policy != "replace" && policy != "flush" {
			r.Error("ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE.")
			return
		}
	}
	if msg := b.functionRestore(args[2], policy); msg != "" {
		r.Error("ERR " + msg)
		return
	}
	c.KS.Dirty++
	r.SimpleString("OK")
}

// subcommandSyntaxError is addReplySubcommandSyntaxError.
func subcommandSyntaxError(r keyspace.Reply, args []string) {
	r.Error("ERR unknown subcommand or wrong number of arguments for '" + sanitize(truncate(args[1], 128)) +
		"'. Try " + strings.ToUpper(args[0]) + " HELP.")
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// functionRestore is FUNCTION RESTORE with a policy (append, replace or flush); it returns the
// error text without its ERR code.
func (b *Bridge) functionRestore(payload, policy string) string {
	codes, msg := decodeFunctionDump(payload)
	if msg != "" {
		return msg
	}
	e := b.fn
	tmp := newLibCtx()
	for _, code := range codes {
		if _, msg := e.create(code, false, tmp); msg != "" {
			return msg
		}
	}
	defer e.updateCounts()
	if policy == "flush" {
		e.cur = tmp
		return ""
	}
	return joinLibraries(e.cur, tmp, policy == "replace")
}

// joinLibraries moves the libraries of src into dst (libraryJoin): a library name clash fails
// unless replace, a function name clash always fails, and a failure leaves dst as it was.
func joinLibraries(dst, src *libCtx, replace bool) string {
	var replaced []*library
	restore := func() {
		for _, li := range replaced {
			dst.link(li)
		}
	}
	for _, li := range src.order {
		old := dst.libs[li.name]
		if old == nil {
			continue
		}
		if !replace {
			restore()
			return "Library " + li.name + " already exists"
		}
		dst.unlink(old)
		replaced = append(replaced, old)
	}
	for _, li := range src.order {
		for _, f := range li.order {
			if dst.funcs[strings.ToLower(f.name)] != nil {
				restore()
				return "Function " + f.name + " already exists"
			}
		}
	}
	for _, li := range src.order {
		dst.link(li)
	}
	return ""
}
