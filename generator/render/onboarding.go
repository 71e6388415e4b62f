package render

import (
	"bytes"
	"fmt"
	"html/template"
	"math"
	"slices"
	"strings"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/raci"
	"github.com/accord-handbook/accord/generator/search"
	"github.com/accord-handbook/accord/generator/urls"
)

// measure records how long a source of plain texts (a workflow) takes to
// read, for reading lists; a Markdown body is measured by indexBody.
func (r *renderer) measure(key string, text ...string) {
	// One Join, not += in a loop: a workflow of 10,000 steps passes 30,000
	// texts, and appending them one by one copied the whole so far each
	// time.
	chars, words := search.ReadingUnits(strings.Join(text, " "))
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

// onboarding lists the "new here?" page of every internal role.
func (r *renderer) onboarding() []pageJob {
	var jobs []pageJob
	for _, ro := range r.h.Roles {
		if t := r.h.TeamByID[ro.Team]; t == nil || !t.External() {
			jobs = append(jobs, pageJob{urls.Onboarding(ro.ID), func(x *renderer) { x.onboardingPage(ro) }})
		}
	}
	return jobs
}

func (r *renderer) onboardingPage(ro *model.Role) {
	site := urls.Onboarding(ro.ID)
	d := OnboardingData{Role: ro, Neighbours: r.ix.Neighbours(ro.ID), StorageKey: "accord-onboarding:" + r.h.Meta.Title + ":" + ro.ID}
	d.Assignments, d.Counts = r.ix.ForRole(ro.ID)
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

// Print pages all live in print/, so the content of a source renders the
// same for every one of them (its links are relative to that folder): each
// source is rendered once for print, and the booklets and the whole-handbook
// page are put together from those pieces. Graphs are left out of print
// pages (r.printing): their links are made for the page they sit on.

// printSources returns the source keys of every page that print pages hold,
// in reading order: introduction, roles in department order, workflows,
// policies, other pages.
func (r *renderer) printSources() []string {
	var keys []string
	if r.h.PageByPath["index"] != nil {
		keys = append(keys, "pages/index")
	}
	for _, ro := range r.order.Roles() {
		keys = append(keys, "roles/"+ro.ID)
	}
	for _, w := range r.h.Workflows {
		keys = append(keys, "workflows/"+w.ID)
	}
	for _, pol := range r.h.Policies {
		keys = append(keys, "policies/"+pol.ID)
	}
	for _, pg := range r.h.Pages {
		if pg.Path != "index" {
			keys = append(keys, "pages/"+pg.Path)
		}
	}
	return keys
}

// printContent returns the jobs that render each source's content for print.
func (r *renderer) printContent() []func() {
	keys := r.printSources()
	if !printsAll(r.h) {
		// Only the booklets: each role and its reading list.
		need := map[string]bool{}
		for _, ro := range r.h.Roles {
			need["roles/"+ro.ID] = true
			for _, k := range ro.Onboarding {
				need[k] = true
			}
		}
		keys = slices.DeleteFunc(keys, func(k string) bool { return !need[k] })
	}
	r.printed = make(map[string]template.HTML, len(keys))
	jobs := make([]func(), 0, len(keys))
	for _, key := range keys {
		jobs = append(jobs, func() {
			html, ok := r.sourceContent(key, urls.PrintAll)
			if ok {
				html = scopeIDs(html, key+":")
				r.mu.Lock()
				r.printed[key] = html
				r.mu.Unlock()
			}
		})
	}
	return jobs
}

// printsAll reports whether the site of h has the whole handbook on one page.
func printsAll(h *model.Handbook) bool {
	return len(h.Roles)+len(h.Workflows)+len(h.Policies)+len(h.Pages) <= printLimit
}

// printPages lists the print pages, assembled from what printContent
// rendered: the whole handbook on one page when it is not too large, and
// every role's booklet.
func (r *renderer) printPages() []pageJob {
	var jobs []pageJob
	if printsAll(r.h) {
		jobs = append(jobs, pageJob{urls.PrintAll, (*renderer).printAll})
	}
	for _, ro := range r.h.Roles {
		jobs = append(jobs, pageJob{urls.PrintRole(ro.ID), func(x *renderer) { x.booklet(ro) }})
	}
	return jobs
}

func (r *renderer) printAll() {
	var secs []template.HTML
	for _, key := range r.printSources() {
		secs = append(secs, r.printed[key])
	}
	r.execute("print", r.page("print", urls.PrintAll, r.t["printAll"], nil, PrintData{secs}))
}

func (r *renderer) booklet(ro *model.Role) {
	own := "roles/" + ro.ID
	secs := []template.HTML{r.printed[own]}
	for _, key := range ro.Onboarding {
		// A role that lists its own page to read has it once: twice would
		// repeat its ids.
		if sec, ok := r.printed[key]; ok && key != own {
			secs = append(secs, sec)
		}
	}
	r.execute("print", r.page("print", urls.PrintRole(ro.ID), fmt.Sprintf(r.t["booklet"], ro.Name), nil, PrintData{secs}))
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
