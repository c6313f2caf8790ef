package difftest

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
)

// LuaUnescapeFunc is Lua 5.1 source defining a global function U(s) that reverses Escape.
const LuaUnescapeFunc = `
function U(s)
  return (string.gsub(s, "\\(%d%d%d)", function(d) return string.char(tonumber(d)) end))
end
`

// Coprocess is a long-running Lua 5.1 interpreter that answers one request line with one
// answer line. Differential fuzz tests use it to ask the oracle about many inputs without
// starting a process for each.
type Coprocess struct {
	mu     sync.Mutex
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout *bufio.Reader
	file   string
}

// StartLua starts the interpreter bin running the program src, which must read requests with
// io.read("*l") until it gets nil and write exactly one line (then flush) for each.
func StartLua(bin, src string) (*Coprocess, error) {
	f, err := os.CreateTemp("", "difftest-*.lua")
	if err != nil {
		return nil, err
	}
	if _, err := f.WriteString(src); err != nil {
		f.Close()
		return nil, err
	}
	f.Close()
	cmd := exec.Command(bin, f.Name())
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		os.Remove(f.Name())
		return nil, err
	}
	return &Coprocess{cmd: cmd, stdin: stdin, stdout: bufio.NewReaderSize(stdout, 1<<16), file: f.Name()}, nil
}

// Ask sends one request line (it must not contain a newline) and returns the answer line.
func (c *Coprocess) Ask(line string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if strings.IndexByte(line, '\n') >= 0 {
		return "", fmt.Errorf("request contains a newline: %q", line)
	}
	if _, err := io.WriteString(c.stdin, line+"\n"); err != nil {
		return "", err
	}
	ans, err := c.stdout.ReadString('\n')
	if err != nil {
		return "", fmt.Errorf("oracle stopped: %v", err)
	}
	return strings.TrimSuffix(ans, "\n"), nil
}

// Close ends the interpreter.
func (c *Coprocess) Close() error {
	c.stdin.Close()
	err := c.cmd.Wait()
	os.Remove(c.file)
	return err
}
