// Package search builds the site's search index in Go: documents (a page,
// a section of a page, a workflow step, a glossary term) go in, a compact
// JavaScript file comes out that search.js loads with a <script> tag, so
// search works offline and from file:// where fetch() is refused.
package search

import (
	"bytes"
	"encoding/json"
	"runtime"
	"slices"
	"strconv"
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
}

// MaxText caps the text kept per document: enough to verify a match and
// show it highlighted, while keeping the index a fraction of the site.
const MaxText = 1200

// DocText is the text of a document as the index keeps it: white space
// squashed, clipped to MaxText, in a string of its own. Build does the
// same; callers that hold many documents until Build call it first, so
// they hold no more than the index will (and not the page a text was cut
// from).
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
	postings := index(docs, out)
	// The index is the largest file of a big site (tens of MB): size it
	// once, and write the documents straight into it rather than through
	// json.Marshal, whose result and pooled buffer would be two more copies.
	// An estimate short of the mark doubles the buffer: 48 MB instead of
	// 24 at 5,000 pages. So the strings are measured as they will be
	// escaped, once: a string whose escaped length is its own plus the
	// quotes is written as it is.
	size := 64
	plain := make([]uint8, len(out)) // bit j: field j needs no escaping
	for i, d := range out {
		for j, f := range d {
			n := jsonLen(f)
			if n == len(f)+2 {
				plain[i] |= 1 << j
			}
			size += n + 1
		}
		size += 2
	}
	type term struct {
		text  string
		plain bool
		docs  []int32
	}
	terms := make([]term, 0, len(postings))
	for t, p := range postings {
		n := jsonLen(t)
		terms = append(terms, term{t, n == len(t)+2, p})
		size += n + 4
		prev := int32(0)
		for _, d := range p {
			size += base36Len(d-prev) + 1
			prev = d
		}
	}
	slices.SortFunc(terms, func(a, b term) int { return strings.Compare(a.text, b.text) })
	var b bytes.Buffer
	b.Grow(size)
	b.WriteString("window.ACCORD_SEARCH={\"v\":1,\"docs\":[")
	for i, d := range out {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		for j, f := range d {
			if j > 0 {
				b.WriteByte(',')
			}
			writeJSONString(&b, f, plain[i]&(1<<j) != 0)
		}
		b.WriteByte(']')
	}
	b.WriteString("],\"terms\":{")
	var num [16]byte
	for i, t := range terms {
		if i > 0 {
			b.WriteByte(',')
		}
		writeJSONString(&b, t.text, t.plain)
		b.WriteString(":\"")
		prev := int32(0)
		for j, n := range t.docs {
			if j > 0 {
				b.WriteByte(',')
			}
			b.Write(strconv.AppendInt(num[:0], int64(n-prev), 36))
			prev = n
		}
		b.WriteByte('"')
	}
	b.WriteString("}};\n")
	return Index{JS: b.Bytes(), Docs: len(docs), Terms: len(terms)}
}

// index fills out with each document's fields and returns the postings.
// It is the CPU of a build's last, serial step, so contiguous ranges of
// documents are tokenised in parallel, one per CPU; a token's postings are
// then the lists of the ranges one after the other, in document order.
func index(docs []Doc, out [][4]string) map[string][]int32 {
	n := min(runtime.GOMAXPROCS(0), max(1, len(docs)/512))
	parts := make([]map[string][]int32, n)
	var wg sync.WaitGroup
	for k := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[k] = indexRange(docs, out, k*len(docs)/n, (k+1)*len(docs)/n)
		}()
	}
	wg.Wait()
	postings := parts[0]
	for _, part := range parts[1:] {
		for t, p := range part {
			postings[t] = append(postings[t], p...)
		}
	}
	return postings
}

// indexRange indexes docs[from:to]. A document's tokens come in a row, so
// "already posted for this document" is "the last posting is this
// document": no set per document.
func indexRange(docs []Doc, out [][4]string, from, to int) map[string][]int32 {
	postings := map[string][]int32{}
	for i := from; i < to; i++ {
		d := docs[i]
		text := clip(squash(d.Text), MaxText)
		out[i] = [4]string{d.Kind, d.Title, d.URL, text}
		doc := int32(i)
		add := func(t string) {
			p, ok := postings[t]
			if len(p) > 0 && p[len(p)-1] == doc {
				return
			}
			if !ok {
				t = strings.Clone(t) // a substring of the document's text: keep only the token
			}
			postings[t] = append(p, doc)
		}
		eachToken(d.Title, add)
		eachToken(text, add) // the space between title and text only separated tokens
	}
	return postings
}

// jsonLen is the length of writeJSONString's output for s.
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

// writeJSONString writes s as encoding/json would; plain says that s needs
// no escaping (jsonLen(s) == len(s)+2). Tokens are letters and
// digits, so the fast path is the rule; anything that json escapes (quotes,
// control characters, <, >, &, U+2028, U+2029, invalid UTF-8) goes through
// encoding/json itself.
func writeJSONString(b *bytes.Buffer, s string, plain bool) {
	if !plain {
		k, _ := json.Marshal(s)
		b.Write(k)
		return
	}
	b.WriteByte('"')
	b.WriteString(s)
	b.WriteByte('"')
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
// 0xE3, and only runes starting so are decoded, so Chinese text (0xE4-0xE9)
// is skipped three bytes at a time.
func squashed(s string) bool {
	prevSpace := true // a leading space is not squashed
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if asciiSpace(c) {
				if prevSpace || c != ' ' {
					return false
				}
				prevSpace = true
			} else {
				prevSpace = false
			}
			i++
		case c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			prevSpace = false
			i += n
		default:
			prevSpace = false
			i++
		}
	}
	return !prevSpace || len(s) == 0
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
