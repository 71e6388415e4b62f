package site

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"sync"
)

// File is one file of a site.
type File struct {
	Path string // slash-separated, relative to the output folder
	Data []byte
}

// Output receives the files of a site as they are made, from several
// goroutines at once. Writer puts them on disk; Memory keeps them.
type Output interface {
	// Add stores one file. It must not keep f.Data once it returns: the
	// caller reuses its buffers.
	Add(f File) error
	// CreateFile makes a file to be written at offsets, from several
	// goroutines at once, and then closed: a file too large to hold whole
	// (the search index) is written as it is made. A file never closed is
	// an error of the site.
	CreateFile(path string) (OutFile, error)
}

// OutFile is a file of Output.CreateFile. WriteAt is safe for concurrent
// use at disjoint offsets; Close ends the file.
type OutFile interface {
	io.WriterAt
	io.Closer
}

// Under returns out with every path put under the folder prefix ("v/1.0/"):
// the files of an earlier version of a versioned site.
func Under(prefix string, out Output) Output { return under{prefix, out} }

type under struct {
	prefix string
	out    Output
}

func (u under) Add(f File) error { return u.out.Add(File{Path: u.prefix + f.Path, Data: f.Data}) }

func (u under) CreateFile(p string) (OutFile, error) { return u.out.CreateFile(u.prefix + p) }

// Memory is an Output that keeps the site in memory: the dev server serves
// it, and `build --watch` compares it with the previous one.
type Memory struct {
	mu    sync.Mutex
	files []File
}

// Add keeps a copy of f.
func (m *Memory) Add(f File) error {
	m.keep(File{Path: f.Path, Data: bytes.Clone(f.Data)})
	return nil
}

func (m *Memory) keep(f File) {
	m.mu.Lock()
	m.files = append(m.files, f)
	m.mu.Unlock()
}

// CreateFile returns a file that joins the site when it is closed.
func (m *Memory) CreateFile(p string) (OutFile, error) { return &memFile{m: m, path: p}, nil }

// Files returns the files added so far, sorted by path.
func (m *Memory) Files() []File {
	m.mu.Lock()
	defer m.mu.Unlock()
	slices.SortFunc(m.files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return slices.Clone(m.files)
}

type memFile struct {
	m    *Memory
	path string
	mu   sync.Mutex
	data []byte
}

func (f *memFile) WriteAt(b []byte, off int64) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if end := int(off) + len(b); end > len(f.data) {
		f.data = append(f.data, make([]byte, end-len(f.data))...)
	}
	copy(f.data[off:], b)
	return len(b), nil
}

func (f *memFile) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.m.keep(File{Path: f.path, Data: f.data})
	return nil
}
