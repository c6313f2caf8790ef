package redisbridge

import (
	"strings"

	"github.com/redmoon-dev/redmoon/keyspace"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// maxReplyStack is Lua 5.1's LUAI_MAXCSTACK: Redis converts a script's result with the Lua
// stack of a C function, and answers "reached lua stack limit" where it would overflow.
const maxReplyStack = 8000

// writeReply converts a script's result to the caller's reply as Redis 7.0's
// luaReplyToRedisReply does. scriptResp3 tells whether the script called redis.setresp(3), which
// decides how booleans are returned. depth is the number of Lua stack slots Redis would be using
// (2 for a script's result: the error handler and the value).
func writeReply(L *vm.State, r keyspace.Reply, v vm.Value, scriptResp3 bool, depth int) {
	if depth+4 > maxReplyStack {
		r.Error("ERR reached lua stack limit")
		return
	}
	switch v.Type() {
	case vm.TypeString:
		r.Bulk(v.Str())
	case vm.TypeBoolean:
		switch {
		case scriptResp3:
			r.Bool(v.Truthy())
		case v.Truthy():
			r.Integer(1)
		default:
			r.Null()
		}
	case vm.TypeNumber:
		r.Integer(int64(vm.NumberToInt(v.Float())))
	case vm.TypeTable:
		writeTable(L, r, v.AsTable(), scriptResp3, depth)
	default:
		r.Null()
	}
}

func writeTable(L *vm.State, r keyspace.Reply, t *vm.Table, scriptResp3 bool, depth int) {
	if e := t.GetStr("err"); e.IsString() {
		msg, _ := vm.ToString(e)
		s := strings.TrimRight("-"+msg, "\r\n")
		r.Error(sanitize(s[1:]))
		return
	}
	if ok := t.GetStr("ok"); ok.IsString() {
		r.SimpleString(sanitize(ok.Str()))
		return
	}
	if d := t.GetStr("double"); d.IsNumber() {
		f := d.Float()
		keyspace.ReplyDoubleText(r, f, formatDouble17(f))
		return
	}
	if bn := t.GetStr("big_number"); bn.IsString() {
		r.BigNumber(sanitize(bn.Str()))
		return
	}
	if vt := t.GetStr("verbatim_string").AsTable(); vt != nil {
		format, str := vt.GetStr("format"), vt.GetStr("string")
		if format.IsString() && str.IsString() {
			f := format.Str() + "\x00\x00\x00"
			r.Verbatim(f[:3], str.Str())
			return
		}
	}
	if m := t.GetStr("map").AsTable(); m != nil {
		n := 0
		m.ForEach(func(k, v vm.Value) bool { n++; return true })
		r.MapLen(n)
		m.ForEach(func(k, v vm.Value) bool {
			writeReply(L, r, k, scriptResp3, depth+4)
			writeReply(L, r, v, scriptResp3, depth+3)
			return true
		})
		return
	}
	if s := t.GetStr("set").AsTable(); s != nil {
		n := 0
		s.ForEach(func(k, v vm.Value) bool { n++; return true })
		r.SetLen(n)
		s.ForEach(func(k, v vm.Value) bool {
			writeReply(L, r, k, scriptResp3, depth+3)
			return true
		})
		return
	}
	n := 0
	for !t.GetInt(n + 1).IsNil() {
		n++
	}
	r.ArrayLen(n)
	for i := 1; i <= n; i++ {
		writeReply(L, r, t.GetInt(i), scriptResp3, depth+1)
	}
}
