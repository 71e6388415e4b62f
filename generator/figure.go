package generator

import (
	"html/template"
	"strings"

	"github.com/accord-handbook/accord/generator/escape"
	"github.com/accord-handbook/accord/generator/graph"
)

// writeFigure puts a graph in a scrollable figure with its facts as a
// table that screen readers (and readers who cannot see the drawing) get.
// It is written in Go: a department's tables have thousands of cells, and
// the template engine cost more than laying the graphs out from the cache.
// figure_test.go checks it against the template it replaced.
func writeFigure(svg []byte, alt graph.Alt, width string) template.HTML {
	var b strings.Builder
	b.Grow(len(svg) + 1024)
	b.WriteString(`<figure class="graph"`)
	if width != "" {
		b.WriteString(` data-width="`)
		escape.HTML(&b, width)
		b.WriteString(`">`)
		b.WriteString(`<button type="button" class="graph-zoom" hidden>⤢</button>`)
	} else {
		b.WriteString(`>`)
	}
	b.WriteString("\n<div class=\"graph-scroll\">")
	b.Write(svg)
	b.WriteString("</div>\n<figcaption><details><summary>")
	escape.HTML(&b, alt.Title)
	b.WriteString("</summary>\n<div class=\"table-wrap\"><table class=\"graph-facts\">\n<thead><tr>")
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
