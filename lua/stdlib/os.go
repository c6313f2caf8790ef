package stdlib

import (
	"os"
	"time"

	"github.com/redmoon-dev/redmoon/lua/stdlib/internal/strftime"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// The os library of the plain environment: clock, date, difftime, getenv and time, as Lua
// 5.1's loslib.c. (Redis 7.0 gives scripts no os library at all.)

func init() { register(OSLib, 40, func(L *vm.State) { OpenOS(L) }) }

var osFuncs = []vm.Reg{
	{Name: "clock", Fn: osClock},
	{Name: "date", Fn: osDate},
	{Name: "difftime", Fn: osDifftime},
	{Name: "getenv", Fn: osGetenv},
	{Name: "time", Fn: osTime},
}

// OpenOS opens the os library with clock, date, difftime, getenv and time. Its os.time keeps
// the memory of C's mktime (the UTC offset the last call found), which decides the answer for a
// local time that a daylight saving change skips or repeats, as in a lua5.1 process.
func OpenOS(L *vm.State) *vm.Table {
	var m strftime.Mktimer
	funcs := make([]vm.Reg, len(osFuncs))
	copy(funcs, osFuncs)
	for i := range funcs {
		if funcs[i].Name == "time" {
			funcs[i].Fn = func(L *vm.State) int { return osTimeWith(L, &m) }
		}
	}
	return L.RegisterLib("os", funcs)
}

func osClock(L *vm.State) int {
	L.PushNumber(processCPUSeconds())
	return 1
}

func osGetenv(L *vm.State) int {
	v, ok := os.LookupEnv(L.CheckString(1))
	if !ok {
		L.PushNil()
	} else {
		L.PushString(v)
	}
	return 1
}

func osDifftime(L *vm.State) int {
	t1 := cTime(L.CheckNumber(1))
	t0 := cTime(L.OptNumber(2, 0))
	L.PushNumber(float64(t1) - float64(t0))
	return 1
}

// cTime is C's (time_t)f.
func cTime(f float64) int64 {
	if f != f || f >= 9.223372036854775808e18 || f < -9.223372036854775808e18 {
		return -1 << 63
	}
	return int64(f)
}

// getField is loslib.c's getfield: t[key] as a C int, def when it is not a number, or an error
// when def is negative.
func getField(L *vm.State, t vm.Value, key string, def int) int {
	v := L.Index(t, vm.String(key))
	if f, ok := vm.ToNumber(v); ok {
		return int(int32(vm.NumberToInt(f)))
	}
	if def < 0 {
		L.Errorf("field '%s' missing in date table", key)
	}
	return def
}

// osTime is os.time with a mktime of its own (the library template's entry).
func osTime(L *vm.State) int { return osTimeWith(L, new(strftime.Mktimer)) }

func osTimeWith(L *vm.State, m *strftime.Mktimer) int {
	var t int64
	if L.IsNoneOrNil(1) {
		t = time.Now().Unix()
	} else {
		L.CheckTable(1)
		L.SetTop(1)
		tv := L.Get(1)
		tm := strftime.Tm{
			Sec:  getField(L, tv, "sec", 0),
			Min:  getField(L, tv, "min", 0),
			Hour: getField(L, tv, "hour", 12),
			Day:  getField(L, tv, "day", -1),
		}
		tm.Month = getField(L, tv, "month", -1) - 1
		tm.Year = getField(L, tv, "year", -1) - 1900
		isdst := L.Index(tv, vm.String("isdst"))
		tm.IsDST = -1
		if !isdst.IsNil() {
			tm.IsDST = 0
			if isdst.Truthy() {
				tm.IsDST = 1
			}
		}
		var ok bool
		t, ok = m.Mktime(&tm, time.Local)
		if !ok || t == -1 {
			L.PushNil()
			return 1
		}
	}
	L.PushNumber(float64(t))
	return 1
}

func osDate(L *vm.State) int {
	s := L.OptString(1, "%c")
	var t int64
	if L.IsNoneOrNil(2) {
		t = time.Now().Unix()
	} else {
		t = cTime(L.CheckNumber(2))
	}
	loc := time.Local
	if len(s) > 0 && s[0] == '!' {
		loc = time.UTC
		s = s[1:]
	}
	tm, ok := strftime.Localtime(t, loc)
	if !ok {
		L.PushNil()
		return 1
	}
	if cString(s) == "*t" {
		r := L.NewTable(0, 9)
		r.SetStr("sec", vm.Int(tm.Sec))
		r.SetStr("min", vm.Int(tm.Min))
		r.SetStr("hour", vm.Int(tm.Hour))
		r.SetStr("day", vm.Int(tm.Day))
		r.SetStr("month", vm.Int(tm.Month+1))
		r.SetStr("year", vm.Int(tm.Year+1900))
		r.SetStr("wday", vm.Int(tm.Wday+1))
		r.SetStr("yday", vm.Int(tm.Yday+1))
		if tm.IsDST >= 0 {
			r.SetStr("isdst", vm.Bool(tm.IsDST > 0))
		}
		L.PushTable(r)
		return 1
	}
	L.PushString(strftime.Format(cString(s), &tm))
	return 1
}

// cString returns s up to its first zero byte, as C sees it.
func cString(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			return s[:i]
		}
	}
	return s
}
