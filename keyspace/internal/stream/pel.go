package stream

import "sort"

// PEL is a pending entries list: NACKs ordered by entry ID, with O(log n) lookup, insertion and
// deletion. It keeps the IDs in sorted chunks of bounded size.
type PEL struct {
	chunks []*pelChunk
	n      int
}

type pelChunk struct {
	ids   []ID
	nacks []*NACK
}

const pelChunkMax = 128

// Len is the number of pending entries.
func (p *PEL) Len() int { return p.n }

// chunkFor returns the index of the first chunk whose last ID is >= id (len(chunks) if none).
func (p *PEL) chunkFor(id ID) int {
	return sort.Search(len(p.chunks), func(i int) bool {
		c := p.chunks[i]
		return !c.ids[len(c.ids)-1].Less(id)
	})
}

// Get returns the NACK of id, or nil.
func (p *PEL) Get(id ID) *NACK {
	ci := p.chunkFor(id)
	if ci == len(p.chunks) {
		return nil
	}
	c := p.chunks[ci]
	i := sort.Search(len(c.ids), func(i int) bool { return !c.ids[i].Less(id) })
	if i < len(c.ids) && c.ids[i] == id {
		return c.nacks[i]
	}
	return nil
}

// Insert adds id; it reports false (and changes nothing) when id is already present.
func (p *PEL) Insert(id ID, n *NACK) bool {
	ci := p.chunkFor(id)
	if ci == len(p.chunks) {
		if ci > 0 && len(p.chunks[ci-1].ids) < pelChunkMax {
			ci--
		} else {
			p.chunks = append(p.chunks, &pelChunk{})
		}
	}
	c := p.chunks[ci]
	i := sort.Search(len(c.ids), func(i int) bool { return !c.ids[i].Less(id) })
	if i < len(c.ids) && c.ids[i] == id {
		return false
	}
	c.ids = append(c.ids, ID{})
	copy(c.ids[i+1:], c.ids[i:])
	c.ids[i] = id
	c.nacks = append(c.nacks, nil)
	copy(c.nacks[i+1:], c.nacks[i:])
	c.nacks[i] = n
	p.n++
	if len(c.ids) > pelChunkMax {
		half := len(c.ids) / 2
		right := &pelChunk{
			ids:   append([]ID(nil), c.ids[half:]...),
			nacks: append([]*NACK(nil), c.nacks[half:]...),
		}
		clear(c.nacks[half:])
		c.ids, c.nacks = c.ids[:half], c.nacks[:half]
		p.chunks = append(p.chunks, nil)
		copy(p.chunks[ci+2:], p.chunks[ci+1:])
		p.chunks[ci+1] = right
	}
	return true
}

// Delete removes id; it reports whether it was present.
func (p *PEL) Delete(id ID) bool {
	ci := p.chunkFor(id)
	if ci == len(p.chunks) {
		return false
	}
	c := p.chunks[ci]
	i := sort.Search(len(c.ids), func(i int) bool { return !c.ids[i].Less(id) })
	if i == len(c.ids) || c.ids[i] != id {
		return false
	}
	c.ids = append(c.ids[:i], c.ids[i+1:]...)
	copy(c.nacks[i:], c.nacks[i+1:])
	c.nacks[len(c.nacks)-1] = nil
	c.nacks = c.nacks[:len(c.nacks)-1]
	p.n--
	if len(c.ids) == 0 {
		copy(p.chunks[ci:], p.chunks[ci+1:])
		p.chunks[len(p.chunks)-1] = nil
		p.chunks = p.chunks[:len(p.chunks)-1]
	}
	return true
}

// Ceil returns the smallest pending ID >= id.
func (p *PEL) Ceil(id ID) (ID, *NACK, bool) {
	ci := p.chunkFor(id)
	if ci == len(p.chunks) {
		return ID{}, nil, false
	}
	c := p.chunks[ci]
	i := sort.Search(len(c.ids), func(i int) bool { return !c.ids[i].Less(id) })
	return c.ids[i], c.nacks[i], true
}

// First returns the smallest pending ID.
func (p *PEL) First() (ID, bool) {
	if p.n == 0 {
		return ID{}, false
	}
	return p.chunks[0].ids[0], true
}

// Last returns the largest pending ID.
func (p *PEL) Last() (ID, bool) {
	if p.n == 0 {
		return ID{}, false
	}
	c := p.chunks[len(p.chunks)-1]
	return c.ids[len(c.ids)-1], true
}

// Ascend calls fn for each pending entry with an ID >= from, in order, until fn returns false.
// fn must not modify the PEL.
func (p *PEL) Ascend(from ID, fn func(id ID, n *NACK) bool) {
	for ci := p.chunkFor(from); ci < len(p.chunks); ci++ {
		c := p.chunks[ci]
		i := sort.Search(len(c.ids), func(i int) bool { return !c.ids[i].Less(from) })
		for ; i < len(c.ids); i++ {
			if !fn(c.ids[i], c.nacks[i]) {
				return
			}
		}
	}
}
