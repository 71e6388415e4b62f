package generator

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/accord-handbook/accord/generator/diff"
	"github.com/accord-handbook/accord/generator/figures"
	"github.com/accord-handbook/accord/generator/graphviz"
	"github.com/accord-handbook/accord/generator/links"
	"github.com/accord-handbook/accord/generator/load"
	"github.com/accord-handbook/accord/generator/markdown"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/render"
	"github.com/accord-handbook/accord/generator/review"
	"github.com/accord-handbook/accord/generator/rootfs"
	"github.com/accord-handbook/accord/generator/site"
	"github.com/accord-handbook/accord/generator/source"
	"github.com/accord-handbook/accord/generator/validate"
	"github.com/accord-handbook/accord/generator/versions"
	"github.com/accord-handbook/accord/templates"
	theme "github.com/accord-handbook/accord/themes/default"
)

// Checked is a loaded and checked handbook: usable for rendering only when
// Diags has no error.
type Checked struct {
	Handbook *model.Handbook
	Diags    *source.List
}

// handbook is what the stages pass on: the handbook, its problems so far,
// and the Markdown renderer and link table its pages are rendered with.
type handbook struct {
	h     *model.Handbook
	name  string
	diags *source.List
	md    *markdown.Renderer
	links *links.Table
}

func (hb *handbook) checked() *Checked { return &Checked{Handbook: hb.h, Diags: hb.diags} }

func (hb *handbook) versioned() bool { return versions.Configured(hb.h.Meta) }

// sources is the handbook folder, open.
type sources struct {
	fsys  fs.FS
	close func()
}

// open opens the handbook: opts.FS, or the folder opts.Dir.
func (o Options) open() *sources {
	if o.FS != nil {
		return &sources{fsys: o.FS, close: func() {}}
	}
	return open(o.Dir)
}

// open reads the folder dir through an os.Root: no path or symbolic link
// read through it leads outside (load refuses links with a message; this
// makes sure nothing else follows one). A folder that cannot be opened at
// all is read as it is, so that load reports what is missing.
func open(dir string) *sources {
	rfs, err := rootfs.Open(dir)
	if err != nil {
		return &sources{fsys: os.DirFS(dir), close: func() {}}
	}
	return &sources{fsys: rfs, close: func() { rfs.Close() }}
}

// loadStage reads every source of the handbook in fsys; name prefixes file
// names in messages. cache, when set, keeps rendered Markdown between
// builds of a session.
func loadStage(fsys fs.FS, name string, cache *markdown.Cache) *handbook {
	h, diags := load.Load(fsys, name)
	md := markdown.New(markdown.Options{RawHTML: h.Meta.Markdown.RawHTML})
	if cache != nil {
		md = md.WithCache(cache)
	}
	return &handbook{h: h, name: name, diags: diags, md: md, links: links.NewTable(h)}
}

// validateStage adds every problem of the rules, the Markdown the parser
// must not see (too large, too deep) and the graphs too large to draw;
// and, as of asOf (unless zero), reviews dated after it.
func validateStage(hb *handbook, asOf model.Date) *handbook {
	hb.diags.Add(validate.Check(hb.h))
	if !asOf.IsZero() {
		hb.diags.Add(review.Check(hb.h, asOf))
	}
	hb.diags.Add(figures.Limits(hb.h))
	hb.diags.Add(validate.Guards(hb.h))
	if !hb.versioned() {
		// Without [versions] the current version is the only one an
		// acknowledgement can name; versionsStage checks the others.
		hb.diags.Add(validate.Acks(hb.h, map[string]model.Date{strings.TrimSpace(hb.h.Meta.Version): hb.h.Meta.EffectiveDate}))
	}
	hb.diags.Sort()
	return hb
}

// linksStage checks every link of every Markdown source and lays out each
// ```dot block (gr nil: not laid out), and returns the handbook's error if
// it has one. parsed holds what the render's parse of each source found;
// a source it lacks (nil: every source) is parsed here.
func (hb *handbook) linksStage(parsed map[string]markdown.Scanned, gr *graphviz.Renderer) error {
	scan := validate.Scan(hb.md)
	found := func(d validate.MarkdownDoc) markdown.Scanned {
		if p, ok := parsed[d.Src.Path]; ok {
			return p
		}
		return scan(d)
	}
	diags, dots := validate.Links(hb.h, hb.links, found)
	hb.diags.Add(diags)
	if gr != nil {
		checkDots(gr, dots, hb.diags)
	}
	hb.diags.Sort()
	return hb.diags.Err()
}

