package graphviz

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"testing"
)

// testDOT is a graph of n boxes in clusters of ten, written the way
// package graph writes a department graph: wrapped Chinese and Latin
// labels, a link from every box to its role page, edges within and across
// clusters. Its layout time grows with n like a department's does.
func testDOT(n int) string {
	var b strings.Builder
	b.WriteString("digraph g {\n")
	b.WriteString(`  node [shape="box", style="rounded,filled", fixedsize="true", width="1.4", height="0.5"]` + "\n")
	for c := 0; c*10 < n; c++ {
		fmt.Fprintf(&b, "  subgraph \"cluster_%d\" {\n    label=\"团队 %d\"\n", c, c)
		for i := c * 10; i < min(n, c*10+10); i++ {
			fmt.Fprintf(&b, "    \"r%03d\" [URL=\"roles/r%03d.html\", class=\"g-node\", label=\"岗位 %d 号\\nSpecialist\"]\n", i, i, i)
		}
		b.WriteString("  }\n")
	}
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "  \"r%03d\" -> \"r%03d\"\n", (i-1)/4, i)
		if j := i * 7 % n; j != i {
			fmt.Fprintf(&b, "  \"r%03d\" -> \"r%03d\" [style=\"dashed\"]\n", i, j)
		}
	}
	b.WriteString("}\n")
	return b.String()
}

// testPages are the pages testDOT(n) links to, as site paths.
func testPages(n int) map[string]bool {
	pages := map[string]bool{}
	for i := range n {
		pages[fmt.Sprintf("roles/r%03d.html", i)] = true
	}
	return pages
}

// resolve reads a relative link on page as a site path.
func resolve(page, href string) string {
	if strings.HasPrefix(href, "#") {
		return page + href
	}
	return path.Join(path.Dir(page), href)
}

// checkSVG checks a laid out graph as it reaches a page: well-formed, no
// event handler or element that runs or loads anything, every link
// relative and to one of pages (site paths; page is where the graph is).
// It returns the texts drawn.
func checkSVG(t *testing.T, svg []byte, page string, pages map[string]bool) (texts []string) {
	t.Helper()
	for _, e := range parseSVG(t, svg) {
		for k := range e.attrs {
			if strings.HasPrefix(strings.ToLower(k), "on") {
				t.Errorf("attribute %s on <%s>", k, e.name)
			}
		}
		switch e.name {
		case "script", "foreignObject", "image", "style":
			t.Errorf("element <%s> in the SVG", e.name)
		case "a":
			href, ok := e.attrs["xlink:href"]
			if !ok {
				continue
			}
			if _, rel := relativeLink(href); !rel {
				t.Errorf("link %q is not relative", href)
			}
			if target := resolve(page, href); !pages[target] {
				t.Errorf("link %q on %s goes to %s, which is no page", href, page, target)
			}
		case "text":
			texts = append(texts, e.text)
		}
	}
	return texts
}

// svgElement is one element of a rendered SVG, with its attributes by
// qualified name and the text directly inside it.
type svgElement struct {
	name  string
	attrs map[string]string
	text  string
}

// parseSVG parses svg with encoding/xml, failing on malformed XML.
func parseSVG(t testing.TB, svg []byte) []svgElement {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	var out []svgElement
	var stack []int
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v\n%s", err, svg)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			e := svgElement{name: tok.Name.Local, attrs: map[string]string{}}
			for _, a := range tok.Attr {
				e.attrs[qualified(a.Name)] = a.Value
			}
			out = append(out, e)
			stack = append(stack, len(out)-1)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				out[stack[len(stack)-1]].text += string(tok)
			}
		}
	}
}
