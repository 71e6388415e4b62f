package gitfs

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"time"
)

// FS is one version of a folder read from git. It implements fs.FS,
// fs.ReadDirFS, fs.ReadFileFS and fs.StatFS; its files never change after
// Open, and it is safe for concurrent use.
type FS struct {
	Commit string    // the full commit id that was read
	Time   time.Time // its committer date, also every file's ModTime

	repo  string
	files map[string]*entry   // slash path -> file
	dirs  map[string][]*entry // slash path ("." for the root) -> children, sorted

	mu        sync.Mutex        // guards what readLarge keeps
	large     []string          // the paths of the files Open left unread, sorted
	ahead     map[string][]byte // blobs read ahead of their Open, by object id
	aheadSize int64             // their bytes
}

// entry is a file or folder of the tree. It is also its own fs.FileInfo
// and fs.DirEntry.
type entry struct {
	name string
	mode fs.FileMode
	size int64
	oid  string
	data []byte // nil for a folder, or for a file too large to read at Open
	dir  bool
	time time.Time
}

// index builds the folders from the file paths: git stores no empty folder,
// so every folder is the parent of some file.
func (f *FS) index() {
	f.dirs = map[string][]*entry{".": nil}
	for p, e := range f.files {
		e.time = f.Time
		for {
			parent := path.Dir(p)
			_, known := f.dirs[parent]
			f.dirs[parent] = append(f.dirs[parent], e)
			if known || parent == "." {
				break
			}
			e = &entry{name: path.Base(parent), mode: fs.ModeDir | 0o755, dir: true, time: f.Time}
			p = parent
		}
	}
	for _, children := range f.dirs {
		slices.SortFunc(children, func(a, b *entry) int { return strings.Compare(a.name, b.name) })
	}
}

func (f *FS) lookup(op, name string) (*entry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	if e, ok := f.files[name]; ok {
		return e, nil
	}
	if _, ok := f.dirs[name]; ok {
		return &entry{name: path.Base(name), mode: fs.ModeDir | 0o755, dir: true, time: f.Time}, nil
	}
	return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
}

// Open opens a file or folder for reading.
func (f *FS) Open(name string) (fs.File, error) {
	e, err := f.lookup("open", name)
	if err != nil {
		return nil, err
	}
	if e.dir {
		return &dirFile{entry: e, children: f.dirs[name]}, nil
	}
	data, err := f.contents(name, e)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return &file{entry: e, Reader: bytes.NewReader(data)}, nil
}

// contents returns a file's bytes, reading a large one from git now. It is
// not cached once opened: a history of versions is not held in memory.
func (f *FS) contents(name string, e *entry) ([]byte, error) {
	if e.data != nil || e.size == 0 {
		return e.data, nil
	}
	return f.readLarge(name, e)
}

// ReadFile returns a copy of a file's contents.
func (f *FS) ReadFile(name string) ([]byte, error) {
	e, err := f.lookup("readfile", name)
	if err != nil {
		return nil, err
	}
	if e.dir {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: errors.New("is a directory")}
	}
	data, err := f.contents(name, e)
	if err != nil {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: err}
	}
	return bytes.Clone(data), nil
}

// ReadDir lists a folder, sorted by name.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	e, err := f.lookup("readdir", name)
	if err != nil {
		return nil, err
	}
	if !e.dir {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a directory")}
	}
	return dirEntries(f.dirs[name]), nil
}

// Stat describes a file or folder.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	e, err := f.lookup("stat", name)
	if err != nil {
		return nil, err
	}
	return e, nil
}

func dirEntries(children []*entry) []fs.DirEntry {
	out := make([]fs.DirEntry, len(children))
	for i, c := range children {
		out[i] = c
	}
	return out
}

// fs.FileInfo and fs.DirEntry.
func (e *entry) Name() string               { return e.name }
func (e *entry) Size() int64                { return e.size }
func (e *entry) Mode() fs.FileMode          { return e.mode }
func (e *entry) ModTime() time.Time         { return e.time }
func (e *entry) IsDir() bool                { return e.dir }
func (e *entry) Sys() any                   { return nil }
func (e *entry) Type() fs.FileMode          { return e.mode.Type() }
func (e *entry) Info() (fs.FileInfo, error) { return e, nil }
func (e *entry) String() string             { return fs.FormatFileInfo(e) }

// file is an open file: a reader over its bytes.
type file struct {
	*entry
	*bytes.Reader
}

func (f *file) Stat() (fs.FileInfo, error) { return f.entry, nil }
func (f *file) Close() error               { return nil }

// dirFile is an open folder; ReadDir follows fs.ReadDirFile's contract.
type dirFile struct {
	*entry
	children []*entry
	offset   int
}

func (d *dirFile) Stat() (fs.FileInfo, error) { return d.entry, nil }
func (d *dirFile) Close() error               { return nil }
func (d *dirFile) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.name, Err: errors.New("is a directory")}
}

func (d *dirFile) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.children[d.offset:]
	if n <= 0 {
		d.offset = len(d.children)
		return dirEntries(rest), nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	rest = rest[:min(n, len(rest))]
	d.offset += len(rest)
	return dirEntries(rest), nil
}
