package stdlib

import (
	"strings"

	"github.com/redmoon-dev/redmoon/lua/vm"
)

func init() { register(DebugLib, 70, OpenDebug) }

var debugFuncs = []vm.Reg{
	{Name: "debug", Fn: dbDebug},
	{Name: "getfenv", Fn: dbGetfenv},
	{Name: "gethook", Fn: dbGethook},
	{Name: "getinfo", Fn: dbGetinfo},
	{Name: "getlocal", Fn: dbGetlocal},
	{Name: "getregistry", Fn: dbGetregistry},
	{Name: "getmetatable", Fn: dbGetmetatable},
	{Name: "getupvalue", Fn: dbGetupvalue},
	{Name: "setfenv", Fn: dbSetfenv},
	{Name: "sethook", Fn: dbSethook},
	{Name: "setlocal", Fn: dbSetlocal},
	{Name: "setmetatable", Fn: dbSetmetatable},
	{Name: "setupvalue", Fn: dbSetupvalue},
	{Name: "traceback", Fn: dbTraceback},
}

// OpenDebug opens the debug library (Lua 5.1's ldblib).
func OpenDebug(L *vm.State) { L.RegisterLib(DebugLib, debugFuncs) }

// dbDebug is debug.debug: an interactive prompt on stdin in lua5.1; here it returns at once
// (no console is attached to an embedded state).
func dbDebug(L *vm.State) int { return 0 }

func dbGetfenv(L *vm.State) int {
	v := L.Get(1)
	L.Push(vm.TableValue(L.GetFenv(v)))
	return 1
}

func dbSetfenv(L *vm.State) int {
	t := L.CheckTable(2)
	L.SetTop(2)
	if !L.SetFenv(L.Get(1), t) {
		L.Errorf("'setfenv' cannot change environment of given object")
	}
	L.SetTop(1)
	return 1
}

func dbGetregistry(L *vm.State) int {
	L.Push(vm.TableValue(L.Registry()))
	return 1
}

func dbGetmetatable(L *vm.State) int {
	v := L.CheckAny(1)
	L.Push(vm.TableValue(L.GetMetatable(v)))
	return 1
}

func dbSetmetatable(L *vm.State) int {
	t := L.Get(2).Type()
	L.ArgCheck(t == vm.TypeNil || t == vm.TypeTable, 2, "nil or table expected")
	L.SetTop(2)
	L.SetMetatableOf(L.Get(1), L.Get(2).AsTable())
	L.Push(vm.True)
	return 1
}

// getThread is getthread: an optional thread first argument.
func getThread(L *vm.State) (*vm.State, int) {
	if co := L.Get(1).AsThread(); co != nil {
		return co, 1
	}
	return L, 0
}

func dbGetinfo(L *vm.State) int {
	L1, arg := getThread(L)
	opts := L.OptString(arg+2, "flnSu")
	var d vm.DebugInfo
	fa := L.Get(arg + 1)
	if f, ok := vm.ToNumber(fa); ok && fa.IsNumber() {
		lv, found := L1.GetStack(int(f))
		if !found {
			L.Push(vm.Nil)
			return 1
		}
		d = lv.Info(opts)
	} else if fa.IsFunction() {
		d = vm.FuncInfo(fa)
		opts = ">" + opts
	} else {
		L.ArgError(arg+1, "function or level expected")
	}
	// lua_getinfo skips one leading '>' (the function-argument mode db_getinfo adds); any other
	// '>' is an invalid option. A level lost to a tail call answers before the options are
	// looked at (info_tailcall), so no option is invalid there.
	if d.What != "tail" {
		for _, c := range strings.TrimPrefix(opts, ">") {
			if !strings.ContainsRune("SlunfL", c) {
				L.ArgError(arg+2, "invalid option")
			}
		}
	}
	t := L.NewTable(0, 2)
	if strings.ContainsRune(opts, 'S') {
		t.SetStr("source", vm.String(d.Source))
		t.SetStr("short_src", vm.String(d.ShortSrc))
		t.SetStr("linedefined", vm.Int(d.LineDefined))
		t.SetStr("lastlinedefined", vm.Int(d.LastLineDefined))
		t.SetStr("what", vm.String(d.What))
	}
	if strings.ContainsRune(opts, 'l') {
		t.SetStr("currentline", vm.Int(d.CurrentLine))
	}
	if strings.ContainsRune(opts, 'u') {
		t.SetStr("nups", vm.Int(d.NumUpvalues))
	}
	if strings.ContainsRune(opts, 'n') {
		if d.NameWhat != "" || d.What == "tail" {
			// info_tailcall sets name = namewhat = "" (a string, not nil)
			t.SetStr("name", vm.String(d.Name))
		}
		t.SetStr("namewhat", vm.String(d.NameWhat))
	}
	if strings.ContainsRune(opts, 'L') {
		lines := L.NewTable(0, 0)
		for _, l := range vm.ActiveLines(d.Func) {
			lines.Set(L, vm.Int(l), vm.True)
		}
		if d.What == "C" || d.What == "tail" {
			t.SetStr("activelines", vm.Nil)
		} else {
			t.SetStr("activelines", vm.TableValue(lines))
		}
	}
	if strings.ContainsRune(opts, 'f') {
		t.SetStr("func", d.Func)
	}
	L.Push(vm.TableValue(t))
	return 1
}

