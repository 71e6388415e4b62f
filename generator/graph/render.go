package graph

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
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
	// starts again empty (the disk cache still has everything).
	memCacheLimit = 64 << 20
)

// Stats counts a Renderer's work, for --verbose.
type Stats struct {
	Graphs     int           // SVGs asked for
	CacheHits  int           // of those, served from memory or disk
	Layouts    int           // Graphviz layouts run
	LayoutTime time.Duration // time spent in them, worker round trip included
	Workers    int           // Graphviz instances started (worker processes)
}

// Renderer lays DOT out as sanitised inline SVG. Its methods are safe for
// concurrent use; they run one at a time.
type Renderer struct {
	dir string // disk cache, "" for none

	mu      sync.Mutex
	mem     map[string][]byte // key -> sanitised SVG
	memSize int
	errs    map[string]error // key -> a layout error that will recur
	w       *worker
	eng     *engine // in-process Graphviz: fallback when no worker starts
	inProc  bool
	timeout time.Duration
	heapMax uint64 // WorkerHeapLimit; lower in tests
	stats   Stats
}

// New returns a Renderer that caches on disk under cacheDir (created when
// needed; "" keeps the cache in memory only). Graphviz starts at the first
// layout, not here.
func New(cacheDir string) *Renderer {
	return &Renderer{
		dir:     cacheDir,
		mem:     map[string][]byte{},
		errs:    map[string]error{},
		timeout: LayoutTimeout,
		heapMax: WorkerHeapLimit,
	}
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
func (r *Renderer) SVG(dot string) ([]byte, error) { return r.render(dot) }

// SVGWithTitle is SVG with an aria-label naming the graph.
func (r *Renderer) SVGWithTitle(dot, title string) ([]byte, error) {
	svg, err := r.render(dot)
	if err != nil {
		return nil, err
	}
	return Inline(svg, title), nil
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
	return r.render(src)
}

// Stats returns the counts so far.
func (r *Renderer) Stats() Stats {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stats
}

// Close stops the worker, if one runs. The Renderer stays usable.
func (r *Renderer) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.w != nil {
		r.w.close()
		r.w = nil
	}
	return nil
}

func (r *Renderer) render(dot string) ([]byte, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stats.Graphs++
	key := r.key(dot)
	if svg, ok := r.mem[key]; ok {
		r.stats.CacheHits++
		return slices.Clone(svg), nil
	}
	if err, ok := r.errs[key]; ok {
		return nil, err
	}
	prefix := "g" + key[:8] + "-"
	if svg, ok := r.load(key); ok {
		r.stats.CacheHits++
		r.remember(key, svg)
		return slices.Clone(svg), nil
	}
	raw, err := r.layout([]byte(dot))
	if err != nil {
		var de *DOTError
		if errors.As(err, &de) || errors.Is(err, ErrEmpty) || errors.Is(err, errTimeout) {
			if len(r.errs) >= 1000 {
				clear(r.errs) // a long serve session must not grow it forever
			}
			r.errs[key] = err // the same text fails the same way: do not retry
		}
		return nil, err
	}
	svg, err := sanitize(raw, prefix)
	if err != nil {
		return nil, err
	}
	r.store(key, svg)
	r.remember(key, svg)
	return slices.Clone(svg), nil
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
	b, err := os.ReadFile(r.path(key))
	if err != nil || len(b) < cacheHeaderLen || !bytes.HasPrefix(b, []byte(cacheHeader)) ||
		!bytes.HasPrefix(b[cacheHeaderLen-len(cacheHeaderEnd):], []byte(cacheHeaderEnd)) {
		return nil, false
	}
	svg := b[cacheHeaderLen:]
	if string(b[len(cacheHeader):cacheHeaderLen-len(cacheHeaderEnd)]) != cacheSum(key, svg) {
		return nil, false
	}
	return svg, true
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
// temporary file and a rename, so a concurrent build never reads half a file.
// The cache is an optimisation: failing to write it is not an error.
func (r *Renderer) store(key string, svg []byte) {
	if r.dir == "" || os.MkdirAll(r.dir, 0o755) != nil {
		return
	}
	f, err := os.CreateTemp(r.dir, ".tmp-*.svg")
	if err != nil {
		return
	}
	_, werr := f.Write([]byte(cacheHeader + cacheSum(key, svg) + cacheHeaderEnd))
	if werr == nil {
		_, werr = f.Write(svg)
	}
	if cerr := f.Close(); werr != nil || cerr != nil || os.Rename(f.Name(), r.path(key)) != nil {
		_ = os.Remove(f.Name())
	}
}

// layout runs Graphviz: in the worker, starting one if needed and retiring
// it when its heap has grown past WorkerHeapLimit; in this process when no
// worker can be started.
func (r *Renderer) layout(dot []byte) ([]byte, error) {
	start := time.Now()
	defer func() {
		r.stats.Layouts++
		r.stats.LayoutTime += time.Since(start)
	}()
	for attempt := 0; ; attempt++ {
		if !r.inProc && r.w == nil {
			w, err := startWorker(helloTimeout)
			if err != nil {
				r.inProc = true // e.g. no permission to run the executable
			} else {
				r.w = w
				r.stats.Workers++
			}
		}
		if r.inProc {
			return r.layoutHere(dot)
		}
		svg, broken, err := r.w.layout(dot, r.timeout)
		if broken || r.w.heap > r.heapMax {
			r.w.close()
			r.w = nil
		}
		// A worker that died under us (killed, out of memory) gets one
		// retry on a fresh one; a timeout or a crash the worker reported
		// itself would only happen again.
		var crash *workerCrash
		if !errors.As(err, &crash) || attempt > 0 {
			return svg, err
		}
	}
}

// layoutHere runs Graphviz in this process. Its memory is never given
// back; this is the fallback, not the way.
func (r *Renderer) layoutHere(dot []byte) ([]byte, error) {
	gvMu.Lock()
	defer gvMu.Unlock()
	if r.eng == nil {
		e, err := newEngine()
		if err != nil {
			return nil, err
		}
		r.eng = e
		r.stats.Workers++
	}
	svg, fatal, err := r.eng.layout(dot)
	if fatal {
		r.eng.close()
		r.eng = nil
	}
	return svg, err
}
