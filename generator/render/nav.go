package render

import (
	"encoding/json"
	"strings"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/review"
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
	pages := NavSection{Title: r.t["pages"], URL: urls.Pages, Items: pageItems(r.h.Pages)}
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

// pageItems lists the free pages under their folders. A folder is an item
// of its own before its pages: its index page (pages/<folder>/index.md)
// when it has one, else its name, not a link. Without it, the first page
// of a folder read as a child of the page before it.
func pageItems(pages []*model.Page) []NavItem {
	byPath := map[string]*model.Page{}
	for _, p := range pages {
		byPath[p.Path] = p
	}
	var items []NavItem
	shown := map[string]bool{}
	for _, p := range pages {
		if p.Path == "index" || shown[p.Path] {
			continue
		}
		parts := strings.Split(p.Path, "/")
		for d := 1; d < len(parts); d++ {
			folder := strings.Join(parts[:d], "/")
			if shown[folder] || byPath[folder] != nil {
				continue // a page of that name stands for the folder
			}
			shown[folder] = true
			item := NavItem{Title: parts[d-1], Depth: d - 1}
			if idx := byPath[folder+"/index"]; idx != nil {
				item.Title, item.URL = idx.Title, urls.Page(idx.Path)
				shown[idx.Path] = true
			}
			items = append(items, item)
		}
		if !shown[p.Path] {
			shown[p.Path] = true
			items = append(items, NavItem{Title: p.Title, URL: urls.Page(p.Path), Depth: strings.Count(p.Path, "/")})
		}
	}
	return items
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
		// Documents is each document's control as of the build's date.
		AsOf      model.Date        `json:"as_of"`
		Documents []review.Document `json:"documents"`
	}{ModelSchema, (*modelAlias)(r.h), r.in.AsOf, r.controlList()}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		r.fail(err)
		return
	}
	r.add(urls.ModelJSON, append(b, '\n'))
}
