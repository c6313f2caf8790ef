package keyspace

// SORT with BY and a LIMIT that does not cover the whole result (and GEOSEARCH/GEORADIUS with
// COUNT and ASC/DESC) sorts with Redis's partial
// quicksort (pqsort.c): a Bentley-McIlroy quicksort (median of three, or the ninther above 40
// elements, three-way partitioning with the equal elements gathered at both ends, insertion sort
// below 7) that skips the partitions lying entirely outside the requested range. It is not
// stable, so elements that compare equal (ALPHA with equal or missing BY values) come out in the
// order this exact algorithm leaves them; reproducing it step for step is what makes such replies
// equal to Redis's.

// partialSort sorts v so that positions lo..hi (inclusive, as SORT's LIMIT gives them) hold what
// a full sort would put there, leaving them, and the rest, in the order Redis's pqsort leaves them.
func partialSort[T any](v []T, cmp func(a, b *T) int, lo, hi int) {
	// pqsort compares byte addresses: the range starts at the first byte of element lo and ends
	// at the last byte of element hi. Doubling the indexes keeps that arithmetic exact.
	p := pqsorter[T]{v: v, cmp: cmp, lrange: 2 * lo, rrange: 2*(hi+1) - 1}
	p.sort(0, len(v))
}

type pqsorter[T any] struct {
	v              []T
	cmp            func(a, b *T) int
	lrange, rrange int
}

func (p *pqsorter[T]) swap(i, j int) { p.v[i], p.v[j] = p.v[j], p.v[i] }

// vecswap swaps the n elements starting at i with the n elements starting at j.
func (p *pqsorter[T]) vecswap(i, j, n int) {
	for k := 0; k < n; k++ {
		p.swap(i+k, j+k)
	}
}

func (p *pqsorter[T]) less0(i, j int) int { return p.cmp(&p.v[i], &p.v[j]) }

// med3 is the index of the median of three elements, chosen as pqsort.c chooses it.
func (p *pqsorter[T]) med3(a, b, c int) int {
	if p.less0(a, b) < 0 {
		switch {
		case p.less0(b, c) < 0:
			return b
		case p.less0(a, c) < 0:
			return c
		}
		return a
	}
	switch {
	case p.less0(b, c) > 0:
		return b
	case p.less0(a, c) < 0:
		return a
	}
	return c
}

// outside reports whether the n elements starting at base lie entirely before or entirely
// after the requested range.
func (p *pqsorter[T]) outside(base, n int) bool {
	l, r := 2*base, 2*(base+n)-1
	return (p.lrange < l && p.rrange < l) || (p.lrange > r && p.rrange > r)
}

// sort sorts the n elements starting at base.
func (p *pqsorter[T]) sort(base, n int) {
	for {
		if n < 7 {
			for pm := base + 1; pm < base+n; pm++ {
				for pl := pm; pl > base && p.less0(pl-1, pl) > 0; pl-- {
					p.swap(pl, pl-1)
				}
			}
			return
		}
		pm := base + n/2
		if n > 7 {
			pl, pn := base, base+n-1
			if n > 40 {
				d := n / 8
				pl = p.med3(pl, pl+d, pl+2*d)
				pm = p.med3(pm-d, pm, pm+d)
				pn = p.med3(pn-2*d, pn-d, pn)
			}
			pm = p.med3(pl, pm, pn)
		}
		p.swap(base, pm)
		pa, pb := base+1, base+1
		pc, pd := base+n-1, base+n-1
		for {
			for pb <= pc {
				r := p.less0(pb, base)
				if r > 0 {
					break
				}
				if r == 0 {
					p.swap(pa, pb)
					pa++
				}
				pb++
			}
			for pb <= pc {
				r := p.less0(pc, base)
				if r < 0 {
					break
				}
				if r == 0 {
					p.swap(pc, pd)
					pd--
				}
				pc--
			}
			if pb > pc {
				break
			}
			p.swap(pb, pc)
			pb++
			pc--
		}
		pn := base + n
		r := min(pa-base, pb-pa)
		p.vecswap(base, pb-r, r)
		r = min(pd-pc, pn-pd-1)
		p.vecswap(pb, pn-r, r)
		if r = pb - pa; r > 1 && !p.outside(base, r) {
			p.sort(base, r)
		}
		r = pd - pc
		if r <= 1 {
			return
		}
		base, n = pn-r, r
		if p.outside(base, n) {
			return
		}
	}
}
