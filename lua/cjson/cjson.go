// Package cjson is lua-cjson 2.1.0 as Redis 7.0 bundles it: the global table cjson with
// encode, decode, the configuration functions, new and null.
//
// Output and errors are byte for byte those of Redis: numbers are written with "%.14g" (the
// precision is configurable), strings escape '"', '\\', '/', the control characters and DEL,
// and copy every other byte as it is. Objects are written in next() order, which this engine
// keeps identical to Redis's. A table is an array when all its keys are positive integers (holes
// become null) unless it is excessively sparse; anything else, the empty table included, is an
// object. Decoding follows C's strtod for numbers (so hexadecimal, Infinity, NaN, "+1" and
// "-.5" are accepted by default), turns \u escapes and surrogate pairs into UTF-8, null into
// cjson.null, and reports syntax errors with the 1-based character position.
//
// Round trips: decode then encode does not give the text back in general. What survives is the
// shape of objects, arrays with content, strings, booleans and null (null decodes to cjson.null,
// not nil, so arrays keep their nulls: "[1,null,3]" comes back as it was). What changes: an empty
// array comes back as "{}" (an empty table is an object); object members come back in next()
// order, not in the order of the text; numbers are rewritten with 14 significant digits
// ("123456789012345678" becomes "1.2345678901235e+17", "1E2" and "0x64" become "100"), and
// Infinity, NaN and out-of-range inputs such as 1e400 make encode fail unless
// encode_invalid_numbers allows them; \u escapes come back as raw UTF-8 and '/' as "\/"; object keys that are digits stay
// strings, so {"1":"a"} stays an object.
//
// Configuration lives with a module table and the functions created with it: Open's table (the
// global cjson) and every cjson.new() have their own. In Redis that configuration persists from
// one script to the next until SCRIPT FLUSH, as here for as long as the state lives.
//
// README.md in this directory describes the oracle cases, the differential fuzzing and the
// benchmarks against redis-server of cjson, cmsgpack, struct and bit.
package cjson

import (
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// Name is the global name of the library.
const Name = "cjson"

// Module metadata.
const (
	ModName = "cjson"
	Version = "2.1.0"
)

// Null is cjson.null, the value decode gives for JSON null and encode writes as null: the NULL
// light userdata of C (see vm.NullUserdata).
var Null = vm.NullUserdataValue

// Config is the configuration of one cjson module table, with lua-cjson's defaults from
// DefaultConfig. The configuration functions (encode_max_depth, ...) change it.
type Config struct {
	EncodeSparseConvert   bool
	EncodeSparseRatio     int
	EncodeSparseSafe      int
	EncodeMaxDepth        int
	EncodeInvalidNumbers  int // 0 off (error), 1 on (inf, -inf, nan), 2 null
	EncodeNumberPrecision int
	EncodeKeepBuffer      bool
	DecodeInvalidNumbers  bool
	DecodeMaxDepth        int

	buf []byte // the encode buffer kept between calls when EncodeKeepBuffer is set

	elems      []vm.Value // decode's scratch for array elements, all nil between calls
	elemsDirty bool       // a decode is running or failed, so elems may hold values
}

// DefaultConfig returns lua-cjson's default configuration.
func DefaultConfig() *Config {
	return &Config{
		EncodeSparseRatio:     2,
		EncodeSparseSafe:      10,
		EncodeMaxDepth:        1000,
		EncodeNumberPrecision: 14,
		EncodeKeepBuffer:      true,
		DecodeInvalidNumbers:  true,
		DecodeMaxDepth:        1000,
	}
}

// Open creates the cjson module table as luaopen_cjson does with Redis's build options (the
// table is also the global cjson) and returns it.
func Open(L *vm.State) *vm.Table {
	t := New(L)
	L.SetGlobal(Name, vm.TableValue(t))
	return t
}

// New creates a module table with its own default configuration, as cjson.new() does.
func New(L *vm.State) *vm.Table {
	cfg := DefaultConfig()
	t := L.NewTable(0, 0)
	set := func(name string, fn func(L *vm.State, cfg *Config) int) {
		t.Set(L, vm.String(name), L.NewFunction(name, func(L *vm.State) int { return fn(L, cfg) }))
	}
	// lua_cjson_new's registration order, which decides pairs order over the table.
	set("encode", encode)
	set("decode", decode)
	set("encode_sparse_array", cfgEncodeSparseArray)
	set("encode_max_depth", cfgEncodeMaxDepth)
	set("decode_max_depth", cfgDecodeMaxDepth)
	set("encode_number_precision", cfgEncodeNumberPrecision)
	set("encode_keep_buffer", cfgEncodeKeepBuffer)
	set("encode_invalid_numbers", cfgEncodeInvalidNumbers)
	set("decode_invalid_numbers", cfgDecodeInvalidNumbers)
	set("new", func(L *vm.State, _ *Config) int {
		L.Push(vm.TableValue(New(L)))
		return 1
	})
	t.Set(L, vm.String("null"), Null)
	t.Set(L, vm.String("_NAME"), vm.String(ModName))
	t.Set(L, vm.String("_VERSION"), vm.String(Version))
	return t
}
