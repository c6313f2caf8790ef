package vm

import "unsafe"

// NullUserdata stands for C's NULL light userdata (lua_pushlightuserdata(L, NULL)), the value
// libraries such as cjson use as a null marker. Every NULL light userdata is the same value in
// C Lua, so this is one shared object: values made from it are raw-equal in any state, type()
// is "userdata", it has no metatable, and tostring gives "userdata: (nil)" as glibc's %p prints
// a null pointer. It must never be given a metatable or an environment.
var NullUserdata = &Userdata{}

// NullUserdataValue is the value of NullUserdata.
var NullUserdataValue = UserdataValue(NullUserdata)

// isNullUserdata reports whether v is NullUserdata.
func isNullUserdata(v Value) bool { return v.p == unsafe.Pointer(NullUserdata) }
