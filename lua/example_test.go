package lua_test

import (
	"fmt"
	"os"

	"github.com/redmoon-dev/redmoon/lua"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

func Example() {
	s := lua.NewState(lua.Options{Stdout: os.Stdout})
	if err := s.DoString(`print("hello from Lua", 6 * 7)`); err != nil {
		fmt.Println(err)
	}
	// Output: hello from Lua	42
}

// A Go function called from Lua: arguments on the frame's stack, results pushed.
func ExampleState_Register() {
	s := lua.NewState(lua.Options{Stdout: os.Stdout})
	s.Register("greet", func(L *vm.State) int {
		name := L.CheckString(1)
		L.PushString("hello, " + name)
		return 1
	})
	if err := s.DoString(`print(greet("redis")) print(pcall(greet))`); err != nil {
		fmt.Println(err)
	}
	// Output:
	// hello, redis
	// false	bad argument #1 to '?' (string expected, got no value)
}

// Calling a Lua function from Go and reading its results.
func ExampleState_Call() {
	s := lua.NewState(lua.Options{})
	if err := s.DoString(`function add(a, b) return a + b, "done" end`); err != nil {
		fmt.Println(err)
	}
	res, err := s.Call(s.GetGlobal("add"), vm.Number(2), vm.Number(3))
	if err != nil {
		fmt.Println(err)
	}
	sum, _ := res[0].AsNumber()
	msg, _ := res[1].AsString()
	fmt.Println(sum, msg)
	// Output: 5 done
}

// Lua errors come back as Go errors carrying the Lua message.
func ExampleState_DoString_error() {
	s := lua.NewState(lua.Options{})
	err := s.DoString(`local t = nil; return t.field`)
	fmt.Println(err)
	// Output: [string "local t = nil; return t.field"]:1: attempt to index local 't' (a nil value)
}

// Tables built in Go and iterated in Lua 5.1's next order.
func ExampleState_NewTable() {
	s := lua.NewState(lua.Options{Stdout: os.Stdout})
	t := s.NewTable()
	t.SetStr("alpha", vm.Number(1))
	t.SetStr("beta", vm.Number(2))
	t.SetInt(1, vm.String("first"))
	s.SetGlobal("data", vm.TableValue(t))
	if err := s.DoString(`for k, v in pairs(data) do print(k, v) end`); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 1	first
	// alpha	1
	// beta	2
}
