package vm

// Instructions are 32-bit words: the opcode in bits 0-7, A in bits 8-15, B in bits 16-23 and C
// in bits 24-31. Bx (bits 16-31) is an unsigned 16-bit operand and sBx = Bx - MaxSBx; a jump's
// sJ uses bits 8-31 (sJ = value - MaxSJ). Register-or-constant operands of Lua 5.1 (RK) are split
// at compile time into opcode variants, so the interpreter never tests which one it has: in the
// names below, a suffix tells the kind of the B and C operands (R register, K constant).

// Opcode is an instruction's operation.
type Opcode uint8

// The opcodes. R(x) is register x, K(x) constant x, U(x) upvalue x.
const (
	OpMove       Opcode = iota // A B     R(A) := R(B)
	OpLoadK                    // A Bx    R(A) := K(Bx)
	OpLoadKX                   // A       R(A) := K(next word)
	OpLoadBool                 // A B C   R(A) := (B != 0); if C != 0 then pc++
	OpLoadNil                  // A B     R(A..B) := nil
	OpGetUpval                 // A B     R(A) := U(B)
	OpGetGlobal                // A Bx    R(A) := Env[K(Bx)]
	OpGetTable                 // A B C   R(A) := R(B)[R(C)]
	OpGetTableK                // A B C   R(A) := R(B)[K(C)]
	OpGetField                 // A B C   R(A) := R(B)[K(C)], K(C) a string
	OpSetGlobal                // A Bx    Env[K(Bx)] := R(A)
	OpSetUpval                 // A B     U(B) := R(A)
	OpSetTable                 // A B C   R(A)[R(B)] := R(C)
	OpSetTableKR               // A B C   R(A)[K(B)] := R(C)
	OpSetTableRK               // A B C   R(A)[R(B)] := K(C)
	OpSetTableKK               // A B C   R(A)[K(B)] := K(C)
	OpSetField                 // A B C   R(A)[K(B)] := R(C), K(B) a string
	OpSetFieldK                // A B C   R(A)[K(B)] := K(C), K(B) a string
	OpNewTable                 // A B C   R(A) := {} (array size fb2int(B), hash size fb2int(C))
	OpSelf                     // A B C   R(A+1) := R(B); R(A) := R(B)[R(C)]
	OpSelfK                    // A B C   R(A+1) := R(B); R(A) := R(B)[K(C)]

	OpAdd // A B C   R(A) := R(B) + R(C); OpAdd+1 is RK, +2 KR, +3 KK
	OpAddRK
	OpAddKR
	OpAddKK
	OpSub
	OpSubRK
	OpSubKR
	OpSubKK
	OpMul
	OpMulRK
	OpMulKR
	OpMulKK
	OpDiv
	OpDivRK
	OpDivKR
	OpDivKK
	OpMod
	OpModRK
	OpModKR
	OpModKK
	OpPow
	OpPowRK
	OpPowKR
	OpPowKK

	OpUnm    // A B     R(A) := -R(B)
	OpNot    // A B     R(A) := not R(B)
	OpLen    // A B     R(A) := #R(B)
	OpConcat // A B C   R(A) := R(B) .. ... .. R(C)
	OpJmp    // sJ      pc += sJ

	OpEq // A B C   if (R(B) == R(C)) ~= A then pc++; +1 RK, +2 KR, +3 KK
	OpEqRK
	OpEqKR
	OpEqKK
	OpLt // A B C   if (R(B) < R(C)) ~= A then pc++
	OpLtRK
	OpLtKR
	OpLtKK
	OpLe // A B C   if (R(B) <= R(C)) ~= A then pc++
	OpLeRK
	OpLeKR
	OpLeKK

	OpTest     // A C     if not (R(A) <=> C) then pc++
	OpTestSet  // A B C   if (R(B) <=> C) then R(A) := R(B) else pc++
	OpCall     // A B C   R(A), ..., R(A+C-2) := R(A)(R(A+1), ..., R(A+B-1))
	OpTailCall // A B C   return R(A)(R(A+1), ..., R(A+B-1))
	OpReturn   // A B     return R(A), ..., R(A+B-2)
	OpForLoop  // A sBx   R(A) += R(A+2); if R(A) <?= R(A+1) then { pc += sBx; R(A+3) := R(A) }
	OpForPrep  // A sBx   R(A) -= R(A+2); pc += sBx
	OpTForLoop // A C     R(A+3), ..., R(A+2+C) := R(A)(R(A+1), R(A+2)); if R(A+3) ~= nil then R(A+2) := R(A+3) else pc++
	OpSetList  // A B C   R(A)[(C-1)*FPF+i] := R(A+i), 1 <= i <= B (C = 0: C is the next word)
	OpClose    // A       close all upvalues >= R(A)
	OpClosure  // A Bx    R(A) := closure(P(Bx)); followed by one MOVE or GETUPVAL per upvalue
	OpVararg   // A B     R(A), ..., R(A+B-2) = vararg
	OpExtraArg // Ax      an argument of the previous instruction

	// Forms of GETGLOBAL, SETGLOBAL and CLOSURE for constant or prototype indices past MaxBx
	// (PUC's Bx has 18 bits): the index is the Ax of the EXTRAARG word that follows.
	OpGetGlobalX // A       R(A) := Env[K(Ax of next word)]
	OpSetGlobalX // A       Env[K(Ax of next word)] := R(A)
	OpClosureX   // A       R(A) := closure(P(Ax of next word)); then the upvalue pseudo-instructions

	numOpcodes
)

