package markdown

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// Ref is one link or image destination found in a Markdown source, with its
// position in that source (1-based line, 1-based column counted in
// characters/runes, not bytes).
type Ref struct {
	Dest      string // as written, e.g. "../policies/risk.md#汇率风险"
	Image     bool
	Line, Col int
}

// Refs parses src and returns every link and image destination (inline links,
// images, reference-style links whose definitions exist, autolinks excluded),
// in source order. Dest has backslash escapes and entities resolved, as a
// browser would read it and as the Resolver receives it. For a reference-style link the position is that of the destination
// in its definition, where a fix would be made. Input that Guard refuses
// yields nil: Render reports it.
func (r *Renderer) Refs(src []byte) []Ref {
	return r.Scan(src).Refs
}

// Scanned is what the checks need from one parse of a source.
type Scanned struct {
	Refs []Ref      // see Refs
	Dots []DotBlock // the ```dot blocks, to lay out and report at their line
	IDs  []HeadingID
	// Anchors are the ids the rendered Markdown gives its elements, which a
	// link's #fragment can name: every heading's (generated or explicit),
	// the footnotes' and, with raw HTML allowed, those written in it.
	Anchors []string
}

// HeadingID is the explicit {#id} of a heading, at the '{' of its
// attributes (1-based line, column in runes).
type HeadingID struct {
	ID        string
	Line, Col int
}

// Scan is Refs that also returns the ```dot blocks, the headings' explicit
// ids and the anchors, from one parse.
func (r *Renderer) Scan(src []byte) Scanned {
	if r.cache != nil {
		return r.cache.scan(r, src)
	}
	return r.scan(src)
}

// scan parses src through the transformer that a render uses, without
// callbacks: the heading ids it reports are the ones a page gets, from
// the same code, and nothing is written.
func (r *Renderer) scan(src []byte) Scanned {
	if Guard(src) != nil {
		return Scanned{}
	}
	st := &renderState{refs: newRefCollector(src), scanOnly: true}
	r.parse(src, st)
	return Scanned{Refs: st.refs.refs(), Dots: st.dots, IDs: st.refs.ids, Anchors: st.anchors()}
}

// refCollector gathers the links and images of one parse with their
// positions. Scan uses it on a tree of its own; RenderPage, when asked
// (Page.Refs), on the tree it renders, before destinations are rewritten,
// so that a build parses each page once.
type refCollector struct {
	loc   *locator
	found []foundRef
	ids   []HeadingID // in document order, as the walk meets headings
	other []string    // ids of footnotes and raw HTML (see renderState.anchors)
}

type foundRef struct {
	use int // offset of the link's '[' or '!'
	ref Ref
}

func newRefCollector(src []byte) *refCollector { return &refCollector{loc: newLocator(src)} }

// add records the link or image n with its destination as written.
func (rc *refCollector) add(n ast.Node, dest []byte, ref *ast.ReferenceLink, image bool) {
	// Locate the raw text, report the decoded URL the resolver also sees.
	line, col := rc.loc.lineCol(rc.loc.find(n, dest, ref))
	rc.found = append(rc.found, foundRef{n.Pos(), Ref{Dest: string(decodeDest(dest)), Image: image, Line: line, Col: col}})
}

// addID records the explicit id of heading h, if it has one.
func (rc *refCollector) addID(h *ast.Heading) {
	id, ok := explicitID(h)
	if !ok {
		return
	}
	line, col := rc.loc.lineCol(rc.loc.attributes(h))
	rc.ids = append(rc.ids, HeadingID{ID: string(id), Line: line, Col: col})
}

// refs returns what was found in source order. A walk is in tree order,
// but goldmark moves footnote definitions to the end of the document.
func (rc *refCollector) refs() []Ref {
	sort.SliceStable(rc.found, func(i, j int) bool { return rc.found[i].use < rc.found[j].use })
	refs := make([]Ref, len(rc.found))
	for i, f := range rc.found {
		refs[i] = f.ref
	}
	return refs
}

// locator turns a link node into the byte offset of its destination text.
type locator struct {
	src   []byte
	lines []int          // byte offset of the start of each line
	defs  map[string]int // link label -> offset of its definition's destination
}

