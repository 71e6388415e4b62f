package health

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/source"
)

// Segregation is how the handbook meets its rules of segregation of duties
// (validate enforces them; this shows them): every approval step with who
// approves and who does the work, and every [[raci.independent]] rule with
// the reporting line that meets it.
type Segregation struct {
	Approvals []Approval
	Rules     []Independence
}

// Approval is one step with approval = true.
type Approval struct {
	Workflow *model.Workflow
	Step     *model.Step
	Pos      source.Pos
	// Met: the accountable role is none of the responsible ones.
	Met bool
}

// Independence is one [[raci.independent]] rule and how it is met.
type Independence struct {
	Rule model.Independence
	Pos  source.Pos
	Role *model.Role   // nil when the rule names an unknown role
	From []*model.Role // the known roles of Rule.From
	// Chain is Role and every role above it, to the top of the tree.
	Chain []*model.Role
	// Breach is the first role of Chain that Rule.From names, nil when the
	// rule is met.
	Breach *model.Role
}

// Met reports whether the role reports to none of the roles it must be
// independent of.
func (i Independence) Met() bool { return i.Role != nil && i.Breach == nil }

// AnalyseSegregation lists the approval steps and the independence rules
// of h, in file order.
func AnalyseSegregation(h *model.Handbook) Segregation {
	var s Segregation
	for _, w := range h.Workflows {
		for i, st := range w.Steps {
			if !st.Approval {
				continue
			}
			s.Approvals = append(s.Approvals, Approval{Workflow: w, Step: st,
				Pos: w.Src.Key(fmt.Sprintf("step.%d.approval", i)),
				Met: !slices.Contains(st.Responsible, st.Accountable)})
		}
	}
	for i, rule := range h.Meta.RACI.Independent {
		in := Independence{Rule: rule, Role: h.RoleByID[rule.Role]}
		if h.Meta.Src != nil {
			in.Pos = h.Meta.Src.Key("raci.independent." + strconv.Itoa(i))
		}
		for _, id := range rule.From {
			if r := h.RoleByID[id]; r != nil {
				in.From = append(in.From, r)
			}
		}
		for _, id := range h.ReportingChain(rule.Role) {
			r := h.RoleByID[id]
			in.Chain = append(in.Chain, r)
			if in.Breach == nil && id != rule.Role && slices.Contains(rule.From, id) {
				in.Breach = r
			}
		}
		s.Rules = append(s.Rules, in)
	}
	return s
}

// Lines is the segregation of duties in English, one line per approval
// step and per rule, each at its position: what `accord check --advice`
// prints after the advice.
func (s Segregation) Lines() []string {
	var out []string
	for _, a := range s.Approvals {
		verdict := "met"
		if !a.Met {
			verdict = "NOT MET: the accountable role is also responsible"
		}
		out = append(out, fmt.Sprintf("%s: approval: step %q of %q is approved by %q, the work done by %s: %s",
			a.Pos, a.Step.ID, a.Workflow.ID, a.Step.Accountable, quoted(a.Step.Responsible), verdict))
	}
	for _, in := range s.Rules {
		verdict := "met"
		switch {
		case in.Role == nil:
			verdict = "unknown role"
		case in.Breach != nil:
			verdict = fmt.Sprintf("NOT MET: reports to %q", in.Breach.ID)
		}
		out = append(out, fmt.Sprintf("%s: independent: %q reports %s; must not report to %s: %s",
			in.Pos, in.Rule.Role, chainText(in.Chain), quoted(in.Rule.From), verdict))
	}
	return out
}

func chainText(chain []*model.Role) string {
	if len(chain) <= 1 {
		return "to no one"
	}
	ids := make([]string, 0, len(chain)-1)
	for _, r := range chain[1:] {
		ids = append(ids, r.ID)
	}
	return "to " + strings.Join(ids, " → ")
}

func quoted(ids []string) string {
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = strconv.Quote(id)
	}
	return strings.Join(q, ", ")
}
