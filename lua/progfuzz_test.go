package lua_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"flag"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	"github.com/redmoon-dev/redmoon/lua"
	"github.com/redmoon-dev/redmoon/lua/compiler"
	"github.com/redmoon-dev/redmoon/lua/parser"
)

// A differential fuzzer: random small programs, generated from a grammar of Lua 5.1 statements
// and expressions, run under redmoon and under lua5.1; their outputs (stdout, then the error
// message if the program failed) must be equal. Programs always terminate: loops have constant
// bounds, functions only call functions defined before them. FuzzPrograms explores with
// go test -fuzz; TestProgramsRandom runs -progs programs from fixed seeds.

var numProgs = flag.Int("progs", 40, "random programs compared with lua5.1 by TestProgramsRandom")

type vtype int

const (
	tNum vtype = iota
	tStr
	tBool
	tTab
	tFun
	tAny
	nTypes
)

type variable struct {
	name string
	t    vtype
}

type progGen struct {
	r      *rand.Rand
	b      strings.Builder
	vars   []variable
	funcs  []variable // local functions in scope, each takes (a, b)
	n      int        // name counter
	depth  int
	inFunc int
	vararg bool
	stmts  int
	loops  int
}

func (g *progGen) name(prefix string) string {
	g.n++
	return prefix + strconv.Itoa(g.n)
}

func (g *progGen) pick(n int) int { return g.r.IntN(n) }

func (g *progGen) chance(p float64) bool { return g.r.Float64() < p }

// sp separates two tokens: a space, sometimes a line break (line information is compared
// too, through error messages and the code shape).
func (g *progGen) sp() string {
	if g.chance(0.1) {
		return "\n"
	}
	return " "
}

func (g *progGen) varOf(t vtype) string {
	var c []string
	for _, v := range g.vars {
		if v.t == t || t == tAny {
			c = append(c, v.name)
		}
	}
	if len(c) == 0 {
		return ""
	}
	return c[g.pick(len(c))]
}

// numLits has no literal giving a positive NaN ("-(0/0)" or tonumber("nan")): see num.
var numLits = []string{"0", "1", "2", "3", "-1", "0.5", "-2.25", "10", "1e300", "-0", "0x10", "255", "1/3",
	"2^53", "7", "100", "0.1", "3.75", "1e-5", "(0/0)", "(1/0)", "-(1/0)"}
var strLits = []string{`"a"`, `"b"`, `"10"`, `"0x1A"`, `" 5 "`, `""`, `"abc"`, `"x y"`, `"1e2"`, `"-3"`, `'\0z'`,
	`"\n"`, `[[long]]`, `"k1"`, `"k2"`, `"inf"`}

func (g *progGen) num() string {
	if g.depth > 3 || g.chance(0.3) {
		if v := g.varOf(tNum); v != "" && g.chance(0.6) {
			return v
		}
		return numLits[g.pick(len(numLits))]
	}
	g.depth++
	defer func() { g.depth-- }()
	switch g.pick(9) {
	case 0, 1, 2:
		ops := []string{"+", "-", "*", "/", "%", "^"}
		return "(" + g.num() + " " + ops[g.pick(len(ops))] + g.sp() + g.num() + ")"
	case 3:
		// not a unary minus: 0 - x keeps every NaN negative (x86's default NaN), so the
		// operand order of two-NaN operations (vm-bugs 8) cannot show
		return "(0 - " + g.num() + ")"
	case 4:
		return "#" + g.str()
	case 5:
		return "(tonumber(" + g.str() + ") or " + g.num() + ")"
	case 6:
		if f := g.fun(); f != "" {
			return "(tonumber(" + f + "(" + g.any() + ", " + g.any() + ")) or 0)"
		}
		return "math.floor(" + g.num() + ")"
	case 7:
		return "select('#', " + g.any() + ", " + g.any() + ")"
	default:
		if t := g.varOf(tTab); t != "" {
			return "#" + t
		}
		if g.chance(0.2) {
			return "(" + g.str() + " + 0)" // an arithmetic error, now and then
		}
		return "(tonumber(" + g.str() + ") or 0)"
	}
}

