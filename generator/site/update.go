package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Updated counts what Update did.
type Updated struct {
	Written, Removed int
	Whole            bool // out was missing or not ours: written whole by Write
}

// Update brings out, last written with old, up to files: it rewrites only the
// files whose bytes differ and deletes the files that are gone, so that a web
// server watching out (and its readers' caches) see only real changes. It is
// `accord build --watch`'s writer. Each file is replaced atomically (a temp
// file in the same folder, then a rename); the site as a whole is not, which
// is why the first build of a session goes through Write. Like Write, it
// waits while another build writes out.
func Update(ctx context.Context, out string, old, files []File) (Updated, error) {
	out = filepath.Clean(out)
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		// Deleted (or emptied) behind our back: start afresh.
		if err := Write(ctx, out, files); err != nil {
			return Updated{}, err
		}
		return Updated{Written: len(files), Whole: true}, nil
	}
	lock, err := lockOutput(ctx, out)
	if err != nil {
		return Updated{}, err
	}
	defer lock.unlock()
	gone := make(map[string][]byte, len(old))
	for _, f := range old {
		gone[f.Path] = f.Data
	}
	var u Updated
	for _, f := range files {
		prev, had := gone[f.Path]
		delete(gone, f.Path)
		if had && bytes.Equal(prev, f.Data) {
			continue
		}
		if err := writeFile(out, f); err != nil {
			return u, err
		}
		u.Written++
	}
	for p := range gone {
		if !filepath.IsLocal(filepath.FromSlash(p)) {
			continue
		}
		dst := filepath.Join(out, filepath.FromSlash(p))
		if err := os.Remove(dst); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return u, err
		}
		u.Removed++
		// Drop folders the removal emptied; Remove fails on the others.
		for d := filepath.Dir(dst); d != out && len(d) > len(out); d = filepath.Dir(d) {
			if os.Remove(d) != nil {
				break
			}
		}
	}
	return u, nil
}

// writeFile replaces one file of the site atomically.
func writeFile(out string, f File) error {
	rel := filepath.FromSlash(f.Path)
	if !filepath.IsLocal(rel) {
		return fmt.Errorf("refusing to write %q outside %s", f.Path, out)
	}
	return ReplaceFile(filepath.Join(out, rel), f.Data)
}

// ReplaceFile writes data to path atomically, making its folder if need
// be: a reader sees the old bytes or the new ones, never a truncated file.
func ReplaceFile(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".accord-tmp-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
