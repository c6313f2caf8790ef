package vm

import (
	"encoding/binary"
	"math"
)

// The binary chunk format of string.dump: redmoon's own (not PUC's), read back by Load.
// Layout: signature, then the main prototype; a prototype is its header fields, code, constants,
// nested prototypes and debug information, with varint-encoded integers.

const dumpSignature = "\x1bLuaR\x01"

// Dump serializes a function's prototype (string.dump). With strip, debug information (line
// numbers, local and upvalue names) is left out.
func Dump(p *Proto, strip bool) string {
	buf := []byte(dumpSignature)
	buf = dumpProto(buf, p, strip)
	return string(buf)
}

func putStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func putInt(b []byte, i int) []byte { return binary.AppendVarint(b, int64(i)) }

func dumpProto(b []byte, p *Proto, strip bool) []byte {
	src := p.Source
	if strip {
		src = "=?"
	}
	b = putStr(b, src)
	b = putStr(b, p.ChunkID)
	b = putInt(b, p.LineDefined)
	b = putInt(b, p.LastLineDefined)
	b = putInt(b, p.NumUpvalues)
	b = putInt(b, p.NumParams)
	b = putInt(b, p.IsVararg)
	b = putInt(b, p.MaxStack)
	b = putInt(b, len(p.Code))
	for _, i := range p.Code {
		b = binary.LittleEndian.AppendUint32(b, i)
	}
	b = putInt(b, len(p.Constants))
	for _, k := range p.Constants {
		switch k.Type() {
		case TypeNil:
			b = append(b, 0)
		case TypeBoolean:
			if k.Truthy() {
				b = append(b, 2)
			} else {
				b = append(b, 1)
			}
		case TypeNumber:
			b = append(b, 3)
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(k.Float()))
		case TypeString:
			b = append(b, 4)
			b = putStr(b, k.Str())
		}
	}
	b = putInt(b, len(p.Protos))
	for _, c := range p.Protos {
		b = dumpProto(b, c, strip)
	}
	if strip {
		return append(b, 0, 0, 0)
	}
	b = putInt(b, len(p.LineInfo))
	for _, l := range p.LineInfo {
		b = putInt(b, int(l))
	}
	b = putInt(b, len(p.LocVars))
	for _, lv := range p.LocVars {
		b = putStr(b, lv.Name)
		b = putInt(b, lv.StartPC)
		b = putInt(b, lv.EndPC)
	}
	b = putInt(b, len(p.Upvalues))
	for _, u := range p.Upvalues {
		b = putStr(b, u)
	}
	return b
}

type undumper struct {
	b     []byte
	bad   bool
	short bool // the data ended early (PUC's "unexpected end")
}

// end marks a read past the end of the data.
func (u *undumper) end() {
	u.bad = true
	u.short = true
}

func (u *undumper) int() int {
	v, n := binary.Varint(u.b)
	if n == 0 {
		u.end()
		return 0
	}
	if n < 0 {
		u.bad = true
		return 0
	}
	u.b = u.b[n:]
	return int(v)
}

func (u *undumper) count() int {
	n := u.int()
	if n < 0 {
		u.bad = true
		return 0
	}
	if n > len(u.b)+1 {
		u.end()
		return 0
	}
	return n
}

func (u *undumper) str() string {
	n, k := binary.Uvarint(u.b)
	if k < 0 {
		u.bad = true
		return ""
	}
	if k == 0 || n > uint64(len(u.b)-k) {
		u.end()
		return ""
	}
	s := string(u.b[k : k+int(n)])
	u.b = u.b[k+int(n):]
	return s
}

func (u *undumper) byte() byte {
	if len(u.b) < 1 {
		u.end()
		return 0
	}
	c := u.b[0]
	u.b = u.b[1:]
	return c
}

func (u *undumper) fixed(n int) []byte {
	if len(u.b) < n {
		u.end()
		return make([]byte, n)
	}
	s := u.b[:n]
	u.b = u.b[n:]
	return s
}

func (u *undumper) proto(depth int) *Proto {
	if depth > 200 {
		u.bad = true
		return nil
	}
	p := &Proto{}
	p.Source = u.str()
	p.ChunkID = u.str()
	p.LineDefined = u.int()
	p.LastLineDefined = u.int()
	p.NumUpvalues = u.int()
	p.NumParams = u.int()
	p.IsVararg = u.int()
	p.MaxStack = u.int()
	n := u.count()
	if u.bad {
		return nil
	}
	p.Code = make([]uint32, n)
	for i := range p.Code {
		p.Code[i] = binary.LittleEndian.Uint32(u.fixed(4))
	}
	n = u.count()
	p.Constants = make([]Value, n)
	for i := range p.Constants {
		switch u.byte() {
		case 0:
		case 1:
			p.Constants[i] = False
		case 2:
			p.Constants[i] = True
		case 3:
			p.Constants[i] = Number(math.Float64frombits(binary.LittleEndian.Uint64(u.fixed(8))))
		case 4:
			p.Constants[i] = String(u.str())
		default:
			u.bad = true
		}
		if u.bad {
			return nil
		}
	}
	n = u.count()
	p.Protos = make([]*Proto, n)
	for i := range p.Protos {
		p.Protos[i] = u.proto(depth + 1)
		if u.bad {
			return nil
		}
	}
	n = u.count()
	p.LineInfo = make([]int32, n)
	for i := range p.LineInfo {
		p.LineInfo[i] = int32(u.int())
	}
	n = u.count()
	if u.bad {
		return nil
	}
	p.LocVars = make([]LocVar, n)
	for i := range p.LocVars {
		p.LocVars[i] = LocVar{Name: u.str(), StartPC: u.int(), EndPC: u.int()}
	}
	n = u.count()
	if u.bad {
		return nil
	}
	p.Upvalues = make([]string, n)
	for i := range p.Upvalues {
		p.Upvalues[i] = u.str()
	}
	return p
}

