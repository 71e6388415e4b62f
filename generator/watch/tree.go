package watch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Ignored reports whether a file or folder name is one the handbook never
// holds: hidden names (.git, .DS_Store, vim's .x.swp, emacs' .#x lock) and
// editor temp and backup files. Events on them, or below them, are dropped.
func Ignored(name string) bool {
	switch {
	case name == "" || name == "." || name == "..":
		return false
	case strings.HasPrefix(name, "."), // hidden, vim swap, emacs lock
		strings.HasPrefix(name, "#"),                                                     // emacs auto-save #x#
		strings.HasSuffix(name, "~"),                                                     // backups
		name == "4913",                                                                   // vim's probe that the folder is writable
		strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"): // JetBrains safe write
		return true
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".swp", ".swo", ".swx", ".tmp", ".temp", ".part", ".crdownload":
		return true
	}
	return false
}

// ignored applies Ignored to every element of path below its root, so that
// nothing inside .git counts.
func (w *Watcher) ignored(path string) bool {
	path = filepath.Clean(path)
	for _, r := range w.roots {
		rel, err := filepath.Rel(r, path)
		if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		for _, part := range strings.Split(rel, string(filepath.Separator)) {
			if Ignored(part) {
				return true
			}
		}
		return false
	}
	return false
}

// addTree watches dir and every folder below it. When p is not nil, the files
// found go into it too: they may have been written before their folder was
// watched, and no event will ever say so.
func (w *Watcher) addTree(dir string, p *pending) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			// Gone while walking: its remove event is on the way.
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if path != dir && w.ignored(path) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			if p != nil {
				p.add(path)
			}
			return nil
		}
		if err := w.fw.Add(path); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return filepath.SkipDir
			}
			return err
		}
		w.dirs[path] = true
		return nil
	})
}

// reconcileTree makes the watched folders match the folders on disk. A
// renamed folder leaves fsnotify with watches under the old name (its
// sub-folders keep reporting old/sub/x, and adding new/sub returns the stale
// watch), so after any folder change we drop watches whose folder is gone
// and add the missing ones afresh, listing their files into p.
func (w *Watcher) reconcileTree(p *pending) {
	want := map[string]bool{}
	for _, r := range w.roots {
		filepath.WalkDir(r, func(path string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return nil
			}
			if path != r && w.ignored(path) {
				return filepath.SkipDir
			}
			want[path] = true
			return nil
		})
	}
	have := map[string]bool{}
	for _, path := range w.fw.WatchList() {
		if want[path] {
			have[path] = true
			continue
		}
		// Already gone from fsnotify's state is fine.
		_ = w.fw.Remove(path)
	}
	for path := range want {
		if have[path] {
			continue
		}
		if err := w.fw.Add(path); err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				w.report(err)
			}
			delete(want, path)
			continue
		}
		entries, _ := os.ReadDir(path)
		for _, e := range entries {
			if !e.IsDir() && !Ignored(e.Name()) {
				p.add(filepath.Join(path, e.Name()))
			}
		}
	}
	w.dirs = want
}
