// Package site writes a rendered site to its output folder so that readers
// never see a half-written site: every file goes to a fresh folder beside
// the output, which then takes the output's place in one rename. A build that
// fails or is killed leaves the previous site exactly as it was.
package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/accord-handbook/accord/generator/render"
)

// Marker is written into every output folder. accord only ever replaces a
// folder that holds it, so `-o content` by mistake cannot wipe the sources.
const Marker = ".accord-site"

// Write replaces the folder out with files, atomically.
func Write(out string, files []render.File) error {
	out = filepath.Clean(out)
	if err := checkReplaceable(out); err != nil {
		return err
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	prefix := "." + filepath.Base(out) + ".accord-tmp-"
	removeStale(parent, prefix)
	tmp, err := os.MkdirTemp(parent, prefix)
	if err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := writeAll(tmp, files); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := swap(tmp, out); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	return nil
}

func checkReplaceable(out string) error {
	info, err := os.Stat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
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

// removeStale deletes what builds killed mid-way left behind.
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
func writeAll(dir string, files []render.File) error {
	if err := os.WriteFile(filepath.Join(dir, Marker), []byte("written by accord; replaced whole on every build\n"), 0o644); err != nil {
		return err
	}
	dirs := map[string]bool{}
	for _, f := range files {
		d := filepath.Dir(filepath.Join(dir, filepath.FromSlash(f.Path)))
		if !dirs[d] {
			dirs[d] = true
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
		}
	}
	jobs := make(chan render.File)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	for range max(2, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(f.Path)), f.Data, 0o644); err != nil {
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
