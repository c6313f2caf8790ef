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

// KnownFailures reads dir/known_failures.txt: program names with the reason their output
// differs from lua5.1's for now.
func KnownFailures(dir string) (map[string]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, "known_failures.txt"))
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		return nil, err
	}
	known := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		name, reason, _ := strings.Cut(line, "\t")
		known[name] = reason
	}
	return known, nil
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
