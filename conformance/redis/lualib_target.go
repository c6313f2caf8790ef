package redis

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/redmoon-dev/redmoon/lua"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// LuaLibTarget answers EVAL with our Lua engine and Redis's bundled libraries (cjson, cmsgpack,
// struct, bit), without the keyspace and without the script bridge: it is how the library case
// files (cjson.cases, cmsgpack.cases, struct.cases, bit.cases and their random companions) are
// checked until EVAL runs through the real script environment. It accepts only EVAL scripts that
// do not call redis.*.
//
// It converts the script's first result to a RESP2 reply as Redis 7.0 does (numbers truncated
// to integers, strings as bulk strings, true as :1, false and nil as null, tables as arrays up
// to their first nil, {err=...} and {ok=...} as error and status replies) and reports uncaught
// errors as Redis's error handler does ("ERR user_script:1: ... script: <sha>, on
// @user_script:1."). Every Reset starts a fresh state; a case may run several scripts in it.
type LuaLibTarget struct {
	st *lua.State
}

// NewLuaLibState returns a Lua state set up as Redis's scripting engine for the libraries: the
// standard libraries Redis keeps and the four bundled ones, with Redis's string hash.
func NewLuaLibState() *lua.State {
	return lua.NewState(lua.Options{
		Libraries:          lua.RedisLibraries,
		RedisStringHash:    true,
		RefuseBinaryChunks: true,
	})
}

// Reset implements Target.
func (t *LuaLibTarget) Reset() error {
	t.st = NewLuaLibState()
	return nil
}

// SetProtocol implements Target; only RESP2 is supported.
func (t *LuaLibTarget) SetProtocol(n int) error {
	if n != 2 {
		return fmt.Errorf("LuaLibTarget: RESP%d is not supported", n)
	}
	return nil
}

// Sleep implements Target (scripts do not observe time).
func (t *LuaLibTarget) Sleep(time.Duration) {}

// Do implements Target for EVAL script numkeys [key ...] [arg ...].
func (t *LuaLibTarget) Do(args []string) (Value, error) {
	if len(args) < 3 || !strings.EqualFold(args[0], "EVAL") {
		return Value{}, fmt.Errorf("LuaLibTarget runs only EVAL, got %q", args)
	}
	numkeys, err := strconv.Atoi(args[2])
	if err != nil || numkeys < 0 || numkeys > len(args)-3 {
		return Value{}, fmt.Errorf("LuaLibTarget: bad numkeys in %q", args)
	}
	if t.st == nil {
		t.Reset()
	}
	return evalScript(t.st, args[1], args[3:3+numkeys], args[3+numkeys:])
}

// evalScript runs one script as EVAL does and converts its result.
func evalScript(st *lua.State, body string, keys, argv []string) (v Value, err error) {
	L := st.L
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("LuaLibTarget: Go panic: %v", r)
		}
	}()
	st.SetGlobal("KEYS", stringArray(L, keys))
	st.SetGlobal("ARGV", stringArray(L, argv))
	fn, lerr := st.Load(body, "@user_script")
	if lerr != nil {
		return errorValue("ERR Error compiling script (new function): " + lerr.Error()), nil
	}
	sum := sha1.Sum([]byte(body))
	sha := hex.EncodeToString(sum[:])
	base := L.GetTop()
	L.Push(L.NewFunction("__redis__err__handler", errorHandler))
	L.Push(fn)
	ok := L.PCallK(0, base+1)
	defer L.SetTop(base)
	if !ok {
		ev := L.Get(-1)
		t := ev.AsTable()
		if t == nil {
			// Redis cannot get here (its handler makes every error a table); our engine does when
			// it turns a Go panic into an error.
			return Value{}, fmt.Errorf("LuaLibTarget: script failed outside the error handler: %s", L.ToStringMeta(ev))
		}
		msg, _ := vm.ToString(t.GetStr("err"))
		src, _ := vm.ToString(t.GetStr("source"))
		line, _ := vm.ToString(t.GetStr("line"))
		if t.GetStr("line").Truthy() && t.GetStr("source").Truthy() {
			msg += " script: " + sha + ", on " + src + ":" + line + "."
		}
		return errorValue(msg), nil
	}
	res := vm.Nil
	if L.GetTop() > base+1 {
		res = L.Get(base + 2)
	}
	return luaToResp2(res)
}

