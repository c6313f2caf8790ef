package stream

import (
	"encoding/binary"
	"sort"
)

// Node limits: stream-node-max-bytes and stream-node-max-entries, Redis's defaults.
const (
	NodeMaxBytes   = 4096
	NodeMaxEntries = 100

	// ListpackMaxSize is STREAM_LISTPACK_MAX_SIZE: the most bytes of fields and values one
	// entry may have.
	ListpackMaxSize = 1 << 30
)

// Item flags, as stored in a real stream's listpack entries.
const (
	flagDeleted    = 1 << 0
	flagSameFields = 1 << 1
)

// Entry is one stream entry: its ID and its fields and values (field, value, field, value...).
type Entry struct {
	ID     ID
	Fields []string
}

// item is an entry inside a node; deleted items stay until their node goes, as in a listpack.
type item struct {
	id      ID
	fv      []string
	deleted bool
}

// node is one listpack of a real stream: a master entry (the first entry's field names), items
// in ID order, the live and deleted counts, and the listpack's size in bytes.
type node struct {
	master       ID
	masterFields int // number of fields of the master entry
	items        []item
	live         int
	deleted      int
	size         int // bytes of the listpack, except the live and deleted counters
}

// bytes is lpBytes of the node's listpack.
func (n *node) bytes() int { return n.size + lpInt(int64(n.live)) + lpInt(int64(n.deleted)) }

// lastID is the ID of the node's last item, deleted or not (lpGetEdgeStreamID).
func (n *node) lastID() ID { return n.items[len(n.items)-1].id }

// search returns the index of the first item with an ID >= id.
func (n *node) search(id ID) int {
	return sort.Search(len(n.items), func(i int) bool { return !n.items[i].id.Less(id) })
}

// Stream is a stream value: its entries in nodes, its counters and its consumer groups.
type Stream struct {
	nodes   []*node
	masters []ID // the nodes' master IDs, for a binary search that stays in one array
	// Length is the number of entries (XLEN).
	Length uint64
	// LastID is the last ID generated or set (last-generated-id).
	LastID ID
	// FirstID is the first entry's ID as recorded (recorded-first-entry-id).
	FirstID ID
	// MaxDeletedID is the largest ID deleted by XDEL (max-deleted-entry-id).
	MaxDeletedID ID
	// EntriesAdded counts every entry ever added (entries-added).
	EntriesAdded uint64

	groups     map[string]*Group
	groupNames []string // sorted, the order of Redis's radix tree
}

// New returns an empty stream.
func New() *Stream { return &Stream{} }

// Nodes is the number of nodes (XINFO's radix-tree-keys).
func (s *Stream) Nodes() int { return len(s.nodes) }

// Append adds an entry with the given ID, which the caller has checked to be greater than
// LastID, and fields and values fv (the slice is kept). It starts a new node when the tail node
// is full by Redis's rules: its listpack plus the new strings would reach NodeMaxBytes, or it
// holds NodeMaxEntries items, deleted ones included.
func (s *Stream) Append(id ID, fv []string) {
	total := 0
	for _, f := range fv {
		total += len(f)
	}
	var tail *node
	if len(s.nodes) > 0 {
		tail = s.nodes[len(s.nodes)-1]
		maxBytes := NodeMaxBytes
		if maxBytes == 0 || maxBytes > ListpackMaxSize {
			maxBytes = ListpackMaxSize
		}
		if tail.bytes()+total >= maxBytes || (NodeMaxEntries > 0 && tail.live+tail.deleted >= NodeMaxEntries) {
			tail = nil
		}
	}
	numFields := len(fv) / 2
	same := false
	if tail == nil {
		tail = &node{master: id, masterFields: numFields}
		tail.size = lpHeaderAndEnd + lpInt(int64(numFields)) + lpInt(0)
		for i := 0; i < len(fv); i += 2 {
			tail.size += lpStr(fv[i])
		}
		s.nodes = append(s.nodes, tail)
		s.masters = append(s.masters, id)
		same = true
	} else if numFields == tail.masterFields {
		// The master fields are the node's first item's, even once that item is deleted.
		same = sameFields(tail.items[0].fv, fv)
	}
	flags := int64(0)
	if same {
		flags = flagSameFields
	}
	size := lpInt(flags) + lpInt(int64(id.Ms-tail.master.Ms)) + lpInt(int64(id.Seq-tail.master.Seq))
	count := int64(numFields + 3)
	if !same {
		size += lpInt(int64(numFields))
		count += int64(numFields + 1)
	}
	for i, f := range fv {
		if same && i%2 == 0 {
			continue
		}
		size += lpStr(f)
	}
	size += lpInt(count)
	tail.size += size
	tail.items = append(tail.items, item{id: id, fv: fv})
	tail.live++
	s.Length++
	s.EntriesAdded++
	s.LastID = id
	if s.Length == 1 {
		s.FirstID = id
	}
}

