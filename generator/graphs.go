package generator

import (
	"bytes"
	"html/template"
	"runtime"
	"sync"
	"weak"

	"github.com/accord-handbook/accord/generator/graph"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/render"
)

// siteGraphs draws the graphs of one handbook for render: DOT from the graph
// package, laid out (or taken from the cache) by one shared Renderer, and
// wrapped with its text alternative.
type siteGraphs struct {
	h *model.Handbook
	r *graph.Renderer
}

var _ render.VersionGraphs = siteGraphs{}

func (g siteGraphs) Department(page string) (template.HTML, error) {
	if tooManyRoles(g.h) {
		return "", nil // see MaxGraphNodes
	}
	return g.figure(graph.Department(g.h, page))
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
	return g.figure(neighbourIndex(g.h).Neighbourhood(g.h, role, page))
}

// neighbourIndexes holds the neighbour index of each handbook drawn, built
// at its first role page and shared by the rest (one pass over the steps
// instead of one per role). It lives here rather than in siteGraphs because
// siteGraphs is a value made wherever a handbook is drawn; keys are weak, and
// an index keeps no reference to its handbook, so a handbook that a serve
// session has replaced is collected and its entry dropped.
var neighbourIndexes = struct {
	sync.Mutex
	m map[weak.Pointer[model.Handbook]]*lazyNeighbours
}{m: map[weak.Pointer[model.Handbook]]*lazyNeighbours{}}

type lazyNeighbours struct {
	once sync.Once
	ix   *graph.NeighbourIndex
}

// neighbourIndex returns h's neighbour index, building it once. Handbooks
// are not changed once checked, so the index stays true.
func neighbourIndex(h *model.Handbook) *graph.NeighbourIndex {
	k := weak.Make(h)
	neighbourIndexes.Lock()
	l := neighbourIndexes.m[k]
	if l == nil {
		l = &lazyNeighbours{}
		neighbourIndexes.m[k] = l
		runtime.AddCleanup(h, func(k weak.Pointer[model.Handbook]) {
			neighbourIndexes.Lock()
			delete(neighbourIndexes.m, k)
			neighbourIndexes.Unlock()
		}, k)
	}
	neighbourIndexes.Unlock()
	l.once.Do(func() { l.ix = graph.NewNeighbourIndex(h) })
	return l.ix
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

func (g siteGraphs) figure(dot string, alt graph.Alt) (template.HTML, error) {
	svg, err := g.r.SVGWithTitle(dot, alt.Title)
	if err != nil {
		return "", err
	}
	return writeFigure(svg, alt, wideWidth(svg)), nil
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
