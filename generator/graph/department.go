package graph

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/urls"
)

// rel is a set of relations from one role to another on shared steps.
type rel uint8

const (
	relHandoff  rel = 1 << iota // a responsible role hands its work to the accountable one
	relConsults                 // a responsible role consults a consulted one
	relInforms                  // the accountable role informs an informed one
)

// pair is a directed pair of role ids.
type pair struct{ from, to string }

// link is what joins a pair: the steps ("workflow/step") and relations.
type link struct {
	steps map[string]bool
	rels  rel
}

// relations collects, for every ordered pair of known roles, the steps on
// which the first hands off to, consults or informs the second. Pairs of
// roles that merely appear on the same step (two informed roles) are not
// related: the department graph shows how work flows, not co-occurrence.
func relations(h *model.Handbook) map[pair]*link {
	out := map[pair]*link{}
	add := func(from, to string, r rel, step string) {
		if from == to || h.RoleByID[from] == nil || h.RoleByID[to] == nil {
			return
		}
		k := pair{from, to}
		l := out[k]
		if l == nil {
			l = &link{steps: map[string]bool{}}
			out[k] = l
		}
		l.steps[step] = true
		l.rels |= r
	}
	for _, w := range h.Workflows {
		for _, s := range w.Steps {
			key := w.ID + "/" + s.ID
			for _, r := range s.Responsible {
				add(r, s.Accountable, relHandoff, key)
				for _, c := range s.Consulted {
					add(r, c, relConsults, key)
				}
			}
			for _, i := range s.Informed {
				add(s.Accountable, i, relInforms, key)
			}
		}
	}
	return out
}

// sortedPairs returns the keys of m ordered by from, then to.
func sortedPairs[V any](m map[pair]V) []pair {
	keys := make([]pair, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b pair) int {
		if c := strings.Compare(a.from, b.from); c != 0 {
			return c
		}
		return strings.Compare(a.to, b.to)
	})
	return keys
}

// words names the relations of r, strongest first.
func (r rel) words(l Labels) []string {
	var out []string
	if r&relHandoff != 0 {
		out = append(out, l.Handoff)
	}
	if r&relConsults != 0 {
		out = append(out, l.Consults)
	}
	if r&relInforms != 0 {
		out = append(out, l.Informs)
	}
	return out
}

// style draws an edge by its strongest relation: handing off work is
// solid, consulting dashed, informing dotted.
func (r rel) style() (style, class string) {
	switch {
	case r&relHandoff != 0:
		return "solid", "g-handoff"
	case r&relConsults != 0:
		return "dashed", "g-consults"
	}
	return "dotted", "g-informs"
}

// penwidth grows with the logarithm of the step count, so one busy pair
// does not drown the rest: 1 step 1.0, 4 steps 2.0, 16 steps 3.0 (capped 4).
func penwidth(n int) string {
	return fmt.Sprintf("%.1f", min(1+math.Log2(float64(max(n, 1)))/2, 4))
}

// Department draws every role, clustered by team in teams.toml order, with
// one edge between two roles for each pair related on some step, whichever
// way: its weight is the number of steps they share, its style the
// strongest relation. Edges have no arrowheads, which at this density
// pile up into blots around every node; the tooltip says which way each
// relation goes. One edge per pair, not per direction, nearly halves the
// lines of a graph that is dense by nature (16 roles of the shipped
// agreement have 147 directed relations, 89 pairs). External teams are
// dashed clusters on a warm tint. The Alt keeps the directions apart: from,
// to, number of steps, relations.
func Department(h *model.Handbook, page string) (string, Alt) {
	l := LabelsFor(h.Meta.Language)
	links := relations(h)
	w := newDOTWriter()
	w.open("digraph department")
	graphDefaults(w, "TB")
	w.defaults("graph", departmentLayout(len(links)))
	w.defaults("edge", attrs{{"dir", "none"}})
	teamClusters(w, h, page, l, nil)

	alt := Alt{Title: l.Department, Header: []string{l.From, l.To, l.Steps, l.Relations}}
	var drawn []pair
	for _, p := range sortedPairs(links) {
		lk := links[p]
		alt.Rows = append(alt.Rows, []string{h.RoleName(p.from), h.RoleName(p.to),
			strconv.Itoa(len(lk.steps)), strings.Join(lk.rels.words(l), "/")})
		if back := links[pair{p.to, p.from}]; back == nil || p.from < p.to {
			drawn = append(drawn, p) // a pair with both directions is drawn once
		}
	}
	keep := strongest(links, drawn, maxDrawnPairs)
	for _, p := range drawn {
		if keep[p] {
			w.edge(pairEdge(h, l, p, links[p], links[pair{p.to, p.from}]))
		}
	}
	if len(keep) < len(drawn) {
		alt.Title += fmt.Sprintf(l.Strongest, len(keep), len(drawn))
	}
	w.close()
	return w.done(), alt
}

// maxDrawnPairs bounds the edges of the department graph. A large handbook
// relates most roles to most others (300 roles: thousands of pairs), which
// no one can read and Graphviz lays out past any timeout; the strongest
// links carry the picture, and the table under the graph lists them all.
const maxDrawnPairs = 600

// strongest picks up to n pairs with the most shared steps (both ways),
// ties broken by the pair's order, so the choice is deterministic.
func strongest(links map[pair]*link, pairs []pair, n int) map[pair]bool {
	weight := func(p pair) int {
		w := len(links[p].steps)
		if back := links[pair{p.to, p.from}]; back != nil {
			w += len(back.steps)
		}
		return w
	}
	order := slices.Clone(pairs)
	slices.SortStableFunc(order, func(a, b pair) int { return weight(b) - weight(a) })
	keep := map[pair]bool{}
	for _, p := range order[:min(n, len(order))] {
		keep[p] = true
	}
	return keep
}

