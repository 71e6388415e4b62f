package figures

import (
	"html/template"
	"strings"

	"github.com/accord-handbook/accord/generator/escape"
	"github.com/accord-handbook/accord/generator/graph"
	"github.com/accord-handbook/accord/generator/graphviz"
)

// writeFigure puts a graph (svg as the Renderer returns it; the figure
// names it with alt.Title) in a scrollable figure with its legend, if any,
// and its facts as a table that screen readers (and readers who cannot see
// the drawing) get.
// It is written in Go: a department's tables have thousands of cells, and
// the template engine cost more than laying the graphs out from the cache.
// figure_test.go checks it against the template it replaced.
func writeFigure(svg []byte, alt graph.Alt, width string) template.HTML {
	var b strings.Builder
	b.Grow(figureSize(svg, alt))
	b.WriteString(`<figure class="graph"`)
	if width != "" {
		b.WriteString(` data-width="`)
		escape.HTML(&b, width)
		b.WriteString(`">`)
		b.WriteString(`<button type="button" class="graph-zoom" hidden>⤢</button>`)
	} else {
		b.WriteString(`>`)
	}
	// The box scrolls (a tall graph, or a wide one at its natural size)
	// and a graph has nothing to focus inside it: a tab stop of its own
	// lets a keyboard scroll it.
	b.WriteString("\n<div class=\"graph-scroll\" tabindex=\"0\">")
	graphviz.WriteInline(&b, svg, alt.Title)
	b.WriteString("</div>\n<figcaption>")
	if alt.Legend != "" {
		b.WriteString(`<p class="legend">`)
		escape.HTML(&b, alt.Legend)
		b.WriteString("</p>\n")
	}
	b.WriteString("<details><summary>")
	escape.HTML(&b, alt.Title)
	// The facts, text alone, scroll sideways on a phone: the box is a tab
	// stop too.
	b.WriteString("</summary>\n<div class=\"table-wrap\" tabindex=\"0\"><table class=\"graph-facts\">\n<thead><tr>")
	for _, h := range alt.Header {
		b.WriteString(`<th scope="col">`)
		escape.HTML(&b, h)
		b.WriteString(`</th>`)
	}
	b.WriteString("</tr></thead>\n<tbody>")
	for _, row := range alt.Rows {
		b.WriteString("<tr>")
		for i, c := range row {
			if i == 0 {
				b.WriteString(`<th scope="row">`)
				escape.HTML(&b, c)
				b.WriteString(`</th>`)
			} else {
				b.WriteString(`<td>`)
				escape.HTML(&b, c)
				b.WriteString(`</td>`)
			}
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</tbody>\n</table></div></details></figcaption>\n</figure>")
	return template.HTML(b.String())
}

// figureSize is about what writeFigure writes, a little more when nothing
// needs escaping: the figure is written once, into one buffer of its size,
// not into one grown by doubling from the size of the SVG (a department's
// table is four times its drawing).
func figureSize(svg []byte, alt graph.Alt) int {
	n := len(svg) + 2*len(alt.Title) + len(alt.Legend) + 400
	for _, h := range alt.Header {
		n += len(h) + len(`<th scope="col"></th>`)
	}
	for _, row := range alt.Rows {
		n += len("<tr></tr>")
		for _, c := range row {
			n += len(c) + len(`<th scope="row"></th>`)
		}
	}
	return n
}
