package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
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

	glossary     *Glossary
	glossaryLink GlossaryLink

	refs *refCollector // nil unless the caller asked for Result.Refs
	// scanOnly: nothing is rendered (Scan), so what only changes the
	// output — destinations, tables, autolinks — is left undone.
	scanOnly bool
}

// transformer does all of accord's AST work in one walk: heading ids and
// attributes, link resolution and neutralisation, table wrappers and dot
// blocks. filterAttrs drops heading attributes other than id and class
// (see filterAttrs; a handbook with raw_html keeps them); rawHTML says
// that raw HTML reaches the page, and with it the ids written in it.
type transformer struct{ filterAttrs, rawHTML bool }

func (t transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(stateKey).(*renderState)
	if st == nil {
		// A parse outside Renderer.parse wants goldmark's own tree.
		return
	}
	src := reader.Source()
	var (
		headings  []*ast.Heading
		autolinks []*ast.AutoLink
		tables    []*east.Table
		dots      []*ast.FencedCodeBlock
		texts     []*ast.Text
		unlinks   []*ast.Link
		tasks     []*east.TaskCheckBox
	)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			headings = append(headings, n)
			if st.refs != nil {
				st.refs.addID(n)
			}
		case *ast.Text:
			joinWideLines(n, src)
			if st.glossary != nil && linkable(n) {
				texts = append(texts, n)
			}
		case *ast.Link:
			if st.refs != nil {
				st.refs.add(n, n.Destination, n.Reference, false)
			}
			if st.scanOnly {
				break
			}
			var unlink bool
			n.Destination, unlink = st.resolveDest(n.Destination, false)
			if unlink {
				unlinks = append(unlinks, n)
			}
		case *ast.Image:
			if st.refs != nil {
				st.refs.add(n, n.Destination, n.Reference, true)
			}
			if !st.scanOnly {
				n.Destination = st.destination(n.Destination, true)
			}
		case *ast.AutoLink:
			if !st.scanOnly {
				autolinks = append(autolinks, n)
			}
		case *east.Footnote, *east.FootnoteLink:
			if st.refs != nil {
				st.refs.other = append(st.refs.other, footnoteID(n))
			}
		case *ast.RawHTML, *ast.HTMLBlock:
			if st.refs != nil && t.rawHTML {
				st.refs.other = append(st.refs.other, htmlIDs(n, src)...)
			}
		case *east.Table:
			if !st.scanOnly {
				tables = append(tables, n)
			}
		case *ast.FencedCodeBlock:
			if string(n.Language(src)) == "dot" {
				dots = append(dots, n)
			}
		case *east.TaskCheckBox:
			tasks = append(tasks, n)
		}
		return ast.WalkContinue, nil
	})
	// The tree is changed only after the walk, which must not see moving nodes.
	if t.filterAttrs {
		for _, h := range headings {
			filterAttrs(h)
		}
	}
	st.headings = assignHeadingIDs(headings, src, pc.IDs())
	for _, a := range autolinks {
		neutraliseAutoLink(a, src)
	}
	for _, l := range unlinks {
		unlink(l)
	}
	wraps := make([]*tableWrap, 0, len(tables))
	for _, t := range tables {
		wraps = append(wraps, wrapTable(t))
	}
	for i, n := range dots {
		st.dot(i, n, src)
	}
	if st.glossary != nil {
		st.linkTerms(texts, src)
	}
	// Last: the glossary's links are in the text by now.
	for _, c := range tasks {
		labelTask(c)
	}
	for _, w := range wraps {
		w.focusable = !hasLink(w)
	}
}

// labelTask puts a task's checkbox and the rest of its line in a taskLabel.
func labelTask(c *east.TaskCheckBox) {
	parent := c.Parent()
	l := &taskLabel{}
	parent.InsertBefore(parent, c, l)
	for n := ast.Node(c); n != nil; {
		next := n.NextSibling()
		parent.RemoveChild(parent, n)
		l.AppendChild(l, n)
		n = next
	}
}

// unlink puts a link's text in the link's place.
func unlink(l *ast.Link) {
	parent := l.Parent()
	for c := l.FirstChild(); c != nil; {
		next := c.NextSibling()
		l.RemoveChild(l, c)
		parent.InsertBefore(parent, l, c)
		c = next
	}
	parent.RemoveChild(parent, l)
}

// wrapTable puts the table in a tableWrap block so wide tables scroll sideways
// instead of widening the page on a phone.
func wrapTable(t *east.Table) *tableWrap {
	// Header cells name what they head, for screen readers.
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		if _, ok := row.(*east.TableHeader); ok {
			for c := row.FirstChild(); c != nil; c = c.NextSibling() {
				c.SetAttributeString("scope", []byte("col"))
			}
		}
	}
	parent := t.Parent()
	w := &tableWrap{}
	parent.ReplaceChild(parent, t, w)
	w.AppendChild(w, t)
	return w
}

// hasLink reports whether n holds a link, something a keyboard can focus.
func hasLink(n ast.Node) bool {
	found := false
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		switch c.(type) {
		case *ast.Link, *ast.AutoLink:
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// dot records the i-th ```dot block and, when dotSVG accepts it, swaps the
// code block for the returned HTML.
func (st *renderState) dot(i int, n *ast.FencedCodeBlock, src []byte) {
	b := dotBlock(i, n, src)
	st.dots = append(st.dots, b)
	if st.dotSVG == nil {
		return
	}
	if html, ok := st.dotSVG(b); ok {
		n.Parent().ReplaceChild(n.Parent(), n, &rawBlock{html: html})
	}
}

func dotBlock(i int, n *ast.FencedCodeBlock, src []byte) DotBlock {
	var body bytes.Buffer
	lines := n.Lines()
	for j := 0; j < lines.Len(); j++ {
		seg := lines.At(j)
		body.Write(seg.Value(src))
	}
	return DotBlock{Index: i, Line: fenceLine(n, src), Source: body.String()}
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
