package stdlib

import "github.com/redmoon-dev/redmoon/lua/vm"

var coFuncs = []vm.Reg{
	{Name: "create", Fn: coCreate},
	{Name: "resume", Fn: coResume},
	{Name: "running", Fn: coRunning},
	{Name: "status", Fn: coStatus},
	{Name: "wrap", Fn: coWrap},
	{Name: "yield", Fn: coYield},
}

// OpenCoroutine opens the coroutine library (OpenBase does it too, as luaopen_base).
func OpenCoroutine(L *vm.State) { L.RegisterLib(CoroutineLib, coFuncs) }

func coCreate(L *vm.State) int {
	f := L.Get(1)
	L.ArgCheck(vm.IsLuaFunction(f), 1, "Lua function expected")
	co := L.NewThread()
	co.Push(f)
	L.Push(vm.ThreadValue(co))
	return 1
}

// auxResume resumes co with the top nargs values of L.s frame as arguments;
// values; it returns the results or the error message, and whether it succeeded.
func auxResume(L, co *vm.State, nargs int) ([]vm.Value, bool) {
	st := L.CoStatus(co)
	if !co.GrowStack(nargs) {
		L.Errorf("too many arguments to resume")
	}
	if st != vm.StatusSuspended {
		L.Pop(nargs)
		return []vm.Value{vm.String("cannot resume " + st + " coroutine")}, false
	}
	args := make([]vm.Value, nargs)
	for i := 0; i < nargs; i++ {
		args[i] = L.Get(-nargs + i)
	}
	L.Pop(nargs)
	return L.Resume(co, args)
}

func coResume(L *vm.State) int {
	co := L.Get(1).AsThread()
	L.ArgCheck(co != nil, 1, "coroutine expected")
	vals, ok := auxResume(L, co, L.GetTop()-1)
	L.Push(vm.Bool(ok))
	for _, v := range vals {
		L.Push(v)
	}
	return len(vals) + 1
}

func coRunning(L *vm.State) int {
	if L == L.MainThread() {
		L.Push(vm.Nil)
	} else {
		L.Push(vm.ThreadValue(L))
	}
	return 1
}

func coStatus(L *vm.State) int {
	co := L.Get(1).AsThread()
	L.ArgCheck(co != nil, 1, "coroutine expected")
	L.Push(vm.String(L.CoStatus(co)))
	return 1
}

func coWrap(L *vm.State) int {
	coCreate(L)
	co := L.Get(-1).AsThread()
	L.Push(L.NewFunction("wrap", func(L *vm.State) int {
		vals, ok := auxResume(L, co, L.GetTop())
		if !ok {
			ev := vals[0]
			if s, isStr := vm.ToString(ev); isStr {
				ev = vm.String(L.Where(1) + s)
			}
			L.Error(ev)
		}
		for _, v := range vals {
			L.Push(v)
		}
		return len(vals)
	}))
	return 1
}

func coYield(L *vm.State) int { return L.Yield(L.GetTop()) }
