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

// pair is a directed pair of roles, by number (see relTable).
type pair struct{ from, to int32 }

func (p pair) key() uint64 { return uint64(p.from)<<32 | uint64(p.to) }
func (p pair) back() pair  { return pair{p.to, p.from} }

// link is what joins a pair: the steps and relations.
type link struct {
	steps []int32 // step numbers (see relations), ascending, each once
	rels  rel
}

// relTable holds the relations between the roles of a handbook. Roles are
// numbered in the order of their ids, so that ordering numbers orders ids,
// and pairs of numbers are cheap map keys: a large handbook has thousands
// of related pairs and a hundred thousand relations on its steps.
type relTable struct {
	ids   []string         // number -> role id, sorted
	names []string         // number -> role name
	links map[uint64]*link // pair.key() -> link
}

// link returns the link of p, nil when there is none.
func (t *relTable) link(p pair) *link { return t.links[p.key()] }

// sortedPairs returns the related pairs ordered by from, then to.
func (t *relTable) sortedPairs() []pair {
	keys := slices.Sorted(maps.Keys(t.links))
	out := make([]pair, len(keys))
	for i, k := range keys {
		out[i] = pair{int32(k >> 32), int32(k)}
	}
	return out
}

// relations collects, for every ordered pair of known roles, the steps on
// which the first hands off to, consults or informs the second. Pairs of
// roles that merely appear on the same step (two informed roles) are not
// related: the department graph shows how work flows, not co-occurrence.
// A step is known by its workflow's id and its own ("workflow/step"), so
// two steps of one id (an error validate reports) count once.
func relations(h *model.Handbook) *relTable {
	t := &relTable{links: map[uint64]*link{}}
	for id, r := range h.RoleByID {
		if r != nil {
			t.ids = append(t.ids, id)
		}
	}
	slices.Sort(t.ids)
	num := make(map[string]int32, len(t.ids))
	t.names = make([]string, len(t.ids))
	for i, id := range t.ids {
		num[id] = int32(i)
		t.names[i] = h.RoleName(id)
	}
	stepNum := map[string]int32{}
	repeated := false // a step key seen twice: its numbers are out of order
	var step int32
	add := func(from, to int32, r rel) {
		if from == to {
			return
		}
		k := pair{from, to}.key()
		l := t.links[k]
		if l == nil {
			l = &link{}
			t.links[k] = l
		}
		if n := len(l.steps); n == 0 || l.steps[n-1] != step {
			l.steps = append(l.steps, step)
		}
		l.rels |= r
	}
	// known appends to dst the numbers of those of ids that h defines.
	known := func(dst []int32, ids []string) []int32 {
		for _, id := range ids {
			if n, ok := num[id]; ok {
				dst = append(dst, n)
			}
		}
		return dst
	}
	var resp, cons, inf []int32
	for _, w := range h.Workflows {
		for _, s := range w.Steps {
			key := w.ID + "/" + s.ID
			n, seen := stepNum[key]
			if !seen {
				n = int32(len(stepNum))
				stepNum[key] = n
			}
			repeated = repeated || seen
			step = n
			acc, accKnown := num[s.Accountable]
			resp, cons, inf = known(resp[:0], s.Responsible), known(cons[:0], s.Consulted), known(inf[:0], s.Informed)
			for _, r := range resp {
				if accKnown {
					add(r, acc, relHandoff)
				}
				for _, c := range cons {
					add(r, c, relConsults)
				}
			}
			if accKnown {
				for _, i := range inf {
					add(acc, i, relInforms)
				}
			}
		}
	}
	if repeated {
		for _, l := range t.links {
			slices.Sort(l.steps)
			l.steps = slices.Compact(l.steps)
		}
	}
	return t
}

