package render_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator/site"

	"github.com/accord-handbook/accord/generator"
)

// TestLazy_sameAsSite renders the shipped handbook both ways and requires
// every file of the site, asked for one at a time in a scrambled order, to
// be byte for byte what Site renders; a path that is not in the site is
// not found. The shipped handbook has an earlier version, which CompileLazy
// leaves to Compile, so its current version is tested on its own.
func TestLazy_sameAsSite(t *testing.T) {
	shipped := filepath.Join("..", "..", "content")
	if lazy, _, err := generator.CompileLazy(context.Background(), generator.Options{Dir: shipped, NoGraphs: true}); lazy != nil || err != nil {
		t.Fatalf("CompileLazy of a versioned handbook: %v, %v; want nil, nil (Compile renders it)", lazy, err)
	}
	dir := currentVersion(t, shipped)
	files, _, err := generator.Compile(context.Background(), generator.Options{Dir: dir, NoGraphs: true})
	if err != nil {
		t.Fatal(err)
	}
	hasIntro := true // content/pages/index.md exists
	lazy, _, err := generator.CompileLazy(context.Background(), generator.Options{Dir: dir, NoGraphs: true})
	if err != nil || lazy == nil {
		t.Fatalf("CompileLazy: %v", err)
	}
	// The pages of one source, the index pages and the static files first:
	// they must render without rendering the whole site. Then the pages
	// that gather the whole handbook.
	gathers := func(p string) bool {
		return strings.HasPrefix(p, "onboarding/") || strings.HasPrefix(p, "print/") ||
			p == "search.html" || p == "model.json" || p == "_accord/search-index.js" || p == "pages/index.html" && !hasIntro
	}
	var order []site.File
	for _, f := range files {
		if !gathers(f.Path) {
			order = append(order, f)
		}
	}
	for _, f := range files {
		if gathers(f.Path) {
			order = append(order, f)
		}
	}
	for i, f := range order {
		if !gathers(f.Path) && lazy.Whole() {
			t.Fatalf("asking for %s (file %d) rendered the whole site", order[i-1].Path, i-1)
		}
		got, ok, err := lazy.Get(f.Path)
		if err != nil || !ok {
			t.Fatalf("%s: ok=%v err=%v", f.Path, ok, err)
		}
		if !bytes.Equal(got, f.Data) {
			t.Errorf("%s differs from the full render", f.Path)
		}
	}
	for _, p := range []string{"nope.html", "roles/nobody.html", "_accord/nope.css", "assets/none.svg"} {
		if _, ok, err := lazy.Get(p); ok || err != nil {
			t.Errorf("%s: ok=%v err=%v, want not found", p, ok, err)
		}
	}
}

// currentVersion copies the handbook in dir without its [versions] table
// and the folders it names (every version but the current one) into a
// temporary folder, and returns that folder.
func currentVersion(t *testing.T, dir string) string {
	t.Helper()
	out := t.TempDir()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			if rel == "archive" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(out, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if rel == "handbook.toml" {
			i := bytes.Index(b, []byte("\n[versions]\n"))
			j := bytes.Index(b[i+1:], []byte("\n\n"))
			if i < 0 || j < 0 {
				t.Fatalf("%s: no [versions] table followed by a blank line", p)
			}
			b = append(b[:i+1:i+1], b[i+1+j+2:]...)
		}
		return os.WriteFile(filepath.Join(out, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