func (g *progGen) str() string {
	if g.depth > 3 || g.chance(0.35) {
		if v := g.varOf(tStr); v != "" && g.chance(0.5) {
			return v
		}
		return strLits[g.pick(len(strLits))]
	}
	g.depth++
	defer func() { g.depth-- }()
	switch g.pick(6) {
	case 0, 1:
		return "(" + g.str() + " .." + g.sp() + g.num() + ")"
	case 2:
		// never of a table or function: their addresses differ between engines
		if g.chance(0.5) {
			return "tostring(" + g.num() + ")"
		}
		return "tostring(" + g.boolean() + ")"
	case 3:
		return "type(" + g.any() + ")"
	case 4:
		return "string.rep(" + g.str() + ", 2)"
	default:
		return "string.format('%g|%s', " + g.num() + ", " + g.str() + ")"
	}
}

func (g *progGen) boolean() string {
	if g.depth > 3 || g.chance(0.25) {
		if v := g.varOf(tBool); v != "" && g.chance(0.5) {
			return v
		}
		return []string{"true", "false", "nil"}[g.pick(3)]
	}
	g.depth++
	defer func() { g.depth-- }()
	switch g.pick(6) {
	case 0:
		ops := []string{"<", "<=", ">", ">=", "==", "~="}
		return "(" + g.num() + " " + ops[g.pick(len(ops))] + g.sp() + g.num() + ")"
	case 1:
		ops := []string{"<", "<=", "==", "~="}
		return "(" + g.str() + " " + ops[g.pick(len(ops))] + g.sp() + g.str() + ")"
	case 2:
		return "not " + g.any()
	case 3:
		return "(" + g.any() + " == " + g.any() + ")"
	case 4:
		return "(" + g.boolean() + " and " + g.boolean() + ")"
	default:
		return "(" + g.boolean() + " or " + g.boolean() + ")"
	}
}

func (g *progGen) table() string {
	if g.depth > 3 || g.chance(0.3) {
		if v := g.varOf(tTab); v != "" && g.chance(0.6) {
			return v
		}
	}
	g.depth++
	defer func() { g.depth-- }()
	var items []string
	for i := g.pick(6); i > 0; i-- {
		switch g.pick(4) {
		case 0:
			items = append(items, g.str()+" .. ''")
		case 1:
			items = append(items, "k"+strconv.Itoa(g.pick(4))+" = "+g.any())
		case 2:
			items = append(items, "["+g.num()+"] = "+g.any())
		default:
			items = append(items, g.num())
		}
	}
	sep := ", "
	if g.chance(0.2) {
		sep = "; "
	}
	return "{" + strings.Join(items, sep) + "}"
}

func (g *progGen) fun() string {
	if len(g.funcs) == 0 {
		return ""
	}
	return g.funcs[g.pick(len(g.funcs))].name
}

func (g *progGen) any() string {
	if g.depth > 4 {
		return numLits[g.pick(len(numLits))]
	}
	switch g.pick(9) {
	case 0, 1:
		return g.num()
	case 2, 3:
		return g.str()
	case 4:
		return g.boolean()
	case 5:
		return g.table()
	case 6:
		if g.vararg && g.chance(0.5) {
			return "(...)"
		}
		if v := g.varOf(tAny); v != "" {
			return v
		}
		return "nil"
	case 7:
		g.depth++
		defer func() { g.depth-- }()
		return "(" + g.any() + " and " + g.any() + " or " + g.any() + ")"
	default:
		if t := g.varOf(tTab); t != "" {
			if g.chance(0.5) {
				return t + ".k" + strconv.Itoa(g.pick(4))
			}
			return t + "[" + g.num() + "]"
		}
		return g.num()
	}
}

