package generator

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/accord-handbook/accord/generator/figures"
	"github.com/accord-handbook/accord/generator/graphviz"
	"github.com/accord-handbook/accord/generator/markdown"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/render"
	"github.com/accord-handbook/accord/generator/rootfs"
	"github.com/accord-handbook/accord/generator/site"
	"github.com/accord-handbook/accord/generator/urls"
	"github.com/accord-handbook/accord/generator/versions"
	"github.com/accord-handbook/accord/templates"
	theme "github.com/accord-handbook/accord/themes/default"
)

// Options configure a build.
type Options struct {
	Dir  string // handbook folder
	Name string // how Dir is shown in messages; defaults to Dir
	Out  string // output folder, replaced atomically
	// Force builds even when Out is up to date (see Build).
	Force bool
}

// Result reports what a build did.
type Result struct {
	// SearchIndexBytes is the size of the search index of the current version.
	SearchIndexBytes int
	Checked          *Checked
	Graphs           graphviz.Stats
	Files            int
	Bytes            int64
	Duration         time.Duration
	// UpToDate says that Out already held the site of these sources, as
	// written, so nothing was rendered (Bytes and SearchIndexBytes are 0).
	UpToDate bool
	// Stages is where the time went, in order, for --verbose.
	Stages []Stage
}

// Stage is one step of a build and the time it took.
type Stage struct {
	Name string
	Took time.Duration
}

// stages times a build's steps one after the other.
type stages struct {
	list []Stage
	last time.Time
}

func (s *stages) done(name string) {
	now := time.Now()
	if s.last.IsZero() {
		s.last = now
		return
	}
	s.list = append(s.list, Stage{name, now.Sub(s.last)})
	s.last = now
}

