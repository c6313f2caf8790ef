// Package lua is redmoon's embedding API: a pure-Go Lua 5.1 engine.
//
// A State is a Lua state with its globals and libraries:
//
//	L := lua.NewState(lua.Options{})
//	if err := L.DoString(`print("hello " .. 6*7)`); err != nil { ... }
//
// Go functions use the library-writer API of package vm (see its documentation): they receive
// the running thread (*vm.State) with their arguments on its stack and push their results.
package lua

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/redmoon-dev/redmoon/lua/bit"
	"github.com/redmoon-dev/redmoon/lua/cjson"
	"github.com/redmoon-dev/redmoon/lua/cmsgpack"
	"github.com/redmoon-dev/redmoon/lua/compiler"
	"github.com/redmoon-dev/redmoon/lua/lexer"
	"github.com/redmoon-dev/redmoon/lua/parser"
	"github.com/redmoon-dev/redmoon/lua/stdlib"
	structlib "github.com/redmoon-dev/redmoon/lua/struct"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// Value is a Lua value (see vm.Value).
type Value = vm.Value

// Options configures a new State.
type Options struct {
	// Libraries lists the libraries to open, by name ("_G" for base with coroutine, "table",
	// "string", "math", "os", "debug", and Redis's bundled "cjson", "struct", "cmsgpack" and
	// "bit"), in the order given, the bundled ones after the others. Nil opens every standard
	// library, as the lua5.1 binary does; an empty non-nil slice opens none. RedisLibraries is
	// the set a Redis scripting state opens.
	Libraries []string
	// RedisStringHash selects Redis's string hash (every byte hashed): pairs order then matches
	// Redis for keys of 32 bytes or more.
	RedisStringHash bool
	// RefuseBinaryChunks makes loadstring treat precompiled chunks as text (rejected by the
	// lexer), as Redis does.
	RefuseBinaryChunks bool
	// InstructionLimit caps the work (calls plus loop iterations) a state may do; 0 is no limit.
	InstructionLimit int64
	// Stdout receives print's output; nil means os.Stdout.
	Stdout io.Writer
	// MaxStringSize, when positive, bounds the strings .. builds ("not enough memory" past it).
	MaxStringSize int
}

// State is a Lua state: the main thread with its globals.
type State struct {
	L *vm.State
}

// NewState creates a Lua state with the chosen libraries.
func NewState(opts Options) *State {
	L := vm.NewState(vm.Options{
		RedisStringHash:    opts.RedisStringHash,
		RefuseBinaryChunks: opts.RefuseBinaryChunks,
		InstructionLimit:   opts.InstructionLimit,
		Stdout:             opts.Stdout,
		MaxStringSize:      opts.MaxStringSize,
	})
	L.SetCompiler(compileSource)
	libs := opts.Libraries
	if libs == nil {
		libs = stdlib.Available()
	}
	for _, name := range stdlib.Open(L, libs...) {
		if open := bundledLibraries[name]; open != nil {
			open(L)
		}
	}
	return &State{L: L}
}

// bundledLibraries are Redis's bundled libraries, which Options.Libraries opens by name after
// the standard ones (Redis opens them in the order cjson, struct, cmsgpack, bit).
var bundledLibraries = map[string]func(*vm.State) *vm.Table{
	cjson.Name:     cjson.Open,
	structlib.Name: structlib.Open,
	cmsgpack.Name:  cmsgpack.Open,
	bit.Name:       bit.Open,
}

// RedisLibraries lists, in Redis's order, the libraries a Redis scripting state opens: the
// standard ones Redis keeps and the bundled cjson, struct, cmsgpack and bit.
var RedisLibraries = []string{"_G", "table", "string", "math", "cjson", "struct", "cmsgpack", "bit"}

// compileSource is the compiler the VM calls for loadstring and friends.
func compileSource(L *vm.State, src, chunkname string) (*vm.Proto, error) {
	return Compile(src, chunkname, L.CCalls())
}

// Compile parses and compiles Lua source. ccalls is the Go-level call depth at load time (it
// lowers the syntax nesting limit, as PUC's nCcalls does); 0 for a host.
func Compile(src, chunkname string, ccalls int) (*vm.Proto, error) {
	b := []byte(src)
	chunk, err := parser.ParseOptions(b, chunkname, parser.Options{CCalls: ccalls})
	if err != nil {
		var le *lexer.Error
		if errors.As(err, &le) {
			return nil, &vm.Error{Value: vm.String(le.Error())}
		}
		return nil, &vm.Error{Value: vm.String(err.Error())}
	}
	p, err := compiler.CompileOptions(chunk, compiler.Options{Source: b})
	if err != nil {
		return nil, &vm.Error{Value: vm.String(err.Error())}
	}
	return p, nil
}

// Load compiles a chunk and returns it as a function value, without running it. chunkname
// follows Lua's conventions ("=name", "@file", or the source for [string "..."]).
func (s *State) Load(src, chunkname string) (Value, error) {
	return s.L.Load(src, chunkname)
}

// DoString compiles and runs src (chunk name: the source itself, as loadstring does).
func (s *State) DoString(src string) error {
	_, err := s.Exec(src, src)
	return err
}

// Exec compiles and runs src under chunkname and returns the chunk's results.
func (s *State) Exec(src, chunkname string) ([]Value, error) {
	fn, err := s.Load(src, chunkname)
	if err != nil {
		return nil, err
	}
	return s.Call(fn)
}

// DoFile runs a file as lua5.1 would (chunk name "@path", a first '#' line skipped).
func (s *State) DoFile(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	fn, err := s.LoadFile(string(data), path)
	if err != nil {
		return err
	}
	_, err = s.Call(fn)
	return err
}

// LoadFile compiles the contents of a file as luaL_loadfile does.
func (s *State) LoadFile(src, path string) (Value, error) {
	b := []byte(src)
	chunk, err := parser.ParseOptions(b, "@"+path, parser.Options{SkipHashLine: true, CCalls: s.L.CCalls()})
	if err != nil {
		return vm.Nil, &vm.Error{Value: vm.String(err.Error())}
	}
	p, err := compiler.CompileOptions(chunk, compiler.Options{Source: b, SkipHashLine: true})
	if err != nil {
		return vm.Nil, &vm.Error{Value: vm.String(err.Error())}
	}
	return s.L.NewClosure(p), nil
}

// Call calls a Lua value with arguments in protected mode and returns its results. A Lua error
// comes back as a *vm.Error; a Go panic inside the engine comes back as an error naming it.
func (s *State) Call(fn Value, args ...Value) (res []Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			buf := make([]byte, 4096)
			buf = buf[:runtime.Stack(buf, false)]
			err = fmt.Errorf("redmoon: internal error: %v\n%s", r, buf)
		}
	}()
	return s.L.PCallValue(fn, args...)
}

// Register sets a global to a Go function.
func (s *State) Register(name string, fn func(L *vm.State) int) {
	s.L.Globals().SetStr(name, s.L.NewFunction(name, fn))
}

// GetGlobal returns a global variable (raw access to the globals table).
func (s *State) GetGlobal(name string) Value { return s.L.Globals().GetStr(name) }

// SetGlobal sets a global variable (raw access to the globals table).
func (s *State) SetGlobal(name string, v Value) { s.L.Globals().SetStr(name, v) }

// NewTable creates a table.
func (s *State) NewTable() *vm.Table { return s.L.NewTable(0, 0) }

// Interrupt asks the running script to stop at its next check (safe from any goroutine).
func (s *State) Interrupt() { s.L.Interrupt() }