// cond is an and/or/not tree over constants, comparisons and variables: the code generator's
// jump lists and constant conditions are where compilers go wrong.
func (g *progGen) cond(d int) string {
	if d <= 0 || g.chance(0.25) {
		switch g.pick(7) {
		case 0:
			return []string{"true", "false", "nil", "1", "'s'", "0"}[g.pick(6)]
		case 1:
			return "(" + g.num() + " < " + g.num() + ")"
		case 2:
			return "(" + g.any() + " == " + g.any() + ")"
		case 3:
			if v := g.varOf(tAny); v != "" {
				return v
			}
			return "nil"
		case 4:
			return "(" + g.any() + ")"
		case 5:
			return "(" + g.str() + " ~= " + g.str() + ")"
		default:
			return "not " + g.cond(d-1)
		}
	}
	switch g.pick(5) {
	case 0, 1:
		return "(" + g.cond(d-1) + " and" + g.sp() + g.cond(d-1) + ")"
	case 2, 3:
		return "(" + g.cond(d-1) + " or" + g.sp() + g.cond(d-1) + ")"
	default:
		return "(" + g.cond(d-1) + " and " + g.cond(d-1) + " or " + g.cond(d-1) + ")"
	}
}

func (g *progGen) exprOf(t vtype) string {
	switch t {
	case tNum:
		return g.num()
	case tStr:
		return g.str()
	case tBool:
		return g.boolean()
	case tTab:
		return g.table()
	}
	return g.any()
}

func (g *progGen) line(s string) {
	g.b.WriteString(s)
	g.b.WriteByte('\n')
}

func (g *progGen) block(n int) {
	saved, savedF := len(g.vars), len(g.funcs)
	for i := 0; i < n; i++ {
		g.stmt()
	}
	g.vars, g.funcs = g.vars[:saved], g.funcs[:savedF]
}