// sameFields reports whether fv has the field names of the master entry, which are the field
// names of the node's first item.
func sameFields(master, fv []string) bool {
	for i := 0; i < len(fv); i += 2 {
		if master[i] != fv[i] {
			return false
		}
	}
	return true
}

// nodeFor returns the index of the node that would hold id: the last node whose master ID is
// <= id (0 when there is none).
func (s *Stream) nodeFor(id ID) int {
	i := sort.Search(len(s.masters), func(i int) bool { return id.Less(s.masters[i]) })
	if i > 0 {
		i--
	}
	return i
}

// find locates a live entry.
func (s *Stream) find(id ID) (*node, int, bool) {
	if len(s.nodes) == 0 {
		return nil, 0, false
	}
	ni := s.nodeFor(id)
	n := s.nodes[ni]
	i := n.search(id)
	if i < len(n.items) && n.items[i].id == id && !n.items[i].deleted {
		return n, ni, true
	}
	return nil, 0, false
}

// Get returns the fields and values of a live entry.
func (s *Stream) Get(id ID) ([]string, bool) {
	n, _, ok := s.find(id)
	if !ok {
		return nil, false
	}
	return n.items[n.search(id)].fv, true
}

// Exists reports whether a live entry has this ID.
func (s *Stream) Exists(id ID) bool {
	_, _, ok := s.find(id)
	return ok
}

// Delete marks an entry deleted (XDEL); the node goes when its last live entry does. It reports
// whether the entry existed. FirstID and MaxDeletedID are the caller's business.
func (s *Stream) Delete(id ID) bool {
	n, ni, ok := s.find(id)
	if !ok {
		return false
	}
	if n.live == 1 {
		s.removeNode(ni)
	} else {
		n.items[n.search(id)].deleted = true
		n.live--
		n.deleted++
	}
	s.Length--
	return true
}

func (s *Stream) removeNode(i int) {
	copy(s.nodes[i:], s.nodes[i+1:])
	s.nodes[len(s.nodes)-1] = nil
	s.nodes = s.nodes[:len(s.nodes)-1]
	s.masters = append(s.masters[:i], s.masters[i+1:]...)
}

// Range calls fn for each live entry with start <= ID <= end, in ID order (or reverse order),
// until fn returns false. The entry's slice must not be modified.
func (s *Stream) Range(start, end ID, rev bool, fn func(id ID, fv []string) bool) {
	if len(s.nodes) == 0 || end.Less(start) {
		return
	}
	if !rev {
		for ni := s.nodeFor(start); ni < len(s.nodes); ni++ {
			n := s.nodes[ni]
			for i := n.search(start); i < len(n.items); i++ {
				it := &n.items[i]
				if end.Less(it.id) {
					return
				}
				if !it.deleted && !fn(it.id, it.fv) {
					return
				}
			}
		}
		return
	}
	for ni := s.nodeFor(end); ni >= 0; ni-- {
		n := s.nodes[ni]
		i := n.search(end)
		if i == len(n.items) || end.Less(n.items[i].id) {
			i--
		}
		for ; i >= 0; i-- {
			it := &n.items[i]
			if it.id.Less(start) {
				return
			}
			if !it.deleted && !fn(it.id, it.fv) {
				return
			}
		}
	}
}

