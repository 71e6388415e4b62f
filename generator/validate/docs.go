package validate

import (
	"strings"

	"github.com/accord-handbook/accord/generator/review"
	"github.com/accord-handbook/accord/generator/source"
)

func (c *checker) policies() {
	for _, p := range c.h.Policies {
		doc := p.Src
		if doc.Broken {
			continue // nothing was read; load reported why
		}
		c.required(doc, "title", p.Title)
		if p.Owner == "" && !doc.Failed("owner") {
			c.diags.Errorf(doc.Line(1), "owner is missing: name the role that owns this policy (owner = \"role-id\")")
		} else {
			c.ownerRef(doc, "owner", p.Owner)
		}
		if !p.AppliesTo.All && len(p.AppliesTo.Roles) == 0 && !doc.Failed("applies_to") {
			c.diags.Errorf(doc.Key("applies_to"), `applies_to is missing or empty: list role ids, or write "*" for everyone`)
		}
		for _, r := range p.AppliesTo.Roles {
			c.roleRef(doc, "applies_to", r)
		}
		if p.ReviewCycle == "" && c.h.Meta.Review.Cycle == "" && !doc.Failed("review_cycle") {
			c.diags.Errorf(doc.Key("review_cycle"), `review_cycle is missing: use %s, or give every document a default with [review] cycle in handbook.toml`, quoteList(review.CycleNames))
		}
		c.cycle(doc, "review_cycle", p.ReviewCycle)
		if p.EffectiveDate.IsZero() && !doc.Failed("effective_date") {
			c.diags.Errorf(doc.Key("effective_date"), "effective_date is missing: add effective_date = 2026-07-01")
		}
	}
}

func (c *checker) pages() {
	for _, p := range c.h.Pages {
		if p.Src.Broken {
			continue
		}
		c.required(p.Src, "title", p.Title)
	}
}

func (c *checker) glossary() {
	seen := map[string]source.Pos{}
	for _, t := range c.h.Terms {
		pos := t.Src.Key(t.Key + ".term")
		if strings.TrimSpace(t.Term) == "" {
			if t.Src.Failed(t.Key + ".term") {
				continue
			}
			c.diags.Errorf(t.Src.Key(t.Key), "glossary entry has no term")
			continue
		}
		if strings.TrimSpace(t.Definition) == "" && !t.Src.Failed(t.Key+".definition") {
			c.diags.Errorf(pos, "term %q has no definition", t.Term)
		}
		names := append([]string{t.Term}, t.Aliases...)
		for i, n := range names {
			k := strings.ToLower(strings.TrimSpace(n))
			at := pos
			if i > 0 {
				at = t.Src.Value(t.Key+".aliases", n)
			}
			if k == "" {
				c.diags.Errorf(at, "term %q has an empty alias", t.Term)
				continue
			}
			if first, dup := seen[k]; dup {
				c.diags.Errorf(at, "%q is already a glossary term or alias (at %s): a word can lead to one definition only", n, first)
				continue
			}
			seen[k] = at
		}
	}
}

// unusedRoles warns about roles that no step mentions: a role with nothing
// to do in any workflow is either missing from the workflows or not needed.
//
// When a workflow could not be read whole, the warning would be a guess, and
// the workflow's own error comes first: no warning then.
func (c *checker) unusedRoles() {
	used := map[string]bool{}
	for _, w := range c.h.Workflows {
		if w.Src.HasFailures() {
			return
		}
		for _, s := range w.Steps {
			for _, id := range s.Roles() {
				used[id] = true
			}
		}
	}
	for _, r := range c.h.Roles {
		if !used[r.ID] && !r.Src.Broken {
			c.diags.Warnf(r.Src.Line(1), "role %q is not responsible, accountable, consulted or informed in any workflow step", r.ID)
		}
	}
}
