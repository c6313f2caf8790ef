package stdlib

import "github.com/redmoon-dev/redmoon/lua/vm"

// vmInterrupter lets the VM's interrupt requests (script timeouts, SCRIPT KILL) and work limit
// stop a long pattern match: the check raises the VM's error itself.
type vmInterrupter struct{ L *vm.State }

func (v vmInterrupter) Interrupted() error {
	v.L.CheckInterrupt()
	return nil
}

// dumpFunction returns the binary chunk of a Lua function (lua_dump), false for Go functions.
func dumpFunction(f vm.Value) (string, bool) {
	c := f.AsLClosure()
	if c == nil {
		return "", false
	}
	return vm.Dump(c.Proto(), false), true
}
