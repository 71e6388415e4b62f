package graph

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator/graphviz"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/urls"
)

// The tests here lay graphs out with package graphviz: the DOT text is
// only right if Graphviz reads it as meant and draws it legibly.

// newRenderer returns a Renderer with no disk cache, closed when the test ends.
func newRenderer(t testing.TB) *graphviz.Renderer {
	r := graphviz.New("")
	t.Cleanup(func() { r.Close() })
	return r
}

// pagesOf lists the pages (and step anchors) a graph may link to.
func pagesOf(h *model.Handbook) map[string]bool {
	pages := map[string]bool{}
	for _, r := range h.Roles {
		pages[urls.Role(r.ID)] = true
	}
	for _, w := range h.Workflows {
		pages[urls.Workflow(w.ID)] = true
		for _, s := range w.Steps {
			pages[urls.Step(w.ID, s.ID)] = true
		}
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

// xs reads the x coordinates of a path's d or a polygon's points.
func xs(s string) []float64 {
	var out []float64
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || (r >= 'A' && r <= 'Z') }) {
		x, _, ok := strings.Cut(f, ",")
		if v, err := strconv.ParseFloat(x, 64); ok && err == nil {
			out = append(out, v)
		}
	}
	return out
}

// checkSVG checks a laid out graph: well-formed, every link relative and
// to a page that exists, node text inside its box, no markup from names.
// It returns the texts drawn.
func checkSVG(t *testing.T, svg []byte, page string, pages map[string]bool) (texts []string) {
	t.Helper()
	boxWidth := 0.0
	inNode := false
	for _, e := range parseSVG(t, svg) {
		for k := range e.attrs {
			if strings.HasPrefix(strings.ToLower(k), "on") {
				t.Errorf("attribute %s on <%s>", k, e.name)
			}
		}
		switch e.name {
		case "script", "foreignObject", "image", "style":
			t.Errorf("element <%s> in the SVG", e.name)
		case "g":
			inNode = strings.Contains(e.attrs["class"], "g-node")
			boxWidth = 0
		case "a":
			href, ok := e.attrs["xlink:href"]
			if !ok {
				continue
			}
			if strings.Contains(href, ":") || strings.HasPrefix(href, "/") {
				t.Errorf("link %q is not relative", href)
			}
			if target := resolve(page, href); !pages[target] {
				t.Errorf("link %q on %s goes to %s, which is no page", href, page, target)
			}
		case "path", "polygon":
			if inNode && boxWidth == 0 {
				v := xs(e.attrs["d"] + e.attrs["points"])
				lo, hi := v[0], v[0]
				for _, x := range v {
					lo, hi = min(lo, x), max(hi, x)
				}
				boxWidth = hi - lo
			}
		case "text":
			texts = append(texts, e.text)
			if need := textEm(e.text) * fontSize; inNode && need > boxWidth {
				t.Errorf("text %q (%.0fpt) is wider than its box (%.0fpt)", e.text, need, boxWidth)
			}
		}
	}
	return texts
}

// svgElement is one element of a laid out graph, with its attributes by
// qualified name ("xlink:href") and the text directly inside it.
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
				name := a.Name.Local
				if a.Name.Space == "http://www.w3.org/1999/xlink" {
					name = "xlink:" + name
				}
				e.attrs[name] = a.Value
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

// drawnNodes lays dot out and returns the text of each node drawn, its
// lines joined by newlines, failing the test when Graphviz does not
// accept the text.
func drawnNodes(t testing.TB, r *graphviz.Renderer, dot string) []string {
	t.Helper()
	svg, err := r.SVG(dot)
	if err != nil {
		t.Fatalf("generated DOT does not lay out: %v\n%s", err, dot)
	}
	var nodes []string
	d := xml.NewDecoder(bytes.NewReader(svg))
	depth, node := 0, 0 // node: the depth of the node being read, 0 outside
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nodes
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v\n%s", err, svg)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			depth++
			if node == 0 && tok.Name.Local == "g" && hasClass(tok.Attr, "node") {
				node = depth
				nodes = append(nodes, "")
			}
			if node > 0 && tok.Name.Local == "text" && nodes[len(nodes)-1] != "" {
				nodes[len(nodes)-1] += "\n"
			}
		case xml.EndElement:
			if depth == node {
				node = 0
			}
			depth--
		case xml.CharData:
			if node > 0 {
				nodes[len(nodes)-1] += strings.TrimSpace(string(tok))
			}
		}
	}
}

func hasClass(attrs []xml.Attr, class string) bool {
	for _, a := range attrs {
		if a.Name.Local == "class" {
			for c := range strings.FieldsSeq(a.Value) {
				if c == class {
					return true
				}
			}
		}
	}
	return false
}

func TestLayout_graphs(t *testing.T) {
	h := testHandbook()
	r := newRenderer(t)
	pages := pagesOf(h)
	render := func(dot string, alt Alt, page string) string {
		t.Helper()
		svg, err := r.SVGWithTitle(dot, alt.Title)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(svg), `<svg aria-label="`+alt.Title+`"`) {
			t.Errorf("no aria-label: %.100s", svg)
		}
		return strings.Join(checkSVG(t, svg, page, pages), "\n")
	}
	dot, alt := Department(h, "index.html")
	text := render(dot, alt, "index.html")
	for _, want := range []string{"外贸业务员", "单证员（兼职信用", `Cashier "A&B"`, "<script>alert(1)"} {
		if !strings.Contains(text, want) {
			t.Errorf("department: no text %q in\n%s", want, text)
		}
	}
	dot, alt = Workflow(h, h.WorkflowByID["order"], "workflows/order.html")
	if text := render(dot, alt, "workflows/order.html"); !strings.Contains(text, "R: 外贸业务员") {
		t.Errorf("workflow: no R line in\n%s", text)
	}
	dot, alt = OrgChart(h, "teams.html")
	render(dot, alt, "teams.html")
	dot, alt = Neighbourhood(h, "sales-rep", "roles/sales-rep.html")
	render(dot, alt, "roles/sales-rep.html")
}
