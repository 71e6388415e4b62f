package uptodate

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/accord-handbook/accord/generator/site"
)

// inputs are the files of a handbook as a build found them. A build reads
// its sources through wrap, which hashes each file as it is read: the
// digest then has the bytes the site was built from (a file saved during
// the build cannot be recorded as built with its new text), and a large
// build does not read its sources twice. digest hashes from disk
// only what the build did not read.
//
// The folder is listed beside the check, not before it. So that the
// listing and the reads cannot disagree unseen (a page read, then deleted
// before the listing passed its folder, would leave a site with a page the
// record says nothing of), digest fails unless every file the build read
// is a listed file, and every listed file can still be read.
type inputs struct {
	also    string        // what else the site depends on (see Start)
	listed  chan struct{} // closed when entries and listErr are set
	entries []inputEntry
	listErr error

	mu   sync.Mutex
	read map[string]string // slash path -> hex SHA-256 of what the build read
	torn bool              // a file read twice had different bytes
}

type inputEntry struct {
	rel, kind, sum string
	path           string
}

// listInputs starts walking dir (names, kinds, the targets of symbolic
// links; no file is read) and returns at once; digest waits for the walk.
func listInputs(dir, out string) *inputs {
	in := &inputs{listed: make(chan struct{}), read: map[string]string{}}
	go func() {
		defer close(in.listed)
		in.entries, in.listErr = walkInputs(dir, out)
	}()
	return in
}

func walkInputs(dir, out string) ([]inputEntry, error) {
	absOut, _ := filepath.Abs(out)
	// The lock is there while a build of out runs, whether this one or
	// another: it is never an input.
	absLock, _ := filepath.Abs(site.LockFile(out))
	root := dir
	if info, err := os.Lstat(dir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		// The handbook folder may be a link (the build reads through it).
		// WalkDir does not follow a root that is a link, and would list
		// the link alone: a trailing separator makes it the folder, and
		// keeps the paths under dir, so the output folder is still found.
		root = dir + string(filepath.Separator)
	}
	var entries []inputEntry
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if absPath(p) == absOut || d.Name() == ".git" || strings.Contains(d.Name(), ".accord-tmp-") {
				return fs.SkipDir
			}
		}
		if d.Name() == filepath.Base(absLock) && absPath(p) == absLock {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		e := inputEntry{rel: filepath.ToSlash(rel), path: p}
		switch t := d.Type(); {
		case t.IsDir():
			e.kind = "d"
		case t&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			e.kind, e.sum = "l", target
		case t.IsRegular():
			e.kind = "f"
		default:
			e.kind = "?"
		}
		entries = append(entries, e)
		return nil
	})
	return entries, err
}

func absPath(p string) string {
	abs, _ := filepath.Abs(p)
	return abs
}

