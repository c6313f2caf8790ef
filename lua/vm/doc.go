// Package vm is redmoon's Lua 5.1 virtual machine: values, tables, closures, coroutines, the
// interpreter loop, metatables, errors and limits, and the API that Go functions (libraries)
// are written against.
//
// # Values
//
// A Value is 16 bytes and never allocated for nil, booleans and numbers. Build values with Nil,
// True, False, Bool, Number, Int, String, TableValue, FunctionValue and UserdataValue; inspect
// them with Type, IsNil, IsNumber, IsString, Float, Str, AsTable, AsUserdata, Truthy.
// Strings are Go strings (any bytes) shared without copying.
//
// # Writing a Go function
//
// A Go function is func(L *State) int, PUC style: its arguments are the stack of its frame
// (indices 1..L.GetTop(), Get/Arg read them), it pushes its results (Push, PushString, ...)
// and returns how many it pushed. The argument helpers give Lua 5.1's exact messages:
//
//	func insertLike(L *vm.State) int {
//		t := L.CheckTable(1)          // bad argument #1 to 'insert' (table expected, got nil)
//		pos := L.OptInteger(2, t.Len()+1)
//		L.CheckAny(3)                 // bad argument #3 to 'insert' (value expected)
//		t.SetInt(pos, L.Get(3))
//		return 0
//	}
//
// CheckString, CheckNumber, CheckInteger, OptString, OptNumber, CheckType, CheckUserdata,
// ArgCheck, ArgError and TypeError raise argument errors naming the function as its caller
// called it ('insert', 'f', or '?'). Errorf raises an error prefixed with the caller's position
// ("file:line: ") as luaL_error; Error raises any value as lua_error; RunError prefixes the
// running Lua position. Errors are Go panics carrying the value: never recover them in a Go
// function; use PCall, PCallValue or Protect to catch them.
//
// Calling Lua from Go: push the function and its arguments and Call(nargs, nresults) (or
// PCall for protected mode), or use Call1(f, args...) for one result without allocation, or
// CallValue / PCallValue for all results. Index, SetIndex, Arith, Concat, Equal, LessThan and
// Len apply metamethods; Table.Get/Set/GetStr/SetStr/GetInt/SetInt and State.RawSet are raw.
// Tables are created with L.NewTable(narr, nhash) and iterated in next order with Table.Next
// (or ForEach). Userdata come from NewUserdata with a metatable from NewMetatable (a registry
// entry, as luaL_newmetatable); the registry is L.Registry(). Libraries register with
// RegisterLib(name, []Reg), which creates the global table as luaL_register does.
//
// A Go function may yield its coroutine by returning L.Yield(n).
//
// # Example
//
//	L := vm.NewState(vm.Options{})
//	L.Globals().SetStr("double", L.NewFunction("double", func(L *vm.State) int {
//		L.PushNumber(2 * L.CheckNumber(1))
//		return 1
//	}))
//
// # Limits and interrupts
//
// Lua recursion is bounded as in Lua 5.1 ("stack overflow", about 16,000 calls), Go-level
// recursion through metamethods, pcall and Go functions calling Lua by 200 levels ("C stack
// overflow"). The interrupt check runs on calls and backward jumps only: Interrupt (from any
// goroutine) and SetInterruptHandler serve script timeouts and kill requests, and
// Options.InstructionLimit / SetInstructionLimit bound the work (calls plus loop iterations).
// The work limit is not an instruction count: counting every instruction would cost the
// ordinary loop a decrement per instruction, so it counts calls and backward jumps (every loop
// iteration is one), which bounds the instructions of any program by a constant factor. Count
// hooks (debug.sethook(f, "", n)) are exact: while a line or count hook is set the interpreter
// runs a traced copy of its loop that counts every instruction as PUC's luaV_execute does,
// including the instructions of the hook function itself (the count runs down and restarts
// while hooks are disabled, only the hook call is skipped).
// A Go runtime panic inside the VM is turned into a Lua error ("internal error: ...") at the
// protected-call boundary instead of crashing the host.
//
// # Tables
//
// Tables replicate Lua 5.1's ltable.c (array part, node vector, main positions, free pointer,
// rehash sizes and the hash functions), so next/pairs order equals lua5.1's for string, number
// and boolean keys. One known difference: Lua's collector marks the keys of nil-valued entries
// dead, which changes where such a key goes when it is set again after a collection; redmoon
// behaves as if no collection ran, as lua5.1 does with collectgarbage("stop").
//
// Weak tables are a known gap: a metatable's __mode is accepted and returned by getmetatable,
// but the table keeps strong references, so no entry ever disappears, also not after
// collectgarbage("collect"). Programs whose output does not depend on collection timing are
// unaffected; a cache keyed by objects keeps its entries (and their memory) as long as the
// table lives, and a program that counts the entries of a weak table after a collection
// prints more than lua5.1 does. Clearing entries would need Go's weak pointers in table
// nodes, which costs every table a wider node or a check on each access.
//
// NaN signs: when both operands of + or * are NaNs, x86-64 PUC Lua returns the first one (gcc's
// addsd/mulsd keep the destination's NaN). Go may swap the operands of a commutative operation;
// the interpreter loop writes them as R(C) + R(B), which Go compiles with R(B) as the destination,
// so the first operand's NaN wins as in lua5.1 at no cost (the corpus program
// compfix/nan_operands guards this against compiler changes).
package vm
