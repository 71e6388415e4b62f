// Package render turns a checked handbook into the files of the site: HTML
// pages from html/template over the templates/ folder (embedded, overridable
// file by file), the theme's static files, copied assets and model.json.
// It hands each file to a site.Output as it is made (Site) or on request
// (Lazy); where the files go, disk or memory, is the Output's business.
package render

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/accord-handbook/accord/generator/i18n"
	"github.com/accord-handbook/accord/generator/links"
	"github.com/accord-handbook/accord/generator/markdown"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/raci"
	"github.com/accord-handbook/accord/generator/review"
	"github.com/accord-handbook/accord/generator/search"
	"github.com/accord-handbook/accord/generator/site"
	"github.com/accord-handbook/accord/generator/urls"
)

// Input is what rendering needs; every field but Graphs is required.
type Input struct {
	Handbook  *model.Handbook
	Markdown  *markdown.Renderer
	Links     *links.Table
	Source    fs.FS // the handbook folder, for assets
	Templates fs.FS // page templates (embedded defaults overlaid by the handbook's)
	Theme     fs.FS // static theme files, copied under urls.ThemeDir
	Graphs    Graphs
	// BaseURL is the site's address on the intranet, ending in "/", or "":
	// with it pages name their canonical address and there is a sitemap.
	BaseURL string
	// AsOf is the date documents are due or overdue as of.
	AsOf model.Date
	// Drafts says that drafts are published (accord serve), under a
	// banner; without it Handbook has none, and links to them (Links
	// knows them) are written as their text.
	Drafts bool
	// Extra is HTML inserted at the end of every page's body: the live-reload
	// script of `accord serve`. Never set by `accord build`.
	Extra template.HTML
	// History places this render in a versioned site (versions.go); nil
	// for a site without earlier versions.
	History *History
}

// Result is what a render found besides its files.
type Result struct {
	// Parsed holds, by source path, the links, ```dot blocks and heading
	// ids of each Markdown source as its page's parse found them: the
	// checks take them instead of parsing every source a second time.
	Parsed map[string]markdown.Scanned
	Stats  Stats
}

// Graphs supplies the SVG of each graph, already safe to inline. A nil
// Graphs renders pages without graphs.
type Graphs interface {
	// Overview is the department at a glance, for the home page;
	// Department draws every link, for graphs.html.
	Overview(page string) (template.HTML, error)
	Department(page string) (template.HTML, error)
	OrgChart(page string) (template.HTML, error)
	Workflow(w *model.Workflow, page string) (template.HTML, error)
	Neighbourhood(role string, page string) (template.HTML, error)
	// UserDOT renders a ```dot block of a Markdown source.
	UserDOT(src string) (template.HTML, error)
}

// Site renders every file of the site into out. When ctx ends (Ctrl-C) it
// starts no more pages and returns ctx's error once those under way are
// done: out then holds part of the site, which the caller throws away.
func Site(ctx context.Context, in Input, out site.Output) (Result, error) {
	r, err := newRenderer(in, out)
	if err != nil {
		return Result{}, err
	}
	r.pages(ctx)
	res := Result{Parsed: r.parsed, Stats: r.stats}
	if err := ctx.Err(); err != nil {
		return res, err // the errors so far are of a site cut short
	}
	if err := r.err(); err != nil {
		return res, err
	}
	if err := r.static(ctx); err != nil {
		return res, err
	}
	return res, r.err() // a theme file or asset the output refused
}

type renderer struct {
	// mu guards errs, unwritten, docs, parsed and minutes: pages render
	// in parallel.
	mu   sync.Mutex
	in   Input
	out  site.Output
	h    *model.Handbook
	t    map[string]string
	tmpl map[string]*template.Template
	nav  *Nav
	errs []error
	// unwritten are the files the output refused (errors.go).
	unwritten []unwritten
	docs      []search.Doc
	parsed    map[string]markdown.Scanned
	stats     Stats
	// minutes is the reading time of each source key, for reading lists.
	minutes  map[string]int
	printing bool
	printed  map[string]template.HTML // source key -> its content for print/
	navHTML  *navCache
	glossary *markdown.Glossary
	order    *raci.Order              // the display order of roles, computed once
	ix       *raci.Index              // every role's assignments, computed once
	reports  map[string][]*model.Role // role id -> direct reports, in role order
	sizes    pageSizes
	// ctl is every document's control, by key, computed once (control.go).
	ctlOnce sync.Once
	ctlList []review.Document
	ctl     map[string]*review.Document
	// ownSkeleton, ownPageContent: the handbook's templates/base.html
	// writes the page skeleton, its page.html a free page's content, not
	// skeleton.go.
	ownSkeleton, ownPageContent bool
}

