package render

import (
	"html/template"
	"slices"
	"strings"

	"github.com/accord-handbook/accord/generator/health"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/raci"
	"github.com/accord-handbook/accord/generator/review"
	"github.com/accord-handbook/accord/generator/urls"
)

// Each kind of entity page is built by a function that takes the site path
// the page is rendered for: its own path for the site, or a print page's
// path when the same content is gathered into a booklet.

// RoleData is a role's page.
type RoleData struct {
	Role           *model.Role
	Chain          []*model.Role // the nearest managers, top-down, ending at the direct manager
	ChainCut       bool          // more managers above Chain[0] (maxChain)
	Reports        []*model.Role
	Body           template.HTML
	Assignments    []raci.WorkflowAssignments
	Counts         raci.Counts
	Policies       []*model.Policy // that apply to the role
	OwnedPolicies  []*model.Policy
	OwnedWorkflows []*model.Workflow
	// Owns and Approves are the documents whose owner or approver the
	// role is, with their next review.
	Owns, Approves []review.Document
	Onboarding     []string // source keys, in reading order
	Graph          template.HTML
	Holders        []*model.Person // who holds the role (people.toml)
}

// directReports lists each role's direct reports in role order, once for
// the site rather than by a scan of every role on each role page.
func directReports(h *model.Handbook) map[string][]*model.Role {
	out := map[string][]*model.Role{}
	for _, o := range h.Roles {
		if o.ReportsTo != "" && o.ReportsTo != o.ID {
			out[o.ReportsTo] = append(out[o.ReportsTo], o)
		}
	}
	return out
}

func (r *renderer) role(ro *model.Role) {
	p := r.rolePage(ro, urls.Role(ro.ID))
	d := p.Data.(RoleData)
	r.indexBody("roles/"+ro.ID, "role", ro.Name, p.Path, d.Body, ro.Summary, strings.Join(ro.Duties, " "), strings.Join(ro.Goals, " "))
	r.execute("role", p)
}

// maxChain bounds the reporting line a role page shows. A page showing
// every manager up to the top made each page of a long reports_to chain as
// long as the chain, and the site quadratic in it; past the bound the line
// starts with "…", and the first manager shown links further up.
const maxChain = 12

func (r *renderer) rolePage(ro *model.Role, site string) *Page {
	d := RoleData{Role: ro, Onboarding: ro.Onboarding, Reports: r.reports[ro.ID], Holders: r.holders(ro.ID)}
	seen := map[string]bool{ro.ID: true}
	for m := r.h.RoleByID[ro.ReportsTo]; m != nil && !seen[m.ID]; m = r.h.RoleByID[m.ReportsTo] {
		if len(d.Chain) == maxChain {
			d.ChainCut = true
			break
		}
		seen[m.ID] = true
		d.Chain = append(d.Chain, m)
	}
	slices.Reverse(d.Chain)
	if ro.Body != nil {
		d.Body = r.markdown(ro.Body.Path, ro.Body.Text, site)
	}
	d.Assignments, d.Counts = r.ix.ForRole(ro.ID)
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
	d.Graph = r.graph(func() (template.HTML, error) { return r.in.Graphs.Neighbourhood(ro.ID, site) })
	for _, doc := range r.controlList() {
		if doc.Owner == ro.ID {
			d.Owns = append(d.Owns, doc)
		}
		if doc.Approver == ro.ID {
			d.Approves = append(d.Approves, doc)
		}
	}
	crumbs := append(r.home2crumbs("roles", urls.Roles), r.crumb(ro.Name, ""))
	return r.control(r.page("role", site, ro.Name, crumbs, d), "roles/"+ro.ID)
}

// WorkflowData is a workflow's page.
type WorkflowData struct {
	Workflow *model.Workflow
	Matrix   raci.Matrix
	Graph    template.HTML
}

func (r *renderer) workflow(w *model.Workflow) {
	site := urls.Workflow(w.ID)
	r.indexDoc("workflow", w.Name, site, w.Trigger, w.Summary)
	text := []string{w.Trigger, w.Summary}
	for _, s := range w.Steps {
		var names []string
		for _, id := range s.Roles() {
			names = append(names, r.h.RoleName(id))
		}
		r.indexDoc("step", w.Name+" › "+s.Name, urls.Step(w.ID, s.ID), strings.Join(names, " "), strings.Join(s.Outputs, " "))
		text = append(text, s.Name, strings.Join(names, " "), strings.Join(s.Outputs, " "))
	}
	r.measure("workflows/"+w.ID, text...)
	r.execute("workflow", r.workflowPage(w, site))
}

