package markdown

import (
	"html"
	"regexp"
	"strconv"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// anchors are the ids the rendered document gives its elements: the
// headings' ids as the transformer assigned them, then those of
// footnotes and raw HTML that the walk found.
func (st *renderState) anchors() []string {
	out := make([]string, 0, len(st.headings)+len(st.refs.other))
	for _, h := range st.headings {
		out = append(out, h.ID)
	}
	return append(out, st.refs.other...)
}

// footnoteID is the id goldmark's footnote renderer writes for a footnote
// ("fn:1") or a reference to one ("fnref:1", then "fnref1:1" for the
// second reference to the same note). It has no function that says so;
// TestAnchors_areThePageIDs holds this to what it writes.
func footnoteID(n ast.Node) string {
	switch n := n.(type) {
	case *east.Footnote:
		return "fn:" + strconv.Itoa(n.Index)
	case *east.FootnoteLink:
		ref := "fnref"
		if n.RefIndex > 0 {
			ref += strconv.Itoa(n.RefIndex)
		}
		return ref + ":" + strconv.Itoa(n.Index)
	}
	return ""
}

// htmlAttrID finds id and name attributes (an <a name> is a link target
// too) in raw HTML. It may take text that only looks like one: an id
// too many lets a link pass, it does not break a page.
var htmlAttrID = regexp.MustCompile(`(?i)[\s"'](?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>` + "`" + `]+))`)

// htmlIDs returns the ids written in a raw HTML node, inline or a block.
func htmlIDs(n ast.Node, src []byte) []string {
	var raw []byte
	switch n := n.(type) {
	case *ast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			raw = append(raw, seg.Value(src)...)
		}
	case *ast.HTMLBlock:
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			raw = append(raw, seg.Value(src)...)
		}
		if n.HasClosure() {
			raw = append(raw, n.ClosureLine.Value(src)...)
		}
	}
	var out []string
	for _, m := range htmlAttrID.FindAllSubmatch(raw, -1) {
		out = append(out, html.UnescapeString(string(m[1])+string(m[2])+string(m[3])))
	}
	return out
}
