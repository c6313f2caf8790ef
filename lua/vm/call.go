package vm

import (
	"fmt"
	"runtime"
	"unsafe"
)

// precall starts a call of the function at stack index fn, with arguments up to L.top. A Lua
// function gets a new frame and precall returns true (the caller runs it); a Go function runs to
// completion (results moved to fn...) and precall returns false.
func (L *State) precall(fn, nresults int) bool {
	f := L.stack[fn]
	if f.isLClosure() {
		cl := f.lclosure()
		p := cl.p
		var base int
		if p.IsVararg == 0 {
			base = fn + 1
			if L.top > base+p.NumParams {
				L.top = base + p.NumParams
			}
			L.ensure(base + p.MaxStack)
		} else {
			L.ensure(L.top + p.MaxStack + p.NumParams)
			base = L.adjustVarargs(p, L.top-fn-1)
		}
		ci := L.pushCI()
		ci.fn = fn
		ci.base = base
		ci.top = base + p.MaxStack
		ci.savedpc = 0
		ci.nresults = nresults
		ci.cl = cl
		ci.gf = nil
		clearValues(L.stack[L.top:ci.top])
		L.top = ci.top
		if L.hookMask&HookCall != 0 {
			L.callHook(HookEventCall)
		}
		return true
	}
	if f.isGoFunc() {
		L.callGo(fn, nresults, f.gofunc())
		return false
	}
	L.tryFuncTM(fn)
	return L.precall(fn, nresults)
}

// tryFuncTM replaces a non-function callee with its __call metamethod (the original value
// becomes the first argument).
func (L *State) tryFuncTM(fn int) {
	f := L.stack[fn]
	tm := L.tmByObj(f, tmCall)
	if !tm.IsFunction() {
		reg := -1
		if L.ci.cl != nil {
			reg = fn - L.ci.base
		}
		L.typeError(f, reg, "call")
	}
	L.ensure(L.top + 1)
	copy(L.stack[fn+1:L.top+1], L.stack[fn:L.top])
	L.top++
	L.stack[fn] = tm
}

func (L *State) adjustVarargs(p *Proto, actual int) int {
	nfix := p.NumParams
	for ; actual < nfix; actual++ {
		L.stack[L.top] = Nil
		L.top++
	}
	var htab *Table
	if p.IsVararg&VarargNeedsArg != 0 {
		nvar := actual - nfix
		htab = newTable(nvar, 1, L.g.redisHash)
		for i := 0; i < nvar; i++ {
			*htab.slotInt(L, i+1) = L.stack[L.top-nvar+i]
		}
		htab.SetStr("n", Int(nvar))
	}
	fixed := L.top - actual
	base := L.top
	for i := 0; i < nfix; i++ {
		L.stack[L.top] = L.stack[fixed+i]
		L.stack[fixed+i] = Nil
		L.top++
	}
	if htab != nil {
		L.stack[L.top] = TableValue(htab)
		L.top++
	}
	return base
}

// yieldMarker is what a Go function returns (through L.Yield) to yield.
const yieldMarker = -1

// callGo runs a Go function whose arguments are above fn. It returns false if the function
// yielded (its frame is then left in place until the coroutine resumes).
func (L *State) callGo(fn, nresults int, gf *GoFunction) bool {
	ci := L.pushCI()
	ci.fn = fn
	ci.base = fn + 1
	ci.top = L.top + MinStack
	ci.nresults = nresults
	ci.cl = nil
	ci.gf = gf
	ci.savedpc = 0
	L.ensure(ci.top)
	if L.hookMask&HookCall != 0 {
		L.callHook(HookEventCall)
	}
	n := gf.Fn(L)
	if n < 0 {
		return false
	}
	L.postcall(L.top - n)
	return true
}

// postcall moves the results starting at stack index first to the called function's slot, pads or
// truncates them to the wanted count, and pops the frame. It returns true when the wanted count
// was fixed (the caller then restores its frame top).
func (L *State) postcall(first int) bool {
	ci := L.ci
	if L.hookMask&HookReturn != 0 {
		first = L.retHook(first)
	}
	res := ci.fn
	wanted := ci.nresults
	L.ci = ci.prev
	L.nci--
	i := wanted
	if i < 0 {
		n := moveDown(L.stack[res:], L.stack[first:L.top])
		L.top = res + n
		return false
	}
	for ; i != 0 && first < L.top; i-- {
		L.stack[res] = L.stack[first]
		res++
		first++
	}
	for ; i > 0; i-- {
		L.stack[res] = Nil
		res++
	}
	L.top = res
	return true
}

// call calls the function at stack index fn (arguments up to L.top) from Go: luaD_call, with the
// C stack limit.
func (L *State) call(fn, nresults int) {
	L.nCcalls++
	if L.nCcalls >= MaxCCalls {
		if L.nCcalls == MaxCCalls {
			L.RunError("C stack overflow")
		} else if L.nCcalls >= MaxCCalls+MaxCCalls>>3 {
			L.throwStatus(errErr)
		}
	}
	if L.precall(fn, nresults) {
		L.ci.entry = true
		L.execute()
	}
	L.nCcalls--
}

// Call calls a function: the function and nargs arguments are on the top of the stack (pushed in
// that order); they are replaced by nresults results (all of them if nresults is MultRet).
// Errors propagate (as with lua_call).
func (L *State) Call(nargs, nresults int) {
	fn := L.top - nargs - 1
	L.call(fn, nresults)
	if nresults == MultRet && L.ci.top < L.top {
		L.ci.top = L.top
	}
}

