package vm

import (
	"math"
	"unsafe"
)

// Table is a Lua table. Its layout replicates Lua 5.1's ltable.c exactly: an array part and a
// hash part of 2^k nodes using main positions and chained scatter with Brent's variation, so
// that next/pairs visit keys in the same order as PUC Lua 5.1 for any history of inserts and
// deletes.
//
// The struct is 64 bytes (one size class); a table created with a small hash or array size
// gets its nodes or array in the same allocation (see newTable).
type Table struct {
	array     []Value
	nodep     *node // first of the 2^lsizenode nodes; nil stands for Lua's shared dummy node
	meta      *Table
	flags     uint32 // bit e set: metamethod e known absent (this table used as a metatable)
	lastfree  int32  // all nodes at or above lastfree are in use
	lsizenode uint8
	redisHash bool  // string keys hash every byte (Redis's variant)
	weak      uint8 // __mode bits seen at setmetatable (informational; weak tables act strong)
	readonly  bool  // writes raise "Attempt to modify a readonly table" (Redis's patch)
}

// sizenode returns the number of nodes (0 for the empty hash part).
func (t *Table) sizenode() int {
	if t.nodep == nil {
		return 0
	}
	return 1 << t.lsizenode
}

// nodes returns the hash part (nil when empty).
func (t *Table) nodes() []node {
	if t.nodep == nil {
		return nil
	}
	return unsafe.Slice(t.nodep, 1<<t.lsizenode)
}

// nodeAt returns node i without a bounds check; i must be below the size of the hash part.
func (t *Table) nodeAt(i uint32) *node {
	return (*node)(unsafe.Add(unsafe.Pointer(t.nodep), uintptr(i)*unsafe.Sizeof(node{})))
}

// Tables allocated together with a small hash part or array part.
type (
	tableN1 struct {
		t Table
		n [1]node
	}
	tableN2 struct {
		t Table
		n [2]node
	}
	tableN4 struct {
		t Table
		n [4]node
	}
	tableA2 struct {
		t Table
		a [2]Value
	}
	tableA4 struct {
		t Table
		a [4]Value
	}
)

type node struct {
	val  Value
	key  Value
	next int32  // index+1 of the next node in the chain; 0 ends it
	h    uint32 // the hash of a string key (cached, as Lua caches it in the string)
}

const (
	maxBits  = 26
	maxASize = 1 << maxBits
)

// newTable returns a table sized as luaH_new(narray, nhash).
func newTable(narray, nhash int, redis bool) *Table {
	if narray == 0 {
		switch {
		case nhash == 0:
			return &Table{redisHash: redis}
		case nhash == 1:
			x := &tableN1{t: Table{redisHash: redis, lastfree: 1}}
			x.t.nodep = &x.n[0]
			return &x.t
		case nhash == 2:
			x := &tableN2{t: Table{redisHash: redis, lastfree: 2, lsizenode: 1}}
			x.t.nodep = &x.n[0]
			return &x.t
		case nhash <= 4:
			x := &tableN4{t: Table{redisHash: redis, lastfree: 4, lsizenode: 2}}
			x.t.nodep = &x.n[0]
			return &x.t
		}
	} else if nhash == 0 && narray <= 4 {
		if narray <= 2 {
			x := &tableA2{t: Table{redisHash: redis}}
			x.t.array = x.a[:narray]
			return &x.t
		}
		x := &tableA4{t: Table{redisHash: redis}}
		x.t.array = x.a[:narray]
		return &x.t
	}
	t := &Table{redisHash: redis}
	if narray > 0 {
		t.array = make([]Value, narray)
	}
	t.setNodeVector(nhash)
	return t
}

// Metatable returns the table's metatable, or nil.
func (t *Table) Metatable() *Table { return t.meta }

// SetMetatable sets the table's metatable (nil removes it).
func (t *Table) SetMetatable(mt *Table) { t.meta = mt }

// SetReadOnly marks the table read-only (or writable again), as Redis's lua_enablereadonlytable
// does: stores through the VM, RawSet, SetIndex and the metatable setters of the State API then
// raise "Attempt to modify a readonly table". The raw Go setters (Set, SetInt, SetStr) are not
// checked: they are for hosts building tables.
func (t *Table) SetReadOnly(b bool) { t.readonly = b }

