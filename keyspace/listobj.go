package keyspace

// The list value. Redis 7.0 keeps every list in a quicklist (a linked list of listpacks) and
// OBJECT ENCODING always answers "quicklist"; what a script can observe is only the order of the
// elements, so the representation here is the one that is fastest for Redis's access patterns:
// a ring buffer of strings (a power-of-two slice with a head index). Pushes and pops at both ends
// are amortised O(1) and do not allocate once the buffer has grown; LINDEX and LSET are O(1);
// inserting or removing in the middle moves the elements of the shorter side. The buffer shrinks
// by half when it becomes less than a quarter full, so a list that was long and was popped does
// not keep its memory.

const listMinCap = 8

// listValue is the val of a list entry.
type listValue struct {
	buf  []string // len(buf) is 0 or a power of two
	head int      // index in buf of element 0
	n    int      // number of elements
}

// newListFrom builds a list holding elems (copied).
func newListFrom(elems []string) *listValue {
	l := &listValue{}
	if len(elems) > 0 {
		l.buf = make([]string, listCapFor(len(elems)))
		copy(l.buf, elems)
		l.n = len(elems)
	}
	return l
}

func listCapFor(n int) int {
	c := listMinCap
	for c < n {
		c *= 2
	}
	return c
}

// Len implements Collection.
func (l *listValue) Len() int { return l.n }

// Copy implements Collection.
func (l *listValue) Copy() Collection {
	c := &listValue{n: l.n}
	if l.n > 0 {
		c.buf = make([]string, listCapFor(l.n))
		l.copyTo(c.buf, 0, l.n)
	}
	return c
}

// Elements implements Elements (SORT reads lists in order).
func (l *listValue) Elements(fn func(string)) {
	for i := 0; i < l.n; i++ {
		fn(l.at(i))
	}
}

func (l *listValue) slot(i int) int { return (l.head + i) & (len(l.buf) - 1) }

// at returns element i (0 <= i < n).
func (l *listValue) at(i int) string { return l.buf[l.slot(i)] }

// set replaces element i.
func (l *listValue) set(i int, s string) { l.buf[l.slot(i)] = s }

// copyTo copies elements [from, from+n) into dst.
func (l *listValue) copyTo(dst []string, from, n int) {
	for k := 0; k < n; {
		s := l.slot(from + k)
		k += copy(dst[k:n], l.buf[s:])
	}
}

// resize moves the elements into a buffer of capacity c (a power of two >= n).
func (l *listValue) resize(c int) {
	nb := make([]string, c)
	l.copyTo(nb, 0, l.n)
	l.buf = nb
	l.head = 0
}

func (l *listValue) grow() {
	if l.n == len(l.buf) {
		c := len(l.buf) * 2
		if c < listMinCap {
			c = listMinCap
		}
		l.resize(c)
	}
}

func (l *listValue) maybeShrink() {
	if len(l.buf) > listMinCap && l.n*4 < len(l.buf) {
		l.resize(len(l.buf) / 2)
	}
}

func (l *listValue) pushBack(s string) {
	l.grow()
	l.buf[l.slot(l.n)] = s
	l.n++
}

func (l *listValue) pushFront(s string) {
	l.grow()
	l.head = (l.head - 1) & (len(l.buf) - 1)
	l.buf[l.head] = s
	l.n++
}

// push adds s at the head (left) or the tail.
func (l *listValue) push(s string, left bool) {
	if left {
		l.pushFront(s)
	} else {
		l.pushBack(s)
	}
}

// pop removes and returns the head (left) or tail element; the list must not be empty.
func (l *listValue) pop(left bool) string {
	var s string
	if left {
		s = l.buf[l.head]
		l.buf[l.head] = ""
		l.head = (l.head + 1) & (len(l.buf) - 1)
	} else {
		i := l.slot(l.n - 1)
		s = l.buf[i]
		l.buf[i] = ""
	}
	l.n--
	l.maybeShrink()
	return s
}

// insert puts s before element i (0 <= i <= n), moving the shorter side.
func (l *listValue) insert(i int, s string) {
	if i == 0 {
		l.pushFront(s)
		return
	}
	if i == l.n {
		l.pushBack(s)
		return
	}
	l.grow()
	if i < l.n/2 {
		l.head = (l.head - 1) & (len(l.buf) - 1)
		for k := 0; k < i; k++ {
			l.set(k, l.at(k+1))
		}
	} else {
		for k := l.n; k > i; k-- {
			l.buf[l.slot(k)] = l.at(k - 1)
		}
	}
	l.n++
	l.set(i, s)
}

// trim keeps elements [start, end] (inclusive, already clamped to the list; start > end keeps
// nothing).
func (l *listValue) trim(start, end int) {
	if start > end {
		l.clear()
		return
	}
	for k := 0; k < start; k++ {
		l.set(k, "")
	}
	for k := end + 1; k < l.n; k++ {
		l.set(k, "")
	}
	l.head = l.slot(start)
	l.n = end - start + 1
	for len(l.buf) > listMinCap && l.n*4 < len(l.buf) {
		l.resize(len(l.buf) / 2)
	}
}

func (l *listValue) clear() {
	l.buf = nil
	l.head = 0
	l.n = 0
}

// remove deletes the elements equal to s: all of them when count is 0, else the first count
// from the head (count > 0) or from the tail (count < 0). It returns how many it removed.
func (l *listValue) remove(s string, count int64) int64 {
	var removed int64
	limit := count
	if limit < 0 {
		limit = -limit // for the most negative count this stays negative: no limit, as in C
	}
	if limit < 0 {
		limit = 0
	}
	if count >= 0 {
		w := 0
		for r := 0; r < l.n; r++ {
			e := l.at(r)
			if e == s && (limit == 0 || removed < limit) {
				removed++
				continue
			}
			if w != r {
				l.set(w, e)
			}
			w++
		}
		for k := w; k < l.n; k++ {
			l.set(k, "")
		}
		l.n = w
	} else {
		w := l.n - 1
		for r := l.n - 1; r >= 0; r-- {
			e := l.at(r)
			if e == s && (limit == 0 || removed < limit) {
				removed++
				continue
			}
			if w != r {
				l.set(w, e)
			}
			w--
		}
		for k := 0; k <= w; k++ {
			l.set(k, "")
		}
		l.head = l.slot(w + 1)
		l.n -= w + 1
	}
	for len(l.buf) > listMinCap && l.n*4 < len(l.buf) {
		l.resize(len(l.buf) / 2)
	}
	return removed
}

// index returns the position of the first element equal to s, or -1.
func (l *listValue) index(s string) int {
	for i := 0; i < l.n; i++ {
		if l.at(i) == s {
			return i
		}
	}
	return -1
}