// savedState is what a protected call restores on error.
type savedState struct {
	ci        *callInfo
	nci       int
	top       int
	nCcalls   int
	errfunc   int
	allowHook bool
}

// PCall calls a function like Call in protected mode: an error returns as *Error (the stack
// then holds the error value in place of the function and its arguments, as lua_pcall leaves it).
// errfunc is the stack index (absolute within this frame, 1-based) of a message handler, or 0.
func (L *State) PCall(nargs, nresults, errfunc int) (err error) {
	fn := L.top - nargs - 1
	ef := 0
	if errfunc != 0 {
		ef = L.absIndex(errfunc)
	}
	status, v := L.pcall(fn, nresults, ef)
	if status {
		if nresults == MultRet && L.ci.top < L.top {
			L.ci.top = L.top
		}
		return nil
	}
	return &Error{Value: v}
}

// pcall runs the function at stack index fn in protected mode; on error it returns false and the
// error value, with the stack cut back to fn and the error value stored at fn (top = fn+1).
func (L *State) pcall(fn, nresults, errfunc int) (ok bool, errv Value) {
	saved := savedState{ci: L.ci, nci: L.nci, top: fn, nCcalls: L.nCcalls, errfunc: L.errfunc, allowHook: L.allowHook}
	L.errfunc = errfunc
	ok, errv = L.protectedCall(fn, nresults, &saved)
	L.errfunc = saved.errfunc
	return ok, errv
}

func (L *State) protectedCall(fn, nresults int, saved *savedState) (ok bool, errv Value) {
	defer func() {
		if r := recover(); r != nil {
			lp, isLua := r.(*luaPanic)
			if !isLua {
				if re, isRT := r.(runtime.Error); isRT {
					// A Go runtime error inside a library or the VM: report it as a Lua error
					// naming the bug, rather than crashing the host.
					lp = &luaPanic{value: String(fmt.Sprintf("internal error: %v", re))}
				} else if e, isErr := r.(error); isErr && e == errTableOverflow {
					lp = &luaPanic{value: String(L.where(L.ci) + "table overflow")}
				} else {
					panic(r)
				}
			}
			L.closeUpvals(saved.top)
			L.ci = saved.ci
			L.nci = saved.nci
			L.nCcalls = saved.nCcalls
			L.allowHook = saved.allowHook
			L.ensure(saved.top + 1)
			L.stack[saved.top] = lp.value
			L.top = saved.top + 1
			L.restoreStackLimit()
			ok, errv = false, lp.value
		}
	}()
	L.call(fn, nresults)
	return true, Nil
}

// findUpval returns the open upvalue for stack index idx, creating it (luaF_findupval). Open
// upvalues are ordered by stack address, highest first, as in PUC.
func (L *State) findUpval(idx int) *Upval { return L.findUpvalIn(idx, nil) }

// findUpvalIn is findUpval that, when no open upvalue refers to idx yet, opens fresh (if not
// nil) instead of allocating one.
func (L *State) findUpvalIn(idx int, fresh *Upval) *Upval {
	var prev *Upval
	uv := L.openupval
	slot := &L.stack[idx]
	for uv != nil && uintptr(unsafe.Pointer(uv.v)) >= uintptr(unsafe.Pointer(slot)) {
		if uv.v == slot {
			return uv
		}
		prev = uv
		uv = uv.next
	}
	nu := fresh
	if nu == nil {
		nu = new(Upval)
	}
	nu.v, nu.next = slot, uv
	if prev == nil {
		L.openupval = nu
	} else {
		prev.next = nu
	}
	return nu
}

// closeUpvals closes the open upvalues at or above stack index level (luaF_close).
func (L *State) closeUpvals(level int) {
	if level >= len(L.stack) {
		return
	}
	lim := uintptr(unsafe.Pointer(&L.stack[level]))
	for uv := L.openupval; uv != nil && uintptr(unsafe.Pointer(uv.v)) >= lim; uv = L.openupval {
		uv.closed = *uv.v
		uv.v = &uv.closed
		L.openupval = uv.next
		uv.next = nil
	}
}

// hasOpenUpvals reports whether an open upvalue refers to stack index level or above.
func (L *State) hasOpenUpvals(level int) bool {
	uv := L.openupval
	return uv != nil && uintptr(unsafe.Pointer(uv.v)) >= uintptr(unsafe.Pointer(&L.stack[level]))
}

// Protect runs f in protected mode in the current frame (no new call record), keeping the
// message handler in force, as Lua 5.1's protected parser runs a chunk reader. A Lua error
// raised by f is returned with ok false; the stack is cut back to its height at the call.
func (L *State) Protect(f func()) (errv Value, ok bool) {
	saved := savedState{ci: L.ci, nci: L.nci, top: L.top, nCcalls: L.nCcalls, errfunc: L.errfunc, allowHook: L.allowHook}
	defer func() {
		if r := recover(); r != nil {
			lp, isLua := r.(*luaPanic)
			if !isLua {
				panic(r)
			}
			L.closeUpvals(saved.top)
			L.ci = saved.ci
			L.nci = saved.nci
			L.nCcalls = saved.nCcalls
			L.allowHook = saved.allowHook
			L.errfunc = saved.errfunc
			L.top = saved.top
			L.restoreStackLimit()
			errv, ok = lp.value, false
		}
	}()
	f()
	return Nil, true
}
