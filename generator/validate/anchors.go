package validate

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"github.com/accord-handbook/accord/generator/links"
	"github.com/accord-handbook/accord/generator/markdown"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/review"
	"github.com/accord-handbook/accord/generator/urls"
)

// Anchors knows the ids of each page a link can lead to, for its
// #fragment: those of the Markdown the page shows, from the parse the
// checks made anyway (markdown.Scanned.Anchors, the render's own code),
// and those accord's templates give their elements on each kind of page.
// The latter are written here as the built-in templates have them;
// generator's TestAnchors_matchThePages holds the two together.
//
// A page's ids are worked out when a link first needs them: most pages
// are never named with a fragment.
type Anchors struct {
	h         *model.Handbook
	markdown  map[string][]string // site path -> ids of the Markdown it shows
	versioned bool

	mu             sync.Mutex
	pages          map[string][]string // site path -> every id, sorted; nil: not a page
	roles          map[string]*roleDocs
	policiesForAll bool // a policy applies to everyone
}

// roleDocs is what a role page lists besides the role's own fields.
type roleDocs struct{ owns, approves, policies bool }

// chromeIDs are on every page: the skeleton's <main> and the search box
// (templates/chrome.html, render/skeleton.go).
var chromeIDs = []string{"main", "q", "q-results"}

// NewAnchors indexes the ids of the pages of h; found[i] is what the
// parse of docs[i] found.
func NewAnchors(h *model.Handbook, table *links.Table, docs []MarkdownDoc, found []markdown.Scanned) *Anchors {
	a := &Anchors{h: h, markdown: make(map[string][]string, len(docs)), versioned: h.Meta.Versions.Any(), pages: map[string][]string{}}
	for i, d := range docs {
		if site := table.Page(d.Src.Path); site != "" {
			a.markdown[site] = append(a.markdown[site], found[i].Anchors...)
		}
	}
	return a
}

// IDs returns every id of the page at the site path, sorted, and false
// for a path that is not a page accord writes from the sources.
func (a *Anchors) IDs(site string) ([]string, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	ids, ok := a.pages[site]
	if !ok {
		ids = a.compute(site)
		a.pages[site] = ids
	}
	return ids, ids != nil
}

// compute lists the ids of the page at site: accord's, then its Markdown's.
func (a *Anchors) compute(site string) []string {
	own, ok := a.ownIDs(site)
	if !ok {
		return nil
	}
	ids := append(slices.Clone(chromeIDs), own...)
	ids = append(ids, a.markdown[site]...)
	slices.Sort(ids)
	return slices.Compact(ids)
}

// ownIDs are the ids the templates write on the page at site, besides the
// chrome's: each kind of page as templates/<kind>.html has it.
func (a *Anchors) ownIDs(site string) ([]string, bool) {
	h := a.h
	switch site {
	case urls.Home:
		return []string{"start", "new-here", "roles-by-team"}, true
	case urls.Teams:
		var ids []string
		for _, t := range h.Teams {
			ids = append(ids, urls.TeamID(t.ID))
		}
		return ids, true
	case urls.Glossary:
		var ids []string
		for _, t := range h.Terms {
			ids = append(ids, urls.TermID(t.Term))
		}
		return ids, true
	case urls.Roles, urls.Workflows, urls.Policies:
		return nil, true
	case urls.Pages:
		return []string{"all-pages"}, true
	}
	if id, ok := pageID(site, "roles/"); ok && h.RoleByID[id] != nil {
		return a.roleIDs(h.RoleByID[id]), true
	}
	if id, ok := pageID(site, "workflows/"); ok && h.WorkflowByID[id] != nil {
		ids := []string{"steps", "matrix"}
		for _, s := range h.WorkflowByID[id].Steps {
			ids = append(ids, urls.StepID(s.ID))
		}
		return ids, true
	}
	if id, ok := pageID(site, "policies/"); ok && h.PolicyByID[id] != nil {
		return nil, true
	}
	if p, ok := pageID(site, "pages/"); ok && h.PageByPath[p] != nil {
		return nil, true
	}
	return nil, false
}

// pageID is the id (or page path) of the page at site under folder.
func pageID(site, folder string) (string, bool) {
	rest, ok := strings.CutPrefix(site, folder)
	if !ok {
		return "", false
	}
	return strings.CutSuffix(rest, ".html")
}

// roleIDs are the sections of a role's page (templates/role.html): each
// but responsibilities only when it has something to show. A versioned
// site may add the role's history and what changed for it: which it does
// depends on the earlier versions, which a check does not read, so a
// link to either passes.
func (a *Anchors) roleIDs(r *model.Role) []string {
	ids := []string{"responsibilities"}
	add := func(id string, has bool) {
		if has {
			ids = append(ids, id)
		}
	}
	add("duties", len(r.Duties) > 0)
	add("goals", len(r.Goals) > 0)
	add("kpis", len(r.KPIs) > 0)
	add("description", r.Body != nil && len(bytes.TrimSpace(r.Body.Text)) > 0)
	add("onboarding", len(r.Onboarding) > 0)
	d := a.roleDocs(r.ID)
	add("owns", d.owns)
	add("approves", d.approves)
	add("policies", d.policies)
	add("history", a.versioned)
	add("for-you", a.versioned)
	return ids
}

// roleDocs is what the role's page lists of the documents: those it owns
// and approves (the [review] defaults applied, as the page shows them)
// and the policies that apply to it. Called with a.mu held.
func (a *Anchors) roleDocs(role string) roleDocs {
	if a.roles == nil {
		a.roles = map[string]*roleDocs{}
		of := func(role string) *roleDocs {
			if a.roles[role] == nil {
				a.roles[role] = &roleDocs{}
			}
			return a.roles[role]
		}
		for _, d := range review.Documents(a.h, model.Date{}) {
			of(d.Owner).owns = true
			of(d.Approver).approves = true
		}
		for _, p := range a.h.Policies {
			a.policiesForAll = a.policiesForAll || p.AppliesTo.All
			for _, r := range p.AppliesTo.Roles {
				of(r).policies = true
			}
		}
	}
	d := roleDocs{}
	if p := a.roles[role]; p != nil {
		d = *p
	}
	d.policies = d.policies || a.policiesForAll
	return d
}
