package graph

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator/urls"
)

func TestPickBonds(t *testing.T) {
	bonds := []bond{{a: 0, b: 1, steps: 5}, {a: 0, b: 2, steps: 4}, {a: 1, b: 2, steps: 3}, {a: 2, b: 3, steps: 1}}
	for n, want := range map[int][]int{
		0: {},
		2: {5, 4},       // the strongest, though 3 is left without a line
		3: {5, 4, 1},    // every end's strongest before the stronger 1–2
		4: {5, 4, 3, 1}, // then the strongest of the rest
		9: {5, 4, 3, 1},
	} {
		var got []int
		for _, b := range pickBonds(bonds, 4, n) {
			got = append(got, b.steps)
		}
		if !slices.Equal(got, want) && len(got)+len(want) > 0 {
			t.Errorf("n=%d: picked %v, want %v", n, got, want)
		}
	}
}

// edgeLine reads an edge of the DOT text: its two ends.
var edgeLine = regexp.MustCompile(`(?m)^\s*"([^"]+)" -> "([^"]+)"`)

// TestOverview_shipped: forty lines of the shipped agreement's 130, every
// role on at least one, the strongest pair among them; the table lists
// all 130, strongest first, and the title and legend say so.
func TestOverview_shipped(t *testing.T) {
	h := shipped(t)
	dot, alt := Overview(h, urls.Home)
	edges := edgeLine.FindAllStringSubmatch(dot, -1)
	if len(edges) != maxOverviewEdges {
		t.Fatalf("%d lines, want %d", len(edges), maxOverviewEdges)
	}
	lines := map[string]int{}
	for _, e := range edges {
		lines[e[1]]++
		lines[e[2]]++
	}
	for _, r := range h.Roles {
		if lines[r.ID] == 0 {
			t.Errorf("%s has no line", r.ID)
		}
	}
	steps := func(row []string) int { n, _ := strconv.Atoi(row[2]); return n }
	if len(alt.Rows) != 130 || !slices.IsSortedFunc(alt.Rows, func(a, b []string) int { return steps(b) - steps(a) }) {
		t.Errorf("%d rows, want 130, strongest first", len(alt.Rows))
	}
	top := fmt.Sprintf("%s\t%s", alt.Rows[0][0], alt.Rows[0][1])
	found := false
	for _, e := range edges {
		a, b := h.RoleName(e[1]), h.RoleName(e[2])
		found = found || top == a+"\t"+b || top == b+"\t"+a
	}
	if !found {
		t.Errorf("the strongest pair (%s) is not drawn", top)
	}
	for _, want := range []string{"40", "130"} {
		if !strings.Contains(alt.Title, want) || !strings.Contains(alt.Legend, want) {
			t.Errorf("title %q or legend %q lacks %s", alt.Title, alt.Legend, want)
		}
	}
}

// TestOverview_teams: past maxOverviewRoles the overview draws teams, each
// linking to its section of the teams page, with at most forty lines.
func TestOverview_teams(t *testing.T) {
	h := synthetic(200)
	dot, alt := Overview(h, urls.Home)
	if n := strings.Count(dot, " -> "); n == 0 || n > maxOverviewEdges {
		t.Errorf("%d lines, want 1 to %d", n, maxOverviewEdges)
	}
	if strings.Contains(dot, "cluster") || strings.Contains(dot, "roles/") {
		t.Error("roles or team boxes in an overview drawn by teams")
	}
	for _, want := range []string{`URL="teams.html#team-team-0"`, `label="团队 0\n10 roles"`, `class="g-node g-team-team-4 g-node-external"`} {
		if !strings.Contains(dot, want) {
			t.Errorf("no %s in\n%s", want, dot)
		}
	}
	if alt.Header[0] != "Team" || !strings.HasPrefix(alt.Legend, "With this many roles") {
		t.Errorf("alt %q / %q", alt.Header, alt.Legend)
	}
	if drawn := strings.Count(dot, " -> "); len(alt.Rows) < drawn {
		t.Errorf("%d rows for %d lines", len(alt.Rows), drawn)
	}
}

// TestOverview_small: a handbook with few pairs draws them all, and says
// nothing about keeping some.
func TestOverview_small(t *testing.T) {
	dot, alt := Overview(testHandbook(), urls.Home)
	if n := strings.Count(dot, " -> "); n != 6 || len(alt.Rows) != 6 {
		t.Errorf("%d lines, %d rows, want 6 and 6", n, len(alt.Rows))
	}
	if alt.Title != zhLabels.Department || alt.Legend != zhLabels.RoleLines {
		t.Errorf("title %q, legend %q", alt.Title, alt.Legend)
	}
}
