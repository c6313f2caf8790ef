package vm

import (
	"fmt"
	"runtime"
)

// Coroutines are threads with their own stacks, run by the same interpreter loop as their
// resumer (no goroutines). A yield returns from the coroutine's interpreter loop to Resume.

// Yield suspends the running coroutine, passing the top nresults values to the resumer. A Go
// function yields by returning L.Yield(n) as its result count. Yielding is not allowed across
// a Go call boundary (a metamethod, pcall, an iterator, or a Go function calling Lua).
func (L *State) Yield(nresults int) int {
	if L.nCcalls > L.baseCcalls {
		L.RunError("attempt to yield across metamethod/C-call boundary")
	}
	L.pendingYield = nresults
	L.status = statusYield
	return yieldMarker
}

// CoStatus returns co's status as seen from L: "running", "suspended", "normal" or "dead".
func (L *State) CoStatus(co *State) string {
	if L == co {
		return StatusRunning
	}
	switch co.status {
	case statusYield:
		return StatusSuspended
	case statusOK:
		if co.ci != &co.baseCI {
			return StatusNormal
		}
		if co.top == co.baseCI.base {
			return StatusDead
		}
		return StatusSuspended
	}
	return StatusDead
}

// Resume starts or resumes coroutine co with args, from thread L. It returns the values the
// coroutine yielded or returned, or its error (ok false; the error value in vals[0]).
func (L *State) Resume(co *State, args []Value) (vals []Value, ok bool) {
	base := co.top
	co.ensure(base + len(args))
	copy(co.stack[base:], args)
	co.top = base + len(args)
	n, ok := L.resumeN(co, len(args))
	vals = make([]Value, n)
	copy(vals, co.stack[co.top-n:co.top])
	co.top -= n
	return vals, ok
}

// resumeN resumes co whose nargs arguments are on its stack top. It returns how many values
// (results or the error value) are left on co's stack top.
func (L *State) resumeN(co *State, nargs int) (int, bool) {
	if co.status != statusYield && (co.status != statusOK || co.ci != &co.baseCI) {
		return co.pushResumeError("cannot resume non-suspended coroutine")
	}
	if co.status == statusOK && co.top-nargs <= co.baseCI.base {
		return co.pushResumeError("cannot resume dead coroutine")
	}
	co.nCcalls = L.nCcalls
	if co.nCcalls >= MaxCCalls {
		return co.pushResumeError("C stack overflow")
	}
	co.nCcalls++
	co.baseCcalls = co.nCcalls
	first := co.top - nargs
	ok, errv := co.runResume(first)
	co.nCcalls--
	if !ok {
		co.status = statusDead
		co.ensure(co.top + 1)
		co.stack[co.top] = errv
		co.top++
		return 1, false
	}
	if co.status == statusYield {
		return co.pendingYield, true
	}
	// finished: results are from the function slot up
	return co.top - co.baseCI.base, true
}

func (co *State) pushResumeError(msg string) (int, bool) {
	co.ensure(co.top + 1)
	co.stack[co.top] = String(msg)
	co.top++
	return 1, false
}

func (co *State) runResume(first int) (ok bool, errv Value) {
	defer func() {
		if r := recover(); r != nil {
			lp, isLua := r.(*luaPanic)
			if !isLua {
				if re, isRT := r.(runtime.Error); isRT {
					lp = &luaPanic{value: String(fmt.Sprintf("internal error: %v", re))}
				} else if e, isErr := r.(error); isErr && e == errTableOverflow {
					lp = &luaPanic{value: String(co.where(co.ci) + "table overflow")}
				} else {
					panic(r)
				}
			}
			ok, errv = false, lp.value
		}
	}()
	if co.status == statusOK {
		// start: the function is just below the arguments
		fn := first - 1
		f := co.stack[fn]
		if f.isGoFunc() {
			if !co.callGo(fn, MultRet, f.gofunc()) {
				return true, Nil
			}
			return true, Nil
		}
		for !f.IsFunction() {
			co.tryFuncTM(fn)
			f = co.stack[fn]
			if f.isGoFunc() {
				co.callGo(fn, MultRet, f.gofunc())
				return true, Nil
			}
		}
		co.precall(fn, MultRet)
		co.ci.entry = true
		co.execute()
		return true, Nil
	}
	// resuming from a yield: the yielding Go function's frame returns the resume arguments
	co.status = statusOK
	fixed := co.postcall(first)
	if co.ci == &co.baseCI {
		return true, Nil
	}
	if fixed {
		co.top = co.ci.top
	}
	co.execute()
	return true, Nil
}
