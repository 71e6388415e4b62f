package model

import (
	"slices"
	"strings"
)

// Index sorts every collection and builds the lookup maps. Load calls it;
// tests that build a Handbook by hand call it too. When two entities share an
// id the first one in sorted order wins the map entry (validate reports the
// duplicate).
func (h *Handbook) Index() {
	slices.SortStableFunc(h.Roles, func(a, b *Role) int { return strings.Compare(a.ID, b.ID) })
	slices.SortStableFunc(h.Workflows, func(a, b *Workflow) int { return strings.Compare(a.ID, b.ID) })
	slices.SortStableFunc(h.Policies, func(a, b *Policy) int { return strings.Compare(a.ID, b.ID) })
	slices.SortStableFunc(h.Pages, func(a, b *Page) int { return strings.Compare(a.Path, b.Path) })
	slices.Sort(h.Assets)

	h.TeamByID = map[string]*Team{}
	for _, t := range h.Teams {
		if _, dup := h.TeamByID[t.ID]; !dup {
			h.TeamByID[t.ID] = t
		}
	}
	h.RoleByID = map[string]*Role{}
	for _, r := range h.Roles {
		h.RoleByID[r.ID] = r
	}
	h.WorkflowByID = map[string]*Workflow{}
	for _, w := range h.Workflows {
		h.WorkflowByID[w.ID] = w
		for i, s := range w.Steps {
			s.Index = i
			nonNil(&s.Responsible, &s.Consulted, &s.Informed, &s.Next, &s.Outputs)
		}
	}
	for _, r := range h.Roles {
		nonNil(&r.Duties, &r.Goals, &r.Onboarding)
		if r.KPIs == nil {
			r.KPIs = []KPI{}
		}
	}
	for _, t := range h.Terms {
		nonNil(&t.Aliases)
	}
	if h.Assets == nil {
		h.Assets = []string{}
	}
	h.PolicyByID = map[string]*Policy{}
	for _, p := range h.Policies {
		h.PolicyByID[p.ID] = p
	}
	h.PersonByID = map[string]*Person{}
	for _, p := range h.People {
		if _, dup := h.PersonByID[p.ID]; !dup {
			h.PersonByID[p.ID] = p
		}
	}
	h.PageByPath = map[string]*Page{}
	for _, p := range h.Pages {
		h.PageByPath[p.Path] = p
	}
}

// StepByID returns the step with the given id, or nil.
func (w *Workflow) StepByID(id string) *Step {
	for _, s := range w.Steps {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// Letters returns the RACI letters a role holds on a step, in R, A, C, I
// order ("R/A" when a role is both responsible and accountable).
func (s *Step) Letters(role string) string {
	var out []string
	if slices.Contains(s.Responsible, role) {
		out = append(out, "R")
	}
	if s.Accountable == role {
		out = append(out, "A")
	}
	if slices.Contains(s.Consulted, role) {
		out = append(out, "C")
	}
	if slices.Contains(s.Informed, role) {
		out = append(out, "I")
	}
	return strings.Join(out, "/")
}

// Roles returns every role the step names, each once, in R, A, C, I order.
func (s *Step) Roles() []string {
	var out []string
	s.EachRole(func(id string) {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	})
	return out
}

// EachRole calls fn with every role the step names, in R, A, C, I order,
// without allocating: a role named under two letters comes twice.
func (s *Step) EachRole(fn func(id string)) {
	for _, r := range s.Responsible {
		if r != "" {
			fn(r)
		}
	}
	if s.Accountable != "" {
		fn(s.Accountable)
	}
	for _, r := range s.Consulted {
		if r != "" {
			fn(r)
		}
	}
	for _, r := range s.Informed {
		if r != "" {
			fn(r)
		}
	}
}

// RoleName returns the role's name, or the id when the role is unknown.
func (h *Handbook) RoleName(id string) string {
	if r := h.RoleByID[id]; r != nil && r.Name != "" {
		return r.Name
	}
	return id
}

// ReportingChain is the role id and every role above it, following
// reports_to to the top of the tree. It stops before a role already on the
// chain (a cycle, which validate reports) and at an id no role has.
func (h *Handbook) ReportingChain(id string) []string {
	var chain []string
	on := map[string]bool{}
	for r := h.RoleByID[id]; r != nil && !on[r.ID]; r = h.RoleByID[r.ReportsTo] {
		on[r.ID] = true
		chain = append(chain, r.ID)
	}
	return chain
}

// nonNil makes left-out lists empty, so that model.json writes [] for them
// just as for lists written as [] (the format says both mean the same).
func nonNil(lists ...*[]string) {
	for _, l := range lists {
		if *l == nil {
			*l = []string{}
		}
	}
}
