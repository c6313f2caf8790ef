package redisbridge

import (
	"strings"

	"github.com/redmoon-dev/redmoon/keyspace"
	"github.com/redmoon-dev/redmoon/lua"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// evalEngine is the Lua state of EVAL scripts and its script cache: one compiled function per
// script body, keyed by the SHA1 of the body (shebang included). SCRIPT FLUSH replaces the
// whole engine (a new Lua state, as Redis recreates its EVAL VM).
type evalEngine struct {
	b       *Bridge
	L       *vm.State
	handler vm.Value
	scripts map[string]*evalScript
	run     scriptRun
}

// evalScript is a cached script.
type evalScript struct {
	sha   string
	body  string
	fn    vm.Value
	flags scriptFlags
}

func newEvalEngine(b *Bridge) *evalEngine {
	L := b.newSandboxState()
	g := L.Globals()
	redis := b.newRedisTable(L)
	addEvalMembers(L, redis)
	g.SetStr("redis", vm.TableValue(redis))
	if b.opts.ServerAlias {
		g.SetStr("server", vm.TableValue(redis))
	}
	// Redis's error-handler chunk runs `debug = nil` before it defines the handler.
	dropDebug(g)
	handler := L.NewFunction("__redis__err__handler", errHandler)
	g.SetStr("__redis__err__handler", handler)
	finishGlobals(L, g)
	L.SetInterruptHandler(b.onInterrupt)
	e := &evalEngine{b: b, L: L, handler: handler, scripts: map[string]*evalScript{}}
	e.run.L = L
	return e
}

// errHandler is Redis's __redis__err__handler: it turns the error object into a table
// {err=...} ("ERR " + tostring(err) for a non-table) and records the source and current line of
// the function that raised it, or of its Lua caller when that function is a Go function.
func errHandler(L *vm.State) int {
	err := L.Get(1)
	lv, ok := L.GetStack(1)
	var info vm.DebugInfo
	if ok {
		info = lv.Info("Sl")
		if info.What == "C" {
			lv, ok = L.GetStack(2)
			if ok {
				info = lv.Info("Sl")
			}
		}
	}
	t := err.AsTable()
	if t == nil {
		t = L.NewTable(0, 3)
		t.SetStr("err", vm.String("ERR "+L.ToStringMeta(err)))
	}
	if ok {
		L.SetIndex(vm.TableValue(t), vm.String("source"), vm.String(info.Source))
		L.SetIndex(vm.TableValue(t), vm.String("line"), vm.Int(info.CurrentLine))
	}
	L.Push(vm.TableValue(t))
	return 1
}

// lookup returns the cached script with the given SHA1 (any letter case), or nil.
func (e *evalEngine) lookup(sha string) *evalScript {
	if s := e.scripts[sha]; s != nil {
		return s
	}
	for i := 0; i < len(sha); i++ {
		if c := sha[i]; c >= 'A' && c <= 'Z' {
			return e.scripts[strings.ToLower(sha)]
		}
	}
	return nil
}

// create compiles and caches a script (luaCreateFunction), or returns the error reply.
func (e *evalEngine) create(body string) (*evalScript, string) {
	sha := sha1hex(body)
	if s := e.scripts[sha]; s != nil {
		return s, ""
	}
	flags, shebangLen, err := extractShebangFlags(body)
	if err != "" {
		return nil, "ERR " + err
	}
	p, cerr := lua.Compile(body[shebangLen:], "@user_script", 0)
	if cerr != nil {
		msg := cerr.Error()
		if le, ok := cerr.(*vm.Error); ok {
			msg, _ = vm.ToString(le.Value)
		}
		return nil, sanitize(strings.Trim("ERR Error compiling script (new function): "+msg, "\r\n"))
	}
	s := &evalScript{sha: sha, body: body, fn: e.L.NewClosure(p), flags: flags}
	e.scripts[sha] = s
	return s, ""
}

// parseNumKeys validates EVAL's numkeys (getLongLongFromObject and the range checks).
func parseNumKeys(args []string, notIntErr string) (int, string) {
	n, ok := keyspace.ParseInt(args[2])
	if !ok {
		return 0, notIntErr
	}
	if n > int64(len(args)-3) {
		return 0, errKeysTooMany
	}
	if n < 0 {
		return 0, errKeysNegative
	}
	return int(n), ""
}

// cmdEval implements EVAL, EVALSHA, EVAL_RO and EVALSHA_RO (evalGenericCommand).
func (b *Bridge) cmdEval(c *keyspace.Ctx, args []string, r keyspace.Reply, bySha, ro bool) {
	if bySha && len(args[1]) != 40 {
		r.Error(errNoScript)
		return
	}
	numkeys, msg := parseNumKeys(args, errNotInteger)
	if msg != "" {
		r.Error(msg)
		return
	}
	e := b.eval
	var s *evalScript
	if bySha {
		if s = e.lookup(args[1]); s == nil {
			r.Error(errNoScript)
			return
		}
	} else if s, msg = e.create(args[1]); s == nil {
		r.Error(msg)
		return
	}
	readOnly := ro
	if s.flags&flagCompat == 0 {
		if s.flags&flagNoWrites == 0 && ro {
			r.Error(errWriteFlagRO)
			return
		}
		if s.flags&flagNoWrites != 0 {
			readOnly = true
		}
	}
	b.execute(&e.run, c, r, args, s.sha, s.fn, e.handler, args[3:3+numkeys], args[3+numkeys:],
		runFlags{readOnly: readOnly})
}
