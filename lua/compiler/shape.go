package compiler

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/redmoon-dev/redmoon/lua/vm"
)

// Shape summarises p's code in PUC Lua 5.1 terms, for differential tests against luac5.1 -l
// (see LuacShape): for p and then each nested function in order, a header with the stack size
// and the numbers of parameters, upvalues, local variables, constants and functions, and one
// line per instruction with its Lua 5.1 opcode, register A (except for JMP) and source line.
// Our opcodes are PUC's with the RK operands resolved into variants, so each names one of
// PUC's; words PUC does not have (EXTRAARG) are left out.
func Shape(p *vm.Proto) string {
	var b strings.Builder
	shapeOf(p, &b)
	return b.String()
}

// pucName maps our opcodes to Lua 5.1's.
func pucName(op vm.Opcode) string {
	n := op.String()
	switch {
	case n == "LOADKX" || n == "GETGLOBALX" || n == "SETGLOBALX" || n == "CLOSUREX":
		return strings.TrimSuffix(n, "X")
	case n == "GETTABLEK" || n == "GETFIELD":
		return "GETTABLE"
	case strings.HasPrefix(n, "SETTABLE") || strings.HasPrefix(n, "SETFIELD"):
		return "SETTABLE"
	case n == "SELFK":
		return "SELF"
	}
	for _, base := range []string{"ADD", "SUB", "MUL", "DIV", "MOD", "POW", "EQ", "LT", "LE"} {
		switch strings.TrimPrefix(n, base) {
		case "RK", "KR", "KK":
			return base
		}
	}
	return n
}

// hasA reports whether register A is meaningful in both encodings.
func hasA(name string) bool { return name != "JMP" }

func shapeOf(p *vm.Proto, b *strings.Builder) {
	fmt.Fprintf(b, "function slots %d params %d upvalues %d locals %d constants %d functions %d\n",
		p.MaxStack, p.NumParams, p.NumUpvalues, len(p.LocVars), len(p.Constants), len(p.Protos))
	for pc := 0; pc < len(p.Code); pc++ {
		i := p.Code[pc]
		op := vm.OpOf(i)
		name := pucName(op)
		switch op {
		case vm.OpExtraArg:
			continue
		}
		a := ""
		if hasA(name) {
			a = strconv.Itoa(vm.ArgA(i))
		}
		fmt.Fprintf(b, "%s %s [%d]\n", name, a, p.LineInfo[pc])
		if op == vm.OpSetList && vm.ArgC(i) == 0 {
			pc++ // the block number word
		}
	}
	for _, c := range p.Protos {
		shapeOf(c, b)
	}
}

var (
	luacHeader = regexp.MustCompile(`^(\d+)\+? params?, (\d+) slots?, (\d+) upvalues?, (\d+) locals?, (\d+) constants?, (\d+) functions?`)
	luacInstr  = regexp.MustCompile(`^\t\d+\t\[(\d+)\]\t(\w+)\s+(-?\d+)`)
)

// LuacShape reduces the output of luac5.1 -l to the form Shape gives. luac lists a function,
// then its nested functions in order, as Shape does.
func LuacShape(listing string) string {
	var b strings.Builder
	for _, l := range strings.Split(listing, "\n") {
		if m := luacHeader.FindStringSubmatch(l); m != nil {
			fmt.Fprintf(&b, "function slots %s params %s upvalues %s locals %s constants %s functions %s\n",
				m[2], m[1], m[3], m[4], m[5], m[6])
			continue
		}
		if m := luacInstr.FindStringSubmatch(l); m != nil {
			a := m[3]
			if !hasA(m[2]) {
				a = ""
			}
			fmt.Fprintf(&b, "%s %s [%s]\n", m[2], a, m[1])
		}
	}
	return b.String()
}
