package render

import (
	"cmp"
	"errors"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/accord-handbook/accord/generator/search"
	"github.com/accord-handbook/accord/generator/site"
	"github.com/accord-handbook/accord/generator/urls"
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

// TestWriteIndex: the index is streamed to the file it makes, the same
// bytes as the index built in memory; a file that cannot be made or
// written is the render's error.
func TestWriteIndex(t *testing.T) {
	var docs []search.Doc
	for i := range 3000 { // enough for several writers
		docs = append(docs, search.NewDoc("page", "Title "+strconv.Itoa(i), "p/"+strconv.Itoa(i)+".html", strings.Repeat("word"+strconv.Itoa(i%97)+" 信用证 ", 40)))
	}
	want := search.Build(docs)

	f := &memFile{}
	out := &fakeOutput{file: f}
	r := &renderer{out: out, docs: docs}
	idx := r.writeIndex()
	if err := r.err(); err != nil || len(out.created) != 1 || out.created[0] != urls.SearchIndex || !f.closed {
		t.Fatalf("error %v, created %q, closed %v", err, out.created, f.closed)
	}
	if string(f.b) != string(want.JS) || idx.Size != want.Size || idx.Docs != want.Docs || idx.Terms != want.Terms {
		t.Errorf("streamed index (%d bytes, %d docs, %d terms) differs from Build's (%d, %d, %d)", len(f.b), idx.Docs, idx.Terms, want.Size, want.Docs, want.Terms)
	}

	r = &renderer{out: &fakeOutput{err: errors.New("no room")}, docs: docs}
	r.writeIndex()
	f = &memFile{fail: true}
	r2 := &renderer{out: &fakeOutput{file: f}, docs: docs}
	r2.writeIndex()
	err, err2 := r.err(), r2.err()
	if err == nil || err.Error() != "writing _accord/search-index.js: no room" ||
		err2 == nil || err2.Error() != "writing _accord/search-index.js: disk full" || !f.closed {
		t.Errorf("failed CreateFile: %v; failed write: %v (closed %v)", err, err2, f.closed)
	}
}

// fakeOutput hands out one file, or an error, and refuses Add.
type fakeOutput struct {
	file    *memFile
	err     error
	created []string
}

func (o *fakeOutput) Add(site.File) error { return errors.New("Add called") }

func (o *fakeOutput) CreateFile(p string) (site.OutFile, error) {
	o.created = append(o.created, p)
	if o.err != nil {
		return nil, o.err
	}
	return o.file, nil
}

// memFile is an OutFile in memory.
type memFile struct {
	mu     sync.Mutex
	b      []byte
	fail   bool
	closed bool
}

func (f *memFile) WriteAt(p []byte, off int64) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail {
		return 0, errors.New("disk full")
	}
	if end := int(off) + len(p); end > len(f.b) {
		f.b = append(f.b, make([]byte, end-len(f.b))...)
	}
	copy(f.b[off:], p)
	return len(p), nil
}

func (f *memFile) Close() error {
	f.closed = true
	return nil
}
