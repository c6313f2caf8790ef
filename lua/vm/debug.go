package vm

import "strconv"

// Debug information about active functions (lua_getstack / lua_getinfo).

// DebugInfo describes a function or an activation record, as lua_Debug.
type DebugInfo struct {
	Source          string // "=[C]" for Go functions
	ShortSrc        string // the chunk id ("[C]" for Go functions)
	What            string // "Lua", "C", "main" or "tail"
	Name            string
	NameWhat        string // "global", "local", "method", "field", "upvalue" or ""
	CurrentLine     int
	LineDefined     int
	LastLineDefined int
	NumUpvalues     int
	Func            Value
}

// Level is an activation record found by GetStack.
type Level struct {
	ci   *callInfo // nil for a level lost to a tail call
	thrd *State
}

// GetStack returns the activation record at level (0 = the running function), and false when
// the stack is not that deep (lua_getstack).
func (L *State) GetStack(level int) (Level, bool) {
	ci, ok := L.ciAt(level)
	return Level{ci: ci, thrd: L}, ok
}

// Info fills a DebugInfo for an activation record; what selects fields as lua_getinfo's string
// ('S', 'l', 'u', 'n', 'f').
func (lv Level) Info(what string) DebugInfo {
	var d DebugInfo
	ci := lv.ci
	if ci == nil {
		d.Source, d.ShortSrc, d.What = "=(tail call)", "(tail call)", "tail"
		d.LineDefined, d.LastLineDefined, d.CurrentLine = -1, -1, -1
		return d
	}
	fn := lv.thrd.stack[ci.fn]
	funcInfo(&d, fn)
	d.CurrentLine = -1
	if ci.cl != nil {
		d.CurrentLine = ci.currentLine()
	}
	for _, c := range what {
		if c == 'n' {
			d.NameWhat, d.Name = lv.thrd.funcName(ci)
		}
	}
	return d
}

// FuncInfo describes a function value ('S', 'u' and 'f' fields; no current line).
func FuncInfo(fn Value) DebugInfo {
	var d DebugInfo
	funcInfo(&d, fn)
	d.CurrentLine = -1
	return d
}

func funcInfo(d *DebugInfo, fn Value) {
	d.Func = fn
	if cl := fn.asLClosure(); cl != nil {
		p := cl.p
		d.Source = p.Source
		d.ShortSrc = p.ChunkID
		d.LineDefined = p.LineDefined
		d.LastLineDefined = p.LastLineDefined
		d.NumUpvalues = len(cl.upvals)
		if p.LineDefined == 0 {
			d.What = "main"
		} else {
			d.What = "Lua"
		}
		return
	}
	d.Source, d.ShortSrc, d.What = "=[C]", "[C]", "C"
	d.LineDefined, d.LastLineDefined = -1, -1
}

// ActiveLines returns the lines with code of a Lua function (getinfo 'L').
func ActiveLines(fn Value) []int {
	cl := fn.asLClosure()
	if cl == nil {
		return nil
	}
	lines := make([]int, len(cl.p.LineInfo))
	for i, l := range cl.p.LineInfo {
		lines[i] = int(l)
	}
	return lines
}

// Traceback returns msg followed by a stack traceback of thread L1 from level, formatted as
// Lua 5.1's debug.traceback (a newline separates msg from "stack traceback:" unless msg is
// empty and absent: pass hasMsg false to omit it).
func (L1 *State) Traceback(msg string, hasMsg bool, level int) string {
	const levels1, levels2 = 12, 10
	b := make([]byte, 0, 256)
	if hasMsg {
		b = append(b, msg...)
		b = append(b, '\n')
	}
	b = append(b, "stack traceback:"...)
	firstpart := true
	for {
		lv, ok := L1.GetStack(level)
		level++
		if !ok {
			break
		}
		if level > levels1 && firstpart {
			if _, ok := L1.GetStack(level + levels2); !ok {
				level--
			} else {
				b = append(b, "\n\t..."...)
				for {
					if _, ok := L1.GetStack(level + levels2); !ok {
						break
					}
					level++
				}
			}
			firstpart = false
			continue
		}
		d := lv.Info("Snl")
		b = append(b, "\n\t"...)
		b = append(b, d.ShortSrc...)
		b = append(b, ':')
		if d.CurrentLine > 0 {
			b = strconv.AppendInt(b, int64(d.CurrentLine), 10)
			b = append(b, ':')
		}
		switch {
		case d.NameWhat != "":
			b = append(b, " in function '"...)
			b = append(b, d.Name...)
			b = append(b, '\'')
		case d.What == "main":
			b = append(b, " in main chunk"...)
		case d.What == "C" || d.What == "tail":
			b = append(b, " ?"...)
		default:
			b = append(b, " in function <"...)
			b = append(b, d.ShortSrc...)
			b = append(b, ':')
			b = strconv.AppendInt(b, int64(d.LineDefined), 10)
			b = append(b, '>')
		}
	}
	return string(b)
}
