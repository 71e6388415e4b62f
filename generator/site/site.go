// Package site writes a rendered site to its output folder so that readers
// never see a half-written site: every file goes to a fresh folder beside
// the output, which then takes the output's place in one rename. A build that
// fails or is killed leaves the previous site exactly as it was. Builds
// into one output take turns (lock.go): from Create to Commit or Abort a
// build holds the output, so none deletes another's fresh folder.
package site

import (
	"context"
	"errors"
	"fmt"
	"github.com/accord-handbook/accord/generator/urls"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// Marker is written into every output folder. accord only ever replaces a
// folder that holds it, so `-o content` by mistake cannot wipe the sources.
const Marker = urls.Marker

const markerText = "written by accord; replaced whole on every build\n"

// Write replaces the folder out with files, atomically.
func Write(ctx context.Context, out string, files []File) error {
	w, err := Create(ctx, out)
	if err != nil {
		return err
	}
	defer w.Abort()
	if err := writeAll(w, files); err != nil {
		return err
	}
	return w.Commit()
}

// A Writer writes the files of a site into a fresh folder beside the output
// as they come, so a build need not hold the whole site in memory, and puts
// that folder in the output's place on Commit. Add is safe for concurrent
// use.
type Writer struct {
	out, tmp string
	lock     *outputLock // released by Commit or Abort

	mu    sync.Mutex
	dirs  map[string]bool // folders made so far
	done  bool
	files int
	bytes int64
	// written is how each file stood when it was closed, for the record
	// of the build (package uptodate), which need not stat every file
	// again after the swap.
	written map[string]fs.FileInfo // by slash path
}

// Create starts a site that will replace out, refusing an out that accord
// did not write. While another build writes out, it waits for that one's
// Commit or Abort, or for ctx to be done.
func Create(ctx context.Context, out string) (*Writer, error) {
	out = filepath.Clean(out)
	if err := checkReplaceable(out); err != nil {
		return nil, err // at once, rather than after waiting for the lock
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	lock, err := lockOutput(ctx, out)
	if err != nil {
		return nil, err
	}
	if err := checkReplaceable(out); err != nil { // as the build before left it
		lock.unlock()
		return nil, err
	}
	prefix := tempPrefix(out)
	// Holding the lock, no other build is writing: every temp folder
	// left is one that a killed build could not remove.
	removeStale(parent, prefix)
	tmp, err := os.MkdirTemp(parent, prefix)
	if err != nil {
		lock.unlock()
		return nil, err
	}
	w := &Writer{out: out, tmp: tmp, lock: lock, dirs: map[string]bool{tmp: true}, written: map[string]fs.FileInfo{}}
	if err := os.Chmod(tmp, 0o755); err != nil {
		w.Abort()
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(tmp, Marker), []byte(markerText), 0o644); err != nil {
		w.Abort()
		return nil, err
	}
	return w, nil
}

// Add writes one file of the site.
func (w *Writer) Add(f File) error {
	name, err := w.start(f.Path, int64(len(f.Data)))
	if err != nil {
		return err
	}
	info, err := createFile(name, f.Data)
	if err != nil {
		return err
	}
	w.wrote(f.Path, info, 0)
	return nil
}

// CreateFile creates a file of the site to be written at offsets, and
// closed (Output.CreateFile): the search index is written to it from
// several goroutines as it is made, never whole in memory. Like Add's, the
// file is in the fresh folder, so a build that fails or is killed before
// Commit leaves the output as it was; Close counts its bytes and records
// it as it stands then, for the record of the output (written).
func (w *Writer) CreateFile(p string) (OutFile, error) {
	name, err := w.start(p, 0)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, err
	}
	return &outFile{w: w, path: p, f: f}, nil
}

// outFile is a file of CreateFile.
type outFile struct {
	w    *Writer
	path string
	f    *os.File
}

// WriteAt writes at off; it may be called from several goroutines at once
// (pwrite).
func (o *outFile) WriteAt(b []byte, off int64) (int, error) { return o.f.WriteAt(b, off) }

// Close stats and closes the file, as createFile does for Add.
func (o *outFile) Close() error {
	info, err := o.f.Stat()
	if cerr := o.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	o.w.wrote(o.path, info, info.Size())
	return nil
}

// start counts a file of p, of size bytes, and makes its folder; it
// returns the file's name in the fresh folder.
func (w *Writer) start(p string, size int64) (string, error) {
	name := filepath.Join(w.tmp, filepath.FromSlash(p))
	dir := filepath.Dir(name)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.done {
		return "", errors.New("site already committed or abandoned")
	}
	var err error
	if !w.dirs[dir] {
		if err = os.MkdirAll(dir, 0o755); err == nil {
			w.dirs[dir] = true
		}
	}
	w.files++
	w.bytes += size
	return name, err
}

// wrote records file p as written, with size more bytes than start
// counted.
func (w *Writer) wrote(p string, info fs.FileInfo, size int64) {
	w.mu.Lock()
	w.written[p] = info
	w.bytes += size
	w.mu.Unlock()
}

// Size is the size of file p as written, 0 if it was not.
func (w *Writer) Size(p string) int64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	if info := w.written[p]; info != nil {
		return info.Size()
	}
	return 0
}

