package graph

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator/model"
)

func TestQuote(t *testing.T) {
	tests := []struct {
		name, in string
		rounds   int
		want     string
	}{
		{"plain", "外贸业务员", 1, `"外贸业务员"`},
		{"quote", `say "hi"`, 1, `"say \"hi\""`},
		{"backslash", `a\b`, 1, `"a\\b"`},
		{"backslash tooltip", `a\b`, 2, `"a\\\\b"`},
		{"escape sequence stays literal", `\N\G\l`, 1, `"\\N\\G\\l"`},
		{"trailing backslash cannot eat the quote", `x\`, 1, `"x\\"`},
		{"newline", "a\nb", 1, `"a\nb"`},
		{"carriage return and controls", "a\r\x00\x1fb\x7f", 1, `"ab"`},
		{"tab", "a\tb", 1, `"a b"`},
		{"ampersand", "R&D &lt;", 1, `"R&amp;D &amp;lt;"`},
		{"script", "<script>alert(1)</script>", 1, `"<script>alert(1)</script>"`},
		{"injection", `x"]; evil [URL="javascript:1`, 1, `"x\"]; evil [URL=\"javascript:1"`},
		{"invalid utf-8", "a\xffb", 1, `"ab"`},
		{"empty", "", 1, `""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := quote(tt.in, tt.rounds); got != tt.want {
				t.Errorf("quote(%q, %d) = %s, want %s", tt.in, tt.rounds, got, tt.want)
			}
		})
	}
}

