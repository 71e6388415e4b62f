package raci

import (
	"reflect"
	"testing"

	"github.com/accord-handbook/accord/generator/model"
)

func sample() *model.Handbook {
	h := &model.Handbook{
		Teams: []*model.Team{{ID: "dept", Kind: "internal"}, {ID: "ext", Kind: "external"}},
		Roles: []*model.Role{
			{ID: "boss", Team: "dept"}, {ID: "clerk", Team: "dept", ReportsTo: "boss"},
			{ID: "buyer", Team: "ext"}, {ID: "idle", Team: "dept"},
		},
		Workflows: []*model.Workflow{{ID: "w", Steps: []*model.Step{
			{ID: "a", Responsible: []string{"clerk"}, Accountable: "boss", Informed: []string{"buyer"}},
			{ID: "b", Responsible: []string{"boss"}, Accountable: "boss", Consulted: []string{"clerk"}},
		}}},
	}
	h.Index()
	return h
}

func TestForWorkflow_cells(t *testing.T) {
	h := sample()
	m := ForWorkflow(h, NewOrder(h), h.Workflows[0])
	var cols []string
	for _, r := range m.Roles {
		cols = append(cols, r.ID)
	}
	if want := []string{"boss", "clerk", "buyer"}; !reflect.DeepEqual(cols, want) {
		t.Fatalf("columns = %v, want %v (internal first, managers first, unused roles left out)", cols, want)
	}
	want := [][]string{{"A", "R", "I"}, {"R/A", "C", ""}}
	for i, row := range m.Rows {
		if !reflect.DeepEqual(row.Cells, want[i]) {
			t.Errorf("row %s = %v, want %v", row.Step.ID, row.Cells, want[i])
		}
	}
}

func TestForRole_counts(t *testing.T) {
	h := sample()
	tests := []struct {
		role string
		want Counts
		wfs  int
	}{
		{"boss", Counts{R: 1, A: 2}, 1},
		{"clerk", Counts{R: 1, C: 1}, 1},
		{"buyer", Counts{I: 1}, 1},
		{"idle", Counts{}, 0},
	}
	for _, tt := range tests {
		got, n := ForRole(h, tt.role)
		if n != tt.want || len(got) != tt.wfs {
			t.Errorf("ForRole(%s) = %+v over %d workflows, want %+v over %d", tt.role, n, len(got), tt.want, tt.wfs)
		}
	}
}

func TestDepartment_groups(t *testing.T) {
	h := sample()
	roles, groups := Department(h, NewOrder(h))
	if len(roles) != 3 || len(groups) != 1 || len(groups[0].Rows) != 2 {
		t.Fatalf("got %d roles, %d groups", len(roles), len(groups))
	}
}

func TestIndex_sameAsScans(t *testing.T) {
	h := sample()
	ix := NewIndex(h, NewOrder(h))
	for _, r := range h.Roles {
		wantA, wantN := ForRole(h, r.ID)
		gotA, gotN := ix.ForRole(r.ID)
		if !reflect.DeepEqual(gotA, wantA) || gotN != wantN {
			t.Errorf("%s: index %v %+v, scan %v %+v", r.ID, gotA, gotN, wantA, wantN)
		}
		if got, want := ix.Neighbours(r.ID), Neighbours(h, r.ID); !reflect.DeepEqual(got, want) {
			t.Errorf("%s neighbours: index %v, scan %v", r.ID, got, want)
		}
	}
}
