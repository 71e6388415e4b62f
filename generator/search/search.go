// Package search builds the site's search index in Go: documents (a page,
// a section of a page, a workflow step, a glossary term) go in, a compact
// JavaScript file comes out that search.js loads with a <script> tag, so
// search works offline and from file:// where fetch() is refused.
package search

import (
	"encoding/json"
	"runtime"
	"slices"
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
	JS    []byte
	Docs  int
	Terms int
}

// Build indexes docs. Postings are document numbers, delta-encoded in base
// 36 and joined by commas: short, and cheap to decode in the browser.
func Build(docs []Doc) Index {
	out := make([][4]string, len(docs))
	plain := make([]uint8, len(docs)) // bit j: field j of out needs no escaping
	tab, size := index(docs, out, plain)
	// The index is the largest file of a big site (tens of MB): size it
	// once, and write the documents straight into it rather than through
	// json.Marshal, whose result and pooled buffer would be two more copies.
	// An estimate short of the mark doubles the buffer: 48 MB instead of
	// 24 at 5,000 pages. So the strings are measured as they will be
	// escaped, once (the documents' in index, in parallel): a string whose
	// escaped length is its own plus the quotes is written as it is.
	size += 64
	terms := tab.terms()
	for i, t := range terms {
		n := jsonLen(t.text)
		terms[i].plain = n == len(t.text)+2
		size += n + 4
		prev := int32(0)
		for _, d := range t.docs {
			size += base36Len(d-prev) + 1
			prev = d
		}
	}
	b := make([]byte, 0, size)
	b = append(b, "window.ACCORD_SEARCH={\"v\":1,\"docs\":["...)
	for i, d := range out {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		for j, f := range d {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, f, plain[i]&(1<<j) != 0)
		}
		b = append(b, ']')
	}
	b = append(b, "],\"terms\":{"...)
	for i, t := range terms {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, t.text, t.plain)
		b = append(b, ":\""...)
		prev := int32(0)
		for j, n := range t.docs {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendBase36(b, n-prev)
			prev = n
		}
		b = append(b, '"')
	}
	b = append(b, "}};\n"...)
	return Index{JS: b, Docs: len(docs), Terms: len(terms)}
}

// index fills out with each document's fields and plain with which of them
// need no JSON escaping, and returns the postings and the length of the
// fields as JSON (with a comma or bracket each). It is the CPU of a build's
// last, serial step, so contiguous ranges of documents are indexed in
// parallel, one per CPU; a token's postings are then the lists of the
// ranges one after the other, in document order.
func index(docs []Doc, out [][4]string, plain []uint8) (*table, int) {
	n := min(runtime.GOMAXPROCS(0), max(1, len(docs)/512))
	parts := make([]*table, n)
	sizes := make([]int, n)
	var wg sync.WaitGroup
	for k := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[k], sizes[k] = indexRange(docs, out, plain, k*len(docs)/n, (k+1)*len(docs)/n)
		}()
	}
	wg.Wait()
	size := 0
	for k, part := range parts {
		size += sizes[k]
		if k > 0 {
			parts[0].merge(part)
		}
	}
	return parts[0], size
}

// indexRange indexes docs[from:to].
func indexRange(docs []Doc, out [][4]string, plain []uint8, from, to int) (*table, int) {
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
	return t, size
}

// table holds the postings of the tokens of a range of documents. Postings
// live in posts, and the maps give a token's index there: a token already
// seen costs one look-up, and appending to its postings none. Most tokens
// fit in a uint64 (CJK pairs by cjkKey, words of up to 8 bytes by
// shortKey), and a table keyed by an integer costs a fraction of a map
// keyed by a string: hashing and comparing strings were most of the
// index's CPU.
type table struct {
	cjk   *keyTable        // CJK tokens, by cjkKey
	short *keyTable        // words of up to 8 bytes, by shortKey
	long  map[string]int32 // longer words
	posts [][]int32
	// last is the last document posted for each token. A document's
	// tokens come in a row, so "already posted for this document" is "the
	// last posting is this document": no set per document. It is the last
	// element of posts[i], kept apart: a small array stays in the CPU's
	// caches, the ends of a hundred thousand lists do not.
	last []int32
	doc  int32  // the document being added
	buf  []byte // eachTerm's
	fn   func(word []byte, cjk uint64)
	nt   func() int32 // newTerm
}

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
	if t.last[i] == t.doc {
		return
	}
	t.last[i] = t.doc
	t.posts[i] = append(t.posts[i], t.doc)
}

func (t *table) newTerm() int32 {
	t.posts = append(t.posts, nil)
	t.last = append(t.last, -1) // no document
	return int32(len(t.posts) - 1)
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

// merge appends the postings of u, the table of the documents that follow
// t's, to t's.
func (t *table) merge(u *table) {
	for k, j := range u.cjk.all() {
		i := t.cjk.termOf(k, t.nt)
		t.posts[i] = append(t.posts[i], u.posts[j]...)
	}
	for k, j := range u.short.all() {
		i := t.short.termOf(k, t.nt)
		t.posts[i] = append(t.posts[i], u.posts[j]...)
	}
	for w, j := range u.long {
		i, ok := t.long[w]
		if !ok {
			i = t.newTerm()
			t.long[w] = i
		}
		t.posts[i] = append(t.posts[i], u.posts[j]...)
	}
}

// term is a token of the index and its postings.
type term struct {
	text  string
	plain bool // needs no JSON escaping
	docs  []int32
}

// terms lists t's tokens, sorted as strings. The strings of the tokens
// keyed by integers are made here, once each.
func (t *table) terms() []term {
	out := make([]term, 0, len(t.posts))
	for k, i := range t.cjk.all() {
		out = append(out, term{text: cjkTerm(k), docs: t.posts[i]})
	}
	for k, i := range t.short.all() {
		out = append(out, term{text: shortWord(k), docs: t.posts[i]})
	}
	for w, i := range t.long {
		out = append(out, term{text: w, docs: t.posts[i]})
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
// digits, so the fast path is the rule; anything that json escapes (quotes,
// control characters, <, >, &, U+2028, U+2029, invalid UTF-8) goes through
// encoding/json itself.
func appendJSONString(b []byte, s string, plain bool) []byte {
	if !plain {
		k, _ := json.Marshal(s)
		return append(b, k...)
	}
	b = append(b, '"')
	b = append(b, s...)
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
