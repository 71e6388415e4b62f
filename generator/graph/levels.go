package graph

import "github.com/accord-handbook/accord/generator/model"

// levels gives each role of ids a level for dot to rank by: its depth in
// the reports_to tree (0 at the top), and for roles of external teams one
// more than the deepest role of the department. Edges drawn from the lower
// level to the higher keep managers above their reports and customers,
// suppliers and agents below the department, whatever the ids; edges have
// no arrowheads, so the direction given to dot is not seen. A reports_to
// cycle (an error the check reports) ends the walk where it closes.
func levels(h *model.Handbook, ids []string) []int {
	depth := make(map[string]int, len(h.Roles))
	var chain []string
	for _, r := range h.Roles {
		chain = chain[:0]
		top := -1 // the depth of the manager the chain leads to
		for id := r.ID; ; {
			if d, ok := depth[id]; ok {
				top = d
				break
			}
			chain = append(chain, id)
			up := h.RoleByID[id]
			if up == nil || up.ReportsTo == "" || h.RoleByID[up.ReportsTo] == nil || len(chain) > len(h.Roles) {
				break
			}
			id = up.ReportsTo
		}
		for i := len(chain) - 1; i >= 0; i-- {
			top++
			depth[chain[i]] = top
		}
	}
	deepest := 0
	for _, d := range depth {
		deepest = max(deepest, d)
	}
	out := make([]int, len(ids))
	for i, id := range ids {
		out[i] = depth[id]
		if external(h, id) {
			out[i] = deepest + 1
		}
	}
	return out
}

// external reports whether a role belongs to an external team.
func external(h *model.Handbook, role string) bool {
	r := h.RoleByID[role]
	if r == nil {
		return false
	}
	t := h.TeamByID[r.Team]
	return t != nil && t.External()
}
