package vm

// The stack API for Go functions. A Go function sees its arguments as stack indices 1..GetTop();
// negative indices count from the top (-1 is the top value). It pushes its results and returns
// how many it pushed.

// absIndex converts a frame index to an absolute stack index.
func (L *State) absIndex(idx int) int {
	if idx > 0 {
		return L.ci.base + idx - 1
	}
	return L.top + idx
}

// AbsIndex converts a negative index to the equivalent positive one.
func (L *State) AbsIndex(idx int) int {
	if idx > 0 {
		return idx
	}
	return L.top - L.ci.base + idx + 1
}

// GetTop returns the number of values in the frame (the argument count on entry).
func (L *State) GetTop() int { return L.top - L.ci.base }

// SetTop sets the frame's number of values, filling with nil or dropping values.
func (L *State) SetTop(n int) {
	if n >= 0 {
		nt := L.ci.base + n
		L.ensure(nt)
		for L.top < nt {
			L.stack[L.top] = Nil
			L.top++
		}
		L.top = nt
	} else {
		L.top += n + 1
	}
}

// Pop removes n values from the top.
func (L *State) Pop(n int) { L.top -= n }

// Get returns the value at index idx, or nil (none) when idx is beyond the top.
func (L *State) Get(idx int) Value {
	if idx > 0 {
		i := L.ci.base + idx - 1
		if i >= L.top {
			return Nil
		}
		return L.stack[i]
	}
	return L.stack[L.top+idx]
}

// Arg returns argument n (1-based), nil when absent. Same as Get for positive indices.
func (L *State) Arg(n int) Value {
	i := L.ci.base + n - 1
	if i >= L.top {
		return Nil
	}
	return L.stack[i]
}

// IsNone reports whether idx is beyond the top of the frame.
func (L *State) IsNone(idx int) bool { return idx > 0 && L.ci.base+idx-1 >= L.top }

// IsNoneOrNil reports whether idx is absent or nil.
func (L *State) IsNoneOrNil(idx int) bool { return L.Get(idx).IsNil() }

// Set replaces the value at index idx.
func (L *State) Set(idx int, v Value) { L.stack[L.absIndex(idx)] = v }

// Push pushes v.
func (L *State) Push(v Value) {
	if L.top+1 >= len(L.stack) {
		L.growStack(1)
	}
	L.stack[L.top] = v
	L.top++
}

// PushNil pushes nil.
func (L *State) PushNil() { L.Push(Nil) }

// PushNumber pushes a number.
func (L *State) PushNumber(f float64) { L.Push(Number(f)) }

// PushInt pushes an integer as a number.
func (L *State) PushInt(i int) { L.Push(Number(float64(i))) }

// PushString pushes a string.
func (L *State) PushString(s string) { L.Push(String(s)) }

// PushBool pushes a boolean.
func (L *State) PushBool(b bool) { L.Push(Bool(b)) }

// PushTable pushes a table.
func (L *State) PushTable(t *Table) { L.Push(TableValue(t)) }

// PushGoFunction pushes a Go function; its environment is the running function's.
func (L *State) PushGoFunction(f *GoFunction) {
	if f.env == nil {
		f.env = L.currentEnv()
	}
	L.Push(FunctionValue(f))
}

// PushValue pushes a copy of the value at idx.
func (L *State) PushValue(idx int) { L.Push(L.Get(idx)) }

// Insert moves the top value into idx, shifting up the values above.
func (L *State) Insert(idx int) {
	p := L.absIndex(idx)
	v := L.stack[L.top-1]
	copy(L.stack[p+1:L.top], L.stack[p:L.top-1])
	L.stack[p] = v
}

// Remove removes the value at idx, shifting down the values above.
func (L *State) Remove(idx int) {
	p := L.absIndex(idx)
	copy(L.stack[p:], L.stack[p+1:L.top])
	L.top--
}

// Replace pops the top value into idx.
func (L *State) Replace(idx int) {
	p := L.absIndex(idx)
	L.stack[p] = L.stack[L.top-1]
	L.top--
}

