package gitfs

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/accord-handbook/accord/generator/gitfs/gittest"
)

// history makes a repository with a handbook under docs/hb in two tagged
// versions, then leaves an uncommitted edit in the work tree.
func history(t *testing.T) *gittest.Repo {
	r := gittest.New(t)
	r.Write(map[string]string{
		"README.md":                      "not the handbook\n",
		"docs/hb/handbook.toml":          "version = \"1.0\"\n",
		"docs/hb/roles/a.toml":           "name = \"A\"\n",
		"docs/hb/pages/runbooks/lc.md":   "+++\ntitle = \"信用证\"\n+++\n",
		"docs/hb/assets/tool.sh":         "#!/bin/sh\n",
		"docs/hb/pages/will-be-gone.md":  "gone\n",
		"docs/hb/pages/with space/中文.md": "名字\n",
	})
	if err := os.Chmod(filepath.Join(r.Dir, "docs/hb/assets/tool.sh"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../../README.md", filepath.Join(r.Dir, "docs/hb/link.md")); err != nil {
		t.Fatal(err)
	}
	r.Commit("v1")
	r.Tag("v1.0")
	r.Write(map[string]string{"docs/hb/handbook.toml": "version = \"2.0\"\n", "docs/hb/roles/b.toml": "name = \"B\"\n"})
	r.Remove("docs/hb/pages/will-be-gone.md")
	r.Commit("v2")
	r.Tag("v2.0")
	r.Write(map[string]string{"docs/hb/handbook.toml": "version = \"3.0-draft\"\n"})
	return r
}

func TestOpen_versions(t *testing.T) {
	r := history(t)
	status := r.Git("status", "--porcelain")

	v1, err := Open(r.Dir, "v1.0", "docs/hb")
	if err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(v1, "handbook.toml", "roles/a.toml", "pages/runbooks/lc.md",
		"assets/tool.sh", "pages/will-be-gone.md", "pages/with space/中文.md"); err != nil {
		t.Fatal(err)
	}
	if b, _ := fs.ReadFile(v1, "handbook.toml"); string(b) != "version = \"1.0\"\n" {
		t.Errorf("v1.0 handbook.toml = %q", b)
	}
	if _, err := fs.Stat(v1, "link.md"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("symlink should be skipped, Stat err = %v", err)
	}
	if _, err := fs.Stat(v1, "README.md"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("files outside the sub-folder must not show, Stat err = %v", err)
	}
	if info, err := fs.Stat(v1, "assets/tool.sh"); err != nil || info.Mode().Perm() != 0o755 {
		t.Errorf("tool.sh mode = %v, %v", info, err)
	}
	if got := v1.(*FS).Time.Format("2006-01-02"); got != "2026-01-01" {
		t.Errorf("commit time = %s", got)
	}

	for _, ref := range []string{"v2.0", "HEAD", "main", r.Git("rev-parse", "v2.0^{commit}")} {
		v2, err := Open(r.Dir, ref, "docs/hb/")
		if err != nil {
			t.Fatal(err)
		}
		if b, _ := fs.ReadFile(v2, "handbook.toml"); string(b) != "version = \"2.0\"\n" {
			t.Errorf("%s: handbook.toml = %q (the work tree must not leak in)", ref, b)
		}
		if _, err := fs.Stat(v2, "pages/will-be-gone.md"); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: deleted file still there: %v", ref, err)
		}
		if _, err := fs.Stat(v2, "roles/b.toml"); err != nil {
			t.Errorf("%s: added file missing: %v", ref, err)
		}
	}

	root, err := Open(r.Dir, "v1.0", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fs.Stat(root, "docs/hb/roles/a.toml"); err != nil {
		t.Errorf("whole tree: %v", err)
	}
	if got := r.Git("status", "--porcelain"); got != status {
		t.Errorf("work tree changed:\nbefore %q\nafter  %q", status, got)
	}
}

func TestOpen_errors(t *testing.T) {
	r := history(t)
	tests := []struct{ ref, sub, want string }{
		{"v9.9", "docs/hb", "v9.9: no such tag, branch or commit in " + r.Dir},
		{"--all", "docs/hb", "--all: no such tag, branch or commit in " + r.Dir},
		{"v1.0", "docs/nope", "v1.0: no folder docs/nope in " + r.Dir},
		{"v1.0", "README.md", "v1.0: no folder README.md in " + r.Dir},
		{"v1.0", "../x", `folder "../x" must be a path inside the repository`},
	}
	for _, tt := range tests {
		_, err := Open(r.Dir, tt.ref, tt.sub)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Open(%q, %q) error = %v, want %q", tt.ref, tt.sub, err, tt.want)
		}
	}
	dir := t.TempDir()
	if _, err := Open(dir, "HEAD", "."); err == nil || !strings.Contains(err.Error(), "not a git repository") {
		t.Errorf("Open outside a repository: %v", err)
	}
}

