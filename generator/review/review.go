// Package review is document control (ISO 9001 §7.5): every controlled
// document of a handbook (its roles, workflows, policies and pages) with
// its owner, approver, last review and next, and its status as of a date.
//
// In: a checked *model.Handbook and the as-of date. Out: Documents, one per
// document, sorted by key, with the [review] defaults applied; pure, so
// that the site, model.json and `accord review` say the same.
//
// A document's due date is its last review plus its cycle in calendar
// months; a day the month lacks becomes its last day (2026-08-31 + 3
// months = 2026-11-30). As of a date D it is overdue when due before D,
// due soon when due on D or at most DueSoon days after it, else scheduled;
// a draft is a draft.
package review

import (
	"slices"
	"strings"
	"time"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/source"
)

// Statuses of a document as of a date.
const (
	Overdue   = "overdue"
	DueSoon   = "due-soon"
	Scheduled = "scheduled"
	Draft     = "draft"
)

// DefaultCycle and DefaultDueSoon apply when [review] says nothing.
const (
	DefaultCycle   = "annual"
	DefaultDueSoon = 30
)

// Cycles are the review cycles, in months.
var Cycles = map[string]int{"monthly": 1, "quarterly": 3, "semi-annual": 6, "annual": 12, "biennial": 24}

// CycleNames lists the cycles, shortest first, for messages.
var CycleNames = []string{"monthly", "quarterly", "semi-annual", "annual", "biennial"}

// Document is one controlled document with its control as of a date.
type Document struct {
	Key      string      `json:"path"` // source path without extension: "policies/on-call"
	Kind     string      `json:"kind"` // role, workflow, policy, page
	Title    string      `json:"title"`
	Owner    string      `json:"owner"`
	Approver string      `json:"approver"`
	Reviewed model.Date  `json:"reviewed"`
	Cycle    string      `json:"cycle"`
	Due      model.Date  `json:"due"`
	Status   string      `json:"status"`
	Src      *source.Doc `json:"-"`
}

// Documents returns every document of h as of asOf, sorted by key.
func Documents(h *model.Handbook, asOf model.Date) []Document {
	opts := h.Meta.Review
	dueSoon := DueSoonDays(opts)
	var out []Document
	add := func(key, kind, title, owner, approver string, reviewed, effective model.Date, cycle string, draft bool, src *source.Doc) {
		d := Document{Key: key, Kind: kind, Title: title, Owner: or(owner, opts.Owner),
			Approver: or(approver, opts.Approver), Cycle: or(cycle, opts.Cycle, DefaultCycle), Src: src}
		d.Reviewed = reviewed
		if d.Reviewed.IsZero() {
			d.Reviewed = effective
		}
		if d.Reviewed.IsZero() {
			d.Reviewed = h.Meta.EffectiveDate
		}
		if months, ok := Cycles[d.Cycle]; ok && !d.Reviewed.IsZero() {
			d.Due = AddMonths(d.Reviewed, months)
		}
		d.Status = Status(d.Due, asOf, dueSoon)
		if draft {
			d.Status = Draft
		}
		out = append(out, d)
	}
	for _, r := range h.Roles {
		add("roles/"+r.ID, "role", r.Name, r.Owner, r.Approver, r.Reviewed, model.Date{}, r.ReviewCycle, r.Draft, r.Src)
	}
	for _, w := range h.Workflows {
		add("workflows/"+w.ID, "workflow", w.Name, w.Owner, w.Approver, w.Reviewed, model.Date{}, w.ReviewCycle, w.Draft, w.Src)
	}
	for _, p := range h.Policies {
		add("policies/"+p.ID, "policy", p.Title, p.Owner, p.Approver, p.Reviewed, p.EffectiveDate, p.ReviewCycle, p.Draft, p.Src)
	}
	for _, p := range h.Pages {
		add("pages/"+p.Path, "page", p.Title, p.Owner, p.Approver, p.Reviewed, model.Date{}, p.ReviewCycle, p.Draft, p.Src)
	}
	slices.SortFunc(out, func(a, b Document) int { return strings.Compare(a.Key, b.Key) })
	return out
}

// DueSoonDays is [review] due_soon, or DefaultDueSoon.
func DueSoonDays(opts model.ReviewOptions) int {
	if opts.DueSoon != nil {
		return *opts.DueSoon
	}
	return DefaultDueSoon
}

// AddMonths adds calendar months to d; a day the month lacks becomes its
// last day.
func AddMonths(d model.Date, months int) model.Date {
	y, m, day := d.Date()
	first := time.Date(y, m+time.Month(months), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return model.Date{Time: time.Date(first.Year(), first.Month(), min(day, last), 0, 0, 0, 0, time.UTC)}
}

// Status is overdue, due-soon or scheduled: due as of asOf, with dueSoon
// days of warning; a document without a due date is scheduled.
func Status(due, asOf model.Date, dueSoon int) string {
	switch {
	case due.IsZero():
		return Scheduled
	case due.Before(asOf.Time):
		return Overdue
	case !due.After(asOf.AddDate(0, 0, dueSoon)):
		return DueSoon
	}
	return Scheduled
}

// or is the first non-empty string.
func or(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// Check warns about a review dated after asOf: a last review cannot lie in
// the future (a typo, or a build run with an earlier --as-of).
func Check(h *model.Handbook, asOf model.Date) *source.List {
	diags := &source.List{}
	check := func(doc *source.Doc, reviewed model.Date) {
		if doc != nil && !reviewed.IsZero() && reviewed.After(asOf.Time) {
			diags.Warnf(doc.Value("reviewed", reviewed.String()), "reviewed %s is after %s, the date the handbook is built as of: a last review cannot lie in the future", reviewed, asOf)
		}
	}
	for _, r := range h.Roles {
		check(r.Src, r.Reviewed)
	}
	for _, w := range h.Workflows {
		check(w.Src, w.Reviewed)
	}
	for _, p := range h.Policies {
		check(p.Src, p.Reviewed)
	}
	for _, p := range h.Pages {
		check(p.Src, p.Reviewed)
	}
	diags.Sort()
	return diags
}
