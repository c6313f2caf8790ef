package keyspace

import (
	"math"
	"math/big"
)

// BLPOP, BRPOP, BRPOPLPUSH, BLMOVE and BLMPOP in their non-blocking form, as Redis 7.0 runs them
// when the client may not block (inside MULTI, or BLMPOP in a script) or when the timeout
// expires:
//
//   - with data, they answer exactly as LPOP/RPOP, RPOPLPUSH/LMOVE and LMPOP do (BLPOP and BRPOP
//     as a [key, element] pair);
//   - when they would block (ListBlocks: none of the keys exists), they answer the null at once:
//     inside MULTI or a script the null array for BLPOP, BRPOP and BLMPOP and the null bulk for
//     BRPOPLPUSH and BLMOVE (what 7.0 answers with CLIENT_DENY_BLOCKING); for a plain caller
//     the null array for all of them, which is what 7.0 answers when a blocked client times out.
//
// Arguments are validated before the keys are looked at, in 7.0's order, so a bad timeout is an
// error even when there is data. A server that really blocks asks ListBlocks (or recognises the
// null reply), waits until one of the keys is modified (Hooks.KeyModified) or the timeout
// (ParseBlockTimeout) passes, and runs the command again.

func init() {
	register(map[string]Handler{
		"blpop": blpopCommand, "brpop": brpopCommand, "brpoplpush": brpoplpushCommand,
		"blmove": blmoveCommand, "blmpop": blmpopCommand,
	})
}

// ListBlocks reports whether a blocking list command waiting on keys would block now: none of
// the keys exists. (A key that exists either holds a list, which is never empty, and the command
// serves it, or holds another type, and the command answers WRONGTYPE at once.)
func ListBlocks(c *Ctx, keys []string) bool {
	for _, k := range keys {
		if c.DB.peek(c, k) != nil {
			return false
		}
	}
	return true
}

// ParseBlockTimeout parses the timeout of a blocking command, in seconds, exactly as Redis 7.0's
// getTimeoutFromObjectOrReply: a long double (strtold syntax, so "0x10" and "1e3" are valid),
// multiplied by 1000 and rounded up to a whole millisecond; values too large for a 64-bit integer
// become negative, as the x86-64 conversion makes them. It returns the timeout in milliseconds
// (0: wait for ever; any positive value, however small, waits at least 1 ms) or the error text:
// "ERR timeout is not a float or out of range" or "ERR timeout is negative".
func ParseBlockTimeout(s string) (ms int64, errMsg string) {
	x, inf, ok := ParseLongDouble(s)
	if !ok {
		return 0, "ERR timeout is not a float or out of range"
	}
	ms = math.MinInt64 // what the conversion of an out-of-range value gives
	if inf == 0 {
		p := new(big.Float).SetPrec(ldPrec).SetMode(big.ToNearestEven)
		p.Mul(x, big.NewFloat(1000))
		if i, acc := p.Int64(); p.Cmp(big.NewFloat(math.MaxInt64)) < 0 && p.Cmp(big.NewFloat(math.MinInt64)) >= 0 {
			// Int64 truncates toward zero; ceil differs for a positive non-integer.
			if acc == big.Below && p.Sign() > 0 {
				if i != math.MaxInt64 {
					ms = i + 1
				}
			} else {
				ms = i
			}
		}
	}
	if ms < 0 {
		return 0, "ERR timeout is negative"
	}
	return ms, ""
}

// denyBlocking reports whether the caller may not block (MULTI, scripts).
func denyBlocking(c *Ctx) bool { return c.Flags&(InMulti|InScript) != 0 }

func blpopCommand(c *Ctx, args []string, r Reply) { blockingPop(c, args, true, r) }
func brpopCommand(c *Ctx, args []string, r Reply) { blockingPop(c, args, false, r) }

// blockingPop is BLPOP/BRPOP key... timeout.
func blockingPop(c *Ctx, args []string, left bool, r Reply) {
	if _, msg := ParseBlockTimeout(args[len(args)-1]); msg != "" {
		r.Error(msg)
		return
	}
	for _, k := range args[1 : len(args)-1] {
		e, l, ok := lookupList(c, k, true, r)
		if !ok {
			return
		}
		if l == nil {
			continue
		}
		r.ArrayLen(2)
		r.Bulk(k)
		r.Bulk(l.pop(left))
		listPopped(c, e, left, 1)
		return
	}
	r.NullArray()
}

func brpoplpushCommand(c *Ctx, args []string, r Reply) {
	if _, msg := ParseBlockTimeout(args[3]); msg != "" {
		r.Error(msg)
		return
	}
	blmoveGeneric(c, args[1], args[2], false, true, r)
}

func blmoveCommand(c *Ctx, args []string, r Reply) {
	from, ok := parseWhere(args[3])
	if !ok {
		r.Error(ErrSyntax)
		return
	}
	to, ok := parseWhere(args[4])
	if !ok {
		r.Error(ErrSyntax)
		return
	}
	if _, msg := ParseBlockTimeout(args[5]); msg != "" {
		r.Error(msg)
		return
	}
	blmoveGeneric(c, args[1], args[2], from, to, r)
}

func blmoveGeneric(c *Ctx, src, dst string, fromLeft, toLeft bool, r Reply) {
	_, l, ok := lookupList(c, src, true, r)
	if !ok {
		return
	}
	if l == nil {
		if denyBlocking(c) {
			r.Null()
		} else {
			r.NullArray()
		}
		return
	}
	lmoveGeneric(c, src, dst, fromLeft, toLeft, r)
}

// blmpopCommand is BLMPOP timeout numkeys key... LEFT|RIGHT [COUNT count]. 7.0 parses the
// numkeys, direction and count before the timeout.
func blmpopCommand(c *Ctx, args []string, r Reply) {
	keys, left, count, msg := parseMPop(args, 2)
	if msg != "" {
		r.Error(msg)
		return
	}
	if _, msg := ParseBlockTimeout(args[1]); msg != "" {
		r.Error(msg)
		return
	}
	mpopLists(c, keys, left, count, r)
}
