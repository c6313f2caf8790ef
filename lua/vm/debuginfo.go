package vm

// Symbolic execution over bytecode to name the variable a register came from, replicating
// ldebug.c's symbexec and getobjname, used by runtime error messages ("attempt to index field
// 'x' (a nil value)") and by argument errors ("bad argument #1 to 'insert'").

// setsA reports whether an opcode writes register A (Lua 5.1's testAMode).
func setsA(op Opcode) bool {
	switch op {
	case OpSetGlobal, OpSetGlobalX, OpSetUpval, OpSetTable, OpSetTableKR, OpSetTableRK, OpSetTableKK, OpSetField, OpSetFieldK,
		OpJmp, OpEq, OpEqRK, OpEqKR, OpEqKK, OpLt, OpLtRK, OpLtKR, OpLtKK, OpLe, OpLeRK, OpLeKR, OpLeKK,
		OpReturn, OpTForLoop, OpSetList, OpClose, OpExtraArg:
		return false
	}
	return true
}

// localName returns the name of the n-th (1-based) active local at pc (luaF_getlocalname).
func localName(p *Proto, n, pc int) string {
	for _, lv := range p.LocVars {
		if lv.StartPC > pc {
			break
		}
		if pc < lv.EndPC {
			n--
			if n == 0 {
				return lv.Name
			}
		}
	}
	return ""
}

// symbexec returns the index of the instruction that last set reg before lastpc, or the final
// instruction when none did.
func symbexec(p *Proto, lastpc, reg int) int {
	code := p.Code
	last := len(code) - 1
	for pc := 0; pc < lastpc; pc++ {
		i := code[pc]
		op := opOf(i)
		a := argA(i)
		if setsA(op) && a == reg {
			last = pc
		}
		switch op {
		case OpLoadNil:
			if a <= reg && reg <= argB(i) {
				last = pc
			}
		case OpSelf, OpSelfK:
			if reg == a+1 {
				last = pc
			}
		case OpTForLoop:
			if reg >= a+2 {
				last = pc
			}
		case OpForLoop, OpForPrep:
			dest := pc + 1 + argSBx(i)
			if pc < dest && dest <= lastpc {
				pc += argSBx(i)
			}
		case OpJmp:
			dest := pc + 1 + argSJ(i)
			if pc < dest && dest <= lastpc {
				pc += argSJ(i)
			}
		case OpCall, OpTailCall:
			if reg >= a {
				last = pc
			}
		case OpSetList:
			if argC(i) == 0 {
				pc++
			}
		case OpLoadKX, OpGetGlobalX, OpSetGlobalX:
			pc++
		case OpClosure:
			pc += p.Protos[argBx(i)].NumUpvalues
		case OpClosureX:
			pc += 1 + p.Protos[argAx(p.Code[pc+1])].NumUpvalues
		}
	}
	return last
}

// getObjName names the value in register reg of a Lua frame: ("local", name), ("global", name),
// ("field", name), ("upvalue", name), ("method", name), or ("", "").
func getObjName(ci *callInfo, reg int) (kind, name string) {
	if ci.cl == nil {
		return "", ""
	}
	p := ci.cl.p
	pc := ci.currentPC()
	if name := localName(p, reg+1, pc); name != "" {
		return "local", name
	}
	return objNameAt(p, pc, reg)
}

func objNameAt(p *Proto, pc, reg int) (kind, name string) {
	if name := localName(p, reg+1, pc); name != "" {
		return "local", name
	}
	at := symbexec(p, pc, reg)
	i := p.Code[at]
	switch opOf(i) {
	case OpGetGlobal:
		return "global", p.Constants[argBx(i)].Str()
	case OpGetGlobalX:
		return "global", p.Constants[argAx(p.Code[at+1])].Str()
	case OpMove:
		if b, a := argB(i), argA(i); b < a {
			return objNameAt(p, pc, b)
		}
	case OpGetTable:
		return "field", "?"
	case OpGetTableK, OpGetField:
		return "field", kname(p, argC(i))
	case OpGetUpval:
		if b := argB(i); b < len(p.Upvalues) {
			return "upvalue", p.Upvalues[b]
		}
		return "upvalue", "?"
	case OpSelf:
		return "method", "?"
	case OpSelfK:
		return "method", kname(p, argC(i))
	}
	return "", ""
}

func kname(p *Proto, k int) string {
	if k < len(p.Constants) && p.Constants[k].IsString() {
		return p.Constants[k].Str()
	}
	return "?"
}

// funcName is getfuncname: how the function running in ci was called, from the calling
// instruction of its caller.
func (L *State) funcName(ci *callInfo) (kind, name string) {
	if (ci.cl != nil && ci.tailcalls > 0) || ci.prev == nil || ci.prev.cl == nil {
		return "", ""
	}
	caller := ci.prev
	pc := caller.currentPC()
	if pc < 0 || pc >= len(caller.cl.p.Code) {
		return "", ""
	}
	i := caller.cl.p.Code[pc]
	switch opOf(i) {
	case OpCall, OpTailCall, OpTForLoop:
		return getObjName(caller, argA(i))
	}
	return "", ""
}