// First returns the first live entry's ID.
func (s *Stream) First() (ID, bool) {
	var first ID
	found := false
	s.Range(ID{}, MaxID, false, func(id ID, _ []string) bool { first, found = id, true; return false })
	return first, found
}

// Last returns the last live entry's ID (streamLastValidID).
func (s *Stream) Last() (ID, bool) {
	var last ID
	found := false
	s.Range(ID{}, MaxID, true, func(id ID, _ []string) bool { last, found = id, true; return false })
	return last, found
}

// TrimStrategy selects how Trim trims.
type TrimStrategy uint8

// Trim strategies.
const (
	TrimNone TrimStrategy = iota
	TrimMaxLen
	TrimMinID
)

// TrimArgs are the trimming arguments of XADD and XTRIM.
type TrimArgs struct {
	Strategy TrimStrategy
	MaxLen   int64
	MinID    ID
	Approx   bool  // "~": only whole nodes are removed
	Limit    int64 // at most this many entries (0: no limit)
}

// Trim removes entries from the head of the stream as streamTrim does and returns how many.
// Whole nodes go first; then, unless Approx, entries of the next node are marked deleted.
func (s *Stream) Trim(a TrimArgs) int64 {
	if a.Strategy == TrimNone {
		return 0
	}
	var deleted int64
	gone := 0 // whole nodes removed from the head, dropped at once at the end
	for gone < len(s.nodes) {
		if a.Strategy == TrimMaxLen && s.Length <= uint64(a.MaxLen) {
			break
		}
		n := s.nodes[gone]
		entries := int64(n.live)
		if a.Limit != 0 && deleted+entries > a.Limit {
			break
		}
		var remove bool
		if a.Strategy == TrimMaxLen {
			remove = s.Length-uint64(entries) >= uint64(a.MaxLen)
		} else {
			remove = n.lastID().Less(a.MinID)
		}
		if remove {
			gone++
			s.Length -= uint64(entries)
			deleted += entries
			continue
		}
		if a.Approx {
			break
		}
		var fromNode int64
		for i := range n.items {
			it := &n.items[i]
			var stop bool
			if a.Strategy == TrimMaxLen {
				stop = s.Length <= uint64(a.MaxLen)
			} else {
				stop = !it.id.Less(a.MinID)
			}
			if stop {
				break
			}
			if !it.deleted {
				it.deleted = true
				fromNode++
				s.Length--
			}
		}
		n.live -= int(fromNode)
		n.deleted += int(fromNode)
		deleted += fromNode
		break
	}
	if gone > 0 {
		clear(s.nodes[:gone])
		s.nodes = append(s.nodes[:0], s.nodes[gone:]...)
		s.masters = append(s.masters[:0], s.masters[gone:]...)
	}
	if deleted != 0 {
		if id, ok := s.First(); ok {
			s.FirstID = id
		} else {
			s.FirstID = ID{}
		}
	}
	return deleted
}

// RangeHasTombstones reports whether entries may have been deleted by XDEL between start and
// end (nil: unbounded), as streamRangeHasTombstones.
func (s *Stream) RangeHasTombstones(start, end *ID) bool {
	if s.Length == 0 || s.MaxDeletedID.IsZero() {
		return false
	}
	if s.MaxDeletedID.Less(s.FirstID) {
		return false
	}
	lo, hi := ID{}, MaxID
	if start != nil {
		lo = *start
	}
	if end != nil {
		hi = *end
	}
	return !s.MaxDeletedID.Less(lo) && !hi.Less(s.MaxDeletedID)
}

// InvalidEntriesRead marks a group's entries-read counter as unknown.
const InvalidEntriesRead = -1

