package rootfs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// TestFS: FS answers every call as os.Root's own FS does, the folders'
// links included, and passes the standard fs.FS conformance test.
func TestFS(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("handbook.toml", "title = 'T'\n")
	write("pages/a/b.md", "# B\n")
	write("pages/a/c.md", "# C\n")
	write("pages/top.md", "# Top\n")
	os.WriteFile(filepath.Join(outside, "secret"), []byte("secret"), 0o644)

	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	ours := New(root)
	defer ours.Close()
	theirs := root.FS()
	if err := fstest.TestFS(ours, "handbook.toml", "pages/a/b.md", "pages/a/c.md", "pages/top.md"); err != nil {
		t.Error(err)
	}
	links := os.Symlink("b.md", filepath.Join(dir, "pages/a/link.md")) == nil &&
		os.Symlink(outside, filepath.Join(dir, "pages/out")) == nil &&
		os.Symlink(filepath.Join(outside, "secret"), filepath.Join(dir, "pages/a/secret")) == nil

	names := []string{".", "handbook.toml", "pages", "pages/a", "pages/a/b.md", "pages/top.md", "pages/a/missing.md", "missing/x.md",
		"pages/a/b.md/x", "../x", "/etc/passwd", "pages//a", "pages/a/link.md", "pages/out/secret", "pages/a/secret", "pages/out"}
	same := func(what, name string, a, b any, errA, errB error) {
		t.Helper()
		if (errA == nil) != (errB == nil) || errA != nil && errA.Error() != errB.Error() {
			t.Errorf("%s %q: error %v, os.Root's FS: %v", what, name, errA, errB)
			return
		}
		if errA == nil && a != b {
			t.Errorf("%s %q = %v, os.Root's FS: %v", what, name, a, b)
		}
	}
	for _, name := range names {
		// os.Root's FS names a folder it cannot read by its absolute
		// path; only whether reading fails must agree.
		b1, e1 := fs.ReadFile(ours, name)
		b2, e2 := fs.ReadFile(theirs, name)
		if (e1 == nil) != (e2 == nil) || string(b1) != string(b2) {
			t.Errorf("ReadFile %q = %q, %v; os.Root's FS: %q, %v", name, b1, e1, b2, e2)
		}
		s1, e1 := fs.Stat(ours, name)
		s2, e2 := fs.Stat(theirs, name)
		if e1 == nil && e2 == nil {
			same("Stat", name, s1.Mode(), s2.Mode(), nil, nil)
		} else {
			same("Stat", name, nil, nil, e1, e2)
		}
		l1, e1 := fs.Lstat(ours, name)
		l2, e2 := fs.Lstat(theirs, name)
		if e1 == nil && e2 == nil {
			same("Lstat", name, l1.Mode(), l2.Mode(), nil, nil)
		} else {
			same("Lstat", name, nil, nil, e1, e2)
		}
		r1, e1 := fs.ReadLink(ours, name)
		r2, e2 := fs.ReadLink(theirs, name)
		same("ReadLink", name, r1, r2, e1, e2)
		d1, e1 := fs.ReadDir(ours, name)
		d2, e2 := fs.ReadDir(theirs, name)
		same("ReadDir", name, len(d1), len(d2), e1, e2)
	}
	if links {
		if _, err := fs.ReadFile(ours, "pages/out/secret"); err == nil {
			t.Error("read a file through a link out of the root")
		}
		if _, err := fs.ReadFile(ours, "pages/a/secret"); err == nil {
			t.Error("read a file linked from outside the root")
		}
	}
	if _, err := fs.ReadFile(ours, "pages/a/missing.md"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want fs.ErrNotExist", err)
	}
}

// TestFS_manyFolders: past maxDirs folders, calls go through the root, with
// the same answers.
func TestFS_manyFolders(t *testing.T) {
	dir := t.TempDir()
	n := maxDirs + 40
	for i := range n {
		d := filepath.Join(dir, "pages", fmt.Sprintf("d%03d", i))
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "p.md"), []byte(fmt.Sprint(i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	f := New(root)
	defer f.Close()
	for i := range n {
		name := fmt.Sprintf("pages/d%03d/p.md", i)
		b, err := fs.ReadFile(f, name)
		if err != nil || string(b) != fmt.Sprint(i) {
			t.Fatalf("%s: %q, %v", name, b, err)
		}
		if st, err := fs.Lstat(f, name); err != nil || !st.Mode().IsRegular() {
			t.Fatalf("Lstat %s: %v, %v", name, st, err)
		}
	}
	if len(f.dirs) != maxDirs {
		t.Errorf("%d folders kept open, want %d", len(f.dirs), maxDirs)
	}
}