// unionLen is the number of steps in a or b, both ascending.
func unionLen(a, b []int32) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			i++
			j++
		}
		n++
	}
	return n + len(a) - i + len(b) - j
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
// way: its width grows with the number of steps they share, its style is
// the strongest relation. Edges have no arrowheads, which at this density
// pile up into blots around every node; the tooltip says which way each
// relation goes. One edge per pair, not per direction, nearly halves the
// lines of a graph that is dense by nature (20 roles of the shipped
// agreement have 130 pairs). External teams are dashed clusters on a warm
// tint. The Alt keeps the directions apart: from, to, number of steps,
// relations.
//
// dot lays it out, ranking managers above their reports (see levels) and
// pulling together only the pairs of overviewFrame. Unlike fdp, which drew
// it before, dot never lets two team boxes overlap, and it lays the same
// text out the same way every time: fdp's layout depends on what the
// Graphviz process laid out before (TestDepartment_sameLayoutEveryTime),
// so each build with a cold cache drew another graph.
func Department(h *model.Handbook, page string) (string, Alt) {
	l := LabelsFor(h.Meta.Language)
	t := relations(h)
	w := newDOTWriter()
	w.open("digraph department")
	graphDefaults(w, "TB")
	w.defaults("edge", attrs{{"dir", "none"}})
	teamClusters(w, h, page, l, nil)

	alt := Alt{Title: l.Department, Header: []string{l.From, l.To, l.Steps, l.Relations}}
	var words [relInforms << 1]string // rel -> its words, joined
	var drawn []pair
	pairs := t.sortedPairs()
	alt.Rows = make([][]string, 0, len(pairs))
	for _, p := range pairs {
		lk := t.link(p)
		if words[lk.rels] == "" {
			words[lk.rels] = strings.Join(lk.rels.words(l), "/")
		}
		alt.Rows = append(alt.Rows, []string{t.names[p.from], t.names[p.to], strconv.Itoa(len(lk.steps)), words[lk.rels]})
		if p.from < p.to || t.link(p.back()) == nil {
			drawn = append(drawn, p) // a pair with both directions is drawn once
		}
	}
	keep := strongest(t, drawn, maxDrawnPairs)
	level := levels(h, t.ids)
	frame := overviewFrame(t)
	kept := 0
	for i, p := range drawn {
		if keep[i] {
			kept++
			from, to, a := pairEdge(t, l, p, t.link(p), t.link(p.back()))
			if !frame[p.key()] {
				a = a.with("weight", "0")
			}
			if level[to] < level[from] {
				from, to = to, from
			}
			w.edge(t.ids[from], t.ids[to], a)
		}
	}
	if kept < len(drawn) {
		alt.Title += fmt.Sprintf(l.Strongest, kept, len(drawn))
	}
	w.close()
	return w.done(), alt
}

// maxDrawnPairs bounds the edges of the department graph. A large handbook
// relates most roles to most others (300 roles: thousands of pairs), which
// no one can read and Graphviz lays out past any timeout; the strongest
// links carry the picture, and the table under the graph lists them all.
const maxDrawnPairs = 600

// strongest picks up to n of pairs with the most shared steps (both ways),
// ties broken by the pair's order, so the choice is deterministic. keep[i]
// says whether pairs[i] is picked.
func strongest(t *relTable, pairs []pair, n int) (keep []bool) {
	weight := make([]int, len(pairs))
	for i, p := range pairs {
		weight[i] = len(t.link(p).steps)
		if back := t.link(p.back()); back != nil {
			weight[i] += len(back.steps)
		}
	}
	order := make([]int, len(pairs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return weight[b] - weight[a] })
	keep = make([]bool, len(pairs))
	for _, i := range order[:min(n, len(order))] {
		keep[i] = true
	}
	return keep
}

// pairEdge draws the relations between two roles, lk from p.from to p.to
// and back (nil when none) the other way, as one edge from the role that
// has the most steps towards the other.
func pairEdge(t *relTable, l Labels, p pair, lk, back *link) (from, to int32, a attrs) {
	steps := len(lk.steps)
	rels := lk.rels
	tip := dirTip(t, l, p, lk)
	if back != nil {
		steps = unionLen(lk.steps, back.steps)
		rels |= back.rels
		if len(back.steps) > len(lk.steps) {
			p, lk, back = p.back(), back, lk
		}
		tip = dirTip(t, l, p, lk) + "\n" + dirTip(t, l, p.back(), back)
	}
	style, class := rels.style()
	return p.from, p.to, attrs{
		{"class", "g-edge " + class},
		{"penwidth", penwidth(steps)},
		{"style", style},
		{"tooltip", tip},
		{"weight", strconv.Itoa(steps)},
	}
}

// dirTip says what joins two roles one way:
// "外贸业务员 → 外贸经理: 5 个步骤 (交付/征求意见/知会)".
func dirTip(t *relTable, l Labels, p pair, lk *link) string {
	return t.names[p.from] + " → " + t.names[p.to] + ": " + l.steps(len(lk.steps)) +
		" (" + strings.Join(lk.rels.words(l), "/") + ")"
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
	name := teamName(t)
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
		{"label", clusterLabel(name)},
		{"style", style},
		{"tooltip", tip},
	}
}

// teamName is a team's name, or its id when it has none.
func teamName(tm *model.Team) string {
	if tm.Name == "" {
		return tm.ID
	}
	return tm.Name
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
	a := boxNode(urls.Rel(page, urls.Role(r.ID)), class, colour, style, tip, wrap(name, nameEm))
	if centre {
		a = append(a, attr{"penwidth", "2.4"}) // out of order: written in order
	}
	return a
}
