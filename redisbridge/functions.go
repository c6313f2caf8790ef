package redisbridge

import (
	"strings"
	"sync/atomic"
	"time"

	"github.com/redmoon-dev/redmoon/keyspace"
	"github.com/redmoon-dev/redmoon/lua"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// Redis Functions (functions.c and function_lua.c of Redis 7.0). One Lua state serves every
// library for the life of the bridge (FUNCTION FLUSH does not recreate it in 7.0). Its global
// table, as scripts see it, is an empty read-only table whose metatable's __index is switched
// between the load-time API (only redis.register_function, redis.log, the LOG_* levels and the
// version) while a library's body runs, and the runtime globals (the libraries and the runtime
// redis table) otherwise.

const loadTimeout = 500 * time.Millisecond

// funcEngine is the Functions Lua state with its libraries.
type funcEngine struct {
	b        *Bridge
	L        *vm.State
	handler  vm.Value
	globals  *vm.Table // the runtime globals
	loadAPI  *vm.Table // the load-time globals
	userMT   *vm.Table // metatable of the globals scripts see
	cur      *libCtx
	loading  *library // the library whose body is running (FUNCTION LOAD)
	nlibs    atomic.Int64
	nfuncs   atomic.Int64
	run      scriptRun
	loadFail string
}

// libCtx is a set of libraries with their functions (Redis's functionsLibCtx): the current one,
// or a temporary one that FUNCTION RESTORE fills before joining it to the current one.
type libCtx struct {
	libs  map[string]*library  // by name (case-sensitive)
	funcs map[string]*function // by lower-case name
	order []*library           // in creation order (FUNCTION LIST, FUNCTION DUMP)
}

type library struct {
	name  string
	code  string
	funcs map[string]*function // by name (case-sensitive within a library)
	order []*function
}

type function struct {
	name    string
	lib     *library
	fn      vm.Value
	desc    string
	hasDesc bool
	flags   scriptFlags
}

func newLibCtx() *libCtx {
	return &libCtx{libs: map[string]*library{}, funcs: map[string]*function{}}
}

func (lc *libCtx) link(li *library) {
	lc.libs[li.name] = li
	lc.order = append(lc.order, li)
	for _, f := range li.order {
		// Function names are case-insensitive across libraries; two names of one library
		// that differ only in case both register, and the first one answers FCALL.
		if k := strings.ToLower(f.name); lc.funcs[k] == nil {
			lc.funcs[k] = f
		}
	}
}

func (lc *libCtx) unlink(li *library) {
	delete(lc.libs, li.name)
	for i, l := range lc.order {
		if l == li {
			lc.order = append(lc.order[:i:i], lc.order[i+1:]...)
			break
		}
	}
	for _, f := range li.order {
		delete(lc.funcs, strings.ToLower(f.name))
	}
}

func newFuncEngine(b *Bridge) *funcEngine {
	L := b.newSandboxState()
	g := L.Globals()
	redis := b.newRedisTable(L)
	g.SetStr("redis", vm.TableValue(redis))
	if b.opts.ServerAlias {
		g.SetStr("server", vm.TableValue(redis))
	}
	e := &funcEngine{b: b, L: L, globals: g, cur: newLibCtx()}

	load := L.NewTable(0, 0)
	loadRedis := L.NewTable(0, 0)
	loadRedis.SetStr("register_function", L.NewFunction("register_function", e.registerFunction))
	b.addLogFunction(L, loadRedis)
	addVersion(loadRedis)
	setErrorMetatable(L, loadRedis)
	load.SetStr("redis", vm.TableValue(loadRedis))
	if b.opts.ServerAlias {
		load.SetStr("server", vm.TableValue(loadRedis))
	}
	setErrorMetatable(L, load)
	protectRecursively(L, load, map[*vm.Table]bool{})
	e.loadAPI = load

	e.handler = L.NewFunction("error_handler", errHandler)
	finishGlobals(L, g)

	user := L.NewTable(0, 0)
	e.userMT = L.NewTable(0, 1)
	e.userMT.SetStr("__index", vm.TableValue(g))
	e.userMT.SetReadOnly(true)
	user.SetMetatable(e.userMT)
	user.SetReadOnly(true)
	L.SetGlobals(user)
	L.SetInterruptHandler(b.onInterrupt)
	e.run.L = L
	return e
}

// libMetadata is the parsed `#!<engine> name=<library>` header of a library's code.
type libMetadata struct {
	engine string
	name   string
	code   string // the code after the header line (its newline kept)
}

// extractLibMetadata parses a library's header as functionExtractLibMetaData does.
func extractLibMetadata(code string) (md libMetadata, err string) {
	if !strings.HasPrefix(code, "#!") {
		return md, "Missing library metadata"
	}
	end := strings.IndexByte(code, '\n')
	if end < 0 {
		return md, "Invalid library metadata"
	}
	parts, ok := SplitArgs(code[:end])
	if !ok || len(parts) == 0 {
		return md, "Invalid library metadata"
	}
	md.engine = parts[0][2:]
	named := false
	for _, p := range parts[1:] {
		if len(p) >= 5 && strings.EqualFold(p[:5], "name=") {
			if named {
				return md, "Invalid metadata value, name argument was given multiple times"
			}
			md.name = p[5:]
			named = true
			continue
		}
		return md, "Invalid metadata value given: " + p
	}
	if !named {
		return md, "Library name was not given"
	}
	md.code = code[end:]
	return md, ""
}

// validName reports whether a library or function name is made of [A-Za-z0-9_] (at least one).
func validName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

const errBadName = "Library names can only contain letters, numbers, or underscores(_) and must be at least one character long"

// create creates a library from its code into lc (functionsCreateWithLibraryCtx): it returns the
// library's name or the error text (without the ERR code).
func (e *funcEngine) create(code string, replace bool, lc *libCtx) (string, string) {
	md, err := extractLibMetadata(code)
	if err != "" {
		return "", err
	}
	if !validName(md.name) {
		return "", errBadName
	}
	if !strings.EqualFold(md.engine, "lua") {
		return "", "Engine '" + md.engine + "' not found"
	}
	old := lc.libs[md.name]
	if old != nil && !replace {
		return "", "Library '" + md.name + "' already exists"
	}
	if old != nil {
		lc.unlink(old)
	}
	li := &library{name: md.name, code: code, funcs: map[string]*function{}}
	fail := func(msg string) (string, string) {
		if old != nil {
			lc.link(old)
		}
		return "", msg
	}
	if msg := e.loadBody(li, md.code); msg != "" {
		return fail(msg)
	}
	if len(li.order) == 0 {
		return fail("No functions registered")
	}
	for _, f := range li.order {
		if lc.funcs[strings.ToLower(f.name)] != nil {
			return fail("Function " + f.name + " already exists")
		}
	}
	lc.link(li)
	return li.name, ""
}

// loadBody compiles a library's code and runs it with the load-time globals, collecting the
// functions it registers into li (luaEngineCreate).
func (e *funcEngine) loadBody(li *library, code string) string {
	p, cerr := lua.Compile(code, "@user_function", 0)
	if cerr != nil {
		msg := cerr.Error()
		if le, ok := cerr.(*vm.Error); ok {
			msg, _ = vm.ToString(le.Value)
		}
		return "Error compiling function: " + msg
	}
	L := e.L
	e.userMT.SetStr("__index", vm.TableValue(e.loadAPI))
	defer e.userMT.SetStr("__index", vm.TableValue(e.globals))
	fn := L.NewClosure(p)
	e.loading = li
	rs := &e.b.run
	rs.loading = true
	rs.deadline = time.Now().Add(loadTimeout).UnixNano()
	L.SetTop(0)
	L.ClearInterrupt()
	L.SetCheckPeriod(defaultCheckPeriod)
	L.Interrupt()
	L.Push(fn)
	ok := L.PCallK(0, 0)
	rs.loading = false
	e.loading = nil
	L.ClearInterrupt()
	if ok {
		L.SetTop(0)
		return ""
	}
	ev := L.Get(1)
	L.SetTop(0)
	return "Error registering functions: " + errorInfoMessage(ev)
}

// errorInfoMessage is the message luaExtractErrorInformation finds in an error object:
// "ERR " + the string, or the err field of a table.
func errorInfoMessage(ev vm.Value) string {
	if s, ok := vm.ToString(ev); ok {
		return "ERR " + s
	}
	if t := ev.AsTable(); t != nil {
		if s, ok := vm.ToString(t.GetStr("err")); ok {
			return s
		}
	}
	return "ERR unknown error"
}

// registerFunction is redis.register_function (luaRegisterFunction).
func (e *funcEngine) registerFunction(L *vm.State) int {
	li := e.loading
	if li == nil {
		raiseError(L, "redis.register_function can only be called on FUNCTION LOAD command")
	}
	f, msg := readRegisterArgs(L)
	if msg != "" {
		raiseError(L, msg)
	}
	if !validName(f.name) {
		raiseError(L, errBadName)
	}
	if li.funcs[f.name] != nil {
		raiseError(L, "Function already exists in the library")
	}
	f.lib = li
	li.funcs[f.name] = f
	li.order = append(li.order, f)
	return 0
}

// readRegisterArgs reads redis.register_function's arguments: (name, callback) or one table of
// named arguments.
func readRegisterArgs(L *vm.State) (*function, string) {
	argc := L.GetTop()
	if argc < 1 || argc > 2 {
		return nil, "wrong number of arguments to redis.register_function"
	}
	f := &function{}
	if argc == 2 {
		name, ok := vm.ToString(L.Get(1))
		if !ok {
			return nil, "first argument to redis.register_function must be a string"
		}
		if !L.Get(2).IsFunction() {
			return nil, "second argument to redis.register_function must be a function"
		}
		f.name, f.fn = name, L.Get(2)
		return f, ""
	}
	t := L.Get(1).AsTable()
	if t == nil {
		return nil, "calling redis.register_function with a single argument is only applicable to Lua table (representing named arguments)."
	}
	var msg string
	hasName := false
	t.ForEach(func(k, v vm.Value) bool {
		key, ok := vm.ToString(k)
		if !ok {
			msg = "named argument key given to redis.register_function is not a string"
			return false
		}
		if k.IsNumber() {
			// lua_tostring turns the key into a string in place, which no name matches.
			key = "\x00"
		}
		switch strings.ToLower(key) {
		case "function_name":
			s, ok := vm.ToString(v)
			if !ok {
				msg = "function_name argument given to redis.register_function must be a string"
				return false
			}
			f.name, hasName = s, true
		case "description":
			s, ok := vm.ToString(v)
			if !ok {
				msg = "description argument given to redis.register_function must be a string"
				return false
			}
			f.desc, f.hasDesc = s, true
		case "callback":
			if !v.IsFunction() {
				msg = "callback argument given to redis.register_function must be a function"
				return false
			}
			f.fn = v
		case "flags":
			ft := v.AsTable()
			if ft == nil {
				msg = "flags argument to redis.register_function must be a table representing function flags"
				return false
			}
			fl, ok := readFlagsTable(L, ft)
			if !ok {
				msg = "unknown flag given"
				return false
			}
			f.flags = fl
		default:
			msg = "unknown argument given to redis.register_function"
			return false
		}
		return true
	})
	if msg != "" {
		return nil, msg
	}
	if !hasName {
		return nil, "redis.register_function must get a function name argument"
	}
	if f.fn.IsNil() {
		return nil, "redis.register_function must get a callback argument"
	}
	return f, ""
}

// readFlagsTable reads the flags array of redis.register_function (luaRegisterFunctionReadFlags):
// t[1], t[2], ... up to the first nil, each a flag name in any letter case.
func readFlagsTable(L *vm.State, t *vm.Table) (scriptFlags, bool) {
	var flags scriptFlags
	for j := 1; ; j++ {
		v := L.Index(vm.TableValue(t), vm.Int(j))
		if v.IsNil() {
			return flags, true
		}
		s, ok := vm.ToString(v)
		if !ok {
			return 0, false
		}
		fl, ok := lookupFlag(s, true)
		if !ok {
			return 0, false
		}
		flags |= fl
	}
}

// updateCounts refreshes the library and function counts FUNCTION STATS reports.
func (e *funcEngine) updateCounts() {
	n := 0
	for _, li := range e.cur.order {
		n += len(li.order)
	}
	e.nlibs.Store(int64(len(e.cur.libs)))
	e.nfuncs.Store(int64(n))
}

// cmdFCall implements FCALL and FCALL_RO (fcallCommandGeneric).
func (b *Bridge) cmdFCall(c *keyspace.Ctx, args []string, r keyspace.Reply, ro bool) {
	e := b.fn
	f := e.cur.funcs[strings.ToLower(args[1])]
	if f == nil {
		r.Error("ERR Function not found")
		return
	}
	numkeys, msg := parseNumKeys(args, "ERR Bad number of keys provided")
	if msg != "" {
		r.Error(msg)
		return
	}
	if f.flags&flagNoWrites == 0 && ro {
		r.Error(errWriteFlagRO)
		return
	}
	b.execute(&e.run, c, r, args, f.name, f.fn, e.handler, args[3:3+numkeys], args[3+numkeys:],
		runFlags{readOnly: ro || f.flags&flagNoWrites != 0, function: true})
}
