package render

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator/search"
)

// TestSortDocs: sortDocs (halves sorted apart and merged, unstable) puts
// documents in the order of the stable sort by kind rank, URL, title and
// text it replaced, with ties (the same document twice) and kinds of no
// rank, for any order they were added in.
func TestSortDocs(t *testing.T) {
	rank := map[string]int{"role": 0, "workflow": 1, "step": 2, "policy": 3, "page": 4, "section": 5, "term": 6}
	ref := func(docs []search.Doc) {
		slices.SortStableFunc(docs, func(a, b search.Doc) int {
			ra, oka := rank[a.Kind]
			rb, okb := rank[b.Kind]
			if !oka {
				ra = 7
			}
			if !okb {
				rb = 7
			}
			return cmp.Or(ra-rb, strings.Compare(a.URL, b.URL), strings.Compare(a.Title, b.Title), strings.Compare(a.Text, b.Text), strings.Compare(a.Kind, b.Kind))
		})
	}
	r := rand.New(rand.NewPCG(1, 2))
	kinds := []string{"role", "workflow", "step", "policy", "page", "section", "term", "other", "x"}
	for _, n := range []int{0, 1, 7, 2047, 2048, 5001} {
		var docs []search.Doc
		for range n {
			d := search.NewDoc(kinds[r.IntN(len(kinds))], strconv.Itoa(r.IntN(3)), "p/"+strconv.Itoa(r.IntN(n/4+1)), strconv.Itoa(r.IntN(3)))
			docs = append(docs, d)
			if r.IntN(10) == 0 {
				docs = append(docs, d)
			}
		}
		want := slices.Clone(docs)
		ref(want)
		r.Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
		sortDocs(docs)
		if !slices.Equal(docs, want) {
			t.Fatalf("%d documents: sortDocs gives another order than the stable sort", len(docs))
		}
	}
}
