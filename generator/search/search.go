// Package search builds the site's search index in Go: documents (a page,
// a section of a page, a workflow step, a glossary term) go in, a compact
// JavaScript file comes out that search.js loads with a <script> tag, so
// search works offline and from file:// where fetch() is refused.
package search

import (
	"errors"
	"io"
	"iter"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Doc is one searchable unit.
type Doc struct {
	Kind  string // role, workflow, step, policy, page, term, section
	Title string
	URL   string // site path, with #fragment for sections and steps
	Text  string // plain text; aliases of a term belong here

	// ready says that Text is DocText's already (NewDoc made the
	// document), so Build need not squash and clip it again.
	ready bool
}

// NewDoc is the document of text, as the index keeps it (DocText). Callers
// that hold many documents until Build make them so: they hold no more
// than the index will, and Build takes their text as it is, which is then
// not to be changed.
func NewDoc(kind, title, url, text string) Doc {
	return Doc{Kind: kind, Title: title, URL: url, Text: DocText(text), ready: true}
}

// Doc is the document of the section's text, as NewDoc would make it, with
// kind, title and url. The text of a Section that Split (or Sections) made
// is squashed already, so it is only clipped: squashing checks every byte,
// and sections are most of a site's text.
func (s Section) Doc(kind, title, url string) Doc {
	return Doc{Kind: kind, Title: title, URL: url, Text: strings.Clone(clip(s.Text, MaxText)), ready: true}
}

// MaxText caps the text kept per document: enough to verify a match and
// show it highlighted, while keeping the index a fraction of the site.
const MaxText = 1200

// DocText is the text of a document as the index keeps it: white space
// squashed, clipped to MaxText, in a string of its own (not a part of the
// page it was cut from). Build does the same to the text of documents that
// NewDoc did not make.
func DocText(text string) string { return strings.Clone(clip(squash(text), MaxText)) }

// Index is the built index.
type Index struct {
	JS    []byte // the index, from Build; nil from BuildTo
	Size  int    // its length in bytes
	Docs  int
	Terms int
}

// Build indexes docs into memory: BuildTo into a buffer, for tests and
// tools that want the index as bytes.
func Build(docs []Doc) Index {
	var b buffer
	idx, _ := build(docs, &b) // writing to memory cannot fail
	idx.JS = b.b[:idx.Size:idx.Size]
	return idx
}

// buffer is an io.WriterAt in memory.
type buffer struct {
	mu sync.Mutex
	b  []byte
}

func (b *buffer) WriteAt(p []byte, off int64) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if end := int(off) + len(p); end > len(b.b) {
		b.b = append(b.b, make([]byte, end-len(b.b))...)
	}
	copy(b.b[off:], p)
	return len(p), nil
}

// BuildTo writes the index of docs into dst from offset 0 without holding
// it whole: a build writes it straight to its file, the largest of a large
// site. Each writer goroutine writes its part at its offset through a
// small buffer of its own, so the writes run in parallel. dst is written
// at disjoint offsets from several goroutines at once (os.File's WriteAt
// may be), and the index ends at Index.Size; JS is nil. Postings are
// document numbers, delta-encoded in base 36 and joined by commas: short,
// and cheap to decode in the browser.
func BuildTo(dst io.WriterAt, docs []Doc) (Index, error) {
	if dst == nil {
		return Index{}, errors.New("search: BuildTo needs a destination")
	}
	return build(docs, dst)
}

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

// part is what indexing a range of documents gives: the range's terms,
// sorted, and the size of its documents and of its terms as JSON (each
// document and term with a comma).
type part struct {
	tab                 *table // the postings
	terms               []term
	docsSize, termsSize int
}