// ReadOnly reports whether the table is read-only.
func (t *Table) ReadOnly() bool { return t.readonly }

// ArrayLen returns the size of the array part.
func (t *Table) ArrayLen() int { return len(t.array) }

// strHash is Lua 5.1's string hash (luaS_newlstr); the Redis variant reads every byte.
func strHash(s string, redis bool) uint32 {
	h := uint32(len(s))
	step := 1
	if !redis {
		step = len(s)>>5 + 1
	}
	for l1 := len(s); l1 >= step; l1 -= step {
		h ^= (h << 5) + (h >> 2) + uint32(s[l1-1])
	}
	return h
}

// StringHash returns Lua 5.1's hash of s (every byte hashed when redis is set).
func StringHash(s string, redis bool) uint32 { return strHash(s, redis) }

func hashNum(f float64, size int) int {
	if f == 0 {
		return 0
	}
	b := math.Float64bits(f)
	a := uint32(b) + uint32(b>>32)
	return int(a % uint32((size-1)|1))
}

// mainPos returns the main position of key k; t.node must not be nil.
func (t *Table) mainPos(k Value) int {
	size := t.sizenode()
	if k.IsNumber() {
		return hashNum(k.Float(), size)
	}
	switch k.n >> tagShift {
	case uint64(TypeString):
		return int(strHash(k.Str(), t.redisHash) & uint32(size-1))
	case uint64(TypeBoolean):
		if k.p == unsafe.Pointer(&trueSentinel) {
			return 1 & (size - 1)
		}
		return 0
	}
	return int(uint32(uintptr(k.p)) % uint32((size-1)|1))
}

// nodeMainPos returns the main position of the key of node i, using its cached string hash.
func (t *Table) nodeMainPos(i int) int {
	nd := t.nodeAt(uint32(i))
	if nd.key.IsString() {
		return int(nd.h & (1<<t.lsizenode - 1))
	}
	return t.mainPos(nd.key)
}

// arrayIndex returns k as an int when it is a number with an integral value in C int range.
func arrayIndex(f float64) (int, bool) {
	if f >= -2147483648 && f <= 2147483647 {
		i := int(int32(f))
		if float64(i) == f {
			return i, true
		}
	}
	return 0, false
}

// GetInt returns t[i] (raw).
func (t *Table) GetInt(i int) Value {
	if uint(i-1) < uint(len(t.array)) {
		return t.array[i-1]
	}
	return t.getIntHash(i)
}

func (t *Table) getIntHash(i int) Value {
	if t.nodep == nil {
		return Nil
	}
	nk := float64(i)
	nd := t.nodeAt(uint32(hashNum(nk, 1<<t.lsizenode)))
	for {
		if nd.key.IsNumber() && nd.key.Float() == nk {
			return nd.val
		}
		if nd.next == 0 {
			return Nil
		}
		nd = t.nodeAt(uint32(nd.next - 1))
	}
}

// findInt returns the slot of integer key i, or nil.
func (t *Table) findInt(i int) *Value {
	if uint(i-1) < uint(len(t.array)) {
		return &t.array[i-1]
	}
	if t.nodep == nil {
		return nil
	}
	nk := float64(i)
	nd := t.nodeAt(uint32(hashNum(nk, 1<<t.lsizenode)))
	for {
		if nd.key.IsNumber() && nd.key.Float() == nk {
			return &nd.val
		}
		if nd.next == 0 {
			return nil
		}
		nd = t.nodeAt(uint32(nd.next - 1))
	}
}

// GetStr returns t[s] (raw).
func (t *Table) GetStr(s string) Value {
	if t.nodep == nil {
		return Nil
	}
	return t.getStrH(String(s), strHash(s, t.redisHash))
}

// sameStr reports whether node key nk equals string key k (a pointer compare first: equal
// constants share their bytes).
func sameStr(nk, k Value) bool {
	return nk.n == k.n && (nk.p == k.p || (nk.p != unsafe.Pointer(&numSentinel) && nk.Str() == k.Str()))
}

// getStrH looks up string key k whose hash is h.
func (t *Table) getStrH(k Value, h uint32) Value {
	if t.nodep == nil {
		return Nil
	}
	nd := t.nodeAt(h & (1<<t.lsizenode - 1))
	for {
		if sameStr(nd.key, k) {
			return nd.val
		}
		if nd.next == 0 {
			return Nil
		}
		nd = t.nodeAt(uint32(nd.next - 1))
	}
}