// Operand limits.
const (
	MaxA           = 255
	MaxB           = 255
	MaxC           = 255
	MaxBx          = 1<<16 - 1
	MaxSBx         = MaxBx >> 1
	MaxSJ          = 1<<23 - 1
	MaxAx          = 1<<24 - 1
	NoReg          = MaxA
	FieldsPerFlush = 50 // LFIELDS_PER_FLUSH
	MultRet        = -1
)

// Instruction decoding helpers.
func opOf(i uint32) Opcode { return Opcode(i) }
func argA(i uint32) int    { return int(i >> 8 & 0xff) }
func argB(i uint32) int    { return int(i >> 16 & 0xff) }
func argC(i uint32) int    { return int(i >> 24) }
func argBx(i uint32) int   { return int(i >> 16) }
func argSBx(i uint32) int  { return int(i>>16) - MaxSBx }
func argSJ(i uint32) int   { return int(i>>8) - MaxSJ }
func argAx(i uint32) int   { return int(i >> 8) }

// Encoding helpers, for the compiler.

// ABC encodes an instruction with A, B and C operands.
func ABC(op Opcode, a, b, c int) uint32 {
	return uint32(op) | uint32(a)<<8 | uint32(b)<<16 | uint32(c)<<24
}

// ABx encodes an instruction with A and Bx operands.
func ABx(op Opcode, a, bx int) uint32 { return uint32(op) | uint32(a)<<8 | uint32(bx)<<16 }

// AsBx encodes an instruction with A and sBx operands.
func AsBx(op Opcode, a, sbx int) uint32 { return ABx(op, a, sbx+MaxSBx) }

// SJ encodes a jump.
func SJ(op Opcode, sj int) uint32 { return uint32(op) | uint32(sj+MaxSJ)<<8 }

// Ax encodes an instruction with a single 24-bit operand.
func Ax(op Opcode, ax int) uint32 { return uint32(op) | uint32(ax)<<8 }

// Decoding helpers, for the compiler and tools.

// OpOf returns an instruction's opcode.
func OpOf(i uint32) Opcode { return opOf(i) }

// ArgA returns operand A.
func ArgA(i uint32) int { return argA(i) }

// ArgB returns operand B.
func ArgB(i uint32) int { return argB(i) }

// ArgC returns operand C.
func ArgC(i uint32) int { return argC(i) }

// ArgBx returns operand Bx.
func ArgBx(i uint32) int { return argBx(i) }

// ArgSBx returns operand sBx.
func ArgSBx(i uint32) int { return argSBx(i) }

// ArgSJ returns a jump's offset.
func ArgSJ(i uint32) int { return argSJ(i) }

// SetArgA returns i with operand A replaced.
func SetArgA(i uint32, a int) uint32 { return i&^(0xff<<8) | uint32(a)<<8 }

// SetArgB returns i with operand B replaced.
func SetArgB(i uint32, b int) uint32 { return i&^(0xff<<16) | uint32(b)<<16 }

// SetArgC returns i with operand C replaced.
func SetArgC(i uint32, c int) uint32 { return i&^(0xff<<24) | uint32(c)<<24 }

// SetArgSBx returns i with operand sBx replaced.
func SetArgSBx(i uint32, sbx int) uint32 { return i&0xffff | uint32(sbx+MaxSBx)<<16 }

// SetArgSJ returns the jump i with its offset replaced.
func SetArgSJ(i uint32, sj int) uint32 { return i&0xff | uint32(sj+MaxSJ)<<8 }

var opNames = [...]string{
	"MOVE", "LOADK", "LOADKX", "LOADBOOL", "LOADNIL", "GETUPVAL", "GETGLOBAL", "GETTABLE", "GETTABLEK",
	"GETFIELD", "SETGLOBAL", "SETUPVAL", "SETTABLE", "SETTABLEKR", "SETTABLERK", "SETTABLEKK", "SETFIELD", "SETFIELDK", "NEWTABLE", "SELF", "SELFK",
	"ADD", "ADDRK", "ADDKR", "ADDKK", "SUB", "SUBRK", "SUBKR", "SUBKK", "MUL", "MULRK", "MULKR", "MULKK",
	"DIV", "DIVRK", "DIVKR", "DIVKK", "MOD", "MODRK", "MODKR", "MODKK", "POW", "POWRK", "POWKR", "POWKK",
	"UNM", "NOT", "LEN", "CONCAT", "JMP",
	"EQ", "EQRK", "EQKR", "EQKK", "LT", "LTRK", "LTKR", "LTKK", "LE", "LERK", "LEKR", "LEKK",
	"TEST", "TESTSET", "CALL", "TAILCALL", "RETURN", "FORLOOP", "FORPREP", "TFORLOOP", "SETLIST",
	"CLOSE", "CLOSURE", "VARARG", "EXTRAARG", "GETGLOBALX", "SETGLOBALX", "CLOSUREX",
}

func (op Opcode) String() string {
	if int(op) < len(opNames) {
		return opNames[op]
	}
	return "?"
}

// Int2FB encodes x as a "floating point byte" (luaO_int2fb): eeeeexxx, (1xxx) * 2^(eeeee-1).
func Int2FB(x uint) int {
	e := 0
	for x >= 16 {
		x = (x + 1) >> 1
		e++
	}
	if x < 8 {
		return int(x)
	}
	return (e+1)<<3 | (int(x) - 8)
}

// FB2Int decodes a floating point byte (luaO_fb2int).
func FB2Int(x int) int {
	e := (x >> 3) & 31
	if e == 0 {
		return x
	}
	return ((x & 7) + 8) << (e - 1)
}
