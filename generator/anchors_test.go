package generator_test

import (
	"context"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/links"
	"github.com/accord-handbook/accord/generator/markdown"
	"github.com/accord-handbook/accord/generator/urls"
	"github.com/accord-handbook/accord/generator/validate"
	"github.com/accord-handbook/accord/internal/testhb"
)

// anchorsFull is a handbook whose pages show every section they can:
// the ids of each must be known to the checks.
var anchorsFull = map[string]string{
	"roles/lead.toml": "name = \"Lead\"\nteam = \"ops\"\nsummary = \"Decides.\"\nduties = [\"Decide\"]\ngoals = [\"Calm\"]\n" +
		"onboarding = [\"policies/quality\", \"pages/guide\"]\n\n[[kpi]]\nname = \"On time\"\ntarget = \"95%\"\nweight = 100\n",
	"roles/lead.md":    "## Duties\n\nMore than the list.\n\n## 汇率 风险\n\n## 汇率 风险\n",
	"roles/agent.md":   "\n",
	"roles/agent.toml": "name = \"Agent\"\nteam = \"outside\"\nsummary = \"Asks.\"\n",
	"teams.toml": "[[team]]\nid = \"ops\"\nname = \"Operations\"\nkind = \"internal\"\n\n" +
		"[[team]]\nid = \"outside\"\nname = \"Customers\"\nkind = \"external\"\n",
	"pages/guide.md": "+++\ntitle = \"Guide\"\n+++\n\n# Guide {#top-of-guide}\n\nA note[^1].\n\n[^1]: See [the step](../workflows/delivery.toml#step-build).\n",
	"glossary.toml":  "[[term]]\nterm = \"L/C\"\ndefinition = \"Letter of credit\"\n\n[[term]]\nterm = \"信用证 #1?\"\ndefinition = \"同上\"\n",
}

// TestAnchors_matchThePages: the ids validate.Anchors says a page has are
// the ids the built page has, on every page a link can lead to, in the
// handbooks of the tests and the one accord ships. A template changed
// without Anchors (or the reverse) fails here.
func TestAnchors_matchThePages(t *testing.T) {
	full := map[string]string{}
	for k, v := range testhb.Mini {
		full[k] = v
	}
	for k, v := range anchorsFull {
		full[k] = v
	}
	cases := []struct {
		name string
		opts generator.Options
	}{
		{"mini", generator.Options{FS: mapFS(testhb.Mini), Name: "mini"}},
		{"full", generator.Options{FS: mapFS(full), Name: "full"}},
		{"small", generator.Options{Dir: filepath.Join("..", "testdata", "golden", "small"), Name: "small"}},
		{"starter", generator.Options{Dir: filepath.Join("starter", "files", "zh-CN"), Name: "starter"}},
	}
	if !testing.Short() {
		cases = append(cases, struct {
			name string
			opts generator.Options
		}{"content", generator.Options{Dir: filepath.Join("..", "content"), Name: "content"}})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.opts.NoGraphs, c.opts.AsOf = true, goldenAsOf
			files, checked, err := generator.Compile(context.Background(), c.opts)
			if err != nil {
				t.Fatalf("%v\n%v", err, checked.Diags.Items)
			}
			anchors := anchorsOf(checked)
			seen := 0
			for _, f := range files {
				want, ok := anchors.IDs(f.Path)
				if !ok {
					continue
				}
				seen++
				got := pageIDs(string(f.Data))
				// What a versioned site shows of a role depends on the
				// earlier versions: Anchors lets a link to either pass.
				for _, maybe := range []string{"history", "for-you"} {
					if !slices.Contains(got, maybe) {
						want = slices.DeleteFunc(slices.Clone(want), func(id string) bool { return id == maybe })
					}
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s: the page has ids\n  %q\nthe checks know\n  %q", f.Path, got, want)
				}
			}
			h := checked.Handbook
			if pages := len(h.Roles) + len(h.Workflows) + len(h.Policies) + len(h.Pages) + 4; seen < pages {
				t.Errorf("the checks know the ids of %d pages, want at least %d", seen, pages)
			}
		})
	}
}

