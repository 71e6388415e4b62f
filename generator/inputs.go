package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/accord-handbook/accord/generator/site"
)

// inputsDigest hashes everything the site built from dir depends on: the
// accord executable (its code, templates and theme are built in), and the
// name, kind and bytes of every file under dir, hidden ones included (a
// theme/ folder copies them). It leaves out .git folders and the output
// folder out when it lies inside dir. A handbook with [versions] also
// depends on git history and other folders; Build does not use the digest
// for those.
func inputsDigest(dir, out string) (string, error) {
	exe, err := executableDigest()
	if err != nil {
		return "", err
	}
	absOut, _ := filepath.Abs(out)
	type entry struct {
		rel, kind, sum string
		path           string
	}
	var entries []entry
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if abs, _ := filepath.Abs(p); abs == absOut || d.Name() == ".git" || strings.Contains(d.Name(), ".accord-tmp-") {
				return fs.SkipDir
			}
		}
		rel, _ := filepath.Rel(dir, p)
		e := entry{rel: filepath.ToSlash(rel), path: p}
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
	if err != nil {
		return "", err
	}
	// The bytes of the files, on every CPU: hashing is most of the cost.
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				sum, err := fileDigest(entries[i].path)
				if err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
					continue
				}
				entries[i].sum = sum
			}
		}()
	}
	for i, e := range entries {
		if e.kind == "f" {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	if first != nil {
		return "", first
	}
	h := sha256.New()
	io.WriteString(h, "accord inputs 1\x00"+exe+"\x00")
	for _, e := range entries {
		io.WriteString(h, e.rel+"\x00"+e.kind+"\x00"+e.sum+"\x00")
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func fileDigest(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// executableDigest hashes the running accord binary, once per process: a
// different accord (a new version, or a rebuilt `go run`) may write
// different pages from the same sources. Hashing 25 MB costs ~20 ms, a
// sixth of building the shipped handbook, so the digest is kept in the
// user's cache folder with the path, size and time of the binary it is of.
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
	d, err := fileDigest(exe)
	if err != nil || memo == "" {
		return d, err
	}
	_ = site.ReplaceFile(memo, []byte(stamp+d)) // a memo: failing to keep it costs the next run 20 ms
	return d, nil
})