// TestOpen_assetsReadOnDemand: assets are read when opened, not at Open:
// a diff of two versions, or a build rendering one version at a time,
// does not hold every version's images at once.
func TestOpen_assetsReadOnDemand(t *testing.T) {
	r := gittest.New(t)
	r.Write(map[string]string{"assets/logo.svg": "<svg/>", "roles/a.toml": "name = \"A\"\n"})
	r.Commit("assets")
	f, err := Open(r.Dir, "HEAD", ".")
	if err != nil {
		t.Fatal(err)
	}
	files := f.(*FS).files
	if files["assets/logo.svg"].data != nil || files["roles/a.toml"].data == nil {
		t.Error("an asset was read at Open, or a source was not")
	}
	if b, err := fs.ReadFile(f, "assets/logo.svg"); err != nil || string(b) != "<svg/>" {
		t.Errorf("logo.svg: %q, %v", b, err)
	}
}

func TestOpen_largeFileReadOnDemand(t *testing.T) {
	r := gittest.New(t)
	big := strings.Repeat("外贸", eagerLimit) // 6 MB: larger than eagerLimit
	r.Write(map[string]string{"assets/big.txt": big, "a.txt": ""})
	r.Commit("big")
	f, err := Open(r.Dir, "HEAD", ".")
	if err != nil {
		t.Fatal(err)
	}
	if f.(*FS).files["assets/big.txt"].data != nil {
		t.Error("large blob read at Open")
	}
	b, err := fs.ReadFile(f, "assets/big.txt")
	if err != nil || string(b) != big {
		t.Errorf("big.txt: %d bytes, %v", len(b), err)
	}
	if b, err := fs.ReadFile(f, "a.txt"); err != nil || len(b) != 0 {
		t.Errorf("empty file: %q, %v", b, err)
	}
}

func TestTags(t *testing.T) {
	r := gittest.New(t)
	r.Commit("one")
	for _, tag := range []string{"v1.10", "v1.0", "v1.2", "draft"} {
		r.Tag(tag)
	}
	got, err := Tags(r.Dir, "v*")
	if want := []string{"v1.0", "v1.2", "v1.10"}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Tags(v*) = %v, %v; want %v", got, err, want)
	}
	if got, _ := Tags(r.Dir, ""); len(got) != 4 {
		t.Errorf("Tags(\"\") = %v", got)
	}
	if got, err := Tags(r.Dir, "release-*"); err != nil || len(got) != 0 {
		t.Errorf("Tags(release-*) = %v, %v", got, err)
	}
	if _, err := Tags(r.Dir, "-x"); err == nil {
		t.Error("a pattern starting with '-' must be refused")
	}
}

