// Package starter holds the starter handbook that `accord init DIR` writes:
// a small, complete handbook (three roles, an internal and an external team,
// one workflow, one policy, an introduction and a glossary) whose TOML files
// explain every key in comments. It checks clean and builds.
//
// The handbook comes in several languages, as real files under
// files/<language>/ embedded with embed.FS; Write copies one of them into a
// new handbook folder.
package starter

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

//go:embed files
var embedded embed.FS

// DefaultLanguage is the language of the starter when none is asked for.
const DefaultLanguage = "en"

// Languages lists the languages the starter is written in, sorted.
func Languages() []string {
	entries, _ := embedded.ReadDir("files")
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}

// FS returns the starter handbook in lang, rooted at its handbook.toml.
func FS(lang string) (fs.FS, error) {
	for _, l := range Languages() {
		if l == lang {
			return fs.Sub(embedded, "files/"+lang)
		}
	}
	return nil, fmt.Errorf("no starter handbook in %q: choose one of %s", lang, strings.Join(Languages(), ", "))
}

// ErrNotEmpty is returned by Write when the folder already holds files.
var ErrNotEmpty = errors.New("folder is not empty")

// Write copies the starter handbook in lang into dir, creating dir when
// needed. It refuses a dir that exists and is not empty, so that it can
// never overwrite a handbook or anything else. It returns the files written,
// slash-separated and relative to dir.
func Write(dir, lang string) ([]string, error) {
	src, err := FS(lang)
	if err != nil {
		return nil, err
	}
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
	err = fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		if err := writeNew(target, data); err != nil {
			return err
		}
		written = append(written, p)
		return nil
	})
	return written, err
}

// writeNew creates a file that must not exist yet (O_EXCL): never overwrite,
// even a file that appeared since the folder was found empty.
func writeNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
