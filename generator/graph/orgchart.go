package graph

import (
	"github.com/accord-handbook/accord/generator/model"
)

// OrgChart draws the reports_to tree top-down, managers above their
// reports. Roles of the department are drawn without team clusters, which
// would fight the tree, and tinted in their team's colour; roles of external
// teams stand apart in their teams' dashed clusters. The Alt has one row per
// role: name, manager, team.
func OrgChart(h *model.Handbook, page string) (string, Alt) {
	l := LabelsFor(h.Meta.Language)
	w := newDOTWriter()
	w.open("digraph orgchart")
	graphDefaults(w, "TB")

	external := func(r *model.Role) bool {
		t := h.TeamByID[r.Team]
		return t != nil && t.External()
	}
	for _, r := range h.Roles {
		if !external(r) {
			w.node(r.ID, roleAttrs(h, r, page, l, false))
		}
	}
	teamClusters(w, h, page, l, external)

	alt := Alt{Title: l.OrgChart, Header: []string{l.Role, l.ReportsTo, l.Team}}
	for _, r := range h.Roles {
		manager := ""
		if h.RoleByID[r.ReportsTo] != nil && r.ReportsTo != r.ID {
			manager = h.RoleName(r.ReportsTo)
			w.edge(r.ReportsTo, r.ID, attrs{
				{"arrowhead", "none"},
				{"class", "g-edge"},
				{"tooltip", manager + " → " + h.RoleName(r.ID)},
			})
		}
		team := r.Team
		if t := h.TeamByID[r.Team]; t != nil {
			team = t.Name
			if t.External() {
				team += " (" + l.External + ")"
			}
		}
		alt.Rows = append(alt.Rows, []string{h.RoleName(r.ID), manager, team})
	}
	w.close()
	return w.done(), alt
}
