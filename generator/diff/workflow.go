package diff

import (
	"slices"
	"strings"

	"github.com/accord-handbook/accord/generator/model"
)

func workflowID(w *model.Workflow) string { return w.ID }

func compareWorkflows(old, new []*model.Workflow) []WorkflowChange {
	var out []WorkflowChange
	pairs(old, new, workflowID, func(id string, a, b *model.Workflow, hasA, hasB bool) {
		wc := WorkflowChange{ID: id, Change: kind(hasA, hasB), Name: pick(a, b, func(w *model.Workflow) string { return w.Name })}
		if hasA && hasB {
			var f fields
			f.add("name", a.Name, b.Name)
			f.add("owner", a.Owner, b.Owner)
			f.add("trigger", a.Trigger, b.Trigger)
			f.add("summary", a.Summary, b.Summary)
			controlFields(&f, "", "", a.Approver, b.Approver, a.Reviewed, b.Reviewed, a.ReviewCycle, b.ReviewCycle, a.Draft, b.Draft)
			if l, ok := listChange("aliases", a.Aliases, b.Aliases, false); ok {
				f = append(f, FieldChange{Field: "aliases", Old: strings.Join(l.Old, ", "), New: strings.Join(l.New, ", ")})
			}
			wc.Fields = f
			wc.Steps = compareSteps(a.Steps, b.Steps)
			if order, ok := listChange("steps", stepIDs(a.Steps), stepIDs(b.Steps), true); ok && order.Reordered {
				wc.Reordered, wc.OldOrder, wc.NewOrder = true, order.Old, order.New
			}
			if len(f) == 0 && len(wc.Steps) == 0 && !wc.Reordered {
				return
			}
		}
		out = append(out, wc)
	})
	return out
}

func stepIDs(steps []*model.Step) []string {
	out := make([]string, len(steps))
	for i, s := range steps {
		out[i] = s.ID
	}
	return out
}

// stepPair is a step id with the step in each version, nil where missing.
type stepPair struct {
	id   string
	a, b *model.Step
}

// stepPairs lists the steps of both versions of a workflow in reading
// order: the new workflow's order, then the removed steps in their old
// order. A duplicated step id counts once, the first.
func stepPairs(old, new []*model.Step) []stepPair {
	byID := func(steps []*model.Step) map[string]*model.Step {
		m := map[string]*model.Step{}
		for _, s := range steps {
			if _, dup := m[s.ID]; !dup {
				m[s.ID] = s
			}
		}
		return m
	}
	ma, mb := byID(old), byID(new)
	var out []stepPair
	seen := map[string]bool{}
	for _, list := range [][]*model.Step{new, old} {
		for _, s := range list {
			if !seen[s.ID] {
				seen[s.ID] = true
				out = append(out, stepPair{id: s.ID, a: ma[s.ID], b: mb[s.ID]})
			}
		}
	}
	return out
}

func compareSteps(old, new []*model.Step) []StepChange {
	var out []StepChange
	for _, p := range stepPairs(old, new) {
		a, b := p.a, p.b
		sc := StepChange{ID: p.id, Change: kind(a != nil, b != nil)}
		if b != nil {
			sc.Name = b.Name
		} else {
			sc.Name = a.Name
		}
		var f fields
		if a != nil && b != nil {
			f.add("name", a.Name, b.Name)
		}
		if a == nil {
			a = &model.Step{}
		}
		if b == nil {
			b = &model.Step{}
		}
		f.add("duration", a.Duration, b.Duration)
		f.add("approval", boolField(a.Approval), boolField(b.Approval))
		var l lists
		l.add("next", a.Next, b.Next, false)
		l.add("outputs", a.Outputs, b.Outputs, false)
		sc.Fields, sc.Lists = f, l
		if sc.Change == Changed && len(f) == 0 && len(l) == 0 {
			continue
		}
		out = append(out, sc)
	}
	return out
}

// boolField writes a boolean field: "true", or nothing for false, so that a
// step left as it was is no change and a new approval step shows "true".
func boolField(b bool) string {
	if b {
		return "true"
	}
	return ""
}

// letters is Step.Letters for a step that may be missing.
func letters(s *model.Step, role string) string {
	if s == nil {
		return ""
	}
	return s.Letters(role)
}

// stepRoles lists the roles either version of a step names, sorted.
func stepRoles(p stepPair) []string {
	set := map[string]bool{}
	for _, s := range []*model.Step{p.a, p.b} {
		if s != nil {
			for _, r := range s.Roles() {
				set[r] = true
			}
		}
	}
	return sortedKeys(set)
}

func stepName(p stepPair) string {
	if p.b != nil {
		return p.b.Name
	}
	return p.a.Name
}

// names looks up display names in the new version first, then the old:
// a removed role is still named as it was.
type names struct{ old, new *model.Handbook }

func (n names) role(id string) string {
	for _, h := range []*model.Handbook{n.new, n.old} {
		for _, r := range h.Roles {
			if r.ID == id && r.Name != "" {
				return r.Name
			}
		}
	}
	return id
}

// compareRACI lists the matrix cells that differ, in the workflows both
// versions have: by workflow id, then step in reading order, then role id.
func compareRACI(old, new *model.Handbook) []RACICell {
	n := names{old, new}
	var out []RACICell
	pairs(old.Workflows, new.Workflows, workflowID, func(id string, a, b *model.Workflow, hasA, hasB bool) {
		if !hasA || !hasB {
			return // a whole matrix added or removed is a workflow change
		}
		for _, p := range stepPairs(a.Steps, b.Steps) {
			for _, role := range stepRoles(p) {
				was, is := letters(p.a, role), letters(p.b, role)
				if was == is {
					continue
				}
				out = append(out, RACICell{Workflow: id, WorkflowName: b.Name, Step: p.id, StepName: stepName(p),
					Role: role, RoleName: n.role(role), Old: was, New: is})
			}
		}
	})
	return out
}

// responsibilities derives, per role, each letter gained or lost on any
// step of any workflow, including workflows added or removed whole: that
// is what a role's holder needs to know after a review.
func responsibilities(old, new *model.Handbook) []RoleResponsibilities {
	n := names{old, new}
	byRole := map[string]*RoleResponsibilities{}
	get := func(role string) *RoleResponsibilities {
		if byRole[role] == nil {
			byRole[role] = &RoleResponsibilities{Role: role, RoleName: n.role(role)}
		}
		return byRole[role]
	}
	pairs(old.Workflows, new.Workflows, workflowID, func(id string, a, b *model.Workflow, hasA, hasB bool) {
		var sa, sb []*model.Step
		if hasA {
			sa = a.Steps
		}
		if hasB {
			sb = b.Steps
		}
		wname := pick(a, b, func(w *model.Workflow) string { return w.Name })
		for _, p := range stepPairs(sa, sb) {
			for _, role := range stepRoles(p) {
				was := strings.Split(letters(p.a, role), "/")
				is := strings.Split(letters(p.b, role), "/")
				for _, l := range []string{"R", "A", "C", "I"} {
					as := Assignment{Workflow: id, WorkflowName: wname, Step: p.id, StepName: stepName(p), Letter: l}
					switch had, has := slices.Contains(was, l), slices.Contains(is, l); {
					case has && !had:
						r := get(role)
						r.Gained = append(r.Gained, as)
					case had && !has:
						r := get(role)
						r.Lost = append(r.Lost, as)
					}
				}
			}
		}
	})
	var out []RoleResponsibilities
	for _, role := range sortedKeys(keysOf(byRole)) {
		out = append(out, *byRole[role])
	}
	return out
}

func keysOf[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}
