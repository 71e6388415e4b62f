package markdown

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// stateKey finds the per-call renderState in a parser.Context. The transformer
// itself is shared by every call, so it must keep nothing of its own.
var stateKey = parser.NewContextKey()

// renderState is what one Render call hands to, and gets back from, the transformer.
type renderState struct {
	resolve  Resolver
	dotSVG   func(DotBlock) ([]byte, bool)
	headings []Heading
	dots     []DotBlock
}

// transformer does all of accord's AST work in one walk: heading ids, link
// resolution and neutralisation, table wrappers and dot blocks.
type transformer struct{}

func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(stateKey).(*renderState)
	if st == nil {
		// Refs parses without state: it wants destinations exactly as written.
		return
	}
	src := reader.Source()
	var (
		headings  []*ast.Heading
		autolinks []*ast.AutoLink
		tables    []*east.Table
		dots      []*ast.FencedCodeBlock
	)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			headings = append(headings, n)
		case *ast.Text:
			joinWideLines(n, src)
		case *ast.Link:
			n.Destination = st.destination(n.Destination, false)
		case *ast.Image:
			n.Destination = st.destination(n.Destination, true)
		case *ast.AutoLink:
			autolinks = append(autolinks, n)
		case *east.Table:
			tables = append(tables, n)
		case *ast.FencedCodeBlock:
			if string(n.Language(src)) == "dot" {
				dots = append(dots, n)
			}
		}
		return ast.WalkContinue, nil
	})
	// The tree is changed only after the walk, which must not see moving nodes.
	st.headings = assignHeadingIDs(headings, src, pc.IDs())
	for _, a := range autolinks {
		neutraliseAutoLink(a, src)
	}
	for _, t := range tables {
		wrapTable(t)
	}
	for i, n := range dots {
		st.dot(i, n, src)
	}
}

// destination resolves a link's destination and empties it if the result is
// dangerous. goldmark keeps destinations raw (backslash escapes and entities
// unresolved, decoding them only when it renders), so decode first: the
// resolver then sees the URL a browser would follow, and "&#106;avascript:"
// is caught. The check comes after the resolver so that neither the author nor
// a resolver bug can put a script URL in an href; it runs in RawHTML mode too,
// where goldmark itself would let it through.
func (st *renderState) destination(raw []byte, image bool) []byte {
	dest := decodeDest(raw)
	if st.resolve != nil {
		if out, ok := st.resolve(string(dest), image); ok {
			dest = []byte(out)
		}
	}
	if dangerousURL(dest, image) {
		return nil
	}
	return encodeDest(dest)
}

// decodeDest resolves what CommonMark lets a destination escape, as goldmark's
// HTML renderer does.
func decodeDest(raw []byte) []byte {
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(raw)))
}

// encodeDest protects a decoded destination from goldmark's renderer, which
// decodes every destination once more: "\\" and "&amp;" come back as "\" and "&".
func encodeDest(dest []byte) []byte {
	if bytes.IndexByte(dest, '&') < 0 && bytes.IndexByte(dest, '\\') < 0 {
		return dest
	}
	out := make([]byte, 0, len(dest)+8)
	for _, c := range dest {
		switch c {
		case '&':
			out = append(out, "&amp;"...)
		case '\\':
			out = append(out, '\\', '\\')
		default:
			out = append(out, c)
		}
	}
	return out
}

// joinWideLines drops the soft line break between two lines when the first
// ends and the next begins with an East Asian wide character: rendered as a
// newline, the browser would show it as a stray space inside Chinese text.
func joinWideLines(t *ast.Text, src []byte) {
	if !t.SoftLineBreak() {
		return
	}
	// utf8.DecodeLastRune, not util.ToRune: the latter panics on invalid UTF-8.
	if last, _ := utf8.DecodeLastRune(t.Value(src)); !util.IsEastAsianWideRune(last) {
		return
	}
	next := firstText(t.NextSibling(), src)
	if len(next) == 0 {
		return
	}
	if r, _ := utf8.DecodeRune(next); util.IsEastAsianWideRune(r) {
		t.SetSoftLineBreak(false)
	}
}

