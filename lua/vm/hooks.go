package vm

// Debug hooks (debug.sethook). Call and return hooks are tested on the call path; line and
// count hooks switch the frame to a slower interpreter (executeHooked) that checks every
// instruction, so the ordinary loop pays nothing for them.

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

var hookEventNames = [...]string{"call", "return", "line", "count", "tail return"}

type hookState struct{}

// HookFunc is a debug hook: event is one of HookEvent*, line the current line for line events.
type HookFunc func(L *State, event int, line int)

// Hook holds a thread's hook settings.
type Hook struct {
	Fn    HookFunc
	Mask  int
	Count int
	Value Value // the Lua hook function, for debug.gethook
}

func (L *State) callHook(event int) {}

func (L *State) retHook(first int) int { return first }

func (L *State) countHook() {}

func (L *State) executeHooked() {}
