package figures

import (
	"bytes"
	"html/template"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator/graph"
	"github.com/accord-handbook/accord/generator/graphviz"
)

// figureTmpl is the template writeFigure replaced.
var figureTmpl = template.Must(template.New("figure").Parse(`<figure class="graph"{{with .Width}} data-width="{{.}}"{{end}}>
{{- if .Width}}<button type="button" class="graph-zoom" hidden>⤢</button>{{end}}
<div class="graph-scroll" tabindex="0">{{.SVG}}</div>
<figcaption>{{with .Alt.Legend}}<p class="legend">{{.}}</p>
{{end}}<details><summary>{{.Alt.Title}}</summary>
<div class="table-wrap" tabindex="0"><table class="graph-facts">
<thead><tr>{{range .Alt.Header}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>{{range .Alt.Rows}}<tr>{{range $i, $c := .}}{{if eq $i 0}}<th scope="row">{{$c}}</th>{{else}}<td>{{$c}}</td>{{end}}{{end}}</tr>{{end}}</tbody>
</table></div></details></figcaption>
</figure>`))

// TestWriteFigure_sameAsTemplate: the figure written in Go is byte for byte
// what figureTmpl gave with the SVG named by graphviz.Inline, with and without
// a title, a legend and the zoom width, on facts full of what html/template
// escapes.
func TestWriteFigure_sameAsTemplate(t *testing.T) {
	nasty := `<b>"A&B" + 'c'</b>` + "\x00 外贸"
	alt := graph.Alt{
		Title:  nasty,
		Header: []string{"Role", "Steps", nasty},
		Rows:   [][]string{{nasty, "3", "a, b"}, {"经理", "", "x<y"}, {}, {"only"}},
	}
	svg := []byte(`<svg viewBox="0 0 10 10"><g id="g1"><text>外 &amp; b</text></g></svg>`)
	for _, title := range []string{nasty, ""} {
		alt.Title, alt.Legend = title, ""
		if title != "" {
			alt.Legend = "线越粗 " + nasty
		}
		for _, width := range []string{"", "1400pt", `9"x`} {
			var want bytes.Buffer
			err := figureTmpl.Execute(&want, struct {
				SVG   template.HTML
				Alt   graph.Alt
				Width string
			}{template.HTML(graphviz.Inline(svg, alt.Title)), alt, width})
			if err != nil {
				t.Fatal(err)
			}
			if got := writeFigure(svg, alt, width); string(got) != want.String() {
				t.Errorf("title %q, width %q:\n got %s\nwant %s", title, width, got, want.String())
			}
		}
	}
}

// TestWriteFigure_scrollBoxIsATabStop: the box a graph scrolls in can be
// reached by keyboard (axe's scrollable-region-focusable): a graph has no
// link or button inside it to reach it by.
func TestWriteFigure_scrollBoxIsATabStop(t *testing.T) {
	svg := []byte(`<svg viewBox="0 0 10 10"><text>x</text></svg>`)
	got := string(writeFigure(svg, graph.Alt{Title: "Who works with whom"}, "1400pt"))
	if !strings.Contains(got, `<div class="graph-scroll" tabindex="0">`) {
		t.Errorf("the graph's scroll box is not a tab stop:\n%s", got)
	}
}
