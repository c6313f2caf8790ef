package stdlib_test

import (
	"math"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	rlua "github.com/redmoon-dev/redmoon/lua"
	"github.com/redmoon-dev/redmoon/lua/internal/difftest"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// Differential fuzz tests of the libraries as a Lua program sees them: the same Lua function
// run(a, b, c) runs in redmoon and in a long-running lua5.1 process, and their answers must be
// equal byte for byte. Run each with: go test ./lua/stdlib -run XXX -fuzz FuzzXxx

// diffCase holds one Lua definition of run and its two engines.
type diffCase struct {
	src   string
	once  sync.Once
	proc  *difftest.Coprocess
	state *rlua.State
	run   vm.Value
	err   error
}

const serverLoop = `
while true do
  local line = io.read("*l")
  if not line then break end
  local f = {}
  for x in string.gmatch(line .. "\t", "([^\t]*)\t") do f[#f + 1] = U(x) end
  io.write(E(run(f[1], f[2], f[3])), "\n")
  io.flush()
end
`

func (d *diffCase) ask(t *testing.T, a, b, c string) (ours, theirs string) {
	bin := oracle.Binary(t, "lua5.1")
	d.once.Do(func() {
		d.proc, d.err = difftest.StartLua(bin, difftest.LuaEscapeFunc+difftest.LuaUnescapeFunc+d.src+serverLoop)
		if d.err != nil {
			return
		}
		d.state = rlua.NewState(rlua.Options{InstructionLimit: 1e8})
		if _, d.err = d.state.Exec(d.src, "=run"); d.err != nil {
			return
		}
		d.run = d.state.GetGlobal("run")
	})
	if d.err != nil {
		t.Fatal(d.err)
	}
	ans, err := d.proc.Ask(difftest.Escape(a) + "\t" + difftest.Escape(b) + "\t" + difftest.Escape(c))
	if err != nil {
		t.Fatal(err)
	}
	theirs, _ = difftest.Unescape(ans)
	d.state.L.SetInstructionLimit(1e8) // counted from now: each case gets the same budget
	res, err := d.state.Call(d.run, vm.String(a), vm.String(b), vm.String(c))
	if err != nil {
		return "engine error: " + err.Error(), theirs
	}
	ours, _ = vm.ToString(res[0])
	return ours, theirs
}

var formatCase = &diffCase{src: `
function run(f, s, n)
  local x = tonumber(n)
  local ok, r = pcall(string.format, f, x, s, -x)
  return (ok and "ok: " or "error: ") .. r
end
`}

// numText writes n so that tonumber reads back exactly n (NaN signs included).
func numText(n float64) string {
	switch {
	case n != n && math.Signbit(n):
		return "-nan"
	case n != n:
		return "nan"
	case math.IsInf(n, 1):
		return "inf"
	case math.IsInf(n, -1):
		return "-inf"
	}
	return strconv.FormatFloat(n, 'g', 17, 64)
}

func FuzzStringFormat(f *testing.F) {
	for _, s := range []string{"%d", "%5.2f|%s", "%q", "%-+ #05x", "%g %e %G", "%c%c", "%10.3s|", "%%%", "%y", "%.99f", "%5"} {
		f.Add(s, 3.25, "text")
	}
	f.Add("%d %s %x", math.Inf(-1), "a\x00b")
	f.Fuzz(func(t *testing.T, format string, n float64, s string) {
		if len(format) > 40 || len(s) > 150 {
			return
		}
		ours, theirs := formatCase.ask(t, format, s, numText(n))
		if ours != theirs {
			t.Errorf("string.format(%q, %v, %q, %v): redmoon %q, lua5.1 %q", format, n, s, -n, ours, theirs)
		}
	})
}

var patternCase = &diffCase{src: `
local function R(ok, ...)
  if not ok then return "error: " .. (...) end
  local t = {}
  for i = 1, select("#", ...) do t[i] = tostring((select(i, ...))) end
  return table.concat(t, ",")
end
local function G(s, p)
  local out, n = {}, 0
  local ok, err = pcall(function()
    local it = string.gmatch(s, p)
    while n < 50 do
      local t = {n = 0}
      local function pack(...) t.n = select("#", ...); for i = 1, t.n do t[i] = (select(i, ...)) end end
      pack(it())
      if t.n == 0 then break end
      n = n + 1
      out[#out + 1] = R(true, unpack(t, 1, t.n))
    end
  end)
  if not ok then out[#out + 1] = "error: " .. string.gsub(err, "^[^:]*:%d+: ", "") end
  return table.concat(out, "|")
end
function run(s, p, repl)
  local init = #repl % 5 - 2
  return R(pcall(string.find, s, p, init)) .. "\t" .. R(pcall(string.match, s, p)) .. "\t" .. G(s, p) .. "\t" ..
    R(pcall(string.gsub, s, p, repl)) .. "\t" .. R(pcall(string.gsub, s, p, repl, #repl % 3))
end
`}

func FuzzPatterns(f *testing.F) {
	for _, c := range [][3]string{{"hello world", "(%w+) (%w+)", "%2 %1"}, {"f(a(b)c)", "%b()", "<%0>"}, {"THE (quick) fox", "%f[%a]%a+", "X"},
		{"abab", "(ab)%1", "%%"}, {"key=val", "^(%w+)=(%w*)$", "%1"}, {"a.b", "[%.]", "%"}, {"  x  ", "^%s*(.-)%s*$", "[%1]"}} {
		f.Add(c[0], c[1], c[2])
	}
	f.Fuzz(func(t *testing.T, s, p, repl string) {
		if len(s) > 40 || len(p) > 24 || len(repl) > 8 {
			return
		}
		// Nested lazy and greedy items can take exponential time in both engines.
		if strings.Count(p, "-")+strings.Count(p, "*") > 4 {
			return
		}
		ours, theirs := patternCase.ask(t, s, p, repl)
		if ours != theirs {
			t.Errorf("patterns(%q, %q, %q):\nredmoon %q\nlua5.1  %q", s, p, repl, ours, theirs)
		}
	})
}

var tonumberCase = &diffCase{src: `
function run(s, base)
  local n = tonumber(s)
  local ok, sum = pcall(function() return s + 0 end)
  local b = tonumber(base)
  local okb, nb = pcall(tonumber, s, b)
  return tostring(n) .. " " .. (n and string.format("%.17g", n) or "-") .. " " .. (ok and tostring(sum) or "error") ..
    " " .. tostring(okb) .. " " .. tostring(nb)
end
`}

func FuzzTonumber(f *testing.F) {
	for _, s := range []string{"1", " 0x1p4 ", "nan(x)", "1e5", "-.5", "infinity", "0x", "1e-320", "ff", "  -0  ", "z"} {
		f.Add(s, uint8(16))
	}
	f.Fuzz(func(t *testing.T, s string, base uint8) {
		b := strconv.Itoa(int(base%40) + 1)
		if base%7 == 0 {
			b = "10"
		}
		ours, theirs := tonumberCase.ask(t, s, b, "")
		if ours != theirs {
			t.Errorf("tonumber(%q) [base %s]: redmoon %q, lua5.1 %q", s, b, ours, theirs)
		}
	})
}

var sortCase = &diffCase{src: `
function run(data, mode)
  local t = {}
  for i = 1, #data do t[i] = string.byte(data, i) % 16 end
  local calls = {}
  local m = tonumber(mode) or 0
  local cmp
  if m == 1 then
    cmp = function(a, b) calls[#calls + 1] = a .. "<" .. b return a < b end
  elseif m == 2 then
    cmp = function(a, b) calls[#calls + 1] = a .. "?" .. b return (a + b) % 3 == 0 end
  elseif m == 3 then
    cmp = function(a, b) calls[#calls + 1] = a .. ">=" .. b return a >= b end
  end
  local ok, err = pcall(table.sort, t, cmp)
  local out = {}
  for i = 1, #data do out[i] = tostring(t[i]) end
  err = string.gsub(tostring(err), "^[^:]*:%d+: ", "")
  return tostring(ok) .. " " .. err .. " " .. table.concat(out, ",") .. " " .. table.concat(calls, " ")
end
`}

// FuzzTableSort compares table.sort's result, comparator calls and errors with lua5.1's, for
// consistent and inconsistent comparators.
func FuzzTableSort(f *testing.F) {
	f.Add("\x03\x01\x04\x01\x05\x09\x02\x06", uint8(1))
	f.Add("zyxwvutsrqponmlkjihgfedcba", uint8(2))
	f.Add("aaaaaaaaaaaa", uint8(3))
	f.Fuzz(func(t *testing.T, data string, mode uint8) {
		if len(data) > 60 {
			return
		}
		m := strconv.Itoa(int(mode % 4))
		ours, theirs := sortCase.ask(t, data, m, "")
		if ours != theirs {
			t.Errorf("sort(%q, mode %s):\nredmoon %q\nlua5.1  %q", data, m, ours, theirs)
		}
	})
}
