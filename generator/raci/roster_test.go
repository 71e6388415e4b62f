package raci

import (
	"reflect"
	"testing"

	"github.com/accord-handbook/accord/generator/model"
)

func ids(roles []*model.Role) []string {
	var out []string
	for _, r := range roles {
		out = append(out, r.ID)
	}
	return out
}

func TestDepartmentRoles_sameAsDepartment(t *testing.T) {
	h := sample()
	want, groups := Department(h, NewOrder(h))
	got, steps := DepartmentRoles(h, NewOrder(h))
	if !reflect.DeepEqual(ids(got), ids(want)) {
		t.Errorf("roles %v, want %v", ids(got), ids(want))
	}
	if n := len(groups[0].Rows); steps != n {
		t.Errorf("steps %d, want %d", steps, n)
	}
}

func TestRosters(t *testing.T) {
	h := sample()
	roles, _ := DepartmentRoles(h, NewOrder(h))
	got := Rosters(h, roles)
	if len(got) != 1 {
		t.Fatalf("%d rosters, want 1", len(got))
	}
	r := got[0]
	for _, c := range []struct {
		letter string
		got    []*model.Role
		want   []string
	}{
		// boss is R on b and A on both; clerk R on a and C on b.
		{"R", r.R, []string{"boss", "clerk"}},
		{"A", r.A, []string{"boss"}},
		{"C", r.C, []string{"clerk"}},
		{"I", r.I, []string{"buyer"}},
	} {
		if !reflect.DeepEqual(ids(c.got), c.want) {
			t.Errorf("%s = %v, want %v", c.letter, ids(c.got), c.want)
		}
	}
}
