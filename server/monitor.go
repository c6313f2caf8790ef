package server

import (
	"strconv"
	"time"
)

// MONITOR: every command run by any client (except admin commands and those flagged
// skip_monitor) is sent to monitoring clients as a status line:
// +1339518083.107412 [0 127.0.0.1:60866] "keys" "*"

func cmdMonitor(c *client, a []string) {
	if c.flags&flagMonitor != 0 {
		return // already monitoring: no reply, as Redis
	}
	if c.flags&flagMulti != 0 {
		c.out.Error("ERR MONITOR isn't allowed for DENY BLOCKING client")
		return
	}
	c.flags |= flagMonitor
	c.s.monitors = append(c.s.monitors, c)
	c.out.SimpleString("OK")
}

func (s *Server) removeMonitor(c *client) {
	for i, m := range s.monitors {
		if m == c {
			s.monitors = append(s.monitors[:i:i], s.monitors[i+1:]...)
			break
		}
	}
	c.flags &^= flagMonitor
}

// feedMonitors sends a command to the monitoring clients. Lock held.
func (s *Server) feedMonitors(c *client, args []string, at time.Time) {
	line := make([]byte, 0, 64)
	line = append(line, '+')
	line = strconv.AppendInt(line, at.Unix(), 10)
	line = append(line, '.')
	us := at.Nanosecond() / 1000
	frac := strconv.Itoa(us)
	for i := len(frac); i < 6; i++ {
		line = append(line, '0')
	}
	line = append(line, frac...)
	line = append(line, " ["...)
	line = strconv.AppendInt(line, int64(c.ctx.DB.ID), 10)
	line = append(line, ' ')
	line = append(line, c.addr...)
	line = append(line, ']')
	for _, a := range args {
		line = append(line, ' ')
		line = appendRepr(line, a)
	}
	line = append(line, '\r', '\n')
	for _, m := range s.monitors {
		m.push(line)
	}
}

// appendRepr appends s quoted as Redis's sdscatrepr does.
func appendRepr(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch ch {
		case '\\', '"':
			dst = append(dst, '\\', ch)
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		case '\a':
			dst = append(dst, '\\', 'a')
		case '\b':
			dst = append(dst, '\\', 'b')
		default:
			if ch >= 32 && ch < 127 {
				dst = append(dst, ch)
			} else {
				dst = append(dst, '\\', 'x', hex[ch>>4], hex[ch&15])
			}
		}
	}
	return append(dst, '"')
}
