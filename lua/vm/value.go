package vm

import (
	"math"
	"unsafe"
)

// Type is the type of a Lua value, numbered as Lua 5.1's LUA_T* constants (without light
// userdata, which this engine does not have).
type Type uint8

// The Lua types.
const (
	TypeNil Type = iota
	TypeBoolean
	TypeNumber
	TypeString
	TypeTable
	TypeFunction
	TypeUserdata
	TypeThread
	typeCount
)

var typeNames = [...]string{"nil", "boolean", "number", "string", "table", "function", "userdata", "thread"}

// String returns the type's Lua name, as type() returns it.
func (t Type) String() string {
	if t < typeCount {
		return typeNames[t]
	}
	return "no value"
}

// Value is a Lua value: 16 bytes, never allocated for nil, booleans and numbers.
//
// p is nil for nil, the address of a static sentinel for booleans and numbers, the data pointer of
// a string, or the object pointer of a table, function, userdata or thread. n holds the float64
// bits of a number; for other types its top byte is the Type and the rest a payload (a string's
// length, a function's kind). The zero Value is nil.
type Value struct {
	p unsafe.Pointer
	n uint64
}

const (
	tagShift = 56
	lenMask  = 1<<tagShift - 1
	tagBool  = uint64(TypeBoolean) << tagShift
	tagStr   = uint64(TypeString) << tagShift
	tagTable = uint64(TypeTable) << tagShift
	tagLFunc = uint64(TypeFunction) << tagShift
	tagGFunc = uint64(TypeFunction)<<tagShift | 1
	tagUdata = uint64(TypeUserdata) << tagShift
	tagThrd  = uint64(TypeThread) << tagShift
)

// The sentinels: their addresses mark numbers, booleans and the empty string.
var (
	numSentinel   uint64
	falseSentinel uint64
	trueSentinel  uint64
	emptySentinel uint64
)

// Nil is the nil value.
var Nil = Value{}

// True and False are the booleans.
var (
	True  = Value{unsafe.Pointer(&trueSentinel), tagBool}
	False = Value{unsafe.Pointer(&falseSentinel), tagBool}
)

// Number returns a number value.
func Number(f float64) Value {
	return Value{unsafe.Pointer(&numSentinel), math.Float64bits(f)}
}

// Int returns the number value of an integer.
func Int(i int) Value { return Number(float64(i)) }

// Bool returns true or false.
func Bool(b bool) Value {
	if b {
		return True
	}
	return False
}

// String returns a string value sharing s's bytes.
func String(s string) Value {
	if len(s) == 0 {
		return Value{unsafe.Pointer(&emptySentinel), tagStr}
	}
	return Value{unsafe.Pointer(unsafe.StringData(s)), tagStr | uint64(len(s))}
}

// TableValue returns the value of a table (nil for a nil pointer).
func TableValue(t *Table) Value {
	if t == nil {
		return Nil
	}
	return Value{unsafe.Pointer(t), tagTable}
}

// FunctionValue returns the value of a Go function (nil for a nil pointer).
func FunctionValue(f *GoFunction) Value {
	if f == nil {
		return Nil
	}
	return Value{unsafe.Pointer(f), tagGFunc}
}

// closureValue returns the value of a Lua closure.
func closureValue(c *LClosure) Value { return Value{unsafe.Pointer(c), tagLFunc} }

// UserdataValue returns the value of a userdata (nil for a nil pointer).
func UserdataValue(u *Userdata) Value {
	if u == nil {
		return Nil
	}
	return Value{unsafe.Pointer(u), tagUdata}
}

// ThreadValue returns the value of a thread (coroutine).
func ThreadValue(L *State) Value {
	if L == nil {
		return Nil
	}
	return Value{unsafe.Pointer(L), tagThrd}
}

// Type returns v's type.
func (v Value) Type() Type {
	if v.p == unsafe.Pointer(&numSentinel) {
		return TypeNumber
	}
	return Type(v.n >> tagShift)
}

// TypeName returns the Lua name of v's type.
func (v Value) TypeName() string { return typeNames[v.Type()] }

// IsNil reports whether v is nil.
func (v Value) IsNil() bool { return v.p == nil }

// IsNumber reports whether v is a number (not a numeric string).
func (v Value) IsNumber() bool { return v.p == unsafe.Pointer(&numSentinel) }

// IsString reports whether v is a string (not a number).
func (v Value) IsString() bool {
	return v.n&^lenMask == tagStr && v.p != unsafe.Pointer(&numSentinel)
}

