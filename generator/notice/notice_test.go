package notice

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator/diff"
	"github.com/accord-handbook/accord/generator/model"
)

// base is a small version: a clerk and a manager, one workflow, two
// policies (one for the clerk, one for everyone) and an onboarding page.
func base() *model.Handbook {
	h := &model.Handbook{
		Meta: model.Meta{Title: "T", Version: "1.0", EffectiveDate: day("2026-01-01")},
		Roles: []*model.Role{
			{ID: "clerk", Name: "Clerk", Team: "ops", Duties: []string{"file"}, Onboarding: []string{"pages/start"}},
			{ID: "manager", Name: "Manager", Team: "ops"},
		},
		Workflows: []*model.Workflow{{ID: "order", Name: "Order", Owner: "manager", Steps: []*model.Step{
			{ID: "take", Name: "Take", Responsible: []string{"clerk"}, Accountable: "manager"},
			{ID: "ship", Name: "Ship", Responsible: []string{"manager"}, Accountable: "manager"},
		}}},
		Policies: []*model.Policy{
			{ID: "filing", Title: "Filing", Owner: "manager", AppliesTo: model.AppliesTo{Roles: []string{"clerk"}}, Body: []byte("Keep files.\n")},
			{ID: "conduct", Title: "Conduct", Owner: "manager", AppliesTo: model.AppliesTo{All: true}, Body: []byte("Be kind.\n")},
		},
		Pages: []*model.Page{{Path: "start", Title: "Start", Body: []byte("Hello.\n")}},
	}
	h.Index()
	return h
}

func day(s string) model.Date {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return model.Date{Time: t}
}

// next copies base as version 1.1 and lets edit change it.
func next(edit func(h *model.Handbook)) *model.Handbook {
	h := base()
	h.Meta.Version, h.Meta.EffectiveDate = "1.1", day("2026-07-01")
	edit(h)
	h.Index()
	return h
}

func show(l Lists) string {
	var roles []string
	for r := range l {
		roles = append(roles, r)
	}
	slices.Sort(roles)
	var b strings.Builder
	for _, r := range roles {
		fmt.Fprintf(&b, "%s: %s\n", r, strings.Join(Keys(l[r]), " "))
	}
	return b.String()
}

func TestReRead(t *testing.T) {
	tests := []struct {
		name string
		edit func(h *model.Handbook)
		want string
	}{
		{"nothing changed", func(h *model.Handbook) {}, ""},
		{"a role gains a letter", func(h *model.Handbook) {
			h.Workflows[0].Steps[1].Consulted = []string{"clerk"}
		}, "clerk: workflows/order\nmanager: workflows/order\n"},
		{"a role loses its only letter", func(h *model.Handbook) {
			h.Workflows[0].Steps[0].Responsible = []string{"manager"}
		}, "clerk: workflows/order\nmanager: workflows/order\n"},
		{"a step is renamed", func(h *model.Handbook) {
			h.Workflows[0].Steps[1].Name = "Dispatch"
		}, "clerk: workflows/order\nmanager: workflows/order\n"},
		{"applies_to gains a role", func(h *model.Handbook) {
			h.PolicyByID["filing"].AppliesTo = model.AppliesTo{Roles: []string{"clerk", "manager"}}
		}, "clerk: policies/filing\nmanager: policies/filing\n"},
		{"applies_to loses a role, text unchanged", func(h *model.Handbook) {
			h.PolicyByID["filing"].AppliesTo = model.AppliesTo{Roles: []string{"manager"}}
		}, "clerk: policies/filing\nmanager: policies/filing\n"},
		{`a policy for "*" changes its text`, func(h *model.Handbook) {
			h.PolicyByID["conduct"].Body = []byte("Be kind to everyone.\n")
		}, "clerk: policies/conduct\nmanager: policies/conduct\n"},
		{`"*" narrowed to one role`, func(h *model.Handbook) {
			h.PolicyByID["conduct"].AppliesTo = model.AppliesTo{Roles: []string{"manager"}}
		}, "clerk: policies/conduct\nmanager: policies/conduct\n"},
		{"an editorial change", func(h *model.Handbook) {
			h.PolicyByID["conduct"].Body = []byte("Be kind!\n")
			h.Meta.Review.Editorial = []string{"policies/conduct"}
		}, ""},
		{"only owner and reviewed change", func(h *model.Handbook) {
			h.Workflows[0].Owner = "clerk"
			h.Workflows[0].Reviewed = day("2026-06-01")
			h.PolicyByID["filing"].Reviewed = day("2026-06-01")
			h.PolicyByID["filing"].Owner = "clerk"
			h.Pages[0].Owner = "manager"
			h.RoleByID["clerk"].ReviewCycle = "yearly"
		}, ""},
		{"a draft changes", func(h *model.Handbook) {
			h.PolicyByID["conduct"].Body = []byte("Be kind to everyone.\n")
			h.PolicyByID["conduct"].Draft = true
		}, ""},
		{"an added role", func(h *model.Handbook) {
			h.Roles = append(h.Roles, &model.Role{ID: "auditor", Name: "Auditor", Team: "ops"})
			h.Workflows[0].Steps[1].Informed = []string{"auditor"}
		}, "auditor: roles/auditor workflows/order\nclerk: workflows/order\nmanager: workflows/order\n"},
		{"a role's duties change", func(h *model.Handbook) {
			h.RoleByID["clerk"].Duties = []string{"file", "archive"}
		}, "clerk: roles/clerk\n"},
		{"an onboarding page changes", func(h *model.Handbook) {
			h.Pages[0].Body = []byte("Welcome.\n")
		}, "clerk: pages/start\n"},
		{"an external role gains a letter", func(h *model.Handbook) {
			h.Teams = append(h.Teams, &model.Team{ID: "outside", Name: "Outside", Kind: "external"})
			h.Roles = append(h.Roles, &model.Role{ID: "buyer", Name: "Buyer", Team: "outside"})
			h.Workflows[0].Steps[0].Informed = []string{"buyer"}
		}, "clerk: workflows/order\nmanager: workflows/order\n"},
		{"a page's weight changes", func(h *model.Handbook) {
			h.Pages[0].Weight = 5
		}, ""},
		{"a renamed workflow with a changed step", func(h *model.Handbook) {
			h.Workflows[0].ID, h.Workflows[0].Aliases = "sales-order", []string{"order"}
			h.Workflows[0].Steps[0].Name = "Take the order"
		}, "clerk: workflows/sales-order\nmanager: workflows/sales-order\n"},
		{"a workflow only renamed", func(h *model.Handbook) {
			h.Workflows[0].ID, h.Workflows[0].Aliases = "sales-order", []string{"order"}
		}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			old, new := base(), next(tc.edit)
			got := show(ReRead(diff.Compare(old.Published(), new.Published()), new.Published()))
			if got != tc.want {
				t.Errorf("got:\n%swant:\n%s", got, tc.want)
			}
		})
	}
}