func (r *renderer) workflowPage(w *model.Workflow, site string) *Page {
	d := WorkflowData{Workflow: w, Matrix: raci.ForWorkflow(r.h, r.order, w)}
	d.Graph = r.graph(func() (template.HTML, error) { return r.in.Graphs.Workflow(w, site) })
	crumbs := append(r.home2crumbs("workflows", urls.Workflows), r.crumb(w.Name, ""))
	return r.control(r.page("workflow", site, w.Name, crumbs, d), "workflows/"+w.ID)
}

// PolicyData is a policy's page.
type PolicyData struct {
	Policy *model.Policy
	Body   template.HTML
}

func (r *renderer) policy(pol *model.Policy) {
	p := r.policyPage(pol, urls.Policy(pol.ID))
	body := p.Data.(PolicyData).Body
	r.indexBody("policies/"+pol.ID, "policy", pol.Title, p.Path, body, pol.Summary)
	r.execute("policy", p)
}

func (r *renderer) policyPage(pol *model.Policy, site string) *Page {
	d := PolicyData{Policy: pol, Body: r.markdown(pol.Src.Path, pol.Body, site)}
	crumbs := append(r.home2crumbs("policies", urls.Policies), r.crumb(pol.Title, ""))
	return r.control(r.page("policy", site, pol.Title, crumbs, d), "policies/"+pol.ID)
}

// PageData is a free page; the pages index also lists every page.
type PageData struct {
	Page  *model.Page
	Body  template.HTML
	Index bool
}

// pagesIndex is the index of pages of a handbook without pages/index.md.
func (r *renderer) pagesIndex() {
	d := PageData{Page: &model.Page{Title: r.t["allPages"]}, Index: true}
	r.execute("page", r.page("page", urls.Pages, r.t["pages"], r.home2crumbs("pages", ""), d))
}

func (r *renderer) freePage(pg *model.Page, site string) *Page {
	d := PageData{Page: pg, Body: r.markdown(pg.Src.Path, pg.Body, site), Index: pg.Path == "index" && site == urls.Pages}
	crumbs := r.home2crumbs("pages", urls.Pages)
	if pg.Path != "index" {
		crumbs = append(crumbs, r.crumb(pg.Title, ""))
	} else {
		crumbs[1].URL = ""
	}
	return r.control(r.page("page", site, pg.Title, crumbs, d), "pages/"+pg.Path)
}

// RACIData is the department matrix or, past raci.MaxDepartmentCells, one
// row per workflow (Rosters) with the size of the matrix it stands for.
type RACIData struct {
	Roles   []*model.Role
	Groups  []raci.Group
	Rosters []raci.Roster
	Steps   int
}

func (r *renderer) raciPage() {
	d := RACIData{}
	d.Roles, d.Steps = raci.DepartmentRoles(r.h, r.order)
	if len(d.Roles)*d.Steps > raci.MaxDepartmentCells {
		d.Rosters = raci.Rosters(r.h, d.Roles)
	} else {
		d.Roles, d.Groups = raci.Department(r.h, r.order)
	}
	r.execute("raci", r.page("raci", urls.RACI, r.t["raci"], r.home2crumbs("raci", ""), d))
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

// GraphsData is the page of the department's graphs at full size.
type GraphsData struct {
	Department, OrgChart template.HTML
}

func (r *renderer) graphsPage() {
	if r.in.Graphs == nil {
		return
	}
	d := GraphsData{
		Department: r.graph(func() (template.HTML, error) { return r.in.Graphs.Department(urls.Graphs) }),
		OrgChart:   r.graph(func() (template.HTML, error) { return r.in.Graphs.OrgChart(urls.Graphs) }),
	}
	r.execute("graphs", r.page("graphs", urls.Graphs, r.t["graphs"], r.home2crumbs("graphs", ""), d))
}

func (r *renderer) freePageJob(pg *model.Page) {
	p := r.freePage(pg, urls.Page(pg.Path))
	body := p.Data.(PageData).Body
	r.indexBody("pages/"+pg.Path, "page", pg.Title, p.Path, body, pg.Summary)
	r.execute("page", p)
}

// listPage renders the index page of roles, workflows or policies.
func (r *renderer) listPage(site string) {
	kind := strings.TrimSuffix(site, "/index.html")
	d := ListData{Kind: kind}
	if kind == "roles" {
		d.Teams = r.teamRoles()
	}
	r.execute("list", r.page("list", site, r.t[kind], r.home2crumbs(kind, ""), d))
}
