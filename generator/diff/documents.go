package diff

import (
	"strconv"
	"strings"

	"github.com/accord-handbook/accord/generator/model"
)

// appliesTo writes a policy's audience as a list, "*" standing for
// everyone, so that going from some roles to everyone reads as a change of
// items like any other.
func appliesTo(a model.AppliesTo) []string {
	if a.All {
		return []string{"*"}
	}
	return a.Roles
}

func comparePolicies(old, new []*model.Policy, m *Memo) []PolicyChange {
	var out []PolicyChange
	pairs(old, new, func(p *model.Policy) string { return p.ID }, func(id string, a, b *model.Policy, hasA, hasB bool) {
		pc := PolicyChange{ID: id, Change: kind(hasA, hasB), Title: pick(a, b, func(p *model.Policy) string { return p.Title })}
		if hasA && hasB {
			var f fields
			f.add("title", a.Title, b.Title)
			f.add("owner", a.Owner, b.Owner)
			f.add("review_cycle", a.ReviewCycle, b.ReviewCycle)
			f.add("effective_date", a.EffectiveDate.String(), b.EffectiveDate.String())
			f.add("summary", a.Summary, b.Summary)
			controlFields(&f, "", "", a.Approver, b.Approver, a.Reviewed, b.Reviewed, "", "", a.Draft, b.Draft)
			var l lists
			l.add("applies_to", appliesTo(a.AppliesTo), appliesTo(b.AppliesTo), false)
			l.add("aliases", a.Aliases, b.Aliases, false)
			pc.Fields, pc.Lists = f, l
			pc.Text = m.text(inFile(a.Body, a.BodyLine), inFile(b.Body, b.BodyLine))
			if len(f) == 0 && len(l) == 0 && len(pc.Text) == 0 {
				return
			}
		}
		out = append(out, pc)
	})
	return out
}

func comparePages(old, new []*model.Page, m *Memo) []PageChange {
	var out []PageChange
	pairs(old, new, func(p *model.Page) string { return p.Path }, func(path string, a, b *model.Page, hasA, hasB bool) {
		pc := PageChange{Path: path, Change: kind(hasA, hasB), Title: pick(a, b, func(p *model.Page) string { return p.Title })}
		if hasA && hasB {
			var f fields
			f.add("title", a.Title, b.Title)
			f.add("summary", a.Summary, b.Summary)
			f.add("weight", strconv.Itoa(a.Weight), strconv.Itoa(b.Weight))
			controlFields(&f, a.Owner, b.Owner, a.Approver, b.Approver, a.Reviewed, b.Reviewed, a.ReviewCycle, b.ReviewCycle, a.Draft, b.Draft)
			if l, ok := listChange("aliases", a.Aliases, b.Aliases, false); ok {
				f = append(f, FieldChange{Field: "aliases", Old: strings.Join(l.Old, ", "), New: strings.Join(l.New, ", ")})
			}
			pc.Fields = f
			pc.Text = m.text(inFile(a.Body, a.BodyLine), inFile(b.Body, b.BodyLine))
			if len(f) == 0 && len(pc.Text) == 0 {
				return
			}
		}
		out = append(out, pc)
	})
	return out
}

func compareTerms(old, new []*model.Term) []TermChange {
	var out []TermChange
	pairs(old, new, func(t *model.Term) string { return t.Term }, func(term string, a, b *model.Term, hasA, hasB bool) {
		if a == nil {
			a = &model.Term{}
		}
		if b == nil {
			b = &model.Term{}
		}
		var f fields
		f.add("definition", a.Definition, b.Definition)
		var l lists
		l.add("aliases", a.Aliases, b.Aliases, false)
		if hasA && hasB && len(f) == 0 && len(l) == 0 {
			return
		}
		out = append(out, TermChange{Term: term, Change: kind(hasA, hasB), Fields: f, Lists: l})
	})
	return out
}

// inFile is a Markdown body starting on its line of the file, so that the
// lines of a change are those of the file.
func inFile(body []byte, line int) string {
	return strings.Repeat("\n", line) + string(body)
}

// controlFields adds the changes of a document's control: owner (for
// roles and pages; workflows and policies compare theirs with their other
// fields), approver, last review, review cycle, draft.
func controlFields(f *fields, oldOwner, newOwner, oldApprover, newApprover string, oldReviewed, newReviewed model.Date, oldCycle, newCycle string, oldDraft, newDraft bool) {
	f.add("owner", oldOwner, newOwner)
	f.add("approver", oldApprover, newApprover)
	f.add("reviewed", oldReviewed.String(), newReviewed.String())
	f.add("review_cycle", oldCycle, newCycle)
	f.add("draft", draftWord(oldDraft), draftWord(newDraft))
}

func draftWord(d bool) string {
	if d {
		return "true"
	}
	return ""
}
