package health

import (
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/source"
)

func handbook(steps ...*model.Step) *model.Handbook {
	doc := source.NewDoc("w.toml", "workflows/w.toml", nil)
	rdoc := source.NewDoc("r.toml", "roles/r.toml", nil)
	h := &model.Handbook{
		Teams: []*model.Team{{ID: "in", Kind: "internal"}, {ID: "ext", Kind: "external"}},
		Roles: []*model.Role{
			{ID: "a", Team: "in", Src: rdoc}, {ID: "b", Team: "in", Src: rdoc}, {ID: "c", Team: "in", Src: rdoc},
			{ID: "d", Team: "in", Src: rdoc}, {ID: "e", Team: "in", Src: rdoc}, {ID: "x", Team: "ext", Src: rdoc},
		},
		Workflows: []*model.Workflow{{ID: "w", Src: doc, Steps: steps}},
	}
	h.Index()
	return h
}

func kinds(r *Report) map[Kind]int {
	m := map[Kind]int{}
	for _, f := range r.Findings {
		m[f.Kind]++
	}
	return m
}

func TestAnalyse_findings(t *testing.T) {
	tests := []struct {
		name  string
		steps []*model.Step
		opts  model.RACIOptions
		want  map[Kind]int
	}{
		{"balanced", []*model.Step{
			{ID: "s1", Responsible: []string{"a"}, Accountable: "b", Informed: []string{"c", "d", "e", "x"}},
			{ID: "s2", Responsible: []string{"b"}, Accountable: "a", Consulted: []string{"c"}},
			{ID: "s3", Responsible: []string{"c", "d"}, Accountable: "e", Informed: []string{"a"}},
			{ID: "s4", Responsible: []string{"e"}, Accountable: "d", Informed: []string{"a"}},
		}, model.RACIOptions{MaxAccountableShare: 50}, map[Kind]int{}},
		{"many responsible and consulted, silo", []*model.Step{
			{ID: "s1", Responsible: []string{"a", "b", "c", "d"}, Accountable: "e", Consulted: []string{"a", "b", "c", "d", "x"}},
			{ID: "s2", Responsible: []string{"a"}, Accountable: "b"},
		}, model.RACIOptions{MaxAccountableShare: 50}, map[Kind]int{ManyResponsible: 1, ManyConsulted: 1, Silo: 1}},
		{"decision bottleneck and idle role, threshold from handbook", []*model.Step{
			{ID: "s1", Responsible: []string{"b", "c", "d"}, Accountable: "a", Informed: []string{"x"}},
			{ID: "s2", Responsible: []string{"b"}, Accountable: "a", Informed: []string{"e"}},
		}, model.RACIOptions{MaxResponsible: 5}, map[Kind]int{DecisionHub: 1, NoWork: 1}},
		{"responsible overload", []*model.Step{
			{ID: "s1", Responsible: []string{"a"}, Accountable: "b", Informed: []string{"c", "d", "e"}},
			{ID: "s2", Responsible: []string{"a"}, Accountable: "c", Informed: []string{"b"}},
			{ID: "s3", Responsible: []string{"a"}, Accountable: "d", Informed: []string{"b"}},
			{ID: "s4", Responsible: []string{"a"}, Accountable: "e", Informed: []string{"b"}},
		}, model.RACIOptions{MaxResponsibleLoad: 3, MaxAccountableShare: 50}, map[Kind]int{ResponsibleLoad: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := handbook(tt.steps...)
			h.Meta.RACI = tt.opts
			got := kinds(Analyse(h))
			if len(got) != len(tt.want) {
				t.Fatalf("findings %v, want %v", got, tt.want)
			}
			for k, n := range tt.want {
				if got[k] != n {
					t.Errorf("%s: %d findings, want %d (all: %v)", k, got[k], n, got)
				}
			}
		})
	}
}

func TestHeat(t *testing.T) {
	for _, tt := range []struct{ n, max, want int }{{0, 10, 0}, {1, 10, 1}, {5, 10, 2}, {8, 10, 4}, {10, 10, 4}, {3, 0, 0}} {
		if got := Heat(tt.n, tt.max); got != tt.want {
			t.Errorf("Heat(%d, %d) = %d, want %d", tt.n, tt.max, got, tt.want)
		}
	}
}

// TestAnalyseSegregation: approval steps and independence rules are listed
// with how they are met, the reporting line walked through every manager.
func TestAnalyseSegregation(t *testing.T) {
	h := handbook(
		&model.Step{ID: "s1", Responsible: []string{"a"}, Accountable: "b", Approval: true},
		&model.Step{ID: "s2", Responsible: []string{"a", "b"}, Accountable: "b", Approval: true},
		&model.Step{ID: "s3", Responsible: []string{"c"}, Accountable: "b"},
	)
	h.RoleByID["a"].ReportsTo = "b"
	h.RoleByID["b"].ReportsTo = "c"
	h.RoleByID["d"].ReportsTo = "e"
	h.Meta.RACI.Independent = []model.Independence{
		{Role: "a", From: []string{"c"}, Reason: "checks c"},
		{Role: "d", From: []string{"a", "b"}},
		{Role: "ghost", From: []string{"a"}},
	}
	s := AnalyseSegregation(h)
	if len(s.Approvals) != 2 || !s.Approvals[0].Met || s.Approvals[1].Met || s.Approvals[1].Step.ID != "s2" {
		t.Errorf("approvals: %+v", s.Approvals)
	}
	if len(s.Rules) != 3 {
		t.Fatalf("rules: %+v", s.Rules)
	}
	if r := s.Rules[0]; r.Met() || r.Breach == nil || r.Breach.ID != "c" || len(r.Chain) != 3 {
		t.Errorf("a reports to c through b: %+v", r)
	}
	if r := s.Rules[1]; !r.Met() || len(r.Chain) != 2 {
		t.Errorf("d reports to e only: %+v", r)
	}
	if r := s.Rules[2]; r.Met() || r.Role != nil {
		t.Errorf("an unknown role is not met: %+v", r)
	}
	lines := s.Lines()
	if len(lines) != 5 || !strings.Contains(lines[2], `"a" reports to b → c; must not report to "c": NOT MET: reports to "c"`) {
		t.Errorf("lines:\n%s", strings.Join(lines, "\n"))
	}
}