// Stats reports figures of a render for --verbose.
type Stats struct {
	SearchDocs, SearchTerms, SearchBytes int
}

var pageTemplates = []string{"home", "role", "workflow", "policy", "page", "list", "raci", "health", "glossary", "teams", "search", "onboarding", "print", "graphs", "versions", "changes", "review", "acknowledge"}

func newRenderer(in Input, out site.Output) (*renderer, error) {
	r := &renderer{in: in, out: out, parsed: map[string]markdown.Scanned{}, h: in.Handbook, t: i18n.Strings(in.Handbook.Meta.Language, in.Handbook.Meta.Labels), tmpl: map[string]*template.Template{}, minutes: map[string]int{}, navHTML: &navCache{m: map[string]string{}, chrome: map[string]string{}}, order: raci.NewOrder(in.Handbook)}
	r.ix = raci.NewIndex(in.Handbook, r.order)
	r.reports = directReports(in.Handbook)
	var words [][]string
	for _, t := range in.Handbook.Terms {
		words = append(words, append([]string{t.Term}, t.Aliases...))
	}
	if len(words) > 0 {
		var names []string
		for _, ro := range in.Handbook.Roles {
			names = append(names, ro.Name)
		}
		for _, t := range in.Handbook.Teams {
			names = append(names, t.Name)
		}
		r.glossary = markdown.NewGlossary(words, names...)
	}
	base, err := r.parse(template.New("chrome.html").Funcs(funcs), "chrome.html")
	if err != nil {
		return nil, err
	}
	if base, err = r.parse(base, "version-parts.html"); err != nil {
		return nil, err
	}
	if base, err = r.parse(base, "nav.html"); err != nil {
		return nil, err
	}
	if _, err := fs.Stat(in.Templates, "base.html"); err == nil {
		// The handbook brings a page skeleton of its own.
		if _, err = r.parse(base.New("base.html"), "base.html"); err != nil {
			return nil, err
		}
		r.ownSkeleton = true
	}
	for _, name := range pageTemplates {
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if name == "page" {
			// A free page's content is written by skeleton.go unless
			// the handbook brings a page.html.
			if _, err := fs.Stat(in.Templates, "page.html"); err != nil {
				if _, err := t.New("content").Parse("{{.PageContent}}"); err != nil {
					return nil, err
				}
				r.tmpl[name] = t
				continue
			}
			r.ownPageContent = true
		}
		if t, err = r.parse(t, name+".html"); err != nil {
			return nil, err
		}
		r.tmpl[name] = t
	}
	return r, nil
}

func (r *renderer) parse(t *template.Template, name string) (*template.Template, error) {
	b, err := fs.ReadFile(r.in.Templates, name)
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	t, err = t.Parse(string(b))
	if err != nil {
		return nil, fmt.Errorf("template %v", err)
	}
	return t, nil
}

// sidebar renders the navigation for pages in folder dir, once: every page
// of a folder has the same one, and it is a third of a page's cost.
func (r *renderer) sidebar(dir string) string {
	c := r.navHTML
	c.mu.Lock()
	html, ok := c.m[dir]
	c.mu.Unlock()
	if ok {
		return html
	}
	var buf bytes.Buffer
	p := &Page{Path: path.Join(dir, "_"), Nav: r.nav, H: r.h, T: r.t}
	if err := r.tmpl["home"].ExecuteTemplate(&buf, "nav", p); err != nil {
		r.fail(fmt.Errorf("sidebar: %v", err))
	}
	c.mu.Lock()
	c.m[dir] = buf.String()
	c.mu.Unlock()
	return buf.String()
}

