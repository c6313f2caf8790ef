package keyspace

// LCS, as Redis 7.0 computes it: the classic dynamic-programming table, then a walk back from
// the end that rebuilds the subsequence and the matching ranges.

func lcsCommand(c *Ctx, args []string, r Reply) {
	ea := c.DB.lookupRead(c, args[1])
	eb := c.DB.lookupRead(c, args[2])
	if (ea != nil && ea.typ != TypeString) || (eb != nil && eb.typ != TypeString) {
		r.Error("ERR The specified keys must contain string values")
		return
	}
	var a, b string
	if ea != nil {
		a = ea.stringValue()
	}
	if eb != nil {
		b = eb.stringValue()
	}
	var getLen, getIdx, withMatchLen bool
	var minMatchLen int64
	for j := 3; j < len(args); j++ {
		opt := cstr(args[j])
		more := len(args) - 1 - j
		switch {
		case equalFold(opt, "idx"):
			getIdx = true
		case equalFold(opt, "len"):
			getLen = true
		case equalFold(opt, "withmatchlen"):
			withMatchLen = true
		case equalFold(opt, "minmatchlen") && more > 0:
			n, ok := ParseInt(args[j+1])
			if !ok {
				r.Error(ErrNotInt)
				return
			}
			if n < 0 {
				n = 0
			}
			minMatchLen = n
			j++
		default:
			r.Error(ErrSyntax)
			return
		}
	}
	if getIdx && getLen {
		r.Error("ERR If you want both the length and indexes, please just use IDX.")
		return
	}
	alen, blen := len(a), len(b)
	cells := uint64(alen+1) * uint64(blen+1)
	if cells*4 > maxStringLen {
		r.Error("ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len")
		return
	}
	w := blen + 1
	lcs := make([]uint32, cells)
	for i := 1; i <= alen; i++ {
		for j := 1; j <= blen; j++ {
			if a[i-1] == b[j-1] {
				lcs[i*w+j] = lcs[(i-1)*w+j-1] + 1
			} else {
				l1, l2 := lcs[(i-1)*w+j], lcs[i*w+j-1]
				if l1 > l2 {
					lcs[i*w+j] = l1
				} else {
					lcs[i*w+j] = l2
				}
			}
		}
	}
	total := lcs[alen*w+blen]
	idx := total
	computeLCS := getIdx || !getLen
	var result []byte
	if computeLCS {
		result = make([]byte, idx)
	}
	type match struct{ a0, a1, b0, b1, n uint32 }
	var matches []match
	aStart, aEnd, bStart, bEnd := uint32(alen), uint32(0), uint32(0), uint32(0)
	i, j := uint32(alen), uint32(blen)
	for computeLCS && i > 0 && j > 0 {
		emit := false
		if a[i-1] == b[j-1] {
			result[idx-1] = a[i-1]
			if aStart == uint32(alen) {
				aStart, aEnd, bStart, bEnd = i-1, i-1, j-1, j-1
			} else if aStart == i && bStart == j {
				aStart--
				bStart--
			} else {
				emit = true
			}
			if aStart == 0 || bStart == 0 {
				emit = true
			}
			idx--
			i--
			j--
		} else {
			l1, l2 := lcs[int(i-1)*w+int(j)], lcs[int(i)*w+int(j-1)]
			if l1 > l2 {
				i--
			} else {
				j--
			}
			if aStart != uint32(alen) {
				emit = true
			}
		}
		matchLen := aEnd - aStart + 1
		if emit {
			if minMatchLen == 0 || int64(matchLen) >= minMatchLen {
				if getIdx {
					matches = append(matches, match{aStart, aEnd, bStart, bEnd, matchLen})
				}
			}
			aStart = uint32(alen)
		}
	}
	switch {
	case getIdx:
		r.MapLen(2)
		r.Bulk("matches")
		r.ArrayLen(len(matches))
		for _, m := range matches {
			if withMatchLen {
				r.ArrayLen(3)
			} else {
				r.ArrayLen(2)
			}
			r.ArrayLen(2)
			r.Integer(int64(m.a0))
			r.Integer(int64(m.a1))
			r.ArrayLen(2)
			r.Integer(int64(m.b0))
			r.Integer(int64(m.b1))
			if withMatchLen {
				r.Integer(int64(m.n))
			}
		}
		r.Bulk("len")
		r.Integer(int64(total))
	case getLen:
		r.Integer(int64(idx))
	default:
		r.Bulk(string(result))
	}
}
