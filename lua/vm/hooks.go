package vm

//go:generate go run gen_hooked.go

// Debug hooks (debug.sethook). Call and return hooks are tested on the call path; line and
// count hooks switch the interpreter to executeHooked, a copy of the loop (generated from
// execute.go by gen_hooked.go) that traces every instruction, so the ordinary loop pays nothing
// for them.

// Hook masks, as LUA_MASK*.
const (
	HookCall   = 1 << 0
	HookReturn = 1 << 1
	HookLine   = 1 << 2
	HookCount  = 1 << 3
)

// Hook events.
const (
	HookEventCall = iota
	HookEventReturn
	HookEventLine
	HookEventCount
	HookEventTailReturn
)

type hookState struct{}

// HookFunc is a debug hook: event is one of HookEvent*, line the current line for line events
// (-1 otherwise). It runs with hooks disabled.
type HookFunc func(L *State, event int, line int)

type threadHook struct {
	fn        HookFunc
	baseCount int
	count     int
	value     Value // the Lua hook function, for debug.gethook
}

// SetHook installs a hook on the thread (lua_sethook); a nil fn or a zero mask removes it.
func (L *State) SetHook(fn HookFunc, mask, count int) {
	if fn == nil || mask == 0 {
		mask, fn = 0, nil
	}
	L.hook.fn = fn
	L.hook.baseCount = count
	L.hook.count = count
	L.hookMask = mask
}

// Hook returns the thread's hook, mask and count.
func (L *State) Hook() (HookFunc, int, int) { return L.hook.fn, L.hookMask, L.hook.baseCount }

// SetHookValue stores the Lua value standing for the hook (debug.gethook returns it).
func (L *State) SetHookValue(v Value) { L.hook.value = v }

// HookValue returns the value stored by SetHookValue.
func (L *State) HookValue() Value { return L.hook.value }

// runHook is luaD_callhook.
func (L *State) runHook(event, line int) {
	if L.hook.fn == nil || !L.allowHook {
		return
	}
	top := L.top
	ci := L.ci
	citop := ci.top
	L.ensure(L.top + MinStack)
	ci.top = L.top + MinStack
	L.allowHook = false
	L.hook.fn(L, event, line)
	L.allowHook = true
	ci.top = citop
	L.top = top
}

func (L *State) callHook(event int) { L.runHook(event, -1) }

// retHook is callrethooks: the return event, then one tail-return event per lost tail call.
func (L *State) retHook(first int) int {
	L.runHook(HookEventReturn, -1)
	if L.ci.cl != nil {
		for L.hookMask&HookReturn != 0 && L.ci.tailcalls > 0 {
			L.ci.tailcalls--
			L.runHook(HookEventTailReturn, -1)
		}
	}
	return first
}

// traceExec is traceexec: count and line events before the instruction at pc-1 runs. As in
// PUC, it runs for every instruction while line or count hooks are set, also while a hook
// function runs (allowHook false): the count still runs down and restarts, only the hook calls
// are skipped (runHook).
func (L *State) traceExec(ci *callInfo, pc, oldpc int) {
	mask := L.hookMask
	if mask&HookCount != 0 {
		L.hook.count--
		if L.hook.count <= 0 {
			L.hook.count = L.hook.baseCount
			L.runHook(HookEventCount, -1)
		}
	}
	if mask&HookLine != 0 {
		p := ci.cl.p
		npc := pc - 1
		if npc < 0 || npc >= len(p.LineInfo) {
			return
		}
		newline := int(p.LineInfo[npc])
		if npc == 0 || pc <= oldpc || oldpc < 1 || oldpc > len(p.LineInfo) || newline != int(p.LineInfo[oldpc-1]) {
			L.runHook(HookEventLine, newline)
		}
	}
}
