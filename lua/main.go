package lua

import (
	"io"
	"os"

	"github.com/redmoon-dev/redmoon/lua/vm"
)

// RunScript runs a Lua script file as the lua5.1 binary does for `lua5.1 script args...`: the
// global arg table (arg[0] is the script, arg[-1] progname), the arguments also passed as
// the chunk's varargs, errors reported on stderr as "progname: message" with a stack
// traceback, and an exit status of 1 on error. The call structure (a protected Go function
// that loads and calls the chunk with a traceback handler) is lua.c's, so that limits such as
// "C stack overflow" trigger at the same depth. opts.Stdout, if nil, becomes stdout.
func RunScript(opts Options, progname, script string, args []string, stdout, stderr io.Writer) int {
	if opts.Stdout == nil {
		opts.Stdout = stdout
	}
	s := NewState(opts)
	L := s.L
	argt := L.NewTable(len(args), 2)
	argt.SetInt(-1, vm.String(progname))
	argt.SetInt(0, vm.String(script))
	for i, a := range args {
		argt.SetInt(i+1, vm.String(a))
	}
	status := 0
	pmain := L.NewFunction("pmain", func(L *vm.State) int {
		L.Globals().SetStr("arg", vm.TableValue(argt))
		data, err := os.ReadFile(script)
		if err != nil {
			msg := err.Error()
			if pe, ok := err.(*os.PathError); ok {
				msg = pe.Err.Error()
				if len(msg) > 0 && msg[0] >= 'a' && msg[0] <= 'z' {
					msg = string(msg[0]-'a'+'A') + msg[1:]
				}
			}
			report(stderr, progname, vm.String("cannot open "+script+": "+msg))
			status = 1
			return 0
		}
		fn, lerr := s.LoadFile(string(data), script)
		if lerr != nil {
			report(stderr, progname, lerr.(*vm.Error).Value)
			status = 1
			return 0
		}
		L.Push(L.NewFunction("traceback", luaTraceback))
		hidx := L.GetTop()
		L.Push(fn)
		for _, a := range args {
			L.Push(vm.String(a))
		}
		if !L.PCallK(len(args), hidx) {
			report(stderr, progname, L.Get(-1))
			status = 1
		}
		return 0
	})
	if _, err := s.Call(pmain); err != nil {
		if e, ok := err.(*vm.Error); ok {
			report(stderr, progname, e.Value)
		} else {
			io.WriteString(stderr, progname+": "+err.Error()+"\n")
		}
		return 1
	}
	return status
}

func report(w io.Writer, progname string, v vm.Value) {
	if v.IsNil() {
		return
	}
	msg, ok := vm.ToString(v)
	if !ok {
		msg = "(error object is not a string)"
	}
	io.WriteString(w, progname+": "+msg+"\n")
}

// luaTraceback is lua.c's traceback message handler.
func luaTraceback(L *vm.State) int {
	msg := L.Get(1)
	if _, ok := vm.ToString(msg); !ok {
		return 1
	}
	dbg := L.Globals().GetStr("debug")
	if !dbg.IsTable() {
		return 1
	}
	tb := dbg.AsTable().GetStr("traceback")
	if !tb.IsFunction() {
		return 1
	}
	L.Push(L.Call1(tb, msg, vm.Int(2)))
	return 1
}