// Undump reads a binary chunk produced by Dump. Chunks are verified enough that a corrupt one
// cannot crash the VM's structure (operands in range), but like PUC Lua 5.1 a hand-made chunk
// can still misbehave.
func Undump(data, chunkname string) (*Proto, error) {
	if len(data) < pucHeaderSize {
		// PUC reads a 12-byte header first: anything shorter ends early.
		return nil, undumpError(chunkname, "unexpected end")
	}
	if data[:len(dumpSignature)] != dumpSignature {
		return nil, undumpError(chunkname, "bad header")
	}
	u := &undumper{b: []byte(data[len(dumpSignature):])}
	p := u.proto(0)
	if u.short {
		return nil, undumpError(chunkname, "unexpected end")
	}
	if u.bad || p == nil || !verifyProto(p) {
		return nil, undumpError(chunkname, "bad code")
	}
	return p, nil
}

// pucHeaderSize is the size of Lua 5.1's binary-chunk header (LUAC_HEADERSIZE).
const pucHeaderSize = 12

// undumpError is luaU_undump's error: the chunk name without its '@' or '=', "binary string"
// for a name that starts with the escape byte (loadstring's default for a binary chunk), else
// the name as is.
func undumpError(name, why string) error {
	switch {
	case len(name) > 0 && (name[0] == '=' || name[0] == '@'):
		name = name[1:]
	case len(name) > 0 && name[0] == dumpSignature[0]:
		name = "binary string"
	}
	return &Error{Value: String(name + ": " + why + " in precompiled chunk")}
}

// verifyProto checks operand ranges so that a malformed chunk cannot index out of bounds.
func verifyProto(p *Proto) bool {
	if p.MaxStack < 0 || p.MaxStack > 250 || p.NumParams < 0 || p.NumParams > p.MaxStack ||
		p.NumUpvalues < 0 || p.NumUpvalues > 255 || len(p.Code) == 0 {
		return false
	}
	if len(p.LineInfo) != 0 && len(p.LineInfo) != len(p.Code) {
		return false
	}
	nk := len(p.Constants)
	for pc, i := range p.Code {
		op := opOf(i)
		if op >= numOpcodes {
			return false
		}
		a, b, c, bx := argA(i), argB(i), argC(i), argBx(i)
		if a >= p.MaxStack && op != OpJmp && op != OpExtraArg && op != OpSetList && op != OpReturn {
			return false
		}
		switch op {
		case OpLoadK:
			if bx >= nk {
				return false
			}
		case OpGetGlobal, OpSetGlobal:
			if bx >= nk || !p.Constants[bx].IsString() {
				return false
			}
		case OpGetField:
			if c >= nk || !p.Constants[c].IsString() {
				return false
			}
		case OpSetField, OpSetFieldK:
			if b >= nk || !p.Constants[b].IsString() {
				return false
			}
		case OpClosure:
			if bx >= len(p.Protos) || pc+p.Protos[bx].NumUpvalues >= len(p.Code) {
				return false
			}
		case OpGetGlobalX, OpSetGlobalX, OpClosureX:
			if pc+1 >= len(p.Code) || opOf(p.Code[pc+1]) != OpExtraArg {
				return false
			}
			ax := argAx(p.Code[pc+1])
			if op == OpClosureX {
				if ax >= len(p.Protos) || pc+1+p.Protos[ax].NumUpvalues >= len(p.Code) {
					return false
				}
			} else if ax >= nk || !p.Constants[ax].IsString() {
				return false
			}
		case OpGetUpval, OpSetUpval:
			if b >= p.NumUpvalues {
				return false
			}
		}
		if k := constOperands(op); k != 0 {
			if k&1 != 0 && b >= nk || k&2 != 0 && c >= nk {
				return false
			}
		}
	}
	return opOf(p.Code[len(p.Code)-1]) == OpReturn
}

// constOperands tells which of B (bit 1) and C (bit 2) index constants.
func constOperands(op Opcode) int {
	switch op {
	case OpGetTableK, OpSelfK:
		return 2
	case OpSetTableKR:
		return 1
	case OpSetTableRK:
		return 2
	case OpSetTableKK:
		return 3
	}
	if op >= OpAdd && op <= OpPowKK || op >= OpEq && op <= OpLeKK {
		v := int(op-OpAdd) % 4
		if op >= OpEq {
			v = int(op-OpEq) % 4
		}
		switch v {
		case 1:
			return 2
		case 2:
			return 1
		case 3:
			return 3
		}
	}
	return 0
}
