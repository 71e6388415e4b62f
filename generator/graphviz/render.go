package graphviz

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Limits of a Renderer.
const (
	// WorkerHeapLimit retires a worker whose live heap has grown past it.
	// Each render leaks a few times its SVG's size into the WASM memory,
	// and a worker's resident size runs at about twice its live heap, so
	// this keeps each worker small while a new one, which is cheap, is
	// started only every few dozen large graphs (the figures are in
	// bench/README.md).
	WorkerHeapLimit = 32 << 20
	// LayoutTimeout bounds one layout; the worker is killed past it.
	LayoutTimeout = 30 * time.Second
	// MaxUserDOT bounds a ```dot block.
	MaxUserDOT = 256 << 10
)

// Stats counts a Renderer's work, for --verbose.
type Stats struct {
	Graphs int // SVGs asked for
	// CacheHits counts those served from memory or disk, or by the layout
	// another request for the same graph was already running.
	CacheHits int
	Layouts   int // Graphviz layouts run
	// LayoutTime is the time layouts held a worker (or the in-process
	// Graphviz), round trip included. Layouts run in parallel, so it is
	// the sum over workers and may exceed the build's wall time.
	LayoutTime time.Duration
	Workers    int // Graphviz instances started (worker processes)
}

// Renderer lays DOT out as sanitised inline SVG. Its methods are safe for
// concurrent use. The mutex guards the caches, the pool and the counts,
// never a layout: a cache hit does not wait for one. Up to maxWorkers
// layouts run at once, each in its own worker process, and concurrent
// requests for one graph share a single layout.
type Renderer struct {
	dir string // disk cache, "" for none

	mu         sync.Mutex
	mem        map[string][]byte // key -> sanitised SVG not on disk; shared, never written to
	memSize    int
	errs       map[string]error   // key -> a layout error that will recur
	inflight   map[string]*flight // key -> the request laying it out
	idle       []*worker          // started workers waiting for a layout
	live       int                // workers idle, busy or starting
	maxWorkers int                // GOMAXPROCS; lowered when a worker fails to start
	gen        int                // bumped by Close: older workers end when released
	freed      *sync.Cond         // a worker became idle or ended
	inProc     bool
	timeout    time.Duration
	heapMax    uint64 // WorkerHeapLimit; lower in tests
	stats      Stats

	eng *engine // in-process Graphviz, the fallback when no worker starts; guarded by gvMu
}

// flight is one request's layout, which concurrent requests for the same
// key wait for instead of laying the graph out again.
type flight struct {
	done chan struct{}
	svg  []byte
	err  error
}

// New returns a Renderer that caches on disk under cacheDir (created when
// needed; "" keeps the cache in memory only). Graphviz starts at the first
// layout, not here. Up to GOMAXPROCS workers run at once: the build renders
// pages on that many goroutines, so more would only wait, and each worker
// costs memory (see WorkerHeapLimit).
func New(cacheDir string) *Renderer {
	r := &Renderer{
		dir:        cacheDir,
		mem:        map[string][]byte{},
		errs:       map[string]error{},
		inflight:   map[string]*flight{},
		maxWorkers: max(runtime.GOMAXPROCS(0), 1),
		timeout:    LayoutTimeout,
		heapMax:    WorkerHeapLimit,
	}
	r.freed = sync.NewCond(&r.mu)
	return r
}

// SVG lays out DOT text written by this package and returns sanitised SVG
// for inline use (see the package doc). The result is the caller's.
func (r *Renderer) SVG(dot string) ([]byte, error) {
	svg, err := r.render(dot)
	return slices.Clone(svg), err
}

// SVGWithTitle is SVG with an aria-label naming the graph.
func (r *Renderer) SVGWithTitle(dot, title string) ([]byte, error) {
	svg, err := r.render(dot)
	if err != nil {
		return nil, err
	}
	out := Inline(svg, title)
	if len(out) == len(svg) { // Inline added nothing and returned the cache's slice
		out = slices.Clone(out)
	}
	return out, nil
}

// View calls f with the sanitised SVG of dot, as SVG returns it, without
// copying it: f must neither change nor keep it. For callers that copy it
// anyway (into a page), it saves a copy of every graph.
func (r *Renderer) View(dot string, f func(svg []byte)) error {
	svg, err := r.render(dot)
	if err != nil {
		return err
	}
	f(svg)
	return nil
}

