package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/accord-handbook/accord/generator/model"
)

// maxTipSteps bounds the steps named in an edge tooltip; the Alt lists all.
const maxTipSteps = 8

// maxDrawnNeighbours bounds the roles drawn around the centre. The star puts
// half on each side, so the drawing grows with every neighbour: 30 fill
// about one screen, and a role with hundreds of partners drew a column
// many screens tall, slow to lay out on every role page (bench/README.md,
// "Limits"). Past 30 the weakest links (one or two steps) add height, not
// insight; the table under the graph lists every neighbour.
const maxDrawnNeighbours = 30

// neighbour is a role that shares steps with the centre role.
type neighbour struct {
	id    string
	steps []string // "step (workflow)", in workflow and step order
	rank  int32    // of id among the ids the index holds, for sorting
}

// NeighbourIndex holds, for every role of one handbook, the roles it shares
// steps with: found in one pass over the steps, where asking for each role
// of a large handbook in turn would scan every step once per role (300
// roles × 10,000 steps). It keeps no reference to the handbook, so that a
// cache of indexes keyed weakly by handbook lets an old handbook go.
type NeighbourIndex struct {
	by map[string][]neighbour // role -> neighbours, most shared steps first; lists of steps are shared
}

// NewNeighbourIndex indexes h. The handbook must not change afterwards.
//
// Two roles share the same steps whichever of them is asked about, so the
// steps are collected once per pair of roles, numbered, and both roles'
// entries share the list: a large handbook has some 300,000 ordered pairs
// on its steps, and this was a third of the time its 300 role graphs took.
func NewNeighbourIndex(h *model.Handbook) *NeighbourIndex {
	var ids []string // role number -> id, for every role a step names
	num := map[string]int32{}
	number := func(id string) int32 {
		n, ok := num[id]
		if !ok {
			n = int32(len(ids))
			num[id] = n
			ids = append(ids, id)
		}
		return n
	}
	type shared struct {
		a, b  int32 // a < b
		steps []string
	}
	var pairs []shared
	pairOf := map[uint64]int32{} // a<<32 | b -> index in pairs
	var roles []int32            // a step's roles, as Step.Roles lists them
	for _, w := range h.Workflows {
		for _, s := range w.Steps {
			roles = roles[:0]
			s.EachRole(func(id string) {
				if n := number(id); !slices.Contains(roles, n) {
					roles = append(roles, n)
				}
			})
			if len(roles) < 2 {
				continue
			}
			step := s.Name + " (" + w.Name + ")"
			for i, x := range roles {
				for _, y := range roles[i+1:] {
					a, b := min(x, y), max(x, y)
					k := uint64(a)<<32 | uint64(b)
					p, ok := pairOf[k]
					if !ok {
						p = int32(len(pairs))
						pairOf[k] = p
						pairs = append(pairs, shared{a: a, b: b})
					}
					pairs[p].steps = append(pairs[p].steps, step)
				}
			}
		}
	}
	// A role the handbook does not define has neighbours (its steps name
	// others) but is no one's neighbour.
	known := make([]bool, len(ids))
	for i, id := range ids {
		known[i] = h.RoleByID[id] != nil
	}
	// Neighbours are ordered by their ids: compare their ranks instead.
	rank := make([]int32, len(ids))
	byID := make([]int32, len(ids))
	for i := range byID {
		byID[i] = int32(i)
	}
	slices.SortFunc(byID, func(a, b int32) int { return strings.Compare(ids[a], ids[b]) })
	for r, i := range byID {
		rank[i] = int32(r)
	}
	by := make([][]neighbour, len(ids))
	for _, p := range pairs {
		steps := slices.Clip(p.steps)
		if known[p.b] {
			by[p.a] = append(by[p.a], neighbour{id: ids[p.b], steps: steps, rank: rank[p.b]})
		}
		if known[p.a] {
			by[p.b] = append(by[p.b], neighbour{id: ids[p.a], steps: steps, rank: rank[p.a]})
		}
	}
	ix := &NeighbourIndex{by: make(map[string][]neighbour, len(ids))}
	for i, ns := range by {
		if len(ns) == 0 {
			continue
		}
		slices.SortFunc(ns, func(a, b neighbour) int {
			return cmp.Or(cmp.Compare(len(b.steps), len(a.steps)), cmp.Compare(a.rank, b.rank))
		})
		ix.by[ids[i]] = ns
	}
	return ix
}

// neighbours returns the roles that appear on a step together with role,
// in any RACI letter, most shared steps first. The slice is the index's.
func (ix *NeighbourIndex) neighbours(role string) []neighbour { return ix.by[role] }

// Neighbourhood draws one role and the roles it shares steps with, in the
// handbook h that ix indexes, each edge labelled with the number of shared
// steps. Neighbours alternate between the left and the right of the centre
// so that a role with many partners makes a compact star rather than one
// tall column. Only the maxDrawnNeighbours sharing most steps are drawn
// (ties by id); the Alt lists every neighbour, the count and the steps, and
// its title says when the drawing leaves some out.
func (ix *NeighbourIndex) Neighbourhood(h *model.Handbook, roleID, page string) (string, Alt) {
	l := LabelsFor(h.Meta.Language)
	name := h.RoleName(roleID)
	w := newDOTWriter()
	w.open("digraph neighbourhood")
	graphDefaults(w, "LR")
	ns := ix.neighbours(roleID)
	shown := ns[:min(len(ns), maxDrawnNeighbours)]

	centre := func(r *model.Role) bool { return r.ID == roleID }
	drawn := make(map[string]bool, len(shown))
	for _, n := range shown {
		drawn[n.id] = true
	}
	isNeighbour := func(r *model.Role) bool { return centre(r) || drawn[r.ID] }
	if h.RoleByID[roleID] == nil {
		w.node(roleID, attrs{{"class", "g-node g-centre"}, {"label", name}})
	}
	// No team clusters here: they would pull the star apart.
	for _, r := range h.Roles {
		if !isNeighbour(r) {
			continue
		}
		w.node(r.ID, roleAttrs(h, r, page, l, centre(r)))
	}

	alt := Alt{
		Title:  fmt.Sprintf(l.Neighbourhood, name),
		Header: []string{l.Role, l.Steps, l.Shared},
	}
	if len(shown) < len(ns) {
		alt.Title += fmt.Sprintf(l.Closest, len(shown), len(ns))
	}
	for _, n := range ns {
		alt.Rows = append(alt.Rows, []string{h.RoleName(n.id), strconv.Itoa(len(n.steps)), l.join(n.steps)})
	}
	for i, n := range shown {
		other := h.RoleName(n.id)
		tipSteps := n.steps
		if len(tipSteps) > maxTipSteps {
			tipSteps = append(slices.Clip(tipSteps[:maxTipSteps]), "…")
		}
		count := strconv.Itoa(len(n.steps))
		a := attrs{
			{"class", "g-edge"},
			{"dir", "none"},
			{"label", count},
			{"penwidth", penwidth(len(n.steps))},
			{"tooltip", name + " — " + other + ": " + l.steps(len(n.steps)) + "\n" + l.join(tipSteps)},
			{"weight", count},
		}
		if i%2 == 0 {
			w.edge(roleID, n.id, a)
		} else {
			w.edge(n.id, roleID, a)
		}
	}
	w.close()
	return w.done(), alt
}