// checkDots lays out each ```dot block (from the cache when unchanged) and
// reports a failure at the block's line, or at the line Graphviz names.
func checkDots(gr *graphviz.Renderer, dots []validate.Dot, diags *source.List) {
	for _, d := range dots {
		_, err := gr.UserDOT(d.Source)
		if err == nil {
			continue
		}
		pos := d.Pos
		var de *graphviz.DOTError
		if errors.As(err, &de) && de.Line > 0 {
			pos.Line += de.Line
			pos.Col = 1
			diags.Errorf(pos, "dot graph: %s", de.Msg)
			continue
		}
		diags.Errorf(pos, "dot graph: %v", err)
	}
}

// checkFS is every check of the handbook in fsys but the graph layouts
// and [versions]: what an earlier version is held to.
func checkFS(fsys fs.FS, name string) *handbook {
	hb := loadStage(fsys, name, nil)
	// The current acknowledgements.toml is the register: what an earlier
	// version's said is history, and it is neither checked nor used.
	hb.h.Acks = nil
	hb = validateStage(hb, model.Date{})
	hb.linksStage(nil, nil)
	return hb
}

// without returns the problems of l that are not in drop.
func without(l, drop *source.List) *source.List {
	out := &source.List{}
	for _, d := range l.Items {
		if !slices.Contains(drop.Items, d) {
			out.Items = append(out.Items, d)
		}
	}
	return out
}

// history is a versioned site: every version, oldest first, the current
// one last, each with what changed since the one before.
type history struct {
	list    []*render.Version
	sources []fs.FS        // of each earlier version
	links   []*links.Table // of each earlier version, drafts included
}

