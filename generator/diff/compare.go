package diff

import (
	"slices"
	"strconv"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/source"
)

// Compare returns what changed from old to new. Either may be nil, which
// compares against an empty handbook. Neither is modified; the lookup maps
// of model.Index are not needed.
func Compare(old, new *model.Handbook) *ChangeSet { return compare(old, new, nil) }

// compare is Compare, diffing texts through m (nil: every time).
func compare(old, new *model.Handbook, m *Memo) *ChangeSet {
	if old == nil {
		old = &model.Handbook{}
	}
	if new == nil {
		new = &model.Handbook{}
	}
	c := &ChangeSet{Schema: Schema, Old: side(old), New: side(new)}
	rn := findRenames(old, new)
	if !rn.empty() {
		old = rn.apply(old)
	}
	c.Handbook = compareMeta(old.Meta, new.Meta)
	c.Teams = compareTeams(old.Teams, new.Teams)
	c.Roles = compareRoles(old.Roles, new.Roles, m)
	c.Workflows = compareWorkflows(old.Workflows, new.Workflows)
	c.RACI = compareRACI(old, new)
	c.Responsibilities = responsibilities(old, new)
	c.Policies = comparePolicies(old.Policies, new.Policies, m)
	c.Pages = comparePages(old.Pages, new.Pages, m)
	c.Glossary = compareTerms(old.Terms, new.Terms)
	if l, ok := listChange("assets", old.Assets, new.Assets, false); ok {
		c.Assets = &l
	}
	if !rn.empty() {
		markRenames(c, rn, new)
	}
	return c
}

func side(h *model.Handbook) Side {
	return Side{Title: h.Meta.Title, Version: h.Meta.Version,
		EffectiveDate: h.Meta.EffectiveDate.String(), Language: h.Meta.Language}
}

func compareMeta(a, b model.Meta) []FieldChange {
	var f fields
	f.add("title", a.Title, b.Title)
	f.add("version", a.Version, b.Version)
	f.add("effective_date", a.EffectiveDate.String(), b.EffectiveDate.String())
	f.add("language", a.Language, b.Language)
	f.add("description", a.Description, b.Description)
	return f
}

// fields collects the fields of one entity that changed.
type fields []FieldChange

func (f *fields) add(name, old, new string) {
	if old != new {
		*f = append(*f, FieldChange{Field: name, Old: old, New: new})
	}
}

// lists collects the list fields of one entity that changed.
type lists []ListChange

func (l *lists) add(name string, old, new []string, ordered bool) {
	if c, ok := listChange(name, old, new, ordered); ok {
		*l = append(*l, c)
	}
}

// listChange compares two lists as multisets (an item written twice counts
// twice), and, when ordered, also compares the order of the items kept.
func listChange(name string, old, new []string, ordered bool) (ListChange, bool) {
	c := ListChange{Field: name}
	keptOld := unmatched(old, new, &c.Removed)
	keptNew := unmatched(new, old, &c.Added)
	if ordered && !slices.Equal(keptOld, keptNew) {
		c.Reordered = true
		c.Old, c.New = slices.Clone(old), slices.Clone(new)
	}
	return c, len(c.Added) > 0 || len(c.Removed) > 0 || c.Reordered
}

// unmatched appends to out the items of a that b lacks and returns the
// items of a that b has, in a's order.
func unmatched(a, b []string, out *[]string) []string {
	count := map[string]int{}
	for _, s := range b {
		count[s]++
	}
	var kept []string
	for _, s := range a {
		if count[s] > 0 {
			count[s]--
			kept = append(kept, s)
		} else {
			*out = append(*out, s)
		}
	}
	return kept
}

// pairs walks the union of two id-keyed collections in id order and calls
// fn with the old and new entity (one of them nil when added or removed).
// When two entities share an id the first one counts, as in model.Index.
func pairs[T any](old, new []T, id func(T) string, fn func(id string, a, b T, hasA, hasB bool)) {
	ma, mb := map[string]T{}, map[string]T{}
	var ids []string
	for _, x := range old {
		k := id(x)
		if _, dup := ma[k]; !dup {
			ma[k] = x
			ids = append(ids, k)
		}
	}
	for _, x := range new {
		k := id(x)
		if _, dup := mb[k]; !dup {
			mb[k] = x
			if _, inOld := ma[k]; !inOld {
				ids = append(ids, k)
			}
		}
	}
	slices.Sort(ids)
	for _, k := range ids {
		a, hasA := ma[k]
		b, hasB := mb[k]
		fn(k, a, b, hasA, hasB)
	}
}