// splinesUpTo is the number of relations up to which the department graph
// routes its edges around nodes. Routing is what makes a dense graph
// legible, but its cost grows fast (fdp, measured: 120 edges 0.35 s, 240
// edges 2.1 s, 360 edges 5.8 s); past this, edges are straight lines
// (200 roles, 600 edges: 0.9 s).
const splinesUpTo = 160

// departmentLayout chooses fdp, a force-directed layout that keeps
// clusters: collaboration has no top or bottom, and dot, which ranks,
// stretched the shipped agreement's 16 roles into one wide tangle.
func departmentLayout(relations int) attrs {
	overlap, splines := "false", "true"
	if relations > splinesUpTo {
		overlap, splines = "prism", "false"
	}
	return attrs{{"K", "1.2"}, {"layout", "fdp"}, {"overlap", overlap}, {"sep", "+6"}, {"splines", splines}}
}

// pairEdge draws the relations between two roles, lk from p.from to p.to
// and back (nil when none) the other way, as one edge.
func pairEdge(h *model.Handbook, l Labels, p pair, lk, back *link) (from, to string, a attrs) {
	steps := maps.Clone(lk.steps)
	rels := lk.rels
	tip := dirTip(h, l, p, lk)
	if back != nil {
		maps.Copy(steps, back.steps)
		rels |= back.rels
		if len(back.steps) > len(lk.steps) {
			p, lk, back = pair{p.to, p.from}, back, lk
		}
		tip = dirTip(h, l, p, lk) + "\n" + dirTip(h, l, pair{p.to, p.from}, back)
	}
	style, class := rels.style()
	return p.from, p.to, attrs{
		{"class", "g-edge " + class},
		{"penwidth", penwidth(len(steps))},
		{"style", style},
		{"tooltip", tip},
		{"weight", strconv.Itoa(len(steps))},
	}
}

// dirTip says what joins two roles one way:
// "外贸业务员 → 外贸经理: 5 个步骤 (交付/咨询/知会)".
func dirTip(h *model.Handbook, l Labels, p pair, lk *link) string {
	return fmt.Sprintf("%s → %s: %s (%s)", h.RoleName(p.from), h.RoleName(p.to),
		l.steps(len(lk.steps)), strings.Join(lk.rels.words(l), "/"))
}

// teamClusters writes one cluster per team that has roles (keep, when not
// nil, chooses which roles), then the roles whose team is unknown.
func teamClusters(w *dotWriter, h *model.Handbook, page string, l Labels, keep func(*model.Role) bool) {
	byTeam := map[string][]*model.Role{}
	for _, r := range h.Roles {
		if keep == nil || keep(r) {
			byTeam[r.Team] = append(byTeam[r.Team], r)
		}
	}
	seen := map[string]bool{}
	for _, t := range h.Teams {
		roles := byTeam[t.ID]
		if seen[t.ID] || len(roles) == 0 {
			continue
		}
		seen[t.ID] = true
		w.subgraph("cluster_" + t.ID)
		w.set(clusterAttrs(t, l))
		for _, r := range roles {
			w.node(r.ID, roleAttrs(h, r, page, l, false))
		}
		w.close()
	}
	for _, r := range h.Roles {
		if (keep == nil || keep(r)) && !seen[r.Team] {
			w.node(r.ID, roleAttrs(h, r, page, l, false))
		}
	}
}

// clusterAttrs draws a team: internal teams on a grey tint, external ones
// dashed on a warm tint, so the department's edge is visible at a glance.
func clusterAttrs(t *model.Team, l Labels) attrs {
	name := t.Name
	if name == "" {
		name = t.ID
	}
	class, colour, fill, style, tip := "g-cluster-internal", internalStroke, internalFill, "rounded,filled", name
	if t.External() {
		class, colour, fill, style = "g-cluster-external", externalStroke, externalFill, "rounded,filled,dashed"
		tip = name + " (" + l.External + ")"
	}
	return attrs{
		{"class", class},
		{"color", colour},
		{"fillcolor", fill},
		{"fontcolor", "black"},
		{"label", name},
		{"style", style},
		{"tooltip", tip},
	}
}

// teamIndex returns the position of a team in teams.toml, or -1.
func teamIndex(h *model.Handbook, team string) int {
	return slices.IndexFunc(h.Teams, func(t *model.Team) bool { return t.ID == team })
}

// roleAttrs draws a role: its wrapped name in a box sized by our own text
// measurement, outlined and tinted in its team's colour, linking to its page.
// The centre of a neighbourhood is drawn thicker.
func roleAttrs(h *model.Handbook, r *model.Role, page string, l Labels, centre bool) attrs {
	colour := teamColour(teamIndex(h, r.Team))
	name := h.RoleName(r.ID)
	tip := name
	class := "g-node g-team-" + classToken(r.Team)
	style := "rounded,filled"
	if t := h.TeamByID[r.Team]; t != nil {
		tip += "\n" + t.Name
		if t.External() {
			tip += " (" + l.External + ")"
			class += " g-node-external"
			style += ",dashed"
		}
	}
	if r.Summary != "" {
		tip += "\n" + r.Summary
	}
	if centre {
		class += " g-centre"
	}
	label, width, height := boxAttrs(wrap(name, nameEm))
	a := attrs{
		{"URL", urls.Rel(page, urls.Role(r.ID))},
		{"class", class},
		{"color", colour},
		{"fillcolor", colour + "33"},
		{"fontcolor", "black"},
		{"height", height},
		{"label", label},
		{"style", style},
		{"tooltip", tip},
		{"width", width},
	}
	if centre {
		a = append(a, attr{"penwidth", "2.4"}) // out of order: written in order
	}
	return a
}
