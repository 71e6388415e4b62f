package raci

import "github.com/accord-handbook/accord/generator/model"

// MaxDepartmentCells bounds the department matrix (steps × roles). Past it
// the matrix is no longer something a reader scans, and the page grows
// past what a browser lays out quickly (bench/README.md, "Limits"). The
// department page then shows one row per workflow (its Roster) and each
// workflow's own page keeps its full matrix.
const MaxDepartmentCells = 60_000

// Roster is one workflow's roles by letter over all its steps: the
// department matrix folded to one row per workflow.
type Roster struct {
	Workflow *model.Workflow
	// Each role once, in department order; a role that is R on one step
	// and C on another appears under both letters.
	R, A, C, I []*model.Role
}

// DepartmentRoles returns every role that appears in any step, in display
// order, and the number of steps: the columns and rows of the department
// matrix, without building it.
func DepartmentRoles(h *model.Handbook, o *Order) (roles []*model.Role, steps int) {
	used := map[string]bool{}
	for _, w := range h.Workflows {
		steps += len(w.Steps)
		for _, s := range w.Steps {
			s.EachRole(func(id string) { used[id] = true })
		}
	}
	for _, r := range h.Roles {
		if used[r.ID] {
			roles = append(roles, r)
		}
	}
	return o.Sort(roles), steps
}

// Rosters folds the department matrix over roles (in display order) to one
// Roster per workflow.
func Rosters(h *model.Handbook, roles []*model.Role) []Roster {
	rank := make(map[string]int, len(roles))
	for i, r := range roles {
		rank[r.ID] = i
	}
	out := make([]Roster, 0, len(h.Workflows))
	for _, w := range h.Workflows {
		var has [4][]bool // R, A, C, I by role rank
		for i := range has {
			has[i] = make([]bool, len(roles))
		}
		mark := func(letter int, id string) {
			if i, ok := rank[id]; ok {
				has[letter][i] = true
			}
		}
		for _, s := range w.Steps {
			for _, id := range s.Responsible {
				mark(0, id)
			}
			mark(1, s.Accountable)
			for _, id := range s.Consulted {
				mark(2, id)
			}
			for _, id := range s.Informed {
				mark(3, id)
			}
		}
		var lists [4][]*model.Role
		for letter, set := range has {
			for i, ok := range set {
				if ok {
					lists[letter] = append(lists[letter], roles[i])
				}
			}
		}
		out = append(out, Roster{Workflow: w, R: lists[0], A: lists[1], C: lists[2], I: lists[3]})
	}
	return out
}
