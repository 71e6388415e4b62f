package model

import "slices"

// HasDrafts reports whether any document of h is a draft.
func (h *Handbook) HasDrafts() bool {
	return slices.ContainsFunc(h.Roles, func(r *Role) bool { return r.Draft }) ||
		slices.ContainsFunc(h.Workflows, func(w *Workflow) bool { return w.Draft }) ||
		slices.ContainsFunc(h.Policies, func(p *Policy) bool { return p.Draft }) ||
		slices.ContainsFunc(h.Pages, func(p *Page) bool { return p.Draft })
}

// Published returns h as a site publishes it: without its drafts, and
// without the onboarding entries that name one. h itself is not changed
// (a role whose reading list loses entries is a copy); without drafts it
// is h.
func (h *Handbook) Published() *Handbook {
	if !h.HasDrafts() {
		return h
	}
	p := *h
	draft := map[string]bool{}
	p.Roles = nil
	for _, r := range h.Roles {
		if r.Draft {
			draft["roles/"+r.ID] = true
		}
	}
	p.Workflows = slices.DeleteFunc(slices.Clone(h.Workflows), func(w *Workflow) bool { draft["workflows/"+w.ID] = w.Draft; return w.Draft })
	p.Policies = slices.DeleteFunc(slices.Clone(h.Policies), func(x *Policy) bool { draft["policies/"+x.ID] = x.Draft; return x.Draft })
	p.Pages = slices.DeleteFunc(slices.Clone(h.Pages), func(x *Page) bool { draft["pages/"+x.Path] = x.Draft; return x.Draft })
	for _, r := range h.Roles {
		if r.Draft {
			continue
		}
		if slices.ContainsFunc(r.Onboarding, func(k string) bool { return draft[k] }) {
			c := *r
			c.Onboarding = slices.DeleteFunc(slices.Clone(r.Onboarding), func(k string) bool { return draft[k] })
			r = &c
		}
		p.Roles = append(p.Roles, r)
	}
	p.Index()
	return &p
}
