package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// installHints says how to get each external peer on Debian.
var installHints = map[string]string{
	"lua5.1":          "apt-get install lua5.1",
	"luajit":          "apt-get install luajit",
	"redis-server":    "apt-get install redis-server",
	"redis-benchmark": "apt-get install redis-tools",
	"redis-cli":       "apt-get install redis-tools",
}

// lookTool finds an external peer on PATH; when it is missing, it says so with the install
// command and returns "".
func lookTool(name, what string) string {
	p, err := exec.LookPath(name)
	if err != nil {
		skipf("%s: %s not found on PATH; install it with: %s", what, name, installHints[name])
		return ""
	}
	return p
}

// skipped collects the skip lines printed during the run, repeated in the written files.
var skipped []string

func skipf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	skipped = append(skipped, msg)
	fmt.Fprintln(os.Stderr, "skip:", msg)
}

// findRoot returns the repository root: the directory holding go.mod and bench/suite, from
// the working directory up.
func findRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "bench", "suite")); err == nil {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				return dir, nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("run from inside the redmoon repository (no bench/suite found)")
		}
		dir = parent
	}
}

// goBuild builds the packages pattern of the module in dir into out (a file, or a directory
// ending in a separator for several commands).
func goBuild(dir, out, pattern string) error {
	cmd := exec.Command("go", "build", "-o", out, pattern)
	cmd.Dir = dir
	msg, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("go build %s (in %s): %v\n%s", pattern, dir, err, msg)
	}
	return nil
}

// output runs a command and returns its trimmed standard output and error (or "").
func output(name string, args ...string) string {
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// machineHeader describes the run: date, commit, machine, tool versions and method.
func machineHeader(root string, cfg config) string {
	var sb strings.Builder
	cpu := "unknown"
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	commit := output("git", "-C", root, "rev-parse", "--short=12", "HEAD")
	if commit == "" {
		commit = "unknown"
	} else if output("git", "-C", root, "status", "--porcelain", "--untracked-files=no") != "" {
		commit += " (work tree has uncommitted changes)"
	}
	load := loadAverage()
	fmt.Fprintf(&sb, "- date: %s\n", time.Now().UTC().Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(&sb, "- commit: %s\n", commit)
	fmt.Fprintf(&sb, "- machine: %d CPUs (nproc), %s, %s %s/%s, load average at start %s\n",
		runtime.NumCPU(), cpu, runtime.Version(), runtime.GOOS, runtime.GOARCH, load)
	var peers []string
	if v := firstLine(output("lua5.1", "-v")); v != "" {
		peers = append(peers, v)
	}
	if v := firstLine(output("luajit", "-v")); v != "" {
		peers = append(peers, strings.SplitN(v, " -- ", 2)[0])
	}
	if v := output("redis-server", "--version"); v != "" {
		f := strings.Fields(v)
		if len(f) >= 3 {
			peers = append(peers, "Redis "+strings.TrimPrefix(f[2], "v="))
		}
	}
	peers = append(peers, goPeerVersions(root)...)
	fmt.Fprintf(&sb, "- peers: %s\n", strings.Join(peers, ", "))
	mode := "full run"
	if cfg.smoke {
		mode = "smoke run (tiny sizes: the figures mean nothing)"
	}
	fmt.Fprintf(&sb, "- mode: %s, metric %s\n", mode, cfg.metricText())
	return sb.String()
}

// loadAverage returns the 1, 5 and 15 minute load averages ("" where /proc is missing).
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimSpace(line)
}

// goPeerVersions lists the Go peers' module versions from bench/peers/go.mod.
func goPeerVersions(root string) []string {
	data, err := os.ReadFile(filepath.Join(root, "bench", "peers", "go.mod"))
	if err != nil {
		return nil
	}
	names := map[string]string{
		"github.com/yuin/gopher-lua":       "gopher-lua",
		"github.com/Shopify/go-lua":        "go-lua",
		"github.com/arnodel/golua":         "golua",
		"github.com/alicebob/miniredis/v2": "miniredis",
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "require "))
		if len(f) >= 2 {
			if name, ok := names[f[0]]; ok {
				out = append(out, name+" "+f[1])
			}
		}
	}
	return out
}
