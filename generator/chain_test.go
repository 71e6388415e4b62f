package generator_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/urls"
	"github.com/accord-handbook/accord/internal/testhb"
)

// chainHandbook is n roles in one reports_to chain: r0 at the top, each
// r<i> reporting to r<i-1>.
func chainHandbook(t testing.TB, n int) string {
	t.Helper()
	files := map[string]string{
		"handbook.toml": "title = \"Chain\"\nlanguage = \"en\"\nversion = \"1.0\"\neffective_date = 2026-01-01\n",
		"teams.toml":    "[[team]]\nid = \"ops\"\nname = \"Ops\"\nkind = \"internal\"\n",
	}
	for i := range n {
		text := fmt.Sprintf("name = \"Role %d\"\nteam = \"ops\"\n", i)
		if i > 0 {
			text += fmt.Sprintf("reports_to = \"r%d\"\n", i-1)
		}
		files[fmt.Sprintf("roles/r%d.toml", i)] = text
	}
	return testhb.Dir(t, files)
}

// TestBuild_longReportingChain checks and compiles 3,000 roles in one
// chain. It asserts nothing about time, only that it finishes: the order
// of roles once walked both chains in every comparison of a sort, on every
// onboarding page, and each role page listed its whole line of managers.
// Each role page now shows at most the nearest twelve, after "…".
func TestBuild_longReportingChain(t *testing.T) {
	if testing.Short() {
		t.Skip("3,000 roles")
	}
	n := 3000
	if testhb.Race {
		n = 1000
	}
	dir := chainHandbook(t, n)
	c := generator.Check(generator.Options{Dir: dir, NoGraphs: true})
	if c.Diags.HasErrors() {
		t.Fatalf("check: %v", c.Diags.Err())
	}
	files, _, err := generator.Compile(context.Background(), generator.Options{Dir: dir, NoGraphs: true})
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	pages := map[string]string{}
	for _, f := range files {
		pages[f.Path] = string(f.Data)
	}
	last := pages[urls.Role(fmt.Sprintf("r%d", n-1))]
	line := func(page string) string {
		_, after, _ := strings.Cut(page, "<dt>Reports to</dt><dd>")
		before, _, _ := strings.Cut(after, "</dd>")
		return before
	}
	got := line(last)
	if !strings.HasPrefix(got, "… › ") || strings.Count(got, "<a ") != 12 ||
		!strings.Contains(got, fmt.Sprintf(`href="r%d.html"`, n-13)) || strings.Contains(got, fmt.Sprintf(`href="r%d.html"`, n-14)) {
		t.Errorf("the deepest role's line of managers:\n%s\nwant \"… › \" and its nearest 12 managers, r%d to r%d", got, n-13, n-2)
	}
	if got := line(pages[urls.Role("r12")]); strings.HasPrefix(got, "…") || strings.Count(got, "<a ") != 12 {
		t.Errorf("r12's line of managers is cut or short:\n%s", got)
	}
	// The order of roles: managers first, on the roles index.
	index := pages[urls.Roles]
	if i, j := strings.Index(index, `href="r1.html"`), strings.Index(index, `href="r10.html"`); i < 0 || j < i {
		t.Errorf("roles index: r1 at %d, r10 at %d: managers must come first", i, j)
	}
}
