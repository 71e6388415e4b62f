package graphviz

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// cacheVersion is part of every cache key: a new Graphviz, a change in how
// we call it or a change in what sanitize writes must not reuse old files.
// The disk holds sanitised SVG (sanitising every load was most of a warm
// build's graph work), so sanitize's output is part of the version too.
const cacheVersion = "accord-graph 2; sanitize 1; go-graphviz 0.2.10; graphviz 12.1.2\x00"

// cacheHeader starts every cache file, followed by the hex SHA-256 of the
// key and the body, then cacheHeaderEnd and the body: the sanitised SVG.
// An XML comment, so the file still opens as an SVG.
const (
	cacheHeader    = "<!-- accord-graph sha256="
	cacheHeaderEnd = " -->\n"
	cacheHeaderLen = len(cacheHeader) + 2*sha256.Size + len(cacheHeaderEnd)
)

// Limits of a Renderer.
const (
	// WorkerHeapLimit retires a worker whose live heap has grown past it.
	// Each render leaks 2–4 times its SVG's size into the WASM memory
	// (measured live-heap growth per render: 20 KB for a 10-node graph,
	// 300 KB for 60 nodes, 600 KB for 200) and the worker's resident size
	// runs at about twice its live heap, from 25 MB at start. So a worker
	// stays under ~80 MB and lives for ~50 renders of a 200-role graph,
	// ~100 of 60 roles, over a thousand small ones; a new one costs ~40 ms.
	WorkerHeapLimit = 32 << 20
	// LayoutTimeout bounds one layout; the worker is killed past it.
	LayoutTimeout = 30 * time.Second
	// helloTimeout bounds a worker's start, which includes compiling the
	// WASM module when wazero's cache is cold (~1 s).
	helloTimeout = 20 * time.Second
	// MaxUserDOT bounds a ```dot block.
	MaxUserDOT = 256 << 10
	// memCacheLimit bounds the SVG kept in memory; past it the memory cache
	// starts again empty.
	memCacheLimit = 64 << 20
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
// stays under ~80 MB (see WorkerHeapLimit).
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

// DefaultCacheDir is the user's cache folder for graphs,
// e.g. ~/.cache/accord/graphs, or "" when the system has none.
func DefaultCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "accord", "graphs")
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
// only relative links, no file access while laying out). A syntax error is
// a *DOTError with the line in src; empty input is ErrEmpty.
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
	return slices.Clone(svg), err
}

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
// keeping every SVG it read held them all to the end (47 MB for the large
// synthetic handbook) for nothing; `accord serve` asks again for the graphs
// of the page being read after each save, and reading a cache file back
// and checking its sum takes 0.04 ms for a 24 KB graph, 0.6 ms for a
// 550 KB department graph (measured, warm page cache).
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

// key names a DOT text's layout in the caches.
func (r *Renderer) key(dot string) string {
	sum := sha256.Sum256([]byte(cacheVersion + dot))
	return hex.EncodeToString(sum[:])
}

func (r *Renderer) path(key string) string { return filepath.Join(r.dir, key+".svg") }

// cacheSum is what a cache file's header holds. The key is in it so that
// a file under another key's name (copied, renamed) fails too.
func cacheSum(key string, svg []byte) string {
	h := sha256.New()
	h.Write([]byte(key))
	h.Write(svg)
	return hex.EncodeToString(h.Sum(nil))
}

// load reads a sanitised SVG from the disk cache. A file whose checksum
// does not match (truncated, damaged, written by something else) is not
// used: the caller lays the graph out again and overwrites it. The
// checksum catches accidents, not an attacker: whoever can write the
// user's cache folder can as well change the files that run accord.
func (r *Renderer) load(key string) ([]byte, bool) {
	if r.dir == "" {
		return nil, false
	}
	path := r.path(key)
	b, mod, err := readFile(path)
	if err != nil || len(b) < cacheHeaderLen || !bytes.HasPrefix(b, []byte(cacheHeader)) ||
		!bytes.HasPrefix(b[cacheHeaderLen-len(cacheHeaderEnd):], []byte(cacheHeaderEnd)) {
		return nil, false
	}
	svg := b[cacheHeaderLen:]
	if string(b[len(cacheHeader):cacheHeaderLen-len(cacheHeaderEnd)]) != cacheSum(key, svg) {
		return nil, false
	}
	touch(path, mod, time.Now())
	return svg, true
}

