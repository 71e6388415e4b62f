package render

import (
	"html/template"
	"slices"
	"strings"
	"sync"

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
	docs := make([]search.Doc, len(rest))
	for i, s := range rest {
		docs[i] = s.Doc("section", title+" › "+s.Title, url+"#"+s.ID)
	}
	r.mu.Lock()
	r.docs = append(r.docs, docs...)
	r.mu.Unlock()
}

func (r *renderer) searchIndex() {
	for _, t := range r.h.Terms {
		r.indexDoc("term", t.Term, urls.Glossary+"#"+urls.TermID(t.Term), strings.Join(t.Aliases, " "), t.Definition)
	}
	sortDocs(r.docs)
	idx := r.writeIndex()
	r.stats.SearchDocs, r.stats.SearchTerms, r.stats.SearchBytes = idx.Docs, idx.Terms, idx.Size
	r.execute("search", r.page("search", urls.Search, r.t["search"], r.home2crumbs("search", ""), nil))
}

// writeIndex builds the search index of r.docs and writes it straight to
// its file, in parallel, never whole in memory: it is the largest file of
// a large site.
func (r *renderer) writeIndex() search.Index {
	f, err := r.out.CreateFile(urls.SearchIndex)
	if err != nil {
		r.failWrite(urls.SearchIndex, err)
		return search.Index{}
	}
	idx, err := search.BuildTo(f, r.docs)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		r.failWrite(urls.SearchIndex, err)
	}
	return idx
}

// sortDocs puts docs in a fixed order, by kind, then URL, title and text:
// pages were rendered in parallel, and the index, and its ranking ties,
// must never vary. Documents that compare equal are equal in every field,
// so an unstable sort gives the same order as a stable one would. It is
// a serial step of the build's tail, so each half is sorted on a CPU of
// its own and the halves merged.
func sortDocs(docs []search.Doc) {
	if len(docs) < 2048 {
		slices.SortFunc(docs, compareDocs)
		return
	}
	a, b := docs[:len(docs)/2], docs[len(docs)/2:]
	var wg sync.WaitGroup
	wg.Go(func() { slices.SortFunc(a, compareDocs) })
	slices.SortFunc(b, compareDocs)
	wg.Wait()
	a = slices.Clone(a) // docs is written over from the start
	i, j, k := 0, 0, 0
	for i < len(a) && j < len(b) {
		if compareDocs(b[j], a[i]) < 0 {
			docs[k] = b[j]
			j++
		} else {
			docs[k] = a[i]
			i++
		}
		k++
	}
	copy(docs[k:], a[i:]) // what remains of b is in place
}

// compareDocs orders documents by kind (kindRank), URL, title, text. The
// strings are compared one after the other only on ties: most documents
// differ by URL, and their texts are megabytes the CPU need not read.
func compareDocs(a, b search.Doc) int {
	if c := kindRank(a.Kind) - kindRank(b.Kind); c != 0 {
		return c
	}
	if c := strings.Compare(a.URL, b.URL); c != 0 {
		return c
	}
	if c := strings.Compare(a.Title, b.Title); c != 0 {
		return c
	}
	if c := strings.Compare(a.Text, b.Text); c != 0 {
		return c
	}
	return strings.Compare(a.Kind, b.Kind) // kinds of no rank
}

// kindRank is the rank of a kind of document in the index: a switch, not
// a map, since the sort asks it twice a comparison.
func kindRank(kind string) int {
	switch kind {
	case "role":
		return 0
	case "workflow":
		return 1
	case "step":
		return 2
	case "policy":
		return 3
	case "page":
		return 4
	case "section":
		return 5
	case "term":
		return 6
	}
	return 7
}
