// Package generator compiles a handbook folder into a static site. Build
// reads top to bottom as the pipeline, one stage after the other, each
// taking what the one before returned:
//
//	open      the handbook folder, confined to itself     (rootfs)
//	load      files -> the typed handbook                  (load)
//	validate  every rule, the Markdown guards, graph sizes (validate)
//	versions  the earlier versions, what changed in each   (versions, diff)
//	render    every page into the writer; each page's links (render)
//	links     the links and ```dot blocks the render found  (validate)
//	write     the new site in the output's place, recorded (site, uptodate)
//
// The other entry points are the same stages, fewer of them: Check stops
// after validate and checks links by parsing each page; Compile renders
// into memory; a Session (serve, build --watch) keeps caches between
// rebuilds and renders pages when they are asked for; Diff loads two
// versions and compares them.
package generator

import (
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/accord-handbook/accord/generator/graphviz"
	"github.com/accord-handbook/accord/generator/markdown"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/render"
	"github.com/accord-handbook/accord/generator/site"
	"github.com/accord-handbook/accord/generator/source"
	"github.com/accord-handbook/accord/generator/uptodate"
	"github.com/accord-handbook/accord/generator/urls"
)

// Options configure a build.
type Options struct {
	Dir string // handbook folder
	// FS, when set, is read instead of Dir (tests). Its [versions] are
	// neither checked nor built.
	FS   fs.FS
	Name string // how Dir is shown in messages; defaults to Dir
	Out  string // output folder, replaced atomically
	// Force builds even when Out is up to date.
	Force bool
	// AsOf is the date documents are due, overdue or scheduled as of
	// (see AsOf); zero means today's.
	AsOf model.Date
	// BaseURL is the site's address on the intranet (--base-url); it
	// overrides [site] base_url.
	BaseURL string
	// Drafts publishes the documents marked draft (accord serve does, under
	// a banner); without it they are left out of the site.
	Drafts bool

	// Extra is HTML added at the end of every page (serve's reload script).
	Extra template.HTML
	// Markdown keeps rendered Markdown between builds of a session.
	Markdown *markdown.Cache
	// Earlier keeps the earlier versions of a versioned handbook between
	// builds of a session; nil reads them for this build.
	Earlier *Earlier
	// Graphs lays out the graphs; a session keeps one for every rebuild.
	// Nil makes one for this build, caching under the user's cache folder.
	Graphs *graphviz.Renderer
	// NoGraphs renders pages without graphs (golden tests of the markup).
	NoGraphs bool
}

// Result reports what a build did.
type Result struct {
	Checked *Checked
	Graphs  graphviz.Stats
	Search  render.Stats
	// SearchIndexBytes is the size of the search index of the current version.
	SearchIndexBytes int
	Files            int
	Bytes            int64
	Duration         time.Duration
	// UpToDate says that Out already held the site of these sources, as
	// written, so nothing was rendered (Bytes and SearchIndexBytes are 0).
	UpToDate bool
	// Stages is where the time went, in order, for --verbose.
	Stages []Stage
}