// findStrH returns the slot of string key k with hash h, or nil.
func (t *Table) findStrH(k Value, h uint32) *Value {
	if t.nodep == nil {
		return nil
	}
	nd := t.nodeAt(h & (1<<t.lsizenode - 1))
	for {
		if sameStr(nd.key, k) {
			return &nd.val
		}
		if nd.next == 0 {
			return nil
		}
		nd = t.nodeAt(uint32(nd.next - 1))
	}
}

// Get returns t[k] (raw).
func (t *Table) Get(k Value) Value {
	if p := t.find(k); p != nil {
		return *p
	}
	return Nil
}

// find returns the slot holding key k (luaH_get), or nil.
func (t *Table) find(k Value) *Value {
	if k.IsNumber() {
		if i, ok := arrayIndex(k.Float()); ok {
			return t.findInt(i)
		}
	} else if k.IsString() {
		return t.findStrH(k, strHash(k.Str(), t.redisHash))
	} else if k.p == nil {
		return nil
	}
	if t.nodep == nil {
		return nil
	}
	n := t.mainPos(k)
	for {
		nd := t.nodeAt(uint32(n))
		if RawEqual(nd.key, k) {
			return &nd.val
		}
		if nd.next == 0 {
			return nil
		}
		n = int(nd.next - 1)
	}
}

// slot returns the slot for key k, creating it (with a nil value) if absent: luaH_set.
func (t *Table) slot(L *State, k Value) *Value {
	t.flags = 0
	if k.IsString() {
		h := strHash(k.Str(), t.redisHash)
		if p := t.findStrH(k, h); p != nil {
			return p
		}
		return t.newKeyH(L, k, h)
	}
	if p := t.find(k); p != nil {
		return p
	}
	if k.p == nil {
		L.RunError("table index is nil")
	}
	if k.IsNumber() && k.Float() != k.Float() {
		L.RunError("table index is NaN")
	}
	if k.IsString() {
		return t.newKeyH(L, k, strHash(k.Str(), t.redisHash))
	}
	return t.newKeyH(L, k, 0)
}

// slotInt is luaH_setnum.
func (t *Table) slotInt(L *State, i int) *Value {
	if p := t.findInt(i); p != nil {
		return p
	}
	return t.newKeyH(L, Int(i), 0)
}

// slotStrH is luaH_setstr with a known hash.
func (t *Table) slotStrH(L *State, k Value, h uint32) *Value {
	t.flags = 0
	if p := t.findStrH(k, h); p != nil {
		return p
	}
	return t.newKeyH(L, k, h)
}

// Set performs the raw assignment t[k] = v. It panics with a Lua error for a nil or NaN key, so it
// must run inside the VM (a Go function or a protected call).
func (t *Table) Set(L *State, k, v Value) { *t.slot(L, k) = v }

// SetInt performs t[i] = v (raw).
func (t *Table) SetInt(i int, v Value) { *t.slotInt(nil, i) = v }

// SetStr performs t[s] = v (raw).
func (t *Table) SetStr(s string, v Value) {
	k := String(s)
	*t.slotStrH(nil, k, strHash(s, t.redisHash)) = v
}

func (t *Table) getFreePos() int {
	for t.lastfree > 0 {
		t.lastfree--
		if t.nodeAt(uint32(t.lastfree)).key.p == nil {
			return int(t.lastfree)
		}
	}
	return -1
}

// newKeyH inserts a key that is not present (ltable.c newkey); h is the hash of a string key.
func (t *Table) newKeyH(L *State, k Value, h uint32) *Value {
	if t.nodep == nil {
		t.rehash(L, k)
		return t.slot(L, k)
	}
	var mp int
	if k.IsString() {
		mp = int(h & (1<<t.lsizenode - 1))
	} else {
		mp = t.mainPos(k)
	}
	nodes := t.nodes()
	if nodes[mp].val.p != nil {
		f := t.getFreePos()
		if f < 0 {
			t.rehash(L, k)
			return t.slot(L, k)
		}
		other := t.nodeMainPos(mp)
		if other != mp {
			for int(nodes[other].next-1) != mp {
				other = int(nodes[other].next - 1)
			}
			nodes[other].next = int32(f + 1)
			nodes[f] = nodes[mp]
			nodes[mp].next = 0
			nodes[mp].val = Nil
		} else {
			nodes[f].next = nodes[mp].next
			nodes[mp].next = int32(f + 1)
			mp = f
		}
	}
	nd := &nodes[mp]
	nd.key = k
	nd.h = h
	return &nd.val
}

