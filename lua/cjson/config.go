package cjson

import (
	"strconv"

	"github.com/redmoon-dev/redmoon/lua/vm"
)

// The configuration functions, with lua-cjson's argument handling: each takes at most its
// number of options, nil leaves an option unchanged, and each returns the current values.

// argInit is json_arg_init: at most args arguments, missing ones read as nil.
func argInit(L *vm.State, args int) {
	L.ArgCheck(L.GetTop() <= args, args+1, "found too many arguments")
	L.SetTop(args)
}

// integerOption is json_integer_option. The value goes through a C int, and a range error
// always names argument #1, as in lua-cjson.
func integerOption(L *vm.State, optindex int, setting *int, min, max int) {
	if !L.Get(optindex).IsNil() {
		value := int(int32(L.CheckInteger(optindex)))
		L.ArgCheck(min <= value && value <= max, 1,
			"expected integer between "+strconv.Itoa(min)+" and "+strconv.Itoa(max))
		*setting = value
	}
	L.Push(vm.Int(*setting))
}

// enumOption is json_enum_option for options (a boolean true stands for boolTrue; nil options
// are the booleans "off" and "on").
func enumOption(L *vm.State, optindex int, setting *int, options []string, boolTrue int) {
	if options == nil {
		options = []string{"off", "on"}
		boolTrue = 1
	}
	v := L.Get(optindex)
	if !v.IsNil() {
		if boolTrue != 0 && v.Type() == vm.TypeBoolean {
			if v.Truthy() {
				*setting = boolTrue
			} else {
				*setting = 0
			}
		} else {
			name := L.CheckString(optindex)
			found := false
			for i, o := range options {
				if o == name {
					*setting, found = i, true
					break
				}
			}
			if !found {
				L.ArgError(optindex, "invalid option '"+name+"'")
			}
		}
	}
	if boolTrue != 0 && (*setting == 0 || *setting == boolTrue) {
		L.Push(vm.Bool(*setting != 0))
	} else {
		L.Push(vm.String(options[*setting]))
	}
}

func boolToInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

const intMax = 1<<31 - 1

func cfgEncodeSparseArray(L *vm.State, cfg *Config) int {
	argInit(L, 3)
	convert := boolToInt(cfg.EncodeSparseConvert)
	enumOption(L, 1, &convert, nil, 1)
	cfg.EncodeSparseConvert = convert != 0
	integerOption(L, 2, &cfg.EncodeSparseRatio, 0, intMax)
	integerOption(L, 3, &cfg.EncodeSparseSafe, 0, intMax)
	return 3
}

func cfgEncodeMaxDepth(L *vm.State, cfg *Config) int {
	argInit(L, 1)
	integerOption(L, 1, &cfg.EncodeMaxDepth, 1, intMax)
	return 1
}

func cfgDecodeMaxDepth(L *vm.State, cfg *Config) int {
	argInit(L, 1)
	integerOption(L, 1, &cfg.DecodeMaxDepth, 1, intMax)
	return 1
}

func cfgEncodeNumberPrecision(L *vm.State, cfg *Config) int {
	argInit(L, 1)
	integerOption(L, 1, &cfg.EncodeNumberPrecision, 1, 14)
	return 1
}

func cfgEncodeKeepBuffer(L *vm.State, cfg *Config) int {
	argInit(L, 1)
	keep := boolToInt(cfg.EncodeKeepBuffer)
	enumOption(L, 1, &keep, nil, 1)
	cfg.EncodeKeepBuffer = keep != 0
	if !cfg.EncodeKeepBuffer {
		cfg.buf = nil
	}
	return 1
}

func cfgEncodeInvalidNumbers(L *vm.State, cfg *Config) int {
	argInit(L, 1)
	enumOption(L, 1, &cfg.EncodeInvalidNumbers, []string{"off", "on", "null"}, 1)
	return 1
}

func cfgDecodeInvalidNumbers(L *vm.State, cfg *Config) int {
	argInit(L, 1)
	v := boolToInt(cfg.DecodeInvalidNumbers)
	enumOption(L, 1, &v, nil, 1)
	cfg.DecodeInvalidNumbers = v != 0
	return 1
}
