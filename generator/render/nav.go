package render

import (
	"encoding/json"
	"strings"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/urls"
)

// navLimit caps a sidebar section: past it the section links to its index
// page only, so a handbook of thousands of pages does not repeat thousands of
// links on every page.
const navLimit = 60

func (r *renderer) buildNav() *Nav {
	n := &Nav{}
	roles := NavSection{Title: r.t["roles"], URL: urls.Roles}
	for _, tr := range r.teamRoles() {
		for _, ro := range tr.Roles {
			roles.Items = append(roles.Items, NavItem{Title: ro.Name, URL: urls.Role(ro.ID)})
		}
	}
	wfs := NavSection{Title: r.t["workflows"], URL: urls.Workflows}
	for _, w := range r.h.Workflows {
		wfs.Items = append(wfs.Items, NavItem{Title: w.Name, URL: urls.Workflow(w.ID)})
	}
	pols := NavSection{Title: r.t["policies"], URL: urls.Policies}
	for _, p := range r.h.Policies {
		pols.Items = append(pols.Items, NavItem{Title: p.Title, URL: urls.Policy(p.ID)})
	}
	pages := NavSection{Title: r.t["pages"], URL: urls.Pages}
	for _, p := range r.h.Pages {
		if p.Path == "index" {
			continue
		}
		pages.Items = append(pages.Items, NavItem{Title: p.Title, URL: urls.Page(p.Path), Depth: strings.Count(p.Path, "/")})
	}
	for _, s := range []NavSection{roles, wfs, pols, pages} {
		if len(s.Items) > navLimit {
			s.Items = nil
		}
		n.Sections = append(n.Sections, s)
	}
	n.index = map[string]int{}
	for _, key := range r.printSources() {
		site, _ := urls.Source(key)
		n.index[site] = len(n.Order)
		n.Order = append(n.Order, NavItem{Title: (&Page{H: r.h}).SourceTitle(key), URL: site})
	}
	n.Sections = append(n.Sections,
		NavSection{Title: r.t["raci"], URL: urls.RACI},
		NavSection{Title: r.t["health"], URL: urls.Health},
	)
	if r.in.Graphs != nil {
		n.Sections = append(n.Sections, NavSection{Title: r.t["graphs"], URL: urls.Graphs})
	}
	n.Sections = append(n.Sections,
		NavSection{Title: r.t["teams"], URL: urls.Teams},
		NavSection{Title: r.t["glossary"], URL: urls.Glossary},
	)
	return n
}

// compareFold orders strings case-insensitively, then exactly.
func compareFold(a, b string) int {
	if c := strings.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// ModelSchema names the format of model.json; docs/model-json.md describes it.
const ModelSchema = "accord.model/1"

// modelAlias drops Handbook's methods so that encoding/json sees fields only.
type modelAlias model.Handbook

func (r *renderer) modelJSON() {
	out := struct {
		Schema string `json:"schema"`
		*modelAlias
	}{ModelSchema, (*modelAlias)(r.h)}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		r.fail(err)
		return
	}
	r.add(urls.ModelJSON, append(b, '\n'))
}