func dbGetlocal(L *vm.State) int {
	L1, arg := getThread(L)
	lv, ok := L1.GetStack(L.CheckInteger(arg + 1))
	if !ok {
		L.ArgError(arg+1, "level out of range")
	}
	name, v, ok := lv.Local(L.CheckInteger(arg + 2))
	if !ok {
		L.Push(vm.Nil)
		return 1
	}
	L.Push(vm.String(name))
	L.Push(v)
	return 2
}

func dbSetlocal(L *vm.State) int {
	L1, arg := getThread(L)
	lv, ok := L1.GetStack(L.CheckInteger(arg + 1))
	if !ok {
		L.ArgError(arg+1, "level out of range")
	}
	L.CheckAny(arg + 3)
	name, ok := lv.SetLocal(L.CheckInteger(arg+2), L.Get(arg+3))
	if !ok {
		L.Push(vm.Nil)
		return 1
	}
	L.Push(vm.String(name))
	return 1
}

func dbGetupvalue(L *vm.State) int {
	n := int(int32(L.CheckInteger(2)))
	fn := L.CheckType(1, vm.TypeFunction)
	if vm.IsGoFunction(fn) {
		return 0
	}
	name, v, ok := vm.Upvalue(fn, n)
	if !ok {
		return 0
	}
	L.Push(vm.String(name))
	L.Push(v)
	return 2
}

func dbSetupvalue(L *vm.State) int {
	L.CheckAny(3)
	n := int(int32(L.CheckInteger(2)))
	fn := L.CheckType(1, vm.TypeFunction)
	if vm.IsGoFunction(fn) {
		return 0
	}
	name, ok := vm.SetUpvalue(fn, n, L.Get(3))
	if !ok {
		return 0
	}
	L.Push(vm.String(name))
	return 1
}

// hookKey is the registry key of the table of Lua hook functions per thread.
const hookKey = "_HKEY"

func dbSethook(L *vm.State) int {
	L1, arg := getThread(L)
	var mask, count int
	var fn vm.Value
	if L.IsNoneOrNil(arg + 1) {
		L.SetTop(arg + 1)
	} else {
		smask := L.CheckString(arg + 2)
		fn = L.CheckType(arg+1, vm.TypeFunction)
		count = int(int32(L.OptInteger(arg+3, 0)))
		if strings.IndexByte(smask, 'c') >= 0 {
			mask |= vm.HookCall
		}
		if strings.IndexByte(smask, 'r') >= 0 {
			mask |= vm.HookReturn
		}
		if strings.IndexByte(smask, 'l') >= 0 {
			mask |= vm.HookLine
		}
		if count > 0 {
			mask |= vm.HookCount
		}
	}
	if fn.IsNil() {
		L1.SetHook(nil, 0, 0)
		L1.SetHookValue(vm.Nil)
		return 0
	}
	L1.SetHookValue(fn)
	L1.SetHook(luaHook, mask, count)
	return 0
}

var hookNames = [...]string{"call", "return", "line", "count", "tail return"}

// luaHook calls the Lua hook function of the thread with the event name and line.
func luaHook(L *vm.State, event, line int) {
	fn := L.HookValue()
	if !fn.IsFunction() {
		return
	}
	lineV := vm.Nil
	if line >= 0 {
		lineV = vm.Int(line)
	}
	L.Call1(fn, vm.String(hookNames[event]), lineV)
}

func dbGethook(L *vm.State) int {
	L1, _ := getThread(L)
	fn, mask, count := L1.Hook()
	if fn == nil {
		L.Push(vm.Nil)
	} else {
		L.Push(L1.HookValue())
	}
	var m []byte
	if mask&vm.HookCall != 0 {
		m = append(m, 'c')
	}
	if mask&vm.HookReturn != 0 {
		m = append(m, 'r')
	}
	if mask&vm.HookLine != 0 {
		m = append(m, 'l')
	}
	L.Push(vm.String(string(m)))
	L.Push(vm.Int(count))
	return 3
}

func dbTraceback(L *vm.State) int {
	L1, arg := getThread(L)
	level := 0
	if L == L1 {
		level = 1
	}
	if v := L.Get(arg + 2); v.IsNumber() {
		level = int(int32(vm.NumberToInt(v.Float())))
		L.Pop(1)
	}
	msg := ""
	hasMsg := false
	if L.GetTop() != arg {
		m := L.Get(arg + 1)
		s, ok := vm.ToString(m)
		if !ok {
			L.Push(m)
			return 1
		}
		msg, hasMsg = s, true
	}
	L.Push(vm.String(L1.Traceback(msg, hasMsg, level)))
	return 1
}