// indexRange indexes docs[from:to]: it fills out and plain for them and
// makes their part.
func indexRange(docs []Doc, out [][4]string, plain []uint8, from, to int) *part {
	t := newTable()
	size := 0
	for i := from; i < to; i++ {
		d := docs[i]
		text := d.Text
		if !d.ready {
			text = clip(squash(text), MaxText)
		}
		out[i] = [4]string{d.Kind, d.Title, d.URL, text}
		t.doc = int32(i)
		// Tokenising title and text (apart: the space between them only
		// separated tokens) tells whether they need JSON escaping; kind and
		// URL are measured.
		if t.add(d.Title) {
			plain[i] |= 1 << 1
		}
		if t.add(text) {
			plain[i] |= 1 << 3
		}
		for j, f := range out[i] {
			n := len(f) + 2
			if j == 0 || j == 2 {
				if n = jsonLen(f); n == len(f)+2 {
					plain[i] |= 1 << j
				}
			} else if plain[i]&(1<<j) == 0 {
				n = jsonLen(f)
			}
			size += n + 1
		}
		size += 2
	}
	p := &part{tab: t, terms: t.terms(), docsSize: size}
	for i, tm := range p.terms {
		n := jsonLen(tm.text)
		p.terms[i].plain = n == len(tm.text)+2
		p.terms[i].size = int32(n + 4 + postingsLen(t.toks[tm.id].count, to-from, to)) // n: the quoted term; ':', '"', '"', ','
		p.termsSize += int(p.terms[i].size)
	}
	return p
}

// postingsLen bounds the length of n > 0 postings of documents below to,
// in a range of r documents, with the commas between them: reading them
// all to measure them was as long as writing them. The first
// is a delta from 0 or from a document of an earlier range, below to; the
// n-1 others are deltas of at least 1 that add up to less than r, so fewer
// than r/36^k of them have more than k digits.
func postingsLen(n int32, r, to int) int {
	size := base36Len(int32(to)) + 2*(int(n)-1)
	for p := 36; p <= r; p *= 36 {
		size += min(int(n)-1, r/p)
	}
	return size
}

// table holds the postings of the tokens of a range of documents. The
// key tables give a token's number: a token already seen costs one
// look-up. Most tokens fit in a uint64 (CJK pairs by cjkKey, words of up
// to 8 bytes by shortKey), and a table keyed by an integer costs a
// fraction of a map keyed by a string: hashing and comparing strings were
// most of the index's CPU.
//
// A token's postings are a chain of blocks in an arena of fixed-size
// chunks, each block twice the size of the one before (up to maxBlock),
// with the place of the next block in its last slot. A slice per token,
// grown by append, allocated several times what the index holds; counting the
// postings first, to lay them out in one array, needs a list of them as
// long as that array beside it, and the build's peak memory is here. The
// arena is never copied, and holds little more than the postings.
type table struct {
	cjk   *keyTable        // CJK tokens, by cjkKey
	short *keyTable        // words of up to 8 bytes, by shortKey
	long  map[string]int32 // longer words
	arena [][]int32        // chunks of chunkLen
	used  int              // slots used in the last chunk
	toks  []tok            // by token number
	doc   int32            // the document being added
	buf   []byte           // eachTerm's
	fn    func(word []byte, cjk uint64)
	nt    func() int32 // newTerm
}

// tok is where a token's postings are. What posting a token touches is in
// one struct, in one line of the CPU's cache: five arrays were five lines.
type tok struct {
	// last is the last document posted. A document's tokens come in a
	// row, so "already posted for this document" is "the last posting is
	// this document": no set per document.
	last  int32
	count int32 // postings
	head  int32 // where the first block starts
	next  int32 // where the next posting goes
	end   int32 // the end of the last block: the slot of the next one's place
}

// chunkLen is the length of the arena's chunks (256 KB), and maxBlock the
// largest block: a block ends a chunk's room at most, and a long list of
// postings takes a slot in maxBlock+1 for the chain.
const chunkLen, maxBlock = 1 << 16, 256

func newTable() *table {
	t := &table{cjk: newKeyTable(), short: newKeyTable(), long: map[string]int32{}}
	t.fn, t.nt = t.post, t.newTerm // bound once, not per token
	return t
}

