package watch

import (
	"os"
	"time"
)

// rootPoll is how often a watched folder that has gone (deleted, or moved
// away) is looked for. Nothing else would say it is back: its watches went
// with it, and its parent is not watched.
const rootPoll = 100 * time.Millisecond

// missingRoots reports whether a root folder is not watched now, which
// after reconcileTree means it does not exist.
func (w *Watcher) missingRoots() bool {
	for _, r := range w.roots {
		if !w.dirs[r] {
			return true
		}
	}
	return false
}

// rootsBack watches again every missing root that exists again, with every
// folder below it, and lists its files into p. It reports whether one came
// back.
func (w *Watcher) rootsBack(p *pending) bool {
	back := false
	for _, r := range w.roots {
		if w.dirs[r] {
			continue
		}
		if st, err := os.Stat(r); err != nil || !st.IsDir() {
			continue
		}
		if err := w.addTree(r, p); err != nil {
			w.report(err)
			continue
		}
		p.add(r)
		back = true
	}
	return back
}