func newLocator(src []byte) *locator {
	lines := []int{0}
	for i, c := range src {
		if c == '\n' {
			lines = append(lines, i+1)
		}
	}
	return &locator{src: src, lines: lines}
}

// find returns the offset of dest for the link or image node n, which opens
// at n.Pos() (its '[' or '!'). It falls back to that opening when the text
// cannot be found, for instance when the destination was written with escapes.
func (l *locator) find(n ast.Node, dest []byte, ref *ast.ReferenceLink) int {
	pos := n.Pos()
	if pos < 0 || pos > len(l.src) {
		return 0
	}
	if ref != nil {
		if off, ok := l.definition(ref.Value, dest); ok {
			return off
		}
		return pos
	}
	// Start after the link text and look a bounded distance: every link is
	// then located in time proportional to its own length, not the paragraph's.
	start := max(pos, lastTextStop(n))
	end := min(len(l.src), start+len(dest)+searchSlack)
	window := l.src[start:end]
	if i := bytes.Index(window, []byte("\n\n")); i >= 0 {
		window = window[:i] // a link cannot span a blank line
	}
	first := -1
	for i := 0; ; {
		j := bytes.Index(window[i:], []byte("]("))
		if j < 0 {
			break
		}
		at := skipDestStart(window, i+j+2)
		if first < 0 {
			first = at
		}
		// An image inside the link text has its own "](" first; the one
		// followed by this link's destination is this link's.
		if bytes.HasPrefix(window[at:], dest) {
			return start + at
		}
		i += j + 2
	}
	if first >= 0 {
		return start + first
	}
	return pos
}

// searchSlack bounds how far past a link's text find looks for "](dest":
// enough for a title, blanks and container markers between them.
const searchSlack = 1024

// lastTextStop is the end of the last text inside n, the link's label: its
// closing "](" follows soon after.
func lastTextStop(n ast.Node) int {
	stop := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			stop = max(stop, t.Segment.Stop)
		}
		return ast.WalkContinue, nil
	})
	return stop
}

// skipDestStart skips the blanks and the '<' that may precede a destination.
func skipDestStart(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	if i < len(b) && b[i] == '<' {
		i++
	}
	return i
}

// definition finds where the definition of label writes dest. Definitions are
// not in goldmark's AST, so scan the lines that look like "[label]: dest" once,
// after any container prefix, and keep the first of each label as CommonMark does.
func (l *locator) definition(label, dest []byte) (int, bool) {
	if l.defs == nil {
		l.defs = map[string]int{}
		for i, start := range l.lines {
			end := len(l.src)
			if i+1 < len(l.lines) {
				end = l.lines[i+1]
			}
			line := l.src[start:end]
			open := 0
			for open < len(line) && (line[open] == ' ' || line[open] == '\t' || line[open] == '>') {
				open++
			}
			if open == len(line) || line[open] != '[' {
				continue
			}
			colon := bytes.Index(line[open:], []byte("]:"))
			if colon < 0 {
				continue
			}
			colon += open
			key := util.ToLinkReference(line[open+1 : colon])
			if _, seen := l.defs[key]; !seen {
				l.defs[key] = skipDestStart(l.src, start+colon+2)
			}
		}
	}
	off, ok := l.defs[util.ToLinkReference(label)]
	if !ok || !bytes.HasPrefix(l.src[off:], dest) {
		return 0, false
	}
	return off, true
}

// attributes returns the offset of the '{' that opens heading h's
// attributes: goldmark keeps their values, not where they were. They end
// the heading's last line of text, after it.
func (l *locator) attributes(h *ast.Heading) int {
	from := h.Pos()
	if n := h.Lines().Len(); n > 0 {
		from = h.Lines().At(n - 1).Start
	}
	if from < 0 || from > len(l.src) {
		return 0
	}
	line := l.src[from:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	if i := bytes.LastIndexByte(line, '{'); i >= 0 {
		return from + i
	}
	return from
}

// lineCol converts a byte offset to a 1-based line and a 1-based column in runes.
func (l *locator) lineCol(off int) (line, col int) {
	off = min(max(off, 0), len(l.src))
	i := sort.Search(len(l.lines), func(i int) bool { return l.lines[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, utf8.RuneCount(l.src[l.lines[i]:off]) + 1
}
