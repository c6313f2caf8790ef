package bench

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redmoon-dev/redmoon/lua"
)

// BenchmarkPrograms runs each Lua program of suite/ under redmoon at full size (compiled once,
// run once per iteration in a fresh state; the script-like program loops over its step function
// itself, as it does under lua5.1).
func BenchmarkPrograms(b *testing.B) {
	files, err := filepath.Glob("suite/*.lua")
	if err != nil || len(files) == 0 {
		b.Fatal("no programs", err)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".lua")
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				s := lua.NewState(lua.Options{Stdout: io.Discard})
				fn, err := s.Load(string(src), "@"+f)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := s.Call(fn); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
