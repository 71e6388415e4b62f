package graph

import (
	"cmp"
	"fmt"
	"slices"
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
