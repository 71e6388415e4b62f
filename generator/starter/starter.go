// Package starter holds the starter handbook that `accord init DIR` writes:
// a small, complete handbook (three roles, an internal and an external team,
// one workflow, one policy, an introduction and a glossary) whose TOML files
// explain every key in comments. It checks clean and builds.
//
// The files live under files/ as real files, embedded with embed.FS; Write
// copies them into a new handbook folder.
package starter

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed files
var embedded embed.FS

// FS is the starter handbook, rooted at its handbook.toml.
var FS = mustSub(embedded, "files")

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err)
	}
	return sub
}

// ErrNotEmpty is returned by Write when the folder already holds files.
var ErrNotEmpty = errors.New("folder is not empty")

// Write copies the starter handbook into dir, creating it when needed. It
// refuses a dir that exists and is not empty, so that it can never
// overwrite a handbook or anything else. It returns the files written,
// slash-separated and relative to dir.
func Write(dir string) ([]string, error) {
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return nil, fmt.Errorf("%s exists and is not a folder", dir)
	}
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0:
		return nil, fmt.Errorf("%s: %w", dir, ErrNotEmpty)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	var written []string
	err = fs.WalkDir(FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(FS, p)
		if err != nil {
			return err
		}
		// O_EXCL: never overwrite, even a file that appeared meanwhile.
		f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			return err
		}
		written = append(written, p)
		return f.Close()
	})
	return written, err
}