// CheckStack ensures room for n more values (luaL_checkstack): past Lua 5.1's limit of 8000
// values per Go function it raises "stack overflow (msg)".
func (L *State) CheckStack(n int, msg string) {
	if !L.GrowStack(n) {
		if msg == "" {
			L.Errorf("stack overflow")
		}
		L.Errorf("stack overflow (%s)", msg)
	}
}

// GrowStack ensures room for n more values (lua_checkstack), false past Lua 5.1's limit.
func (L *State) GrowStack(n int) bool {
	if L.top-L.ci.base+n > MaxCStack {
		return false
	}
	if n > 0 {
		L.ensure(L.top + n)
		if L.ci.top < L.top+n {
			L.ci.top = L.top + n
		}
	}
	return true
}

// currentEnv returns the environment of the running function (globals at the base level).
func (L *State) currentEnv() *Table {
	ci := L.ci
	if ci == &L.baseCI {
		return L.gt
	}
	if ci.cl != nil {
		return ci.cl.env
	}
	if ci.gf != nil && ci.gf.env != nil {
		return ci.gf.env
	}
	return L.gt
}

// Index returns t[k] with metamethods (lua_gettable).
func (L *State) Index(t, k Value) Value { return L.index(t, k, -1) }

// SetIndex performs t[k] = v with metamethods (lua_settable).
func (L *State) SetIndex(t, k, v Value) { L.setIndex(t, k, v, -1) }

// GetGlobal returns the global name (with metamethods of the globals table).
func (L *State) GetGlobal(name string) Value { return L.index(TableValue(L.gt), String(name), -1) }

// SetGlobal sets the global name.
func (L *State) SetGlobal(name string, v Value) { L.setIndex(TableValue(L.gt), String(name), v, -1) }

// RawSet performs t[k] = v without metamethods; a nil or NaN key raises an error.
func (L *State) RawSet(t *Table, k, v Value) {
	if t.readonly {
		L.readonlyError()
	}
	*t.slot(L, k) = v
}

// readonlyError raises Redis's error for a write to a read-only table (luaG_runerror: with the
// position of the running Lua function, none from a Go function).
func (L *State) readonlyError() { L.RunError("Attempt to modify a readonly table") }

// Next is lua_next: the key and value after k in t's iteration order.
func (L *State) Next(t *Table, k Value) (Value, Value, bool) { return t.Next(L, k) }

// Len returns the length of v as # computes it (with __len for userdata).
func (L *State) Len(v Value) Value {
	switch {
	case v.IsTable():
		return Int(v.table().Len())
	case v.IsString():
		return Int(v.strLen())
	}
	return L.objLen(v, -1)
}

// RawLen returns the primitive length: string length, table border, 0 otherwise.
func RawLen(v Value) int {
	switch {
	case v.IsTable():
		return v.table().Len()
	case v.IsString():
		return v.strLen()
	}
	return 0
}

// SetMetatableOf sets the metatable of a table or userdata, or the shared metatable of v's type.
func (L *State) SetMetatableOf(v Value, mt *Table) {
	switch v.Type() {
	case TypeTable:
		v.table().meta = mt
	case TypeUserdata:
		v.udata().meta = mt
	default:
		L.g.mt[v.Type()] = mt
	}
}

// NewUserdata returns a new userdata holding x, with no metatable; its environment is the
// running function's.
func (L *State) NewUserdata(x any) *Userdata {
	return &Userdata{Value: x, env: L.currentEnv()}
}

// ToString converts a string or number to a string (lua_tolstring); ok is false for other types.
func ToString(v Value) (string, bool) {
	if v.IsString() {
		return v.Str(), true
	}
	if v.IsNumber() {
		return FormatNumber(v.Float()), true
	}
	return "", false
}

// CallValue calls f with args and returns its results (all of them). Errors propagate as Lua
// errors.
func (L *State) CallValue(f Value, args ...Value) []Value {
	base := L.top
	L.ensure(base + 1 + len(args))
	L.stack[base] = f
	copy(L.stack[base+1:], args)
	L.top = base + 1 + len(args)
	L.call(base, MultRet)
	res := make([]Value, L.top-base)
	copy(res, L.stack[base:L.top])
	L.top = base
	return res
}

