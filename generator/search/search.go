// Package search builds the site's search index in Go: documents (a page,
// a section of a page, a workflow step, a glossary term) go in, a compact
// JavaScript file comes out that search.js loads with a <script> tag, so
// search works offline and from file:// where fetch() is refused.
package search

import (
	"errors"
	"io"
	"strings"
	"sync"
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
