package render

import (
	"context"
	"fmt"
	"sync"

	"github.com/accord-handbook/accord/generator/markdown"
	"github.com/accord-handbook/accord/generator/site"
)

// Lazy is a site whose pages are rendered when asked for. `accord serve`
// uses it so that a save reaches the browser after a check and the render
// of the one page being looked at, instead of after rendering every page.
//
// The pages that render on their own (ownPages: the page of each source,
// the index and department pages) are rendered alone, by the same job Site
// runs. The pages that gather the whole handbook (onboarding, print, the
// search index) are rendered by rendering the whole site once, as Site
// does; so is a path that names no page. TestLazy_sameAsSite checks that
// Get returns exactly the bytes Site would.
type Lazy struct {
	base   *renderer
	jobs   map[string]pageJob
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
	if in.History != nil {
		return nil, fmt.Errorf("render: a versioned site cannot be rendered lazily")
	}
	var static site.Memory
	r, err := newRenderer(in, &static)
	if err != nil {
		return nil, err
	}
	r.nav = r.buildNav()
	// Theme files and assets are read now: the handbook's folder may be
	// closed (or changed) by the time a page asks for them.
	if err := r.static(context.Background()); err != nil {
		return nil, err
	}
	l := &Lazy{base: r, jobs: map[string]pageJob{}, out: map[string][]byte{}, static: map[string][]byte{}}
	for _, f := range static.Files() {
		l.static[f.Path] = f.Data
	}
	for _, j := range append(r.ownPages(), append(r.redirects(), r.publishPages()...)...) {
		l.jobs[j.path] = j
	}
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
	if job, found := l.jobs[p]; found {
		var out site.Memory
		r := l.base.fork(&out)
		r.run(func() { job.run(r) })
		if err := r.err(); err != nil {
			return nil, false, err
		}
		l.mu.Lock()
		for _, f := range out.Files() {
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
		var out site.Memory
		r := l.base.fork(&out)
		r.pages(context.Background()) // a page of the dev server needs them all
		if l.errs = r.err(); l.errs != nil {
			return
		}
		l.mu.Lock()
		defer l.mu.Unlock()
		l.whole = true
		for _, f := range out.Files() {
			if _, done := l.out[f.Path]; !done {
				l.out[f.Path] = f.Data
			}
		}
	})
	return l.errs
}

// fork returns a renderer that shares the read-only parts of r (templates,
// sidebar cache, glossary) and has its own results, written to out.
func (r *renderer) fork(out site.Output) *renderer {
	return &renderer{in: r.in, out: out, parsed: map[string]markdown.Scanned{}, h: r.h, t: r.t, tmpl: r.tmpl, nav: r.nav,
		glossary: r.glossary, navHTML: r.navHTML, order: r.order, ix: r.ix, reports: r.reports, minutes: map[string]int{}, ownSkeleton: r.ownSkeleton, ownPageContent: r.ownPageContent}
}
