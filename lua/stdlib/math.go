package stdlib

import (
	"math"

	"github.com/redmoon-dev/redmoon/lua/internal/luanum"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// The math library (Lua 5.1's lmathlib.c).

// RandomSource is the generator behind math.random and math.randomseed.
type RandomSource interface {
	// Float returns the next number in [0, 1).
	Float() float64
	// Seed restarts the sequence from seed (math.randomseed's argument as a C int).
	Seed(seed int32)
}

// MathOptions configures the math library.
type MathOptions struct {
	// Random is the generator of math.random. Nil means a new generator behaving as PUC Lua 5.1
	// on Linux (glibc's rand, seeded with 1 until math.randomseed); use NewRedisRandom for the
	// Redis environment.
	Random RandomSource
}

const radiansPerDegree = math.Pi / 180.0

func init() { register(MathLib, 60, func(L *vm.State) { OpenMath(L) }) }

// OpenMath opens the math library (luaopen_math) with a generator behaving like PUC Lua's.
func OpenMath(L *vm.State) *vm.Table { return OpenMathWith(L, MathOptions{}) }

// OpenMathWith opens the math library with the given options.
func OpenMathWith(L *vm.State, opts MathOptions) *vm.Table {
	rnd := opts.Random
	if rnd == nil {
		rnd = NewCRandom()
	}
	funcs := []vm.Reg{
		{Name: "abs", Fn: math1(math.Abs)},
		{Name: "acos", Fn: math1(luanum.Acos)},
		{Name: "asin", Fn: math1(luanum.Asin)},
		{Name: "atan2", Fn: math2(luanum.Atan2)},
		{Name: "atan", Fn: math1(luanum.Atan)},
		{Name: "ceil", Fn: math1(luanum.Ceil)},
		{Name: "cosh", Fn: math1(luanum.Cosh)},
		{Name: "cos", Fn: math1(luanum.Cos)},
		{Name: "deg", Fn: math1(func(x float64) float64 { return x / radiansPerDegree })},
		{Name: "exp", Fn: math1(luanum.Exp)},
		{Name: "floor", Fn: math1(luanum.Floor)},
		{Name: "fmod", Fn: math2(luanum.Fmod)},
		{Name: "frexp", Fn: mathFrexp},
		{Name: "ldexp", Fn: mathLdexp},
		{Name: "log10", Fn: math1(luanum.Log10)},
		{Name: "log", Fn: math1(luanum.Log)},
		{Name: "max", Fn: mathMax},
		{Name: "min", Fn: mathMin},
		{Name: "modf", Fn: mathModf},
		{Name: "pow", Fn: math2(luanum.Pow)},
		{Name: "rad", Fn: math1(func(x float64) float64 { return x * radiansPerDegree })},
		{Name: "random", Fn: mathRandom(rnd)},
		{Name: "randomseed", Fn: mathRandomseed(rnd)},
		{Name: "sinh", Fn: math1(luanum.Sinh)},
		{Name: "sin", Fn: math1(luanum.Sin)},
		{Name: "sqrt", Fn: math1(luanum.Sqrt)},
		{Name: "tanh", Fn: math1(luanum.Tanh)},
		{Name: "tan", Fn: math1(luanum.Tan)},
	}
	lib := L.RegisterLib("math", funcs)
	lib.SetStr("pi", vm.Number(math.Pi))
	lib.SetStr("huge", vm.Number(math.Inf(1)))
	lib.SetStr("mod", lib.GetStr("fmod"))
	return lib
}

func math1(f func(float64) float64) func(L *vm.State) int {
	return func(L *vm.State) int {
		L.PushNumber(f(L.CheckNumber(1)))
		return 1
	}
}

func math2(f func(float64, float64) float64) func(L *vm.State) int {
	return func(L *vm.State) int {
		L.PushNumber(f(L.CheckNumber(1), L.CheckNumber(2)))
		return 1
	}
}

func mathModf(L *vm.State) int {
	x := L.CheckNumber(1)
	ip, fp := math.Modf(x)
	if math.IsInf(x, 0) {
		fp = math.Copysign(0, x) // C's modf: the fraction of an infinity is a signed zero
	}
	L.PushNumber(ip)
	L.PushNumber(fp)
	return 2
}

func mathFrexp(L *vm.State) int {
	f, e := math.Frexp(L.CheckNumber(1))
	L.PushNumber(f)
	L.PushInt(e)
	return 2
}

func mathLdexp(L *vm.State) int {
	x := L.CheckNumber(1)
	L.PushNumber(math.Ldexp(x, checkInt(L, 2)))
	return 1
}

func mathMin(L *vm.State) int {
	n := L.GetTop()
	dmin := L.CheckNumber(1)
	for i := 2; i <= n; i++ {
		if d := L.CheckNumber(i); d < dmin {
			dmin = d
		}
	}
	L.PushNumber(dmin)
	return 1
}

func mathMax(L *vm.State) int {
	n := L.GetTop()
	dmax := L.CheckNumber(1)
	for i := 2; i <= n; i++ {
		if d := L.CheckNumber(i); d > dmax {
			dmax = d
		}
	}
	L.PushNumber(dmax)
	return 1
}

func mathRandom(rnd RandomSource) func(L *vm.State) int {
	return func(L *vm.State) int {
		r := rnd.Float()
		switch L.GetTop() {
		case 0:
			L.PushNumber(r)
		case 1:
			u := int32(checkInt(L, 1))
			L.ArgCheck(1 <= u, 1, "interval is empty")
			L.PushNumber(math.Floor(r*float64(u)) + 1)
		case 2:
			l := int32(checkInt(L, 1))
			u := int32(checkInt(L, 2))
			L.ArgCheck(l <= u, 2, "interval is empty")
			L.PushNumber(math.Floor(r*float64(u-l+1)) + float64(l))
		default:
			L.Errorf("wrong number of arguments")
		}
		return 1
	}
}

func mathRandomseed(rnd RandomSource) func(L *vm.State) int {
	return func(L *vm.State) int {
		rnd.Seed(int32(checkInt(L, 1)))
		return 0
	}
}
