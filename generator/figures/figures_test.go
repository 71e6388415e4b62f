package figures

import (
	"html/template"
	"os"
	"strings"
	"sync"
	"testing"

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

// TestOverview_andDepartment: the home page gets the overview, with its
// legend and at most forty lines; graphs.html the department graph with
// all of them.
func TestOverview_andDepartment(t *testing.T) {
	h, diags := load.Load(os.DirFS("../../content"), "content")
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	r := graphviz.New("")
	defer r.Close()
	g := New(h, r)
	home, err := g.Overview(urls.Home)
	if err != nil {
		t.Fatal(err)
	}
	full, err := g.Department(urls.Graphs)
	if err != nil {
		t.Fatal(err)
	}
	lines := func(f template.HTML) int { return strings.Count(string(f), `class="edge `) }
	if n := lines(home); n == 0 || n > 40 {
		t.Errorf("the home page's graph has %d lines, want 1 to 40", n)
	}
	if n := lines(full); n <= 40 {
		t.Errorf("the full graph has %d lines, fewer than the overview's limit", n)
	}
	if !strings.Contains(string(home), `<p class="legend">`) || strings.Contains(string(full), `<p class="legend">`) {
		t.Error("the legend is not in the overview's figure alone")
	}
	if !strings.Contains(string(home), `href="roles/`) {
		t.Error("the overview's roles do not link to their pages")
	}
}
