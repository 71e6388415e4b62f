package graph

import (
	"cmp"
	"slices"
)

// maxOverviewEdges bounds the lines of the home page's graph. The full
// department graph of the shipped agreement has 130, which nobody can
// follow; forty still show who works with whom at a glance.
const maxOverviewEdges = 40

// bond is what joins two roles, or two teams, whichever way: the steps
// they share and the relations on them.
type bond struct {
	a, b  int32 // role or team numbers
	steps int
	rels  rel
}

// roleBonds joins the two directions of every related pair of roles,
// strongest first (most shared steps; ties in the order of the ids). A
// bond's a is the first of a pair that has a link that way.
func roleBonds(t *relTable) []bond {
	var bonds []bond
	for _, p := range t.sortedPairs() {
		back := t.link(p.back())
		if p.from > p.to && back != nil {
			continue // joined with its other direction
		}
		lk := t.link(p)
		b := bond{a: p.from, b: p.to, steps: len(lk.steps), rels: lk.rels}
		if back != nil {
			b.steps = unionLen(lk.steps, back.steps)
			b.rels |= back.rels
		}
		bonds = append(bonds, b)
	}
	slices.SortStableFunc(bonds, func(x, y bond) int { return cmp.Compare(y.steps, x.steps) })
	return bonds
}

// pickBonds returns up to n of bonds, which join ends numbered below ends
// and come strongest first: for each end its strongest bond, then the
// strongest of the others, in the order of bonds.
func pickBonds(bonds []bond, ends, n int) []bond {
	keep := make([]bool, len(bonds))
	has := make([]bool, ends)
	picked := 0
	for i, b := range bonds {
		if picked < n && (!has[b.a] || !has[b.b]) {
			keep[i], has[b.a], has[b.b] = true, true, true
			picked++
		}
	}
	for i := range bonds {
		if picked < n && !keep[i] {
			keep[i] = true
			picked++
		}
	}
	out := make([]bond, 0, picked)
	for i, b := range bonds {
		if keep[i] {
			out = append(out, b)
		}
	}
	return out
}

// overviewFrame returns the pairs (pair.key()) that the home page's
// overview draws between roles, and for a handbook it draws team by team,
// each role's strongest pair and the strongest others, up to one a role.
// The department graph gives only these a weight: pulled together by its
// strongest links alone, its layout resembles the overview's; with all
// 130 links pulling, the shipped agreement's was wider and more tangled.
func overviewFrame(t *relTable) map[uint64]bool {
	frame := map[uint64]bool{}
	for _, b := range pickBonds(roleBonds(t), len(t.ids), max(maxOverviewEdges, len(t.ids))) {
		frame[pair{b.a, b.b}.key()] = true
	}
	return frame
}
