package generator

import (
	"bytes"
	"html/template"
	"path"
	"runtime"
	"sync"
	"weak"

	"github.com/accord-handbook/accord/generator/graph"
	"github.com/accord-handbook/accord/generator/graphviz"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/render"
)

// siteGraphs draws the graphs of one handbook for render: DOT from the graph
// package, laid out (or taken from the cache) by one shared Renderer, and
// wrapped with its text alternative.
type siteGraphs struct {
	h *model.Handbook
	r *graphviz.Renderer
}

var _ render.VersionGraphs = siteGraphs{}

// Department draws the department graph. Its nodes link to role pages
// relative to page, so every page of one folder shows the same figure (the
// home page and graphs.html, both at the root): it is drawn once per
// folder, for the first page that asks.
func (g siteGraphs) Department(page string) (template.HTML, error) {
	if tooManyRoles(g.h) {
		return "", nil // see MaxGraphNodes
	}
	f := shared(g.h).department(path.Dir(page))
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.done {
		html, err := g.figure(graph.Department(g.h, page))
		if err != nil {
			return "", err // not kept: the next page tries again
		}
		f.html, f.done = html, true
	}
	return f.html, nil
}

func (g siteGraphs) OrgChart(page string) (template.HTML, error) {
	if tooManyRoles(g.h) {
		return "", nil
	}
	return g.figure(graph.OrgChart(g.h, page))
}

func (g siteGraphs) Workflow(w *model.Workflow, page string) (template.HTML, error) {
	if len(w.Steps) > MaxGraphNodes {
		return "", nil
	}
	return g.figure(graph.Workflow(g.h, w, page))
}

// Neighbourhood needs no limit: it draws at most 30 neighbours (the graph
// package's maxDrawnNeighbours) and lists the rest in its table.
func (g siteGraphs) Neighbourhood(role, page string) (template.HTML, error) {
	return g.figure(shared(g.h).neighbourIndex(g.h).Neighbourhood(g.h, role, page))
}

// perHandbook is what the pages of one handbook share for their graphs,
// built by the first page that needs it: the neighbour index (one pass over
// the steps instead of one per role page) and the department figures.
//
// It lives in handbooks rather than in siteGraphs because siteGraphs is a
// value made wherever a handbook is drawn. Keys are weak, and nothing here
// refers to the handbook, so a handbook that a serve session has replaced
// is collected and its entry dropped.
type perHandbook struct {
	neighboursOnce sync.Once
	neighbours     *graph.NeighbourIndex

	mu          sync.Mutex
	departments map[string]*sharedFigure // by the folder of the page
}

// sharedFigure is a figure drawn once for several pages; its lock is held
// while it is drawn, so that the other pages wait for it.
type sharedFigure struct {
	mu   sync.Mutex
	html template.HTML
	done bool
}

var handbooks = struct {
	sync.Mutex
	m map[weak.Pointer[model.Handbook]]*perHandbook
}{m: map[weak.Pointer[model.Handbook]]*perHandbook{}}

// shared returns h's entry, making it on first use.
func shared(h *model.Handbook) *perHandbook {
	k := weak.Make(h)
	handbooks.Lock()
	defer handbooks.Unlock()
	p := handbooks.m[k]
	if p == nil {
		p = &perHandbook{departments: map[string]*sharedFigure{}}
		handbooks.m[k] = p
		runtime.AddCleanup(h, func(k weak.Pointer[model.Handbook]) {
			handbooks.Lock()
			delete(handbooks.m, k)
			handbooks.Unlock()
		}, k)
	}
	return p
}

// neighbourIndex returns h's neighbour index, building it once. Handbooks
// are not changed once checked, so the index stays true.
func (p *perHandbook) neighbourIndex(h *model.Handbook) *graph.NeighbourIndex {
	p.neighboursOnce.Do(func() { p.neighbours = graph.NewNeighbourIndex(h) })
	return p.neighbours
}

// department returns the department figure of the pages in dir.
func (p *perHandbook) department(dir string) *sharedFigure {
	p.mu.Lock()
	defer p.mu.Unlock()
	f := p.departments[dir]
	if f == nil {
		f = &sharedFigure{}
		p.departments[dir] = f
	}
	return f
}

// UserDOT draws an author's ```dot block; errors were reported by Check.
func (g siteGraphs) UserDOT(src string) (template.HTML, error) {
	svg, err := g.r.UserDOT(src)
	if err != nil {
		return "", err
	}
	return template.HTML(`<figure class="graph graph-user">` + string(svg) + `</figure>`), nil
}

// For draws an earlier version of the handbook with the same Renderer.
func (g siteGraphs) For(h *model.Handbook) render.Graphs { return siteGraphs{h: h, r: g.r} }

func (g siteGraphs) figure(dot string, alt graph.Alt) (html template.HTML, err error) {
	err = g.r.View(dot, func(svg []byte) { html = writeFigure(svg, alt, wideWidth(svg)) })
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
