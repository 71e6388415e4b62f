// Package generator compiles a handbook folder into a static site. Build
// reads top to bottom as the pipeline: load -> validate -> render -> write.
package generator

import (
	"io/fs"

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
// Diags.HasErrors() is false.
func Check(fsys fs.FS, name string) *Checked {
	h, diags := load.Load(fsys, name)
	diags.Add(validate.Check(h))
	md := markdown.New(markdown.Options{RawHTML: h.Meta.Markdown.RawHTML})
	table := links.NewTable(h)
	diags.Add(validate.Links(h, md, table))
	diags.Sort()
	return &Checked{Handbook: h, Diags: diags, Markdown: md, Links: table}
}
