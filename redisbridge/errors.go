package redisbridge

import (
	"math"
	"strconv"
	"strings"

	"github.com/redmoon-dev/redmoon/lua/vm"
)

// Error texts shared by several commands, as Redis 7.0 writes them.
const (
	errNoScript      = "NOSCRIPT No matching script. Please use EVAL."
	errNotBusy       = "NOTBUSY No scripts in execution right now."
	errUnkillable    = "UNKILLABLE Sorry the script already executed write commands against the dataset. You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command."
	errBusyScript    = "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE."
	errBusyFunction  = "BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE."
	errKilled        = "Script killed by user with SCRIPT KILL..."
	errNotInteger    = "ERR value is not an integer or out of range"
	errKeysNegative  = "ERR Number of keys can't be negative"
	errKeysTooMany   = "ERR Number of keys can't be greater than number of args"
	errWriteFlagRO   = "ERR Can not execute a script with write flag using *_ro command."
	errMemoryLimit   = "script memory limit exceeded"
	errReadOnlyWrite = "Write commands are not allowed from read-only scripts."
)

// normalizeError is Redis's luaPushErrorBuff: "-CODE msg" keeps CODE (the text up to the first
// space; "ERR" when there is none), "msg" gets the code ERR; the message is trimmed of CR and LF
// at both ends and the result is "CODE msg".
func normalizeError(buf string) string {
	var code, msg string
	if len(buf) > 0 && buf[0] == '-' {
		if i := strings.IndexByte(buf, ' '); i < 0 {
			code, msg = "ERR", buf[1:]
		} else {
			code, msg = buf[1:i], buf[i+1:]
		}
	} else {
		code, msg = "ERR", buf
	}
	return code + " " + strings.Trim(msg, "\r\n")
}

// errorTable builds the Lua error table {err = normalizeError(buf)} (luaPushError).
func errorTable(L *vm.State, buf string) *vm.Table {
	t := L.NewTable(0, 2)
	t.SetStr("err", vm.String(normalizeError(buf)))
	return t
}

// raiseError raises {err = normalizeError(msg)} as a Lua error (luaPushError + luaError).
func raiseError(L *vm.State, msg string) {
	L.Error(vm.TableValue(errorTable(L, msg)))
}

// sanitize replaces CR and LF with spaces, as Redis does for status and error replies.
func sanitize(s string) string {
	if strings.IndexByte(s, '\r') < 0 && strings.IndexByte(s, '\n') < 0 {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if c == '\r' || c == '\n' {
			b[i] = ' '
		}
	}
	return string(b)
}

// formatDouble17 formats like C's "%.17g" on x86-64 glibc: "inf", "-inf", "nan" and "-nan" for
// the special values (the sign of a NaN is its sign bit).
func formatDouble17(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case f != f:
		if math.Signbit(f) {
			return "-nan"
		}
		return "nan"
	}
	return strconv.FormatFloat(f, 'g', 17, 64)
}

// scriptError is the decorated error reply of a failed script run (luaCallFunction): the error
// object of the run (a table after the error handler) becomes
// "<err> script: <name>, on <source>:<line>.", CR and LF replaced by spaces.
func scriptError(L *vm.State, ev vm.Value, name string) string {
	t := ev.AsTable()
	if t == nil {
		// The error handler itself failed (for instance "error in error handling").
		msg := "execution failure"
		if s, ok := vm.ToString(ev); ok {
			msg = s
		}
		if len(msg) > 100 {
			msg = msg[:100]
		}
		return sanitize("ERR Error running script " + name + ", " + msg)
	}
	msg, ok := vm.ToString(t.GetStr("err"))
	if !ok {
		// Redis 7.0 crashes on an error table without a string err field; later releases
		// answer a generic error.
		msg = "ERR unknown error"
	}
	src, okSrc := vm.ToString(t.GetStr("source"))
	line, okLine := vm.ToString(t.GetStr("line"))
	if okSrc && okLine {
		msg += " script: " + name + ", on " + src + ":" + line + "."
	}
	return sanitize(msg)
}