// readFile is os.ReadFile that also returns the file's modification time,
// from the same open file.
func readFile(path string) ([]byte, time.Time, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, time.Time{}, err
	}
	b := make([]byte, st.Size())
	if _, err := io.ReadFull(f, b); err != nil {
		return nil, time.Time{}, err
	}
	return b, st.ModTime(), nil
}

func (r *Renderer) remember(key string, svg []byte) {
	if r.memSize+len(svg) > memCacheLimit {
		clear(r.mem)
		r.memSize = 0
	}
	r.mem[key] = svg
	r.memSize += len(svg)
}

// store writes a sanitised SVG and its checksum to the disk cache through a
// temporary file and a rename, so a concurrent build never reads half a file,
// and reports whether it did. The cache is an optimisation: failing to write
// it is not an error.
func (r *Renderer) store(key string, svg []byte) bool {
	if r.dir == "" || os.MkdirAll(r.dir, 0o755) != nil {
		return false
	}
	f, err := os.CreateTemp(r.dir, ".tmp-*.svg")
	if err != nil {
		return false
	}
	_, werr := f.Write([]byte(cacheHeader + cacheSum(key, svg) + cacheHeaderEnd))
	if werr == nil {
		_, werr = f.Write(svg)
	}
	if cerr := f.Close(); werr != nil || cerr != nil || os.Rename(f.Name(), r.path(key)) != nil {
		_ = os.Remove(f.Name())
		return false
	}
	return true
}

// layout runs Graphviz: in a worker from the pool, retiring it when its
// heap has grown past WorkerHeapLimit; in this process when no worker can
// be started.
func (r *Renderer) layout(dot []byte) ([]byte, error) {
	var held time.Duration
	defer func() {
		r.mu.Lock()
		r.stats.Layouts++
		r.stats.LayoutTime += held
		r.mu.Unlock()
	}()
	for attempt := 0; ; attempt++ {
		w := r.acquire()
		start := time.Now()
		if w == nil {
			svg, err := r.layoutHere(dot)
			held += time.Since(start)
			return svg, err
		}
		svg, broken, err := w.layout(dot, r.timeout)
		held += time.Since(start)
		r.release(w, broken || w.heap > r.heapMax)
		// A worker that died under us (killed, out of memory) gets one
		// retry on another; a timeout or a crash the worker reported
		// itself would only happen again.
		var crash *workerCrash
		if !errors.As(err, &crash) || attempt > 0 {
			return svg, err
		}
	}
}

// acquire takes an idle worker, starts one while fewer than maxWorkers
// run, or waits for one to be released. It returns nil when layouts run in
// this process.
func (r *Renderer) acquire() *worker {
	r.mu.Lock()
	defer r.mu.Unlock()
	for {
		switch {
		case r.inProc:
			return nil
		case len(r.idle) > 0:
			w := r.idle[len(r.idle)-1]
			r.idle = r.idle[:len(r.idle)-1]
			return w
		case r.live < r.maxWorkers:
			r.live++
			gen := r.gen
			r.mu.Unlock()
			w, err := startWorker(helloTimeout)
			r.mu.Lock()
			if err != nil {
				r.live--
				if r.live == 0 {
					r.inProc = true // e.g. no permission to run the executable
				} else {
					r.maxWorkers = r.live // e.g. out of memory: make do with those that run
				}
				r.freed.Broadcast()
				continue
			}
			w.gen = gen
			r.stats.Workers++
			return w
		default:
			r.freed.Wait()
		}
	}
}

// release gives a worker back to the pool, or ends it when it is broken,
// has grown too big or was started before the last Close.
func (r *Renderer) release(w *worker, retire bool) {
	r.mu.Lock()
	retire = retire || w.gen != r.gen
	if retire {
		r.live--
	} else {
		r.idle = append(r.idle, w)
	}
	r.mu.Unlock()
	r.freed.Signal()
	if retire {
		w.close()
	}
}

// layoutHere runs Graphviz in this process, one layout at a time. Its
// memory is never given back; this is the fallback, not the way.
func (r *Renderer) layoutHere(dot []byte) ([]byte, error) {
	gvMu.Lock()
	defer gvMu.Unlock()
	if r.eng == nil {
		e, err := newEngine()
		if err != nil {
			return nil, err
		}
		r.eng = e
		r.mu.Lock()
		r.stats.Workers++
		r.mu.Unlock()
	}
	svg, fatal, err := r.eng.layout(dot)
	if fatal {
		r.eng.close()
		r.eng = nil
	}
	return svg, err
}
