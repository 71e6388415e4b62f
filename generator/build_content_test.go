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
	checkShippedVersions(t, out, res)
}

// checkShippedVersions: the shipped agreement carries its history in the
// handbook folder ([versions] folders), so a fresh clone builds both
// versions: the switcher on every page, versions.html, the old version
// under v/2.0/ and the change page of 2.1, which says what the review
// changed. Its rules of segregation of duties hold.
func checkShippedVersions(t *testing.T, out string, res *generator.Result) {
	t.Helper()
	h := res.Checked.Handbook
	if h.Meta.Version != "2.1" || h.Meta.EffectiveDate.String() != "2026-12-06" {
		t.Errorf("content is version %s of %s, want 2.1 of 2026-12-06", h.Meta.Version, h.Meta.EffectiveDate)
	}
	read := func(p string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
		if err != nil {
			t.Errorf("missing from the site: %s", p)
		}
		return string(b)
	}
	for _, page := range []string{urls.Home, "workflows/order-fulfillment.html", "v/2.0/index.html", "v/2.0/workflows/order-fulfillment.html"} {
		if html := read(page); !strings.Contains(html, `class="version-menu"`) || !strings.Contains(html, "2.0") || !strings.Contains(html, "2.1") {
			t.Errorf("%s has no version switcher naming 2.0 and 2.1", page)
		}
	}
	if html := read("versions.html"); !strings.Contains(html, "v/2.0/index.html") || !strings.Contains(html, "changes/2.1.html") {
		t.Errorf("versions.html does not link version 2.0 and the changes of 2.1")
	}
	if html := read("v/2.0/roles/settlement-specialist.html"); !strings.Contains(html, "财务结汇专员") {
		t.Errorf("v/2.0 does not show the role as it was named in 2.0")
	}
	changes := read("changes/2.1.html")
	for _, want := range []string{
		"财务经理", "质检经理", "总经理", // roles the review added
		"外贸会计",                               // the settlement specialist's new name
		"按计划完工日订舱", "放单（寄正本提单或电放）", "出口退税申报", // the order flow's new steps
		"信用管理制度", "外汇收支合规与收付款安全", // new policies
	} {
		if !strings.Contains(changes, want) {
			t.Errorf("changes/2.1.html does not mention %q", want)
		}
	}
	sod := res.Checked.Segregation()
	if len(sod.Approvals) < 10 || len(sod.Rules) < 4 {
		t.Errorf("segregation of duties: %d approval steps, %d independence rules", len(sod.Approvals), len(sod.Rules))
	}
	for _, a := range sod.Approvals {
		if !a.Met {
			t.Errorf("%s: approval step %q is approved by one of its doers", a.Pos, a.Step.ID)
		}
	}
	for _, r := range sod.Rules {
		if !r.Met() {
			t.Errorf("%s: %q reports to a role it must be independent of", r.Pos, r.Rule.Role)
		}
	}
	if html := read("raci-health.html"); !strings.Contains(html, `id="segregation"`) {
		t.Errorf("the RACI health page does not show the segregation of duties")
	}
}
