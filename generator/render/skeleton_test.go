package render_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/internal/testhb"
)

// TestSkeleton_overrides: a handbook's templates/base.html writes every
// page instead of accord's skeleton; a handbook that overrides only a
// kind's template keeps the skeleton around its content.
func TestSkeleton_overrides(t *testing.T) {
	files := map[string]string{}
	for k, v := range testhb.Mini {
		files[k] = v
	}
	files["templates/role.html"] = `{{define "content"}}<p class="mine">{{.Title}}</p>{{end}}`
	dir := testhb.Dir(t, files)
	site := compile(t, dir)
	role := site["roles/lead.html"]
	if !strings.Contains(role, `<p class="mine">Lead</p>`) || !strings.Contains(role, `<nav class="crumbs"`) || !strings.HasPrefix(role, "<!doctype html>\n<html lang=\"en\"") {
		t.Errorf("a role page with its content overridden:\n%s", role)
	}
	if intro := site["pages/index.html"]; !strings.Contains(intro, "<h1>Introduction</h1>\n<div class=\"prose\">") {
		t.Errorf("a free page without a page.html:\n%s", intro)
	}
	testhb.Write(t, dir, map[string]string{"templates/page.html": `{{define "content"}}<article>{{.Data.Body}}</article>{{end}}`})
	site = compile(t, dir)
	if intro := site["pages/index.html"]; !strings.Contains(intro, "<article><p>Welcome.</p>\n</article>") || !strings.Contains(intro, `<nav class="crumbs"`) {
		t.Errorf("a free page with the handbook's page.html:\n%s", intro)
	}
	if err := os.Remove(filepath.Join(dir, "templates", "page.html")); err != nil {
		t.Fatal(err)
	}

	testhb.Write(t, dir, map[string]string{"templates/base.html": `<!doctype html><title>{{.Title}}</title>{{.Chrome "top"}}<main>{{template "content" .}}</main>{{.Chrome "bottom"}}`})
	site = compile(t, dir)
	for _, p := range []string{"index.html", "roles/lead.html", "policies/quality.html"} {
		if got := site[p]; !strings.HasPrefix(got, "<!doctype html><title>") || strings.Contains(got, `<nav class="crumbs"`) || !strings.Contains(got, "<main>") {
			t.Errorf("%s does not come from the handbook's base.html:\n%.300s", p, got)
		}
	}
	if !strings.Contains(site["roles/lead.html"], `<main><p class="mine">Lead</p></main>`) {
		t.Errorf("the role page's content with both overridden:\n%s", site["roles/lead.html"])
	}
	if !strings.Contains(site["pages/index.html"], "<main><h1>Introduction</h1>") {
		t.Errorf("a free page in the handbook's base.html:\n%s", site["pages/index.html"])
	}
}

func compile(t *testing.T, dir string) map[string]string {
	t.Helper()
	files, c, err := generator.Compile(context.Background(), generator.Options{Dir: dir, NoGraphs: true})
	if err != nil {
		t.Fatalf("%v\n%v", err, c.Diags.Items)
	}
	m := map[string]string{}
	for _, f := range files {
		m[f.Path] = string(f.Data)
	}
	return m
}
