package graph

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator/load"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/urls"
)

// shipped loads the agreement accord ships with.
func shipped(t testing.TB) *model.Handbook {
	t.Helper()
	h, diags := load.Load(os.DirFS("../../content"), "content")
	if diags.HasErrors() {
		t.Fatalf("the shipped content does not load: %v", diags.Err())
	}
	return h
}

// TestShipped: the shipped agreement's graphs are deterministic (golden
// files for the department graph, its overview and the org chart), and every graph of
// every page renders with each node linking to a page that exists.
func TestShipped(t *testing.T) {
	h := shipped(t)
	dept, _ := Department(h, urls.Graphs)
	golden(t, "content-department.dot", dept)
	over, _ := Overview(h, urls.Home)
	golden(t, "content-overview.dot", over)
	org, _ := OrgChart(h, urls.Teams)
	golden(t, "content-orgchart.dot", org)

	type graph struct{ page, dot, title string }
	graphs := []graph{{urls.Graphs, dept, "department"}, {urls.Home, over, "overview"}, {urls.Teams, org, "org chart"}}
	for _, r := range h.Roles {
		dot, alt := Neighbourhood(h, r.ID, urls.Role(r.ID))
		graphs = append(graphs, graph{urls.Role(r.ID), dot, alt.Title})
	}
	for _, w := range h.Workflows {
		dot, alt := Workflow(h, w, urls.Workflow(w.ID))
		graphs = append(graphs, graph{urls.Workflow(w.ID), dot, alt.Title})
	}

	r := newRenderer(t)
	pages := pagesOf(h)
	start := time.Now()
	links := 0
	for _, g := range graphs {
		svg, err := r.SVGWithTitle(g.dot, g.title)
		if err != nil {
			t.Fatalf("%s: %v", g.page, err)
		}
		checkSVG(t, svg, g.page, pages)
		links += strings.Count(string(svg), "xlink:href=")
	}
	s := r.Stats()
	t.Logf("%d graphs, %d links, %v (layout %v in %d layouts)", len(graphs), links, time.Since(start), s.LayoutTime, s.Layouts)
	if links < len(h.Roles) {
		t.Errorf("only %d links in %d graphs", links, len(graphs))
	}
}
