package raci

import (
	"slices"

	"github.com/accord-handbook/accord/generator/model"
)

// The straightforward versions of Index.ForRole and Index.Neighbours, which
// the tests compare the index with.

// ForRole lists everything a role is R, A, C or I for, grouped by workflow
// in workflow order, steps in step order.
func ForRole(h *model.Handbook, role string) ([]WorkflowAssignments, Counts) {
	var out []WorkflowAssignments
	var n Counts
	for _, w := range h.Workflows {
		var wa WorkflowAssignments
		for _, s := range w.Steps {
			l := s.Letters(role)
			if l == "" {
				continue
			}
			wa.Steps = append(wa.Steps, Assignment{Step: s, Letters: l})
			if slices.Contains(s.Responsible, role) {
				n.R++
			}
			if s.Accountable == role {
				n.A++
			}
			if slices.Contains(s.Consulted, role) {
				n.C++
			}
			if slices.Contains(s.Informed, role) {
				n.I++
			}
		}
		if len(wa.Steps) > 0 {
			wa.Workflow = w
			out = append(out, wa)
		}
	}
	return out, n
}

// Neighbours lists the roles that share at least one step with role, most
// shared steps first.
func Neighbours(h *model.Handbook, role string) []Neighbour {
	count := map[string]int{}
	for _, w := range h.Workflows {
		for _, s := range w.Steps {
			ids := s.Roles()
			if !slices.Contains(ids, role) {
				continue
			}
			for _, id := range ids {
				if id != role {
					count[id]++
				}
			}
		}
	}
	var out []Neighbour
	for _, r := range orderByWalk(h, h.Roles) {
		if n := count[r.ID]; n > 0 {
			out = append(out, Neighbour{Role: r, Steps: n})
		}
	}
	slices.SortStableFunc(out, func(a, b Neighbour) int { return b.Steps - a.Steps })
	return out
}
