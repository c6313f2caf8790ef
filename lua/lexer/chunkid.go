package lexer

import "strings"

// IDSize is LUA_IDSIZE, the buffer size luaO_chunkid gets for run-time error positions.
const IDSize = 60

// SyntaxIDSize is MAXSRC in llex.c: the larger buffer luaO_chunkid gets for syntax errors.
const SyntaxIDSize = 80

// ChunkID formats a chunk name for a run-time error message, as luaO_chunkid does with
// LUA_IDSIZE: "=name" gives name, "@file" gives file (keeping its last part, after "...", when
// too long), and anything else is source text shown as [string "first line..."].
// The chunk name is what lua_load receives: "=stdin", "@script.lua", or the code itself.
func ChunkID(source string) string { return ChunkIDSize(source, IDSize) }

// ChunkIDSize is ChunkID with an explicit buffer size (bufflen of luaO_chunkid, counting the
// terminating zero byte). Syntax errors use SyntaxIDSize.
func ChunkIDSize(source string, bufflen int) string {
	if i := strings.IndexByte(source, 0); i >= 0 {
		source = source[:i] // C string
	}
	switch {
	case strings.HasPrefix(source, "="):
		s := source[1:]
		if len(s) > bufflen-1 {
			s = s[:bufflen-1]
		}
		return s
	case strings.HasPrefix(source, "@"):
		s := source[1:]
		max := bufflen - len(" '...' ") - 1
		if len(s) > max {
			return "..." + s[len(s)-max:]
		}
		return s
	default:
		n := strings.IndexAny(source, "\n\r")
		if n < 0 {
			n = len(source)
		}
		max := bufflen - len(" [string \"...\"] ") - 1
		if n > max {
			n = max
		}
		if n < len(source) {
			return `[string "` + source[:n] + `..."]`
		}
		return `[string "` + source + `"]`
	}
}
