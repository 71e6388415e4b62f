package graph_test

import (
	"os"
	"testing"
	"time"

	"github.com/accord-handbook/accord/bench/synth"
	"github.com/accord-handbook/accord/generator/graph"
	"github.com/accord-handbook/accord/generator/graphviz"
	"github.com/accord-handbook/accord/generator/load"
	"github.com/accord-handbook/accord/generator/urls"
)

// BenchmarkHandbookGraphs lays out each kind of graph of the shipped and
// the large synthetic handbook with a cold in-memory cache (a comment makes
// every DOT text new), and times making the DOT text alone. Run with
// -benchtime=1x: a 300-role department graph takes seconds.
func BenchmarkHandbookGraphs(b *testing.B) {
	for _, c := range synth.Corpora(b) {
		h, _ := load.Load(os.DirFS(c.Dir), c.Name)
		h.Index()
		if len(h.Workflows) == 0 || len(h.Roles) == 0 {
			continue
		}
		kinds := []struct {
			name string
			dot  func() string
		}{
			{"department", func() string { d, _ := graph.Department(h, urls.Home); return d }},
			{"orgchart", func() string { d, _ := graph.OrgChart(h, urls.Teams); return d }},
			{"workflow", func() string { d, _ := graph.Workflow(h, h.Workflows[0], urls.Workflow(h.Workflows[0].ID)); return d }},
			{"neighbourhood", func() string {
				d, _ := graph.Neighbourhood(h, h.Roles[0].ID, urls.Role(h.Roles[0].ID))
				return d
			}},
		}
		r := graphviz.New("")
		if _, err := r.SVG("digraph { a -> b }"); err != nil { // start the worker outside the timing
			b.Fatal(err)
		}
		for _, k := range kinds {
			b.Run(c.Name+"/"+k.name+"/dot", func(b *testing.B) {
				for b.Loop() {
					k.dot()
				}
			})
			dot := k.dot()
			b.Run(c.Name+"/"+k.name+"/layout", func(b *testing.B) {
				i := 0
				for b.Loop() {
					i++
					if _, err := r.SVG(dot + "// " + time.Now().String() + string(rune('a'+i%26)) + "\n"); err != nil {
						b.Skipf("%d bytes of DOT: %v", len(dot), err) // a timeout is a figure too
					}
				}
				b.ReportMetric(float64(len(dot)), "dot-bytes")
			})
		}
		r.Close()
	}
}
