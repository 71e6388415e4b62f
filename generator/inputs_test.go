package generator

import (
	"os"
	"path/filepath"
	"testing"
)

// TestInputsDigest: every change that can reach the site changes the
// digest; what cannot (git's own folder, the output folder inside the
// handbook, a killed build's temp folder) does not.
func TestInputsDigest(t *testing.T) {
	write := func(t *testing.T, dir, name, text string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	base := map[string]string{"handbook.toml": "title = \"T\"\n", "roles/a.toml": "name = \"A\"\n", "theme/x.css": "a{}"}
	digest := func(t *testing.T, change func(dir string)) string {
		t.Helper()
		dir := t.TempDir()
		for name, text := range base {
			write(t, dir, name, text)
		}
		change(dir)
		d, err := inputsDigest(dir, filepath.Join(dir, "public"))
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	same := digest(t, func(string) {})
	for _, tt := range []struct {
		name    string
		change  func(dir string)
		changes bool
	}{
		{"nothing", func(string) {}, false},
		{"a file's bytes", func(d string) { write(t, d, "roles/a.toml", "name = \"B\"\n") }, true},
		{"a new file", func(d string) { write(t, d, "pages/p.md", "") }, true},
		{"a renamed file", func(d string) { os.Rename(filepath.Join(d, "roles/a.toml"), filepath.Join(d, "roles/b.toml")) }, true},
		{"a hidden file of the theme", func(d string) { write(t, d, "theme/.x", "") }, true},
		{"a new empty folder", func(d string) { os.Mkdir(filepath.Join(d, "assets"), 0o755) }, true},
		{"a symbolic link", func(d string) { os.Symlink("roles/a.toml", filepath.Join(d, "link.toml")) }, true},
		{"git's folder", func(d string) { write(t, d, ".git/HEAD", "ref: x") }, false},
		{"the output inside the handbook", func(d string) { write(t, d, "public/index.html", "x") }, false},
		{"a killed build's temp folder", func(d string) { write(t, d, ".public.accord-tmp-1/index.html", "x") }, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := digest(t, tt.change) != same; got != tt.changes {
				t.Errorf("digest changed: %v, want %v", got, tt.changes)
			}
		})
	}
}
