//go:build unix

package site

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func inode(t *testing.T, p string) uint64 {
	t.Helper()
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return st.Sys().(*syscall.Stat_t).Ino
}

func TestUpdate_onlyChangedFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	v1 := []File{
		{Path: "index.html", Data: []byte("home")},
		{Path: "roles/a.html", Data: []byte("a")},
		{Path: "pages/old/x.html", Data: []byte("x")},
	}
	if err := Write(context.Background(), out, v1); err != nil {
		t.Fatal(err)
	}
	home := inode(t, filepath.Join(out, "index.html"))
	v2 := []File{
		{Path: "index.html", Data: []byte("home")},
		{Path: "roles/a.html", Data: []byte("a, changed")},
		{Path: "roles/b.html", Data: []byte("b")},
	}
	u, err := Update(context.Background(), out, v1, v2)
	if err != nil {
		t.Fatal(err)
	}
	if u.Written != 2 || u.Removed != 1 || u.Whole {
		t.Errorf("got %+v, want 2 written, 1 removed", u)
	}
	if inode(t, filepath.Join(out, "index.html")) != home {
		t.Error("an unchanged file was rewritten")
	}
	if b, _ := os.ReadFile(filepath.Join(out, "roles/a.html")); string(b) != "a, changed" {
		t.Errorf("roles/a.html = %q", b)
	}
	if _, err := os.Stat(filepath.Join(out, "pages")); !os.IsNotExist(err) {
		t.Errorf("the folder emptied by a removal is still there: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Join(out, "roles"))
	if len(entries) != 2 {
		t.Errorf("roles/ holds %d entries, want 2 (no temp files left)", len(entries))
	}

	// Deleted behind our back: written whole again.
	if err := os.RemoveAll(out); err != nil {
		t.Fatal(err)
	}
	if u, err := Update(context.Background(), out, v2, v2); err != nil || !u.Whole || u.Written != 3 {
		t.Errorf("after deleting out: %+v, %v", u, err)
	}
}

func TestUpdate_refusesPathsOutside(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(context.Background(), out, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := Update(context.Background(), out, nil, []File{{Path: "../escape.html", Data: []byte("x")}}); err == nil {
		t.Error("wrote outside out")
	}
}
