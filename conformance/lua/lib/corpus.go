package lib

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Program is one corpus program and its recorded output.
type Program struct {
	Name   string // file name without ".lua"
	Path   string // path of the .lua file
	Source string
	Golden string // expected standard output
}

// Load reads every program of the corpus in dir (with its golden output when present),
// sorted by name.
func Load(dir string) ([]Program, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.lua"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var progs []Program
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(filepath.Base(p), ".lua")
		golden, err := os.ReadFile(filepath.Join(dir, name+".golden"))
		if err != nil && !os.IsNotExist(err) {
			return nil, err
		}
		progs = append(progs, Program{Name: name, Path: p, Source: string(src), Golden: string(golden)})
	}
	return progs, nil
}
