package notice

import (
	"slices"

	"github.com/accord-handbook/accord/generator/diff"
	"github.com/accord-handbook/accord/generator/model"
)

// ForRole returns the part of c, the changes from old to new, that
// concerns role: its own entry and letters, and every change of a
// document that concerns it by the re-read rule, in either version —
// document control and editorial changes included, since a diff shows
// everything. The version's own fields stay; teams, the glossary and the
// assets concern everyone and no one, and are left out.
func ForRole(c *diff.ChangeSet, old, new *model.Handbook, role string) *diff.ChangeSet {
	out := &diff.ChangeSet{Schema: c.Schema, Old: c.Old, New: c.New, Handbook: c.Handbook, Role: &diff.RoleRef{ID: role}}
	oldRole := role
	for _, rc := range c.Roles {
		if rc.ID == role {
			out.Roles = append(out.Roles, rc)
			if rc.RenamedFrom != "" {
				oldRole = rc.RenamedFrom
			}
		}
	}
	if r := new.RoleByID[role]; r != nil {
		out.Role.Name = r.Name
	} else if r := old.RoleByID[oldRole]; r != nil {
		out.Role.Name = r.Name
	}
	var lost []diff.Assignment
	for _, rr := range c.Responsibilities {
		if rr.Role == role {
			out.Responsibilities = append(out.Responsibilities, rr)
			lost = rr.Lost
		}
	}
	concerns := func(kind, id, change string) bool {
		if change != diff.Removed {
			return slices.Contains(concerned(c, new, Doc{Kind: kind, ID: id, Key: keyOf(kind, id)}), role)
		}
		switch kind {
		case "workflow":
			return slices.ContainsFunc(lost, func(a diff.Assignment) bool { return a.Workflow == id })
		case "policy":
			p := old.PolicyByID[id]
			return p != nil && p.AppliesTo.Includes(oldRole)
		case "page":
			r := old.RoleByID[oldRole]
			return r != nil && slices.Contains(r.Onboarding, keyOf("page", id))
		}
		return false
	}
	workflows := map[string]bool{}
	for _, wc := range c.Workflows {
		if concerns("workflow", wc.ID, wc.Change) {
			out.Workflows = append(out.Workflows, wc)
			workflows[wc.ID] = true
		}
	}
	for _, cell := range c.RACI {
		if workflows[cell.Workflow] || concerns("workflow", cell.Workflow, diff.Changed) {
			out.RACI = append(out.RACI, cell)
		}
	}
	for _, pc := range c.Policies {
		if concerns("policy", pc.ID, pc.Change) {
			out.Policies = append(out.Policies, pc)
		}
	}
	for _, pc := range c.Pages {
		if concerns("page", pc.Path, pc.Change) {
			out.Pages = append(out.Pages, pc)
		}
	}
	return out
}

func keyOf(kind, id string) string {
	return map[string]string{"role": "roles/", "workflow": "workflows/", "policy": "policies/", "page": "pages/"}[kind] + id
}
