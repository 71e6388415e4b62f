package render

import (
	"html/template"
	"slices"
	"strings"

	"github.com/accord-handbook/accord/generator/health"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/raci"
	"github.com/accord-handbook/accord/generator/urls"
)

// RoleData is a role's page.
type RoleData struct {
	Role           *model.Role
	Chain          []*model.Role // from the top of the tree down to the direct manager
	Reports        []*model.Role
	Body           template.HTML
	Assignments    []raci.WorkflowAssignments
	Counts         raci.Counts
	Policies       []*model.Policy // that apply to the role
	OwnedPolicies  []*model.Policy
	OwnedWorkflows []*model.Workflow
	Onboarding     []string // source keys, in reading order
	Graph          template.HTML
}

func (r *renderer) roles() {
	p := r.page("list", urls.Roles, r.t["roles"], r.home2crumbs("roles", ""), ListData{Kind: "roles", Teams: r.teamRoles()})
	r.execute("list", p)
	for _, ro := range r.h.Roles {
		site := urls.Role(ro.ID)
		d := RoleData{Role: ro, Onboarding: ro.Onboarding}
		seen := map[string]bool{ro.ID: true}
		for m := r.h.RoleByID[ro.ReportsTo]; m != nil && !seen[m.ID]; m = r.h.RoleByID[m.ReportsTo] {
			seen[m.ID] = true
			d.Chain = append([]*model.Role{m}, d.Chain...)
		}
		for _, o := range r.h.Roles {
			if o.ReportsTo == ro.ID && o.ID != ro.ID {
				d.Reports = append(d.Reports, o)
			}
		}
		if ro.Body != nil {
			d.Body = r.markdown(ro.Body.Path, ro.Body.Text, site)
		}
		r.indexBody("role", ro.Name, site, d.Body, ro.Summary, strings.Join(ro.Duties, " "), strings.Join(ro.Goals, " "))
		d.Assignments, d.Counts = raci.ForRole(r.h, ro.ID)
		for _, pol := range r.h.Policies {
			if pol.AppliesTo.Includes(ro.ID) {
				d.Policies = append(d.Policies, pol)
			}
			if pol.Owner == ro.ID {
				d.OwnedPolicies = append(d.OwnedPolicies, pol)
			}
		}
		for _, w := range r.h.Workflows {
			if w.Owner == ro.ID {
				d.OwnedWorkflows = append(d.OwnedWorkflows, w)
			}
		}
		id := ro.ID
		d.Graph = r.graph(func() (template.HTML, error) { return r.in.Graphs.Neighbourhood(id, site) })
		crumbs := r.home2crumbs("roles", urls.Roles)
		crumbs = append(crumbs, r.crumb(ro.Name, ""))
		r.execute("role", r.page("role", site, ro.Name, crumbs, d))
	}
}

// WorkflowData is a workflow's page.
type WorkflowData struct {
	Workflow *model.Workflow
	Matrix   raci.Matrix
	Graph    template.HTML
}

func (r *renderer) workflows() {
	r.execute("list", r.page("list", urls.Workflows, r.t["workflows"], r.home2crumbs("workflows", ""), ListData{Kind: "workflows"}))
	for _, w := range r.h.Workflows {
		site := urls.Workflow(w.ID)
		wf := w
		d := WorkflowData{Workflow: w, Matrix: raci.ForWorkflow(r.h, w)}
		r.indexDoc("workflow", w.Name, site, w.Trigger, w.Summary)
		for _, s := range w.Steps {
			var names []string
			for _, id := range s.Roles() {
				names = append(names, r.h.RoleName(id))
			}
			r.indexDoc("step", w.Name+" › "+s.Name, urls.Step(w.ID, s.ID), strings.Join(names, " "), strings.Join(s.Outputs, " "))
		}
		d.Graph = r.graph(func() (template.HTML, error) { return r.in.Graphs.Workflow(wf, site) })
		crumbs := append(r.home2crumbs("workflows", urls.Workflows), r.crumb(w.Name, ""))
		r.execute("workflow", r.page("workflow", site, w.Name, crumbs, d))
	}
}

// PolicyData is a policy's page.
type PolicyData struct {
	Policy *model.Policy
	Body   template.HTML
}

func (r *renderer) policies() {
	r.execute("list", r.page("list", urls.Policies, r.t["policies"], r.home2crumbs("policies", ""), ListData{Kind: "policies"}))
	for _, pol := range r.h.Policies {
		site := urls.Policy(pol.ID)
		d := PolicyData{Policy: pol, Body: r.markdown(pol.Src.Path, pol.Body, site)}
		r.indexBody("policy", pol.Title, site, d.Body, pol.Summary)
		crumbs := append(r.home2crumbs("policies", urls.Policies), r.crumb(pol.Title, ""))
		r.execute("policy", r.page("policy", site, pol.Title, crumbs, d))
	}
}

// PageData is a free page; the pages index also lists every page.
type PageData struct {
	Page  *model.Page
	Body  template.HTML
	Index bool
}

func (r *renderer) freePages() {
	for _, pg := range r.h.Pages {
		site := urls.Page(pg.Path)
		d := PageData{Page: pg, Body: r.markdown(pg.Src.Path, pg.Body, site), Index: pg.Path == "index"}
		r.indexBody("page", pg.Title, site, d.Body, pg.Summary)
		crumbs := r.home2crumbs("pages", urls.Pages)
		if pg.Path != "index" {
			crumbs = append(crumbs, r.crumb(pg.Title, ""))
		} else {
			crumbs[1].URL = ""
		}
		r.execute("page", r.page("page", site, pg.Title, crumbs, d))
	}
	if r.h.PageByPath["index"] == nil {
		d := PageData{Page: &model.Page{Title: r.t["allPages"]}, Index: true}
		r.execute("page", r.page("page", urls.Pages, r.t["pages"], r.home2crumbs("pages", ""), d))
	}
}

// RACIData is the department matrix.
type RACIData struct {
	Roles  []*model.Role
	Groups []raci.Group
}

func (r *renderer) raciPage() {
	roles, groups := raci.Department(r.h)
	r.execute("raci", r.page("raci", urls.RACI, r.t["raci"], r.home2crumbs("raci", ""), RACIData{roles, groups}))
}

func (r *renderer) glossaryPage() {
	terms := slices.Clone(r.h.Terms)
	slices.SortStableFunc(terms, func(a, b *model.Term) int { return compareFold(a.Term, b.Term) })
	r.execute("glossary", r.page("glossary", urls.Glossary, r.t["glossary"], r.home2crumbs("glossary", ""), terms))
}

func (r *renderer) teamsPage() {
	r.execute("teams", r.page("teams", urls.Teams, r.t["teams"], r.home2crumbs("teams", ""), r.teamRoles()))
}

func (r *renderer) healthPage() {
	rep := health.Analyse(r.h)
	r.execute("health", r.page("health", urls.Health, r.t["health"], r.home2crumbs("health", ""), rep))
}
