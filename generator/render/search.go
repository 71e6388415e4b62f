package render

import (
	"cmp"
	"html/template"
	"slices"
	"strings"

	"github.com/accord-handbook/accord/generator/search"
	"github.com/accord-handbook/accord/generator/urls"
)

// indexDoc adds a document to the search index.
func (r *renderer) indexDoc(kind, title, url string, text ...string) {
	d := search.NewDoc(kind, title, url, strings.Join(text, " "))
	r.mu.Lock()
	r.docs = append(r.docs, d)
	r.mu.Unlock()
}

// indexBody adds a rendered Markdown body: its text before the first
// heading joins the page's own document, each heading becomes a section.
// The same text gives the reading time of source key: stripping every
// page's HTML once for both was a tenth of a large build.
func (r *renderer) indexBody(key, kind, title, url string, body template.HTML, lead ...string) {
	secs, u := search.Split(string(body)) // measures the sections' titles and texts
	chars, words := u.CJKChars, u.Words
	for _, t := range lead {
		c, w := search.ReadingUnits(t)
		chars, words = chars+c, words+w
	}
	r.mu.Lock()
	r.minutes[key] = readingMinutes(chars, words)
	r.mu.Unlock()
	first := strings.Join(lead, " ")
	rest := secs
	if len(secs) > 0 && secs[0].ID == "" {
		first += " " + secs[0].Text
		rest = secs[1:]
	}
	r.indexDoc(kind, title, url, first)
	for _, s := range rest {
		r.indexDoc("section", title+" › "+s.Title, url+"#"+s.ID, s.Text)
	}
}

func (r *renderer) searchIndex() {
	for _, t := range r.h.Terms {
		r.indexDoc("term", t.Term, urls.Glossary+"#"+anchor(t.Term), strings.Join(t.Aliases, " "), t.Definition)
	}
	// Pages were rendered in parallel: put the documents in a fixed order
	// (by kind, then page) so the index, and its ranking ties, never vary.
	slices.SortStableFunc(r.docs, func(a, b search.Doc) int {
		if c := kindRank[a.Kind] - kindRank[b.Kind]; c != 0 {
			return c
		}
		return cmp.Or(strings.Compare(a.URL, b.URL), strings.Compare(a.Title, b.Title), strings.Compare(a.Text, b.Text))
	})
	idx := search.Build(r.docs)
	r.add(urls.SearchIndex, idx.JS)
	r.stats.SearchDocs, r.stats.SearchTerms, r.stats.SearchBytes = idx.Docs, idx.Terms, len(idx.JS)
	r.execute("search", r.page("search", urls.Search, r.t["search"], r.home2crumbs("search", ""), nil))
}

var kindRank = map[string]int{"role": 0, "workflow": 1, "step": 2, "policy": 3, "page": 4, "section": 5, "term": 6}