// errorHandler is Redis's __redis__err__handler: string errors become {err='ERR ' .. msg}, and
// the position of the Lua code that raised the error (skipping a Go function) is attached.
func errorHandler(L *vm.State) int {
	ev := L.Get(1)
	level := 1
	if fn, ok := L.FunctionAt(level); ok && vm.IsGoFunction(fn) {
		level = 2
	}
	_, found := L.FunctionAt(level)
	t := ev.AsTable()
	if t == nil {
		t = L.NewTable(0, 3)
		t.SetStr("err", vm.String("ERR "+L.ToStringMeta(ev)))
	}
	if found {
		w := L.Where(level)
		source, line := "=[C]", -1
		if i := strings.LastIndex(strings.TrimSuffix(w, ": "), ":"); i > 0 {
			source = "@" + w[:i]
			line, _ = strconv.Atoi(strings.TrimSuffix(w[i+1:], ": "))
		}
		t.SetStr("source", vm.String(source))
		t.SetStr("line", vm.Int(line))
	}
	L.Push(vm.TableValue(t))
	return 1
}

func stringArray(L *vm.State, ss []string) vm.Value {
	t := L.NewTable(len(ss), 0)
	for i, s := range ss {
		t.SetInt(i+1, vm.String(s))
	}
	return vm.TableValue(t)
}

// errorValue is an error reply with Redis's replacement of CR and LF by spaces.
func errorValue(msg string) Value {
	return Value{Kind: Error, Str: strings.NewReplacer("\r", " ", "\n", " ").Replace(msg)}
}

// luaToResp2 converts a Lua value to a RESP2 reply as Redis 7.0's luaReplyToRedisReply does.
func luaToResp2(v vm.Value) (Value, error) {
	switch v.Type() {
	case vm.TypeString:
		return Value{Kind: Bulk, Str: v.Str()}, nil
	case vm.TypeBoolean:
		if v.Truthy() {
			return Value{Kind: Int, Int: 1}, nil
		}
		return Value{Kind: Null}, nil
	case vm.TypeNumber:
		return Value{Kind: Int, Int: cLongLong(v.Float())}, nil
	case vm.TypeTable:
		t := v.AsTable()
		if e := t.GetStr("err"); e.IsString() {
			return errorValue(e.Str()), nil
		}
		if ok := t.GetStr("ok"); ok.IsString() {
			return Value{Kind: Simple, Str: strings.NewReplacer("\r", " ", "\n", " ").Replace(ok.Str())}, nil
		}
		for _, f := range []string{"double", "big_number", "verbatim_string", "map", "set"} {
			if !t.GetStr(f).IsNil() {
				return Value{}, fmt.Errorf("LuaLibTarget: reply table with a %q field is not supported", f)
			}
		}
		arr := Value{Kind: Array, Elems: []Value{}}
		for j := 1; ; j++ {
			e := t.GetInt(j)
			if e.IsNil() {
				break
			}
			ev, err := luaToResp2(e)
			if err != nil {
				return Value{}, err
			}
			arr.Elems = append(arr.Elems, ev)
		}
		return arr, nil
	}
	return Value{Kind: Null}, nil
}

// cLongLong converts like C's (long long) cast on x86-64: out of range and NaN give the minimum.
func cLongLong(f float64) int64 {
	if f >= -9.223372036854775808e18 && f < 9.223372036854775808e18 {
		return int64(f)
	}
	return math.MinInt64
}
