package vm

import (
	"math"
	"strconv"

	"github.com/redmoon-dev/redmoon/lua/internal/luanum"
)

// Error is a Lua error: the value raised by error() or by the runtime. It is what the VM panics
// with while unwinding to a protected call, and what the API returns as an error.
type Error struct {
	Value     Value  // the error value
	Traceback string // a stack traceback, when the API was asked for one
}

// Error returns the message: the error value if it is a string or a number, else a description.
func (e *Error) Error() string {
	if s, ok := e.Value.AsString(); ok {
		return s
	}
	if e.Value.IsNumber() {
		return FormatNumber(e.Value.Float())
	}
	if e.Value.IsNil() {
		return "nil"
	}
	return "(error object is a " + e.Value.TypeName() + " value)"
}

// errStatus tells special errors apart (memory, error in error handling).
type errStatus int

const (
	errRun errStatus = iota
	errErr
)

// luaPanic is the payload of the Go panics that carry Lua errors.
type luaPanic struct {
	value  Value
	status errStatus
}

var errErrMsg = String("error in error handling")

// throwStatus raises an error of a special kind without calling the message handler.
func (L *State) throwStatus(s errStatus) {
	panic(&luaPanic{value: errErrMsg, status: s})
}

// Error raises v as a Lua error (lua_error). The message handler of an enclosing xpcall runs
// first, at the point of the error. Error does not return.
func (L *State) Error(v Value) {
	if L.errfunc != 0 {
		h := L.stack[L.errfunc]
		if !h.IsFunction() {
			L.throwStatus(errErr)
		}
		top := L.top
		L.ensure(top + 2)
		L.stack[top] = h
		L.stack[top+1] = v
		L.top = top + 2
		L.call(top, 1)
		v = L.stack[top]
	}
	panic(&luaPanic{value: v})
}

// RunError raises a runtime error whose message is prefixed with the current Lua position, as
// luaG_runerror does.
func (L *State) RunError(msg string) {
	L.Error(String(L.where(L.ci) + msg))
}

// where returns "chunk:line: " for a Lua frame, "" for a Go frame.
func (L *State) where(ci *callInfo) string {
	if ci == nil || ci.cl == nil {
		return ""
	}
	line := ci.currentLine()
	return ci.cl.p.ChunkID + ":" + strconv.Itoa(line) + ": "
}

// Where returns the position prefix of the function at the given level (luaL_where): level 0 is
// the running Go function, 1 the function that called it.
func (L *State) Where(level int) string {
	ci, _ := L.ciAt(level)
	if ci == nil || ci.cl == nil {
		return ""
	}
	line := ci.currentLine()
	if line <= 0 {
		return ""
	}
	return ci.cl.p.ChunkID + ":" + strconv.Itoa(line) + ": "
}

// ciAt returns the call record at a level (0 = current) as lua_getstack finds it: ok is false
// when there is no such level; ci is nil with ok true for a level lost to tail calls.
func (L *State) ciAt(level int) (ci *callInfo, ok bool) {
	ci = L.ci
	for ; level > 0 && ci != &L.baseCI; ci = ci.prev {
		level--
		if ci.cl != nil {
			level -= ci.tailcalls
		}
	}
	if level == 0 && ci != &L.baseCI {
		return ci, true
	}
	if level < 0 {
		return nil, true
	}
	return nil, false
}

func (ci *callInfo) currentPC() int {
	if ci.cl == nil {
		return -1
	}
	return ci.savedpc - 1
}

func (ci *callInfo) currentLine() int {
	pc := ci.currentPC()
	if pc < 0 || pc >= len(ci.cl.p.LineInfo) {
		if pc < 0 && len(ci.cl.p.LineInfo) > 0 {
			return int(ci.cl.p.LineInfo[0])
		}
		return -1
	}
	return int(ci.cl.p.LineInfo[pc])
}

// typeError is luaG_typeerror; reg is the value's register in the current Lua frame, or -1.
func (L *State) typeError(v Value, reg int, op string) {
	t := v.TypeName()
	if reg >= 0 && L.ci.cl != nil {
		if kind, name := getObjName(L.ci, reg); kind != "" {
			L.RunError("attempt to " + op + " " + kind + " '" + name + "' (a " + t + " value)")
		}
	}
	L.RunError("attempt to " + op + " a " + t + " value")
}

// orderError is luaG_ordererror, with its test of the names' third letters.
func (L *State) orderError(a, b Value) {
	t1, t2 := a.TypeName(), b.TypeName()
	if t1[2] == t2[2] {
		L.RunError("attempt to compare two " + t1 + " values")
	}
	L.RunError("attempt to compare " + t1 + " with " + t2)
}

func luaMod(a, b float64) float64 { return a - math.Floor(a/b)*b }

// luaPow is C's pow as glibc computes it (luanum.Pow), so that NaN signs and last bits match
// lua5.1. x^2 is x*x: the correctly rounded square, with the NaN that glibc's pow returns.
func luaPow(a, b float64) float64 {
	if b == 2 {
		return a * a
	}
	return luanum.Pow(a, b)
}
