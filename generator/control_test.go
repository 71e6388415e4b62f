package generator_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/internal/testhb"
)

func day(s string) model.Date {
	t, _ := time.Parse("2006-01-02", s)
	return model.Date{Time: t}
}

// TestBuild_asOf: the as-of date is an input of the build. The same
// sources and date give the same site, and are up to date; a later date
// builds again, without --force, and changes the pages of the documents
// whose status changed, with a banner on the overdue one.
func TestBuild_asOf(t *testing.T) {
	files := map[string]string{}
	for k, v := range testhb.Mini {
		files[k] = v
	}
	files["policies/quality.md"] = strings.Replace(files["policies/quality.md"], `review_cycle = "annual"`, `review_cycle = "quarterly"`, 1)
	dir := testhb.Dir(t, files)
	out := filepath.Join(t.TempDir(), "site")
	build := func(asOf string) *generator.Result {
		t.Helper()
		res, err := generator.Build(context.Background(), generator.Options{Dir: dir, Out: out, AsOf: day(asOf), NoGraphs: true})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	read := func(p string) string {
		b, err := os.ReadFile(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	build("2026-02-01")
	before := read("policies/quality.html")
	if res := build("2026-02-01"); !res.UpToDate {
		t.Error("the same sources and date are not up to date")
	}
	if strings.Contains(before, "banner-overdue") || !strings.Contains(before, "due-scheduled") {
		t.Errorf("as of 2026-02-01 the policy is scheduled:\n%s", before)
	}
	if res := build("2026-04-15"); res.UpToDate {
		t.Fatal("another date found the site up to date")
	}
	after := read("policies/quality.html")
	if !strings.Contains(after, `class="banner banner-overdue"`) || !strings.Contains(after, "due-overdue") {
		t.Errorf("as of 2026-04-15 the policy (due 2026-04-01) is overdue:\n%s", after)
	}
	if !strings.Contains(read("index.html"), `<span class="due due-overdue">1 overdue</span>`) {
		t.Error("the home page does not count the overdue document")
	}
	if cal := read("review.html"); !strings.Contains(cal, "policies/quality.html") {
		t.Errorf("the review calendar lacks the policy:\n%s", cal)
	}
}

// TestBuild_drafts: a draft is left out of the site and of its search,
// navigation, print pages and model.json; a published link to it is its
// text alone. With Drafts it is published under a banner.
func TestBuild_drafts(t *testing.T) {
	files := map[string]string{}
	for k, v := range testhb.Mini {
		files[k] = v
	}
	files["pages/plans.md"] = "+++\ntitle = \"Plans\"\ndraft = true\n+++\n\nNot yet.\n"
	files["pages/index.md"] = "+++\ntitle = \"Introduction\"\n+++\n\nWelcome. See the [plans](plans.md).\n"
	dir := testhb.Dir(t, files)
	compile := func(drafts bool) map[string]string {
		t.Helper()
		out, c, err := generator.Compile(context.Background(), generator.Options{Dir: dir, NoGraphs: true, Drafts: drafts, AsOf: day("2026-12-06")})
		if err != nil {
			t.Fatalf("%v %v", err, c.Diags.Items)
		}
		if len(c.Diags.Items) != 1 || !strings.Contains(c.Diags.Items[0].Msg, "leads to a draft") {
			t.Errorf("diagnostics %v, want the warning about the link to the draft", c.Diags.Items)
		}
		m := map[string]string{}
		for _, f := range out {
			m[f.Path] = string(f.Data)
		}
		return m
	}
	site := compile(false)
	if _, ok := site["pages/plans.html"]; ok {
		t.Error("the draft is published")
	}
	for p, text := range site {
		if strings.Contains(text, "plans.html") || (strings.HasSuffix(p, ".js") || p == "model.json") && strings.Contains(text, "Plans") {
			t.Errorf("%s mentions the draft", p)
		}
	}
	if !strings.Contains(site["pages/index.html"], "See the plans.") {
		t.Errorf("the link to the draft is not its text alone:\n%s", site["pages/index.html"])
	}
	served := compile(true)
	if p := served["pages/plans.html"]; !strings.Contains(p, `class="banner banner-draft"`) {
		t.Errorf("with drafts, the draft has no banner:\n%s", p)
	}
	if !strings.Contains(served["pages/index.html"], `<a href="plans.html">plans</a>`) {
		t.Error("with drafts, the link to the draft is not a link")
	}
}
