package graphviz

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"time"
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

// DefaultCacheDir is the user's cache folder for graphs,
// e.g. ~/.cache/accord/graphs, or "" when the system has none.
func DefaultCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "accord", "graphs")
}

// memCacheLimit bounds the SVG kept in memory; past it the memory cache
// starts again empty.
const memCacheLimit = 64 << 20

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
