package render_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/site"

	"github.com/accord-handbook/accord/generator"
)

// TestLazy_sameAsSite renders handbooks both ways and requires every file
// of the site, asked for one at a time in a scrambled order, to be byte
// for byte what Compile renders; a path that is not in the site is not
// found. The shipped handbook is rendered with its earlier version (2.0
// under v/2.0/) and without it; the notices handbook has an earlier
// version from a folder outside it and a base URL (feed, sitemap).
func TestLazy_sameAsSite(t *testing.T) {
	shipped := filepath.Join("..", "..", "content")
	for _, tc := range []struct{ name, dir string }{
		{"shipped", shipped},
		{"shipped without versions", currentVersion(t, shipped)},
		{"notices", filepath.Join("..", "..", "testdata", "golden", "notices", "current")},
	} {
		t.Run(tc.name, func(t *testing.T) { sameAsSite(t, tc.dir) })
	}
}

func sameAsSite(t *testing.T, dir string) {
	asOf, _ := model.ParseDate("2026-12-06")
	opts := generator.Options{Dir: dir, NoGraphs: true, AsOf: asOf}
	files, _, err := generator.Compile(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	lazy, _, err := generator.CompileLazy(context.Background(), opts)
	if err != nil || lazy == nil {
		t.Fatalf("CompileLazy: %v", err)
	}
	// The pages of one source, the index and version pages and the static
	// files first: they must render without rendering a whole version.
	// Then the pages that gather the whole version they are in.
	gathers := func(p string) bool {
		if rest, ok := strings.CutPrefix(p, "v/"); ok {
			_, p, _ = strings.Cut(rest, "/")
		}
		return strings.HasPrefix(p, "onboarding/") || strings.HasPrefix(p, "print/") && !strings.HasPrefix(p, "print/acknowledge-") ||
			p == "search.html" || p == "model.json" || p == "_accord/search-index.js"
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
	versioned := false
	for i, f := range order {
		if !gathers(f.Path) && lazy.Whole() {
			t.Fatalf("asking for %s (file %d) rendered a whole version", order[i-1].Path, i-1)
		}
		got, ok, err := lazy.Get(f.Path)
		if err != nil || !ok {
			t.Fatalf("%s: ok=%v err=%v", f.Path, ok, err)
		}
		if !bytes.Equal(got, f.Data) {
			t.Errorf("%s differs from the full render", f.Path)
		}
		versioned = versioned || strings.HasPrefix(f.Path, "v/")
	}
	t.Logf("%d files, versioned: %v", len(files), versioned)
	missing := []string{"nope.html", "roles/nobody.html", "_accord/nope.css", "assets/none.svg"}
	if versioned {
		missing = append(missing, "v/0.1/index.html", "v/nope.html")
		for _, f := range files {
			if slug, _, ok := strings.Cut(strings.TrimPrefix(f.Path, "v/"), "/"); ok && strings.HasPrefix(f.Path, "v/") {
				missing = append(missing, "v/"+slug+"/nope.html", "v/"+slug+"/versions.html")
				break
			}
		}
	}
	for _, p := range missing {
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