// digest combines the listed entries; a file the build did not read
// through wrap is hashed now, on every CPU.
func (in *inputs) digest() (string, error) {
	exe, err := executableDigest()
	if err != nil {
		return "", err
	}
	<-in.listed
	if in.listErr != nil {
		return "", in.listErr
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.torn {
		return "", errors.New("a source changed while it was being read")
	}
	files := 0
	for _, e := range in.entries {
		if _, ok := in.read[e.rel]; ok && e.kind == "f" {
			files++
		}
	}
	if files != len(in.read) {
		return "", errors.New("a source was added or removed while the handbook was read")
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var d digester
			for i := range next {
				sum, err := d.file(in.entries[i].path)
				if err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
					continue
				}
				in.entries[i].sum = sum
			}
		}()
	}
	for i, e := range in.entries {
		if e.kind != "f" {
			continue
		}
		if sum, ok := in.read[e.rel]; ok {
			in.entries[i].sum = sum
			continue
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if first != nil {
		return "", first
	}
	h := sha256.New()
	io.WriteString(h, "accord inputs 1\x00"+exe+"\x00"+in.also+"\x00")
	for _, e := range in.entries {
		io.WriteString(h, e.rel+"\x00"+e.kind+"\x00"+e.sum+"\x00")
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func (in *inputs) readFile(name, sum string) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if old, ok := in.read[name]; ok && old != sum {
		in.torn = true
	}
	in.read[name] = sum
}

// wrap returns fsys hashing every file read through it to its end. It
// passes Stat, ReadDir, ReadLink and Lstat through, so that what load sees
// (symbolic links above all) does not change; it has no ReadFile, so that
// fs.ReadFile reads through Open and is hashed too.
func (in *inputs) wrap(fsys fs.FS) fs.FS { return hashingFS{fsys, in} }

type hashingFS struct {
	fsys fs.FS
	in   *inputs
}

func (h hashingFS) Open(name string) (fs.File, error) {
	f, err := h.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	return &hashingFile{File: f, name: name, in: h.in}, nil
}

func (h hashingFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(h.fsys, name) }
func (h hashingFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(h.fsys, name) }
func (h hashingFS) ReadLink(name string) (string, error)       { return fs.ReadLink(h.fsys, name) }
func (h hashingFS) Lstat(name string) (fs.FileInfo, error)     { return fs.Lstat(h.fsys, name) }

// hashingFile hashes what is read from it; reaching the end records the sum.
type hashingFile struct {
	fs.File
	name string
	in   *inputs
	h    hash.Hash // nil once the sum is recorded
	done bool
}

func (f *hashingFile) Read(p []byte) (int, error) {
	n, err := f.File.Read(p)
	if f.done {
		return n, err
	}
	if f.h == nil {
		f.h = sha256.New()
	}
	f.h.Write(p[:n])
	if err == io.EOF {
		var sum [sha256.Size]byte
		f.in.readFile(f.name, hex.EncodeToString(f.h.Sum(sum[:0])))
		f.h, f.done = nil, true
	}
	return n, err
}

// ReadDir keeps a folder opened through hashingFS a folder.
func (f *hashingFile) ReadDir(n int) ([]fs.DirEntry, error) {
	if d, ok := f.File.(fs.ReadDirFile); ok {
		return d.ReadDir(n)
	}
	return nil, &fs.PathError{Op: "readdir", Path: f.name, Err: errors.ErrUnsupported}
}

// digester hashes files one after the other with one hash and one buffer:
// io.Copy allocates a buffer per file.
type digester struct {
	h   hash.Hash
	buf []byte
}

func (d *digester) file(path string) (string, error) {
	if d.h == nil {
		d.h, d.buf = sha256.New(), make([]byte, 64<<10)
	}
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	d.h.Reset()
	for {
		n, err := f.Read(d.buf)
		d.h.Write(d.buf[:n])
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
	}
	var sum [sha256.Size]byte
	return hex.EncodeToString(d.h.Sum(sum[:0])), nil
}

// executableDigest hashes the running accord binary, once per process: a
// different accord (a new version, or a rebuilt `go run`) may write
// different pages from the same sources. Hashing the binary costs a good
// part of building a small handbook, so the digest is kept in the user's
// cache folder with the path, size and time of the binary it is of.
var executableDigest = sync.OnceValues(func() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	if exe == "" {
		return "", errors.New("no executable path")
	}
	st, err := os.Stat(exe)
	if err != nil {
		return "", err
	}
	stamp := fmt.Sprintf("%s\x00%d\x00%d\x00", exe, st.Size(), st.ModTime().UnixNano())
	var memo string
	if dir, err := os.UserCacheDir(); err == nil {
		memo = filepath.Join(dir, "accord", "executable-digest")
		if b, err := os.ReadFile(memo); err == nil {
			if d, ok := strings.CutPrefix(string(b), stamp); ok && len(d) == sha256.Size*2 {
				return d, nil
			}
		}
	}
	var dg digester
	d, err := dg.file(exe)
	if err != nil || memo == "" {
		return d, err
	}
	_ = site.ReplaceFile(memo, []byte(stamp+d)) // a memo: failing to keep it costs the next run 20 ms
	return d, nil
})
