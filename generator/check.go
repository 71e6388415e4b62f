// Package generator compiles a handbook folder into a static site. Build
// reads top to bottom as the pipeline: load -> validate -> render -> write.
package generator

import (
	"errors"
	"io/fs"

	"github.com/accord-handbook/accord/generator/graph"
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
}

// Check loads the handbook in fsys and runs every check. name prefixes file
// names in diagnostics. The result is usable for rendering only when
// Diags.HasErrors() is false. gr lays out ```dot blocks so that a syntax
// error is reported at its Markdown line; nil skips that check.
func Check(fsys fs.FS, name string, gr ...*graph.Renderer) *Checked {
	var r *graph.Renderer
	if len(gr) > 0 {
		r = gr[0]
	}
	return CheckWith(fsys, name, r, nil)
}

// CheckWith is Check with a Markdown cache that keeps what the link checks
// parsed, so that a check after a save parses only what changed (serve and
// build --watch pass the same cache to every rebuild). gr and cache may be
// nil. The returned Checked.Markdown uses the cache.
func CheckWith(fsys fs.FS, name string, gr *graph.Renderer, cache *markdown.Cache) *Checked {
	h, diags := load.Load(fsys, name)
	diags.Add(validate.Check(h))
	md := markdown.New(markdown.Options{RawHTML: h.Meta.Markdown.RawHTML})
	if cache != nil {
		md = md.WithCache(cache)
	}
	table := links.NewTable(h)
	linkDiags, dots := validate.LinksAndDots(h, md, table)
	diags.Add(linkDiags)
	if gr != nil {
		checkDots(gr, dots, diags)
	}
	diags.Add(graphLimits(h))
	diags.Sort()
	return &Checked{Handbook: h, Diags: diags, Markdown: md, Links: table}
}

// checkDots lays out each ```dot block (from the cache when unchanged) and
// reports a failure at the block's line, or at the line Graphviz names.
func checkDots(gr *graph.Renderer, dots []validate.Dot, diags *source.List) {
	for _, d := range dots {
		_, err := gr.UserDOT(d.Source)
		if err == nil {
			continue
		}
		pos := d.Pos
		var de *graph.DOTError
		if errors.As(err, &de) && de.Line > 0 {
			pos.Line += de.Line
			pos.Col = 1
			diags.Errorf(pos, "dot graph: %s", de.Msg)
			continue
		}
		diags.Errorf(pos, "dot graph: %v", err)
	}
}
