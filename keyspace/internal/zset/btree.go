package zset

// The ordered index: a B+tree whose nodes know the size of their subtree (an order-statistic
// tree), so that rank lookups, access by rank and seeks by score or member are O(log n) like
// Redis's skiplist, with far fewer allocations and better locality. Leaves are linked both ways
// for range iteration.
//
// Inner nodes route with lower bounds: for i >= 1, mins[i] is <= every item of kids[i] and > every
// item of kids[i-1]; mins[0] is not used. Deleting the first item of a subtree keeps its lower
// bound valid, so deletions never have to update ancestors' separators.

const (
	maxItems = 64           // items per leaf before it splits
	minItems = maxItems / 4 // a non-root leaf below this borrows from or merges with a sibling
	maxKids  = 64           // children per inner node before it splits
	minKids  = maxKids / 4
)

// Item is one element of a sorted set.
type Item struct {
	Score  float64
	Member string
}

// Less orders items by score, then by member bytes, as Redis orders a sorted set.
func (a *Item) Less(b *Item) bool {
	return a.Score < b.Score || (a.Score == b.Score && a.Member < b.Member)
}

type node struct {
	size       int     // items in this subtree
	items      []Item  // leaf: the items, in order
	kids       []*node // inner: the children, in order
	sizes      []int   // inner: sizes[i] == kids[i].size, kept here so that ranks add up in one array
	mins       []Item  // inner: lower bounds of the children (mins[0] unused)
	prev, next *node   // leaf: neighbours in order
}

func (n *node) leaf() bool { return n.kids == nil }

// bound is a monotone predicate over items ("the item is before the bound"), used to seek.
type bound struct {
	kind   uint8
	score  float64
	member string
}

const (
	scoreLT  uint8 = iota // item.Score < score
	scoreLE               // item.Score <= score
	memberLT              // item.Member < member
	memberLE              // item.Member <= member
	itemLT                // item < (score, member)
)

func (b *bound) before(x *Item) bool {
	switch b.kind {
	case scoreLT:
		return x.Score < b.score
	case scoreLE:
		return x.Score <= b.score
	case memberLT:
		return x.Member < b.member
	case memberLE:
		return x.Member <= b.member
	default:
		return x.Score < b.score || (x.Score == b.score && x.Member < b.member)
	}
}

// tree is the B+tree. The zero value is an empty tree.
type tree struct {
	root *node
}

func (t *tree) len() int {
	if t.root == nil {
		return 0
	}
	return t.root.size
}

// seek returns the rank of the first item for which b.before is false (len when none).
func (t *tree) seek(b *bound) int {
	n := t.root
	if n == nil {
		return 0
	}
	rank := 0
	for !n.leaf() {
		// The answer is in kids[i], i = the number of separators that are before the bound.
		lo, hi := 1, len(n.kids)
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if b.before(&n.mins[m]) {
				lo = m + 1
			} else {
				hi = m
			}
		}
		i := lo - 1
		for _, sz := range n.sizes[:i] {
			rank += sz
		}
		n = n.kids[i]
	}
	lo, hi := 0, len(n.items)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if b.before(&n.items[m]) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return rank + lo
}

// at returns the leaf holding the item of the given rank and its index there.
func (t *tree) at(rank int) (*node, int) {
	n := t.root
	for !n.leaf() {
		i := 0
		for rank >= n.sizes[i] {
			rank -= n.sizes[i]
			i++
		}
		n = n.kids[i]
	}
	return n, rank
}

