// Package health looks at a handbook's RACI assignments the way a
// practitioner reviews them: beyond the hard rules that validate enforces,
// where does work pile up, where are decisions concentrated, which steps
// happen in a silo? It returns advice, never errors: a clean handbook stays
// clean. Thresholds come from handbook.toml's [raci] table. It also shows
// how the handbook meets its rules of segregation of duties (approval steps
// and [[raci.independent]], which validate enforces).
package health

import (
	"fmt"
	"slices"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/raci"
	"github.com/accord-handbook/accord/generator/source"
)

// Thresholds above which a finding is reported.
type Thresholds struct {
	MaxResponsible      int // responsible roles on one step
	MaxConsulted        int // consulted roles on one step
	MaxAccountableShare int // percent of all steps one role is accountable for
	MaxResponsibleLoad  int // steps one role is responsible for, across workflows
}

// Defaults are the thresholds when handbook.toml sets none: more than three
// doers on a step means nobody owns the work; more than four consultations
// stall it; a role deciding over a quarter of everything is a bottleneck.
var Defaults = Thresholds{MaxResponsible: 3, MaxConsulted: 4, MaxAccountableShare: 25, MaxResponsibleLoad: 25}

// FromOptions fills unset values with the defaults.
func FromOptions(o model.RACIOptions) Thresholds {
	t := Defaults
	if o.MaxResponsible > 0 {
		t.MaxResponsible = o.MaxResponsible
	}
	if o.MaxConsulted > 0 {
		t.MaxConsulted = o.MaxConsulted
	}
	if o.MaxAccountableShare > 0 {
		t.MaxAccountableShare = o.MaxAccountableShare
	}
	if o.MaxResponsibleLoad > 0 {
		t.MaxResponsibleLoad = o.MaxResponsibleLoad
	}
	return t
}

// Kind names a kind of finding.
type Kind string

const (
	ManyResponsible Kind = "many-responsible"
	ManyConsulted   Kind = "many-consulted"
	DecisionHub     Kind = "decision-bottleneck"
	NoWork          Kind = "no-r-or-a"
	Silo            Kind = "silo"
	ResponsibleLoad Kind = "responsible-overload"
)

// Finding is one piece of advice. Step and Workflow are set for step
// findings, Role for role findings.
type Finding struct {
	Kind     Kind
	Pos      source.Pos
	Workflow *model.Workflow
	Step     *model.Step
	Role     *model.Role
	Message  string // English, for the terminal
	Count    int
}

// Load is one role's letters across all workflows.
type Load struct {
	Role   *model.Role
	Counts raci.Counts
}

// Report is everything the health page shows.
type Report struct {
	Thresholds Thresholds
	Steps      int
	Loads      []Load // every role, department order
	Findings   []Finding
	Max        raci.Counts // the largest count of each letter, to scale the heat map
	// Segregation is how the rules of segregation of duties are met.
	Segregation Segregation
}

// Analyse computes the report for h.
func Analyse(h *model.Handbook) *Report {
	r := &Report{Thresholds: FromOptions(h.Meta.RACI), Segregation: AnalyseSegregation(h)}
	t := r.Thresholds
	for _, w := range h.Workflows {
		for i, s := range w.Steps {
			r.Steps++
			key := fmt.Sprintf("step.%d", i)
			if n := len(s.Responsible); n > t.MaxResponsible {
				r.add(Finding{Kind: ManyResponsible, Pos: w.Src.Key(key + ".responsible"), Workflow: w, Step: s, Count: n,
					Message: fmt.Sprintf("step %q of %q has %d responsible roles (more than %d): split the task so each part has one owner", s.ID, w.ID, n, t.MaxResponsible)})
			}
			if n := len(s.Consulted); n > t.MaxConsulted {
				r.add(Finding{Kind: ManyConsulted, Pos: w.Src.Key(key + ".consulted"), Workflow: w, Step: s, Count: n,
					Message: fmt.Sprintf("step %q of %q consults %d roles (more than %d): a consultation bottleneck; inform some instead", s.ID, w.ID, n, t.MaxConsulted)})
			}
			if len(s.Consulted) == 0 && len(s.Informed) == 0 {
				r.add(Finding{Kind: Silo, Pos: w.Src.Key(key), Workflow: w, Step: s,
					Message: fmt.Sprintf("step %q of %q consults and informs no one: is it done in a silo?", s.ID, w.ID)})
			}
		}
	}
	order := raci.NewOrder(h)
	ix := raci.NewIndex(h, order)
	for _, role := range order.Roles() {
		_, n := ix.ForRole(role.ID)
		r.Loads = append(r.Loads, Load{Role: role, Counts: n})
		r.Max.R, r.Max.A = max(r.Max.R, n.R), max(r.Max.A, n.A)
		r.Max.C, r.Max.I = max(r.Max.C, n.C), max(r.Max.I, n.I)
		team := h.TeamByID[role.Team]
		internal := team == nil || !team.External()
		if r.Steps > 0 && n.A*100 > t.MaxAccountableShare*r.Steps {
			r.add(Finding{Kind: DecisionHub, Pos: role.Src.Line(1), Role: role, Count: n.A,
				Message: fmt.Sprintf("role %q is accountable for %d of %d steps (over %d%%): a decision bottleneck; delegate some", role.ID, n.A, r.Steps, t.MaxAccountableShare)})
		}
		if n.R > t.MaxResponsibleLoad {
			r.add(Finding{Kind: ResponsibleLoad, Pos: role.Src.Line(1), Role: role, Count: n.R,
				Message: fmt.Sprintf("role %q is responsible for %d steps across workflows (more than %d): overloaded?", role.ID, n.R, t.MaxResponsibleLoad)})
		}
		if internal && n.R == 0 && n.A == 0 {
			r.add(Finding{Kind: NoWork, Pos: role.Src.Line(1), Role: role,
				Message: fmt.Sprintf("role %q is neither responsible nor accountable for any step: is the role needed?", role.ID)})
		}
	}
	slices.SortStableFunc(r.Findings, func(a, b Finding) int {
		if a.Pos.File != b.Pos.File {
			if a.Pos.File < b.Pos.File {
				return -1
			}
			return 1
		}
		return a.Pos.Line - b.Pos.Line
	})
	return r
}

func (r *Report) add(f Finding) { r.Findings = append(r.Findings, f) }

// Heat returns a level from 0 to 4 for a count, relative to the largest
// count of its letter, for the heat map's colour.
func Heat(n, maxN int) int {
	if n <= 0 || maxN <= 0 {
		return 0
	}
	return 1 + min(3, (n*4-1)/maxN)
}
