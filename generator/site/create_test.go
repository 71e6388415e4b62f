package site

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// writeAt writes text into file p of w through CreateFile, back to front
// and from two goroutines, as search.BuildTo writes the index.
func writeAt(t *testing.T, w *Writer, p, text string) {
	t.Helper()
	f, err := w.CreateFile(p)
	if err != nil {
		t.Fatal(err)
	}
	half := len(text) / 2
	done := make(chan error)
	go func() {
		_, err := f.WriteAt([]byte(text[half:]), int64(half))
		done <- err
	}()
	_, err = f.WriteAt([]byte(text[:half]), 0)
	if werr := <-done; err == nil {
		err = werr
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestCreateFile: a file written at offsets is a file of the site like
// Add's: counted, sized, and in place only once the site is committed.
func TestCreateFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	w, err := Create(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	if err := w.Add(File{Path: "index.html", Data: []byte("home")}); err != nil {
		t.Fatal(err)
	}
	writeAt(t, w, "_accord/search-index.js", "window.X={};\n")
	if got, want := w.Files(), 2; got != want {
		t.Errorf("Files = %d, want %d", got, want)
	}
	if got, want := w.Bytes(), int64(len("home")+len("window.X={};\n")); got != want {
		t.Errorf("Bytes = %d, want %d", got, want)
	}
	if got, want := w.Size("_accord/search-index.js"), int64(len("window.X={};\n")); got != want {
		t.Errorf("Size = %d, want %d", got, want)
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("the site is in place before Commit")
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(out, "_accord/search-index.js")); err != nil || string(b) != "window.X={};\n" {
		t.Errorf("search-index.js = %q, %v", b, err)
	}
	if _, err := w.CreateFile("late.js"); err == nil {
		t.Error("CreateFile after Commit succeeded")
	}
}

// TestCreateFile_abort: a build that fails after streaming a file leaves
// the previous site as it was, and nothing beside it.
func TestCreateFile_abort(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(context.Background(), out, []File{{Path: "_accord/search-index.js", Data: []byte("old")}}); err != nil {
		t.Fatal(err)
	}
	w, err := Create(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	f, err := w.CreateFile("_accord/search-index.js")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt([]byte("new, half written"), 0); err != nil {
		t.Fatal(err)
	}
	w.Abort() // the build failed while the file was open
	f.Close()
	if b, err := os.ReadFile(filepath.Join(out, "_accord/search-index.js")); err != nil || string(b) != "old" {
		t.Errorf("after Abort, search-index.js = %q, %v; want the old site's", b, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("after Abort, beside the output: %v", entries)
	}
}
