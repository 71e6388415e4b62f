// Package figures draws the graphs of one handbook for package render: DOT
// from package graph, laid out (or taken from the cache) by a
// graphviz.Renderer, and put in a <figure> with its facts as a table for
// screen readers. New(h, r) returns a Drawer, which is render.Graphs;
// what the pages of the handbook share (the neighbour index) lives in it,
// so it lives as long as the render that holds it. Graphs past MaxGraphNodes
// are not drawn; Limits warns about each of them.
package figures

import (
	"bytes"
	"html/template"
	"sync"

	"github.com/accord-handbook/accord/generator/graph"
	"github.com/accord-handbook/accord/generator/graphviz"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/render"
)

// Drawer draws the figures of one handbook. Its methods are safe for
// concurrent use: render draws pages on several goroutines.
type Drawer struct {
	h *model.Handbook
	r *graphviz.Renderer

	// neighbours indexes the steps once for every role page, instead of a
	// scan per role. Handbooks are not changed once checked, so it stays
	// true.
	neighboursOnce sync.Once
	neighbours     *graph.NeighbourIndex
}

var _ render.Graphs = (*Drawer)(nil)

// New returns a Drawer of h's figures, laid out by r.
func New(h *model.Handbook, r *graphviz.Renderer) *Drawer {
	return &Drawer{h: h, r: r}
}

// Department draws the department graph with every link, for graphs.html.
func (d *Drawer) Department(page string) (template.HTML, error) {
	if tooManyRoles(d.h) {
		return "", nil // see MaxGraphNodes
	}
	return d.figure(graph.Department(d.h, page))
}

// Overview draws the department for the home page, team by team when it
// has many roles (see graph.Overview), so it needs no limit but that on
// the teams.
func (d *Drawer) Overview(page string) (template.HTML, error) {
	if len(d.h.Teams) > MaxGraphNodes {
		return "", nil
	}
	return d.figure(graph.Overview(d.h, page))
}

func (d *Drawer) OrgChart(page string) (template.HTML, error) {
	if tooManyRoles(d.h) {
		return "", nil
	}
	return d.figure(graph.OrgChart(d.h, page))
}

func (d *Drawer) Workflow(w *model.Workflow, page string) (template.HTML, error) {
	if len(w.Steps) > MaxGraphNodes {
		return "", nil
	}
	return d.figure(graph.Workflow(d.h, w, page))
}

// Neighbourhood needs no limit: it draws at most 30 neighbours (the graph
// package's maxDrawnNeighbours) and lists the rest in its table.
func (d *Drawer) Neighbourhood(role, page string) (template.HTML, error) {
	return d.figure(d.neighbourIndex().Neighbourhood(d.h, role, page))
}

func (d *Drawer) neighbourIndex() *graph.NeighbourIndex {
	d.neighboursOnce.Do(func() { d.neighbours = graph.NewNeighbourIndex(d.h) })
	return d.neighbours
}

// UserDOT draws an author's ```dot block; errors were reported by the check.
func (d *Drawer) UserDOT(src string) (template.HTML, error) {
	svg, err := d.r.UserDOT(src)
	if err != nil {
		return "", err
	}
	return template.HTML(`<figure class="graph graph-user">` + string(svg) + `</figure>`), nil
}

func (d *Drawer) figure(dot string, alt graph.Alt) (html template.HTML, err error) {
	err = d.r.View(dot, func(svg []byte) { html = writeFigure(svg, alt, wideWidth(svg)) })
	return html, err
}

// wideWidth is the natural width ("1400pt") of a graph too wide to read
// when shrunk to the page, for the zoom button; "" for other graphs.
func wideWidth(svg []byte) string {
	head, _, _ := bytes.Cut(svg, []byte(">"))
	if !bytes.Contains(head, []byte("g-wide")) {
		return ""
	}
	_, rest, ok := bytes.Cut(head, []byte(`max-width:`))
	if !ok {
		return ""
	}
	w, _, _ := bytes.Cut(rest, []byte(`"`))
	for _, c := range w {
		if !(c >= '0' && c <= '9' || c == '.' || c == 'p' || c == 't' || c == 'x') {
			return ""
		}
	}
	return string(w)
}
