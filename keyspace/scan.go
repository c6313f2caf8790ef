package keyspace

import "strconv"

// SCAN, and the option parsing and filtering that HSCAN, SSCAN and ZSCAN share with it
// (Redis's scanGenericCommand).

func init() {
	register(map[string]Handler{"scan": scanCommand})
}

// ParseCursor parses a SCAN cursor as Redis does (strtoul): an optional sign, decimal digits
// (a negative number wraps around), no leading space, nothing after; the empty string is 0.
func ParseCursor(s string) (uint64, bool) {
	if len(s) > 0 && isSpace(s[0]) {
		return 0, false
	}
	p := 0
	neg := false
	if p < len(s) && (s[p] == '+' || s[p] == '-') {
		neg = s[p] == '-'
		p++
	}
	if p == len(s) {
		// strtoul consumes nothing: the cursor is 0 only when nothing follows at all.
		return 0, len(s) == 0
	}
	v, err := strconv.ParseUint(s[p:], 10, 64)
	if err != nil {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

func isSpace(c byte) bool { return c == ' ' || (c >= '\t' && c <= '\r') }

// scanOptions are SCAN's COUNT, MATCH and TYPE options.
type scanOptions struct {
	count    int64
	pattern  string
	matchAll bool
	typeName string
	hasType  bool
}

// parseScanOptions reads the options from args[i:]; allowType is set for SCAN only.
func parseScanOptions(args []string, i int, allowType bool) (scanOptions, string) {
	o := scanOptions{count: 10, matchAll: true}
	for i < len(args) {
		more := len(args) - i
		switch opt := cstr(args[i]); {
		case equalFold(opt, "count") && more >= 2:
			n, ok := ParseInt(args[i+1])
			if !ok {
				return o, ErrNotInt
			}
			if n < 1 {
				return o, ErrSyntax
			}
			o.count = n
			i += 2
		case equalFold(opt, "match") && more >= 2:
			o.pattern = args[i+1]
			o.matchAll = o.pattern == "*"
			i += 2
		case equalFold(opt, "type") && allowType && more >= 2:
			o.typeName = args[i+1]
			o.hasType = true
			i += 2
		default:
			return o, ErrSyntax
		}
	}
	return o, ""
}

// matches reports whether an element passes the MATCH filter.
func (o *scanOptions) matches(s string) bool {
	return o.matchAll || GlobMatch(o.pattern, s, false)
}

func scanCommand(c *Ctx, args []string, r Reply) {
	cursor, ok := ParseCursor(args[1])
	if !ok {
		r.Error("ERR invalid cursor")
		return
	}
	o, msg := parseScanOptions(args, 2, true)
	if msg != "" {
		r.Error(msg)
		return
	}
	var keys []string
	maxIter := o.count*10 + 1 // do { scan } while (cursor && maxiterations-- && ...)
	if o.count > 1<<40 {
		maxIter = 1 << 62
	}
	for {
		cursor = c.DB.dict.scan(cursor, func(e *entry) { keys = append(keys, e.key) })
		maxIter--
		if cursor == 0 || maxIter == 0 || int64(len(keys)) >= o.count {
			break
		}
	}
	out := keys[:0]
	for _, k := range keys {
		if !o.matches(k) {
			continue
		}
		if o.hasType {
			e := c.DB.lookupReadNoTouch(c, k)
			name := "none"
			if e != nil {
				name = e.typ.String()
			}
			if !equalFold(cstr(o.typeName), name) {
				continue
			}
		}
		if c.DB.peek(c, k) == nil {
			continue // expired: deleted now, as expireIfNeeded does
		}
		out = append(out, k)
	}
	r.ArrayLen(2)
	r.Bulk(strconv.FormatUint(cursor, 10))
	r.ArrayLen(len(out))
	for _, k := range out {
		r.Bulk(k)
	}
}
