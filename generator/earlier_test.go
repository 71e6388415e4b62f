package generator_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/internal/testhb"
)

// session compiles dir lazily the way a session does, through one
// Earlier, and counts how often the earlier versions are read.
type session struct {
	t     *testing.T
	opts  generator.Options
	reads int
}

func newSession(t *testing.T, dir string) *session {
	s := &session{t: t, opts: generator.Options{Dir: dir, Name: "handbook", NoGraphs: true, Earlier: generator.NewEarlier()}}
	s.opts.Earlier.Watch = func([]string) { s.reads++ }
	return s
}

// page builds and returns a page of the lazily served site, after
// checking that it is the page Compile renders.
func (s *session) page(p string) string {
	s.t.Helper()
	lazy, checked, err := generator.CompileLazy(context.Background(), s.opts)
	if err != nil {
		s.t.Fatalf("CompileLazy: %v", err)
	}
	got, ok, err := lazy.Get(p)
	if !ok || err != nil {
		s.t.Fatalf("%s: ok=%v err=%v; diagnostics:\n%v", p, ok, err, checked.Diags.Items)
	}
	files, _, err := generator.Compile(context.Background(), generator.Options{Dir: s.opts.Dir, Name: "handbook", NoGraphs: true})
	if err != nil {
		s.t.Fatal(err)
	}
	for _, f := range files {
		if f.Path == p && !bytes.Equal(f.Data, got) {
			s.t.Errorf("%s differs from what Compile renders", p)
		}
	}
	return string(got)
}

func (s *session) wantReads(n int) {
	s.t.Helper()
	if s.reads != n {
		s.t.Errorf("the earlier versions were read %d times, want %d", s.reads, n)
	}
}

// TestEarlier_gitTags: a session reads the tags' versions once, and again
// when a tag moves; a save of the current sources does not read them.
func TestEarlier_gitTags(t *testing.T) {
	r, dir := reviewedDesk(t)
	s := newSession(t, dir)
	if p := s.page("v/2.0/policies/hours.html"); !strings.Contains(p, "within two hours") {
		t.Fatalf("version 2.0's policy:\n%s", p)
	}
	hours := filepath.Join(dir, "policies", "hours.md")
	b, err := os.ReadFile(hours)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(hours, append(b, "\nSaved while editing 3.0.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if p := s.page("policies/hours.html"); !strings.Contains(p, "Saved while editing 3.0.") {
		t.Fatal("the save is not on the current version's page")
	}
	s.wantReads(1)

	// v2.0 moves to a commit whose policy says three hours; the work tree
	// goes back to what it was.
	work := map[string]string{}
	err = fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, err := os.ReadFile(filepath.Join(dir, p))
			work[p] = string(b)
			return err
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	v2 := desk()
	edit(t, v2, "handbook.toml", `version = "1.0"`, `version = "2.0"`)
	edit(t, v2, "handbook.toml", `effective_date = 2026-01-01`, `effective_date = 2026-07-01`)
	edit(t, v2, "policies/hours.md", "within one hour", "within three hours")
	r.Write(under("handbook", v2))
	r.Commit("agreement 2.0, corrected")
	r.Git("tag", "-f", "-a", "-m", "release v2.0", "v2.0")
	testhb.Write(t, dir, work)
	if p := s.page("v/2.0/policies/hours.html"); !strings.Contains(p, "within three hours") {
		t.Fatalf("version 2.0's policy after the tag moved:\n%s", p)
	}
	s.wantReads(2)
}

// TestEarlier_folders: a session reads a folder version again when a
// file in it changed (Changed) or [versions] changed, not when the
// current sources did; a folder that does not exist yet is looked for by
// every build, and published once it is there.
func TestEarlier_folders(t *testing.T) {
	root := t.TempDir()
	cur := desk()
	edit(t, cur, "handbook.toml", `version = "1.0"`, `version = "2.0"`)
	edit(t, cur, "handbook.toml", `effective_date = 2026-01-01`, `effective_date = 2026-07-01`)
	edit(t, cur, "handbook.toml", `git_tags = "v*"`, `folders = ["../a"]`)
	dir := filepath.Join(root, "current")
	testhb.Write(t, dir, cur)
	old := desk()
	edit(t, old, "handbook.toml", "[versions]\ngit_tags = \"v*\"\n", "")
	testhb.Write(t, filepath.Join(root, "a"), old)

	s := newSession(t, dir)
	s.page("v/1.0/index.html")
	s.page("index.html")
	s.wantReads(1)

	hours := filepath.Join(root, "a", "policies", "hours.md")
	if err := os.WriteFile(hours, []byte(old["policies/hours.md"]+"\nCorrected in the archive.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.opts.Earlier.Changed([]string{filepath.Join(root, "elsewhere.md")}, false)
	s.page("index.html")
	s.wantReads(1)
	s.opts.Earlier.Changed([]string{hours}, false)
	if p := s.page("v/1.0/policies/hours.html"); !strings.Contains(p, "Corrected in the archive.") {
		t.Fatalf("version 1.0's policy after its folder changed:\n%s", p)
	}
	s.wantReads(2)

	// [versions] names a folder that is not there yet: an error at every
	// build, each looking again, until the folder exists.
	edit(t, cur, "handbook.toml", `folders = ["../a"]`, `folders = ["../a", "../b"]`)
	testhb.Write(t, dir, cur)
	for range 2 {
		if _, _, err := generator.CompileLazy(context.Background(), s.opts); err == nil || !strings.Contains(err.Error(), `"../b" does not exist`) {
			t.Fatalf("CompileLazy with a missing folder: %v", err)
		}
	}
	s.wantReads(4)
	b := desk()
	edit(t, b, "handbook.toml", "[versions]\ngit_tags = \"v*\"\n", "")
	edit(t, b, "handbook.toml", `version = "1.0"`, `version = "1.5"`)
	edit(t, b, "handbook.toml", `effective_date = 2026-01-01`, `effective_date = 2026-03-01`)
	testhb.Write(t, filepath.Join(root, "b"), b)
	s.page("v/1.5/index.html")
	s.wantReads(5)
	s.page("index.html")
	s.wantReads(5)
}
