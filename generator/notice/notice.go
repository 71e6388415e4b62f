// Package notice says, after a new version of the agreement, who must
// re-read what, and who has acknowledged it.
//
// In: the change set of a version against the one before it (package
// diff: the same one `accord diff` prints and the change pages show), the
// version's handbook as published, and its people and acknowledgements.
// Out: the re-read list of each role, the people who must acknowledge the
// version with what each must read, and whether they have.
//
// The re-read rule is the one PRODUCT.md states: the documents added or
// changed in the version that concern the role — its own role document,
// the workflows where it holds a letter in either version, the policies
// whose applies_to names it or "*" in either version, the free pages of
// its onboarding list — except the version's editorial documents, drafts,
// and documents whose only changes are to document control.
package notice

import (
	"slices"
	"strings"

	"github.com/accord-handbook/accord/generator/diff"
	"github.com/accord-handbook/accord/generator/model"
)

// Doc is one document of a re-read list.
type Doc struct {
	Key    string // source key: "workflows/export-order", "pages/runbooks/lc"
	Kind   string // "role", "workflow", "policy" or "page"
	ID     string // the id, or a page's path under pages/
	Title  string
	Change string // diff.Added or diff.Changed
}

// Lists are the re-read lists of one version: per role id, its documents
// in key order. A role with nothing to re-read has no entry.
type Lists map[string][]Doc

// control names the fields of document control and of a document's name:
// changing them alone changes no one's work. Weight only orders a page in
// the menu.
var control = map[string]bool{
	"owner": true, "approver": true, "reviewed": true, "review_cycle": true,
	"draft": true, "aliases": true, "id": true, "path": true, "weight": true,
}

func contentFields(fs []diff.FieldChange) bool {
	return slices.ContainsFunc(fs, func(f diff.FieldChange) bool { return !control[f.Field] })
}

func contentLists(ls []diff.ListChange) bool {
	return slices.ContainsFunc(ls, func(l diff.ListChange) bool { return !control[l.Field] })
}

// Changed is the documents the version added or changed in content, by
// key, whoever they concern: the documents a re-read list is drawn from.
func Changed(c *diff.ChangeSet, h *model.Handbook) map[string]Doc {
	out := map[string]Doc{}
	editorial := map[string]bool{}
	for _, k := range h.Meta.Review.Editorial {
		editorial[k] = true
	}
	add := func(kind, id, title, change string, draft bool) {
		key := keyOf(kind, id)
		if !draft && !editorial[key] {
			out[key] = Doc{Key: key, Kind: kind, ID: id, Title: title, Change: change}
		}
	}
	for _, rc := range c.Roles {
		r := h.RoleByID[rc.ID]
		if r != nil && (rc.Change == diff.Added || contentFields(rc.Fields) || contentLists(rc.Lists) || len(rc.KPIs) > 0 || len(rc.Description) > 0) {
			add("role", r.ID, r.Name, rc.Change, r.Draft)
		}
	}
	for _, wc := range c.Workflows {
		w := h.WorkflowByID[wc.ID]
		if w != nil && (wc.Change == diff.Added || contentFields(wc.Fields) || len(wc.Steps) > 0 || wc.Reordered) {
			add("workflow", w.ID, w.Name, wc.Change, w.Draft)
		}
	}
	// A change of letters is a change of the workflow, even when nothing
	// else in it changed.
	for _, cell := range c.RACI {
		if w := h.WorkflowByID[cell.Workflow]; w != nil {
			add("workflow", w.ID, w.Name, diff.Changed, w.Draft)
		}
	}
	for _, pc := range c.Policies {
		p := h.PolicyByID[pc.ID]
		if p != nil && (pc.Change == diff.Added || contentFields(pc.Fields) || contentLists(pc.Lists) || len(pc.Text) > 0) {
			add("policy", p.ID, p.Title, pc.Change, p.Draft)
		}
	}
	for _, pc := range c.Pages {
		p := h.PageByPath[pc.Path]
		if p != nil && (pc.Change == diff.Added || contentFields(pc.Fields) || len(pc.Text) > 0) {
			add("page", p.Path, p.Title, pc.Change, p.Draft)
		}
	}
	return out
}

// ReRead returns the re-read lists of the version whose handbook is h and
// whose changes against the version before it are c. The roles of an
// external team have none: customers and forwarders sign no sheet of the
// department's.
func ReRead(c *diff.ChangeSet, h *model.Handbook) Lists {
	changed := Changed(c, h)
	lists := Lists{}
	for _, doc := range changed {
		for _, role := range concerned(c, h, doc) {
			r := h.RoleByID[role]
			if r == nil {
				continue
			}
			if t := h.TeamByID[r.Team]; t != nil && t.External() {
				continue
			}
			lists[role] = append(lists[role], doc)
		}
	}
	for role, docs := range lists {
		slices.SortFunc(docs, func(a, b Doc) int { return strings.Compare(a.Key, b.Key) })
		lists[role] = slices.CompactFunc(docs, func(a, b Doc) bool { return a.Key == b.Key })
	}
	return lists
}

// concerned returns the roles a document of the new version concerns,
// maybe with repeats.
func concerned(c *diff.ChangeSet, h *model.Handbook, doc Doc) []string {
	switch doc.Kind {
	case "role":
		return []string{doc.ID}
	case "workflow":
		if w := h.WorkflowByID[doc.ID]; w != nil {
			return holders(c, w)
		}
	case "policy":
		p := h.PolicyByID[doc.ID]
		if p == nil {
			return nil
		}
		if audienceAll(c, p) {
			ids := make([]string, len(h.Roles))
			for i, r := range h.Roles {
				ids[i] = r.ID
			}
			return ids
		}
		return audience(c, p)
	case "page":
		var ids []string
		for _, r := range h.Roles {
			if slices.Contains(r.Onboarding, doc.Key) {
				ids = append(ids, r.ID)
			}
		}
		return ids
	}
	return nil
}

// holders are the roles with a letter in w in either version: its letters
// now, and those its changed cells had before.
func holders(c *diff.ChangeSet, w *model.Workflow) []string {
	var ids []string
	for _, s := range w.Steps {
		s.EachRole(func(id string) { ids = append(ids, id) })
	}
	for _, cell := range c.RACI {
		if cell.Workflow == w.ID && cell.Old != "" {
			ids = append(ids, cell.Role)
		}
	}
	return ids
}

// audienceAll reports whether p applies to everyone in either version.
func audienceAll(c *diff.ChangeSet, p *model.Policy) bool {
	return p.AppliesTo.All || slices.Contains(appliesToRemoved(c, p.ID), "*")
}

// audience is the roles p names in applies_to in either version.
func audience(c *diff.ChangeSet, p *model.Policy) []string {
	return append(slices.Clone(p.AppliesTo.Roles), appliesToRemoved(c, p.ID)...)
}

func appliesToRemoved(c *diff.ChangeSet, id string) []string {
	for _, pc := range c.Policies {
		if pc.ID != id {
			continue
		}
		for _, l := range pc.Lists {
			if l.Field == "applies_to" {
				return l.Removed
			}
		}
	}
	return nil
}

// Keys are the keys of docs.
func Keys(docs []Doc) []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = d.Key
	}
	return out
}
