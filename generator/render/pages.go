package render

import (
	"context"
	"html/template"
	"slices"
	"strings"

	"github.com/accord-handbook/accord/generator/markdown"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/review"
	"github.com/accord-handbook/accord/generator/urls"
)

func (r *renderer) page(kind, p, title string, crumbs []Crumb, data any) *Page {
	return &Page{Path: p, Kind: kind, Title: title, Crumbs: crumbs, Data: data, Nav: r.nav, H: r.h, T: r.t, Extra: r.in.Extra, History: r.in.History, r: r}
}

// pageJob renders the page at path, on its own.
type pageJob struct {
	path string
	run  func(*renderer)
}

// ownPages lists the pages that each render on their own: the page of
// every source, the index and department pages. Site renders them all;
// Lazy renders one when it is asked for.
func (r *renderer) ownPages() []pageJob {
	jobs := []pageJob{
		{urls.Home, (*renderer).home}, {urls.RACI, (*renderer).raciPage}, {urls.Health, (*renderer).healthPage},
		{urls.Graphs, (*renderer).graphsPage}, {urls.Glossary, (*renderer).glossaryPage},
		{urls.Teams, (*renderer).teamsPage}, {urls.ModelJSON, (*renderer).modelJSON},
		{urls.Review, (*renderer).reviewPage},
	}
	for _, list := range []string{urls.Roles, urls.Workflows, urls.Policies} {
		jobs = append(jobs, pageJob{list, func(x *renderer) { x.listPage(list) }})
	}
	for _, ro := range r.h.Roles {
		jobs = append(jobs, pageJob{urls.Role(ro.ID), func(x *renderer) { x.role(ro) }})
	}
	for _, w := range r.h.Workflows {
		jobs = append(jobs, pageJob{urls.Workflow(w.ID), func(x *renderer) { x.workflow(w) }})
	}
	for _, pol := range r.h.Policies {
		jobs = append(jobs, pageJob{urls.Policy(pol.ID), func(x *renderer) { x.policy(pol) }})
	}
	for _, pg := range r.h.Pages {
		jobs = append(jobs, pageJob{urls.Page(pg.Path), func(x *renderer) { x.freePageJob(pg) }})
	}
	if r.h.PageByPath["index"] == nil {
		jobs = append(jobs, pageJob{urls.Pages, (*renderer).pagesIndex})
	}
	return jobs
}

// alone lists every page that renders on its own, in parallel with the
// others: Site renders them all first, Lazy one when it is asked for.
func (r *renderer) alone() []pageJob {
	return slices.Concat(r.ownPages(), r.redirects(), r.publishPages(), r.versionPages())
}

// bind makes jobs that render pages with r.
func (r *renderer) bind(pages []pageJob) []func() {
	jobs := make([]func(), len(pages))
	for i, j := range pages {
		jobs[i] = func() { j.run(r) }
	}
	return jobs
}

// pages renders every page in three waves. The pages that render alone
// (the page of each source, the index pages, the version pages) come
// first, in parallel; onboarding and print pages need every source's
// reading time, so they come next. The search index needs the documents of
// the first wave only: it is built beside the other two. Once ctx is done
// no wave starts.
func (r *renderer) pages(ctx context.Context) {
	r.nav = r.buildNav()
	r.parallel(ctx, r.bind(r.alone()))
	if ctx.Err() != nil {
		return // the search index would be of part of the pages
	}
	r.printing = true // from here on, pages are rendered for print: no graphs
	search := make(chan struct{})
	go func() {
		defer close(search)
		r.run(r.searchIndex)
	}()
	r.parallel(ctx, append(r.bind(r.onboarding()), r.printContent()...))
	r.parallel(ctx, r.bind(r.printPages()))
	<-search
}

// markdown renders a Markdown body of the source file src for the page at
// site path page: links become relative links to pages, ```dot blocks
// become graphs.
func (r *renderer) markdown(src string, body []byte, page string) template.HTML {
	resolve := func(dest string, image bool) (string, bool) {
		t, err := r.in.Links.Resolve(src, dest, image)
		if err != nil || t.External {
			return "", false
		}
		if t.Draft && !r.in.Drafts {
			return "", true // the site leaves the draft out: the link's text alone
		}
		if strings.HasPrefix(t.Site, "#") {
			return t.Site, true
		}
		return urls.Rel(page, t.Site), true
	}
	var dot func(markdown.DotBlock) ([]byte, bool)
	if r.in.Graphs != nil {
		dot = func(b markdown.DotBlock) ([]byte, bool) {
			svg, err := r.in.Graphs.UserDOT(b.Source)
			if err != nil {
				return nil, false // reported by the checks
			}
			return []byte(svg), true
		}
	}
	res, err := r.in.Markdown.RenderPage(body, markdown.Page{
		Resolve: resolve, DotSVG: dot, Glossary: r.glossary,
		GlossaryLink: func(i int) (string, string) {
			t := r.h.Terms[i]
			return urls.Rel(page, urls.Glossary+"#"+urls.TermID(t.Term)), t.Definition
		},
		Refs: !r.printing,
	})
	if err != nil {
		r.fail(err)
		return ""
	}
	if !r.printing {
		r.mu.Lock()
		if _, ok := r.parsed[src]; !ok {
			r.parsed[src] = res.Scanned()
		}
		r.mu.Unlock()
	}
	return template.HTML(res.HTML)
}

// graph calls a graph function and records its error.
func (r *renderer) graph(f func() (template.HTML, error)) template.HTML {
	if r.in.Graphs == nil || r.printing {
		return ""
	}
	svg, err := f()
	if err != nil {
		r.fail(err)
	}
	return svg
}

func (r *renderer) crumb(title, url string) Crumb { return Crumb{Title: title, URL: url} }

// HomeData is the home page.
type HomeData struct {
	Intro     *model.Page
	Teams     []TeamRoles
	Graph     template.HTML
	StepCount int
	Overdue   int // documents overdue for review
}

// TeamRoles is a team with its roles in display order.
type TeamRoles struct {
	Team  *model.Team
	Roles []*model.Role
}

func (r *renderer) teamRoles() []TeamRoles {
	var out []TeamRoles
	for _, t := range r.h.Teams {
		var roles []*model.Role
		for _, ro := range r.h.Roles {
			if ro.Team == t.ID {
				roles = append(roles, ro)
			}
		}
		out = append(out, TeamRoles{Team: t, Roles: r.order.Sort(roles)})
	}
	// Internal teams first, keeping teams.toml order within each kind.
	slices.SortStableFunc(out, func(a, b TeamRoles) int {
		if a.Team.External() == b.Team.External() {
			return 0
		}
		if b.Team.External() {
			return -1
		}
		return 1
	})
	return out
}

func (r *renderer) home() {
	d := HomeData{Intro: r.h.PageByPath["index"], Teams: r.teamRoles()}
	for _, w := range r.h.Workflows {
		d.StepCount += len(w.Steps)
	}
	for _, doc := range r.controlList() {
		if doc.Status == review.Overdue {
			d.Overdue++
		}
	}
	d.Graph = r.graph(func() (template.HTML, error) { return r.in.Graphs.Overview(urls.Home) })
	r.execute("home", r.page("home", urls.Home, r.h.Meta.Title, nil, d))
}

// ListData is an index page of one kind.
type ListData struct {
	Kind  string
	Teams []TeamRoles
	Intro template.HTML
}

func (r *renderer) home2crumbs(kind, url string) []Crumb {
	return []Crumb{r.crumb(r.t["home"], urls.Home), r.crumb(r.t[kind], url)}
}
