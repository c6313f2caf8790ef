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

// stackDepth returns the number of levels GetStack accepts (0 to stackDepth()-1).
func (L *State) stackDepth() int {
	n := 0
	for ci := L.ci; ci != &L.baseCI; ci = ci.prev {
		n++
		if ci.cl != nil {
			n += ci.tailcalls
		}
	}
	return n
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
				// skip to the last levels2 levels (PUC steps there one lua_getstack at a time,
				// which is quadratic in the depth)
				level = L1.stackDepth() - levels2
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

// Local returns the name and value of local n (1-based) of an activation record
// (lua_getlocal); ok is false when there is no such local.
func (lv Level) Local(n int) (name string, v Value, ok bool) {
	idx, name := lv.findLocal(n)
	if name == "" {
		return "", Nil, false
	}
	return name, lv.thrd.stack[idx], true
}

// SetLocal assigns local n of an activation record (lua_setlocal) and returns its name.
func (lv Level) SetLocal(n int, v Value) (string, bool) {
	idx, name := lv.findLocal(n)
	if name == "" {
		return "", false
	}
	lv.thrd.stack[idx] = v
	return name, true
}

func (lv Level) findLocal(n int) (int, string) {
	ci := lv.ci
	if ci == nil {
		return 0, ""
	}
	if ci.cl != nil {
		if name := localName(ci.cl.p, n, ci.currentPC()); name != "" {
			return ci.base + n - 1, name
		}
	}
	var limit int
	if ci == lv.thrd.ci {
		limit = lv.thrd.top
	} else {
		limit = ci.next.fn
	}
	if limit-ci.base >= n && n > 0 {
		return ci.base + n - 1, "(*temporary)"
	}
	return 0, ""
}

// Upvalue returns the name and value of upvalue n (1-based) of a Lua function
// (lua_getupvalue); ok is false for Go functions and out-of-range indices.
func Upvalue(fn Value, n int) (name string, v Value, ok bool) {
	cl := fn.asLClosure()
	if cl == nil || n < 1 || n > len(cl.upvals) {
		return "", Nil, false
	}
	if n <= len(cl.p.Upvalues) {
		name = cl.p.Upvalues[n-1]
	}
	return name, *cl.upvals[n-1].v, true
}

// SetUpvalue assigns upvalue n of a Lua function (lua_setupvalue) and returns its name.
func SetUpvalue(fn Value, n int, v Value) (string, bool) {
	cl := fn.asLClosure()
	if cl == nil || n < 1 || n > len(cl.upvals) {
		return "", false
	}
	*cl.upvals[n-1].v = v
	if n <= len(cl.p.Upvalues) {
		return cl.p.Upvalues[n-1], true
	}
	return "", true
}
