package generator_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/urls"
	"github.com/accord-handbook/accord/internal/sitecheck"
)

// buildAndCheck checks the handbook in dir (no errors, no warnings), builds
// it into a temporary folder and checks that every relative href, src and
// url() of the site resolves to a file of the site. It returns the output
// folder and the result.
func buildAndCheck(t *testing.T, dir string) (string, *generator.Result) {
	t.Helper()
	c := generator.Check(generator.Options{FS: os.DirFS(dir), Name: dir, NoGraphs: true})
	for _, d := range c.Diags.Items {
		t.Errorf("check: %s", d)
	}
	out := filepath.Join(t.TempDir(), "public")
	res, err := generator.Build(context.Background(), generator.Options{Dir: dir, Out: out})
	if err != nil {
		t.Fatalf("build %s: %v", dir, err)
	}
	for _, p := range sitecheck.Links(out) {
		t.Errorf("link: %s", p)
	}
	h := res.Checked.Handbook
	want := []string{urls.Home, urls.ModelJSON, urls.RACI, urls.Glossary}
	for _, r := range h.Roles {
		want = append(want, urls.Role(r.ID))
	}
	for _, w := range h.Workflows {
		want = append(want, urls.Workflow(w.ID))
	}
	for _, p := range h.Policies {
		want = append(want, urls.Policy(p.ID))
	}
	for _, p := range h.Pages {
		want = append(want, urls.Page(p.Path))
	}
	want = append(want, h.Assets...)
	for _, f := range want {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(f))); err != nil {
			t.Errorf("missing from the site: %s", f)
		}
	}
	return out, res
}

// TestBuild_content is the smoke test of the shipped agreement: `accord
// check content` is clean (not even a warning) and every link of the built
// site resolves.
func TestBuild_content(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole shipped handbook")
	}
	out, res := buildAndCheck(t, "../content")
	h := res.Checked.Handbook
	if len(h.Roles) < 8 || len(h.Workflows) < 5 || len(h.Terms) < 25 {
		t.Errorf("content looks incomplete: %d roles, %d workflows, %d terms", len(h.Roles), len(h.Workflows), len(h.Terms))
	}
	b, err := os.ReadFile(filepath.Join(out, urls.Home))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), h.Meta.Title) {
		t.Errorf("home page does not show the title %q", h.Meta.Title)
	}
}
