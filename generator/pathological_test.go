package generator_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/urls"
	"github.com/accord-handbook/accord/internal/testhb"
)

// hugeWorkflow writes a handbook of roles roles and one workflow of steps
// steps: a chain with a loop back every 100 steps, each step with one R, an
// A, two C and an I.
func hugeWorkflow(t testing.TB, roles, steps int) string {
	t.Helper()
	files := map[string]string{
		"handbook.toml": "title = \"Big\"\nlanguage = \"en\"\nversion = \"1.0\"\neffective_date = 2026-01-01\n",
		"teams.toml":    "[[team]]\nid = \"ops\"\nname = \"Ops\"\nkind = \"internal\"\n",
	}
	for i := range roles {
		text := fmt.Sprintf("name = \"Role %d\"\nteam = \"ops\"\n", i)
		if i > 0 {
			text += "reports_to = \"r0\"\n"
		}
		files[fmt.Sprintf("roles/r%d.toml", i)] = text
	}
	var b strings.Builder
	b.WriteString("name = \"Huge\"\nowner = \"r0\"\ntrigger = \"An order\"\nsummary = \"Every step there is.\"\n")
	for s := range steps {
		var next []string
		if s+1 < steps {
			next = append(next, fmt.Sprintf("%q", fmt.Sprintf("s%d", s+1)))
		}
		if s%100 == 99 {
			next = append(next, fmt.Sprintf("%q", fmt.Sprintf("s%d", s-50)))
		}
		fmt.Fprintf(&b, "\n[[step]]\nid = \"s%d\"\nname = \"Step %d\"\nresponsible = [\"r%d\"]\naccountable = \"r%d\"\nconsulted = [\"r%d\", \"r%d\"]\ninformed = [\"r%d\"]\nnext = [%s]\nduration = \"2h\"\n",
			s, s, s%roles, (s+1)%roles, (s+2)%roles, (s+3)%roles, (s+4)%roles, strings.Join(next, ", "))
	}
	files["workflows/huge.toml"] = b.String()
	dir := filepath.Join(t.TempDir(), "big")
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestBuild_10000Steps checks and builds a workflow of 10,000 steps in
// bounded time and memory, and checks that the pages grow linearly: the
// workflow page and the RACI matrix must not be quadratic in the steps.
func TestBuild_10000Steps(t *testing.T) {
	if testing.Short() {
		t.Skip("a 1.6 MB workflow")
	}
	const roles = 20
	sizes := map[int]map[string]int{}
	allocs := map[int]uint64{}
	// Under the race detector (5-10 times slower) the same comparison runs
	// on a fifth of the steps (200 and 2,000), and the whole build is skipped.
	small, large := 1000, 10000
	if testhb.Race {
		small, large = 200, 2000
	}
	for _, steps := range []int{small, large} {
		dir := hugeWorkflow(t, roles, steps)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		start := time.Now()
		c := generator.Check(generator.Options{FS: os.DirFS(dir), Name: "big", NoGraphs: true})
		checked := time.Since(start)
		if err := c.Diags.Err(); err != nil {
			t.Fatalf("check: %v", err)
		}
		start = time.Now()
		files, _, err := generator.Compile(context.Background(), generator.Options{Dir: dir, NoGraphs: true})
		compiled := time.Since(start)
		if err != nil {
			t.Fatalf("compile: %v", err)
		}
		runtime.ReadMemStats(&after)
		allocs[steps] = after.TotalAlloc - before.TotalAlloc
		sizes[steps] = map[string]int{}
		total := 0
		for _, f := range files {
			total += len(f.Data)
			sizes[steps][f.Path] = len(f.Data)
		}
		t.Logf("%5d steps: check %s, compile without graphs %s, %d files, %.1f MB, %.0f MB allocated; workflow page %d KB, RACI matrix %d KB",
			steps, checked.Round(time.Millisecond), compiled.Round(time.Millisecond), len(files), float64(total)/(1<<20),
			float64(after.TotalAlloc-before.TotalAlloc)/(1<<20), sizes[steps][urls.Workflow("huge")]>>10, sizes[steps][urls.RACI]>>10)
		if limit := 30 * time.Second; checked+compiled > limit {
			t.Errorf("%d steps took %s to check and %s to compile", steps, checked, compiled)
		}
	}
	// Ten times the steps may make a page about ten times larger, not a
	// hundred: a quadratic page (a step × step table) shows here, and so
	// does quadratic work (appending strings in a loop: 7 GB once).
	for page, s := range sizes[small] {
		if l := sizes[large][page]; s > 4096 && l > 15*s {
			t.Errorf("%s grows quadratically: %d KB for %d steps, %d KB for %d", page, s>>10, small, l>>10, large)
		}
	}
	if allocs[large] > 15*allocs[small] {
		t.Errorf("compiling allocates quadratically: %d MB for %d steps, %d MB for %d", allocs[small]>>20, small, allocs[large]>>20, large)
	}
	if testhb.Race {
		return
	}

	// The whole build, graphs included: the workflow is too big to draw
	// (Graphviz would run past its timeout and fail the build), so it is
	// built without its graph, with a warning at the workflow.
	dir := hugeWorkflow(t, roles, 10000)
	start := time.Now()
	res, err := generator.Build(context.Background(), generator.Options{Dir: dir, Name: "big", Out: filepath.Join(t.TempDir(), "public")})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	t.Logf("10000 steps: build with graphs %s, %d files", time.Since(start).Round(time.Millisecond), res.Files)
	want := "big/workflows/huge.toml:1:1: warning: 10000 steps are too many to draw (at most 300): the workflow's page lists them without its graph"
	if got := res.Checked.Diags.Items; len(got) != 1 || got[0].String() != want {
		t.Errorf("diagnostics: %v\nwant: %s", got, want)
	}
}

// TestCheck_markdownLimits: a Markdown page over markdown.MaxSize, and
// paragraphs on which goldmark's cost explodes, are refused at once with
// their file and line; a page just under the size limit is checked.
func TestCheck_markdownLimits(t *testing.T) {
	page := func(body string) string { return "+++\ntitle = \"Big\"\n+++\n\n" + body }
	tests := []struct{ name, body, want string }{
		{"over 1 MB", strings.Repeat("Plain words and more words.\n\n", 40000),
			"hb/pages/big.md: 1133 KB of Markdown, more than the 1024 KB a page may have: split it into pages"},
		{"unclosed link destinations", strings.Repeat("[a](", 50000),
			"hb/pages/big.md:5:1: paragraph with more than 2000 links, emphasis and code markers ([, <, *, _, `, ~): split it with blank lines"},
		{"reference definitions in a row", "Intro.\n\n" + strings.Repeat("[a]: b\n", 100000),
			"hb/pages/big.md:7:1: paragraph with more than 2000 links, emphasis and code markers ([, <, *, _, `, ~): split it with blank lines"},
		{"under the limits", strings.Repeat("Plain words and more words.\n\n", 30000), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := fstest.MapFS{}
			for name, text := range smallHandbook {
				m[name] = &fstest.MapFile{Data: []byte(text)}
			}
			m["pages/big.md"] = &fstest.MapFile{Data: []byte(page(tt.body))}
			start := time.Now()
			c := generator.Check(generator.Options{FS: m, Name: "hb", NoGraphs: true})
			took := time.Since(start)
			var got []string
			for _, d := range c.Diags.Items {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), tt.want)
			}
			if took > 5*time.Second {
				t.Errorf("took %s", took)
			}
		})
	}
}

