// Package raci turns workflows into RACI matrices and per-role views. It is
// pure: a model goes in, plain data for templates and checks comes out.
package raci

import (
	"slices"
	"strings"

	"github.com/accord-handbook/accord/generator/model"
)

// Matrix is steps × roles: one row per step, one column per role, one cell
// per pair holding the letters ("R", "A", "R/A", "C", "I" or "").
type Matrix struct {
	Roles []*model.Role // columns, in department order
	Rows  []Row
}

// Row is one step of the matrix.
type Row struct {
	Workflow *model.Workflow
	Step     *model.Step
	Cells    []string // parallel to Matrix.Roles
}

// Group is the rows of one workflow within a department matrix.
type Group struct {
	Workflow *model.Workflow
	Rows     []Row
}

// ForWorkflow builds a workflow's matrix over the roles its steps name.
func ForWorkflow(h *model.Handbook, o *Order, w *model.Workflow) Matrix {
	used := map[string]bool{}
	for _, s := range w.Steps {
		for _, id := range s.Roles() {
			used[id] = true
		}
	}
	var roles []*model.Role
	for _, r := range h.Roles {
		if used[r.ID] {
			roles = append(roles, r)
		}
	}
	m := Matrix{Roles: o.Sort(roles)}
	m.Rows = rows(w, m.Roles)
	return m
}

func rows(w *model.Workflow, roles []*model.Role) []Row {
	out := make([]Row, 0, len(w.Steps))
	for _, s := range w.Steps {
		cells := make([]string, len(roles))
		for i, r := range roles {
			cells[i] = s.Letters(r.ID)
		}
		out = append(out, Row{Workflow: w, Step: s, Cells: cells})
	}
	return out
}

// Department builds the matrix of every step of every workflow × every role
// that appears in any step, grouped by workflow.
func Department(h *model.Handbook, o *Order) (roles []*model.Role, groups []Group) {
	roles, _ = DepartmentRoles(h, o)
	for _, w := range h.Workflows {
		groups = append(groups, Group{Workflow: w, Rows: rows(w, roles)})
	}
	return roles, groups
}

// Assignment is one step a role holds letters on.
type Assignment struct {
	Step    *model.Step
	Letters string
}

// WorkflowAssignments is a role's assignments within one workflow.
type WorkflowAssignments struct {
	Workflow *model.Workflow
	Steps    []Assignment
}

// Counts totals a role's letters.
type Counts struct{ R, A, C, I int }

// Neighbour is a role another role shares steps with.
type Neighbour struct {
	Role  *model.Role
	Steps int
}

// Index holds every role's assignments and neighbours, computed in one pass
// over the steps: asking ForRole or Neighbours for each of 300 roles would
// scan 10,000 steps 300 times.
type Index struct {
	assign map[string][]WorkflowAssignments
	counts map[string]Counts
	shared map[string]map[string]int // role -> other role -> shared steps
	order  *Order
}

// NewIndex indexes h, whose roles o orders. The results equal ForRole's
// and Neighbours'.
func NewIndex(h *model.Handbook, o *Order) *Index {
	ix := &Index{assign: map[string][]WorkflowAssignments{}, counts: map[string]Counts{}, shared: map[string]map[string]int{}, order: o}
	for _, w := range h.Workflows {
		for _, s := range w.Steps {
			roles := s.Roles()
			for _, id := range roles {
				l := s.Letters(id)
				list := ix.assign[id]
				if len(list) == 0 || list[len(list)-1].Workflow != w {
					list = append(list, WorkflowAssignments{Workflow: w})
				}
				list[len(list)-1].Steps = append(list[len(list)-1].Steps, Assignment{Step: s, Letters: l})
				ix.assign[id] = list
				n := ix.counts[id]
				for _, c := range strings.Split(l, "/") {
					switch c {
					case "R":
						n.R++
					case "A":
						n.A++
					case "C":
						n.C++
					case "I":
						n.I++
					}
				}
				ix.counts[id] = n
				m := ix.shared[id]
				if m == nil {
					m = map[string]int{}
					ix.shared[id] = m
				}
				for _, other := range roles {
					if other != id {
						m[other]++
					}
				}
			}
		}
	}
	return ix
}

// ForRole is ForRole(h, role), from the index.
func (ix *Index) ForRole(role string) ([]WorkflowAssignments, Counts) {
	return ix.assign[role], ix.counts[role]
}

// Neighbours is Neighbours(h, role), from the index: most shared steps
// first, then in display order. It sorts the role's own neighbours rather
// than filter every role of the handbook, once per onboarding page.
func (ix *Index) Neighbours(role string) []Neighbour {
	var out []Neighbour
	for id, n := range ix.shared[role] {
		if r, ok := ix.order.Role(id); ok {
			out = append(out, Neighbour{Role: r, Steps: n})
		}
	}
	slices.SortFunc(out, func(a, b Neighbour) int {
		if a.Steps != b.Steps {
			return b.Steps - a.Steps
		}
		return ix.order.rank[a.Role.ID] - ix.order.rank[b.Role.ID]
	})
	return out
}
