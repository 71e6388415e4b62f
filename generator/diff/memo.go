package diff

import (
	"sync"

	"github.com/accord-handbook/accord/generator/model"
)

// Memo remembers the paragraph diffs of the texts it compared. Comparing
// texts is nearly all of Compare's time (tens of milliseconds for the
// shipped handbook's two versions), and in an edit session the same
// version is compared with the current sources after every save, when one
// document at most has a new text: through a Memo only that one is
// diffed again. A Memo is safe for concurrent use.
type Memo struct {
	mu sync.Mutex
	m  map[textPair]*memoEntry
}

type textPair struct{ old, new string }

type memoEntry struct {
	changes []ParagraphChange
	used    bool // since the last Sweep
}

// NewMemo returns an empty Memo.
func NewMemo() *Memo { return &Memo{m: map[textPair]*memoEntry{}} }

// Compare is Compare, taking the diffs of texts compared before from m.
func (m *Memo) Compare(old, new *model.Handbook) *ChangeSet { return compare(old, new, m) }

// Sweep forgets the texts no Compare used since the previous Sweep, so
// that memory follows the handbook and not the number of saves.
func (m *Memo) Sweep() {
	m.mu.Lock()
	defer m.mu.Unlock()
	for k, e := range m.m {
		if !e.used {
			delete(m.m, k)
		}
		e.used = false
	}
}

// Len is how many text pairs m holds.
func (m *Memo) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.m)
}

// text is diffText through m; a nil m diffs every time. The changes are
// shared between the change sets that compared the same texts: nothing
// writes to a ChangeSet's paragraph changes once Compare has returned.
func (m *Memo) text(old, new string) []ParagraphChange {
	if m == nil || old == new {
		return diffText(old, new) // equal texts cost nothing to compare
	}
	k := textPair{old, new}
	m.mu.Lock()
	e, ok := m.m[k]
	if ok {
		e.used = true
	}
	m.mu.Unlock()
	if ok {
		return e.changes
	}
	changes := diffText(old, new)
	m.mu.Lock()
	m.m[k] = &memoEntry{changes: changes, used: true}
	m.mu.Unlock()
	return changes
}
