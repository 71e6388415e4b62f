package watch

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

const wait = 5 * time.Second

func start(t *testing.T) (*Watcher, string) {
	t.Helper()
	dir := t.TempDir()
	w, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w, dir
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// expect waits for batches until one holds want, and returns everything seen.
func expect(t *testing.T, w *Watcher, want string) []string {
	t.Helper()
	var seen []string
	deadline := time.After(wait)
	for {
		select {
		case b := <-w.Events():
			seen = append(seen, b.Paths...)
			if slices.Contains(b.Paths, want) {
				return seen
			}
		case <-deadline:
			t.Fatalf("no event for %s within %s; saw %v", want, wait, seen)
		}
	}
}

func TestWatch_write(t *testing.T) {
	w, dir := start(t)
	p := filepath.Join(dir, "handbook.toml")
	write(t, p, "title = 'x'")
	expect(t, w, p)
}

func TestWatch_nestedFoldersCreated(t *testing.T) {
	w, dir := start(t)
	// mkdir -p and a file at once: the file exists before its folder is
	// watched and must still be reported.
	p := filepath.Join(dir, "pages", "a", "b", "c.md")
	write(t, p, "x")
	expect(t, w, p)
	// And the new folders are watched from now on.
	q := filepath.Join(dir, "pages", "a", "b", "d.md")
	write(t, q, "y")
	expect(t, w, q)
}

func TestWatch_folderRenamed(t *testing.T) {
	w, dir := start(t)
	write(t, filepath.Join(dir, "old", "sub", "x.md"), "x")
	expect(t, w, filepath.Join(dir, "old", "sub", "x.md"))
	if err := os.Rename(filepath.Join(dir, "old"), filepath.Join(dir, "new")); err != nil {
		t.Fatal(err)
	}
	expect(t, w, filepath.Join(dir, "new"))
	// Writes in the renamed folder and its sub-folder carry the new name.
	for _, p := range []string{filepath.Join(dir, "new", "y.md"), filepath.Join(dir, "new", "sub", "z.md")} {
		write(t, p, "y")
		seen := expect(t, w, p)
		for _, s := range seen {
			if strings.HasPrefix(s, filepath.Join(dir, "old")) {
				t.Errorf("event under the old name: %s", s)
			}
		}
	}
	// A folder renamed away and back, then deleted.
	if err := os.RemoveAll(filepath.Join(dir, "new")); err != nil {
		t.Fatal(err)
	}
	expect(t, w, filepath.Join(dir, "new"))
	write(t, filepath.Join(dir, "new", "sub", "again.md"), "z")
	expect(t, w, filepath.Join(dir, "new", "sub", "again.md"))
	if got := len(w.fw.WatchList()); got != 3 {
		t.Errorf("watching %d folders, want 3 (root, new, new/sub): %v", got, w.fw.WatchList())
	}
}

func TestWatch_tempFilesIgnored(t *testing.T) {
	w, dir := start(t)
	for _, name := range []string{".policy.md.swp", "policy.md~", "4913", ".#policy.md", "x.tmp", "#policy.md#", ".git/index"} {
		write(t, filepath.Join(dir, name), "junk")
	}
	p := filepath.Join(dir, "policy.md")
	write(t, p, "real")
	seen := expect(t, w, p)
	if !slices.Equal(seen, []string{p}) {
		t.Errorf("saw %v, want only %s", seen, p)
	}
}

func TestWatch_burstIsOneBatch(t *testing.T) {
	w, dir := start(t)
	// Nobody reads while the burst happens, as during a rebuild: the
	// whole burst must come out as one batch.
	for i := range 50 {
		write(t, filepath.Join(dir, "pages", "p"+string(rune('a'+i%26))+string(rune('a'+i/26))+".md"), "x")
	}
	time.Sleep(100 * time.Millisecond)
	select {
	case b := <-w.Events():
		if len(b.Paths) < 50 {
			t.Errorf("first batch has %d paths, want all 51", len(b.Paths))
		}
	case <-time.After(wait):
		t.Fatal("no batch")
	}
	select {
	case b := <-w.Events():
		t.Errorf("second batch after one burst: %v", b.Paths)
	case <-time.After(50 * time.Millisecond):
	}
}

func TestWatch_closeEndsGoroutines(t *testing.T) {
	before := runtime.NumGoroutine()
	for range 20 {
		w, err := New(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		w.Close()
		w.Close()
		if _, ok := <-w.Events(); ok {
			t.Fatal("Events not closed")
		}
	}
	deadline := time.Now().Add(wait)
	for runtime.NumGoroutine() > before+2 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before+2 {
		t.Errorf("%d goroutines after closing 20 watchers, %d before", n, before)
	}
}

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		"policy.md": false, "handbook.toml": false, "4913": true, ".policy.md.swp": true,
		"policy.md.swp": true, "policy.md~": true, ".#policy.md": true, "#policy.md#": true,
		"x.tmp": true, ".git": true, ".DS_Store": true, "index.md___jb_tmp___": true, "roles": false,
	} {
		if got := Ignored(name); got != want {
			t.Errorf("Ignored(%q) = %v, want %v", name, got, want)
		}
	}
}
