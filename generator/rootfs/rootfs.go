// Package rootfs is os.Root's fs.FS, with each folder opened once.
//
// A build reads thousands of files through an os.Root, so that no path or
// symbolic link leads outside the handbook. os.Root checks every element of
// a path on each call: for "pages/049/page-04999.md" it opens "pages" and
// "049", then the file, then closes both folders, and an Lstat does the
// same again. FS keeps the folders it has opened as os.Roots of their own
// (os.Root.OpenRoot confines them like the root itself) and asks the file's
// folder for the last element only: one openat instead of three.
package rootfs

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"sync"
)

// maxDirs bounds the folders kept open, so that a handbook of many folders
// cannot run the process out of file descriptors; past it, calls go
// through the root as os.Root's FS does.
const maxDirs = 256

// FS reads the folder of an os.Root. It is safe for concurrent use; Close
// closes the folders it opened, and the root when Open opened it.
type FS struct {
	root    *os.Root
	ownRoot bool
	mu      sync.Mutex
	dirs    map[string]*os.Root // by slash path; nil when it could not be opened
}

// New returns an FS reading root.
func New(root *os.Root) *FS { return &FS{root: root, dirs: map[string]*os.Root{}} }

// Open returns an FS reading the folder dir, confined to it.
func Open(dir string) (*FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	f := New(root)
	f.ownRoot = true
	return f, nil
}

// Close closes the folders FS opened.
func (f *FS) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	var errs []error
	if f.ownRoot {
		errs = append(errs, f.root.Close())
		f.ownRoot = false
	}
	for _, d := range f.dirs {
		if d != nil {
			errs = append(errs, d.Close())
		}
	}
	f.dirs = map[string]*os.Root{}
	return errors.Join(errs...)
}

// at returns the os.Root to ask for name and the name to ask it: the
// name's folder and its last element, or the root and the whole name.
func (f *FS) at(op, name string) (*os.Root, string, error) {
	if !fs.ValidPath(name) {
		return nil, "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	dir, base := path.Split(name)
	if dir == "" {
		return f.root, name, nil
	}
	dir = dir[:len(dir)-1]
	f.mu.Lock()
	defer f.mu.Unlock()
	d, ok := f.dirs[dir]
	if !ok && len(f.dirs) < maxDirs {
		// A folder that cannot be opened (missing, a file, a link out of
		// the root) is left to the root, which reports the error as usual.
		d, _ = f.root.OpenRoot(dir)
		f.dirs[dir] = d
	}
	if d == nil {
		return f.root, name, nil
	}
	return d, base, nil
}

// fix names the path as the caller gave it in an error from a folder.
func fix(err error, name string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return &fs.PathError{Op: pe.Op, Path: name, Err: pe.Err}
	}
	return err
}

func (f *FS) Open(name string) (fs.File, error) {
	r, n, err := f.at("open", name)
	if err != nil {
		return nil, err
	}
	file, err := r.Open(n)
	if err != nil {
		return nil, fix(err, name)
	}
	return file, nil
}

func (f *FS) Stat(name string) (fs.FileInfo, error) {
	r, n, err := f.at("stat", name)
	if err != nil {
		return nil, err
	}
	info, err := r.Stat(n)
	return info, fix(err, name)
}

func (f *FS) Lstat(name string) (fs.FileInfo, error) {
	r, n, err := f.at("lstat", name)
	if err != nil {
		return nil, err
	}
	info, err := r.Lstat(n)
	return info, fix(err, name)
}

func (f *FS) ReadLink(name string) (string, error) {
	r, n, err := f.at("readlink", name)
	if err != nil {
		return "", err
	}
	target, err := r.Readlink(n)
	return target, fix(err, name)
}

// ReadDir reads the folder through the root, as os.Root's FS does.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	return fs.ReadDir(f.root.FS(), name)
}