// anchorsOf is what the checks know of the ids of the checked handbook's pages.
func anchorsOf(c *generator.Checked) *validate.Anchors {
	h := c.Handbook
	docs := validate.MarkdownDocs(h)
	scan := validate.Scan(markdown.New(markdown.Options{RawHTML: h.Meta.Markdown.RawHTML}))
	found := make([]markdown.Scanned, len(docs))
	for i, d := range docs {
		found[i] = scan(d)
	}
	return validate.NewAnchors(h, links.NewTable(h), docs, found)
}

var idAttr = regexp.MustCompile(`\sid="([^"]*)"`)

// pageIDs are the ids of an HTML page, sorted, each once.
func pageIDs(page string) []string {
	var ids []string
	for _, m := range idAttr.FindAllStringSubmatch(page, -1) {
		ids = append(ids, html.UnescapeString(m[1]))
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

func mapFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, text := range files {
		m[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return m
}

// TestAnchors_lookup: what a page has, for each kind of page.
func TestAnchors_lookup(t *testing.T) {
	full := map[string]string{}
	for k, v := range testhb.Mini {
		full[k] = v
	}
	for k, v := range anchorsFull {
		full[k] = v
	}
	c := generator.Check(generator.Options{FS: mapFS(full), Name: "full", NoGraphs: true})
	if c.Diags.HasErrors() {
		t.Fatal(c.Diags.Items)
	}
	anchors := anchorsOf(c)
	tests := []struct {
		site    string
		has     []string
		hasNot  []string
		unknown bool
	}{
		{site: urls.Role("lead"), has: []string{"duties", "duties-1", "goals", "kpis", "description", "onboarding", "owns", "policies", "responsibilities", "汇率-风险", "汇率-风险-1", "main"}, hasNot: []string{"approves", "history", "for-you"}},
		{site: urls.Role("agent"), has: []string{"responsibilities", "policies"}, hasNot: []string{"duties", "description", "owns", "onboarding"}},
		{site: urls.Workflow("delivery"), has: []string{"step-build", "steps", "matrix"}, hasNot: []string{"build", "step-ship"}},
		{site: urls.Page("guide"), has: []string{"top-of-guide", "fn:1", "fnref:1"}, hasNot: []string{"guide", "all-pages"}},
		{site: urls.Pages, has: []string{"all-pages"}},
		{site: urls.Policy("quality"), has: []string{"q"}, hasNot: []string{"quality"}},
		{site: urls.Glossary, has: []string{"term-L-C", "term-信用证--1-"}, hasNot: []string{"term-L/C"}},
		{site: urls.Teams, has: []string{"team-ops", "team-outside"}},
		{site: urls.Home, has: []string{"start", "new-here", "roles-by-team"}},
		{site: urls.Roles, has: []string{"main"}, hasNot: []string{"start"}},
		{site: "assets/x.svg", unknown: true},
		{site: urls.Role("nobody"), unknown: true},
		{site: urls.RACI, unknown: true},
	}
	for _, tt := range tests {
		ids, ok := anchors.IDs(tt.site)
		if ok == tt.unknown {
			t.Errorf("IDs(%q) known = %v, want %v", tt.site, ok, !tt.unknown)
			continue
		}
		for _, id := range tt.has {
			if !slices.Contains(ids, id) {
				t.Errorf("%s: no id %q in %q", tt.site, id, ids)
			}
		}
		for _, id := range tt.hasNot {
			if slices.Contains(ids, id) {
				t.Errorf("%s: id %q, which the page does not have", tt.site, id)
			}
		}
		if !slices.IsSorted(ids) {
			t.Errorf("%s: ids not sorted: %q", tt.site, strings.Join(ids, " "))
		}
	}
}

// TestCompile_fragmentsAsCheck: a build, which takes each page's links and
// ids from the page's own render, reports the fragments a check does.
func TestCompile_fragmentsAsCheck(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("..", "testdata", "check", "link-fragment-*"))
	if len(dirs) == 0 {
		t.Fatal("no link-fragment cases")
	}
	for _, dir := range dirs {
		opts := generator.Options{FS: os.DirFS(dir), Name: ".", NoGraphs: true, AsOf: goldenAsOf}
		want := generator.Check(opts).Diags.Items
		_, c, _ := generator.Compile(context.Background(), opts)
		if !slices.Equal(c.Diags.Items, want) {
			t.Errorf("%s: a build reports\n  %v\na check\n  %v", dir, c.Diags.Items, want)
		}
	}
}
