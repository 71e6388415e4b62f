package browser

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/accord-handbook/accord/generator"
)

// The handbooks whose pages TestPages_valid and TestPages_accessible check:
// the shipped one (Chinese, the largest), an English one, the golden one
// (every feature, small) and the English one with an earlier version. The
// W3C checker reads a page of each kind of each; axe, which takes about a
// second a page, a page of each kind in one of its two views (see
// TestPages_accessible), and of the versioned site only the pages the
// others do not have. query finds results on the site's search page, so
// that the list of results is checked too.
var checkedSites = []struct {
	name, query string
	view        string   // the view of TestPages_accessible that checks the site
	axe         []string // the kinds axe checks; nil: every kind
}{
	{"content", "信用证", "light-laptop", nil},
	{"en-agency", "release", "dark-phone", nil},
	{"small", "quality", "dark-phone", nil},
	{"versioned", "release", "both", []string{"roles/", "versions.html", "changes/", "v/3.0/index.html", "v/3.0/roles/", "print/acknowledge-3.1.html"}},
}

// kindPages are the pages of each kind, one each: a file, or a folder whose
// largest page stands for its kind (the largest has the most parts to get
// wrong), leaving out the folder's index.html and the pages named here.
// A kind a site does not have is left out.
var kindPages = []string{
	"index.html", "roles/index.html", "roles/", "workflows/index.html", "workflows/",
	"policies/index.html", "policies/", "pages/index.html", "pages/", "raci.html",
	"raci-health.html", "graphs.html", "glossary.html", "teams.html", "search.html",
	"onboarding/", "print/", "print/handbook.html", "review.html", "versions.html",
	"changes/", "v/3.0/index.html", "v/3.0/roles/", "404.html",
	// a version's sign-off sheet (the shipped handbook's, the versioned
	// one's) and the redirect at a renamed role's old path (small's)
	"print/acknowledge-2.1.html", "print/acknowledge-3.1.html", "roles/developer.html",
}

// a11y holds the checked sites, built once for both tests.
var a11y struct {
	once  sync.Once
	dir   string
	sites map[string]string // name -> output folder
	err   error
}

// checkedPages returns, for each checked site, the pages that stand for its
// kinds: kind, page, kind, page…
func checkedPages(t *testing.T) map[string][]string {
	t.Helper()
	content := buildSite(t)
	a11y.once.Do(func() {
		a11y.dir, a11y.err = os.MkdirTemp("", "accord-a11y-")
		if a11y.err != nil {
			return
		}
		a11y.sites = map[string]string{"content": content}
		srcs := map[string]string{
			"en-agency": filepath.Join("..", "..", "testdata", "handbooks", "en-agency"),
			"small":     filepath.Join("..", "..", "testdata", "golden", "small"),
		}
		srcs["versioned"], a11y.err = versionedHandbook(a11y.dir)
		if a11y.err != nil {
			return
		}
		for name, src := range srcs {
			out := filepath.Join(a11y.dir, name)
			if _, err := generator.Build(context.Background(), generator.Options{Dir: src, Out: out}); err != nil {
				a11y.err = err
				return
			}
			a11y.sites[name] = out
		}
	})
	if a11y.err != nil {
		t.Fatalf("build: %v", a11y.err)
	}
	pages := map[string][]string{}
	for _, s := range checkedSites {
		out := a11y.sites[s.name]
		for _, k := range kindPages {
			if p := pick(out, k); p != "" {
				pages[s.name] = append(pages[s.name], k, p)
			}
		}
	}
	for _, want := range []string{"versions.html", "changes/3.1.html", "v/3.0/index.html"} {
		if !strings.Contains(strings.Join(pages["versioned"], " "), want) {
			t.Fatalf("the versioned site has no %s: %q", want, pages["versioned"])
		}
	}
	return pages
}

// pick returns the page of out that stands for kind, slash-separated and
// relative to out, or "".
func pick(out, kind string) string {
	if !strings.HasSuffix(kind, "/") {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(kind))); err != nil {
			return ""
		}
		return kind
	}
	best, size := "", int64(-1)
	filepath.WalkDir(filepath.Join(out, filepath.FromSlash(kind)), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") || d.Name() == "index.html" {
			return nil
		}
		rel, _ := filepath.Rel(out, p)
		if slices.Contains(kindPages, filepath.ToSlash(rel)) {
			return nil
		}
		if info, err := d.Info(); err == nil && info.Size() > size {
			best, size = filepath.ToSlash(rel), info.Size()
		}
		return nil
	})
	return best
}

// versionedHandbook writes the English handbook at 3.1 with an earlier 3.0
// beside it, which differs in a role and a workflow, and returns the 3.1
// folder.
func versionedHandbook(dir string) (string, error) {
	src := os.DirFS(filepath.Join("..", "..", "testdata", "handbooks", "en-agency"))
	cur, old := filepath.Join(dir, "src", "cur"), filepath.Join(dir, "src", "old")
	edits := map[string][][2]string{
		"handbook.toml": {
			{`version = "3.1"`, `version = "3.0"`},
			{"effective_date = 2026-03-01", "effective_date = 2025-09-01"},
		},
		"roles/developer.toml":          {{"Reviews at least two", "Reviews at least one"}},
		"workflows/change-request.toml": {{`consulted = ["designer", "qa-engineer"]`, `consulted = ["designer"]`}},
	}
	err := fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		text, was := string(b), string(b)
		for _, e := range edits[p] {
			if !strings.Contains(was, e[0]) {
				return fmt.Errorf("%s has no %q", p, e[0])
			}
			was = strings.Replace(was, e[0], e[1], 1)
		}
		if p == "handbook.toml" {
			text += "\n[versions]\nfolders = [\"../old\"]\n"
		}
		if err := write(filepath.Join(cur, p), text); err != nil {
			return err
		}
		return write(filepath.Join(old, p), was)
	})
	return cur, err
}

func write(name, text string) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, []byte(text), 0o644)
}
