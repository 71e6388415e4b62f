package graph

import (
	"slices"
	"testing"

	"github.com/accord-handbook/accord/generator/model"
)

// TestLevels: managers above their reports, external parties below the
// department, unknown roles at the top, and a reports_to cycle ends.
func TestLevels(t *testing.T) {
	h := testHandbook()
	ids := []string{"buyer", "cashier", "clerk", "manager", "sales-rep", "ghost"}
	if got, want := levels(h, ids), []int{2, 1, 1, 0, 1, 0}; !slices.Equal(got, want) {
		t.Errorf("levels %v, want %v", got, want)
	}

	cycle := &model.Handbook{Roles: []*model.Role{
		{ID: "a", ReportsTo: "b"}, {ID: "b", ReportsTo: "c"}, {ID: "c", ReportsTo: "a"}, {ID: "d", ReportsTo: "a"},
	}}
	cycle.Index()
	if got := levels(cycle, []string{"a", "b", "c", "d"}); len(got) != 4 {
		t.Errorf("levels of a cycle: %v", got)
	}
}

// TestClusterLabel: a space for each wide character, half on each side.
func TestClusterLabel(t *testing.T) {
	for in, want := range map[string]string{
		"外贸部":       "  外贸部  ",
		"客户":        " 客户 ",
		"Sales":     "Sales",
		"QA 质检":     " QA 质检 ",
		"":          "",
		"Long team": "Long team",
	} {
		if got := clusterLabel(in); got != want {
			t.Errorf("clusterLabel(%q) = %q, want %q", in, got, want)
		}
	}
}