// UserDOT lays out DOT written by an author in a ```dot block. It goes
// through the same sanitiser as our graphs (no script, no event handlers,
// only relative links, no file access while laying out), and keeps only
// links to a #fragment of the page: an author's relative link is a source
// path that no page has, or leaves the site (the check reports both). A
// syntax error is a *DOTError with the line in src; empty input is
// ErrEmpty.
func (r *Renderer) UserDOT(src string) ([]byte, error) {
	switch {
	case strings.TrimSpace(src) == "":
		return nil, ErrEmpty
	case len(src) > MaxUserDOT:
		return nil, fmt.Errorf("graph of %d KB: at most %d KB", len(src)>>10, MaxUserDOT>>10)
	case !utf8.ValidString(src):
		return nil, errors.New("graph is not valid UTF-8")
	}
	// Control characters would reach the SVG, which XML forbids.
	src = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' && r != '\r' {
			return ' '
		}
		return r
	}, src)
	svg, err := r.render(src)
	if err != nil {
		return nil, err
	}
	return hrefs.ReplaceAllFunc(slices.Clone(svg), func(a []byte) []byte {
		if bytes.Contains(a, []byte(`href="#`)) {
			return a
		}
		return nil
	}), nil
}

// hrefs finds the links of the sanitiser's output, which writes every
// attribute as name="value" with quotes escaped.
var hrefs = regexp.MustCompile(` (xlink:)?href="[^"]*"`)

// Stats returns the counts so far.
func (r *Renderer) Stats() Stats {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stats
}

// Close stops the workers and, once a day, prunes the disk cache (see
// prune.go). The Renderer stays usable. A worker busy with a layout ends
// when that layout is done.
func (r *Renderer) Close() error {
	r.mu.Lock()
	r.gen++
	idle := r.idle
	r.idle = nil
	r.live -= len(idle)
	r.mu.Unlock()
	r.freed.Broadcast()
	for _, w := range idle {
		w.close()
	}
	prune(r.dir, time.Now())
	return nil
}

// render returns the sanitised SVG of dot, shared with the memory cache:
// callers copy it before handing it out.
//
// Memory keeps only what the disk cache does not have (no cache folder, or
// the file could not be written). A build asks for each graph once, so
// keeping every SVG it read would hold them all to the end for nothing;
// `accord serve` asks again for the graphs of the page being read after
// each save, and reading a cache file back and checking its sum costs
// little next to rendering the page (bench/README.md).
func (r *Renderer) render(dot string) ([]byte, error) {
	if !serving.Load() {
		return nil, errNotServing
	}
	key := r.key(dot)
	r.mu.Lock()
	r.stats.Graphs++
	if svg, ok := r.mem[key]; ok {
		r.stats.CacheHits++
		r.mu.Unlock()
		return svg, nil
	}
	if err, ok := r.errs[key]; ok {
		r.mu.Unlock()
		return nil, err
	}
	if f := r.inflight[key]; f != nil {
		r.mu.Unlock()
		<-f.done
		if f.err == nil {
			r.mu.Lock()
			r.stats.CacheHits++
			r.mu.Unlock()
		}
		return f.svg, f.err
	}
	f := &flight{done: make(chan struct{}), err: errors.New("graph layout failed")} // kept if produce panics
	r.inflight[key] = f
	r.mu.Unlock()

	hit, onDisk := false, false
	defer func() {
		r.mu.Lock()
		delete(r.inflight, key)
		switch {
		case f.err == nil:
			if hit {
				r.stats.CacheHits++
			}
			if !onDisk {
				r.remember(key, f.svg)
			}
		case recurs(f.err):
			if len(r.errs) >= 1000 {
				clear(r.errs) // a long serve session must not grow it forever
			}
			r.errs[key] = f.err // the same text fails the same way: do not retry
		}
		r.mu.Unlock()
		close(f.done)
	}()
	f.svg, hit, onDisk, f.err = r.produce(key, dot)
	return f.svg, f.err
}

// recurs reports whether a layout error would happen again for the same
// text, as opposed to a worker that died or a cache folder that failed.
func recurs(err error) bool {
	var de *DOTError
	return errors.As(err, &de) || errors.Is(err, ErrEmpty) || errors.Is(err, errTimeout)
}

// produce reads the disk cache or lays the graph out, sanitises the result
// and stores it; onDisk says the disk cache has it. It runs without the
// mutex.
func (r *Renderer) produce(key, dot string) (svg []byte, hit, onDisk bool, err error) {
	if svg, ok := r.load(key); ok {
		return svg, true, true, nil
	}
	raw, err := r.layout([]byte(dot))
	if err != nil {
		return nil, false, false, err
	}
	svg, err = sanitize(raw, "g"+key[:8]+"-")
	if err != nil {
		return nil, false, false, err
	}
	return svg, false, r.store(key, svg), nil
}
