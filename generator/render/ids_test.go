package render_test

import (
	"context"
	"io/fs"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/markdown"
	"github.com/accord-handbook/accord/internal/testhb"
	"github.com/accord-handbook/accord/templates"
)

var idAttr = regexp.MustCompile(` id="([^"]*)"`)

// compileMini compiles testhb.Mini with more files, without graphs.
func compileMini(t *testing.T, more map[string]string) map[string]string {
	t.Helper()
	m := fstest.MapFS{}
	for name, text := range testhb.Mini {
		m[name] = &fstest.MapFile{Data: []byte(text)}
	}
	for name, text := range more {
		m[name] = &fstest.MapFile{Data: []byte(text)}
	}
	files, _, err := generator.Compile(context.Background(), generator.Options{FS: m, Name: "mini", NoGraphs: true})
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]string{}
	for _, f := range files {
		pages[f.Path] = string(f.Data)
	}
	return pages
}

// TestReservedIDs_coverPagesWithMarkdown: every id accord writes on a page
// that shows Markdown (a role's, a policy's, a free page, the index of
// pages) is one markdown.IsReservedID refuses to headings, so that no
// heading can repeat it. The Markdown here has no headings: every id on
// these pages is accord's.
func TestReservedIDs_coverPagesWithMarkdown(t *testing.T) {
	pages := compileMini(t, map[string]string{
		"roles/lead.md":  "Leads the team.\n",
		"pages/guide.md": "+++\ntitle = \"Guide\"\n+++\n\nHow we work.\n",
	})
	for _, p := range []string{"roles/lead.html", "roles/engineer.html", "policies/quality.html", "pages/index.html", "pages/guide.html"} {
		html, ok := pages[p]
		if !ok {
			t.Fatalf("no %s", p)
		}
		for _, m := range idAttr.FindAllStringSubmatch(html, -1) {
			if !markdown.IsReservedID(m[1]) {
				t.Errorf("%s: id %q is not reserved: a heading could take it", p, m[1])
			}
		}
	}
	// What this handbook does not show: a role's history in a versioned
	// site, a section left empty here. Every literal id of the templates
	// of pages with Markdown.
	for _, name := range []string{"chrome.html", "role.html", "policy.html", "version-parts.html"} {
		b, err := fs.ReadFile(templates.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range idAttr.FindAllStringSubmatch(string(b), -1) {
			if !strings.Contains(m[1], "{{") && !markdown.IsReservedID(m[1]) {
				t.Errorf("templates/%s: id %q is not reserved", name, m[1])
			}
		}
	}
}

// TestReservedIDs_headingsRenamed: a heading whose text makes an id of
// accord's page gets a suffix; the page has each id once.
func TestReservedIDs_headingsRenamed(t *testing.T) {
	pages := compileMini(t, map[string]string{
		"roles/lead.md":  "## Duties\n\nMore than the list.\n\n## Goals\n",
		"pages/guide.md": "+++\ntitle = \"Guide\"\n+++\n\n# Main\n\n## Q results\n",
	})
	for p, want := range map[string][]string{
		"roles/lead.html":  {"duties-1", "goals-1"},
		"pages/guide.html": {"main-1", "q-results-1"},
	} {
		seen := map[string]int{}
		for _, m := range idAttr.FindAllStringSubmatch(pages[p], -1) {
			seen[m[1]]++
		}
		for id, n := range seen {
			if n > 1 {
				t.Errorf("%s: id %q %d times", p, id, n)
			}
		}
		for _, id := range want {
			if seen[id] != 1 {
				t.Errorf("%s: no heading with id %q; ids: %v", p, id, seen)
			}
		}
	}
}

// TestPrintPages_idsOnceLinksLand: the print pages gather several pages,
// each with its own ids (role sections, footnotes, headings that repeat
// from page to page); on each print page every id is there once and every
// in-page link lands on one.
func TestPrintPages_idsOnceLinksLand(t *testing.T) {
	body := "## Setup\n\nSee [setup](#setup) and a note.[^1]\n\n[^1]: The note.\n"
	pages := compileMini(t, map[string]string{
		"roles/lead.md":     body,
		"roles/engineer.md": body,
		"pages/guide.md":    "+++\ntitle = \"Guide\"\n+++\n\n" + body,
		"roles/engineer.toml": testhb.Mini["roles/engineer.toml"] +
			"onboarding = [\"roles/engineer\", \"pages/guide\", \"roles/lead\"]\n",
	})
	for _, p := range []string{"print/handbook.html", "print/engineer.html", "print/lead.html"} {
		html, ok := pages[p]
		if !ok {
			t.Fatalf("no %s", p)
		}
		ids, links := idsAndLinks(t, html)
		for id, n := range ids {
			if n > 1 {
				t.Errorf("%s: id %q %d times", p, id, n)
			}
		}
		for _, l := range links {
			if ids[l] == 0 {
				t.Errorf("%s: link to #%s, which is not on the page", p, l)
			}
		}
		if ids["roles/lead:setup"] != 1 || ids["roles/lead:fn:1"] != 1 {
			t.Errorf("%s: ids not scoped by their section: %v", p, ids)
		}
	}
}

// idsAndLinks returns how many times each id is on an HTML page, and the
// ids its in-page links name.
func idsAndLinks(t *testing.T, page string) (map[string]int, []string) {
	t.Helper()
	ids := map[string]int{}
	var links []string
	z := html.NewTokenizer(strings.NewReader(page))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		for _, a := range z.Token().Attr {
			switch {
			case a.Key == "id":
				ids[a.Val]++
			case a.Key == "href" && strings.HasPrefix(a.Val, "#"):
				id, err := url.PathUnescape(a.Val[1:])
				if err != nil {
					t.Fatal(err)
				}
				links = append(links, id)
			}
		}
	}
	return ids, links
}
