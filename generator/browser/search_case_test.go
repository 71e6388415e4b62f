package browser

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/accord-handbook/accord/generator/search"
	"github.com/accord-handbook/accord/internal/chrometest"
)

// TestSearch_lowerCaseAsIndexed: a query finds what the index holds when
// the page's text lower-cases differently as a whole string than letter by
// letter ("İ", a final "Σ"): its words are then checked against the
// text lower-cased as the index was. The index is built by search.Build from documents written for the case
// and handed to the site's search.js in the page.
func TestSearch_lowerCaseAsIndexed(t *testing.T) {
	chrometest.Path(t)
	base := bases(t)["http"]
	b := newBrowser(t, 800, 600)
	b.do(t,
		chromedp.Navigate(base+"index.html"),
		chromedp.Poll[chromedp.Void](`window.accordSearch && typeof window.accordSearch.search === "function"`),
	)
	idx := search.Build([]search.Doc{
		{Kind: "page", Title: "İSTANBUL ANKARA", URL: "tr.html", Text: "Offices in İSTANBUL and ANKARA"},
		{Kind: "page", Title: "ΟΔΟΣ", URL: "el.html", Text: "Η ΟΔΟΣ ΠΡΟΣ ΤΟ ΛΙΜΑΝΙ"},
		{Kind: "page", Title: "Istanbul notes", URL: "en.html", Text: "nothing about the other city"},
	})
	// The index file assigns window.ACCORD_SEARCH; search.js then takes it
	// instead of loading the site's own.
	b.do(t, chromedp.Evaluate[chromedp.Void](string(idx.JS)))
	for _, tt := range []struct {
		q    string
		want []string
	}{
		{"istanbul ankara", []string{"tr.html"}},
		{"İstanbul Ankara", []string{"tr.html"}},
		{"ΟΔΟΣ ΠΡΟΣ", []string{"el.html"}},
		{"οδοσ προσ", []string{"el.html"}},
		{"οδος προς", []string{"el.html"}}, // as a reader types it, final sigma and all
	} {
		q, _ := json.Marshal(tt.q)
		got := eval[[]string](t, b, `(function () { var out = null;
			accordSearch.search(`+string(q)+`, function (r) { out = r.map(function (x) { return x.doc[2]; }); });
			return out; })()`)
		if !slices.Equal(got, tt.want) {
			t.Errorf("search %s: %q, want %q", q, got, tt.want)
		}
	}
}
