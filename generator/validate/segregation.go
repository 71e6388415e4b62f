package validate

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/accord-handbook/accord/generator/model"
)

// Segregation of duties: two rules an auditor checks first.
//
// An approval step (approval = true) is approved by someone other than the
// people doing the work: its accountable role is none of its responsible
// roles. An independence rule ([[raci.independent]] in handbook.toml) keeps a
// role out of the reporting line of the roles it checks: role reports,
// directly or through others, to none of from.

// approval reports an approval step that its own doers approve.
func (c *checker) approval(w *model.Workflow, s *model.Step, key string) {
	if !s.Approval || s.Accountable == "" || !slices.Contains(s.Responsible, s.Accountable) {
		return
	}
	c.diags.Errorf(w.Src.Value(key+".accountable", s.Accountable),
		"step %q is an approval (approval = true), but its accountable role %q is also responsible: no self-approval (segregation of duties); make another role accountable, or take %q out of responsible",
		s.ID, s.Accountable, s.Accountable)
}

// independence checks the [[raci.independent]] rules: their roles exist,
// and no role reports, directly or through others, to a role it must be
// independent of. A breach is reported at the role's reports_to line.
func (c *checker) independence() {
	m := c.h.Meta
	if m.Src == nil || m.Src.Broken {
		return
	}
	for i, rule := range m.RACI.Independent {
		key := "raci.independent." + strconv.Itoa(i)
		ok := true
		switch {
		case rule.Role == "" && m.Src.Failed(key+".role"):
			ok = false
		case rule.Role == "":
			c.diags.Errorf(m.Src.Key(key), `[[raci.independent]] has no role: name the role that must stay independent (role = "role-id")`)
			ok = false
		default:
			ok = c.roleRef(m.Src, key+".role", rule.Role)
		}
		if len(rule.From) == 0 && !m.Src.Failed(key+".from") {
			c.diags.Errorf(m.Src.Key(key), `[[raci.independent]] for %q has no from: list the roles it must not report to (from = ["role-id"])`, rule.Role)
		}
		for _, id := range rule.From {
			if !c.roleRef(m.Src, key+".from", id) {
				ok = false
			} else if id == rule.Role {
				c.diags.Errorf(m.Src.Value(key+".from", id), "[[raci.independent]]: %q cannot be independent of itself: remove it from from", id)
				ok = false
			}
		}
		if strings.TrimSpace(rule.Reason) == "" && !m.Src.Failed(key+".reason") {
			c.diags.Warnf(m.Src.Key(key), `[[raci.independent]] for %q gives no reason: say why (reason = "…"); the error of a breach shows it`, rule.Role)
		}
		if ok {
			c.breach(rule, key)
		}
	}
}

// breach reports the first role of rule.From that rule.Role reports to.
func (c *checker) breach(rule model.Independence, key string) {
	role := c.h.RoleByID[rule.Role]
	chain := c.h.ReportingChain(rule.Role)
	for i, up := range chain[1:] {
		if !slices.Contains(rule.From, up) {
			continue
		}
		how := "directly"
		if i > 0 {
			how = "through " + strings.Join(chain[1:i+1], " → ")
		}
		msg := fmt.Sprintf("role %q reports to %q (%s), but the independence rule at %s says %q must not report, directly or through others, to %s (segregation of duties)",
			rule.Role, up, how, c.h.Meta.Src.Key(key), rule.Role, orList(rule.From))
		if r := strings.TrimSpace(rule.Reason); r != "" {
			msg += ": " + r
		}
		c.diags.Errorf(role.Src.Value("reports_to", role.ReportsTo), "%s", msg)
		return
	}
}

// orList writes "a", "b" or "c" (and "a" alone).
func orList(ids []string) string {
	if len(ids) == 1 {
		return strconv.Quote(ids[0])
	}
	return quoteList(ids)
}