// navCache holds the sidebar of each folder; renderers forked for lazy
// rendering share it.
type navCache struct {
	mu     sync.Mutex
	m      map[string]string
	chrome map[string]string // see Page.Chrome
}

// parallel runs jobs on a bounded pool of workers, one per CPU: Markdown
// and templates are CPU work, and graph layouts come from a cache or run
// in Graphviz worker processes (a pool of their own) while the job waits.
//
// A panic in a job becomes an error of the render instead of ending the
// process: `accord serve` must outlive any page. Once ctx is done no job
// starts; those under way finish.
func (r *renderer) parallel(ctx context.Context, jobs []func()) {
	workers := min(runtime.GOMAXPROCS(0), len(jobs))
	next := make(chan func())
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for job := range next {
				r.run(job)
			}
		}()
	}
feed:
	for _, j := range jobs {
		if ctx.Err() != nil {
			break // select below picks at random when both are ready
		}
		select {
		case next <- j:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
}

func (r *renderer) run(job func()) {
	defer func() {
		if p := recover(); p != nil {
			r.fail(fmt.Errorf("internal error while rendering (please report it): %v\n%s", p, debug.Stack()))
		}
	}()
	job()
}

// execute renders one page with its template.
func (r *renderer) execute(kind string, p *Page) {
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer putPageBuffer(buf)
	// Pages of a kind are of a size: starting at the last one's size saves
	// the buffer's doublings, which were a fifth of a large build's
	// allocations.
	hint := r.sizes.hint(kind)
	buf.Grow(hint)
	var err error
	if r.ownSkeleton {
		err = r.tmpl[kind].ExecuteTemplate(buf, "base.html", p)
	} else {
		err = r.writeSkeleton(buf, kind, p)
	}
	if err != nil {
		r.fail(fmt.Errorf("%s: %v", p.Path, err))
		return
	}
	r.sizes.record(kind, buf.Len())
	r.add(p.Path, buf.Bytes())
}

// pageBuffers hold pages until the output has them (site.Output.Add keeps
// no buffer): a buffer per page was much of what a large build allocated.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// putPageBuffer keeps buf for the next page unless it grew past what pages
// usually need (a department RACI page can be megabytes).
func putPageBuffer(buf *bytes.Buffer) {
	if buf.Cap() <= 1<<20 {
		buf.Reset()
		pageBuffers.Put(buf)
	}
}

// pageSizes remembers the size of the last page of each kind.
type pageSizes struct {
	mu sync.Mutex
	m  map[string]int
}

func (s *pageSizes) hint(kind string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if n, ok := s.m[kind]; ok {
		return n + n/8
	}
	return 16 << 10
}

func (s *pageSizes) record(kind string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[string]int{}
	}
	s.m[kind] = n
}

// static copies the theme and the handbook's assets.
func (r *renderer) static(ctx context.Context) error {
	if err := r.theme(); err != nil {
		return err
	}
	return r.assets(ctx)
}

// theme copies the theme's files under urls.ThemeDir.
func (r *renderer) theme() error {
	err := fs.WalkDir(r.in.Theme, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			if _, serr := fs.Stat(r.in.Theme, path.Join(p, urls.Marker)); serr == nil {
				return fs.SkipDir // a site written into theme/: not a theme file
			}
		}
		if err != nil || d.IsDir() || path.Ext(p) == ".go" {
			return err
		}
		b, err := fs.ReadFile(r.in.Theme, p)
		if err != nil {
			return err
		}
		r.add(urls.ThemeDir+"/"+p, b)
		return nil
	})
	if err != nil {
		return fmt.Errorf("theme: %w", err)
	}
	return nil
}

// assets copies the handbook's assets; there may be many, and large ones,
// so ctx is checked before each.
func (r *renderer) assets(ctx context.Context) error {
	for _, a := range r.h.Assets {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, err := fs.ReadFile(r.in.Source, a)
		if err != nil {
			return fmt.Errorf("%s: %w", a, err)
		}
		r.add(a, b)
	}
	return nil
}