func (g *progGen) stmt() {
	g.stmts++
	nested := g.depth < 3 && g.stmts < 120
	k := g.pick(28)
	if !nested && k >= 9 && k < 18 {
		k = g.pick(9)
	}
	switch k {
	case 24:
		// globals and upvalues through two levels of closures
		gl, c := g.name("G"), g.name("cnt")
		g.line(gl + " = " + g.num())
		g.line("local function " + c + "() local n = " + g.num() + " return function(d) n = n + d " + gl + " = (" + gl + " or 0) + 1 return function() return n, " + gl + " end end end")
		g.line("do local mk = " + c + "() local r1 = mk(1) local r2 = mk(" + g.num() + ") p(r1()) p(r2()) end")
	case 25:
		// a coroutine generator inside a generic for
		k := g.name("k")
		g.line("for " + k + " in coroutine.wrap(function() for j = 1, " + strconv.Itoa(1+g.pick(4)) + " do coroutine.yield(j * " + g.num() + ") end end) do p(" + k + ") end")
		g.line("p(coroutine.resume(coroutine.create(function(x, y) local z = coroutine.yield(x) return z, y end), " + g.any() + ", " + g.any() + "))")
	case 26:
		// metatables: arithmetic, comparison, concatenation, __index and __call
		mt := g.name("mt")
		g.line("local " + mt + " = {__add = function(a, b) return 'add' end, __eq = function() return true end, __lt = function(a, b) return true end, __le = function() return false end, __concat = function(a, b) return 'cat' end, __index = function(t, k) return k end, __call = function(self, x) return x end, __unm = function() return 'unm' end, __len = function() return 9 end}")
		g.line("do local a, b = setmetatable({}, " + mt + "), setmetatable({}, " + mt + ") p(a + 1, 1 + a, a == b, a < b, a <= b, a > b, a .. 'x', 1 .. a, a.foo, a[" + g.num() + "], a(" + g.any() + "), -a, #a, a ~= b) end")
	case 27:
		// numeric for with a body that assigns its own variable, and float accumulation
		i := g.name("i")
		g.line("do local acc = 0 for " + i + " = " + []string{"0", "1", "-2", "0.5", "3"}[g.pick(5)] + ", " + strconv.Itoa(g.pick(6)) + ", " + []string{"1", "0.1", "0.3", "-1", "2.5"}[g.pick(5)] + " do acc = acc + " + i + " " + i + " = " + i + " * 2 if acc > 50 then break end end p(acc) end")
	case 18:
		g.line("p(" + g.cond(3) + "," + g.sp() + g.cond(2) + ")")
		if g.depth < 3 {
			g.line("if " + g.cond(3) + " then p('then') elseif " + g.cond(2) + " then p('elseif') else p('else') end")
		}
	case 19:
		v := g.name("v")
		g.line("local " + v + " = " + g.cond(4))
		g.vars = append(g.vars, variable{v, tAny})
		g.line("while " + g.cond(2) + " do p('w') break end")
	case 20:
		// multiple assignment with overlapping targets
		a, b, t := g.name("a"), g.name("b"), g.name("t")
		g.line("local " + a + ", " + b + ", " + t + " = " + g.num() + ", " + g.num() + ", {}")
		g.line(a + ", " + b + " = " + b + ", " + a)
		g.line(t + "[" + a + "], " + a + ", " + t + "[" + b + "] = " + b + ", " + g.num() + ", " + a)
		g.line("p(" + a + ", " + b + ", " + t + "[" + a + "], " + t + "[" + b + "])")
		g.line(a + ", " + t + "[" + a + "] = " + a + " + 1, " + g.num())
		g.line("p(" + a + ", " + t + "[" + a + "])")
	case 21:
		// methods and chained calls
		o := g.name("o")
		g.line("local " + o + " = {n = 0}")
		g.line("function " + o + ":inc(d) self.n = self.n + (tonumber(d) or 1) return self end")
		g.line("p(" + o + ":inc(" + g.num() + "):inc(" + g.any() + ").n, (" + g.str() + "):upper(), (" + g.str() + "):sub(1, 2))")
	case 22:
		// long constructors (SETLIST flushes) with a multi-value tail
		if f := g.fun(); f != "" && g.chance(0.5) {
			g.line("p(#{" + repList("1", 50+g.pick(20)) + ", " + f + "(" + g.any() + ", " + g.any() + ")})")
		} else {
			g.line("p(select('#', unpack({" + repList("'x'", 45+g.pick(20)) + ", select(2, 1, 2, 3)})))")
		}
	case 23:
		// tail calls and varargs through several frames
		f := g.name("f")
		g.line("local function " + f + "(n, ...) if n <= 0 then return select('#', ...), ... end return " + f + "(n - 1, n, ...) end")
		g.line("p(" + f + "(" + strconv.Itoa(g.pick(4)) + ", " + g.any() + "))")
	case 0, 1:
		t := vtype(g.pick(int(tFun)))
		v := g.name("v")
		g.line("local " + v + " = " + g.exprOf(t))
		g.vars = append(g.vars, variable{v, t})
	case 2:
		if len(g.vars) == 0 {
			g.line("p(" + g.any() + ")")
			return
		}
		v := g.vars[g.pick(len(g.vars))]
		g.line(v.name + " = " + g.exprOf(v.t))
	case 3, 4:
		g.line("p(" + g.any() + "," + g.sp() + g.any() + ")")
	case 5:
		if t := g.varOf(tTab); t != "" {
			g.line(t + "[" + g.num() + "] = " + g.any())
			g.line(t + ".k" + strconv.Itoa(g.pick(4)) + " = " + g.any())
			return
		}
		g.line("p(" + g.table() + ")")
	case 6:
		g.line("p(pcall(function() return " + g.any() + " + " + g.any() + " end))")
	case 7:
		if f := g.fun(); f != "" {
			g.line("p(" + f + "(" + g.any() + ", " + g.any() + "))")
			g.line("p(pcall(" + f + ", " + g.any() + "))")
			return
		}
		g.line("p(select(2, " + g.any() + ", " + g.any() + ", " + g.any() + "))")
	case 8:
		g.line("p(pcall(error, " + g.any() + "))")
		g.line("p(pcall(error, " + g.str() + ", " + strconv.Itoa(g.pick(3)) + "))")
	case 9:
		g.depth++
		g.line("if " + g.boolean() + " then")
		g.block(1 + g.pick(3))
		if g.chance(0.4) {
			g.line("elseif " + g.boolean() + " then")
			g.block(1 + g.pick(2))
		}
		if g.chance(0.5) {
			g.line("else")
			g.block(1 + g.pick(2))
		}
		g.line("end")
		g.depth--
	case 10:
		g.depth++
		i := g.name("i")
		steps := []string{"", ", 1", ", -1", ", 0.5", ", 2", ", -0.75"}
		g.line("for " + i + " = " + strconv.Itoa(g.pick(5)-2) + ", " + strconv.Itoa(g.pick(7)-3) + steps[g.pick(len(steps))] + " do")
		g.vars = append(g.vars, variable{i, tNum})
		g.block(1 + g.pick(3))
		g.vars = g.vars[:len(g.vars)-1]
		if g.chance(0.2) {
			g.line("if " + i + " then break end")
		}
		g.line("end")
		g.depth--
	case 11:
		g.depth++
		k, v := g.name("k"), g.name("x")
		it := "pairs"
		if g.chance(0.3) {
			it = "ipairs"
		}
		g.line("for " + k + ", " + v + " in " + it + "(" + g.table() + ") do")
		g.line("p(" + k + ", " + v + ")")
		g.vars = append(g.vars, variable{k, tAny}, variable{v, tAny})
		g.block(g.pick(2))
		g.vars = g.vars[:len(g.vars)-2]
		g.line("end")
		g.depth--
	case 12:
		g.depth++
		g.line("do")
		g.block(1 + g.pick(3))
		g.line("end")
		g.depth--
	case 13, 14:
		g.depth++
		f := g.name("f")
		vararg := g.chance(0.4)
		params := "a, b"
		if vararg {
			params += ", ..."
		}
		g.line("local function " + f + "(" + params + ")")
		savedVar := g.vararg
		g.vararg = vararg
		g.vars = append(g.vars, variable{"a", tAny}, variable{"b", tAny})
		g.inFunc++
		g.block(1 + g.pick(3))
		g.inFunc--
		g.vars = g.vars[:len(g.vars)-2]
		if vararg && g.chance(0.5) {
			g.line("return select('#', ...), ...")
		} else {
			g.line("return " + g.any() + ", " + g.any())
		}
		g.vararg = savedVar
		g.line("end")
		g.funcs = append(g.funcs, variable{f, tFun})
		g.depth--
	case 15:
		g.depth++
		c := g.name("c")
		g.line("local " + c + " = 0")
		if g.chance(0.5) {
			g.line("while " + c + " < " + strconv.Itoa(1+g.pick(3)) + " do")
			g.line(c + " = " + c + " + 1")
			g.block(1 + g.pick(2))
			g.line("end")
		} else {
			g.line("repeat")
			g.line(c + " = " + c + " + 1")
			g.block(1 + g.pick(2))
			g.line("until " + c + " >= " + strconv.Itoa(1+g.pick(3)))
		}
		g.depth--
	case 16:
		// closures capturing a fresh local per iteration
		g.depth++
		fs, i := g.name("fs"), g.name("i")
		g.line("local " + fs + " = {}")
		g.line("for " + i + " = 1, 3 do local u = " + i + " * 2 " + fs + "[" + i + "] = function(d) u = u + (tonumber(d) or 1) return u, " + i + " end end")
		g.line("p(" + fs + "[1](), " + fs + "[1](" + g.num() + "), " + fs + "[3](), " + fs + "[2]())")
		g.depth--
	default:
		g.depth++
		v := g.name("v")
		g.line("local " + v + " = {" + g.any() + ", " + g.any() + ", " + g.any() + "}")
		g.line("p(select('#', unpack(" + v + ")), #" + v + ", " + v + "[1], " + v + "[3])")
		g.line("p(pcall(string.rep))")
		g.depth--
	}
}