// createFile is os.WriteFile that also returns the file as written.
func createFile(name string, data []byte) (fs.FileInfo, error) {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, err
	}
	_, err = f.Write(data)
	var info fs.FileInfo
	if err == nil {
		info, err = f.Stat()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return info, err
}

// Files and Bytes count what Add and CreateFile wrote.
func (w *Writer) Files() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.files
}

func (w *Writer) Bytes() int64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.bytes
}

// Commit puts the written site in the output's place and lets the next
// build of the output in.
func (w *Writer) Commit() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.done {
		return errors.New("site already committed or abandoned")
	}
	w.done = true
	defer w.lock.unlock()
	if err := swap(w.tmp, w.out); err != nil {
		os.RemoveAll(w.tmp)
		return err
	}
	return nil
}

// Written returns each file of the site as it stood when it was written.
func (w *Writer) Written() map[string]fs.FileInfo {
	w.mu.Lock()
	defer w.mu.Unlock()
	return maps.Clone(w.written)
}

// Abort throws away what was written; the output stays as it was. It does
// nothing after Commit, so it can be deferred.
func (w *Writer) Abort() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.done {
		w.done = true
		os.RemoveAll(w.tmp)
		w.lock.unlock()
	}
}

func checkReplaceable(out string) error {
	info, err := os.Lstat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		return linkError(out)
	}
	if !info.IsDir() {
		return fmt.Errorf("%s exists and is not a folder: choose another output with -o", out)
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err == nil {
		return nil
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("%s is not empty and was not written by accord: choose another output with -o, or empty it first", out)
	}
	return nil
}

// linkError refuses an output folder that is a symbolic link: the swap
// would put the new site in the link's place, and deleting the old site
// from there would follow the link into the folder it leads to (a release
// that `current` points at).
func linkError(out string) error {
	target, err := filepath.EvalSymlinks(out)
	if err != nil {
		dest, _ := os.Readlink(out)
		return fmt.Errorf("%s is a symbolic link to %s, which cannot be followed (%v): accord replaces its output folder whole and never through a link; choose a real folder with -o", out, dest, err)
	}
	return fmt.Errorf("%s is a symbolic link to %s: accord replaces its output folder whole and never through a link; build into the folder itself (-o %s) or choose another output with -o", out, target, target)
}

// Tidy deletes what builds of out killed mid-way left behind beside it;
// Create does it too. While another build writes out, the temp folder
// there is its own: Tidy leaves them all for a later build.
func Tidy(out string) {
	out = filepath.Clean(out)
	lock, _ := tryLockOutput(out)
	if lock == nil {
		return
	}
	defer lock.unlock()
	removeStale(filepath.Dir(out), tempPrefix(out))
}

// tempPrefix begins the name of every fresh folder of a build of out.
func tempPrefix(out string) string { return "." + filepath.Base(out) + ".accord-tmp-" }

// removeStale deletes what builds killed mid-way left behind; call it
// holding out's lock, or it deletes the folder of a build at work.
func removeStale(parent, prefix string) {
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), prefix) {
			os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}

// writeAll writes the files with a few workers: file creation, not CPU, is
// what a large site waits on.
func writeAll(w *Writer, files []File) error {
	jobs := make(chan File)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	for range max(2, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				if err := w.Add(f); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	return first
}
