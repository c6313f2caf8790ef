// Package cmsgpack is lua-cmsgpack 0.4.0 as Redis 7.0 bundles it: the global table cmsgpack
// with pack, unpack, unpack_one and unpack_limit, converting between Lua values and
// MessagePack.
//
// Encoding (pack(v1, ...), the encodings of all arguments concatenated): a number that is an
// integer within int64 takes the smallest integer form (positive fixint, uint8..uint64, negative
// fixint, int8..int64); any other number is a float32 when the conversion to float32 is exact
// (infinities included) and a float64 otherwise (NaN included). Strings use fixstr, str8, str16
// or str32; booleans c2/c3; nil, functions, threads and userdata (cjson.null too) nil (c0). A
// table whose keys are exactly 1..n is an array (so the empty table is an empty array), any
// other table a map in next() order. Tables nested 16 deep are encoded as nil, which also
// stops cycles.
//
// Decoding knows every MessagePack type but bin and ext (those are "Bad data format in
// input."). Integers become numbers (uint64 above the int64 range wraps negative), arrays become
// 1-based tables (nil elements leave holes), maps become tables (a nil or NaN key is the error
// "table index is nil"/"... NaN"). Truncated input is "Missing bytes in input.".
//
// Stack limits are those of the C library on Lua 5.1's 8000-slot C stack: pack takes at most
// 4000 arguments, unpack returns at most 7999 values, and arrays and maps nest at most about
// 4000 deep when unpacked, with the same "stack overflow (...)" messages.
//
// The oracle cases, differential fuzzing and benchmarks against redis-server of the four bundled
// libraries are described in lua/cjson/README.md.
package cmsgpack

import "github.com/redmoon-dev/redmoon/lua/vm"

// Name is the global name of the library.
const Name = "cmsgpack"

// Module metadata, as the C library sets it.
const (
	ModName     = "cmsgpack"
	Version     = "lua-cmsgpack 0.4.0"
	Copyright   = "Copyright (C) 2012, Salvatore Sanfilippo"
	Description = "MessagePack C implementation for Lua"
)

// MaxNesting is LUACMSGPACK_MAX_NESTING: tables this deep are packed as nil.
const MaxNesting = 16

// Open creates the cmsgpack table as luaopen_cmsgpack does (fields set one by one on a new
// table, then the metadata), sets the global cmsgpack and returns the table.
func Open(L *vm.State) *vm.Table {
	t := L.NewTable(0, 0)
	// pack reuses one buffer: encoding never calls back into Lua, so it cannot be re-entered.
	var buf []byte
	packFn := func(L *vm.State) int {
		buf = pack(L, buf[:0])
		return 1
	}
	for _, r := range []vm.Reg{
		{Name: "pack", Fn: packFn},
		{Name: "unpack", Fn: unpack},
		{Name: "unpack_one", Fn: unpackOne},
		{Name: "unpack_limit", Fn: unpackLimit},
	} {
		t.Set(L, vm.String(r.Name), L.NewFunction(r.Name, r.Fn))
	}
	t.Set(L, vm.String("_NAME"), vm.String(ModName))
	t.Set(L, vm.String("_VERSION"), vm.String(Version))
	t.Set(L, vm.String("_COPYRIGHT"), vm.String(Copyright))
	t.Set(L, vm.String("_DESCRIPTION"), vm.String(Description))
	L.SetGlobal(Name, vm.TableValue(t))
	return t
}
