package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/accord-handbook/accord/generator/model"
)

// maxTipSteps bounds the steps named in an edge tooltip; the Alt lists all.
const maxTipSteps = 8

// neighbour is a role that shares steps with the centre role.
type neighbour struct {
	id    string
	steps []string // "step (workflow)", in workflow and step order
}

// neighbours returns the roles that appear on a step together with role,
// in any RACI letter, most shared steps first.
func neighbours(h *model.Handbook, role string) []neighbour {
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
	out := make([]neighbour, 0, len(byID))
	for _, n := range byID {
		out = append(out, *n)
	}
	slices.SortFunc(out, func(a, b neighbour) int {
		return cmp.Or(cmp.Compare(len(b.steps), len(a.steps)), cmp.Compare(a.id, b.id))
	})
	return out
}

// Neighbourhood draws one role and the roles it shares steps with, each
// edge labelled with the number of shared steps. Neighbours alternate
// between the left and the right of the centre so that a role with many
// partners makes a compact star rather than one tall column. The Alt lists
// each neighbour, the count and the steps.
func Neighbourhood(h *model.Handbook, roleID, page string) (string, Alt) {
	l := LabelsFor(h.Meta.Language)
	name := h.RoleName(roleID)
	w := &dotWriter{}
	w.open("digraph neighbourhood")
	graphDefaults(w, "LR")
	ns := neighbours(h, roleID)

	centre := func(r *model.Role) bool { return r.ID == roleID }
	isNeighbour := func(r *model.Role) bool {
		return centre(r) || slices.ContainsFunc(ns, func(n neighbour) bool { return n.id == r.ID })
	}
	if h.RoleByID[roleID] == nil {
		w.node(roleID, attrs{"class": "g-node g-centre", "label": name})
	}
	// No team clusters here: they would pull the star apart.
	for _, r := range h.Roles {
		if !isNeighbour(r) {
			continue
		}
		a := roleAttrs(h, r, page, l)
		if centre(r) {
			a["class"] += " g-centre"
			a["penwidth"] = "2.4"
		}
		w.node(r.ID, a)
	}

	alt := Alt{
		Title:  fmt.Sprintf(l.Neighbourhood, name),
		Header: []string{l.Role, l.Steps, l.Shared},
	}
	for i, n := range ns {
		other := h.RoleName(n.id)
		tipSteps := n.steps
		if len(tipSteps) > maxTipSteps {
			tipSteps = append(slices.Clip(tipSteps[:maxTipSteps]), "…")
		}
		a := attrs{
			"class":    "g-edge",
			"dir":      "none",
			"label":    strconv.Itoa(len(n.steps)),
			"penwidth": penwidth(len(n.steps)),
			"tooltip":  fmt.Sprintf("%s — %s: %s\n%s", name, other, l.steps(len(n.steps)), l.join(tipSteps)),
			"weight":   strconv.Itoa(len(n.steps)),
		}
		if i%2 == 0 {
			w.edge(roleID, n.id, a)
		} else {
			w.edge(n.id, roleID, a)
		}
		alt.Rows = append(alt.Rows, []string{other, strconv.Itoa(len(n.steps)), l.join(n.steps)})
	}
	w.close()
	return w.String(), alt
}
