package raci

import (
	"slices"
	"strings"

	"github.com/accord-handbook/accord/generator/model"
)

// Order is the display order of a handbook's roles: internal teams first,
// in teams.toml order, then external teams, then roles of no known team;
// within a team by reporting depth (managers before their reports), then
// by id.
//
// NewOrder finds every role's depth in one pass over the reports_to
// chains, so that sorting compares numbers: walking a role's chain inside
// the comparison cost the length of the chain on every comparison, and a
// long chain made every role page and onboarding page quadratic in it.
type Order struct {
	team  map[string]int // team id -> rank
	other int            // the rank of a team teams.toml does not define
	depth map[string]int // role id -> managers above it
	rank  map[string]int // role id -> position in all
	all   []*model.Role
}

// NewOrder computes the order of h's roles. Build it once per handbook
// and share it: every list of roles on the site sorts through it.
func NewOrder(h *model.Handbook) *Order {
	o := &Order{team: map[string]int{}, other: 2 * len(h.Teams), depth: depths(h)}
	for i, t := range h.Teams {
		rank := i
		if t.External() {
			rank += len(h.Teams)
		}
		if _, ok := o.team[t.ID]; !ok {
			o.team[t.ID] = rank
		}
	}
	o.all = o.Sort(h.Roles)
	o.rank = make(map[string]int, len(o.all))
	for i, r := range o.all {
		if _, ok := o.rank[r.ID]; !ok {
			o.rank[r.ID] = i
		}
	}
	return o
}

// Roles returns every role of the handbook in display order. The slice is
// shared: callers must not change it.
func (o *Order) Roles() []*model.Role { return o.all }

// Role returns the role of the handbook with id.
func (o *Order) Role(id string) (*model.Role, bool) {
	if i, ok := o.rank[id]; ok {
		return o.all[i], true
	}
	return nil, false
}

// Sort returns roles in display order, a new slice; roles equal in team,
// depth and id keep their order.
func (o *Order) Sort(roles []*model.Role) []*model.Role {
	out := slices.Clone(roles)
	slices.SortStableFunc(out, o.compare)
	return out
}

func (o *Order) compare(a, b *model.Role) int {
	if ta, tb := o.teamRank(a), o.teamRank(b); ta != tb {
		return ta - tb
	}
	if da, db := o.depth[a.ID], o.depth[b.ID]; da != db {
		return da - db
	}
	return strings.Compare(a.ID, b.ID)
}

func (o *Order) teamRank(r *model.Role) int {
	if t, ok := o.team[r.Team]; ok {
		return t
	}
	return o.other
}

// depths returns the number of managers above each role: the roles met
// walking up reports_to until it ends, names an unknown role, or comes back
// to a role already met (a cycle, which validate reports; each role on a
// cycle counts the whole cycle). Each role is walked once: a walk stops at
// the first role whose depth is known, and the depths are filled in on the
// way back down.
func depths(h *model.Handbook) map[string]int {
	depth := make(map[string]int, len(h.Roles))
	onPath := map[string]int{} // role id -> index in path, for the walk under way
	var path []*model.Role
	for _, start := range h.Roles {
		if _, ok := depth[start.ID]; ok {
			continue
		}
		r := h.RoleByID[start.ID]
		if r == nil {
			r = start
		}
		path = path[:0]
		base := 0 // the depth of the role above the last one on path
		for {
			if d, ok := depth[r.ID]; ok {
				base = d
				break
			}
			if r.ReportsTo == "" {
				depth[r.ID] = 0
				break
			}
			if i, ok := onPath[r.ID]; ok {
				for _, c := range path[i:] {
					depth[c.ID] = len(path) - i
				}
				base = len(path) - i
				break
			}
			onPath[r.ID] = len(path)
			path = append(path, r)
			if r = h.RoleByID[r.ReportsTo]; r == nil {
				break // an unknown manager counts as one
			}
		}
		for _, c := range path {
			delete(onPath, c.ID)
		}
		for i := len(path) - 1; i >= 0; i-- {
			if _, ok := depth[path[i].ID]; ok {
				continue // on the cycle
			}
			base++
			depth[path[i].ID] = base
		}
	}
	return depth
}