// repList returns n copies of item separated by commas.
func repList(item string, n int) string {
	return strings.TrimSuffix(strings.Repeat(item+", ", n), ", ")
}

const progPrelude = `local function p(...)
  local t = {}
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    local tv = type(v)
    if tv == "table" or tv == "function" or tv == "thread" or tv == "userdata" then v = tv end
    -- NaN signs of two-NaN operations differ (vm-bugs 8): print every NaN alike
    if v ~= v then v = "NaN" elseif tv == "string" then v = v:gsub("%-?nan", "NaN") end
    t[#t + 1] = tostring(v)
  end
  print(table.concat(t, " "))
end
`

// genProgram returns a random program for seed.
func genProgram(seed uint64) string {
	g := &progGen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	g.b.WriteString(progPrelude)
	n := 5 + g.pick(20)
	for i := 0; i < n; i++ {
		g.stmt()
	}
	return g.b.String()
}

// runBoth runs src as a script file under redmoon and lua5.1 and returns both results.
func runBoth(t testing.TB, bin, dir, src string) (ours, theirs string) {
	path := filepath.Join(dir, "prog.lua")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	st := lua.RunScript(lua.Options{InstructionLimit: 1e7}, "lua5.1", path, nil, &out, &errb)
	ours = progResult(out.Bytes(), st, errb.Bytes())
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, path)
	cmd.Args[0] = "lua5.1"
	out.Reset()
	errb.Reset()
	cmd.Stdout, cmd.Stderr = &out, &errb
	st = 0
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatal(err)
		}
		st = 1
	}
	return ours, progResult(out.Bytes(), st, errb.Bytes())
}