func TestDue(t *testing.T) {
	v := Version{Number: "1.1", Effective: day("2026-07-01"), Lists: Lists{
		"clerk":   {{Key: "workflows/order"}, {Key: "policies/filing"}},
		"manager": {{Key: "workflows/order"}},
	}}
	people := []*model.Person{
		{ID: "ann", Name: "Ann", Roles: []string{"clerk", "manager"}},
		{ID: "bob", Name: "Bob", Roles: []string{"clerk"}, Joined: day("2026-07-01")}, // joined with 1.1
		{ID: "cai", Name: "Cai", Roles: []string{"manager"}, Left: day("2026-09-30")}, // left before the as-of date
		{ID: "dan", Name: "Dan", Roles: []string{"manager"}, Left: day("2026-12-31")}, // leaving later
		{ID: "eve", Name: "Eve", Roles: []string{"auditor"}},                          // nothing to re-read
		{ID: "fay", Name: "Fay", Roles: []string{"clerk"}, Joined: day("2026-06-30")}, // joined the day before
	}
	acks := []*model.Ack{
		{Person: "dan", Version: "1.1", Date: day("2026-07-03")},
		{Person: "ann", Version: "1.0", Date: day("2026-01-05")},
		{Person: "dan", Version: "1.1", Date: day("2026-07-02")},
	}
	var got []string
	for _, e := range Due(v, people, acks, day("2026-10-01")) {
		got = append(got, fmt.Sprintf("%s %s %s [%s] %s", e.Person.ID, e.Status, e.Date, strings.Join(e.Roles, " "), strings.Join(Keys(e.Documents), " ")))
	}
	want := []string{
		"ann outstanding  [clerk manager] policies/filing workflows/order",
		"dan acknowledged 2026-07-02 [manager] workflows/order",
		"fay outstanding  [clerk] policies/filing workflows/order",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestHolders(t *testing.T) {
	people := []*model.Person{
		{ID: "ann", Roles: []string{"clerk"}},
		{ID: "bob", Roles: []string{"clerk"}, Left: day("2026-03-01")},
		{ID: "cai", Roles: []string{"clerk"}, Joined: day("2027-01-01")},
		{ID: "dan", Roles: []string{"manager", "clerk"}},
	}
	var got []string
	for _, p := range Holders(people, "clerk", day("2026-12-06")) {
		got = append(got, p.ID)
	}
	if want := []string{"ann", "dan"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestForRole(t *testing.T) {
	old := base()
	new := next(func(h *model.Handbook) {
		h.Workflows[0].Steps[1].Name = "Dispatch"             // concerns both
		h.PolicyByID["conduct"].Reviewed = day("2026-06-01")  // everyone's, control only: still shown
		h.Policies = []*model.Policy{h.PolicyByID["conduct"]} // filing removed: the clerk's
		h.RoleByID["manager"].Duties = []string{"approve"}    // the manager's own
		h.Pages[0].Body = []byte("Welcome.\n")                // the clerk's onboarding
	})
	c := diff.Compare(old, new)
	summary := func(c *diff.ChangeSet) string {
		var s []string
		for _, r := range c.Roles {
			s = append(s, "roles/"+r.ID)
		}
		for _, w := range c.Workflows {
			s = append(s, "workflows/"+w.ID)
		}
		for _, p := range c.Policies {
			s = append(s, "policies/"+p.ID+":"+p.Change)
		}
		for _, p := range c.Pages {
			s = append(s, "pages/"+p.Path)
		}
		return strings.Join(s, " ")
	}
	for role, want := range map[string]string{
		"clerk":   "workflows/order policies/conduct:changed policies/filing:removed pages/start",
		"manager": "roles/manager workflows/order policies/conduct:changed",
	} {
		if got := summary(ForRole(c, old, new, role)); got != want {
			t.Errorf("%s: got %q, want %q", role, got, want)
		}
	}
}
