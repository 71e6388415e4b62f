package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator/model"
)

// scanNeighbours is the per-role scan the index replaced: the reference.
func scanNeighbours(h *model.Handbook, role string) []neighbour {
	byID := map[string]*neighbour{}
	for _, w := range h.Workflows {
		for _, s := range w.Steps {
			roles := s.Roles()
			if !slices.Contains(roles, role) {
				continue
			}
			for _, other := range roles {
				if other == role || h.RoleByID[other] == nil {
					continue
				}
				n := byID[other]
				if n == nil {
					n = &neighbour{id: other}
					byID[other] = n
				}
				n.steps = append(n.steps, fmt.Sprintf("%s (%s)", s.Name, w.Name))
			}
		}
	}
	var out []neighbour
	for _, n := range byID {
		out = append(out, *n)
	}
	slices.SortFunc(out, func(a, b neighbour) int {
		return cmp.Or(cmp.Compare(len(b.steps), len(a.steps)), cmp.Compare(a.id, b.id))
	})
	return out
}

// TestNeighbourIndex_sameAsScan: the index gives every role, and a role
// no step names, the neighbours a scan of every step would.
func TestNeighbourIndex_sameAsScan(t *testing.T) {
	odd := testHandbook()
	// A role on a step twice (R and A), an unknown role, a step alone.
	odd.Workflows[0].Steps = append(odd.Workflows[0].Steps,
		&model.Step{ID: "x", Name: "x", Responsible: []string{"clerk", "ghost"}, Accountable: "clerk", Informed: []string{"buyer", "clerk"}},
		&model.Step{ID: "y", Name: "y", Responsible: []string{"cashier"}, Accountable: "cashier"})
	odd.Index()
	tests := []struct {
		name string
		h    *model.Handbook
	}{
		{"test handbook", testHandbook()},
		{"odd steps", odd},
		{"shipped", shipped(t)},
		{"synthetic 200", synthetic(200)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := NewNeighbourIndex(tt.h)
			ids := []string{"ghost", "nobody"}
			for _, r := range tt.h.Roles {
				ids = append(ids, r.ID)
			}
			for _, id := range ids {
				got, want := ix.neighbours(id), scanNeighbours(tt.h, id)
				if !slices.EqualFunc(got, want, func(a, b neighbour) bool {
					return a.id == b.id && slices.Equal(a.steps, b.steps)
				}) {
					t.Errorf("%s: index %v, scan %v", id, got, want)
				}
			}
		})
	}
}

// hubHandbook has a role "hub" that shares i+1 steps with role i of n.
func hubHandbook(n int, lang string) *model.Handbook {
	h := &model.Handbook{Meta: model.Meta{Language: lang}}
	h.Roles = append(h.Roles, &model.Role{ID: "hub", Name: "Hub"})
	w := &model.Workflow{ID: "w", Name: "W"}
	for i := range n {
		id := fmt.Sprintf("r%02d", i)
		h.Roles = append(h.Roles, &model.Role{ID: id, Name: "Role " + id})
		for k := range i + 1 {
			w.Steps = append(w.Steps, &model.Step{ID: fmt.Sprintf("s%d-%d", i, k), Name: "S",
				Responsible: []string{"hub"}, Accountable: id})
		}
	}
	h.Workflows = []*model.Workflow{w}
	h.Index()
	return h
}

// TestNeighbourhood_cap: past maxDrawnNeighbours only the roles sharing
// most steps are drawn, the title says so in the handbook's language, and
// the table still lists every neighbour.
func TestNeighbourhood_cap(t *testing.T) {
	tests := []struct {
		name      string
		n         int
		lang      string
		titleWant string // "" for the plain title
	}{
		{"few", 5, "en", ""},
		{"exactly the cap", maxDrawnNeighbours, "en", ""},
		{"past the cap, English", maxDrawnNeighbours + 12, "en",
			fmt.Sprintf("Whom Hub works with (the drawing shows the %d roles sharing most steps; the table lists all %d)", maxDrawnNeighbours, maxDrawnNeighbours+12)},
		{"past the cap, Chinese", maxDrawnNeighbours + 1, "zh-CN",
			fmt.Sprintf("Hub 的协作关系（图中只画出共同步骤最多的 %d 个岗位，共 %d 个，见下表）", maxDrawnNeighbours, maxDrawnNeighbours+1)},
	}
	r := newRenderer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := hubHandbook(tt.n, tt.lang)
			dot, alt := Neighbourhood(h, "hub", "roles/hub.html")
			nodes := drawnNodes(t, r, dot)
			drawn := min(tt.n, maxDrawnNeighbours)
			if len(nodes) != drawn+1 {
				t.Errorf("%d nodes, want %d neighbours and the centre", len(nodes), drawn)
			}
			// Role i shares i+1 steps: the strongest are the last ones.
			for i := range tt.n {
				ok := slices.Contains(nodes, h.RoleName(fmt.Sprintf("r%02d", i)))
				if want := i >= tt.n-drawn; ok != want {
					t.Errorf("r%02d (%d steps) drawn: %v, want %v", i, i+1, ok, want)
				}
			}
			if want := LabelsFor(tt.lang); tt.titleWant == "" && alt.Title != fmt.Sprintf(want.Neighbourhood, "Hub") ||
				tt.titleWant != "" && alt.Title != tt.titleWant {
				t.Errorf("title %q, want %q", alt.Title, tt.titleWant)
			}
			if len(alt.Rows) != tt.n {
				t.Errorf("%d table rows, want every neighbour (%d)", len(alt.Rows), tt.n)
			}
			if got, want := strings.Count(dot, " -> "), drawn; got != want {
				t.Errorf("%d edges, want %d", got, want)
			}
		})
	}
}

// TestNeighbourhood_shippedUncapped: the cap leaves the shipped agreement's
// neighbourhood graphs as they were.
func TestNeighbourhood_shippedUncapped(t *testing.T) {
	h := shipped(t)
	ix := NewNeighbourIndex(h)
	for _, r := range h.Roles {
		if n := len(ix.neighbours(r.ID)); n > maxDrawnNeighbours {
			t.Errorf("%s has %d neighbours: its graph is capped", r.ID, n)
		}
	}
}
