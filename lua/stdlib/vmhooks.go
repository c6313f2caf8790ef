package stdlib

import "github.com/redmoon-dev/redmoon/lua/vm"

// interruptHook returns the function a long pattern match calls now and then so that the VM's
// interrupt requests (script timeouts, SCRIPT KILL) and work limit can stop it: the check raises
// the VM's error itself.
func interruptHook(L *vm.State) func() error {
	return func() error {
		L.CheckInterrupt()
		return nil
	}
}

// dumpFunction returns the binary chunk of a Lua function (lua_dump), false for Go functions.
func dumpFunction(f vm.Value) (string, bool) {
	c := f.AsLClosure()
	if c == nil {
		return "", false
	}
	return vm.Dump(c.Proto(), false), true
}
