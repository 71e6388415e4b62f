package diff

import (
	"slices"
	"strings"

	"github.com/accord-handbook/accord/generator/model"
)

// A review may rename a document: the new version lists the old id in the
// document's aliases (its old page becomes a redirect). Compare then reads
// the old version as if the document had always had its new id, so that
// it is one document changed, renamed from the old id, not one removed
// and another added, and the RACI cells and responsibilities that follow
// the ids are compared as the same.

// renames maps, per kind, an old id to the new id of the document that
// names it in its aliases, when the new version has no document of the
// old id and the old version has one.
type renames struct {
	roles, workflows, policies, pages map[string]string
}

func findRenames(old, new *model.Handbook) renames {
	rn := renames{map[string]string{}, map[string]string{}, map[string]string{}, map[string]string{}}
	collect := func(m map[string]string, id string, aliases []string, inOld, inNew func(string) bool) {
		for _, a := range aliases {
			if inOld(a) && !inNew(a) {
				if _, taken := m[a]; !taken {
					m[a] = id
				}
			}
		}
	}
	for _, r := range new.Roles {
		collect(rn.roles, r.ID, r.Aliases, func(a string) bool { return old.RoleByID[a] != nil }, func(a string) bool { return new.RoleByID[a] != nil })
	}
	for _, w := range new.Workflows {
		collect(rn.workflows, w.ID, w.Aliases, func(a string) bool { return old.WorkflowByID[a] != nil }, func(a string) bool { return new.WorkflowByID[a] != nil })
	}
	for _, p := range new.Policies {
		collect(rn.policies, p.ID, p.Aliases, func(a string) bool { return old.PolicyByID[a] != nil }, func(a string) bool { return new.PolicyByID[a] != nil })
	}
	for _, p := range new.Pages {
		collect(rn.pages, p.Path, p.Aliases, func(a string) bool { return old.PageByPath[a] != nil }, func(a string) bool { return new.PageByPath[a] != nil })
	}
	return rn
}

func (rn renames) empty() bool {
	return len(rn.roles)+len(rn.workflows)+len(rn.policies)+len(rn.pages) == 0
}

// apply returns a copy of old with every renamed id, and every reference
// to it, written as the new version has it. old is not changed.
func (rn renames) apply(old *model.Handbook) *model.Handbook {
	role := func(id string) string {
		if n, ok := rn.roles[id]; ok {
			return n
		}
		return id
	}
	roles := func(ids []string) []string {
		out := slices.Clone(ids)
		for i, id := range out {
			out[i] = role(id)
		}
		return out
	}
	key := func(k string) string {
		kind, id, _ := strings.Cut(k, "/")
		m := map[string]map[string]string{"roles": rn.roles, "workflows": rn.workflows, "policies": rn.policies, "pages": rn.pages}[kind]
		if n, ok := m[id]; ok {
			return kind + "/" + n
		}
		return k
	}
	h := *old
	h.Roles = nil
	for _, r := range old.Roles {
		c := *r
		c.ID, c.ReportsTo, c.Owner, c.Approver = role(r.ID), role(r.ReportsTo), role(r.Owner), role(r.Approver)
		c.Onboarding = slices.Clone(r.Onboarding)
		for i, k := range c.Onboarding {
			c.Onboarding[i] = key(k)
		}
		h.Roles = append(h.Roles, &c)
	}
	h.Workflows = nil
	for _, w := range old.Workflows {
		c := *w
		if n, ok := rn.workflows[w.ID]; ok {
			c.ID = n
		}
		c.Owner, c.Approver = role(w.Owner), role(w.Approver)
		c.Steps = nil
		for _, s := range w.Steps {
			cs := *s
			cs.Responsible, cs.Accountable, cs.Consulted, cs.Informed = roles(s.Responsible), role(s.Accountable), roles(s.Consulted), roles(s.Informed)
			c.Steps = append(c.Steps, &cs)
		}
		h.Workflows = append(h.Workflows, &c)
	}
	h.Policies = nil
	for _, p := range old.Policies {
		c := *p
		if n, ok := rn.policies[p.ID]; ok {
			c.ID = n
		}
		c.Owner, c.Approver = role(p.Owner), role(p.Approver)
		c.AppliesTo.Roles = roles(p.AppliesTo.Roles)
		h.Policies = append(h.Policies, &c)
	}
	h.Pages = nil
	for _, p := range old.Pages {
		c := *p
		if n, ok := rn.pages[p.Path]; ok {
			c.Path = n
		}
		c.Owner, c.Approver = role(p.Owner), role(p.Approver)
		h.Pages = append(h.Pages, &c)
	}
	h.Index()
	return &h
}

// markRenames records each renamed document in c: its old id, and the
// change of id as a field, so that every format shows it; a document only
// renamed is a change of its own.
func markRenames(c *ChangeSet, rn renames, new *model.Handbook) {
	id := func(old, now string) FieldChange { return FieldChange{Field: "id", Old: old, New: now} }
	for old, now := range rn.roles {
		i := slices.IndexFunc(c.Roles, func(r RoleChange) bool { return r.ID == now })
		if i < 0 {
			c.Roles = append(c.Roles, RoleChange{ID: now, Name: new.RoleByID[now].Name, Change: Changed})
			i = len(c.Roles) - 1
		}
		c.Roles[i].RenamedFrom = old
		c.Roles[i].Fields = append([]FieldChange{id(old, now)}, c.Roles[i].Fields...)
	}
	slices.SortFunc(c.Roles, func(a, b RoleChange) int { return strings.Compare(a.ID, b.ID) })
	for old, now := range rn.workflows {
		i := slices.IndexFunc(c.Workflows, func(w WorkflowChange) bool { return w.ID == now })
		if i < 0 {
			c.Workflows = append(c.Workflows, WorkflowChange{ID: now, Name: new.WorkflowByID[now].Name, Change: Changed})
			i = len(c.Workflows) - 1
		}
		c.Workflows[i].RenamedFrom = old
		c.Workflows[i].Fields = append([]FieldChange{id(old, now)}, c.Workflows[i].Fields...)
	}
	slices.SortFunc(c.Workflows, func(a, b WorkflowChange) int { return strings.Compare(a.ID, b.ID) })
	for old, now := range rn.policies {
		i := slices.IndexFunc(c.Policies, func(p PolicyChange) bool { return p.ID == now })
		if i < 0 {
			c.Policies = append(c.Policies, PolicyChange{ID: now, Title: new.PolicyByID[now].Title, Change: Changed})
			i = len(c.Policies) - 1
		}
		c.Policies[i].RenamedFrom = old
		c.Policies[i].Fields = append([]FieldChange{id(old, now)}, c.Policies[i].Fields...)
	}
	slices.SortFunc(c.Policies, func(a, b PolicyChange) int { return strings.Compare(a.ID, b.ID) })
	for old, now := range rn.pages {
		i := slices.IndexFunc(c.Pages, func(p PageChange) bool { return p.Path == now })
		if i < 0 {
			c.Pages = append(c.Pages, PageChange{Path: now, Title: new.PageByPath[now].Title, Change: Changed})
			i = len(c.Pages) - 1
		}
		c.Pages[i].RenamedFrom = old
		c.Pages[i].Fields = append([]FieldChange{{Field: "path", Old: old, New: now}}, c.Pages[i].Fields...)
	}
	slices.SortFunc(c.Pages, func(a, b PageChange) int { return strings.Compare(a.Path, b.Path) })
}