// TestBuild_departmentRosters: past raci.MaxDepartmentCells the department
// page folds the matrix to one row per workflow that still names every
// role; under it, the page is the full matrix.
func TestBuild_departmentRosters(t *testing.T) {
	for _, tt := range []struct {
		steps   int
		rosters bool
	}{{1000, false}, {4000, true}} { // 20 roles: 20,000 and 80,000 cells
		dir := hugeWorkflow(t, 20, tt.steps)
		files, _, err := generator.Compile(context.Background(), generator.Options{Dir: dir, NoGraphs: true})
		if err != nil {
			t.Fatal(err)
		}
		var page string
		for _, f := range files {
			if f.Path == urls.RACI {
				page = string(f.Data)
			}
		}
		if got := strings.Contains(page, `class="raci-rosters"`); got != tt.rosters {
			t.Errorf("%d steps: rosters %v, want %v", tt.steps, got, tt.rosters)
		}
		if !tt.rosters {
			continue
		}
		if !strings.Contains(page, "20 roles and 4000 steps") || !strings.Contains(page, `href="workflows/huge.html"`) {
			t.Errorf("%d steps: the rosters page lacks its note or the workflow's link", tt.steps)
		}
		for i := range 20 {
			if !strings.Contains(page, fmt.Sprintf(`href="roles/r%d.html"`, i)) {
				t.Errorf("%d steps: role r%d missing from the rosters", tt.steps, i)
			}
		}
	}
}
