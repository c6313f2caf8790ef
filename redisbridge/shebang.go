package redisbridge

import "strings"

// Script flags, from a `#!lua flags=...` shebang or redis.register_function's flags.
type scriptFlags uint32

const (
	flagNoWrites scriptFlags = 1 << iota
	flagAllowOOM
	flagAllowStale
	flagNoCluster
	flagAllowCrossSlot
	// flagCompat marks an EVAL script without a shebang (Redis's compatibility mode).
	flagCompat
)

// flagNames lists the flags in Redis's order (scripts_flags_def), which FUNCTION LIST follows.
var flagNames = []struct {
	name string
	flag scriptFlags
}{
	{"no-writes", flagNoWrites},
	{"allow-oom", flagAllowOOM},
	{"allow-stale", flagAllowStale},
	{"no-cluster", flagNoCluster},
	{"allow-cross-slot-keys", flagAllowCrossSlot},
}

// extractShebangFlags parses an EVAL script's shebang as evalExtractShebangFlags does. It
// returns the flags (flagCompat when there is no shebang), the length of the shebang line
// (without its newline, which stays so that line numbers count it) and an error text (without
// the ERR code).
func extractShebangFlags(body string) (flags scriptFlags, shebangLen int, err string) {
	if !strings.HasPrefix(body, "#!") {
		return flagCompat, 0, ""
	}
	end := strings.IndexByte(body, '\n')
	if end < 0 {
		return 0, 0, "Invalid script shebang"
	}
	parts, ok := SplitArgs(body[:end])
	if !ok || len(parts) == 0 {
		return 0, 0, "Invalid engine in script shebang"
	}
	if parts[0] != "#!lua" {
		return 0, 0, "Unexpected engine in script shebang: " + parts[0]
	}
	for _, p := range parts[1:] {
		if !strings.HasPrefix(p, "flags=") {
			return 0, 0, "Unknown lua shebang option: " + p
		}
		list := p[len("flags="):]
		if list == "" {
			continue
		}
		for _, f := range strings.Split(list, ",") {
			fl, ok := lookupFlag(f, false)
			if !ok {
				return 0, 0, "Unexpected flag in script shebang: " + f
			}
			flags |= fl
		}
	}
	return flags, end, ""
}

// lookupFlag finds a flag by name, case-sensitively for shebangs and case-insensitively for
// redis.register_function.
func lookupFlag(name string, fold bool) (scriptFlags, bool) {
	for _, f := range flagNames {
		if f.name == name || (fold && strings.EqualFold(f.name, name)) {
			return f.flag, true
		}
	}
	return 0, false
}

// isSpace is C's isspace.
func isSpace(c byte) bool { return c == ' ' || (c >= '\t' && c <= '\r') }

// SplitArgs splits a line into arguments as Redis's sdssplitargs does (redis-cli's rules):
// blanks separate arguments, "double quotes" take \xHH and \n \r \t \b \a escapes, 'single
// quotes' take \', and a closing quote must be followed by a blank or the end. ok is false on
// unbalanced quotes. The line is read as a C string (it ends at a NUL byte).
func SplitArgs(line string) (args []string, ok bool) {
	line = cString(line)
	p := 0
	n := len(line)
	at := func(i int) byte {
		if i < n {
			return line[i]
		}
		return 0
	}
	for {
		for p < n && isSpace(line[p]) {
			p++
		}
		if p >= n {
			if args == nil {
				args = []string{}
			}
			return args, true
		}
		var cur []byte
		inq, insq, done := false, false, false
		for !done {
			c := at(p)
			switch {
			case inq:
				switch {
				case c == '\\' && at(p+1) == 'x' && isHex(at(p+2)) && isHex(at(p+3)):
					cur = append(cur, hexVal(at(p+2))*16+hexVal(at(p+3)))
					p += 3
				case c == '\\' && at(p+1) != 0:
					p++
					switch e := at(p); e {
					case 'n':
						cur = append(cur, '\n')
					case 'r':
						cur = append(cur, '\r')
					case 't':
						cur = append(cur, '\t')
					case 'b':
						cur = append(cur, '\b')
					case 'a':
						cur = append(cur, '\a')
					default:
						cur = append(cur, e)
					}
				case c == '"':
					if at(p+1) != 0 && !isSpace(at(p+1)) {
						return nil, false
					}
					done = true
				case c == 0:
					return nil, false
				default:
					cur = append(cur, c)
				}
			case insq:
				switch {
				case c == '\\' && at(p+1) == '\'':
					p++
					cur = append(cur, '\'')
				case c == '\'':
					if at(p+1) != 0 && !isSpace(at(p+1)) {
						return nil, false
					}
					done = true
				case c == 0:
					return nil, false
				default:
					cur = append(cur, c)
				}
			default:
				switch c {
				case ' ', '\n', '\r', '\t', 0:
					done = true
				case '"':
					inq = true
				case '\'':
					insq = true
				default:
					cur = append(cur, c)
				}
			}
			if at(p) != 0 {
				p++
			}
		}
		args = append(args, string(cur))
	}
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func hexVal(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}
