package render

import (
	"fmt"
	"path"
	"strings"
	"sync"

	"github.com/accord-handbook/accord/generator/urls"
)

// Lazy is a site whose pages are rendered when asked for. `accord serve`
// uses it so that a save reaches the browser after a check and the render
// of the one page being looked at, instead of after rendering every page.
//
// The pages of single sources, the index pages and the department pages
// are rendered on their own. The pages that gather the whole handbook
// (onboarding, print, search index, model.json) are rendered by rendering
// the whole site once, as Site does; so is a path that names no page.
// Get returns exactly the bytes Site would: TestLazy_sameAsSite checks it.
type Lazy struct {
	base   *renderer
	static map[string][]byte // theme files and assets, read at NewLazy

	mu    sync.Mutex
	out   map[string][]byte
	whole bool
	all   sync.Once
	errs  error
}

// NewLazy prepares a lazily rendered site. Sites with versions are not
// supported: render them with Site.
func NewLazy(in Input) (*Lazy, error) {
	if in.Versions != nil {
		return nil, fmt.Errorf("render: a versioned site cannot be rendered lazily")
	}
	r, err := newRenderer(in)
	if err != nil {
		return nil, err
	}
	r.nav = r.buildNav()
	// Theme files and assets are read now: the handbook's folder may be
	// closed (or changed) by the time a page asks for them.
	if err := r.static(); err != nil {
		return nil, err
	}
	l := &Lazy{base: r, out: map[string][]byte{}, static: map[string][]byte{}}
	for _, f := range r.files {
		l.static[f.Path] = f.Data
	}
	r.files = nil
	return l, nil
}

// Get returns the file at site path p, rendering it if needed. ok is false
// when the site has no such file; err reports a page that failed to render.
func (l *Lazy) Get(p string) (data []byte, ok bool, err error) {
	l.mu.Lock()
	data, ok = l.out[p]
	l.mu.Unlock()
	if ok {
		return data, true, nil
	}
	if b, ok := l.static[p]; ok {
		return b, true, nil
	}
	if job := l.base.jobFor(p); job != nil {
		r := l.base.fork()
		r.run(func() { job(r) })
		if err := r.err(); err != nil {
			return nil, false, err
		}
		l.mu.Lock()
		for _, f := range r.files {
			l.out[f.Path] = f.Data
		}
		data, ok = l.out[p]
		l.mu.Unlock()
		if ok {
			return data, true, nil
		}
	}
	if err := l.All(); err != nil {
		return nil, false, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	data, ok = l.out[p]
	return data, ok, nil
}

// Whole reports whether the whole site has been rendered.
func (l *Lazy) Whole() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.whole
}

// All renders every page not rendered yet (the whole site, once).
func (l *Lazy) All() error {
	l.all.Do(func() {
		r := l.base.fork()
		r.pages()
		for p, b := range l.static {
			r.add(p, b)
		}
		if l.errs = r.err(); l.errs != nil {
			return
		}
		l.mu.Lock()
		defer l.mu.Unlock()
		l.whole = true
		for _, f := range r.files {
			if _, done := l.out[f.Path]; !done {
				l.out[f.Path] = f.Data
			}
		}
	})
	return l.errs
}

// fork returns a renderer that shares the read-only parts of r (templates,
// sidebar cache, glossary) and has its own results.
func (r *renderer) fork() *renderer {
	return &renderer{in: r.in, h: r.h, t: r.t, tmpl: r.tmpl, nav: r.nav, glossary: r.glossary,
		navHTML: r.navHTML, ix: r.ix, minutes: map[string]int{}}
}

// jobFor returns the job that renders the page at p on its own, or nil
// when p is not such a page.
func (r *renderer) jobFor(p string) func(*renderer) {
	switch p {
	case urls.Home:
		return (*renderer).home
	case urls.RACI:
		return (*renderer).raciPage
	case urls.Health:
		return (*renderer).healthPage
	case urls.Graphs:
		return (*renderer).graphsPage
	case urls.Glossary:
		return (*renderer).glossaryPage
	case urls.Teams:
		return (*renderer).teamsPage
	case urls.Roles, urls.Workflows, urls.Policies:
		return func(x *renderer) { x.listPage(p) }
	}
	dir, file := path.Split(p)
	id, isHTML := strings.CutSuffix(file, ".html")
	if !isHTML {
		return nil
	}
	switch dir {
	case "roles/":
		if ro := r.h.RoleByID[id]; ro != nil {
			return func(x *renderer) { x.role(ro) }
		}
	case "workflows/":
		if w := r.h.WorkflowByID[id]; w != nil {
			return func(x *renderer) { x.workflow(w) }
		}
	case "policies/":
		if pol := r.h.PolicyByID[id]; pol != nil {
			return func(x *renderer) { x.policy(pol) }
		}
	}
	if rest, ok := strings.CutPrefix(p, "pages/"); ok {
		if pg := r.h.PageByPath[strings.TrimSuffix(rest, ".html")]; pg != nil {
			return func(x *renderer) { x.freePageJob(pg) }
		}
	}
	return nil
}
