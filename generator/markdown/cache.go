package markdown

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"sync"
)

// Cache remembers rendered documents across builds, so that `accord serve`
// re-renders only the Markdown that changed, without tracking which page
// depends on which file.
//
// A document's HTML is a function of its source, the renderer's options, the
// glossary, and the answers its callbacks gave: where each link points, the
// SVG of each dot block, where each glossary term links. The cache keys an
// entry by a hash of the first three and records the questions asked with
// their answers. On a lookup it asks the current callbacks the same questions
// in the same order: when every answer is the same, rendering again would
// take the same path and give the same bytes, so the entry is returned. A
// renamed target, a new glossary definition or a page in another folder
// changes an answer and the document renders afresh. The questions are
// cheap; parsing is not.
//
// Sweep drops what the last build did not use, so memory follows the
// handbook and not the number of rebuilds. A Cache is safe for concurrent use.
type Cache struct {
	mu      sync.Mutex
	entries map[[32]byte][]*cacheEntry
	scans   map[[32]byte]*scanEntry // Scan results by the hash of the source
	gloss   *Glossary               // the glossary glossSum was computed for
	glossSm [32]byte
}

type cacheEntry struct {
	res   Result
	calls []call
	used  bool
}

// call is one question a render asked and the answer it got.
type call struct {
	kind      byte // 'r' resolve, 'd' dot block, 'g' glossary link
	dest      string
	image     bool
	entry     int
	block     DotBlock
	out, out2 string
	html      []byte
	ok        bool
}

// maxVariants bounds the entries kept for one source: one per folder it is
// rendered from (a policy's page, the print booklets) is the common case.
const maxVariants = 8

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{entries: map[[32]byte][]*cacheEntry{}, scans: map[[32]byte]*scanEntry{}}
}

// scanEntry is what Scan found in one source. Scan depends on the source
// alone (links and dot blocks as written), so its hash is the whole key:
// a check after a save parses only the files that changed.
type scanEntry struct {
	found Scanned
	used  bool
}

func (c *Cache) scan(r *Renderer, src []byte) Scanned {
	key := sha256.Sum256(src)
	c.mu.Lock()
	e, ok := c.scans[key]
	if ok {
		e.used = true
	}
	c.mu.Unlock()
	if ok {
		return e.found
	}
	found := r.scan(src)
	c.mu.Lock()
	c.scans[key] = &scanEntry{found: found, used: true}
	c.mu.Unlock()
	return found
}

// WithCache returns a Renderer like r that takes documents from c.
func (r *Renderer) WithCache(c *Cache) *Renderer {
	cp := *r
	cp.cache = c
	return &cp
}

// Sweep forgets every entry that no render used since the previous Sweep.
func (c *Cache) Sweep() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, e := range c.scans {
		if !e.used {
			delete(c.scans, k)
		}
		e.used = false
	}
	for k, list := range c.entries {
		kept := list[:0]
		for _, e := range list {
			if e.used {
				e.used = false
				kept = append(kept, e)
			}
		}
		if len(kept) == 0 {
			delete(c.entries, k)
		} else {
			clear(list[len(kept):])
			c.entries[k] = kept
		}
	}
}

// Len is the number of documents held.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, list := range c.entries {
		n += len(list)
	}
	return n
}

func (c *Cache) key(r *Renderer, src []byte, p Page) [32]byte {
	h := sha256.New()
	// Refs is part of the key: an entry rendered without them must not
	// answer a render that reports the page's links.
	var flags [5]byte
	for i, b := range []bool{r.rawHTML, p.Resolve != nil, p.DotSVG != nil, p.Glossary != nil && p.GlossaryLink != nil, p.Refs} {
		if b {
			flags[i] = 1
		}
	}
	h.Write(flags[:])
	if flags[3] == 1 {
		c.mu.Lock()
		if c.gloss != p.Glossary {
			c.gloss, c.glossSm = p.Glossary, glossarySum(p.Glossary)
		}
		sum := c.glossSm
		c.mu.Unlock()
		h.Write(sum[:])
	}
	h.Write(src)
	var k [32]byte
	h.Sum(k[:0])
	return k
}

func glossarySum(g *Glossary) [32]byte {
	h := sha256.New()
	var n [8]byte
	for _, w := range g.words {
		binary.LittleEndian.PutUint64(n[:], uint64(w.entry))
		h.Write(n[:])
		h.Write([]byte(w.text))
		h.Write([]byte{0})
	}
	var s [32]byte
	h.Sum(s[:0])
	return s
}

func (c *Cache) renderPage(r *Renderer, src []byte, p Page) (Result, error) {
	k := c.key(r, src, p)
	c.mu.Lock()
	list := c.entries[k]
	c.mu.Unlock()
	for _, e := range list {
		if e.replay(p) {
			c.mu.Lock()
			e.used = true
			c.mu.Unlock()
			return e.res.clone(), nil
		}
	}
	e := &cacheEntry{used: true}
	rec := p
	if p.Resolve != nil {
		rec.Resolve = func(dest string, image bool) (string, bool) {
			out, ok := p.Resolve(dest, image)
			e.calls = append(e.calls, call{kind: 'r', dest: dest, image: image, out: out, ok: ok})
			return out, ok
		}
	}
	if p.DotSVG != nil {
		rec.DotSVG = func(b DotBlock) ([]byte, bool) {
			html, ok := p.DotSVG(b)
			e.calls = append(e.calls, call{kind: 'd', block: b, html: bytes.Clone(html), ok: ok})
			return html, ok
		}
	}
	if p.GlossaryLink != nil {
		rec.GlossaryLink = func(i int) (string, string) {
			href, title := p.GlossaryLink(i)
			e.calls = append(e.calls, call{kind: 'g', entry: i, out: href, out2: title})
			return href, title
		}
	}
	res, err := r.render(src, rec)
	if err != nil {
		return res, err
	}
	e.res = res.clone()
	c.mu.Lock()
	list = c.entries[k]
	if len(list) >= maxVariants {
		list = list[1:]
	}
	c.entries[k] = append(list, e)
	c.mu.Unlock()
	return res, nil
}

// replay asks p's callbacks e's questions and reports whether every answer
// is the one e was rendered with.
func (e *cacheEntry) replay(p Page) bool {
	for _, q := range e.calls {
		switch q.kind {
		case 'r':
			if out, ok := p.Resolve(q.dest, q.image); out != q.out || ok != q.ok {
				return false
			}
		case 'd':
			if html, ok := p.DotSVG(q.block); ok != q.ok || !bytes.Equal(html, q.html) {
				return false
			}
		case 'g':
			if href, title := p.GlossaryLink(q.entry); href != q.out || title != q.out2 {
				return false
			}
		}
	}
	return true
}

// clone copies a Result, so that no caller can change what the cache holds.
func (res Result) clone() Result {
	return Result{
		HTML:     res.HTML,
		Headings: append([]Heading(nil), res.Headings...),
		Dots:     append([]DotBlock(nil), res.Dots...),
		Refs:     append([]Ref(nil), res.Refs...),
		IDs:      append([]HeadingID(nil), res.IDs...),
		Anchors:  append([]string(nil), res.Anchors...),
	}
}
