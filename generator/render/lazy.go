package render

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"github.com/accord-handbook/accord/generator/markdown"
	"github.com/accord-handbook/accord/generator/site"
)

// Lazy is a site whose pages are rendered when asked for. `accord serve`
// uses it so that a save reaches the browser after a check and the render
// of the one page being looked at, instead of after rendering every page.
//
// The pages that render alone (alone: the page of each source, the index,
// department and version pages) are rendered alone, by the same job Site
// runs. The pages that gather the whole handbook (onboarding, print, the
// search index) are rendered by rendering the whole version once, as Site
// does; so is a path that names no page. In a versioned site every earlier
// version is a Lazy of its own under v/<slug>/, made when one of its files
// is first asked for. TestLazy_sameAsSite checks that Get returns exactly
// the bytes Site would.
type Lazy struct {
	base   *renderer
	jobs   map[string]pageJob
	static map[string][]byte // theme files, and the assets of a current version, read at NewLazy
	// assets are an earlier version's, read when asked for: its sources
	// stay as they are while its site is served (a session reads a
	// version again into a new site when they change), and reading them
	// all from git would take a process each.
	assets  map[string]bool
	earlier []*mount

	mu    sync.Mutex
	out   map[string][]byte
	whole bool
	all   sync.Once
	errs  error
}

// mount is an earlier version of a versioned site, served under dir.
type mount struct {
	dir string // v/<slug>/
	in  Input

	mu   sync.Mutex
	site *Lazy
	err  error
}

// NewLazy prepares a lazily rendered site: the version in.History names,
// or a site without versions. earlier are the inputs of the other
// versions when in is the current version of a versioned site, oldest
// first as in.History lists them, each placed by its own History; they
// are served under v/<slug>/.
func NewLazy(in Input, earlier []Input) (*Lazy, error) {
	if vs := in.History; len(earlier) > 0 && (vs == nil || !vs.isCurrent() || len(earlier) != len(vs.List)-1) {
		return nil, fmt.Errorf("render: %d earlier versions do not match the history of the current version", len(earlier))
	}
	l, err := newLazy(in)
	if err != nil {
		return nil, err
	}
	for i, e := range earlier {
		if e.History == nil || e.History.Self != i {
			return nil, fmt.Errorf("render: earlier version %d is not placed in the history", i)
		}
		l.earlier = append(l.earlier, &mount{dir: VersionDir(in.History.List[i].Slug), in: e})
	}
	return l, nil
}

// newLazy prepares the lazily rendered site of one version.
func newLazy(in Input) (*Lazy, error) {
	var static site.Memory
	r, err := newRenderer(in, &static)
	if err != nil {
		return nil, err
	}
	r.nav = r.buildNav()
	l := &Lazy{base: r, jobs: map[string]pageJob{}, out: map[string][]byte{}, static: map[string][]byte{}, assets: map[string]bool{}}
	// Theme files and the current sources' assets are read now: the
	// handbook's folder may be closed (or changed) by the time a page
	// asks for them.
	if err := r.theme(); err != nil {
		return nil, err
	}
	if in.History == nil || in.History.isCurrent() {
		if err := r.assets(context.Background()); err != nil {
			return nil, err
		}
	} else {
		for _, a := range r.h.Assets {
			l.assets[a] = true
		}
	}
	for _, f := range static.Files() {
		l.static[f.Path] = f.Data
	}
	for _, j := range r.alone() {
		l.jobs[j.path] = j
	}
	return l, nil
}

// Get returns the file at site path p, rendering it if needed. ok is false
// when the site has no such file; err reports a page that failed to render.
func (l *Lazy) Get(p string) (data []byte, ok bool, err error) {
	for _, m := range l.earlier {
		if rest, found := strings.CutPrefix(p, m.dir); found {
			v, err := m.lazy()
			if err != nil {
				return nil, false, err
			}
			return v.Get(rest)
		}
	}
	l.mu.Lock()
	data, ok = l.out[p]
	l.mu.Unlock()
	if ok {
		return data, true, nil
	}
	if b, ok := l.static[p]; ok {
		return b, true, nil
	}
	if l.assets[p] {
		b, err := fs.ReadFile(l.base.in.Source, p)
		if err != nil {
			return nil, false, fmt.Errorf("%s: %w", p, err)
		}
		l.keep(site.File{Path: p, Data: b})
		return b, true, nil
	}
	if job, found := l.jobs[p]; found {
		var out site.Memory
		r := l.base.fork(&out)
		r.run(func() { job.run(r) })
		if err := r.err(); err != nil {
			return nil, false, err
		}
		l.keep(out.Files()...)
		l.mu.Lock()
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

// keep adds rendered files, keeping those rendered before.
func (l *Lazy) keep(files ...site.File) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, f := range files {
		if _, done := l.out[f.Path]; !done {
			l.out[f.Path] = f.Data
		}
	}
}

// lazy returns the site of the earlier version, making it on first use.
func (m *mount) lazy() (*Lazy, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.site == nil && m.err == nil {
		m.site, m.err = newLazy(m.in)
	}
	return m.site, m.err
}

// Whole reports whether a version of the site has been rendered whole,
// for a page that gathers every page of it, or a path that names none.
func (l *Lazy) Whole() bool {
	for _, m := range l.earlier {
		m.mu.Lock()
		v := m.site
		m.mu.Unlock()
		if v != nil && v.Whole() {
			return true
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.whole
}

// All renders every page of the version not rendered yet (the whole
// version, once).
func (l *Lazy) All() error {
	l.all.Do(func() {
		var out site.Memory
		r := l.base.fork(&out)
		r.pages(context.Background()) // a page of the dev server needs them all
		if l.errs = r.err(); l.errs != nil {
			return
		}
		l.keep(out.Files()...)
		l.mu.Lock()
		l.whole = true
		l.mu.Unlock()
	})
	return l.errs
}

// fork returns a renderer that shares the read-only parts of r (templates,
// sidebar cache, glossary) and has its own results, written to out.
func (r *renderer) fork(out site.Output) *renderer {
	return &renderer{in: r.in, out: out, parsed: map[string]markdown.Scanned{}, h: r.h, t: r.t, tmpl: r.tmpl, nav: r.nav,
		glossary: r.glossary, navHTML: r.navHTML, order: r.order, ix: r.ix, reports: r.reports, minutes: map[string]int{}, ownSkeleton: r.ownSkeleton, ownPageContent: r.ownPageContent}
}