// firstText is the first non-empty text at or inside n, the start of what
// follows a line break ("中文\n**中文**" continues with a wide character too).
func firstText(n ast.Node, src []byte) []byte {
	for ; n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Text:
			if v := n.Value(src); len(v) > 0 {
				return v
			}
		case *ast.String:
			if len(n.Value) > 0 {
				return n.Value
			}
		default:
			if v := firstText(n.FirstChild(), src); len(v) > 0 {
				return v
			}
			return nil
		}
	}
	return nil
}

// neutraliseAutoLink turns <javascript:...> into plain text: goldmark renders
// autolinks from the source bytes, so the URL cannot be edited in place.
func neutraliseAutoLink(a *ast.AutoLink, src []byte) {
	if !dangerousURL(a.URL(src), false) {
		return
	}
	label := append([]byte(nil), a.Label(src)...)
	a.Parent().ReplaceChild(a.Parent(), a, ast.NewString(label))
}

// wrapTable puts the table in a tableWrap block so wide tables scroll sideways
// instead of widening the page on a phone.
func wrapTable(t *east.Table) {
	parent := t.Parent()
	w := &tableWrap{}
	parent.ReplaceChild(parent, t, w)
	w.AppendChild(w, t)
}

// dot records the i-th ```dot block and, when dotSVG accepts it, swaps the
// code block for the returned HTML.
func (st *renderState) dot(i int, n *ast.FencedCodeBlock, src []byte) {
	var body bytes.Buffer
	lines := n.Lines()
	for j := 0; j < lines.Len(); j++ {
		seg := lines.At(j)
		body.Write(seg.Value(src))
	}
	b := DotBlock{Index: i, Line: fenceLine(n, src), Source: body.String()}
	st.dots = append(st.dots, b)
	if st.dotSVG == nil {
		return
	}
	if html, ok := st.dotSVG(b); ok {
		n.Parent().ReplaceChild(n.Parent(), n, &rawBlock{html: html})
	}
}

// fenceLine is the 1-based line of the opening fence. goldmark records the
// block's start offset (Pos); without it, the line before the first content
// line is the fence.
func fenceLine(n *ast.FencedCodeBlock, src []byte) int {
	if p := n.Pos(); p >= 0 && p <= len(src) {
		return bytes.Count(src[:p], []byte{'\n'}) + 1
	}
	if n.Lines().Len() > 0 {
		return bytes.Count(src[:n.Lines().At(0).Start], []byte{'\n'})
	}
	return 1
}

// assignHeadingIDs gives every heading an id and reports the headings in order.
// Explicit {#id}s are reserved first so that an earlier auto id cannot take a
// name the author chose; auto ids come from the rendered text, not the markup.
func assignHeadingIDs(hs []*ast.Heading, src []byte, ids parser.IDs) []Heading {
	for _, h := range hs {
		if id, ok := explicitID(h); ok {
			ids.Put(id)
		}
	}
	out := make([]Heading, 0, len(hs))
	for _, h := range hs {
		txt := plainText(h, src)
		id, ok := explicitID(h)
		if !ok {
			id = ids.Generate(txt, ast.KindHeading)
			h.SetAttributeString("id", id)
		}
		out = append(out, Heading{Level: h.Level, Text: string(txt), ID: string(id)})
	}
	return out
}

// explicitID returns a heading's {#id}, normalising a non-string value such as
// {id=7} to text: goldmark's HTML renderer would otherwise print id="".
func explicitID(h *ast.Heading) ([]byte, bool) {
	v, ok := h.AttributeString("id")
	if !ok {
		return nil, false
	}
	switch v := v.(type) {
	case []byte:
		return v, true
	case string:
		return []byte(v), true
	}
	id := []byte(fmt.Sprint(v))
	h.SetAttributeString("id", id)
	return id, true
}
