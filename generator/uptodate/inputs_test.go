package uptodate

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestInputsDigest: every change that can reach the site changes the
// digest; what cannot (git's own folder, the output folder inside the
// handbook, a killed build's temp folder, the output's lock) does not.
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
		{"the lock of a build at work", func(d string) { write(t, d, ".public.accord-lock", "") }, false},
		{"the lock of another output", func(d string) { write(t, d, ".site.accord-lock", "") }, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := digest(t, tt.change) != same; got != tt.changes {
				t.Errorf("digest changed: %v, want %v", got, tt.changes)
			}
		})
	}
}

// TestInputsDigest_read: the digest of a build is of the bytes it read,
// whatever is on disk by the time the digest is taken, and equal to the
// digest from disk when nothing changed.
func TestInputsDigest_read(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"handbook.toml": "title = \"T\"\n", "roles/a.toml": "name = \"A\"\n", "pages/p.md": "# P\n"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "public")
	before, err := inputsDigest(dir, out)
	if err != nil {
		t.Fatal(err)
	}
	in := listInputs(dir, out)
	fsys := in.wrap(os.DirFS(dir))
	if b, err := fs.ReadFile(fsys, "roles/a.toml"); err != nil || string(b) != "name = \"A\"\n" {
		t.Fatalf("read through wrap: %q, %v", b, err)
	}
	if got, err := in.digest(); err != nil || got != before {
		t.Fatalf("digest after reading through wrap = %q, %v; want the digest from disk %q", got, err, before)
	}
	// Saved after the build read it: the digest stays that of what was read.
	if err := os.WriteFile(filepath.Join(dir, "roles/a.toml"), []byte("name = \"B\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := in.digest(); got != before {
		t.Errorf("digest took the file saved after the read")
	}
	if now, _ := inputsDigest(dir, out); now == before {
		t.Errorf("the saved file does not change the digest from disk")
	}
	// Read twice with different bytes: no digest, so nothing is recorded.
	if _, err := fs.ReadFile(fsys, "roles/a.toml"); err != nil {
		t.Fatal(err)
	}
	if got, err := in.digest(); err == nil {
		t.Errorf("digest of a file read with two texts = %q, want an error", got)
	}
	// A file the listing did not see (added while the folder was listed,
	// or read and then removed before the listing passed it): no digest.
	in = listInputs(dir, out)
	<-in.listed
	if err := os.WriteFile(filepath.Join(dir, "pages/new.md"), []byte("# New\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := fs.ReadFile(in.wrap(os.DirFS(dir)), "pages/new.md"); err != nil {
		t.Fatal(err)
	}
	if got, err := in.digest(); err == nil {
		t.Errorf("digest with a file read but not listed = %q, want an error", got)
	}
	// A listed file gone by the time of the digest: no digest either.
	in = listInputs(dir, out)
	<-in.listed
	os.Remove(filepath.Join(dir, "pages/new.md"))
	if got, err := in.digest(); err == nil {
		t.Errorf("digest with a listed file removed = %q, want an error", got)
	}
	// What load needs of the FS passes through: links are seen as links.
	if err := os.Symlink("a.toml", filepath.Join(dir, "roles/l.toml")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if st, err := fs.Lstat(fsys, "roles/l.toml"); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("Lstat through wrap = %v, %v; want a symbolic link", st, err)
	}
}

// TestInputsDigest_linkedFolder: a handbook folder that is a symbolic link
// is listed as the folder it leads to (the build reads through it), so
// that an edit changes the digest; before, the link alone was listed and a
// build found an edited handbook up to date.
func TestInputsDigest_linkedFolder(t *testing.T) {
	folder := t.TempDir()
	for name, text := range map[string]string{"handbook.toml": "title = \"T\"\n", "pages/p.md": "# P\n"} {
		p := filepath.Join(folder, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(t.TempDir(), "hb")
	if err := os.Symlink(folder, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	viaLink, err := inputsDigest(link, filepath.Join(link, "public"))
	if err != nil {
		t.Fatal(err)
	}
	direct, err := inputsDigest(folder, filepath.Join(folder, "public"))
	if err != nil {
		t.Fatal(err)
	}
	if viaLink != direct {
		t.Errorf("digest through the link %s, of the folder %s: want the same", viaLink, direct)
	}
	if err := os.WriteFile(filepath.Join(folder, "pages/p.md"), []byte("# P, edited\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if edited, _ := inputsDigest(link, filepath.Join(link, "public")); edited == viaLink {
		t.Error("an edit through a linked handbook folder left the digest as it was")
	}
	// The output folder inside the linked handbook is still left out.
	os.MkdirAll(filepath.Join(link, "public"), 0o755)
	os.WriteFile(filepath.Join(link, "public", "index.html"), []byte("x"), 0o644)
	before, _ := inputsDigest(link, filepath.Join(link, "public"))
	os.WriteFile(filepath.Join(link, "public", "index.html"), []byte("y"), 0o644)
	if after, _ := inputsDigest(link, filepath.Join(link, "public")); after != before {
		t.Error("the output folder inside a linked handbook changed the digest")
	}
}

// inputsDigest is the digest of dir's inputs read from disk.
func inputsDigest(dir, out string) (string, error) {
	return listInputs(dir, out).digest()
}
