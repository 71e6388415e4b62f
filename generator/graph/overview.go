package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/urls"
)

// maxOverviewRoles is the number of roles up to which the overview draws
// roles; past it, teams. Three hundred role boxes make a drawing many
// screens wide, in which forty lines say nothing.
const maxOverviewRoles = 40

// Overview draws the department for the home page, with at most
// maxOverviewEdges lines: one per pair of roles that share steps, the
// strongest kept, and every role keeping at least its own strongest line,
// so that no one floats unconnected. Roles sit in their teams' boxes, laid
// out by dot like Department. A handbook of more than maxOverviewRoles
// roles is drawn team by team instead (see teamOverview). The Alt lists the
// lines drawn and its Legend says what a line means; Department draws
// every line.
func Overview(h *model.Handbook, page string) (string, Alt) {
	if len(h.Roles) > maxOverviewRoles {
		return teamOverview(h, page)
	}
	l := LabelsFor(h.Meta.Language)
	t := relations(h)
	bonds := roleBonds(t)
	drawn := pickBonds(bonds, len(t.ids), maxOverviewEdges)

	w := newDOTWriter()
	w.open("digraph overview")
	graphDefaults(w, "TB")
	w.defaults("edge", attrs{{"dir", "none"}})
	teamClusters(w, h, page, l, nil)
	level := levels(h, t.ids)
	for _, b := range drawn {
		p := pair{b.a, b.b}
		from, to, a := pairEdge(t, l, p, t.link(p), t.link(p.back()))
		if level[to] < level[from] {
			from, to = to, from
		}
		for i := range a {
			if a[i].key == "penwidth" {
				a[i].val = overviewWidth(b.steps, drawn[0].steps)
			}
		}
		w.edge(t.ids[from], t.ids[to], a)
	}
	w.close()
	alt := overviewAlt(l, l.Department, l.Role, t.names, bonds, len(drawn))
	alt.Legend = l.RoleLines
	if len(drawn) < len(bonds) {
		alt.Legend += fmt.Sprintf(l.RolesKept, len(drawn), len(bonds))
	}
	return w.done(), alt
}

// overviewAlt lists every bond, strongest first, between the ends named
// by names; its title says when the drawing keeps fewer.
func overviewAlt(l Labels, title, end string, names []string, bonds []bond, drawn int) Alt {
	alt := Alt{Title: title, Header: []string{end, l.WorksWith, l.Steps, l.Relations}, Rows: make([][]string, len(bonds))}
	if drawn < len(bonds) {
		alt.Title += fmt.Sprintf(l.Strongest, drawn, len(bonds))
	}
	for i, b := range bonds {
		alt.Rows[i] = []string{names[b.a], names[b.b], strconv.Itoa(b.steps), strings.Join(b.rels.words(l), "/")}
	}
	return alt
}

// teamOverview draws the teams of a large handbook as boxes, each linking
// to its section of the teams page, with one line per pair of teams whose
// roles share steps: its weight is the number of steps, the strongest
// maxOverviewEdges kept as in Overview. Roles of a team that teams.toml
// does not define (an error the check reports) are left out.
func teamOverview(h *model.Handbook, page string) (string, Alt) {
	l := LabelsFor(h.Meta.Language)
	t := relations(h)
	var teams []*model.Team // that have roles, in teams.toml order
	num := map[string]int32{}
	size := map[string]int{}
	for _, r := range h.Roles {
		size[r.Team]++
	}
	for _, tm := range h.Teams {
		if _, dup := num[tm.ID]; !dup && size[tm.ID] > 0 {
			num[tm.ID] = int32(len(teams))
			teams = append(teams, tm)
		}
	}
	teamOf := make([]int32, len(t.ids)) // role number -> team number, -1 for none
	for i, id := range t.ids {
		teamOf[i] = -1
		if n, ok := num[h.RoleByID[id].Team]; ok {
			teamOf[i] = n
		}
	}
	bonds := teamBonds(t, teamOf)
	drawn := pickBonds(bonds, len(teams), maxOverviewEdges)

	w := newDOTWriter()
	w.open("digraph overview")
	graphDefaults(w, "TB")
	w.defaults("edge", attrs{{"dir", "none"}})
	level := teamLevels(h, t, teamOf, len(teams))
	for _, tm := range teams {
		w.node(tm.ID, teamAttrs(tm, teamIndex(h, tm.ID), size[tm.ID], page, l))
	}
	names := make([]string, len(teams))
	for i, tm := range teams {
		names[i] = teamName(tm)
	}
	for _, b := range drawn {
		from, to := b.a, b.b
		if level[to] < level[from] {
			from, to = to, from
		}
		style, class := b.rels.style()
		w.edge(teams[from].ID, teams[to].ID, attrs{
			{"class", "g-edge " + class},
			{"penwidth", overviewWidth(b.steps, drawn[0].steps)},
			{"style", style},
			{"tooltip", names[b.a] + " — " + names[b.b] + ": " + l.steps(b.steps) + " (" + strings.Join(b.rels.words(l), "/") + ")"},
			{"weight", strconv.Itoa(b.steps)},
		})
	}
	w.close()
	alt := overviewAlt(l, l.TeamOverview, l.Team, names, bonds, len(drawn))
	alt.Legend = l.TeamLines
	if len(drawn) < len(bonds) {
		alt.Legend += fmt.Sprintf(l.TeamsKept, len(drawn), len(bonds))
	}
	return w.done(), alt
}