// add posts the tokens of s for t.doc, and says whether s is plain (needs
// no JSON escaping).
func (t *table) add(s string) (plain bool) {
	t.buf, plain = eachTerm(s, t.buf, t.fn)
	return plain
}

// post posts a token for t.doc.
func (t *table) post(word []byte, cjk uint64) {
	var i int32
	switch {
	case cjk != 0:
		i = t.cjk.termOf(cjk, t.nt)
	case len(word) <= 8:
		i = t.short.termOf(shortKey(word), t.nt)
	default:
		var ok bool
		if i, ok = t.long[string(word)]; !ok {
			i = t.newTerm()
			t.long[string(word)] = i
		}
	}
	k := &t.toks[i]
	if k.last == t.doc {
		return
	}
	k.last = t.doc
	if k.next == k.end {
		t.block(k)
	}
	p := k.next
	t.arena[p/chunkLen][p%chunkLen] = t.doc
	k.next = p + 1
	k.count++
}

// blockLen is the length of the block that follows a token's first n
// postings: 4, 8, 16 and so on, to maxBlock.
func blockLen(n int32) int32 { return min(n+4, maxBlock) }

// block starts a new block of k's postings.
func (t *table) block(k *tok) {
	n := blockLen(k.count)
	if len(t.arena) == 0 || t.used+int(n)+1 > chunkLen {
		t.arena, t.used = append(t.arena, make([]int32, chunkLen)), 0
	}
	p := int32((len(t.arena)-1)*chunkLen + t.used)
	t.used += int(n) + 1
	if k.count == 0 {
		k.head = p
	} else {
		t.arena[k.end/chunkLen][k.end%chunkLen] = p
	}
	k.next, k.end = p, p+n
}

func (t *table) newTerm() int32 {
	// No document yet; next == end: the first posting starts a block.
	t.toks = append(t.toks, tok{last: -1})
	return int32(len(t.toks) - 1)
}

// postings yields the postings of token i, in order, a block at a time.
func (t *table) postings(i int32) iter.Seq[[]int32] {
	return func(yield func([]int32) bool) {
		p, done, count := t.toks[i].head, int32(0), t.toks[i].count
		for done < count {
			n := blockLen(done)
			c := t.arena[p/chunkLen][p%chunkLen:]
			k := min(n, count-done)
			if !yield(c[:k]) {
				return
			}
			done += k
			p = c[n] // the next block's place; read only if there is one
		}
	}
}

// shortKey packs a word of up to 8 bytes into a uint64, its first byte
// lowest. Words have no zero bytes, so the padding tells the length.
func shortKey(w []byte) uint64 {
	var k uint64
	for j, c := range w {
		k |= uint64(c) << (8 * j)
	}
	return k
}

// shortWord is the word of shortKey k.
func shortWord(k uint64) string {
	var b [8]byte
	n := 0
	for ; k != 0; k >>= 8 {
		b[n] = byte(k)
		n++
	}
	return string(b[:n])
}

// term is a token of the index.
type term struct {
	text  string
	plain bool  // needs no JSON escaping
	id    int32 // its number in the table
	size  int32 // a bound of its length in the index, with a comma
}

// terms lists t's tokens, sorted as strings. The
// strings of the tokens keyed by integers are made here, once each.
func (t *table) terms() []term {
	out := make([]term, 0, len(t.toks))
	for k, i := range t.cjk.all() {
		out = append(out, term{text: cjkTerm(k), id: i})
	}
	for k, i := range t.short.all() {
		out = append(out, term{text: shortWord(k), id: i})
	}
	for w, i := range t.long {
		out = append(out, term{text: w, id: i})
	}
	slices.SortFunc(out, func(a, b term) int { return strings.Compare(a.text, b.text) })
	return out
}