// route returns the child of an inner node whose range holds x.
func (n *node) route(x *Item) int {
	lo, hi := 1, len(n.kids)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if x.Less(&n.mins[m]) {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo - 1
}

// searchLeaf returns the index of the first item of a leaf that is not less than x.
func (n *node) searchLeaf(x *Item) int {
	lo, hi := 0, len(n.items)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if n.items[m].Less(x) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// insert adds x, which must not be present.
func (t *tree) insert(x Item) {
	if t.root == nil {
		t.root = &node{items: make([]Item, 0, 4)}
	}
	if right, sep := t.root.insert(&x); right != nil {
		old := t.root
		t.root = &node{
			size:  old.size + right.size,
			kids:  []*node{old, right},
			sizes: []int{old.size, right.size},
			mins:  []Item{{}, sep},
		}
	}
}

func (n *node) insert(x *Item) (*node, Item) {
	n.size++
	if n.leaf() {
		i := n.searchLeaf(x)
		n.items = append(n.items, Item{})
		copy(n.items[i+1:], n.items[i:])
		n.items[i] = *x
		if len(n.items) > maxItems {
			return n.splitLeaf()
		}
		return nil, Item{}
	}
	i := n.route(x)
	n.sizes[i]++
	right, sep := n.kids[i].insert(x)
	if right == nil {
		return nil, Item{}
	}
	n.sizes[i] = n.kids[i].size
	n.kids = append(n.kids, nil)
	copy(n.kids[i+2:], n.kids[i+1:])
	n.kids[i+1] = right
	n.sizes = append(n.sizes, 0)
	copy(n.sizes[i+2:], n.sizes[i+1:])
	n.sizes[i+1] = right.size
	n.mins = append(n.mins, Item{})
	copy(n.mins[i+2:], n.mins[i+1:])
	n.mins[i+1] = sep
	if len(n.kids) > maxKids {
		return n.splitInner()
	}
	return nil, Item{}
}

func (n *node) splitLeaf() (*node, Item) {
	mid := len(n.items) / 2
	right := &node{items: make([]Item, len(n.items)-mid, maxItems+1)}
	copy(right.items, n.items[mid:])
	clear(n.items[mid:])
	n.items = n.items[:mid]
	right.size = len(right.items)
	n.size = mid
	right.next = n.next
	if n.next != nil {
		n.next.prev = right
	}
	n.next = right
	right.prev = n
	return right, right.items[0]
}

func (n *node) splitInner() (*node, Item) {
	mid := len(n.kids) / 2
	right := &node{
		kids:  make([]*node, len(n.kids)-mid, maxKids+1),
		sizes: make([]int, len(n.kids)-mid, maxKids+1),
		mins:  make([]Item, len(n.kids)-mid, maxKids+1),
	}
	copy(right.kids, n.kids[mid:])
	copy(right.sizes, n.sizes[mid:])
	copy(right.mins, n.mins[mid:])
	sep := right.mins[0]
	right.mins[0] = Item{}
	clear(n.kids[mid:])
	clear(n.mins[mid:])
	n.kids = n.kids[:mid]
	n.sizes = n.sizes[:mid]
	n.mins = n.mins[:mid]
	for _, sz := range right.sizes {
		right.size += sz
	}
	n.size -= right.size
	return right, sep
}

// delete removes x; it reports whether x was present.
func (t *tree) delete(x Item) bool {
	if t.root == nil || !t.root.delete(&x) {
		return false
	}
	for !t.root.leaf() && len(t.root.kids) == 1 {
		t.root = t.root.kids[0]
	}
	if t.root.size == 0 {
		t.root = nil
	}
	return true
}

func (n *node) delete(x *Item) bool {
	if n.leaf() {
		i := n.searchLeaf(x)
		if i == len(n.items) || n.items[i] != *x {
			return false
		}
		copy(n.items[i:], n.items[i+1:])
		n.items[len(n.items)-1] = Item{}
		n.items = n.items[:len(n.items)-1]
		n.size--
		return true
	}
	i := n.route(x)
	if !n.kids[i].delete(x) {
		return false
	}
	n.size--
	n.sizes[i]--
	if k := n.kids[i]; (k.leaf() && len(k.items) < minItems) || (!k.leaf() && len(k.kids) < minKids) {
		n.rebalance(i)
	}
	return true
}

// rich reports whether a node can give one element to a sibling.
func (n *node) rich() bool {
	if n.leaf() {
		return len(n.items) > minItems
	}
	return len(n.kids) > minKids
}

// rebalance fixes the underfull child i by borrowing from a sibling or merging with one.
func (n *node) rebalance(i int) {
	defer n.refreshSizes()
	switch {
	case i > 0 && n.kids[i-1].rich():
		n.borrowLeft(i)
	case i+1 < len(n.kids) && n.kids[i+1].rich():
		n.borrowRight(i)
	case i > 0:
		n.merge(i - 1)
	case i+1 < len(n.kids):
		n.merge(i)
	}
}

// refreshSizes copies the children's sizes after a structural change.
func (n *node) refreshSizes() {
	n.sizes = n.sizes[:len(n.kids)]
	for k, kid := range n.kids {
		n.sizes[k] = kid.size
	}
}

// borrowLeft moves the last element of kids[i-1] to the front of kids[i].
func (n *node) borrowLeft(i int) {
	l, k := n.kids[i-1], n.kids[i]
	if k.leaf() {
		x := l.items[len(l.items)-1]
		l.items[len(l.items)-1] = Item{}
		l.items = l.items[:len(l.items)-1]
		k.items = append(k.items, Item{})
		copy(k.items[1:], k.items)
		k.items[0] = x
		l.size--
		k.size++
		n.mins[i] = x
		return
	}
	last := len(l.kids) - 1
	c, sep := l.kids[last], l.mins[last]
	l.kids[last] = nil
	l.mins[last] = Item{}
	l.kids = l.kids[:last]
	l.sizes = l.sizes[:last]
	l.mins = l.mins[:last]
	k.kids = append(k.kids, nil)
	copy(k.kids[1:], k.kids)
	k.kids[0] = c
	k.sizes = append(k.sizes, 0)
	copy(k.sizes[1:], k.sizes)
	k.sizes[0] = c.size
	k.mins = append(k.mins, Item{})
	copy(k.mins[1:], k.mins)
	k.mins[1] = n.mins[i] // the old separator now separates c from k's former first child
	k.mins[0] = Item{}
	n.mins[i] = sep
	l.size -= c.size
	k.size += c.size
}

// borrowRight moves the first element of kids[i+1] to the end of kids[i].
func (n *node) borrowRight(i int) {
	k, r := n.kids[i], n.kids[i+1]
	if k.leaf() {
		x := r.items[0]
		copy(r.items, r.items[1:])
		r.items[len(r.items)-1] = Item{}
		r.items = r.items[:len(r.items)-1]
		k.items = append(k.items, x)
		r.size--
		k.size++
		n.mins[i+1] = r.items[0]
		return
	}
	c := r.kids[0]
	k.kids = append(k.kids, c)
	k.sizes = append(k.sizes, c.size)
	k.mins = append(k.mins, n.mins[i+1])
	n.mins[i+1] = r.mins[1]
	copy(r.kids, r.kids[1:])
	r.kids[len(r.kids)-1] = nil
	r.kids = r.kids[:len(r.kids)-1]
	copy(r.sizes, r.sizes[1:])
	r.sizes = r.sizes[:len(r.sizes)-1]
	copy(r.mins, r.mins[1:])
	r.mins[len(r.mins)-1] = Item{}
	r.mins = r.mins[:len(r.mins)-1]
	r.mins[0] = Item{}
	r.size -= c.size
	k.size += c.size
}

// merge joins kids[i+1] into kids[i] and removes it.
func (n *node) merge(i int) {
	l, r := n.kids[i], n.kids[i+1]
	if l.leaf() {
		l.items = append(l.items, r.items...)
		l.next = r.next
		if r.next != nil {
			r.next.prev = l
		}
	} else {
		l.kids = append(l.kids, r.kids...)
		l.sizes = append(l.sizes, r.sizes...)
		l.mins = append(l.mins, n.mins[i+1])
		l.mins = append(l.mins, r.mins[1:]...)
	}
	l.size += r.size
	copy(n.kids[i+1:], n.kids[i+2:])
	n.kids[len(n.kids)-1] = nil
	n.kids = n.kids[:len(n.kids)-1]
	copy(n.mins[i+1:], n.mins[i+2:])
	n.mins[len(n.mins)-1] = Item{}
	n.mins = n.mins[:len(n.mins)-1]
}

// build makes a tree of sorted, distinct items in O(n), with nodes about three quarters full.
func build(items []Item) tree {
	if len(items) == 0 {
		return tree{}
	}
	var level []*node
	var mins []Item
	nLeaves := (len(items) + maxItems*3/4 - 1) / (maxItems * 3 / 4)
	var prev *node
	for i := 0; i < nLeaves; i++ {
		lo, hi := i*len(items)/nLeaves, (i+1)*len(items)/nLeaves
		c := cap4(hi-lo, maxItems+1)
		leaf := &node{items: make([]Item, hi-lo, c), size: hi - lo, prev: prev}
		copy(leaf.items, items[lo:hi])
		if prev != nil {
			prev.next = leaf
		}
		prev = leaf
		level = append(level, leaf)
		mins = append(mins, items[lo])
	}
	for len(level) > 1 {
		nParents := (len(level) + maxKids*3/4 - 1) / (maxKids * 3 / 4)
		var up []*node
		var upMins []Item
		for i := 0; i < nParents; i++ {
			lo, hi := i*len(level)/nParents, (i+1)*len(level)/nParents
			p := &node{kids: make([]*node, hi-lo, maxKids+1), sizes: make([]int, hi-lo, maxKids+1), mins: make([]Item, hi-lo, maxKids+1)}
			copy(p.kids, level[lo:hi])
			copy(p.mins, mins[lo:hi])
			upMins = append(upMins, p.mins[0])
			p.mins[0] = Item{}
			for j, k := range p.kids {
				p.sizes[j] = k.size
				p.size += k.size
			}
			up = append(up, p)
		}
		level, mins = up, upMins
	}
	return tree{root: level[0]}
}

// cap4 is the capacity for a leaf of n items: small leaves stay small.
func cap4(n, max int) int {
	if n < 4 {
		return 4
	}
	if n >= max/2 {
		return max
	}
	return n * 2
}

// first returns the leftmost leaf, or nil.
func (t *tree) first() *node {
	n := t.root
	if n == nil {
		return nil
	}
	for !n.leaf() {
		n = n.kids[0]
	}
	return n
}
