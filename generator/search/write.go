package search

import (
	"io"
	"runtime"
	"slices"
	"sort"
	"sync"
)

// chunk is the size of the buffer through which BuildTo's writers write:
// large enough that a write's call is nothing beside its copy, small
// enough to stay in the CPU's cache between the two.
const chunk = 128 << 10

// build is BuildTo.
//
// It is the last, serial step of a build (the rest of the site is written
// by then), so it runs in parallel as much as it can: contiguous ranges of
// documents are indexed one per CPU, each range sorting its own terms and
// measuring its part of the output; then the documents of each range and
// the terms (the ranges' sorted lists merged) are written at once, each
// into its own place of dst.
func build(docs []Doc, dst io.WriterAt) (Index, error) {
	out := make([][4]string, len(docs))
	plain := make([]uint8, len(docs)) // bit j: field j of out needs no escaping
	n := min(runtime.GOMAXPROCS(0), max(1, len(docs)/512))
	parts := make([]*part, n)
	bounds := split(docs, n)
	var wg sync.WaitGroup
	for k := range n {
		wg.Go(func() { parts[k] = indexRange(docs, out, plain, bounds[k], bounds[k+1]) })
	}
	wg.Wait()

	// The index is written directly rather than through json.Marshal,
	// whose result and pooled buffer would be two more copies. The
	// documents' part is measured exactly, so each range knows where its
	// documents go. The terms' part is measured per range: a term of
	// several ranges is written once, and its first posting in a range is
	// a delta from its last in the previous one, never longer than from 0,
	// so the sum is a bound (over by a few hundred KB of repeated term
	// strings), and the index is cut where the terms end.
	const head, mid, tail = "window.ACCORD_SEARCH={\"v\":1,\"docs\":[", "],\"terms\":{", "}};\n"
	var errs firstErr
	errs.writeAt(dst, []byte(head), 0)
	at := len(head)
	for k, p := range parts {
		if k == 0 && p.docsSize > 0 {
			p.docsSize-- // no comma before the first document
		}
		from, to, size := bounds[k], bounds[k+1], p.docsSize
		off := int64(at)
		wg.Go(func() {
			errs.set(writeDocs(make([]byte, 0, chunk+chunk/8), dst, off, size, out[from:to], plain[from:to], from))
		})
		at += size
	}
	errs.writeAt(dst, []byte(mid), int64(at))
	at += len(mid)
	// The terms are written in n pieces, cut at terms of the first range,
	// beside the documents. Each goes into a buffer of its own, one byte
	// in (room for the comma before it), and is written where it belongs
	// once the ends of those before it are known.
	cuts := cutTerms(parts, n)
	start, ends, counts := make([]int, n+1), make([]int, n), make([]int, n)
	pieces := make([][]byte, n)
	start[0] = at
	for j := range n {
		start[j+1] = start[j]
		for k, p := range parts {
			for _, t := range p.terms[cuts[j][k]:cuts[j+1][k]] {
				start[j+1] += int(t.size)
			}
		}
		bound := start[j+1] - start[j]
		pieces[j] = make([]byte, 1+bound)
		w := pieces[j][1 : 1 : 1+bound] // a piece that outgrows its bound panics
		wg.Go(func() { ends[j], counts[j] = writeTerms(w, parts, cuts[j], cuts[j+1]) })
	}
	wg.Wait()
	nterms := 0
	for j := range n {
		if ends[j] == 0 {
			continue
		}
		// A comma goes before a piece that follows terms.
		comma := min(at-start[0], 1)
		piece := pieces[j][1-comma : 1+ends[j]]
		if comma > 0 {
			piece[0] = ','
		}
		off := int64(at)
		wg.Go(func() { errs.writeAt(dst, piece, off) })
		at += comma + ends[j]
		nterms += counts[j]
	}
	errs.writeAt(dst, []byte(tail), int64(at))
	at += len(tail)
	wg.Wait()
	if errs.err != nil {
		return Index{}, errs.err
	}
	return Index{Size: at, Docs: len(docs), Terms: nterms}, nil
}

// firstErr keeps the first error of BuildTo's writers.
type firstErr struct {
	mu  sync.Mutex
	err error
}

func (e *firstErr) set(err error) {
	if err == nil {
		return
	}
	e.mu.Lock()
	if e.err == nil {
		e.err = err
	}
	e.mu.Unlock()
}

// writeAt writes b whole at off, keeping the error. A WriterAt returns an
// error when it writes less than asked.
func (e *firstErr) writeAt(dst io.WriterAt, b []byte, off int64) {
	_, err := dst.WriteAt(b, off)
	e.set(err)
}