// jsonLen is the length of appendJSONString's output for s.
func jsonLen(s string) int {
	n := 2
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f':
				n += 2
			case c < 0x20 || c == '<' || c == '>' || c == '&':
				n += 6 // \u00XX
			default:
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			n += 6 // \ufffd
		case r == '\u2028' || r == '\u2029':
			n += 6
		default:
			n += size
		}
		i += size
	}
	return n
}

// base36Len is the number of base-36 digits of n >= 0.
func base36Len(n int32) int {
	d := 1
	for n >= 36 {
		n /= 36
		d++
	}
	return d
}

// appendJSONString appends s as encoding/json writes it; plain says that s
// needs no escaping (jsonLen(s) == len(s)+2). Tokens are letters and
// digits, so the fast path is the rule. Escaping is written here, not by
// json.Marshal, which took its reflection and a copy for every string that
// needs it: a tenth of the time to write a Chinese handbook's index. It
// escapes what encoding/json escapes (jsonLen's list), as it does.
func appendJSONString(b []byte, s string, plain bool) []byte {
	b = append(b, '"')
	if plain {
		b = append(b, s...)
		return append(b, '"')
	}
	const hex = "0123456789abcdef"
	start := 0 // of the bytes not yet appended
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			start = i + size
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			start = i + size
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendBase36 is strconv.AppendInt(b, int64(n), 36) for n >= 0. Postings
// are millions of deltas of one or two digits: the general conversion was
// most of writing them.
func appendBase36(b []byte, n int32) []byte {
	const digits = "0123456789abcdefghijklmnopqrstuvwxyz"
	if n < 36 {
		return append(b, digits[n])
	}
	var d [6]byte // 36^6 > 2^31
	i := len(d)
	for n > 0 {
		i--
		d[i] = digits[n%36]
		n /= 36
	}
	return append(b, d[i:]...)
}

// squash collapses runs of white space and trims it at both ends: the
// fields of strings.Fields joined by one space, in one pass.
func squash(s string) string {
	if squashed(s) {
		return s // the common case: text that Text already squashed
	}
	var b strings.Builder
	b.Grow(len(s))
	appendFields(&b, s)
	return b.String()
}

// squashed reports whether s has no white space but single ASCII spaces
// between non-space characters. It looks at bytes: in UTF-8, the non-ASCII
// white space of unicode.IsSpace (U+0085, U+00A0, U+1680, U+2000-U+200A,
// U+2028, U+2029, U+202F, U+205F, U+3000) starts with 0xC2, 0xE1, 0xE2 or
// 0xE3, and only runes starting so are decoded: other bytes, Chinese text
// (0xE4-0xE9) among them, are skipped by a look-up each.
func squashed(s string) bool {
	prevSpace := true // a leading space is not squashed
	for i := 0; i < len(s); {
		// Skip what cannot be white space, byte by byte in a tight loop:
		// most of the text.
		j := i
		for j < len(s) && !maybeSpace[s[j]] {
			j++
		}
		if j > i {
			prevSpace, i = false, j
			continue
		}
		switch c := s[i]; {
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
			i++
		case c < utf8.RuneSelf:
			return false // other ASCII white space
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			prevSpace = false
			i += n
		}
	}
	return !prevSpace || len(s) == 0
}

// maybeSpace tells the bytes that are ASCII white space or may start a
// rune that is (see squashed).
var maybeSpace = [256]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true, 0xC2: true, 0xE1: true, 0xE2: true, 0xE3: true}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// clip cuts s after n runes, marking the cut with an ellipsis. It is
// string([]rune(s)[:n]) + "…" when s has more than n runes (so an invalid
// byte counts as a rune and, if kept, becomes U+FFFD), without converting a
// page's text to cut its start.
func clip(s string, n int) string {
	if len(s) <= n {
		return s // no more runes than bytes
	}
	for i := range s {
		if n == 0 {
			if head := s[:i]; !utf8.ValidString(head) {
				return string([]rune(head)) + "…"
			}
			return s[:i] + "…"
		}
		n--
	}
	return s
}
