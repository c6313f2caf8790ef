package parser

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/oracle"
	"github.com/redmoon-dev/redmoon/lua/lexer"
)

// corpusCase is a snippet of the syntax corpus in conformance/lua/syntax.
type corpusCase struct {
	name string
	src  []byte
}

// readCorpus reads the case files of one corpus folder ("*" for all), following the format of
// conformance/lua/syntax/README.md: "==== NAME" headers, "[esc]" bodies with \ddd escapes, and
// the last line break before a header not part of the snippet.
func readCorpus(tb testing.TB, dir string) []corpusCase {
	files, _ := filepath.Glob("../../conformance/lua/syntax/" + dir + "/*.txt")
	if len(files) == 0 {
		tb.Fatal("no corpus files found")
	}
	var out []corpusCase
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		parts := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n==== ")
		for _, p := range parts[1:] {
			hdr, body, _ := strings.Cut(p, "\n")
			if name, ok := strings.CutSuffix(hdr, " [esc]"); ok {
				hdr = name
				body = unescape(body)
			}
			out = append(out, corpusCase{filepath.Base(f) + "/" + hdr, []byte(body)})
		}
	}
	return out
}

func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) {
			if v, err := strconv.Atoi(s[i+1 : i+4]); err == nil && v < 256 {
				b.WriteByte(byte(v))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func corpusSeeds(tb testing.TB) []string {
	var seeds []string
	for _, c := range readCorpus(tb, "*") {
		seeds = append(seeds, string(c.src))
	}
	return seeds
}

// luaOracle is a lua5.1 process answering, for each escaped source line, what loadstring says.
type luaOracle struct {
	mu  sync.Mutex
	in  io.WriteCloser
	out *bufio.Reader
}

const oracleScript = `
local function U(s)
  return (string.gsub(s, "\\(%d%d%d)", function(d) return string.char(tonumber(d)) end))
end
local function E(s)
  return (string.gsub(s, "[%z\1-\31\\\127-\255]", function(c) return string.format("\\%03d", string.byte(c)) end))
end
for l in io.lines() do
  local f, err = loadstring(U(l))
  io.write(f and "ok" or E(err), "\n")
  io.flush()
end
`

var (
	oracleOnce sync.Once
	theOracle  *luaOracle
)

// startOracle returns the shared lua5.1 coprocess, or nil when lua5.1 is not installed.
func startOracle(tb testing.TB) *luaOracle {
	oracleOnce.Do(func() {
		bin, ok := oracle.Lookup("lua5.1")
		if !ok {
			return
		}
		f, err := os.CreateTemp("", "parser-oracle-*.lua")
		if err != nil {
			return
		}
		f.WriteString(oracleScript)
		f.Close()
		cmd := exec.Command(bin, f.Name())
		in, err1 := cmd.StdinPipe()
		out, err2 := cmd.StdoutPipe()
		if err1 != nil || err2 != nil || cmd.Start() != nil {
			return
		}
		theOracle = &luaOracle{in: in, out: bufio.NewReader(out)}
	})
	return theOracle
}

func escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 32 || c == '\\' || c >= 127 {
			fmt.Fprintf(&b, "\\%03d", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// ask returns "ok" or loadstring's escaped error message for src.
func (o *luaOracle) ask(tb testing.TB, src []byte) string {
	o.mu.Lock()
	defer o.mu.Unlock()
	if _, err := io.WriteString(o.in, escape(string(src))+"\n"); err != nil {
		tb.Fatal(err)
	}
	l, err := o.out.ReadString('\n')
	if err != nil {
		tb.Fatal(err)
	}
	return strings.TrimSuffix(l, "\n")
}

// FuzzParse parses arbitrary input. It must never panic, errors must be *lexer.Error, and when
// lua5.1 is installed the answer must equal loadstring's, message included.
func FuzzParse(f *testing.F) {
	for _, s := range corpusSeeds(f) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		chunk, err := ParseOptions(src, string(src), Options{CCalls: 2})
		got := "ok"
		if err == nil {
			// The tree printed back as source must parse to the same tree.
			printed := printLua(chunk)
			again, err := ParseOptions([]byte(printed), "=printed", Options{CCalls: 2})
			if err != nil {
				if le, ok := err.(*lexer.Error); !ok || le.Msg != "chunk has too many syntax levels" {
					t.Fatalf("printed source of %q does not parse: %v\n%s", src, err, printed)
				}
			} else if a, b := Dump(chunk.Main), Dump(again.Main); a != b {
				t.Fatalf("tree of %q changed by printing:\n%s\n%s", src, a, b)
			}
		} else {
			if _, ok := err.(*lexer.Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			got = escape(err.Error())
		}
		if _, err := ParseOptions(src, "@f", Options{SkipHashLine: true}); err != nil {
			if _, ok := err.(*lexer.Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
		}
		if len(src) > 0 && src[0] == 0x1b {
			return // lua_load would read a precompiled chunk
		}
		if o := startOracle(t); o != nil {
			want := o.ask(t, src)
			if isCodegenLimit(want) {
				// PUC rejects it while generating code: the compiler's concern. When the
				// input also has a later syntax error, the parser reports that one instead
				// (a known difference, see README.md).
				return
			}
			if got != want {
				t.Fatalf("source %q:\n got %s\nwant %s", src, got, want)
			}
		}
	})
}

// codegenLimits are the errors PUC raises while generating code, which the parser leaves to
// the compiler. (The local variable and upvalue limits are checked by the parser.)
var codegenLimits = []string{
	"function or expression too complex", "control structure too long",
	"constant table overflow", "code size overflow",
}

func isCodegenLimit(msg string) bool {
	for _, l := range codegenLimits {
		if strings.Contains(msg, l) {
			return true
		}
	}
	return false
}