// EstimateDistance returns the logical read counter of id (how many entries were added up to
// it), or InvalidEntriesRead when it cannot be known (streamEstimateDistanceFromFirstEverEntry).
func (s *Stream) EstimateDistance(id ID) int64 {
	if s.EntriesAdded == 0 {
		return 0
	}
	if s.Length == 0 && id.Cmp(s.LastID) < 1 {
		return int64(s.EntriesAdded)
	}
	switch c := id.Cmp(s.LastID); {
	case c == 0:
		return int64(s.EntriesAdded)
	case c > 0:
		return InvalidEntriesRead
	}
	cmpFirst := id.Cmp(s.FirstID)
	if s.MaxDeletedID.IsZero() || s.MaxDeletedID.Less(s.FirstID) {
		switch {
		case cmpFirst < 0:
			return int64(s.EntriesAdded - s.Length)
		case cmpFirst == 0:
			return int64(s.EntriesAdded - s.Length + 1)
		}
	}
	return InvalidEntriesRead
}

// Lag returns a group's lag, the number of entries it has yet to read, and whether it can be
// known (streamReplyWithCGLag).
func (s *Stream) Lag(g *Group) (int64, bool) {
	if s.EntriesAdded == 0 {
		return 0, true
	}
	if g.EntriesRead != InvalidEntriesRead && !s.RangeHasTombstones(&g.LastID, nil) {
		return int64(s.EntriesAdded) - g.EntriesRead, true
	}
	if read := s.EstimateDistance(g.LastID); read != InvalidEntriesRead {
		return int64(s.EntriesAdded) - read, true
	}
	return 0, false
}

// Delivered records that a group delivered entry id, as streamReplyWithRange does for each
// entry newer than the group's last delivered ID.
func (s *Stream) Delivered(g *Group, id ID) {
	if !g.LastID.Less(id) {
		return
	}
	if g.EntriesRead != InvalidEntriesRead && !s.RangeHasTombstones(&id, nil) {
		g.EntriesRead++
	} else if s.EntriesAdded != 0 {
		g.EntriesRead = s.EstimateDistance(id)
	}
	g.LastID = id
}

// Clone returns an independent deep copy, consumer groups included (COPY).
func (s *Stream) Clone() *Stream {
	c := *s
	c.masters = append([]ID(nil), s.masters...)
	c.nodes = make([]*node, len(s.nodes))
	for i, n := range s.nodes {
		nn := *n
		nn.items = append([]item(nil), n.items...)
		c.nodes[i] = &nn
	}
	c.groups = nil
	c.groupNames = nil
	for _, name := range s.groupNames {
		c.addGroup(s.groups[name].clone())
	}
	return &c
}

// RadixTreeNodes is the number of nodes of the radix tree in which Redis keeps a stream's nodes,
// keyed by their master IDs as 16 big-endian bytes (XINFO's radix-tree-nodes). It assumes the
// tree stays fully compressed, as Redis's insertions and deletions keep it: every branching
// point and every key is a node, and each chain of single-child positions between them is one
// compressed node.
func (s *Stream) RadixTreeNodes() int {
	keys := make([][16]byte, len(s.nodes))
	for i, n := range s.nodes {
		binary.BigEndian.PutUint64(keys[i][:8], n.master.Ms)
		binary.BigEndian.PutUint64(keys[i][8:], n.master.Seq)
	}
	return 1 + raxChildren(keys, 0)
}

// raxChildren counts the radix tree nodes below the position of depth shared by keys (sorted,
// distinct, all with the same first depth bytes).
func raxChildren(keys [][16]byte, depth int) int {
	if depth == 16 || len(keys) == 0 {
		return 0
	}
	var groups [][][16]byte
	for lo := 0; lo < len(keys); {
		hi := lo + 1
		for hi < len(keys) && keys[hi][depth] == keys[lo][depth] {
			hi++
		}
		groups = append(groups, keys[lo:hi])
		lo = hi
	}
	total := 0
	for _, g := range groups {
		// The child position is a node unless it continues a chain: it and its parent both have
		// a single child. A key (depth 16) is always a node.
		childSingle := depth+1 < 16 && (len(g) == 1 || allSame(g, depth+1))
		if !(childSingle && len(groups) == 1) {
			total++
		}
		total += raxChildren(g, depth+1)
	}
	return total
}

// allSame reports whether every key has the same byte at depth.
func allSame(keys [][16]byte, depth int) bool {
	for _, k := range keys[1:] {
		if k[depth] != keys[0][depth] {
			return false
		}
	}
	return true
}
