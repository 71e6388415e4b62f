package load

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/accord-handbook/accord/internal/testhb"
)

// The tests in this file feed Load file systems that misbehave: files that
// vanish between Stat and Open, that cannot be read, that are far too large
// or grow while read, and symbolic links out of the handbook or in loops.
// Each must end in one clear diagnostic naming the file, quickly, without
// reading what it must not read.

// faultFS wraps an fs.FS and makes chosen paths misbehave. It implements
// StatFS, so fs.Stat and fs.Lstat (it has no ReadLinkFS) ask it first.
type faultFS struct {
	fs.FS
	t      *testing.T
	vanish map[string]bool  // Stat succeeds, Open says it does not exist
	deny   map[string]bool  // Stat and Open say permission denied
	size   map[string]int64 // Stat reports this size; the file must not be opened
}

func (f faultFS) Stat(name string) (fs.FileInfo, error) {
	if f.deny[name] {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrPermission}
	}
	info, err := fs.Stat(f.FS, name)
	if err != nil {
		return nil, err
	}
	if n, ok := f.size[name]; ok {
		return sizedInfo{info, n}, nil
	}
	return info, nil
}

func (f faultFS) Open(name string) (fs.File, error) {
	switch {
	case f.deny[name]:
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	case f.vanish[name]:
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	case f.size[name] > 0:
		f.t.Errorf("%s opened although Stat says it is %d bytes", name, f.size[name])
	}
	return f.FS.Open(name)
}

type sizedInfo struct {
	fs.FileInfo
	size int64
}

func (s sizedInfo) Size() int64 { return s.size }

// diagText is every diagnostic of a Load, one per line.
func diagText(fsys fs.FS) string {
	_, diags := Load(fsys, "hb")
	var lines []string
	for _, d := range diags.Items {
		lines = append(lines, d.String())
	}
	return strings.Join(lines, "\n")
}

func mapFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, text := range files {
		m[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return m
}

const okRole = "name = \"A\"\nteam = \"t\"\n"

func TestLoad_faults(t *testing.T) {
	base := map[string]string{
		"handbook.toml":  okMeta,
		"roles/a.toml":   okRole,
		"pages/index.md": "+++\ntitle = \"x\"\n+++\n",
		"policies/p.md":  "+++\ntitle = \"P\"\n+++\n",
	}
	tests := []struct {
		name  string
		fault func(f *faultFS)
		want  string
	}{
		{"vanishes between stat and read", func(f *faultFS) { f.vanish["roles/a.toml"] = true },
			"hb/roles/a.toml: file disappeared while it was being read (deleted or renamed during the build): run the command again"},
		{"handbook.toml vanishes", func(f *faultFS) { f.vanish["handbook.toml"] = true },
			"hb/handbook.toml: file disappeared while it was being read (deleted or renamed during the build): run the command again"},
		{"unreadable file", func(f *faultFS) { f.deny["policies/p.md"] = true },
			"hb/policies/p.md: cannot read: permission denied"},
		{"unreadable folder", func(f *faultFS) { f.deny["roles"] = true },
			"hb/roles: cannot read folder: permission denied"},
		{"unreadable pages folder", func(f *faultFS) { f.deny["pages"] = true },
			"hb/pages: cannot read: permission denied"},
		{"unreadable handbook.toml", func(f *faultFS) { f.deny["handbook.toml"] = true },
			"hb/handbook.toml: cannot read: permission denied"},
		{"too large by one byte", func(f *faultFS) { f.size["roles/a.toml"] = MaxFileSize + 1 },
			"hb/roles/a.toml: file is 9 MB, larger than the 8 MB a source file may have: split it"},
		{"a terabyte", func(f *faultFS) { f.size["pages/index.md"] = 1 << 40 },
			"hb/pages/index.md: file is 1048576 MB, larger than the 8 MB a source file may have: split it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := faultFS{FS: mapFS(base), t: t, vanish: map[string]bool{}, deny: map[string]bool{}, size: map[string]int64{}}
			tt.fault(&f)
			if got := diagText(f); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// growingFS says a file is small, then serves more than MaxFileSize bytes
// of it: a file still being written, or a special file.
type growingFS struct{ fstest.MapFS }

func (g growingFS) Open(name string) (fs.File, error) {
	if name != "pages/log.md" {
		return g.MapFS.Open(name)
	}
	return &endless{}, nil
}

func (g growingFS) Stat(name string) (fs.FileInfo, error) {
	if name == "pages/log.md" {
		return fs.Stat(g.MapFS, "handbook.toml") // small and regular
	}
	return fs.Stat(g.MapFS, name)
}

type endless struct{ n int64 }

func (e *endless) Stat() (fs.FileInfo, error) { return nil, fs.ErrInvalid }
func (e *endless) Close() error               { return nil }
func (e *endless) Read(p []byte) (int, error) {
	if e.n > 4*MaxFileSize {
		return 0, io.EOF // the reader should have stopped long before
	}
	for i := range p {
		p[i] = 'x'
	}
	e.n += int64(len(p))
	return len(p), nil
}

func TestLoad_fileGrowsWhileRead(t *testing.T) {
	g := growingFS{mapFS(map[string]string{"handbook.toml": okMeta, "pages/log.md": ""})}
	want := "hb/pages/log.md: file grew past the 8 MB a source file may have while it was being read: split it"
	if got := diagText(g); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestLoad_hugeFileOnDisk: a 4 GB (sparse) page is refused from its size,
// without being read: quickly and without the memory.
func TestLoad_hugeFileOnDisk(t *testing.T) {
	dir := t.TempDir()
	testhb.Write(t, dir, map[string]string{"handbook.toml": okMeta, "pages/big.md": ""})
	if err := os.Truncate(filepath.Join(dir, "pages", "big.md"), 4<<30); err != nil {
		t.Skipf("no sparse file: %v", err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	got := diagText(os.DirFS(dir))
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	want := "hb/pages/big.md: file is 4096 MB, larger than the 8 MB a source file may have: split it"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 || took > 2*time.Second {
		t.Errorf("refusing a 4 GB file allocated %d KB and took %s", alloc>>10, took)
	}
}

// TestLoad_unreadableOnDisk uses chmod 000, which only means something to
// a user who is not root.
func TestLoad_unreadableOnDisk(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads files whatever their mode (faultFS covers this case)")
	}
	dir := t.TempDir()
	testhb.Write(t, dir, map[string]string{"handbook.toml": okMeta, "roles/a.toml": okRole, "workflows/w.toml": "name = \"W\"\n"})
	for _, p := range []string{"roles/a.toml", "workflows"} {
		p = filepath.Join(dir, filepath.FromSlash(p))
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(p, 0o755) })
	}
	want := "hb/roles/a.toml: cannot read: permission denied\nhb/workflows: cannot read folder: permission denied"
	if got := diagText(os.DirFS(dir)); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestLoad_symlinks: a symbolic link anywhere among the sources is refused,
// whether it leads out of the handbook, inside it, nowhere or round in a
// loop, and nothing it points to is read.
func TestLoad_symlinks(t *testing.T) {
	const secret = "SECRET-OUTSIDE"
	tests := []struct {
		name  string
		links map[string]string // link -> target; a target "out/…" is outside the handbook
		want  string
	}{
		{"role file out", map[string]string{"roles/b.toml": "out/secret.toml"},
			"hb/roles/b.toml: symbolic links are not followed: copy the file into the handbook"},
		{"handbook.toml out", map[string]string{"handbook.toml": "out/secret.toml"},
			"hb/handbook.toml: symbolic links are not followed: copy the file into the handbook"},
		{"roles folder out", map[string]string{"roles": "out"},
			"hb/roles: symbolic links are not followed: copy the folder into the handbook"},
		{"workflows folder out", map[string]string{"workflows": "out"},
			"hb/workflows: symbolic links are not followed: copy the folder into the handbook"},
		{"policy out", map[string]string{"policies/p.md": "out/secret.md"},
			"hb/policies/p.md: symbolic links are not followed: copy the file into the handbook"},
		{"page out", map[string]string{"pages/p.md": "out/secret.md"},
			"hb/pages/p.md: symbolic links are not followed: copy the file into the handbook"},
		{"pages folder out", map[string]string{"pages": "out"},
			"hb/pages: symbolic links are not followed: copy the folder into the handbook"},
		{"pages sub-folder out", map[string]string{"pages/more": "out"},
			"hb/pages/more: symbolic links are not followed: copy the file into the handbook"},
		{"asset out", map[string]string{"assets/passwd": "/etc/passwd"},
			"hb/assets/passwd: symbolic links are not followed: copy the file into assets/"},
		{"assets folder out", map[string]string{"assets": "out"},
			"hb/assets: symbolic links are not followed: copy the folder into the handbook"},
		{"role description inside", map[string]string{"roles/a.md": "../pages/index.md"},
			"hb/roles/a.md: symbolic links are not followed: copy the file into the handbook"},
		{"dangling", map[string]string{"roles/c.toml": "nowhere.toml"},
			"hb/roles/c.toml: symbolic links are not followed: copy the file into the handbook"},
		{"file loop", map[string]string{"roles/x.toml": "y.toml", "roles/y.toml": "x.toml"},
			"hb/roles/x.toml: symbolic links are not followed: copy the file into the handbook\n" +
				"hb/roles/y.toml: symbolic links are not followed: copy the file into the handbook"},
		{"folder loop in pages", map[string]string{"pages/loop": "."},
			"hb/pages/loop: symbolic links are not followed: copy the file into the handbook"},
		{"folder loop in assets", map[string]string{"assets/loop": "../assets"},
			"hb/assets/loop: symbolic links are not followed: copy the file into assets/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			out, dir := filepath.Join(root, "out"), filepath.Join(root, "hb")
			testhb.Write(t, out, map[string]string{
				"secret.toml": "title = \"" + secret + "\"\nname = \"" + secret + "\"\n",
				"secret.md":   "+++\ntitle = \"" + secret + "\"\n+++\n" + secret + "\n",
				"index.md":    "+++\ntitle = \"" + secret + "\"\n+++\n",
				"w.toml":      "name = \"" + secret + "\"\n",
			})
			testhb.Write(t, dir, map[string]string{"handbook.toml": okMeta, "roles/a.toml": okRole, "pages/index.md": "+++\ntitle = \"x\"\n+++\n", "assets/ok.txt": "ok"})
			for link, target := range tt.links {
				p := filepath.Join(dir, filepath.FromSlash(link))
				os.RemoveAll(p)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if strings.HasPrefix(target, "out") {
					target = filepath.Join(root, target)
				}
				if err := os.Symlink(target, p); err != nil {
					t.Skipf("no symbolic links here: %v", err)
				}
			}
			start := time.Now()
			h, diags := Load(os.DirFS(dir), "hb")
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %s", d)
			}
			var lines []string
			for _, d := range diags.Items {
				lines = append(lines, d.String())
			}
			if got := strings.Join(lines, "\n"); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
			if strings.Contains(h.Meta.Title, secret) {
				t.Errorf("the title was read through a link: %q", h.Meta.Title)
			}
			for _, r := range h.Roles {
				if strings.Contains(r.Name, secret) {
					t.Errorf("role %s was read through a link", r.ID)
				}
			}
			for _, p := range h.Pages {
				if strings.Contains(p.Title, secret) {
					t.Errorf("page %s was read through a link", p.Path)
				}
			}
			for _, a := range h.Assets {
				if a != "assets/ok.txt" {
					t.Errorf("asset %s is a link or lies behind one", a)
				}
			}
		})
	}
}

// TestLoad_assetNames: an asset whose name is not UTF-8, or too long for
// the temporary file it is written through, is an error of the check
// (before, check said ok and the build failed).
func TestLoad_assetNames(t *testing.T) {
	dir := t.TempDir()
	testhb.Write(t, dir, map[string]string{"handbook.toml": "title = \"T\"\n"})
	long := strings.Repeat("a", MaxAssetName-3) + ".png"
	for _, name := range []string{"bad-\xff.png", long, "ok.png"} {
		testhb.Write(t, dir, map[string]string{"assets/" + name: "x"})
	}
	h, diags := Load(os.DirFS(dir), "hb")
	var got []string
	for _, d := range diags.Items {
		got = append(got, d.String())
	}
	want := []string{
		"hb/assets/" + long + ": the file name is 201 bytes long, more than the 200 an asset's may have: shorten it",
		"hb/assets/bad-\uFFFD.png: the file name is not UTF-8: rename the file (a web server cannot serve it reliably)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(h.Assets) != 1 || h.Assets[0] != "assets/ok.png" {
		t.Errorf("assets = %q, want only the one with a good name", h.Assets)
	}
}