// kind names how an entity changed, given which versions have it; one in
// both is "changed", and the caller drops it when nothing in it differs.
func kind(hasA, hasB bool) string {
	switch {
	case !hasA:
		return Added
	case !hasB:
		return Removed
	}
	return Changed
}

func compareTeams(old, new []*model.Team) []TeamChange {
	var out []TeamChange
	pairs(old, new, func(t *model.Team) string { return t.ID }, func(id string, a, b *model.Team, hasA, hasB bool) {
		tc := TeamChange{ID: id, Change: kind(hasA, hasB), Name: pick(a, b, func(t *model.Team) string { return t.Name })}
		if hasA && hasB {
			var f fields
			f.add("name", a.Name, b.Name)
			f.add("kind", a.Kind, b.Kind)
			f.add("description", a.Description, b.Description)
			if len(f) == 0 {
				return
			}
			tc.Fields = f
		}
		out = append(out, tc)
	})
	return out
}

// pick reads a value from the new entity when there is one, else the old:
// a removed entity is named as it was.
func pick[T any](a, b *T, get func(*T) string) string {
	if b != nil {
		return get(b)
	}
	if a != nil {
		return get(a)
	}
	return ""
}

func compareRoles(old, new []*model.Role, m *Memo) []RoleChange {
	var out []RoleChange
	pairs(old, new, func(r *model.Role) string { return r.ID }, func(id string, a, b *model.Role, hasA, hasB bool) {
		rc := RoleChange{ID: id, Change: kind(hasA, hasB), Name: pick(a, b, func(r *model.Role) string { return r.Name })}
		if hasA && hasB {
			var f fields
			f.add("name", a.Name, b.Name)
			f.add("team", a.Team, b.Team)
			f.add("reports_to", a.ReportsTo, b.ReportsTo)
			f.add("summary", a.Summary, b.Summary)
			controlFields(&f, a.Owner, b.Owner, a.Approver, b.Approver, a.Reviewed, b.Reviewed, a.ReviewCycle, b.ReviewCycle, a.Draft, b.Draft)
			var l lists
			l.add("duties", a.Duties, b.Duties, false)
			l.add("goals", a.Goals, b.Goals, false)
			l.add("onboarding", a.Onboarding, b.Onboarding, true)
			l.add("aliases", a.Aliases, b.Aliases, false)
			rc.Fields, rc.Lists = f, l
			rc.KPIs = compareKPIs(a.KPIs, b.KPIs)
			rc.Description = m.text(body(a.Body), body(b.Body))
			if len(f) == 0 && len(l) == 0 && len(rc.KPIs) == 0 && len(rc.Description) == 0 {
				return
			}
		}
		out = append(out, rc)
	})
	return out
}

func compareKPIs(old, new []model.KPI) []KPIChange {
	var out []KPIChange
	pairs(old, new, func(k model.KPI) string { return k.Name }, func(name string, a, b model.KPI, hasA, hasB bool) {
		kc := KPIChange{Name: name, Change: kind(hasA, hasB), Target: b.Target, Weight: b.Weight}
		if !hasB {
			kc.Target, kc.Weight = a.Target, a.Weight
		}
		if hasA && hasB {
			var f fields
			f.add("target", a.Target, b.Target)
			f.add("weight", strconv.Itoa(a.Weight), strconv.Itoa(b.Weight))
			if len(f) == 0 {
				return
			}
			kc.Fields = f
		}
		out = append(out, kc)
	})
	return out
}

// body returns a role description's text, "" when the role has none.
func body(d *source.Doc) string {
	if d == nil {
		return ""
	}
	return string(d.Text)
}

// sortedKeys returns the keys of a set, sorted.
func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