// overviewWidth is the width of a line of the overview that shares steps,
// in proportion to the strongest line's. The full graph's widths grow with
// the logarithm, so that one busy pair does not drown 130 others; on the
// shipped agreement that draws 3 steps at 1.8 and 28 at 3.4, which the eye
// does not rank. Forty lines can afford the linear scale, from 0.8 to 6:
// the few strongest ties are what a reader sees first.
func overviewWidth(steps, strongest int) string {
	return fmt.Sprintf("%.1f", 0.8+5.2*float64(steps)/float64(max(strongest, 1)))
}

// teamBonds joins the links between the roles of every two teams: the
// steps on which a role of one relates to a role of the other, each step
// once, strongest first (ties in teams.toml order).
func teamBonds(t *relTable, teamOf []int32) []bond {
	type joined struct {
		steps []int32
		rels  rel
	}
	by := map[uint64]*joined{}
	for _, p := range t.sortedPairs() {
		a, b := teamOf[p.from], teamOf[p.to]
		if a < 0 || b < 0 || a == b {
			continue
		}
		k := pair{min(a, b), max(a, b)}.key()
		j := by[k]
		if j == nil {
			j = &joined{}
			by[k] = j
		}
		lk := t.link(p)
		j.steps = append(j.steps, lk.steps...)
		j.rels |= lk.rels
	}
	bonds := make([]bond, 0, len(by))
	for k, j := range by {
		slices.Sort(j.steps)
		bonds = append(bonds, bond{a: int32(k >> 32), b: int32(k), steps: len(slices.Compact(j.steps)), rels: j.rels})
	}
	slices.SortFunc(bonds, func(x, y bond) int {
		return cmp.Or(cmp.Compare(y.steps, x.steps), cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
	})
	return bonds
}

// teamLevels is the level of each team: the lowest of its roles' (see
// levels), so the team of the top manager is drawn on top and external
// teams below.
func teamLevels(h *model.Handbook, t *relTable, teamOf []int32, teams int) []int {
	out := make([]int, teams)
	seen := make([]bool, teams)
	for i, lv := range levels(h, t.ids) {
		if n := teamOf[i]; n >= 0 && (!seen[n] || lv < out[n]) {
			out[n], seen[n] = lv, true
		}
	}
	return out
}

// teamAttrs draws a team as a box with its name and number of roles,
// tinted in its colour, dashed when external, linking to its section of
// the teams page.
func teamAttrs(tm *model.Team, index, roles int, page string, l Labels) attrs {
	colour := teamColour(index)
	name := teamName(tm)
	class, style, tip := "g-node g-team-"+classToken(tm.ID), "rounded,filled", name
	if tm.External() {
		class += " g-node-external"
		style += ",dashed"
		tip += " (" + l.External + ")"
	}
	return boxNode(urls.Rel(page, urls.Teams)+"#team-"+tm.ID, class, colour, style, tip, append(wrap(name, nameEm), l.roles(roles)))
}

//END