func ceilLog2(x uint) int {
	l := 0
	x--
	for x >= 256 {
		l += 8
		x >>= 8
	}
	return l + int(log2tab[x])
}

var log2tab = func() (t [256]uint8) {
	// log2tab[x] = ceil(log2(x+1)), as luaO_log2(x)+1 for x>0.
	for i := 1; i < 256; i++ {
		n := 0
		for v := i; v > 0; v >>= 1 {
			n++
		}
		t[i] = uint8(n)
	}
	return
}()

func (t *Table) setNodeVector(size int) {
	if size == 0 {
		t.nodep = nil
		t.lsizenode = 0
		t.lastfree = 0
		return
	}
	lsize := ceilLog2(uint(size))
	if lsize > maxBits {
		panic(errTableOverflow)
	}
	size = 1 << lsize
	t.nodep = &make([]node, size)[0]
	t.lsizenode = uint8(lsize)
	t.lastfree = int32(size)
}

var errTableOverflow = &tableOverflow{}

type tableOverflow struct{}

func (*tableOverflow) Error() string { return "table overflow" }

func (t *Table) numUseArray(nums *[maxBits + 1]int) int {
	ause := 0
	i := 1
	for lg, ttlg := 0, 1; lg <= maxBits; lg, ttlg = lg+1, ttlg*2 {
		lc := 0
		lim := ttlg
		if lim > len(t.array) {
			lim = len(t.array)
			if i > lim {
				break
			}
		}
		for ; i <= lim; i++ {
			if t.array[i-1].p != nil {
				lc++
			}
		}
		nums[lg] += lc
		ause += lc
	}
	return ause
}

func countInt(k Value, nums *[maxBits + 1]int) int {
	if k.IsNumber() {
		if i, ok := arrayIndex(k.Float()); ok && i > 0 && i <= maxASize {
			nums[ceilLog2(uint(i))]++
			return 1
		}
	}
	return 0
}

func (t *Table) numUseHash(nums *[maxBits + 1]int, nasize *int) int {
	total, ause := 0, 0
	nodes := t.nodes()
	for i := len(nodes) - 1; i >= 0; i-- {
		n := &nodes[i]
		if n.val.p != nil {
			ause += countInt(n.key, nums)
			total++
		}
	}
	*nasize += ause
	return total
}

func computeSizes(nums *[maxBits + 1]int, narray *int) int {
	a, na, n := 0, 0, 0
	for i, twotoi := 0, 1; twotoi/2 < *narray; i, twotoi = i+1, twotoi*2 {
		if nums[i] > 0 {
			a += nums[i]
			if a > twotoi/2 {
				n = twotoi
				na = a
			}
		}
		if a == *narray {
			break
		}
	}
	*narray = n
	return na
}

func (t *Table) rehash(L *State, ek Value) {
	var nums [maxBits + 1]int
	nasize := t.numUseArray(&nums)
	totaluse := nasize
	totaluse += t.numUseHash(&nums, &nasize)
	nasize += countInt(ek, &nums)
	totaluse++
	na := computeSizes(&nums, &nasize)
	t.resize(L, nasize, totaluse-na)
}

func (t *Table) resize(L *State, nasize, nhsize int) {
	oldasize := len(t.array)
	nold := t.nodes()
	if nasize > oldasize {
		t.setArrayVector(nasize)
	}
	t.setNodeVector(nhsize)
	if nasize < oldasize {
		old := t.array
		t.array = old[:nasize]
		for i := nasize; i < oldasize; i++ {
			if old[i].p != nil {
				*t.slotInt(L, i+1) = old[i]
			}
		}
		na := make([]Value, nasize)
		copy(na, old[:nasize])
		t.array = na
	}
	for i := len(nold) - 1; i >= 0; i-- {
		old := &nold[i]
		if old.val.p != nil {
			if old.key.IsString() {
				// Keys are unique and the new hash part has room for all of them: no lookup
				// first (placement is the same as luaH_set's get-then-newkey).
				*t.newKeyH(L, old.key, old.h) = old.val
			} else if old.key.IsNumber() {
				if i, ok := arrayIndex(old.key.Float()); ok && uint(i-1) < uint(len(t.array)) {
					t.array[i-1] = old.val
				} else {
					*t.newKeyH(L, old.key, 0) = old.val
				}
			} else {
				*t.newKeyH(L, old.key, 0) = old.val
			}
		}
	}
}

