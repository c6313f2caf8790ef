package redis

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"time"
)

// Conn is a minimal RESP2/RESP3 client: it sends commands as arrays of bulk strings and reads
// replies into Value trees, keeping every wire type distinct.
type Conn struct {
	nc net.Conn
	r  *bufio.Reader
	w  *bufio.Writer
}

// Dial connects to a RESP server at addr.
func Dial(addr string) (*Conn, error) {
	nc, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return nil, err
	}
	return &Conn{nc: nc, r: bufio.NewReader(nc), w: bufio.NewWriter(nc)}, nil
}

// Close closes the connection.
func (c *Conn) Close() error { return c.nc.Close() }

// Do sends one command and reads its reply. The error is a transport or protocol failure; a
// Redis error reply is a Value of kind Error.
func (c *Conn) Do(args ...string) (Value, error) {
	_ = c.nc.SetDeadline(time.Now().Add(30 * time.Second))
	fmt.Fprintf(c.w, "*%d\r\n", len(args))
	for _, a := range args {
		fmt.Fprintf(c.w, "$%d\r\n", len(a))
		c.w.WriteString(a)
		c.w.WriteString("\r\n")
	}
	if err := c.w.Flush(); err != nil {
		return Value{}, err
	}
	return ReadValue(c.r)
}

// Pipeline sends several commands at once and reads their replies in order.
func (c *Conn) Pipeline(cmds [][]string) ([]Value, error) {
	_ = c.nc.SetDeadline(time.Now().Add(60 * time.Second))
	for _, args := range cmds {
		fmt.Fprintf(c.w, "*%d\r\n", len(args))
		for _, a := range args {
			fmt.Fprintf(c.w, "$%d\r\n", len(a))
			c.w.WriteString(a)
			c.w.WriteString("\r\n")
		}
	}
	if err := c.w.Flush(); err != nil {
		return nil, err
	}
	out := make([]Value, len(cmds))
	for i := range out {
		v, err := ReadValue(c.r)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// ReadValue reads one RESP2 or RESP3 reply. RESP3 attributes are read and dropped.
func ReadValue(r *bufio.Reader) (Value, error) {
	line, err := r.ReadString('\n')
	if err != nil {
		return Value{}, err
	}
	if len(line) < 3 || line[len(line)-2] != '\r' {
		return Value{}, fmt.Errorf("malformed RESP line %q", line)
	}
	typ, body := line[0], line[1:len(line)-2]
	switch typ {
	case '+':
		return Value{Kind: Simple, Str: body}, nil
	case '-':
		return Value{Kind: Error, Str: body}, nil
	case ':':
		n, err := strconv.ParseInt(body, 10, 64)
		if err != nil {
			return Value{}, fmt.Errorf("bad integer %q", body)
		}
		return Value{Kind: Int, Int: n}, nil
	case '_':
		return Value{Kind: Nil}, nil
	case ',':
		return Value{Kind: Double, Str: body}, nil
	case '(':
		return Value{Kind: BigNumber, Str: body}, nil
	case '#':
		switch body {
		case "t":
			return Value{Kind: Bool, Int: 1}, nil
		case "f":
			return Value{Kind: Bool}, nil
		}
		return Value{}, fmt.Errorf("bad boolean %q", body)
	case '$', '=', '!':
		n, err := strconv.Atoi(body)
		if err != nil {
			return Value{}, fmt.Errorf("bad length %q", body)
		}
		if n < 0 {
			if typ != '$' {
				return Value{}, fmt.Errorf("negative length in %q", line)
			}
			return Value{Kind: Null}, nil
		}
		buf := make([]byte, n+2)
		if _, err := io.ReadFull(r, buf); err != nil {
			return Value{}, err
		}
		s := string(buf[:n])
		switch typ {
		case '=':
			return Value{Kind: Verbatim, Str: s}, nil
		case '!':
			return Value{Kind: Error, Str: s}, nil
		}
		return Value{Kind: Bulk, Str: s}, nil
	case '*', '%', '~', '>', '|':
		n, err := strconv.Atoi(body)
		if err != nil {
			return Value{}, fmt.Errorf("bad length %q", body)
		}
		if n < 0 {
			if typ != '*' {
				return Value{}, fmt.Errorf("negative length in %q", line)
			}
			return Value{Kind: NullArray}, nil
		}
		count := n
		if typ == '%' || typ == '|' {
			count = 2 * n
		}
		elems := make([]Value, count)
		for i := range elems {
			if elems[i], err = ReadValue(r); err != nil {
				return Value{}, err
			}
		}
		switch typ {
		case '|':
			return ReadValue(r) // an attribute precedes the real reply
		case '%':
			return Value{Kind: Map, Elems: elems}, nil
		case '~':
			return Value{Kind: Set, Elems: elems}, nil
		case '>':
			return Value{Kind: Push, Elems: elems}, nil
		}
		return Value{Kind: Array, Elems: elems}, nil
	}
	return Value{}, errors.New("unknown RESP type in " + strconv.Quote(line))
}

// RESPTarget runs cases against a server speaking RESP at Addr (a live redis-server, or any
// compatible server). Reset opens a fresh connection and sends FLUSHALL.
type RESPTarget struct {
	Addr string
	conn *Conn
}

// Reset implements Target.
func (t *RESPTarget) Reset() error {
	if t.conn != nil {
		t.conn.Close()
		t.conn = nil
	}
	c, err := Dial(t.Addr)
	if err != nil {
		return err
	}
	t.conn = c
	v, err := c.Do("FLUSHALL")
	if err != nil {
		return err
	}
	if v.Kind != Simple {
		return fmt.Errorf("FLUSHALL answered %s", v)
	}
	return nil
}

// Do implements Target.
func (t *RESPTarget) Do(args []string) (Value, error) { return t.conn.Do(args...) }

// SetProtocol implements Target by sending HELLO.
func (t *RESPTarget) SetProtocol(n int) error {
	v, err := t.conn.Do("HELLO", strconv.Itoa(n))
	if err != nil {
		return err
	}
	if v.Kind == Error {
		return errors.New(v.Str)
	}
	return nil
}

// Sleep implements Target: real time passes.
func (t *RESPTarget) Sleep(d time.Duration) { time.Sleep(d) }

// Close closes the current connection.
func (t *RESPTarget) Close() error {
	if t.conn == nil {
		return nil
	}
	err := t.conn.Close()
	t.conn = nil
	return err
}