// versionsStage loads and checks every earlier version that [versions]
// names, once (opts.Earlier keeps them for the next build of a session),
// and compares each version with the one before it. Problems of
// [versions] itself are errors of the build; those of an earlier version
// are warnings (see package versions). It returns nil for a handbook
// without earlier versions.
func versionsStage(ctx context.Context, opts Options, hb *handbook) (*history, error) {
	if !hb.versioned() || opts.FS != nil {
		return nil, nil
	}
	e := opts.Earlier
	if e == nil {
		e = NewEarlier()
	}
	found := e.read(opts, hb)
	earlier, diags := found.Arrange(versions.Options{Dir: opts.Dir, Name: hb.name, Meta: hb.h.Meta, Current: hb.h})
	hb.diags.Add(diags)
	hb.diags.Sort()
	if err := hb.diags.Err(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	hs := e.arranged(earlier, opts.Drafts)
	h := hb.h
	if !opts.Drafts {
		h = h.Published()
	}
	cur := &render.Version{Number: hb.h.Meta.Version, Slug: versions.Slug(hb.h.Meta.Version),
		Date: hb.h.Meta.EffectiveDate.String(), Handbook: h}
	if n := len(hs.list); n > 0 {
		e.changes(hs.list[n-1], cur)
	}
	e.memo.Sweep()
	hs.list = append(hs.list, cur)
	hb.diags.Add(editorialUnchanged(hb.h, cur.Changes))
	hb.diags.Add(validate.Acks(hb.h, hs.known()))
	hb.diags.Sort()
	if err := hb.diags.Err(); err != nil {
		return nil, err
	}
	return hs, nil
}

// known is every version of the history: number → effective date.
func (hs *history) known() map[string]model.Date {
	m := map[string]model.Date{}
	for _, v := range hs.list {
		d, _ := model.ParseDate(v.Date)
		m[v.Number] = d
	}
	return m
}

// editorialUnchanged warns about a [review] editorial entry that names a
// document this version did not change: nobody must re-read it anyway.
func editorialUnchanged(h *model.Handbook, c *diff.ChangeSet) *source.List {
	diags := &source.List{}
	kinds := map[string]string{"roles": "role", "workflows": "workflow", "policies": "policy", "pages": "page"}
	for _, e := range h.Meta.Review.Editorial {
		prefix, id, _ := strings.Cut(e, "/")
		if kind := kinds[prefix]; kind != "" && c != nil && !c.Touches(kind, id) {
			diags.Warnf(h.Meta.Src.Value("review.editorial", e), "[review] editorial: %q did not change in version %s: remove it from the list", e, h.Meta.Version)
		}
	}
	return diags
}

// renderStage renders the site into out: the current sources (in src) at
// the root and, in a versioned site, every earlier version complete under
// v/<version>/. It returns what the current version's pages parsed, for
// the links stage: earlier versions were checked whole when loaded.
func renderStage(ctx context.Context, opts Options, hb *handbook, hs *history, src fs.FS, gr *graphs, out site.Output) (render.Result, error) {
	in, earlier := placeVersions(renderInput(opts, hb, src, gr), hb, hs, gr)
	for i, vin := range earlier {
		if _, err := render.Site(ctx, vin, site.Under(render.VersionDir(hs.list[i].Slug), out)); err != nil {
			return render.Result{}, err
		}
	}
	return render.Site(ctx, in, out)
}

// placeVersions places in, the current version's render input, at the
// root of the versioned site hs, and returns it with the input of every
// earlier version, oldest first (none without hs). Every version is
// rendered with the current templates and theme, so the site looks alike,
// and with the current Markdown settings: an old tag must not turn raw
// HTML back on.
func placeVersions(in render.Input, hb *handbook, hs *history, gr *graphs) (render.Input, []render.Input) {
	if hs == nil {
		return in, nil
	}
	last := len(hs.list) - 1
	earlier := make([]render.Input, last)
	for i, v := range hs.list[:last] {
		vin := in
		vin.Handbook, vin.Source, vin.Graphs = v.Handbook, hs.sources[i], gr.of(v.Handbook)
		vin.Markdown = markdown.New(markdown.Options{RawHTML: hb.h.Meta.Markdown.RawHTML})
		vin.Links = hs.links[i]
		vin.History = &render.History{List: hs.list, Self: i}
		earlier[i] = vin
	}
	in.History = &render.History{List: hs.list, Self: last}
	return in, earlier
}

// renderInput is what rendering the current version needs; src is its
// folder, for assets and the templates and theme it overrides.
func renderInput(opts Options, hb *handbook, src fs.FS, gr *graphs) render.Input {
	h := hb.h
	if !opts.Drafts {
		h = h.Published()
	}
	return render.Input{
		Handbook:  h,
		AsOf:      opts.asOf(),
		Drafts:    opts.Drafts,
		BaseURL:   opts.baseURL(hb.h),
		Markdown:  hb.md,
		Links:     hb.links,
		Source:    src,
		Templates: overlay{top: subIfDir(src, "templates"), base: templates.FS},
		Theme:     overlay{top: subIfDir(src, "theme"), base: theme.FS},
		Extra:     opts.Extra,
		Graphs:    gr.of(h),
	}
}

// graphs is the Graphviz renderer of a build: its own, or a session's.
type graphs struct {
	r   *graphviz.Renderer // nil: no graphs
	own bool
}

func (o Options) graphs() *graphs {
	switch {
	case o.NoGraphs:
		return &graphs{}
	case o.Graphs != nil:
		return &graphs{r: o.Graphs}
	}
	return &graphs{r: graphviz.New(graphviz.DefaultCacheDir()), own: true}
}

func (g *graphs) close() {
	if g.own {
		g.r.Close()
	}
}

func (g *graphs) stats() graphviz.Stats {
	if g.r == nil {
		return graphviz.Stats{}
	}
	return g.r.Stats()
}

// of draws the graphs of h; nil, not a nil-valued interface, without graphs.
func (g *graphs) of(h *model.Handbook) render.Graphs {
	if g.r == nil {
		return nil
	}
	return figures.New(h, g.r)
}

// baseURL is --base-url, else [site] base_url, ending in "/".
func (o Options) baseURL(h *model.Handbook) string {
	b := o.BaseURL
	if b == "" {
		b = h.Meta.Site.BaseURL
	}
	if b != "" && !strings.HasSuffix(b, "/") {
		b += "/"
	}
	return b
}

func (o Options) name() string {
	if o.Name != "" {
		return o.Name
	}
	return filepath.ToSlash(o.Dir)
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