// Build compiles the handbook in opts.Dir into opts.Out. When the handbook
// has errors nothing is written and the error is a *source.ListError; the
// diagnostics (warnings too) are in Result.Checked.Diags either way.
//
// Pages go to disk as they are rendered (site.Writer), into a folder that
// replaces opts.Out only when the whole build succeeded: a build holds one
// page per worker in memory, not the site.
func Build(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	gr := graphviz.New(graphviz.DefaultCacheDir())
	defer gr.Close()
	res := &Result{}
	defer func() { res.Graphs = gr.Stats() }()
	// Like make: when the sources, the handbook's templates and theme and
	// accord itself are what the site in Out was built from, and its files
	// are as they were written, the same bytes would be written again. The
	// handbook is still checked in full, so its warnings are reported.
	//
	// The handbook's files are hashed as the check reads them (inputs.wrap)
	// and listed beside it: the digest is of the bytes the site is built
	// from, so a file saved, added or removed while the build runs makes
	// the next build differ from the record, never match it with a site of
	// older text (see inputs).
	var st stages
	st.done("")
	defer func() { res.Stages = st.list }()
	record := buildRecord(opts.Out)
	var ins *inputs
	if record != "" {
		ins = listInputs(opts.Dir, opts.Out)
	}
	p, err := prepare(ctx, opts, CompileOptions{Graphs: gr, inputs: ins}, true)
	st.done("check")
	defer p.close()
	res.Checked = p.c
	if err != nil {
		return res, err
	}
	digest := ""
	if ins != nil {
		digest, _ = ins.digest() // unreadable or torn: build, and record nothing
	}
	files, upToDate := 0, false
	if !opts.Force && site.HasRecord(record) {
		files, upToDate = site.UpToDate(record, opts.Out, digest)
	}
	st.done("digest")
	versioned := versions.Configured(p.c.Handbook.Meta)
	if upToDate && !versioned {
		// Nothing renders, so the checks left for the render run here.
		if !p.c.refused() {
			p.c.finish()
		}
		if err := p.c.Diags.Err(); err != nil {
			return res, err
		}
		site.Tidy(opts.Out)
		res.Files, res.UpToDate, res.Duration = files, true, time.Since(start)
		return res, nil
	}
	w, err := site.Create(opts.Out)
	if err != nil {
		return res, err
	}
	defer w.Abort()
	p.in.Sink, p.in.Create = w.Add, w.CreateFile
	if _, err := p.render(ctx, opts, nil, &st); err != nil {
		return res, err
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	if !versioned {
		// A versioned site also depends on git history and other folders,
		// which the digest does not cover: it is always rebuilt.
		w.Record(record, digest)
	}
	if err := w.Commit(); err != nil {
		return res, err
	}
	st.done("swap")
	res.Files, res.Bytes, res.SearchIndexBytes = w.Files(), w.Bytes(), int(w.Size(urls.SearchIndex))
	res.Duration = time.Since(start)
	return res, nil
}

// buildRecord is where the last build into out is recorded (see
// site.UpToDate): under the user's cache folder, named by out's absolute
// path; "" when there is no cache folder.
func buildRecord(out string) string {
	dir, err := os.UserCacheDir()
	abs, aerr := filepath.Abs(out)
	if err != nil || aerr != nil {
		return ""
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(dir, "accord", "builds", hex.EncodeToString(sum[:16]))
}

// CompileOptions are what differs between a published build and a served one.
type CompileOptions struct {
	// Extra is HTML added at the end of every page (serve's reload script).
	Extra template.HTML
	// Markdown, when set, keeps rendered Markdown between compiles: a watch
	// session passes the same cache to every rebuild.
	Markdown *markdown.Cache
	// Graphs lays out the graphs; a watch session keeps one for every
	// rebuild. Nil makes one for this compile, caching under the user's
	// cache folder.
	Graphs *graphviz.Renderer
	// NoGraphs renders pages without graphs (golden tests of the markup).
	NoGraphs bool
	// inputs, when set, hashes what the check reads (Build's digest).
	inputs *inputs
}

// Compile checks and renders the handbook in opts.Dir into files in memory,
// without writing anything. opts.Out is ignored.
func Compile(ctx context.Context, opts Options, co CompileOptions) ([]render.File, *Checked, error) {
	p, err := prepare(ctx, opts, co, true)
	defer p.close()
	if err != nil {
		return nil, p.c, err
	}
	files, err := p.render(ctx, opts, co.Markdown, nil)
	return files, p.c, err
}

// render renders the prepared handbook and runs the link checks deferred
// to it (see check). cache, when set, forgets what this render did not use.
func (p *prepared) render(ctx context.Context, opts Options, cache *markdown.Cache, st *stages) ([]render.File, error) {
	if st == nil {
		st = &stages{}
	}
	files, err := renderVersions(ctx, opts.Dir, p.name, p.c, p.in)
	st.done("render and write")
	if err != nil && p.c.refused() {
		return nil, p.c.Diags.Err()
	}
	if p.c.pending != nil {
		p.c.finish()
		st.done("links")
		if lerr := p.c.Diags.Err(); lerr != nil && err == nil {
			files, err = nil, lerr
		}
	}
	if err == nil && cache != nil {
		cache.Sweep()
	}
	return files, err
}

// CompileLazy checks the handbook like Compile but renders nothing yet: the
// returned site renders each page when asked (accord serve). It returns a
// nil site, and no error, for a handbook with earlier versions, which only
// Compile renders. The site draws graphs after CompileLazy returns, so it
// cannot own a graph renderer: co.Graphs must be set, or co.NoGraphs.
func CompileLazy(ctx context.Context, opts Options, co CompileOptions) (*render.Lazy, *Checked, error) {
	if co.Graphs == nil && !co.NoGraphs {
		return nil, nil, fmt.Errorf("CompileLazy: set CompileOptions.Graphs (the renderer outlives this call) or NoGraphs")
	}
	p, err := prepare(ctx, opts, co, false)
	defer p.close()
	if err != nil || versions.Configured(p.c.Handbook.Meta) {
		return nil, p.c, err
	}
	lazy, err := render.NewLazy(p.in)
	return lazy, p.c, err
}

// prepared is a checked handbook ready to render.
type prepared struct {
	name  string
	c     *Checked
	in    render.Input
	close func()
}

// prepare checks the handbook and assembles what rendering it needs. The
// caller calls close when rendering is done, even on error.
func prepare(ctx context.Context, opts Options, co CompileOptions, deferLinks bool) (*prepared, error) {
	p := &prepared{name: opts.Name, close: func() {}}
	if p.name == "" {
		p.name = filepath.ToSlash(opts.Dir)
	}
	var closers []func()
	p.close = func() {
		for _, f := range closers {
			f()
		}
	}
	src := os.DirFS(opts.Dir)
	if root, err := os.OpenRoot(opts.Dir); err == nil {
		// Confined to the handbook: no path or symbolic link read through
		// root can lead outside it (load refuses links with a message;
		// this makes sure nothing else follows one).
		rfs := rootfs.New(root)
		closers = append(closers, func() { rfs.Close(); root.Close() })
		src = rfs
	}
	gr := co.Graphs
	if gr == nil && !co.NoGraphs {
		gr = graphviz.New(graphviz.DefaultCacheDir())
		closers = append(closers, func() { gr.Close() })
	}
	loadFS := src
	if co.inputs != nil {
		loadFS = co.inputs.wrap(src)
	}
	p.c = check(loadFS, p.name, gr, co.Markdown, deferLinks)
	if err := p.c.Diags.Err(); err != nil {
		return p, err
	}
	if err := ctx.Err(); err != nil {
		return p, err
	}
	p.in = render.Input{
		Handbook:  p.c.Handbook,
		Markdown:  p.c.Markdown,
		Links:     p.c.Links,
		Source:    src,
		Templates: overlay{top: subIfDir(src, "templates"), base: templates.FS},
		Theme:     overlay{top: subIfDir(src, "theme"), base: theme.FS},
		Extra:     co.Extra,
		Graphs:    graphsFor(p.c.Handbook, gr),
	}
	if pl := p.c.pending; pl != nil {
		p.in.Parsed = pl.record
	}
	return p, nil
}

// graphsFor returns nil, not a nil-valued interface, when there are no graphs.
func graphsFor(h *model.Handbook, gr *graphviz.Renderer) render.Graphs {
	if gr == nil {
		return nil
	}
	return figures.New(h, gr)
}

// subIfDir returns the folder name of the handbook src when it exists and
// is not a symbolic link (load reports one).
func subIfDir(src fs.FS, name string) fs.FS {
	if st, err := fs.Lstat(src, name); err == nil && st.IsDir() {
		if sub, err := fs.Sub(src, name); err == nil {
			return sub
		}
	}
	return nil
}
