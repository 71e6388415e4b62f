package review

import (
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator/model"
)

func date(s string) model.Date {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return model.Date{Time: t}
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		from   string
		months int
		want   string
	}{
		{"2026-08-31", 3, "2026-11-30"},  // November has no 31st
		{"2026-01-31", 1, "2026-02-28"},  // nor February
		{"2027-01-31", 13, "2028-02-29"}, // a leap year's February
		{"2024-02-29", 12, "2025-02-28"}, // from a leap day
		{"2024-02-29", 24, "2026-02-28"},
		{"2026-06-15", 1, "2026-07-15"},
		{"2026-06-15", 6, "2026-12-15"},
		{"2026-11-30", 3, "2027-02-28"}, // across the year
		{"2026-12-31", 12, "2027-12-31"},
	}
	for _, tt := range tests {
		if got := AddMonths(date(tt.from), tt.months).String(); got != tt.want {
			t.Errorf("AddMonths(%s, %d) = %s, want %s", tt.from, tt.months, got, tt.want)
		}
	}
}

func TestStatus(t *testing.T) {
	asOf := date("2026-12-06")
	tests := []struct {
		due  string
		want string
	}{
		{"2026-12-05", Overdue},   // the day before D
		{"2026-12-06", DueSoon},   // D itself
		{"2027-01-05", DueSoon},   // D + 30 days: both ends included
		{"2027-01-06", Scheduled}, // D + 31
		{"2025-01-01", Overdue},
	}
	for _, tt := range tests {
		if got := Status(date(tt.due), asOf, 30); got != tt.want {
			t.Errorf("Status(due %s) = %s, want %s", tt.due, got, tt.want)
		}
	}
	if got := Status(model.Date{}, asOf, 30); got != Scheduled {
		t.Errorf("no due date: %s", got)
	}
}

// TestDocuments_defaults: every kind of document, its own values first,
// then [review]'s, then the effective dates.
func TestDocuments_defaults(t *testing.T) {
	soon := 10
	h := &model.Handbook{
		Meta: model.Meta{EffectiveDate: date("2026-07-01"), Review: model.ReviewOptions{Owner: "head", Approver: "gm", Cycle: "semi-annual", DueSoon: &soon}},
		Roles: []*model.Role{
			{ID: "clerk", Name: "Clerk"},
			{ID: "rep", Name: "Rep", Owner: "sup", Approver: "head", Reviewed: date("2026-03-01"), ReviewCycle: "quarterly"},
		},
		Workflows: []*model.Workflow{{ID: "order", Name: "Order", Owner: "sup", ReviewCycle: "monthly", Reviewed: date("2026-11-01")}},
		Policies: []*model.Policy{
			{ID: "credit", Title: "Credit", Owner: "fin", ReviewCycle: "annual", EffectiveDate: date("2025-12-01")},
			{ID: "draft", Title: "Draft", Owner: "fin", Draft: true},
		},
		Pages: []*model.Page{{Path: "runbooks/lc", Title: "LC", ReviewCycle: "biennial"}},
	}
	h.Index()
	got := Documents(h, date("2026-12-06"))
	want := []Document{
		{Key: "pages/runbooks/lc", Kind: "page", Title: "LC", Owner: "head", Approver: "gm", Reviewed: date("2026-07-01"), Cycle: "biennial", Due: date("2028-07-01"), Status: Scheduled},
		{Key: "policies/credit", Kind: "policy", Title: "Credit", Owner: "fin", Approver: "gm", Reviewed: date("2025-12-01"), Cycle: "annual", Due: date("2026-12-01"), Status: Overdue},
		{Key: "policies/draft", Kind: "policy", Title: "Draft", Owner: "fin", Approver: "gm", Reviewed: date("2026-07-01"), Cycle: "semi-annual", Due: date("2027-01-01"), Status: Draft},
		{Key: "roles/clerk", Kind: "role", Title: "Clerk", Owner: "head", Approver: "gm", Reviewed: date("2026-07-01"), Cycle: "semi-annual", Due: date("2027-01-01"), Status: Scheduled},
		{Key: "roles/rep", Kind: "role", Title: "Rep", Owner: "sup", Approver: "head", Reviewed: date("2026-03-01"), Cycle: "quarterly", Due: date("2026-06-01"), Status: Overdue},
		{Key: "workflows/order", Kind: "workflow", Title: "Order", Owner: "sup", Approver: "gm", Reviewed: date("2026-11-01"), Cycle: "monthly", Due: date("2026-12-01"), Status: Overdue},
	}
	if len(got) != len(want) {
		t.Fatalf("%d documents, want %d", len(got), len(want))
	}
	for i := range want {
		g := got[i]
		g.Src = nil
		if g != want[i] {
			t.Errorf("document %d:\n got %+v\nwant %+v", i, g, want[i])
		}
	}
	// Without [review], the cycle is annual and due soon is 30 days.
	h.Meta.Review = model.ReviewOptions{}
	d := Documents(h, date("2026-12-06"))[3] // roles/clerk
	if d.Cycle != DefaultCycle || d.Due.String() != "2027-07-01" || d.Owner != "" {
		t.Errorf("without [review]: %+v", d)
	}
	if got := Status(date("2027-01-05"), date("2026-12-06"), DueSoonDays(h.Meta.Review)); got != DueSoon {
		t.Errorf("default due_soon: %s", got)
	}
}