// TestQuote_parses checks the table's hostile strings through Graphviz:
// one node, whatever the label says.
func TestQuote_parses(t *testing.T) {
	r := newRenderer(t)
	for _, s := range []string{`x"]; b [label="y`, `\`, `\"`, "a\\\nb", `"`, "<b>x</b>", "}; digraph {"} {
		dot := "digraph { a [label=" + quote(s, 1) + " tooltip=" + quote(s, 2) + "] }"
		if nodes := drawnNodes(t, r, dot); len(nodes) != 1 {
			t.Errorf("%q: %d nodes, want 1", s, len(nodes))
		}
	}
}

func TestGolden(t *testing.T) {
	h := testHandbook()
	r := newRenderer(t)
	check := func(name, dot string, alt Alt) {
		t.Helper()
		golden(t, name+".dot", dot)
		golden(t, name+".alt.txt", altText(alt))
		drawnNodes(t, r, dot)
	}
	dot, alt := Department(h, "index.html")
	check("department", dot, alt)
	dot, alt = Overview(h, "index.html")
	check("overview", dot, alt)
	dot, alt = Workflow(h, h.WorkflowByID["order"], "workflows/order.html")
	check("workflow-order", dot, alt)
	dot, alt = OrgChart(h, "teams.html")
	check("orgchart", dot, alt)
	dot, alt = Neighbourhood(h, "sales-rep", "roles/sales-rep.html")
	check("neighbourhood-sales-rep", dot, alt)
}

// TestDOT_deterministic: the same handbook gives the same text, whatever
// the order of its maps.
func TestDOT_deterministic(t *testing.T) {
	h := testHandbook()
	first, _ := Department(h, "index.html")
	for range 20 {
		if again, _ := Department(testHandbook(), "index.html"); again != first {
			t.Fatal("Department is not deterministic")
		}
	}
}

func TestDepartment_tooltipAndWeights(t *testing.T) {
	dot, alt := Department(testHandbook(), "index.html")
	for _, want := range []string{
		`"manager" -> "sales-rep" [class="g-edge g-handoff", penwidth="2.0", style="solid", tooltip="外贸经理 → 外贸业务员: 2 个步骤 (知会)\n外贸业务员 → 外贸经理: 2 个步骤 (交付/知会)", weight="4"]`,
		`"sales-rep" -> "cashier" [class="g-edge g-consults"`,
		`"manager" -> "buyer" [class="g-edge g-informs", penwidth="1.0", style="dotted"`,
		`"sales-rep" -> "buyer" [`, // down to the external party, though the buyer hands off more
		`subgraph "cluster_customer" {`,
		`class="g-cluster-external"`,
	} {
		if !strings.Contains(dot, want) {
			t.Errorf("department DOT lacks %s", want)
		}
	}
	if strings.Contains(dot, `"sales-rep" -> "manager"`) {
		t.Error("a pair related both ways is drawn twice")
	}
	if strings.Contains(dot, "layout=") {
		t.Error("the department graph names a layout engine: dot is the default, and fdp lays it out differently each time")
	}
	if len(alt.Rows) != 8 || len(alt.Rows[0]) != len(alt.Header) {
		t.Errorf("alt rows do not match the header: %q", alt)
	}
}

// TestDepartment_stepsCountOnce: a step counts once for a pair however
// many of its relations join them, and two steps of one id (which
// validate reports) count as one, wherever they are.
func TestDepartment_stepsCountOnce(t *testing.T) {
	h := &model.Handbook{
		Roles: []*model.Role{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}},
		Workflows: []*model.Workflow{{ID: "w", Name: "W", Steps: []*model.Step{
			{ID: "s", Name: "S", Responsible: []string{"a", "a"}, Accountable: "b", Consulted: []string{"b"}},
			{ID: "t", Name: "T", Responsible: []string{"b"}, Accountable: "a"},
			{ID: "s", Name: "S again", Responsible: []string{"a"}, Accountable: "b"},
			{ID: "u", Name: "U", Responsible: []string{"a"}, Accountable: "b"},
		}}},
	}
	h.Index()
	dot, alt := Department(h, "index.html")
	want := [][]string{{"A", "B", "2", "hands off/consults"}, {"B", "A", "1", "hands off"}}
	if !slices.EqualFunc(alt.Rows, want, slices.Equal) {
		t.Errorf("rows %q, want %q", alt.Rows, want)
	}
	// Three steps in all: s, t and u.
	if !strings.Contains(dot, `"a" -> "b" [class="g-edge g-handoff", penwidth="1.8", style="solid", tooltip="A → B: 2 steps (hands off/consults)\nB → A: 1 step (hands off)", weight="3"]`) {
		t.Errorf("the edge does not count three steps:\n%s", dot)
	}
}

func TestLabels_english(t *testing.T) {
	h := testHandbook()
	h.Meta.Language = "en"
	dot, alt := Neighbourhood(h, "manager", "roles/manager.html")
	if !strings.Contains(dot, " steps") || alt.Title != "Whom 外贸经理 works with" {
		t.Errorf("English labels not used: %s\n%q", dot, alt.Title)
	}
}

// FuzzDOT: whatever the names in a handbook, every generated graph parses
// and has exactly one node per role (or step): no name can add nodes,
// edges or attributes.
func FuzzDOT(f *testing.F) {
	for _, s := range []string{"外贸", `a"b`, `\`, "x\ny", "&amp;", "<b>", `"];x[`, "\\\"", "\x00", "\xff"} {
		f.Add(s, s+"2")
	}
	r := newRenderer(f)
	f.Fuzz(func(t *testing.T, name, other string) {
		h := &model.Handbook{
			Teams: []*model.Team{{ID: "t", Name: name, Kind: "external"}},
			Roles: []*model.Role{{ID: "a", Name: name, Team: "t", Summary: other}, {ID: "b", Name: other, ReportsTo: "a"}},
			Workflows: []*model.Workflow{{ID: "w", Name: other, Steps: []*model.Step{
				{ID: "s", Name: name, Responsible: []string{"a"}, Accountable: "b", Next: []string{"s", "u"}},
				{ID: "u", Name: other, Responsible: []string{"b"}, Accountable: "a", Next: []string{"s"}},
			}}},
		}
		h.Index()
		dots := map[string]int{}
		d, _ := Department(h, "index.html")
		dots[d] = 2
		d, _ = OrgChart(h, "teams.html")
		dots[d] = 2
		d, _ = Neighbourhood(h, "a", "roles/a.html")
		dots[d] = 2
		d, _ = Workflow(h, h.Workflows[0], "workflows/w.html")
		dots[d] = 2
		for dot, want := range dots {
			if nodes := drawnNodes(t, r, dot); len(nodes) != want {
				t.Fatalf("%d nodes, want %d: %v\n%s", len(nodes), want, nodes, dot)
			}
		}
	})
}

// FuzzEscape: any string, as a label and a tooltip, leaves one node.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", `"`, `\`, `\\"`, "a\nb", "<x>", "&", "\r\x00"} {
		f.Add(s)
	}
	r := newRenderer(f)
	f.Fuzz(func(t *testing.T, s string) {
		dot := fmt.Sprintf("digraph {\n  %s [label=%s, tooltip=%s, URL=%s]\n}\n", quote(s, 1), quote(s, 1), quote(s, 2), quote(s, 1))
		if nodes := drawnNodes(t, r, dot); len(nodes) != 1 {
			t.Fatalf("%q: %d nodes: %q", s, len(nodes), nodes)
		}
	})
}

// quoteSpec is quote as it was first written, rune by rune: the DOT text
// is part of every graph's cache key, so the fast quote must write the
// same bytes.
func quoteSpec(s string, rounds int) string {
	backslash := strings.Repeat(`\`, 1<<rounds)
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "") {
		switch {
		case r == '\\':
			b.WriteString(backslash)
		case r == '"':
			b.WriteString(`\"`)
		case r == '&':
			b.WriteString("&amp;")
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20, r == 0x7f, r == 0xfffe, r == 0xffff:
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// FuzzQuote: quote writes what quoteSpec does, for one and two rounds.
func FuzzQuote(f *testing.F) {
	for _, s := range []string{"", "外贸业务员", `a\b"c&d`, "a\r\x00\x1fb\x7f\tc\n", "a\xffb\xe4\xb8", "\xe4\xff\xb8\xad", "\uFFFE\uFFFF\uFFFD", "x\xef\xbf\xbey"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for rounds := 1; rounds <= 2; rounds++ {
			if got, want := quote(s, rounds), quoteSpec(s, rounds); got != want {
				t.Fatalf("quote(%q, %d) = %s, want %s", s, rounds, got, want)
			}
		}
	})
}
