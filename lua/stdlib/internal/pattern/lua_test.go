package pattern

import (
	"strconv"
	"strings"
)

// This file re-creates string.find, string.match, string.gmatch and string.gsub (with a string
// replacement) on top of the Matcher, printing results as the oracle program does, so that the
// engine can be compared with lua5.1 case by case.

func posrelat(pos, n int) int {
	if pos < 0 {
		pos += n + 1
	}
	if pos < 0 {
		return 0
	}
	return pos
}

func fmtErr(err error) string { return "error: " + err.Error() }

// captures formats the values a successful match [s, e) produces.
func captures(m *Matcher, s, e int, whole bool, out []string) ([]string, error) {
	n := m.NumCaptures(whole)
	for i := 0; i < n; i++ {
		start, end, pos, err := m.Capture(i, s, e)
		if err != nil {
			return nil, err
		}
		if pos {
			out = append(out, strconv.Itoa(start))
		} else {
			out = append(out, m.src[start:end])
		}
	}
	return out, nil
}

func joinVals(v []string) string { return strings.Join(v, ",") }

func luaFind(src, pat string, init int, find bool) string {
	i := posrelat(init, len(src)) - 1
	if i < 0 {
		i = 0
	} else if i > len(src) {
		i = len(src)
	}
	if find && !HasSpecials(pat) {
		if j := strings.Index(src[i:], pat); j >= 0 {
			return strconv.Itoa(i+j+1) + "," + strconv.Itoa(i+j+len(pat))
		}
		return "nil"
	}
	var m Matcher
	m.Reset(src, pat)
	s, e, err := m.Find(i)
	if err != nil {
		return fmtErr(err)
	}
	if s < 0 {
		return "nil"
	}
	var vals []string
	if find {
		vals = append(vals, strconv.Itoa(s+1), strconv.Itoa(e))
	}
	vals, err = captures(&m, s, e, !find, vals)
	if err != nil {
		return fmtErr(err)
	}
	return joinVals(vals)
}

func luaGmatch(src, pat string) string {
	var m Matcher
	m.Reset(src, pat)
	var out []string
	start := 0
	for iter := 0; iter < 50; iter++ {
		found := false
		for s := start; s <= len(src); s++ {
			if s = m.Skip(s, 0); s > len(src) {
				break
			}
			e, err := m.Match(s, 0)
			if err != nil {
				out = append(out, fmtErr(err))
				return strings.Join(out, "|")
			}
			if e >= 0 {
				start = e
				if e == s {
					start++
				}
				vals, err := captures(&m, s, e, true, nil)
				if err != nil {
					out = append(out, fmtErr(err))
					return strings.Join(out, "|")
				}
				out = append(out, joinVals(vals))
				found = true
				break
			}
		}
		if !found {
			break
		}
	}
	return strings.Join(out, "|")
}

func luaGsub(src, pat, repl string, maxN int) string {
	var m Matcher
	m.Reset(src, pat)
	p := 0
	anchor := m.Anchored()
	if anchor {
		p = 1
	}
	var b strings.Builder
	n := 0
	s := 0
	for n < maxN {
		if !anchor {
			t := m.Skip(s, p)
			if t > len(src) {
				break
			}
			b.WriteString(src[s:t])
			s = t
		}
		e, err := m.Match(s, p)
		if err != nil {
			return fmtErr(err)
		}
		if e >= 0 {
			n++
			for i := 0; i < len(repl); i++ {
				c := repl[i]
				if c != '%' {
					b.WriteByte(c)
					continue
				}
				i++
				var d byte
				if i < len(repl) {
					d = repl[i]
				}
				switch {
				case d < '0' || d > '9':
					b.WriteByte(d)
				case d == '0':
					b.WriteString(src[s:e])
				default:
					start, end, pos, err := m.Capture(int(d-'1'), s, e)
					if err != nil {
						return fmtErr(err)
					}
					if pos {
						b.WriteString(strconv.Itoa(start))
					} else {
						b.WriteString(src[start:end])
					}
				}
			}
		}
		if e >= 0 && e > s {
			s = e
		} else if s < len(src) {
			b.WriteByte(src[s])
			s++
		} else {
			break
		}
		if anchor {
			break
		}
	}
	b.WriteString(src[s:])
	return b.String() + "," + strconv.Itoa(n)
}
