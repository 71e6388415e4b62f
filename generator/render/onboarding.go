package render

import (
	"bytes"
	"fmt"
	"html/template"
	"math"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/raci"
	"github.com/accord-handbook/accord/generator/search"
	"github.com/accord-handbook/accord/generator/urls"
)

// measure records how long a source takes to read, for reading lists.
func (r *renderer) measure(key string, body template.HTML, text ...string) {
	all := search.Text(string(body))
	for _, t := range text {
		all += " " + t
	}
	chars, words := search.ReadingUnits(all)
	r.mu.Lock()
	r.minutes[key] = readingMinutes(chars, words)
	r.mu.Unlock()
}

// readingMinutes uses common silent-reading speeds: about 400 Chinese
// characters or 200 English words a minute; never less than one minute.
func readingMinutes(chars, words int) int {
	m := float64(chars)/400 + float64(words)/200
	return max(1, int(math.Ceil(m)))
}

// OnboardingData is a role's "new here?" page.
type OnboardingData struct {
	Role        *model.Role
	Assignments []raci.WorkflowAssignments
	Counts      raci.Counts
	Neighbours  []raci.Neighbour
	Reading     []ReadingItem
	Total       int // minutes
	StorageKey  string
}

// ReadingItem is one entry of a reading list.
type ReadingItem struct {
	Key     string // source key
	Title   string
	URL     string // site path
	Minutes int
}

func (r *renderer) onboarding() []func() {
	var jobs []func()
	for _, ro := range r.h.Roles {
		if t := r.h.TeamByID[ro.Team]; t == nil || !t.External() {
			jobs = append(jobs, func() { r.onboardingPage(ro) })
		}
	}
	return jobs
}

func (r *renderer) onboardingPage(ro *model.Role) {
	site := urls.Onboarding(ro.ID)
	d := OnboardingData{Role: ro, Neighbours: raci.Neighbours(r.h, ro.ID), StorageKey: "accord-onboarding:" + r.h.Meta.Title + ":" + ro.ID}
	d.Assignments, d.Counts = raci.ForRole(r.h, ro.ID)
	for _, key := range ro.Onboarding {
		u, _ := urls.Source(key)
		item := ReadingItem{Key: key, URL: u, Minutes: r.minutes[key]}
		d.Reading = append(d.Reading, item)
		d.Total += item.Minutes
	}
	crumbs := []Crumb{r.crumb(r.t["home"], urls.Home), r.crumb(r.t["newHere"], urls.Home+"#new-here"), r.crumb(ro.Name, "")}
	r.execute("onboarding", r.page("onboarding", site, fmt.Sprintf(r.t["onboardingTitle"], ro.Name), crumbs, d))
}

// PrintData is a print page: sections of other pages, rendered for it.
type PrintData struct {
	Sections []template.HTML
}

// printLimit bounds the one-page handbook: past it, a single page is too
// large for a browser to lay out and print, and readers print booklets.
const printLimit = 400

// printPages returns the jobs that render the print pages. Graphs are left
// out of print pages (r.printing): their links are made for the page they
// sit on, and a second layout of every graph would double the cost.
func (r *renderer) printPages() []func() {
	var jobs []func()
	total := len(r.h.Roles) + len(r.h.Workflows) + len(r.h.Policies) + len(r.h.Pages)
	if total <= printLimit {
		jobs = append(jobs, r.printAll)
	}
	for _, ro := range r.h.Roles {
		jobs = append(jobs, func() { r.booklet(ro) })
	}
	return jobs
}

func (r *renderer) printAll() {
	var secs []template.HTML
	if pg := r.h.PageByPath["index"]; pg != nil {
		secs = append(secs, r.content("page", r.freePage(pg, urls.PrintAll)))
	}
	for _, ro := range r.h.Roles {
		secs = append(secs, r.content("role", r.rolePage(ro, urls.PrintAll)))
	}
	for _, w := range r.h.Workflows {
		secs = append(secs, r.content("workflow", r.workflowPage(w, urls.PrintAll)))
	}
	for _, pol := range r.h.Policies {
		secs = append(secs, r.content("policy", r.policyPage(pol, urls.PrintAll)))
	}
	for _, pg := range r.h.Pages {
		if pg.Path != "index" {
			secs = append(secs, r.content("page", r.freePage(pg, urls.PrintAll)))
		}
	}
	r.execute("print", r.page("print", urls.PrintAll, r.t["printAll"], nil, PrintData{secs}))
}

func (r *renderer) booklet(ro *model.Role) {
	site := urls.PrintRole(ro.ID)
	secs := []template.HTML{r.content("role", r.rolePage(ro, site))}
	for _, key := range ro.Onboarding {
		if sec, ok := r.sourceContent(key, site); ok {
			secs = append(secs, sec)
		}
	}
	r.execute("print", r.page("print", site, fmt.Sprintf(r.t["booklet"], ro.Name), nil, PrintData{secs}))
}

// sourceContent renders the content of the page of a source key for page.
func (r *renderer) sourceContent(key, page string) (template.HTML, bool) {
	kind, id, _ := cutKey(key)
	switch kind {
	case "roles":
		if ro := r.h.RoleByID[id]; ro != nil {
			return r.content("role", r.rolePage(ro, page)), true
		}
	case "workflows":
		if w := r.h.WorkflowByID[id]; w != nil {
			return r.content("workflow", r.workflowPage(w, page)), true
		}
	case "policies":
		if pol := r.h.PolicyByID[id]; pol != nil {
			return r.content("policy", r.policyPage(pol, page)), true
		}
	case "pages":
		if pg := r.h.PageByPath[id]; pg != nil {
			return r.content("page", r.freePage(pg, page)), true
		}
	}
	return "", false
}

// content renders only the "content" template of a page.
func (r *renderer) content(kind string, p *Page) template.HTML {
	var buf bytes.Buffer
	if err := r.tmpl[kind].ExecuteTemplate(&buf, "content", p); err != nil {
		r.fail(fmt.Errorf("%s (print): %v", p.Path, err))
	}
	return template.HTML(buf.String())
}
