// Package watch turns file-system events under a handbook's folders into
// rebuild requests.
//
// In: one or more folders. Out: a channel of Batches, each the set of paths
// that changed since the previous batch was taken. fsnotify is not recursive,
// so the watcher adds every folder it finds, and every folder created, moved
// in or renamed while it runs; editor temp files, hidden files and folders
// (.git) never produce a batch.
//
// Bursts fold into one batch: a batch is ready once no event has arrived for
// a short quiet period (an editor's atomic save is several events within a
// millisecond or two), and while the consumer is busy rebuilding, whatever
// arrives accumulates into the next batch. A slow consumer therefore sees at
// most one pending batch, however many events there were.
package watch

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Batch is what changed since the previous batch.
type Batch struct {
	// Paths are the changed files and folders, sorted, named as the
	// watched folder was given to New joined with the path below it.
	Paths []string
	// Overflow means the kernel dropped events: Paths is incomplete and
	// the consumer should treat everything as changed.
	Overflow bool
	// First is when the first event of the batch arrived.
	First time.Time
}

// Timing of the coalescing. quiet is short because the edit-to-page target is
// 100 ms; maxDelay bounds how long a never-ending stream of events (a long
// `git checkout`) can postpone a batch.
const (
	quiet    = 10 * time.Millisecond
	maxDelay = 100 * time.Millisecond
)

// Watcher watches folders recursively. Create it with New and stop it with
// Close.
type Watcher struct {
	fw     *fsnotify.Watcher
	roots  []string
	out    chan Batch
	errs   chan error
	quit   chan struct{}
	done   chan struct{}
	closer sync.Once

	// Owned by the loop goroutine once New returns.
	dirs map[string]bool // folders we believe are watched
}

// New starts watching dirs and every folder below them.
func New(dirs ...string) (*Watcher, error) {
	if len(dirs) == 0 {
		return nil, errors.New("watch: no folder to watch")
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{
		fw:   fw,
		out:  make(chan Batch),
		errs: make(chan error, 4),
		quit: make(chan struct{}),
		done: make(chan struct{}),
		dirs: map[string]bool{},
	}
	for _, d := range dirs {
		w.roots = append(w.roots, filepath.Clean(d))
	}
	for _, r := range w.roots {
		st, err := os.Stat(r)
		if err == nil && !st.IsDir() {
			err = errors.New("not a folder")
		}
		if err != nil {
			fw.Close()
			return nil, &os.PathError{Op: "watch", Path: r, Err: err}
		}
		if err := w.addTree(r, nil); err != nil {
			fw.Close()
			return nil, err
		}
	}
	go w.loop()
	return w, nil
}

// Events delivers batches. It is closed after Close.
func (w *Watcher) Events() <-chan Batch { return w.out }

// Errors reports problems that do not stop watching (a folder that could not
// be watched, say). Errors nobody reads are dropped.
func (w *Watcher) Errors() <-chan error { return w.errs }

// Close stops watching and waits for the watcher's goroutine to end. It is
// safe to call more than once.
func (w *Watcher) Close() error {
	var err error
	w.closer.Do(func() {
		close(w.quit)
		<-w.done
		err = w.fw.Close()
	})
	return err
}

// pending is the batch being gathered.
type pending struct {
	paths     map[string]struct{}
	overflow  bool
	first     time.Time
	reconcile bool // a folder was created, removed or renamed
}

func (p *pending) empty() bool { return len(p.paths) == 0 && !p.overflow }

func (p *pending) add(path string) {
	if p.paths == nil {
		p.paths = map[string]struct{}{}
	}
	if p.empty() {
		p.first = time.Now()
	}
	p.paths[path] = struct{}{}
}

func (p *pending) batch() Batch {
	b := Batch{Overflow: p.overflow, First: p.first, Paths: make([]string, 0, len(p.paths))}
	for path := range p.paths {
		b.Paths = append(b.Paths, path)
	}
	sort.Strings(b.Paths)
	return b
}

func (w *Watcher) loop() {
	defer close(w.done)
	defer close(w.out)
	var p pending
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	ready := false // the quiet period has passed: p can be handed out
	var poll *time.Ticker
	var polling <-chan time.Time // ticks while a root folder is missing (roots.go)
	defer func() {
		if poll != nil {
			poll.Stop()
		}
	}()
	for {
		var out chan Batch
		var b Batch
		if ready {
			out = w.out
			b = p.batch()
		}
		select {
		case <-w.quit:
			return
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			if w.handle(ev, &p) {
				ready = false
				timer.Reset(min(quiet, maxDelay-time.Since(p.first)))
			}
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				if p.empty() {
					p.first = time.Now()
				}
				p.overflow, p.reconcile = true, true
				ready = false
				timer.Reset(quiet)
				continue
			}
			w.report(err)
		case <-timer.C:
			if p.reconcile {
				// Done here, after the quiet period, because fsnotify
				// tidies its own state for a renamed folder only after
				// reporting the rename.
				w.reconcileTree(&p)
				p.reconcile = false
				if polling == nil && w.missingRoots() {
					poll = time.NewTicker(rootPoll)
					polling = poll.C
				}
			}
			ready = !p.empty()
		case <-polling:
			if w.rootsBack(&p) {
				ready = false
				timer.Reset(quiet)
			}
			if !w.missingRoots() {
				poll.Stop()
				poll, polling = nil, nil
			}
		case out <- b:
			p = pending{}
			ready = false
		}
	}
}

// handle records one event and reports whether it belongs in a batch.
func (w *Watcher) handle(ev fsnotify.Event, p *pending) bool {
	if ev.Op == fsnotify.Chmod || w.ignored(ev.Name) {
		// Chmod alone is noise: atime updates, indexers, backup tools.
		return false
	}
	name := filepath.Clean(ev.Name)
	switch {
	case ev.Has(fsnotify.Create):
		if st, err := os.Lstat(name); err == nil && st.IsDir() {
			// Files may be created in the new folder before it is
			// watched (mkdir -p a/b && touch a/b/c): addTree lists them.
			if err := w.addTree(name, p); err != nil {
				w.report(err)
			}
			p.reconcile = true
		}
	case ev.Has(fsnotify.Remove), ev.Has(fsnotify.Rename):
		if w.dirs[name] {
			p.reconcile = true
		}
	}
	p.add(name)
	return true
}

func (w *Watcher) report(err error) {
	select {
	case w.errs <- err:
	default:
	}
}
