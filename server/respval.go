package server

import (
	"errors"
	"strconv"

	"github.com/redmoon-dev/redmoon/keyspace"
)

// rvalue is a RESP3 reply tree, used for the data recorded from Redis 7.0 (COMMAND INFO and
// DOCS, HELP texts) and replayed in the client's protocol: writing it through a keyspace.Reply
// downgrades maps and sets for RESP2 exactly as Redis does.
type rvalue struct {
	kind  byte // the RESP3 type byte: + - : $ = _ , ( # * % ~ >; N and n for RESP2's null bulk and null array
	str   string
	n     int64
	elems []rvalue
}

// parseRESP3 parses one RESP3 value from b and returns the rest.
func parseRESP3(b []byte) (rvalue, []byte, error) {
	errBad := errors.New("server: malformed recorded RESP3 data")
	line := func() (string, bool) {
		for i := 0; i+1 < len(b); i++ {
			if b[i] == '\r' && b[i+1] == '\n' {
				s := string(b[1:i])
				b = b[i+2:]
				return s, true
			}
		}
		return "", false
	}
	if len(b) == 0 {
		return rvalue{}, b, errBad
	}
	kind := b[0]
	body, ok := line()
	if !ok {
		return rvalue{}, b, errBad
	}
	v := rvalue{kind: kind}
	switch kind {
	case '+', '-', ',', '(':
		v.str = body
	case ':':
		n, err := strconv.ParseInt(body, 10, 64)
		if err != nil {
			return v, b, errBad
		}
		v.n = n
	case '#':
		v.n = 0
		if body == "t" {
			v.n = 1
		}
	case '_':
	case '$', '=':
		n, err := strconv.Atoi(body)
		if kind == '$' && n == -1 && err == nil {
			v.kind = 'N' // RESP2 null bulk
			return v, b, nil
		}
		if err != nil || n < 0 || len(b) < n+2 {
			return v, b, errBad
		}
		v.str = string(b[:n])
		b = b[n+2:]
	case '*', '%', '~', '>':
		n, err := strconv.Atoi(body)
		if kind == '*' && n == -1 && err == nil {
			v.kind = 'n' // RESP2 null array
			return v, b, nil
		}
		if err != nil || n < 0 {
			return v, b, errBad
		}
		if kind == '%' {
			n *= 2
		}
		v.elems = make([]rvalue, n)
		for i := range v.elems {
			var err error
			v.elems[i], b, err = parseRESP3(b)
			if err != nil {
				return v, b, err
			}
		}
	default:
		return v, b, errBad
	}
	return v, b, nil
}

// write replays the value into r.
func (v *rvalue) write(r keyspace.Reply) {
	switch v.kind {
	case '+':
		r.SimpleString(v.str)
	case '-':
		r.Error(v.str)
	case ':':
		r.Integer(v.n)
	case '$':
		r.Bulk(v.str)
	case '=':
		if len(v.str) >= 4 {
			r.Verbatim(v.str[:3], v.str[4:])
		} else {
			r.Bulk(v.str)
		}
	case '_', 'N':
		r.Null()
	case 'n':
		r.NullArray()
	case ',':
		f, _ := strconv.ParseFloat(v.str, 64)
		r.Double(f)
	case '(':
		r.BigNumber(v.str)
	case '#':
		r.Bool(v.n != 0)
	case '*':
		r.ArrayLen(len(v.elems))
		v.writeElems(r)
	case '%':
		r.MapLen(len(v.elems) / 2)
		v.writeElems(r)
	case '~':
		r.SetLen(len(v.elems))
		v.writeElems(r)
	case '>':
		r.PushLen(len(v.elems))
		v.writeElems(r)
	}
}

func (v *rvalue) writeElems(r keyspace.Reply) {
	for i := range v.elems {
		v.elems[i].write(r)
	}
}

// mapGet returns the value for key in a RESP3 map, or nil.
func (v *rvalue) mapGet(key string) *rvalue {
	for i := 0; i+1 < len(v.elems); i += 2 {
		if v.elems[i].str == key {
			return &v.elems[i+1]
		}
	}
	return nil
}