// cutTerms cuts the terms of parts in m pieces of about the same size, at
// terms of the first part: it returns m+1 cuts, each the index in each
// part's terms where a piece starts (the last: where the terms end).
func cutTerms(parts []*part, m int) [][]int {
	total := 0
	for _, t := range parts[0].terms {
		total += int(t.size)
	}
	cuts := make([][]int, m+1)
	cuts[0] = make([]int, len(parts))
	sum, i := 0, 0
	for j := 1; j < m; j++ {
		for i < len(parts[0].terms) && sum < total*j/m {
			sum += int(parts[0].terms[i].size)
			i++
		}
		cuts[j] = make([]int, len(parts))
		if i == len(parts[0].terms) {
			for k, p := range parts {
				cuts[j][k] = len(p.terms)
			}
			continue
		}
		pivot := parts[0].terms[i].text
		for k, p := range parts {
			cuts[j][k] = sort.Search(len(p.terms), func(x int) bool { return p.terms[x].text >= pivot })
		}
	}
	cuts[m] = make([]int, len(parts))
	for k, p := range parts {
		cuts[m][k] = len(p.terms)
	}
	return cuts
}

// split cuts docs into n ranges of about as much text each: the time to
// index a document goes with its text, and a range is done when its last
// document is, so ranges of as many documents (a page's text before its
// first heading is longer than a section's) keep a CPU waiting. It returns
// the n+1 bounds.
func split(docs []Doc, n int) []int {
	total := 0
	for _, d := range docs {
		total += len(d.Title) + min(len(d.Text), 4*MaxText) + 64
	}
	bounds := make([]int, n+1)
	k, sum := 1, 0
	for i, d := range docs {
		for k < n && sum >= total*k/n {
			bounds[k] = i
			k++
		}
		sum += len(d.Title) + min(len(d.Text), 4*MaxText) + 64
	}
	for ; k <= n; k++ {
		bounds[k] = len(docs)
	}
	return bounds
}

// writeDocs writes docs (out and plain of the documents from first on)
// as JSON arrays, size bytes of them, into dst from off through b, a
// buffer flushed whenever it holds chunk bytes or more.
func writeDocs(b []byte, dst io.WriterAt, off int64, size int, out [][4]string, plain []uint8, first int) error {
	w, total := b[:0], 0
	for i, d := range out {
		if first+i > 0 {
			w = append(w, ',')
		}
		w = append(w, '[')
		for j, f := range d {
			if j > 0 {
				w = append(w, ',')
			}
			w = appendJSONString(w, f, plain[i]&(1<<j) != 0)
		}
		w = append(w, ']')
		if len(w) >= chunk {
			if _, err := dst.WriteAt(w, off+int64(total)); err != nil {
				return err
			}
			total += len(w)
			w = w[:0]
		}
	}
	if total+len(w) != size {
		panic("search: documents measured wrong") // a bug: the index would be corrupt
	}
	if len(w) > 0 {
		_, err := dst.WriteAt(w, off+int64(total))
		return err
	}
	return nil
}

// writeTerms writes the terms of parts from the indexes from to those to,
// each part's sorted list merged in order, as JSON members into b, and
// returns the bytes written and the number of terms. A term's postings are
// the lists of the parts one after the other: the ranges of documents
// follow each other.
func writeTerms(b []byte, parts []*part, from, to []int) (end, terms int) {
	w := b[:0]
	next := slices.Clone(from) // each part's next term
	for {
		// The least term not yet written, and the parts that have it.
		var t *term
		for k, p := range parts {
			if i := next[k]; i < to[k] && (t == nil || p.terms[i].text < t.text) {
				t = &p.terms[i]
			}
		}
		if t == nil {
			break
		}
		if terms > 0 {
			w = append(w, ',')
		}
		terms++
		w = appendJSONString(w, t.text, t.plain)
		w = append(w, ':')
		// Each posting comes after a separator: the opening quote for the
		// first, a comma for the others (no test per posting).
		prev, sep := int32(0), byte('"')
		for k, p := range parts {
			i := next[k]
			if i == to[k] || p.terms[i].text != t.text {
				continue
			}
			next[k]++
			for docs := range p.tab.postings(p.terms[i].id) {
				for _, d := range docs {
					w = appendBase36(append(w, sep), d-prev)
					prev, sep = d, ','
				}
			}
		}
		w = append(w, '"')
	}
	if cap(w) != cap(b) {
		panic("search: terms measured wrong") // a bug: the index would be corrupt
	}
	return len(w), terms
}
