package site

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// release writes a site of 30 files in sub-folders at dir, as a deploy
// script keeps releases/r1, releases/r2 beside a `current` link.
func release(t *testing.T, dir string) map[string]string {
	t.Helper()
	var files []File
	for i := range 30 {
		files = append(files, File{Path: fmt.Sprintf("s%d/d%d/page%d.html", i%3, i%5, i), Data: []byte(fmt.Sprint("page ", i))})
	}
	if err := Write(context.Background(), dir, files); err != nil {
		t.Fatal(err)
	}
	return tree(t, dir)
}

// tree maps every file under dir to its text.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		got[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func sameFiles(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d files, want %d", what, len(got), len(want))
	}
	for p, text := range want {
		if got[p] != text {
			t.Fatalf("%s: %s = %q, want %q", what, p, got[p], text)
		}
	}
}

// TestCreate_symlinkedOutput: `-o current`, where current is a link to
// releases/r1, is refused with a message naming the folder it leads to,
// and the release keeps every file.
func TestCreate_symlinkedOutput(t *testing.T) {
	root := t.TempDir()
	r1 := filepath.Join(root, "releases", "r1")
	before := release(t, r1)
	current := filepath.Join(root, "current")
	if err := os.Symlink(filepath.Join("releases", "r1"), current); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	w, err := Create(context.Background(), current)
	if err == nil {
		w.Abort()
		t.Fatal("Create through a symbolic link succeeded")
	}
	want := current + " is a symbolic link to " + r1 + ": accord replaces its output folder whole and never through a link; build into the folder itself (-o " + r1 + ") or choose another output with -o"
	if err.Error() != want {
		t.Errorf("err = %v\nwant  %s", err, want)
	}
	sameFiles(t, "releases/r1", tree(t, r1), before)
	if dest, err := os.Readlink(current); err != nil || dest != filepath.Join("releases", "r1") {
		t.Errorf("current = %q, %v; want the link as it was", dest, err)
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 2 {
		t.Errorf("beside the output: %v", entries)
	}
}

// TestCreate_danglingLink: a link that leads nowhere is refused too, not
// replaced.
func TestCreate_danglingLink(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	if err := os.Symlink("gone", out); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	_, err := Create(context.Background(), out)
	if err == nil || !strings.HasPrefix(err.Error(), out+" is a symbolic link to gone, which cannot be followed") {
		t.Fatalf("err = %v", err)
	}
}

// TestCommit_outputBecameLink: a link put in the output's place after
// Create checked it is swapped out like a folder, and then only the link
// is deleted, never the files it leads to.
func TestCommit_outputBecameLink(t *testing.T) {
	root := t.TempDir()
	r1 := filepath.Join(root, "releases", "r1")
	before := release(t, r1)
	out := filepath.Join(root, "public")
	w, err := Create(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	if err := w.Add(File{Path: "index.html", Data: []byte("new")}); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(r1, out); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, "releases/r1", tree(t, r1), before)
	if b, err := os.ReadFile(filepath.Join(out, "index.html")); err != nil || string(b) != "new" {
		t.Errorf("index.html = %q, %v", b, err)
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 2 {
		t.Errorf("beside the output: %v", entries)
	}
}
