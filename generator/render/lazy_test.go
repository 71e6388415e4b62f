package render_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator/site"

	"github.com/accord-handbook/accord/generator"
)

// TestLazy_sameAsSite renders the shipped handbook both ways and requires
// every file of the site, asked for one at a time in a scrambled order, to
// be byte for byte what Site renders; a path that is not in the site is
// not found.
func TestLazy_sameAsSite(t *testing.T) {
	dir := filepath.Join("..", "..", "content")
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