// Build compiles the handbook in opts.Dir into opts.Out. When the handbook
// has errors nothing is written and the error is a *source.ListError; the
// diagnostics (warnings too) are in Result.Checked.Diags either way.
//
// Pages go to disk as they are rendered, into a folder that replaces
// opts.Out only when the whole build succeeded. Like make, a build whose
// inputs and output are as the last build left them stops after the check.
// When ctx ends (Ctrl-C) the build stops at the next page and returns
// ctx's error, leaving opts.Out as it was.
func Build(ctx context.Context, opts Options) (*Result, error) {
	res, clock := &Result{}, newClock()
	defer func() { res.Stages, res.Duration = clock.stages, clock.total() }()
	src := opts.open()
	defer src.close()
	gr := opts.graphs()
	defer func() { res.Graphs = gr.stats() }()
	defer gr.close()
	opts.AsOf = opts.asOf()
	// The as-of date and drafts decide pages as the sources do.
	record := uptodate.Start(opts.Dir, opts.Out, fmt.Sprintf("as-of %s drafts %v", opts.AsOf, opts.Drafts))

	hb := validateStage(loadStage(record.FS(src.fsys), opts.name(), opts.Markdown), opts.AsOf)
	hb.diags.Add(OutputInside(opts.Dir, opts.Out))
	res.Checked = hb.checked()
	clock.done("check")
	if hb.diags.HasErrors() {
		return res, hb.linksStage(nil, gr.r) // every problem in one run
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	files, current := record.Current(opts.Out, opts.Force || hb.versioned())
	clock.done("digest")
	if current {
		if err := hb.linksStage(nil, gr.r); err != nil {
			return res, err
		}
		site.Tidy(opts.Out)
		res.Files, res.UpToDate = files, true
		return res, nil
	}
	earlier, err := versionsStage(ctx, opts, hb)
	if err != nil {
		return res, err
	}
	w, err := site.Create(ctx, opts.Out)
	if err != nil {
		return res, err
	}
	defer w.Abort()
	parsed, err := renderStage(ctx, opts, hb, earlier, src.fsys, gr, w)
	res.Search = parsed.Stats
	clock.done("render and write")
	if err != nil {
		return res, err
	}
	if err := hb.linksStage(parsed.Parsed, gr.r); err != nil {
		return res, err
	}
	clock.done("links")
	if err := ctx.Err(); err != nil {
		return res, err // the last moment to leave the output as it was
	}
	record.Forget()
	if err := w.Commit(); err != nil {
		return res, err
	}
	if !hb.versioned() {
		// A versioned site also depends on git history and other
		// folders, which the record does not cover: it is always built.
		record.Save(opts.Out, w.Written())
	}
	clock.done("swap")
	res.Files, res.Bytes, res.SearchIndexBytes = w.Files(), w.Bytes(), int(w.Size(urls.SearchIndex))
	return res, nil
}

// OutputInside warns when the output folder out lies inside the handbook
// folder dir: accord skips its own sites when it reads sources, but the
// site would be committed with the sources and carried into every tag.
func OutputInside(dir, out string) *source.List {
	diags := &source.List{}
	d, derr := filepath.Abs(dir)
	o, oerr := filepath.Abs(out)
	if derr != nil || oerr != nil {
		return diags
	}
	if rel, err := filepath.Rel(d, o); err == nil && filepath.IsLocal(rel) {
		beside := filepath.Join(filepath.Dir(d), filepath.Base(d)+"-site")
		if cwd, err := os.Getwd(); err == nil {
			if r, err := filepath.Rel(cwd, beside); err == nil {
				beside = r
			}
		}
		diags.Warnf(source.Pos{File: filepath.ToSlash(out)}, "the site is written inside the handbook folder %s: it would be committed with the sources; write it beside them (-o %s)",
			filepath.ToSlash(dir), filepath.ToSlash(beside))
	}
	return diags
}

// Compile checks and renders the handbook in opts.Dir into memory, without
// writing anything; opts.Out is ignored.
func Compile(ctx context.Context, opts Options) ([]site.File, *Checked, error) {
	files, hb, _, err := compile(ctx, opts)
	return files, hb.checked(), err
}

// compile is Compile, also returning the versions of a versioned site
// (nil for others).
func compile(ctx context.Context, opts Options) ([]site.File, *handbook, *history, error) {
	src := opts.open()
	defer src.close()
	gr := opts.graphs()
	defer gr.close()
	opts.AsOf = opts.asOf()
	hb := validateStage(loadStage(src.fsys, opts.name(), opts.Markdown), opts.AsOf)
	if hb.diags.HasErrors() {
		return nil, hb, nil, hb.linksStage(nil, gr.r)
	}
	earlier, err := versionsStage(ctx, opts, hb)
	if err != nil {
		return nil, hb, nil, err
	}
	var out site.Memory
	parsed, err := renderStage(ctx, opts, hb, earlier, src.fsys, gr, &out)
	if err != nil {
		return nil, hb, nil, err
	}
	if err := hb.linksStage(parsed.Parsed, gr.r); err != nil {
		return nil, hb, nil, err
	}
	return out.Files(), hb, earlier, nil
}

// CompileLazy checks the handbook like Check, reads its earlier versions
// like Compile, and returns a site that renders each page when it is asked
// for (accord serve). The site draws its graphs after CompileLazy returns,
// so opts.Graphs must be set, or opts.NoGraphs.
func CompileLazy(ctx context.Context, opts Options) (*render.Lazy, *Checked, error) {
	if opts.Graphs == nil && !opts.NoGraphs {
		return nil, nil, fmt.Errorf("CompileLazy: set Options.Graphs (the renderer outlives this call) or NoGraphs")
	}
	src := opts.open()
	defer src.close()
	gr := opts.graphs()
	opts.AsOf = opts.asOf()
	hb := validateStage(loadStage(src.fsys, opts.name(), opts.Markdown), opts.AsOf)
	if err := hb.linksStage(nil, gr.r); err != nil {
		return nil, hb.checked(), err
	}
	hs, err := versionsStage(ctx, opts, hb)
	if err != nil {
		return nil, hb.checked(), err
	}
	if err := ctx.Err(); err != nil {
		return nil, hb.checked(), err
	}
	lazy, err := render.NewLazy(placeVersions(renderInput(opts, hb, src.fsys, gr), hb, hs, gr))
	return lazy, hb.checked(), err
}

// Stage is one step of a build and the time it took.
type Stage struct {
	Name string
	Took time.Duration
}

// clock times a build's stages one after the other.
type clock struct {
	start, last time.Time
	stages      []Stage
}

func newClock() *clock {
	now := time.Now()
	return &clock{start: now, last: now}
}

func (c *clock) done(name string) {
	now := time.Now()
	c.stages = append(c.stages, Stage{name, now.Sub(c.last)})
	c.last = now
}

func (c *clock) total() time.Duration { return time.Since(c.start) }
