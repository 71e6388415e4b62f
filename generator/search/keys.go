package search

import "iter"

// keyTable maps uint64 keys, never 0, to term numbers: what a
// map[uint64]int32 does for the index, at a fraction of the cost of a
// look-up (the index looks up a key per token, tens of millions in a large
// build). Open addressing with linear probing:
// a key's home slot comes from its top bits after a Fibonacci multiply,
// which spreads the keys of runes and of packed ASCII words, whose low
// bits vary little; the table is at most half full, so a look-up mostly
// reads one slot.
type keyTable struct {
	slots []keySlot // a power of two; key 0 marks an empty slot
	shift uint      // 64 - log2(len(slots))
	n     int       // keys held
}

type keySlot struct {
	key  uint64
	term int32
}

func newKeyTable() *keyTable {
	const size = 1 << 10
	return &keyTable{slots: make([]keySlot, size), shift: 64 - 10}
}

// slot is the slot holding k, or the empty one where k goes.
func (t *keyTable) slot(k uint64) *keySlot {
	mask := len(t.slots) - 1
	i := int((k * 0x9E3779B97F4A7C15) >> t.shift)
	for {
		s := &t.slots[i]
		if s.key == k || s.key == 0 {
			return s
		}
		i = (i + 1) & mask
	}
}

// termOf is k's term, or newTerm's for a key not yet held.
func (t *keyTable) termOf(k uint64, newTerm func() int32) int32 {
	s := t.slot(k)
	if s.key == k {
		return s.term
	}
	s.key, s.term = k, newTerm()
	if t.n++; 2*t.n > len(t.slots) {
		t.grow()
	}
	return s.term
}

func (t *keyTable) grow() {
	old := t.slots
	t.slots, t.shift = make([]keySlot, 2*len(old)), t.shift-1
	for _, s := range old {
		if s.key != 0 {
			*t.slot(s.key) = s
		}
	}
}

// all yields the keys held and their terms, in no particular order.
func (t *keyTable) all() iter.Seq2[uint64, int32] {
	return func(yield func(uint64, int32) bool) {
		for _, s := range t.slots {
			if s.key != 0 && !yield(s.key, s.term) {
				return
			}
		}
	}
}
