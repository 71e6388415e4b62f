package render

import (
	"testing"

	"github.com/accord-handbook/accord/generator/model"
)

// TestPageItems: a folder's pages come under an item of the folder, its
// index page when it has one, so that they do not read as children of the
// page before them.
func TestPageItems(t *testing.T) {
	var pages []*model.Page
	for _, p := range []string{"faq", "guide/index", "guide/one", "index", "runbooks/a", "runbooks/deep/b", "zeta", "zeta/x"} {
		pages = append(pages, &model.Page{Path: p, Title: "T " + p})
	}
	got := ""
	for _, it := range pageItems(pages) {
		got += string(rune('0'+it.Depth)) + " " + it.Title + " " + it.URL + "\n"
	}
	want := `0 T faq pages/faq.html
0 T guide/index pages/guide/index.html
1 T guide/one pages/guide/one.html
0 runbooks 
1 T runbooks/a pages/runbooks/a.html
1 deep 
2 T runbooks/deep/b pages/runbooks/deep/b.html
0 T zeta pages/zeta.html
1 T zeta/x pages/zeta/x.html
`
	if got != want {
		t.Errorf("items:\n%s\nwant:\n%s", got, want)
	}
}