func (t *Table) setArrayVector(size int) {
	if cap(t.array) >= size {
		old := len(t.array)
		t.array = t.array[:size]
		clear(t.array[old:])
		return
	}
	na := make([]Value, size)
	copy(na, t.array)
	t.array = na
}

// resizeArray is luaH_resizearray.
func (t *Table) resizeArray(L *State, nasize int) {
	nsize := 0
	if t.nodep != nil {
		nsize = t.sizenode()
	}
	t.resize(L, nasize, nsize)
}

// Len returns the border #t as Lua 5.1's luaH_getn computes it.
func (t *Table) Len() int {
	j := uint(len(t.array))
	if j > 0 && t.array[j-1].p == nil {
		// Lua 5.1's binary search (the border it finds is the one PUC returns). The probes
		// stay inside the array (0 <= i < m < j <= len), so they skip the bounds check.
		a := unsafe.Pointer(unsafe.SliceData(t.array))
		i := uint(0)
		for j-i > 1 {
			m := (i + j) / 2
			if (*Value)(unsafe.Add(a, (m-1)*uint(unsafe.Sizeof(Value{})))).p == nil {
				j = m
			} else {
				i = m
			}
		}
		return int(i)
	}
	if t.nodep == nil {
		return int(j)
	}
	return t.unboundSearch(j)
}

func (t *Table) unboundSearch(j uint) int {
	i := j
	j++
	for t.GetInt(int(j)).p != nil {
		i = j
		j *= 2
		if j > math.MaxInt32 {
			i = 1
			for t.GetInt(int(i)).p != nil {
				i++
			}
			return int(i - 1)
		}
	}
	for j-i > 1 {
		m := (i + j) / 2
		if t.GetInt(int(m)).p == nil {
			j = m
		} else {
			i = m
		}
	}
	return int(i)
}

// findIndex is ltable.c's findindex: the iteration index of key k.
func (t *Table) findIndex(L *State, k Value) int {
	if k.p == nil {
		return -1
	}
	if k.IsNumber() {
		if i, ok := arrayIndex(k.Float()); ok && i > 0 && i <= len(t.array) {
			return i - 1
		}
	}
	if t.nodep != nil {
		n := t.mainPos(k)
		for {
			nd := t.nodeAt(uint32(n))
			if RawEqual(nd.key, k) {
				return n + len(t.array)
			}
			if nd.next == 0 {
				break
			}
			n = int(nd.next - 1)
		}
	}
	L.RunError("invalid key to 'next'")
	return 0
}

// Next returns the key and value following key k in iteration order (luaH_next); ok is false at
// the end. An unknown key raises "invalid key to 'next'".
func (t *Table) Next(L *State, k Value) (key, val Value, ok bool) {
	i := t.findIndex(L, k)
	for i++; i < len(t.array); i++ {
		if t.array[i].p != nil {
			return Int(i + 1), t.array[i], true
		}
	}
	nodes := t.nodes()
	for i -= len(t.array); i < len(nodes); i++ {
		if nodes[i].val.p != nil {
			return nodes[i].key, nodes[i].val, true
		}
	}
	return Nil, Nil, false
}

// ForEach calls f for each key/value pair in next order until f returns false. The table must
// not gain keys during the walk.
func (t *Table) ForEach(f func(k, v Value) bool) {
	for i := range t.array {
		if t.array[i].p != nil {
			if !f(Int(i+1), t.array[i]) {
				return
			}
		}
	}
	nodes := t.nodes()
	for i := range nodes {
		if nodes[i].val.p != nil {
			if !f(nodes[i].key, nodes[i].val) {
				return
			}
		}
	}
}

// HashSize returns the number of nodes in the hash part (0 for the empty part).
func (t *Table) HashSize() int { return t.sizenode() }