// TestTagIDs: the tag list changes when a matching tag is made, moved or
// deleted, not when another tag or a commit is made; it is read from a
// sub-folder of the work tree too.
func TestTagIDs(t *testing.T) {
	r := gittest.New(t)
	r.Write(map[string]string{"hb/a.txt": "a"})
	r.Commit("one")
	r.Tag("v1.0")
	ids := func() string {
		t.Helper()
		s, err := TagIDs(filepath.Join(r.Dir, "hb"), "v*")
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	first := ids()
	if !strings.HasPrefix(first, "v1.0 ") || strings.Count(first, "\n") != 1 {
		t.Fatalf("TagIDs = %q", first)
	}
	r.Commit("two")
	r.Tag("draft")
	if got := ids(); got != first {
		t.Errorf("a commit and a tag that does not match changed TagIDs: %q, was %q", got, first)
	}
	r.Git("tag", "-d", "v1.0")
	if got := ids(); got != "" {
		t.Errorf("after deleting the tag: %q", got)
	}
	r.Tag("v1.0") // moved: the same name on the second commit
	if got := ids(); got == first || !strings.HasPrefix(got, "v1.0 ") {
		t.Errorf("the moved tag: %q, was %q", got, first)
	}
	if _, err := TagIDs(t.TempDir(), "v*"); err == nil {
		t.Error("TagIDs outside a repository: no error")
	}
}

func TestResolve(t *testing.T) {
	r := history(t)
	repo, sub, err := Resolve(filepath.Join(r.Dir, "docs", "hb"))
	if err != nil {
		t.Fatal(err)
	}
	same := func(a, b string) bool {
		ra, _ := filepath.EvalSymlinks(a)
		rb, _ := filepath.EvalSymlinks(b)
		return ra == rb
	}
	if !same(repo, r.Dir) || sub != "docs/hb" {
		t.Errorf("Resolve = %q, %q; want %q, docs/hb", repo, sub, r.Dir)
	}
	if _, sub, err := Resolve(r.Dir); err != nil || sub != "." {
		t.Errorf("Resolve(top) sub = %q, %v", sub, err)
	}
	if _, _, err := Resolve(t.TempDir()); err == nil || !strings.Contains(err.Error(), "not inside a git repository") {
		t.Errorf("Resolve outside a repository: %v", err)
	}
	if _, _, err := Resolve(filepath.Join(r.Dir, "missing")); err == nil {
		t.Error("Resolve of a missing folder must fail")
	}
}

// TestReadLarge_readsAhead: assets read one after the other come from a
// few git processes, not one each (the blobs after the one asked for are
// read with it), every file reads back as written in any order, two files
// with the same content both read, and what the FS keeps ahead of the reads
// stays under readAhead.
func TestReadLarge_readsAhead(t *testing.T) {
	r := gittest.New(t)
	files := map[string]string{}
	for i := range 40 {
		files[fmt.Sprintf("assets/img%02d.bin", i)] = strings.Repeat(string(rune('a'+i%26)), 512<<10) + strconv.Itoa(i)
	}
	files["assets/same1.bin"] = "the same"
	files["assets/same2.bin"] = "the same"
	r.Write(files)
	r.Commit("images")
	for _, order := range []string{"forward", "backward"} {
		t.Run(order, func(t *testing.T) {
			f, err := Open(r.Dir, "HEAD", ".")
			if err != nil {
				t.Fatal(err)
			}
			g := f.(*FS)
			names := slices.Sorted(maps.Keys(files))
			if order == "backward" {
				slices.Reverse(names)
			}
			misses := 0
			for _, name := range names {
				g.mu.Lock()
				_, ahead := g.ahead[g.files[name].oid]
				g.mu.Unlock()
				if !ahead {
					misses++
				}
				b, err := fs.ReadFile(f, name)
				if err != nil || string(b) != files[name] {
					t.Fatalf("%s: %d bytes, %v", name, len(b), err)
				}
				g.mu.Lock()
				held := 0
				for _, data := range g.ahead {
					held += len(data)
				}
				g.mu.Unlock()
				if held > readAhead {
					t.Fatalf("after %s the FS holds %d bytes ahead, more than %d", name, held, readAhead)
				}
			}
			if order == "forward" && misses > 4 {
				t.Errorf("%d git processes for %d files read in order: each should bring the next ones", misses, len(names))
			}
		})
	}
}
