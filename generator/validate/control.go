package validate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/review"
	"github.com/accord-handbook/accord/generator/source"
	"github.com/accord-handbook/accord/generator/suggest"
)

// control checks document control: [review] in handbook.toml, and each
// document's owner, approver and review_cycle. A draft named by a
// published document is checked in drafts.
func (c *checker) control() {
	m := c.h.Meta
	if m.Src != nil && m.Src.Text != nil && !m.Src.Broken {
		r := m.Review
		if r.Owner != "" {
			c.ownerRef(m.Src, "review.owner", r.Owner)
		}
		if r.Approver != "" {
			c.ownerRef(m.Src, "review.approver", r.Approver)
		}
		c.cycle(m.Src, "review.cycle", r.Cycle)
		if r.DueSoon != nil && *r.DueSoon < 0 {
			c.diags.Errorf(m.Src.Key("review.due_soon"), "due_soon is %d: give the days before a due date that a document is due soon, 0 or more", *r.DueSoon)
		}
		c.editorial()
	}
	for _, r := range c.h.Roles {
		c.docControl(r.Src, r.Owner, r.Approver, r.ReviewCycle)
	}
	for _, w := range c.h.Workflows {
		c.docControl(w.Src, "", w.Approver, w.ReviewCycle)
	}
	for _, p := range c.h.Policies {
		c.docControl(p.Src, "", p.Approver, "")
	}
	for _, p := range c.h.Pages {
		c.docControl(p.Src, p.Owner, p.Approver, p.ReviewCycle)
	}
}

// docControl checks the control keys of one document (the owner of
// workflows and policies is checked with their other keys).
func (c *checker) docControl(doc *source.Doc, owner, approver, cycle string) {
	if doc == nil || doc.Broken {
		return
	}
	if owner != "" {
		c.ownerRef(doc, "owner", owner)
	}
	if approver != "" {
		c.ownerRef(doc, "approver", approver)
	}
	c.cycle(doc, "review_cycle", cycle)
}

// cycle reports a review cycle that is not one of review.CycleNames.
func (c *checker) cycle(doc *source.Doc, key, cycle string) {
	if cycle == "" || review.Cycles[cycle] > 0 || doc.Failed(key) {
		return
	}
	msg := fmt.Sprintf("%s %q is not known: use %s", lastKey(key), cycle, quoteList(review.CycleNames))
	if s := suggest.Closest(cycle, review.CycleNames); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	c.diags.Errorf(doc.Value(key, cycle), "%s", msg)
}

// editorial checks that [review] editorial names documents.
func (c *checker) editorial() {
	keys := documentKeys(c.h)
	seen := map[string]bool{}
	for _, e := range c.h.Meta.Review.Editorial {
		pos := c.h.Meta.Src.Value("review.editorial", e)
		switch {
		case seen[e]:
			c.diags.Warnf(pos, "[review] editorial: %q is listed twice", e)
		case !slices.Contains(keys, e):
			msg := fmt.Sprintf("[review] editorial: %q is not a document (a role, workflow, policy or page, written as its source path without extension)", e)
			if s := suggest.Path(e, keys); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			c.diags.Errorf(pos, "%s", msg)
		}
		seen[e] = true
	}
}

// documentKeys are the keys of every document of h, sorted.
func documentKeys(h *model.Handbook) []string {
	var keys []string
	for _, r := range h.Roles {
		keys = append(keys, "roles/"+r.ID)
	}
	for _, w := range h.Workflows {
		keys = append(keys, "workflows/"+w.ID)
	}
	for _, p := range h.Policies {
		keys = append(keys, "policies/"+p.ID)
	}
	for _, p := range h.Pages {
		keys = append(keys, "pages/"+p.Path)
	}
	slices.Sort(keys)
	return keys
}

// quoteList writes "a", "b" or "c".
func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, v := range s {
		q[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// drafts checks what published documents say of drafts: a draft is left
// out of the site, so a published workflow, policy or role that needs a
// draft role would name a role the site does not have; an onboarding
// entry that is a draft is left out of the reading list, and said so.
func (c *checker) drafts() {
	draftRole := func(id string) bool { r := c.h.RoleByID[id]; return r != nil && r.Draft }
	refs := func(doc *source.Doc, key string, ids ...string) {
		for _, id := range ids {
			if draftRole(id) {
				c.diags.Errorf(doc.Value(key, id), "%s: role %q is a draft, which accord build leaves out: publish it (remove draft = true), or name another role", lastKey(key), id)
			}
		}
	}
	for _, r := range c.h.Roles {
		if r.Draft {
			continue
		}
		refs(r.Src, "reports_to", r.ReportsTo)
		refs(r.Src, "owner", r.Owner)
		refs(r.Src, "approver", r.Approver)
		for _, e := range r.Onboarding {
			if c.draftKey(e) {
				c.diags.Warnf(r.Src.Value("onboarding", e), "onboarding entry %q is a draft: accord build leaves it out of the reading list until it is published", e)
			}
		}
	}
	for _, w := range c.h.Workflows {
		if w.Draft {
			continue
		}
		refs(w.Src, "owner", w.Owner)
		refs(w.Src, "approver", w.Approver)
		for i, s := range w.Steps {
			key := fmt.Sprintf("step.%d.", i)
			refs(w.Src, key+"responsible", s.Responsible...)
			refs(w.Src, key+"accountable", s.Accountable)
			refs(w.Src, key+"consulted", s.Consulted...)
			refs(w.Src, key+"informed", s.Informed...)
		}
	}
	for _, p := range c.h.Policies {
		if !p.Draft {
			refs(p.Src, "owner", p.Owner)
			refs(p.Src, "approver", p.Approver)
			refs(p.Src, "applies_to", p.AppliesTo.Roles...)
		}
	}
	for _, p := range c.h.Pages {
		if !p.Draft {
			refs(p.Src, "owner", p.Owner)
			refs(p.Src, "approver", p.Approver)
		}
	}
	r := c.h.Meta.Review
	if c.h.Meta.Src != nil && c.h.Meta.Src.Text != nil {
		refs(c.h.Meta.Src, "review.owner", r.Owner)
		refs(c.h.Meta.Src, "review.approver", r.Approver)
	}
}

// draftKey reports whether a source key names a draft.
func (c *checker) draftKey(key string) bool {
	kind, id, _ := strings.Cut(key, "/")
	switch kind {
	case "roles":
		r := c.h.RoleByID[id]
		return r != nil && r.Draft
	case "workflows":
		w := c.h.WorkflowByID[id]
		return w != nil && w.Draft
	case "policies":
		p := c.h.PolicyByID[id]
		return p != nil && p.Draft
	case "pages":
		p := c.h.PageByPath[id]
		return p != nil && p.Draft
	}
	return false
}
