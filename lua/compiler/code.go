package compiler

import (
	"math"

	"github.com/redmoon-dev/redmoon/lua/internal/luanum"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// This file follows Lua 5.1's lcode.c: expression descriptors, jump lists, register allocation
// and instruction emission. Instructions are built with Lua 5.1's opcodes (lop) and RK operands,
// and translated on emission into the VM's split opcodes.

type expKind int

const (
	vVOID expKind = iota
	vNIL
	vTRUE
	vFALSE
	vK
	vKNUM
	vLOCAL
	vUPVAL
	vGLOBAL
	vINDEXED
	vJMP
	vRELOCABLE
	vNONRELOC
	vCALL
	vVARARG
)

type expdesc struct {
	k         expKind
	info, aux int
	nval      float64
	t, f      int
}

const (
	noJump      = -1
	noReg       = vm.NoReg
	bitRK       = 256
	maxIndexRK  = bitRK - 1
	maxStack    = 250 // MAXSTACK
	maxVars     = 200 // LUAI_MAXVARS
	maxUpvalues = 60  // LUAI_MAXUPVALUES
	// Vector limits of PUC's luaM_growvector while parsing: constants and nested functions
	// (MAXARG_Bx), local variable declarations per function (SHRT_MAX).
	maxConstants = 1<<18 - 1
	maxLocVars   = 1<<15 - 1
)

func isK(x int) bool           { return x&bitRK != 0 }
func rkAsK(x int) int          { return x | bitRK }
func hasJumps(e *expdesc) bool { return e.t != e.f }
func isNumeral(e *expdesc) bool {
	return e.k == vKNUM && e.t == noJump && e.f == noJump
}
func hasMultRet(k expKind) bool { return k == vCALL || k == vVARARG }

// lop is a Lua 5.1 opcode: the compiler reasons in these and emit translates them.
type lop int

const (
	lMOVE lop = iota
	lLOADK
	lLOADBOOL
	lLOADNIL
	lGETUPVAL
	lGETGLOBAL
	lGETTABLE
	lSETGLOBAL
	lSETUPVAL
	lSETTABLE
	lNEWTABLE
	lSELF
	lADD
	lSUB
	lMUL
	lDIV
	lMOD
	lPOW
	lUNM
	lNOT
	lLEN
	lCONCAT
	lJMP
	lEQ
	lLT
	lLE
	lTEST
	lTESTSET
	lCALL
	lTAILCALL
	lRETURN
	lFORLOOP
	lFORPREP
	lTFORLOOP
	lSETLIST
	lCLOSE
	lCLOSURE
	lVARARG
)

var arithBase = map[lop]vm.Opcode{lADD: vm.OpAdd, lSUB: vm.OpSub, lMUL: vm.OpMul, lDIV: vm.OpDiv,
	lMOD: vm.OpMod, lPOW: vm.OpPow, lEQ: vm.OpEq, lLT: vm.OpLt, lLE: vm.OpLe}

// isTestOp reports whether the VM instruction is a test followed by a jump (testTMode).
func isTestOp(op vm.Opcode) bool {
	switch {
	case op >= vm.OpEq && op <= vm.OpLeKK:
		return true
	case op == vm.OpTest, op == vm.OpTestSet, op == vm.OpTForLoop:
		return true
	}
	return false
}

func (fs *funcState) getcode(e *expdesc) *uint32 { return &fs.f.Code[e.info] }

// code appends an instruction with the current line.
func (fs *funcState) code(i uint32) int {
	fs.dischargeJPC()
	fs.f.Code = append(fs.f.Code, i)
	fs.f.LineInfo = append(fs.f.LineInfo, int32(fs.c.lastline))
	return len(fs.f.Code) - 1
}

func (fs *funcState) pc() int { return len(fs.f.Code) }

// codeABC emits a Lua 5.1 instruction, translating RK operands into opcode variants.
func (fs *funcState) codeABC(op lop, a, b, c int) int {
	switch op {
	case lMOVE:
		return fs.code(vm.ABC(vm.OpMove, a, b, 0))
	case lLOADBOOL:
		return fs.code(vm.ABC(vm.OpLoadBool, a, b, c))
	case lLOADNIL:
		return fs.code(vm.ABC(vm.OpLoadNil, a, b, 0))
	case lGETUPVAL:
		return fs.code(vm.ABC(vm.OpGetUpval, a, b, 0))
	case lSETUPVAL:
		return fs.code(vm.ABC(vm.OpSetUpval, a, b, 0))
	case lGETTABLE:
		if isK(c) {
			k := c &^ bitRK
			if fs.f.Constants[k].IsString() {
				return fs.code(vm.ABC(vm.OpGetField, a, b, k))
			}
			return fs.code(vm.ABC(vm.OpGetTableK, a, b, k))
		}
		return fs.code(vm.ABC(vm.OpGetTable, a, b, c))
	case lSETTABLE:
		switch {
		case isK(b) && fs.f.Constants[b&^bitRK].IsString():
			if isK(c) {
				return fs.code(vm.ABC(vm.OpSetFieldK, a, b&^bitRK, c&^bitRK))
			}
			return fs.code(vm.ABC(vm.OpSetField, a, b&^bitRK, c))
		case isK(b) && isK(c):
			return fs.code(vm.ABC(vm.OpSetTableKK, a, b&^bitRK, c&^bitRK))
		case isK(b):
			return fs.code(vm.ABC(vm.OpSetTableKR, a, b&^bitRK, c))
		case isK(c):
			return fs.code(vm.ABC(vm.OpSetTableRK, a, b, c&^bitRK))
		}
		return fs.code(vm.ABC(vm.OpSetTable, a, b, c))
	case lNEWTABLE:
		return fs.code(vm.ABC(vm.OpNewTable, a, b, c))
	case lSELF:
		if isK(c) {
			return fs.code(vm.ABC(vm.OpSelfK, a, b, c&^bitRK))
		}
		return fs.code(vm.ABC(vm.OpSelf, a, b, c))
	case lADD, lSUB, lMUL, lDIV, lMOD, lPOW, lEQ, lLT, lLE:
		v := arithBase[op]
		if isK(b) {
			v += 2
		}
		if isK(c) {
			v++
		}
		return fs.code(vm.ABC(v, a, b&^bitRK, c&^bitRK))
	case lUNM:
		return fs.code(vm.ABC(vm.OpUnm, a, b, 0))
	case lNOT:
		return fs.code(vm.ABC(vm.OpNot, a, b, 0))
	case lLEN:
		return fs.code(vm.ABC(vm.OpLen, a, b, 0))
	case lCONCAT:
		return fs.code(vm.ABC(vm.OpConcat, a, b, c))
	case lTEST:
		return fs.code(vm.ABC(vm.OpTest, a, 0, c))
	case lTESTSET:
		return fs.code(vm.ABC(vm.OpTestSet, a, b, c))
	case lCALL:
		return fs.code(vm.ABC(vm.OpCall, a, b, c))
	case lTAILCALL:
		return fs.code(vm.ABC(vm.OpTailCall, a, b, c))
	case lRETURN:
		return fs.code(vm.ABC(vm.OpReturn, a, b, 0))
	case lTFORLOOP:
		return fs.code(vm.ABC(vm.OpTForLoop, a, 0, c))
	case lSETLIST:
		return fs.code(vm.ABC(vm.OpSetList, a, b, c))
	case lCLOSE:
		return fs.code(vm.ABC(vm.OpClose, a, 0, 0))
	case lVARARG:
		return fs.code(vm.ABC(vm.OpVararg, a, b, 0))
	}
	panic("codeABC: bad opcode")
}

func (fs *funcState) codeABx(op lop, a, bx int) int {
	switch op {
	case lLOADK:
		if bx > vm.MaxBx {
			return fs.codeX(vm.OpLoadKX, a, bx)
		}
		return fs.code(vm.ABx(vm.OpLoadK, a, bx))
	case lGETGLOBAL, lSETGLOBAL:
		o, ox := vm.OpGetGlobal, vm.OpGetGlobalX
		if op == lSETGLOBAL {
			o, ox = vm.OpSetGlobal, vm.OpSetGlobalX
		}
		if bx > vm.MaxBx {
			return fs.codeX(ox, a, bx)
		}
		return fs.code(vm.ABx(o, a, bx))
	case lCLOSURE:
		if bx > vm.MaxBx {
			return fs.codeX(vm.OpClosureX, a, bx)
		}
		return fs.code(vm.ABx(vm.OpClosure, a, bx))
	}
	panic("codeABx: bad opcode")
}

// codeX emits the long form of an instruction whose constant or prototype index does not fit
// our 16-bit Bx (PUC's has 18 bits): the opcode with A, then an EXTRAARG word holding the
// index, a word PUC does not have.
func (fs *funcState) codeX(op vm.Opcode, a, bx int) int {
	pc := fs.code(vm.ABx(op, a, 0))
	fs.addExtra(fs.pc())
	fs.code(vm.Ax(vm.OpExtraArg, bx))
	return pc
}

func (fs *funcState) codeAsBx(op lop, a, sbx int) int {
	switch op {
	case lJMP:
		return fs.code(vm.SJ(vm.OpJmp, sbx))
	case lFORPREP:
		return fs.code(vm.AsBx(vm.OpForPrep, a, sbx))
	case lFORLOOP:
		return fs.code(vm.AsBx(vm.OpForLoop, a, sbx))
	}
	panic("codeAsBx: bad opcode")
}

func (fs *funcState) fixLine(line int) { fs.f.LineInfo[len(fs.f.LineInfo)-1] = int32(line) }

func (fs *funcState) nilK(from, n int) {
	if fs.pc() > fs.lasttarget {
		if fs.pc() == 0 {
			if from >= fs.nactvar {
				return
			}
		} else {
			prev := &fs.f.Code[fs.pc()-1]
			if vm.OpOf(*prev) == vm.OpLoadNil {
				pfrom, pto := vm.ArgA(*prev), vm.ArgB(*prev)
				if pfrom <= from && from <= pto+1 {
					if from+n-1 > pto {
						*prev = vm.SetArgB(*prev, from+n-1)
					}
					return
				}
			}
		}
	}
	fs.codeABC(lLOADNIL, from, from+n-1, 0)
}

func (fs *funcState) jump() int {
	jpc := fs.jpc
	fs.jpc = noJump
	j := fs.codeAsBx(lJMP, 0, noJump)
	fs.concat(&j, jpc)
	return j
}

func (fs *funcState) ret(first, nret int) { fs.codeABC(lRETURN, first, nret+1, 0) }

func (fs *funcState) condJump(op lop, a, b, c int) int {
	fs.codeABC(op, a, b, c)
	return fs.jump()
}

func (fs *funcState) fixJump(pc, dest int) {
	i := &fs.f.Code[pc]
	offset := dest - (pc + 1)
	if d := fs.pucDist(pc+1, dest); d > pucMaxSBx || d < -pucMaxSBx {
		fs.c.nearError("control structure too long")
	}
	if vm.OpOf(*i) != vm.OpJmp {
		panic("compiler: fixJump of a non-jump") // numeric for loops are fixed by numForEnd
	}
	*i = vm.SetArgSJ(*i, offset)
}

func (fs *funcState) getLabel() int {
	fs.lasttarget = fs.pc()
	return fs.pc()
}

func (fs *funcState) getJump(pc int) int {
	offset := vm.ArgSJ(fs.f.Code[pc])
	if offset == noJump {
		return noJump
	}
	return pc + 1 + offset
}

func (fs *funcState) getJumpControl(pc int) *uint32 {
	if pc >= 1 && isTestOp(vm.OpOf(fs.f.Code[pc-1])) {
		return &fs.f.Code[pc-1]
	}
	return &fs.f.Code[pc]
}

func (fs *funcState) needValue(list int) bool {
	for ; list != noJump; list = fs.getJump(list) {
		if vm.OpOf(*fs.getJumpControl(list)) != vm.OpTestSet {
			return true
		}
	}
	return false
}

func (fs *funcState) patchTestReg(node, reg int) bool {
	i := fs.getJumpControl(node)
	if vm.OpOf(*i) != vm.OpTestSet {
		return false
	}
	if reg != noReg && reg != vm.ArgB(*i) {
		*i = vm.SetArgA(*i, reg)
	} else {
		*i = vm.ABC(vm.OpTest, vm.ArgB(*i), 0, vm.ArgC(*i))
	}
	return true
}

func (fs *funcState) removeValues(list int) {
	for ; list != noJump; list = fs.getJump(list) {
		fs.patchTestReg(list, noReg)
	}
}

func (fs *funcState) patchListAux(list, vtarget, reg, dtarget int) {
	for list != noJump {
		next := fs.getJump(list)
		if fs.patchTestReg(list, reg) {
			fs.fixJump(list, vtarget)
		} else {
			fs.fixJump(list, dtarget)
		}
		list = next
	}
}

func (fs *funcState) dischargeJPC() {
	fs.patchListAux(fs.jpc, fs.pc(), noReg, fs.pc())
	fs.jpc = noJump
}

func (fs *funcState) patchList(list, target int) {
	if target == fs.pc() {
		fs.patchToHere(list)
	} else {
		fs.patchListAux(list, target, noReg, target)
	}
}

func (fs *funcState) patchToHere(list int) {
	fs.getLabel()
	fs.concat(&fs.jpc, list)
}

func (fs *funcState) concat(l1 *int, l2 int) {
	if l2 == noJump {
		return
	}
	if *l1 == noJump {
		*l1 = l2
		return
	}
	list := *l1
	for {
		next := fs.getJump(list)
		if next == noJump {
			break
		}
		list = next
	}
	fs.fixJump(list, l2)
}

func (fs *funcState) checkStack(n int) {
	newstack := fs.freereg + n
	if newstack > fs.f.MaxStack {
		if newstack >= maxStack {
			fs.c.nearError("function or expression too complex")
		}
		fs.f.MaxStack = newstack
	}
}

func (fs *funcState) reserveRegs(n int) {
	fs.checkStack(n)
	fs.freereg += n
}

func (fs *funcState) freeReg(reg int) {
	if !isK(reg) && reg >= fs.nactvar {
		fs.freereg--
	}
}

func (fs *funcState) freeExp(e *expdesc) {
	if e.k == vNONRELOC {
		fs.freeReg(e.info)
	}
}

type constKey struct {
	kind byte // 's' string, 'n' number, 'b' boolean, '0' nil
	s    string
	n    float64
}

func (fs *funcState) addK(key constKey, v vm.Value) int {
	if i, ok := fs.h[key]; ok {
		return i
	}
	i := fs.newK(v)
	fs.h[key] = i
	return i
}

// newK appends a constant; PUC's constant table holds at most MAXARG_Bx (262143) of them.
func (fs *funcState) newK(v vm.Value) int {
	if len(fs.f.Constants) >= maxConstants {
		fs.c.runError("constant table overflow")
	}
	fs.f.Constants = append(fs.f.Constants, v)
	return len(fs.f.Constants) - 1
}

func (fs *funcState) stringK(s string) int {
	return fs.addK(constKey{kind: 's', s: s}, vm.String(s))
}

func (fs *funcState) numberK(r float64) int {
	if r != r {
		// NaN is never equal to itself: each one is a new constant.
		return fs.newK(vm.Number(r))
	}
	return fs.addK(constKey{kind: 'n', n: r}, vm.Number(r))
}

func (fs *funcState) boolK(b bool) int {
	n := 0.0
	if b {
		n = 1
	}
	return fs.addK(constKey{kind: 'b', n: n}, vm.Bool(b))
}

func (fs *funcState) nilConstK() int { return fs.addK(constKey{kind: '0'}, vm.Nil) }

func (fs *funcState) setReturns(e *expdesc, nresults int) {
	if e.k == vCALL {
		*fs.getcode(e) = vm.SetArgC(*fs.getcode(e), nresults+1)
	} else if e.k == vVARARG {
		*fs.getcode(e) = vm.SetArgB(*fs.getcode(e), nresults+1)
		*fs.getcode(e) = vm.SetArgA(*fs.getcode(e), fs.freereg)
		fs.reserveRegs(1)
	}
}

func (fs *funcState) setMultRet(e *expdesc) { fs.setReturns(e, vm.MultRet) }

func (fs *funcState) setOneRet(e *expdesc) {
	if e.k == vCALL {
		e.k = vNONRELOC
		e.info = vm.ArgA(*fs.getcode(e))
	} else if e.k == vVARARG {
		*fs.getcode(e) = vm.SetArgB(*fs.getcode(e), 2)
		e.k = vRELOCABLE
	}
}

func (fs *funcState) dischargeVars(e *expdesc) {
	switch e.k {
	case vLOCAL:
		e.k = vNONRELOC
	case vUPVAL:
		e.info = fs.codeABC(lGETUPVAL, 0, e.info, 0)
		e.k = vRELOCABLE
	case vGLOBAL:
		e.info = fs.codeABx(lGETGLOBAL, 0, e.info)
		e.k = vRELOCABLE
	case vINDEXED:
		fs.freeReg(e.aux)
		fs.freeReg(e.info)
		e.info = fs.codeABC(lGETTABLE, 0, e.info, e.aux)
		e.k = vRELOCABLE
	case vVARARG, vCALL:
		fs.setOneRet(e)
	}
}

func (fs *funcState) codeLabel(a, b, jump int) int {
	fs.getLabel()
	return fs.codeABC(lLOADBOOL, a, b, jump)
}

func (fs *funcState) discharge2Reg(e *expdesc, reg int) {
	fs.dischargeVars(e)
	switch e.k {
	case vNIL:
		fs.nilK(reg, 1)
	case vFALSE, vTRUE:
		b := 0
		if e.k == vTRUE {
			b = 1
		}
		fs.codeABC(lLOADBOOL, reg, b, 0)
	case vK:
		fs.codeABx(lLOADK, reg, e.info)
	case vKNUM:
		fs.codeABx(lLOADK, reg, fs.numberK(e.nval))
	case vRELOCABLE:
		pc := fs.getcode(e)
		*pc = vm.SetArgA(*pc, reg)
	case vNONRELOC:
		if reg != e.info {
			fs.codeABC(lMOVE, reg, e.info, 0)
		}
	default:
		return
	}
	e.info = reg
	e.k = vNONRELOC
}

func (fs *funcState) discharge2AnyReg(e *expdesc) {
	if e.k != vNONRELOC {
		fs.reserveRegs(1)
		fs.discharge2Reg(e, fs.freereg-1)
	}
}

func (fs *funcState) exp2Reg(e *expdesc, reg int) {
	fs.discharge2Reg(e, reg)
	if e.k == vJMP {
		fs.concat(&e.t, e.info)
	}
	if hasJumps(e) {
		pf, pt := noJump, noJump
		if fs.needValue(e.t) || fs.needValue(e.f) {
			fj := noJump
			if e.k != vJMP {
				fj = fs.jump()
			}
			pf = fs.codeLabel(reg, 0, 1)
			pt = fs.codeLabel(reg, 1, 0)
			fs.patchToHere(fj)
		}
		final := fs.getLabel()
		fs.patchListAux(e.f, final, reg, pf)
		fs.patchListAux(e.t, final, reg, pt)
	}
	e.f, e.t = noJump, noJump
	e.info = reg
	e.k = vNONRELOC
}

func (fs *funcState) exp2NextReg(e *expdesc) {
	fs.dischargeVars(e)
	fs.freeExp(e)
	fs.reserveRegs(1)
	fs.exp2Reg(e, fs.freereg-1)
}

func (fs *funcState) exp2AnyReg(e *expdesc) int {
	fs.dischargeVars(e)
	if e.k == vNONRELOC {
		if !hasJumps(e) {
			return e.info
		}
		if e.info >= fs.nactvar {
			fs.exp2Reg(e, e.info)
			return e.info
		}
	}
	fs.exp2NextReg(e)
	return e.info
}

func (fs *funcState) exp2Val(e *expdesc) {
	if hasJumps(e) {
		fs.exp2AnyReg(e)
	} else {
		fs.dischargeVars(e)
	}
}

func (fs *funcState) exp2RK(e *expdesc) int {
	fs.exp2Val(e)
	switch e.k {
	case vKNUM, vTRUE, vFALSE, vNIL:
		if len(fs.f.Constants) <= maxIndexRK {
			switch e.k {
			case vNIL:
				e.info = fs.nilConstK()
			case vKNUM:
				e.info = fs.numberK(e.nval)
			default:
				e.info = fs.boolK(e.k == vTRUE)
			}
			e.k = vK
			return rkAsK(e.info)
		}
	case vK:
		if e.info <= maxIndexRK {
			return rkAsK(e.info)
		}
	}
	return fs.exp2AnyReg(e)
}

func (fs *funcState) storeVar(v, ex *expdesc) {
	switch v.k {
	case vLOCAL:
		fs.freeExp(ex)
		fs.exp2Reg(ex, v.info)
		return
	case vUPVAL:
		e := fs.exp2AnyReg(ex)
		fs.codeABC(lSETUPVAL, e, v.info, 0)
	case vGLOBAL:
		e := fs.exp2AnyReg(ex)
		fs.codeABx(lSETGLOBAL, e, v.info)
	case vINDEXED:
		e := fs.exp2RK(ex)
		fs.codeABC(lSETTABLE, v.info, v.aux, e)
	}
	fs.freeExp(ex)
}

func (fs *funcState) self(e, key *expdesc) {
	fs.exp2AnyReg(e)
	fs.freeExp(e)
	fn := fs.freereg
	fs.reserveRegs(2)
	fs.codeABC(lSELF, fn, e.info, fs.exp2RK(key))
	fs.freeExp(key)
	e.info = fn
	e.k = vNONRELOC
}

func (fs *funcState) invertJump(e *expdesc) {
	pc := fs.getJumpControl(e.info)
	a := 0
	if vm.ArgA(*pc) == 0 {
		a = 1
	}
	*pc = vm.SetArgA(*pc, a)
}

func (fs *funcState) jumpOnCond(e *expdesc, cond int) int {
	if e.k == vRELOCABLE {
		ie := *fs.getcode(e)
		if vm.OpOf(ie) == vm.OpNot {
			fs.f.Code = fs.f.Code[:len(fs.f.Code)-1]
			fs.f.LineInfo = fs.f.LineInfo[:len(fs.f.LineInfo)-1]
			nc := 0
			if cond == 0 {
				nc = 1
			}
			return fs.condJump(lTEST, vm.ArgB(ie), 0, nc)
		}
	}
	fs.discharge2AnyReg(e)
	fs.freeExp(e)
	return fs.condJump(lTESTSET, noReg, e.info, cond)
}

func (fs *funcState) goIfTrue(e *expdesc) {
	var pc int
	fs.dischargeVars(e)
	switch e.k {
	case vK, vKNUM, vTRUE:
		pc = noJump
	case vJMP: // Lua 5.1.5 has no "always jump" case for false: it is tested like any value
		fs.invertJump(e)
		pc = e.info
	default:
		pc = fs.jumpOnCond(e, 0)
	}
	fs.concat(&e.f, pc)
	fs.patchToHere(e.t)
	e.t = noJump
}

func (fs *funcState) goIfFalse(e *expdesc) {
	var pc int
	fs.dischargeVars(e)
	switch e.k {
	case vNIL, vFALSE:
		pc = noJump
	case vJMP: // as in goIfTrue, 5.1.5 tests a true constant like any value
		pc = e.info
	default:
		pc = fs.jumpOnCond(e, 1)
	}
	fs.concat(&e.t, pc)
	fs.patchToHere(e.f)
	e.f = noJump
}

func (fs *funcState) codeNot(e *expdesc) {
	fs.dischargeVars(e)
	switch e.k {
	case vNIL, vFALSE:
		e.k = vTRUE
	case vK, vKNUM, vTRUE:
		e.k = vFALSE
	case vJMP:
		fs.invertJump(e)
	case vRELOCABLE, vNONRELOC:
		fs.discharge2AnyReg(e)
		fs.freeExp(e)
		e.info = fs.codeABC(lNOT, 0, e.info, 0)
		e.k = vRELOCABLE
	}
	e.f, e.t = e.t, e.f
	fs.removeValues(e.f)
	fs.removeValues(e.t)
}

func (fs *funcState) indexed(t, k *expdesc) {
	t.aux = fs.exp2RK(k)
	t.k = vINDEXED
}

func constFolding(op lop, e1, e2 *expdesc) bool {
	if !isNumeral(e1) || !isNumeral(e2) {
		return false
	}
	v1, v2 := e1.nval, e2.nval
	var r float64
	switch op {
	case lADD:
		r = v1 + v2
	case lSUB:
		r = v1 - v2
	case lMUL:
		r = v1 * v2
	case lDIV:
		if v2 == 0 {
			return false
		}
		r = v1 / v2
	case lMOD:
		if v2 == 0 {
			return false
		}
		r = v1 - float64(math.Floor(v1/v2)*v2) // the conversion forbids a fused multiply-add
	case lPOW:
		r = luanum.Pow(v1, v2) // C's pow, as luai_numpow: Go's math.Pow differs in last bits
	case lUNM:
		r = -v1
	default:
		return false
	}
	if r != r {
		return false // as lcode.c: never fold into a NaN (the operation runs at run time)
	}
	e1.nval = r
	return true
}

func (fs *funcState) codeArith(op lop, e1, e2 *expdesc) {
	if constFolding(op, e1, e2) {
		return
	}
	o2 := 0
	if op != lUNM && op != lLEN {
		o2 = fs.exp2RK(e2)
	}
	o1 := fs.exp2RK(e1)
	if o1 > o2 {
		fs.freeExp(e1)
		fs.freeExp(e2)
	} else {
		fs.freeExp(e2)
		fs.freeExp(e1)
	}
	e1.info = fs.codeABC(op, 0, o1, o2)
	e1.k = vRELOCABLE
}

func (fs *funcState) codeComp(op lop, cond int, e1, e2 *expdesc) {
	o1 := fs.exp2RK(e1)
	o2 := fs.exp2RK(e2)
	fs.freeExp(e2)
	fs.freeExp(e1)
	if cond == 0 && op != lEQ {
		o1, o2 = o2, o1
		cond = 1
	}
	e1.info = fs.condJump(op, cond, o1, o2)
	e1.k = vJMP
}

func (fs *funcState) setList(base, nelems, tostore int) {
	c := (nelems-1)/vm.FieldsPerFlush + 1
	b := tostore
	if tostore == vm.MultRet {
		b = 0
	}
	if c <= vm.MaxC {
		fs.codeABC(lSETLIST, base, b, c)
	} else {
		fs.codeABC(lSETLIST, base, b, 0)
		if c <= pucMaxC {
			fs.addExtra(fs.pc()) // PUC's 9-bit C still holds it: no extra word there
		}
		fs.code(uint32(c))
	}
	fs.freereg = base + 1
}

// pucMaxC is MAXARG_C of PUC Lua 5.1 (9-bit C).
const pucMaxC = 1<<9 - 1

// pucMaxSBx is MAXARG_sBx of PUC Lua 5.1 (18-bit operands): the longest jump PUC accepts.
const pucMaxSBx = 1<<17 - 1

// addExtra records that the instruction word at pc has no counterpart in PUC's code (the
// EXTRAARG of a LOADKX, the trampoline of a long numeric for), so that jump distances are
// checked against PUC's limit as PUC counts them.
func (fs *funcState) addExtra(pc int) { fs.extras = append(fs.extras, pc) }

// pucDist returns to - from as PUC counts instructions (without the extra words between).
func (fs *funcState) pucDist(from, to int) int {
	lo, hi := from, to
	if lo > hi {
		lo, hi = hi, lo
	}
	n := 0
	for i := len(fs.extras) - 1; i >= 0 && fs.extras[i] >= lo; i-- {
		if fs.extras[i] < hi {
			n++
		}
	}
	if to < from {
		return to - from + n
	}
	return to - from - n
}

// numForEnd closes a numeric for loop whose FORPREP is at prep: it emits the FORLOOP and
// points both at each other, as PUC's forbody does. PUC's jumps reach 131071 instructions but
// our FORPREP and FORLOOP have 16-bit offsets, so a longer body gets a trampoline through
// 24-bit jumps instead (only such loops pay for it, two jumps per iteration):
//
//	prep:  JMP -> T               (in place of FORPREP)
//	       body
//	B:     JMP -> L               (the end of the body, where PUC's FORLOOP is)
//	T:     FORPREP -> L
//	L:     FORLOOP -> L+2         (continue) or fall through to L+1 (done)
//	L+1:   JMP -> exit
//	L+2:   JMP -> prep+1          (back to the body)
//	exit:
//
// Every jump but the last goes forward and the trampoline has the line of the for, so a line
// hook sees PUC's events; a count hook sees the extra instructions.
func (fs *funcState) numForEnd(base, prep, line int) {
	fs.getLabel() // luaK_patchtohere(fs, prep)
	e := fs.pc()
	// PUC fixes FORPREP (prep to e) when FORLOOP is emitted, then FORLOOP (back to prep+1).
	if d := fs.pucDist(prep+1, e); d > pucMaxSBx || d+1 > pucMaxSBx {
		fs.dischargeJPC()
		fs.c.nearError("control structure too long")
	}
	if e-prep <= vm.MaxSBx {
		fs.f.Code[prep] = vm.SetArgSBx(fs.f.Code[prep], e-(prep+1))
		fs.codeAsBx(lFORLOOP, base, prep+1-(e+1))
		fs.fixLine(line)
		return
	}
	fs.addExtra(e)
	fs.codeAsBx(lJMP, 0, 1) // B
	fs.fixLine(line)
	fs.addExtra(e + 1)
	fs.codeAsBx(lFORPREP, base, 0) // T
	fs.fixLine(line)
	fs.codeAsBx(lFORLOOP, base, 1) // L
	fs.fixLine(line)
	fs.addExtra(e + 3)
	fs.codeAsBx(lJMP, 0, 1)
	fs.fixLine(line)
	fs.addExtra(e + 4)
	fs.codeAsBx(lJMP, 0, prep+1-(e+5))
	fs.fixLine(line)
	fs.f.Code[prep] = vm.SJ(vm.OpJmp, e+1-(prep+1))
}
