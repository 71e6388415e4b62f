package figures

import (
	"html/template"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/accord-handbook/accord/generator/graph"
	"github.com/accord-handbook/accord/generator/graphviz"
	"github.com/accord-handbook/accord/generator/load"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/urls"
)

func smallHandbook() *model.Handbook {
	h := &model.Handbook{
		Roles: []*model.Role{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}},
		Workflows: []*model.Workflow{{ID: "w", Name: "W", Steps: []*model.Step{
			{ID: "s", Name: "S", Responsible: []string{"a"}, Accountable: "b"},
		}}},
	}
	h.Index()
	return h
}

// TestNeighbourIndex_perHandbook: concurrent role pages of one handbook
// share one index; another handbook (an earlier version) gets its own.
func TestNeighbourIndex_perHandbook(t *testing.T) {
	h, other := smallHandbook(), smallHandbook()
	d := New(h, nil)
	first := d.neighbourIndex()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if d.neighbourIndex() != first {
				t.Error("a second index for the same handbook")
			}
		})
	}
	wg.Wait()
	if New(other, nil).neighbourIndex() == first {
		t.Error("two handbooks share an index")
	}
	if dot, _ := d.neighbourIndex().Neighbourhood(h, "a", "roles/a.html"); len(dot) == 0 {
		t.Error("no DOT")
	}
}

// TestDepartment_oncePerFolder: the home page and graphs.html get the same
// department graph (what drawing it once per folder relies on), it is
// asked of the Renderer once for both, even when both pages ask at once,
// and a page in another folder gets its own.
func TestDepartment_oncePerFolder(t *testing.T) {
	h, diags := load.Load(os.DirFS("../../content"), "content")
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	home, _ := graph.Department(h, urls.Home)
	if page, _ := graph.Department(h, urls.Graphs); page != home {
		t.Fatalf("%s and %s draw different department graphs", urls.Home, urls.Graphs)
	}

	r := graphviz.New("")
	defer r.Close()
	g := New(h, r)
	figures := make([]template.HTML, 4)
	var wg sync.WaitGroup
	for i := range figures {
		wg.Go(func() {
			var err error
			if figures[i], err = g.Department([]string{urls.Home, urls.Graphs}[i%2]); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for _, f := range figures {
		if f != figures[0] || !strings.Contains(string(f), "<svg") {
			t.Fatal("pages at the root show different department figures")
		}
	}
	if s := r.Stats(); s.Graphs != 1 {
		t.Errorf("%d graphs asked for, want 1", s.Graphs)
	}
	other, err := g.Department("a/b.html")
	if err != nil {
		t.Fatal(err)
	}
	if other == figures[0] || !strings.Contains(string(other), `href="../roles/`) {
		t.Error("a page in another folder shows the root's figure")
	}
	if s := r.Stats(); s.Graphs != 2 {
		t.Errorf("%d graphs asked for, want 2", s.Graphs)
	}
}