// IsTable reports whether v is a table.
func (v Value) IsTable() bool { return v.n == tagTable && v.p != unsafe.Pointer(&numSentinel) }

// IsFunction reports whether v is a function (Lua or Go).
func (v Value) IsFunction() bool {
	return (v.n == tagLFunc || v.n == tagGFunc) && v.p != unsafe.Pointer(&numSentinel)
}

// IsFalsy reports whether v is nil or false.
func (v Value) IsFalsy() bool { return v.p == nil || v.p == unsafe.Pointer(&falseSentinel) }

// Truthy reports whether v is neither nil nor false.
func (v Value) Truthy() bool { return v.p != nil && v.p != unsafe.Pointer(&falseSentinel) }

// Float returns the number in v; v must be a number.
func (v Value) Float() float64 { return math.Float64frombits(v.n) }

// Str returns the string in v; v must be a string.
func (v Value) Str() string { return unsafe.String((*byte)(v.p), int(v.n&lenMask)) }

// AsBool returns the truth of v.
func (v Value) AsBool() bool { return v.Truthy() }

// AsNumber returns v's number and whether v is a number (strings are not converted).
func (v Value) AsNumber() (float64, bool) {
	if v.IsNumber() {
		return v.Float(), true
	}
	return 0, false
}

// AsString returns v's string and whether v is a string (numbers are not converted).
func (v Value) AsString() (string, bool) {
	if v.IsString() {
		return v.Str(), true
	}
	return "", false
}

// AsTable returns v's table, or nil when v is not a table.
func (v Value) AsTable() *Table {
	if v.IsTable() {
		return (*Table)(v.p)
	}
	return nil
}

// AsUserdata returns v's userdata, or nil.
func (v Value) AsUserdata() *Userdata {
	if v.n == tagUdata && v.p != unsafe.Pointer(&numSentinel) {
		return (*Userdata)(v.p)
	}
	return nil
}

// AsThread returns v's thread, or nil.
func (v Value) AsThread() *State {
	if v.n == tagThrd && v.p != unsafe.Pointer(&numSentinel) {
		return (*State)(v.p)
	}
	return nil
}

// AsGoFunction returns v's Go function, or nil.
func (v Value) AsGoFunction() *GoFunction {
	if v.n == tagGFunc && v.p != unsafe.Pointer(&numSentinel) {
		return (*GoFunction)(v.p)
	}
	return nil
}

// AsLClosure returns the Lua function v holds, or nil (string.dump uses it).
func (v Value) AsLClosure() *LClosure { return v.asLClosure() }

func (v Value) asLClosure() *LClosure {
	if v.n == tagLFunc && v.p != unsafe.Pointer(&numSentinel) {
		return (*LClosure)(v.p)
	}
	return nil
}

// table, lclosure, ... assume the type was checked.
func (v Value) table() *Table        { return (*Table)(v.p) }
func (v Value) lclosure() *LClosure  { return (*LClosure)(v.p) }
func (v Value) gofunc() *GoFunction  { return (*GoFunction)(v.p) }
func (v Value) udata() *Userdata     { return (*Userdata)(v.p) }
func (v Value) isLClosure() bool     { return v.n == tagLFunc && v.p != unsafe.Pointer(&numSentinel) }
func (v Value) isGoFunc() bool       { return v.n == tagGFunc && v.p != unsafe.Pointer(&numSentinel) }
func (v Value) pointer() uintptr     { return uintptr(v.p) }
func (v Value) strLen() int          { return int(v.n & lenMask) }
func (v Value) isCollectable() bool  { return v.Type() >= TypeString }
func (v Value) isStringOrNum() bool  { return v.IsNumber() || v.IsString() }
func (v Value) sameTag(o Value) bool { return v.n == o.n }

// RawEqual reports whether a and b are primitively equal (no metamethods).
func RawEqual(a, b Value) bool {
	if a.p == unsafe.Pointer(&numSentinel) {
		return b.p == unsafe.Pointer(&numSentinel) && a.Float() == b.Float()
	}
	if a.n != b.n {
		return false
	}
	if a.p == b.p {
		return true
	}
	return a.n&^lenMask == tagStr && b.p != unsafe.Pointer(&numSentinel) && a.Str() == b.Str()
}

// Userdata is a full userdata: a Go value with a metatable and an environment.
type Userdata struct {
	Value any
	meta  *Table
	env   *Table
}

// Metatable returns the userdata's metatable (nil if none).
func (u *Userdata) Metatable() *Table { return u.meta }

// SetMetatable sets the userdata's metatable.
func (u *Userdata) SetMetatable(mt *Table) { u.meta = mt }
