package redisbridge

import (
	"strings"
	"testing"
)

// Parsers of untrusted input: shebang lines (sdssplitargs), library headers and FUNCTION
// RESTORE payloads. Run longer with go test -fuzz=FuzzName ./redisbridge.

func TestSplitArgs(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
		ok   bool
	}{
		{"#!lua", []string{"#!lua"}, true},
		{"  #!lua   flags=no-writes  ", []string{"#!lua", "flags=no-writes"}, true},
		{"#!lua\tflags=a\r", []string{"#!lua", "flags=a"}, true},
		{`#!lua "flags=a b"`, []string{"#!lua", "flags=a b"}, true},
		{`"\x41\n\t\"\\"`, []string{"A\n\t\"\\"}, true},
		{`'it\'s'`, []string{"it's"}, true},
		{`"abc"def`, nil, false},
		{`'abc'def`, nil, false},
		{`"unterminated`, nil, false},
		{`'unterminated`, nil, false},
		{"", []string{}, true},
		{"a\x00b", []string{"a"}, true},
		{`a"b c"`, []string{"ab c"}, true},
		{"a\vb", []string{"a\vb"}, true},
	} {
		got, ok := SplitArgs(tc.in)
		if ok != tc.ok || strings.Join(got, "|") != strings.Join(tc.want, "|") || len(got) != len(tc.want) {
			t.Errorf("SplitArgs(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestExtractShebangFlags(t *testing.T) {
	for _, tc := range []struct {
		body  string
		flags scriptFlags
		n     int
		err   string
	}{
		{"return 1", flagCompat, 0, ""},
		{"#!lua\nreturn 1", 0, 5, ""},
		{"#!lua flags=no-writes,allow-oom\nx", flagNoWrites | flagAllowOOM, 31, ""},
		{"#!lua flags=\n", 0, 12, ""},
		{"#!lua", 0, 0, "Invalid script shebang"},
		{"#!luax\n", 0, 0, "Unexpected engine in script shebang: #!luax"},
		{"#!lua flags=x\n", 0, 0, "Unexpected flag in script shebang: x"},
		{"#!lua flags=no-writes,\n", 0, 0, "Unexpected flag in script shebang: "},
		{"#!lua name=x\n", 0, 0, "Unknown lua shebang option: name=x"},
		{"#!lua \"x\n", 0, 0, "Invalid engine in script shebang"},
	} {
		flags, n, err := extractShebangFlags(tc.body)
		if flags != tc.flags || n != tc.n || err != tc.err {
			t.Errorf("extractShebangFlags(%q) = %v, %d, %q; want %v, %d, %q", tc.body, flags, n, err, tc.flags, tc.n, tc.err)
		}
	}
}

func FuzzSplitArgs(f *testing.F) {
	for _, s := range []string{"#!lua flags=no-writes", `"a\x41" 'b\'c' d`, "\"x\"y", "  ", "a\x00b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		args, ok := SplitArgs(s)
		if !ok {
			return
		}
		// Re-quoting every argument and splitting again gives the same arguments.
		var b strings.Builder
		for _, a := range args {
			b.WriteString(`"`)
			for i := 0; i < len(a); i++ {
				b.WriteString(`\x`)
				b.WriteByte("0123456789abcdef"[a[i]>>4])
				b.WriteByte("0123456789abcdef"[a[i]&15])
			}
			b.WriteString(`" `)
		}
		again, ok := SplitArgs(b.String())
		if !ok || strings.Join(again, "\x00|") != strings.Join(args, "\x00|") {
			t.Fatalf("split(%q) = %q, re-split = %q, %v", s, args, again, ok)
		}
		for _, a := range args {
			if strings.IndexByte(a, 0) >= 0 && !strings.Contains(s, `\x00`) {
				t.Fatalf("NUL byte in %q from %q", a, s)
			}
		}
	})
}

func FuzzLibMetadata(f *testing.F) {
	for _, s := range []string{"#!lua name=x\ncode", "#!LUA NAME=\"q\"\n", "#!lua name=a name=b\n", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		md, err := extractLibMetadata(s)
		if err == "" && !strings.HasSuffix(s, md.code) {
			t.Fatalf("code %q is not the end of %q", md.code, s)
		}
		extractShebangFlags(s)
	})
}

func FuzzDecodeFunctionDump(f *testing.F) {
	f.Add(encodeFunctionDump([]string{"#!lua name=a\nredis.register_function('a', function() end)"}))
	f.Add(encodeFunctionDump(nil))
	f.Add(encodeFunctionDump([]string{strings.Repeat("x", 70), strings.Repeat("y", 20000)}))
	f.Add("\xf5\xc3\x05\x10\x1fxxxxx\n\x00")
	f.Fuzz(func(t *testing.T, payload string) {
		codes, msg := decodeFunctionDump(payload)
		if msg != "" {
			return
		}
		if got := encodeFunctionDump(codes); len(got) > len(payload)+len(codes)*9 {
			t.Fatalf("re-encoding grew from %d to %d bytes", len(payload), len(got))
		}
		again, msg := decodeFunctionDump(encodeFunctionDump(codes))
		if msg != "" || strings.Join(again, "\x00") != strings.Join(codes, "\x00") {
			t.Fatalf("round trip: %q -> %q (%s)", codes, again, msg)
		}
	})
}

func TestLZF(t *testing.T) {
	// A literal run of 3 bytes, then a back reference of length 5 at distance 3 ("abcabcab").
	in := []byte{2, 'a', 'b', 'c', 3 << 5, 2}
	out, ok := lzfDecompress(in, 8)
	if !ok || string(out) != "abcabcab" {
		t.Fatalf("lzfDecompress = %q, %v", out, ok)
	}
	if _, ok := lzfDecompress(in, 9); ok {
		t.Fatal("wrong expected length accepted")
	}
	if _, ok := lzfDecompress([]byte{0x20, 9}, 3); ok {
		t.Fatal("reference before the start accepted")
	}
}
