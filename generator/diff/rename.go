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
	first := func(fields []FieldChange, name, old, now string) []FieldChange {
		return append([]FieldChange{{Field: name, Old: old, New: now}}, fields...)
	}
	c.Roles = markRenamed(c.Roles, rn.roles, func(r RoleChange) string { return r.ID },
		func(now string) RoleChange { return RoleChange{ID: now, Name: new.RoleByID[now].Name, Change: Changed} },
		func(r *RoleChange, old string) { r.RenamedFrom, r.Fields = old, first(r.Fields, "id", old, r.ID) })
	c.Workflows = markRenamed(c.Workflows, rn.workflows, func(w WorkflowChange) string { return w.ID },
		func(now string) WorkflowChange {
			return WorkflowChange{ID: now, Name: new.WorkflowByID[now].Name, Change: Changed}
		},
		func(w *WorkflowChange, old string) { w.RenamedFrom, w.Fields = old, first(w.Fields, "id", old, w.ID) })
	c.Policies = markRenamed(c.Policies, rn.policies, func(p PolicyChange) string { return p.ID },
		func(now string) PolicyChange {
			return PolicyChange{ID: now, Title: new.PolicyByID[now].Title, Change: Changed}
		},
		func(p *PolicyChange, old string) { p.RenamedFrom, p.Fields = old, first(p.Fields, "id", old, p.ID) })
	c.Pages = markRenamed(c.Pages, rn.pages, func(p PageChange) string { return p.Path },
		func(now string) PageChange {
			return PageChange{Path: now, Title: new.PageByPath[now].Title, Change: Changed}
		},
		func(p *PageChange, old string) { p.RenamedFrom, p.Fields = old, first(p.Fields, "path", old, p.Path) })
}

// markRenamed marks, in a list of changes sorted by key, the change of
// each document renamed (rn: old id → new) with mark, adding fresh(new)
// for one that changed in nothing else, and returns the list sorted.
func markRenamed[T any](list []T, rn map[string]string, key func(T) string, fresh func(string) T, mark func(*T, string)) []T {
	for old, now := range rn {
		i := slices.IndexFunc(list, func(t T) bool { return key(t) == now })
		if i < 0 {
			list = append(list, fresh(now))
			i = len(list) - 1
		}
		mark(&list[i], old)
	}
	slices.SortFunc(list, func(a, b T) int { return strings.Compare(key(a), key(b)) })
	return list
}
