package watch

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWatch_rootDeletedAndRestored: the watched folder itself is deleted,
// then comes back (recreated, or moved back in): its files are announced,
// and it is watched again, sub-folders included.
func TestWatch_rootDeletedAndRestored(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "hb")
	write(t, filepath.Join(dir, "roles", "a.toml"), "name = 'a'")
	w, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })

	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	expect(t, w, dir)

	// Restored from elsewhere in one rename, as a backup tool does.
	backup := filepath.Join(parent, "backup")
	write(t, filepath.Join(backup, "roles", "b.toml"), "name = 'b'")
	if err := os.Rename(backup, dir); err != nil {
		t.Fatal(err)
	}
	expect(t, w, filepath.Join(dir, "roles", "b.toml"))

	p := filepath.Join(dir, "roles", "c.toml")
	write(t, p, "name = 'c'")
	expect(t, w, p)

	// Deleted and recreated by hand, twice over.
	for range 2 {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		expect(t, w, dir)
		write(t, filepath.Join(dir, "handbook.toml"), "title = 'x'")
		expect(t, w, filepath.Join(dir, "handbook.toml"))
	}
}
