// Package generator compiles a handbook folder into a static site. Build
// reads top to bottom as the pipeline: load -> validate -> render -> write.
package generator

import (
	"errors"
	"io/fs"
	"sync"

	"github.com/accord-handbook/accord/generator/figures"
	"github.com/accord-handbook/accord/generator/graphviz"
	"github.com/accord-handbook/accord/generator/links"
	"github.com/accord-handbook/accord/generator/load"
	"github.com/accord-handbook/accord/generator/markdown"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/source"
	"github.com/accord-handbook/accord/generator/validate"
)

// Checked is a loaded and checked handbook with what later stages reuse.
type Checked struct {
	Handbook *model.Handbook
	Diags    *source.List
	Markdown *markdown.Renderer
	Links    *links.Table

	pending *pendingLinks // links and dot blocks still to check (see check)
}

// Check loads the handbook in fsys and runs every check. name prefixes file
// names in diagnostics. The result is usable for rendering only when
// Diags.HasErrors() is false. gr lays out ```dot blocks so that a syntax
// error is reported at its Markdown line; nil skips that check.
func Check(fsys fs.FS, name string, gr ...*graphviz.Renderer) *Checked {
	var r *graphviz.Renderer
	if len(gr) > 0 {
		r = gr[0]
	}
	return CheckWith(fsys, name, r, nil)
}

// CheckWith is Check with a Markdown cache that keeps what the link checks
// parsed, so that a check after a save parses only what changed (serve and
// build --watch pass the same cache to every rebuild). gr and cache may be
// nil. The returned Checked.Markdown uses the cache.
func CheckWith(fsys fs.FS, name string, gr *graphviz.Renderer, cache *markdown.Cache) *Checked {
	return check(fsys, name, gr, cache, false)
}

// check is CheckWith. With deferLinks, a handbook that is otherwise clean
// has its links and ```dot blocks checked later, from what its render
// parses (Checked.pending): parsing every page twice was a sixth of a
// build. A handbook with other errors is checked whole at once, so that one
// run still reports every problem.
func check(fsys fs.FS, name string, gr *graphviz.Renderer, cache *markdown.Cache, deferLinks bool) *Checked {
	h, diags := load.Load(fsys, name)
	diags.Add(validate.Check(h))
	diags.Add(figures.Limits(h))
	md := markdown.New(markdown.Options{RawHTML: h.Meta.Markdown.RawHTML})
	if cache != nil {
		md = md.WithCache(cache)
	}
	table := links.NewTable(h)
	c := &Checked{Handbook: h, Diags: diags, Markdown: md, Links: table}
	if deferLinks && !diags.HasErrors() {
		// The guards that keep the parser fast (size, nesting) are left to
		// the render too, which runs them on every page before parsing it
		// and refuses what they refuse: see Checked.refused.
		diags.Sort()
		c.pending = &pendingLinks{found: map[string]parsed{}, gr: gr}
		return c
	}
	c.checkLinks(gr)
	return c
}

// checkLinks checks every link and ```dot block now, parsing each page.
func (c *Checked) checkLinks(gr *graphviz.Renderer) {
	linkDiags, dots := validate.LinksAndDots(c.Handbook, c.Markdown, c.Links)
	c.Diags.Add(linkDiags)
	if gr != nil {
		checkDots(gr, dots, c.Diags)
	}
	c.Diags.Sort()
}

// refused reports whether a Markdown source is one the parser must not see
// (too large, too deep: the render refuses it without parsing it). The
// checks deferred to the render then run now, on the whole handbook, as
// for a handbook with errors, so that one run reports every problem. Call
// it when the render failed, or before finish without a render.
func (c *Checked) refused() bool {
	p := c.pending
	if p == nil || !validate.Guards(c.Handbook).HasErrors() {
		return false
	}
	c.pending = nil
	c.checkLinks(p.gr)
	return true
}

// pendingLinks gathers, while the site renders, the links and ```dot blocks
// each page's Markdown parse found (render.Input.Parsed), for finish.
type pendingLinks struct {
	mu    sync.Mutex
	found map[string]parsed // by source path
	gr    *graphviz.Renderer
}

type parsed struct {
	refs []markdown.Ref
	dots []markdown.DotBlock
}

func (p *pendingLinks) record(src string, refs []markdown.Ref, dots []markdown.DotBlock) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.found[src]; !ok {
		p.found[src] = parsed{refs, dots}
	}
}

// finish runs the deferred checks into c.Diags. A source no page rendered
// is parsed here.
func (c *Checked) finish() {
	p := c.pending
	if p == nil {
		return
	}
	c.pending = nil
	diags, dots := validate.LinksAndDotsFrom(c.Handbook, c.Links, func(d validate.MarkdownDoc) ([]markdown.Ref, []markdown.DotBlock) {
		if f, ok := p.found[d.Src.Path]; ok {
			return f.refs, f.dots
		}
		return c.Markdown.Scan(d.Body)
	})
	c.Diags.Add(diags)
	if p.gr != nil {
		checkDots(p.gr, dots, c.Diags)
	}
	c.Diags.Sort()
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
