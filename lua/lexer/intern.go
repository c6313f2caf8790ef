package lexer

// intern is a string table for identifiers: each distinct name is allocated once per lexer,
// and equal names share their bytes. The hash is computed by the caller while it scans the
// name, so a lookup costs one probe and one comparison in the common case.
type intern struct {
	slots  []string
	hashes []uint32
	n      int
}

// hashStep folds the next byte of a name into its hash (FNV-1a).
func hashStep(h uint32, c byte) uint32 { return (h ^ uint32(c)) * 16777619 }

const hashInit uint32 = 2166136261

// get returns the interned copy of name, whose hash is h.
func (t *intern) get(name []byte, h uint32) string {
	if t.n*2 >= len(t.slots) {
		t.grow()
	}
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == "" {
			s = string(name)
			t.slots[i], t.hashes[i] = s, h
			t.n++
			return s
		}
		if t.hashes[i] == h && s == string(name) {
			return s
		}
	}
}

func (t *intern) grow() {
	old, oldH := t.slots, t.hashes
	size := max(64, 2*len(old))
	t.slots, t.hashes = make([]string, size), make([]uint32, size)
	mask := uint32(size - 1)
	for j, s := range old {
		if s == "" {
			continue
		}
		i := oldH[j] & mask
		for t.slots[i] != "" {
			i = (i + 1) & mask
		}
		t.slots[i], t.hashes[i] = s, oldH[j]
	}
}

// reset empties the table, keeping it unless it grew large.
func (t *intern) reset() {
	if len(t.slots) > 1<<12 {
		*t = intern{}
		return
	}
	clear(t.slots)
	t.n = 0
}