// Call1 calls f with args and returns its first result. It allocates nothing.
func (L *State) Call1(f Value, args ...Value) Value {
	base := L.top
	L.ensure(base + 1 + len(args))
	L.stack[base] = f
	copy(L.stack[base+1:], args)
	L.top = base + 1 + len(args)
	L.call(base, 1)
	r := L.stack[base]
	L.top = base
	return r
}

// GetFenv returns the environment of a function, userdata or thread (lua_getfenv); nil for
// other values.
func (L *State) GetFenv(v Value) *Table {
	switch {
	case v.isLClosure():
		return v.lclosure().env
	case v.isGoFunc():
		if e := v.gofunc().env; e != nil {
			return e
		}
		return L.gt
	case v.AsUserdata() != nil:
		return v.udata().env
	case v.AsThread() != nil:
		return v.AsThread().gt
	}
	return nil
}

// SetFenv sets the environment of a function, userdata or thread (lua_setfenv); it reports
// false for other values.
func (L *State) SetFenv(v Value, t *Table) bool {
	switch {
	case v.isLClosure():
		v.lclosure().env = t
	case v.isGoFunc():
		v.gofunc().env = t
	case v.AsUserdata() != nil:
		v.udata().env = t
	case v.AsThread() != nil:
		v.AsThread().gt = t
	default:
		return false
	}
	return true
}

// FunctionAt returns the function running at a call level (0 = the running Go function, 1 its
// caller, ...), as lua_getstack plus getinfo "f" find it. ok is false when there is no such
// level; the function is nil for a level lost to a tail call.
func (L *State) FunctionAt(level int) (fn Value, ok bool) {
	ci, ok := L.ciAt(level)
	if !ok {
		return Nil, false
	}
	if ci == nil {
		return Nil, true
	}
	return L.stack[ci.fn], true
}

// IsGoFunction reports whether v is a function written in Go.
func IsGoFunction(v Value) bool { return v.isGoFunc() }

// IsLuaFunction reports whether v is a Lua function.
func IsLuaFunction(v Value) bool { return v.isLClosure() }

// LuaProto returns the prototype of a Lua function, or nil.
func LuaProto(v Value) *Proto {
	if v.isLClosure() {
		return v.lclosure().p
	}
	return nil
}

// PCallValue calls f with args in protected mode and returns its results or the error.
func (L *State) PCallValue(f Value, args ...Value) ([]Value, error) {
	base := L.top
	L.ensure(base + 1 + len(args))
	L.stack[base] = f
	copy(L.stack[base+1:], args)
	L.top = base + 1 + len(args)
	ok, ev := L.pcall(base, MultRet, 0)
	if !ok {
		L.top = base
		return nil, &Error{Value: ev}
	}
	res := make([]Value, L.top-base)
	copy(res, L.stack[base:L.top])
	L.top = base
	return res, nil
}

// KeepHandler, as PCallK's errfunc, keeps the message handler in force (as Lua 5.1's protected
// parser does, so that errors raised while loading reach an enclosing xpcall's handler).
const KeepHandler = -1 << 30

// PCallK calls the function below nargs arguments on the stack top in protected mode with a
// message handler at absolute stack slot errfunc of the frame (0 for none); it leaves all
// results (or the error value) in place of the function and returns whether it succeeded.
func (L *State) PCallK(nargs, errfunc int) bool {
	fn := L.top - nargs - 1
	ef := 0
	if errfunc == KeepHandler {
		ef = L.errfunc
	} else if errfunc != 0 {
		ef = L.absIndex(errfunc)
	}
	ok, _ := L.pcall(fn, MultRet, ef)
	if L.ci.top < L.top {
		L.ci.top = L.top
	}
	return ok
}

// GCCount returns the memory in use in Kbytes, as collectgarbage("count") reports it (an
// approximation from the Go runtime's heap statistics).
func (L *State) GCCount() float64 {
	return float64(heapInUse()) / 1024
}

// CCalls returns the number of nested Go-level calls in progress (Lua 5.1's nCcalls), which the
// parser uses to bound syntax nesting as PUC Lua does.
func (L *State) CCalls() int { return L.nCcalls }
