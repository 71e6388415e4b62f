package raci

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator/model"
)

// orderByWalk is the order as it was first written: each comparison walks
// both roles' reports_to chains. Order must sort exactly as it does.
func orderByWalk(h *model.Handbook, roles []*model.Role) []*model.Role {
	teamRank := map[string]int{}
	for i, t := range h.Teams {
		rank := i
		if t.External() {
			rank += len(h.Teams)
		}
		if _, ok := teamRank[t.ID]; !ok {
			teamRank[t.ID] = rank
		}
	}
	depth := func(r *model.Role) int {
		d := 0
		for seen := map[string]bool{}; r != nil && r.ReportsTo != "" && !seen[r.ID]; d++ {
			seen[r.ID] = true
			r = h.RoleByID[r.ReportsTo]
		}
		return d
	}
	rank := func(r *model.Role) int {
		if t, ok := teamRank[r.Team]; ok {
			return t
		}
		return 2 * len(h.Teams)
	}
	out := slices.Clone(roles)
	slices.SortStableFunc(out, func(a, b *model.Role) int {
		if ta, tb := rank(a), rank(b); ta != tb {
			return ta - tb
		}
		if da, db := depth(a), depth(b); da != db {
			return da - db
		}
		if a.ID < b.ID {
			return -1
		}
		if a.ID > b.ID {
			return 1
		}
		return 0
	})
	return out
}

// randomOrg is a handbook of n roles whose reports_to point anywhere:
// trees, chains, cycles, self-loops, unknown roles, unknown teams.
func randomOrg(rng *rand.Rand, n int) *model.Handbook {
	h := &model.Handbook{Teams: []*model.Team{{ID: "a", Kind: "internal"}, {ID: "x", Kind: "external"}, {ID: "b", Kind: "internal"}, {ID: "a", Kind: "external"}}}
	teams := []string{"a", "b", "x", "nowhere", ""}
	for i := range n {
		r := &model.Role{ID: fmt.Sprintf("r%d", i), Team: teams[rng.IntN(len(teams))]}
		switch k := rng.IntN(10); {
		case k < 2:
		case k < 3:
			r.ReportsTo = "ghost"
		case k < 4:
			r.ReportsTo = r.ID
		case k < 7 && i > 0:
			r.ReportsTo = fmt.Sprintf("r%d", rng.IntN(i)) // a tree
		default:
			r.ReportsTo = fmt.Sprintf("r%d", rng.IntN(n)) // may close a cycle
		}
		h.Roles = append(h.Roles, r)
	}
	rng.Shuffle(len(h.Roles), func(i, j int) { h.Roles[i], h.Roles[j] = h.Roles[j], h.Roles[i] })
	role := func() string { return fmt.Sprintf("r%d", rng.IntN(n+2)) } // r<n>, r<n+1>: unknown
	w := &model.Workflow{ID: "w"}
	for i := range rng.IntN(30) {
		w.Steps = append(w.Steps, &model.Step{ID: fmt.Sprint(i), Responsible: []string{role()}, Accountable: role(), Consulted: []string{role(), role()}, Informed: []string{role()}})
	}
	h.Workflows = []*model.Workflow{w}
	h.Index()
	return h
}

func TestOrder_sameAsWalkingChains(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 19))
	for round := range 500 {
		h := randomOrg(rng, 1+rng.IntN(40))
		o := NewOrder(h)
		if got, want := ids(o.Roles()), ids(orderByWalk(h, h.Roles)); !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: all roles %v, want %v", round, got, want)
		}
		subset := slices.DeleteFunc(slices.Clone(h.Roles), func(*model.Role) bool { return rng.IntN(2) == 0 })
		if got, want := ids(o.Sort(subset)), ids(orderByWalk(h, subset)); !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: subset %v, want %v", round, got, want)
		}
		ix := NewIndex(h, o)
		for _, r := range h.Roles {
			if got, want := ix.Neighbours(r.ID), Neighbours(h, r.ID); !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d: neighbours of %s %v, want %v", round, r.ID, got, want)
			}
		}
	}
}

// chain is a handbook of n roles, each reporting to the one before.
func chain(n int) *model.Handbook {
	h := &model.Handbook{Teams: []*model.Team{{ID: "ops", Kind: "internal"}}}
	for i := range n {
		r := &model.Role{ID: fmt.Sprintf("r%05d", n-1-i), Team: "ops"}
		if i < n-1 {
			r.ReportsTo = fmt.Sprintf("r%05d", n-2-i)
		}
		h.Roles = append(h.Roles, r)
	}
	h.Index()
	return h
}

func TestOrder_longChain(t *testing.T) {
	h := chain(20_000)
	start := time.Now()
	got := NewOrder(h).Roles()
	for i, r := range got {
		if want := fmt.Sprintf("r%05d", i); r.ID != want {
			t.Fatalf("position %d: %s, want %s (managers first)", i, r.ID, want)
		}
	}
	t.Logf("20,000 roles in one chain ordered in %v", time.Since(start))
}

func TestIndex_neighboursOfUnknownRoles(t *testing.T) {
	h := sample()
	h.Workflows[0].Steps[0].Consulted = []string{"ghost"}
	ix := NewIndex(h, NewOrder(h))
	if got, want := ix.Neighbours("clerk"), Neighbours(h, "clerk"); !reflect.DeepEqual(got, want) {
		t.Errorf("index %v, scan %v", got, want)
	}
}