// progResult formats a run as the corpus's golden files do.
func progResult(stdout []byte, status int, stderr []byte) string {
	if status == 0 {
		return string(stdout)
	}
	first, _, _ := strings.Cut(string(stderr), "\n")
	return string(stdout) + "\n=== exit 1\n" + first + "\n"
}

func checkProgram(t testing.TB, bin, dir string, seed uint64) {
	src := genProgram(seed)
	ours, theirs := runBoth(t, bin, dir, src)
	if ours != theirs {
		t.Errorf("seed %d: output differs from lua5.1\n--- program\n%s\n--- ours\n%s\n--- lua5.1\n%s", seed, src, ours, theirs)
	}
	if luac, ok := oracle.Lookup("luac5.1"); ok {
		checkShape(t, luac, filepath.Join(dir, "prog.lua"), src, seed)
	}
}

// checkShape compares the code of the program with luac5.1's (see compiler.Shape).
func checkShape(t testing.TB, luac, path, src string, seed uint64) {
	out, luacErr := exec.Command(luac, "-l", "-p", path).Output()
	chunk, err := parser.ParseOptions([]byte(src), "@"+path, parser.Options{SkipHashLine: true, CCalls: 1})
	if err == nil {
		_, err = compiler.CompileOptions(chunk, compiler.Options{Source: []byte(src), SkipHashLine: true})
	}
	if (err != nil) != (luacErr != nil) {
		t.Errorf("seed %d: compiling: ours %v, luac5.1 %v", seed, err, luacErr)
	}
	if err != nil || luacErr != nil {
		return // the run compared the messages
	}
	p, _ := compiler.CompileOptions(chunk, compiler.Options{Source: []byte(src), SkipHashLine: true})
	got, want := strings.Split(compiler.Shape(p), "\n"), strings.Split(compiler.LuacShape(string(out)), "\n")
	for i := range max(len(got), len(want)) {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Errorf("seed %d: code differs from luac5.1's at shape line %d: ours %q, luac5.1 %q\n%s", seed, i+1, g, w, src)
			return
		}
	}
}

func TestProgramsRandom(t *testing.T) {
	bin := oracle.Binary(t, "lua5.1")
	dir := t.TempDir()
	n := *numProgs
	if testing.Short() {
		n = 5
	}
	for seed := uint64(1); seed <= uint64(n); seed++ {
		checkProgram(t, bin, dir, seed)
	}
}

func FuzzPrograms(f *testing.F) {
	bin := oracle.Binary(f, "lua5.1")
	for seed := uint64(1); seed <= 8; seed++ {
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], seed)
		f.Add(b[:])
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var b [8]byte
		copy(b[:], data)
		checkProgram(t, bin, t.TempDir(), binary.LittleEndian.Uint64(b[:]))
	})
}
