package generator

import (
	"context"
	"io/fs"
	"os"
	"sort"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/render"
	"github.com/accord-handbook/accord/generator/source"
	"github.com/accord-handbook/accord/generator/versions"
)

// renderVersions renders the site of a checked handbook: the current
// sources at the root and, when handbook.toml has [versions], every earlier
// version complete under v/<version>/, each loaded and checked once. The
// problems of [versions] are errors of the build; an earlier version's own
// problems are warnings (see package versions). in is the Input of the
// current version; earlier ones share its templates, theme and Extra.
func renderVersions(ctx context.Context, dir, name string, c *Checked, in render.Input) ([]render.File, error) {
	if !versions.Configured(c.Handbook.Meta) {
		files, _, err := render.Site(in)
		return files, err
	}
	earlier, diags := versions.Load(versions.Options{Dir: dir, Name: name, Meta: c.Handbook.Meta, Current: c.Handbook},
		func(fsys fs.FS, name string) (*model.Handbook, *source.List, *Checked) {
			vc := Check(fsys, name)
			return vc.Handbook, vc.Diags, vc
		})
	c.Diags.Add(diags)
	c.Diags.Sort()
	if err := c.Diags.Err(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	list := make([]*render.Version, 0, len(earlier)+1)
	for _, v := range earlier {
		list = append(list, &render.Version{Number: v.Number, Slug: versions.Slug(v.Number),
			Date: v.Date.String(), Label: v.Label, Handbook: v.Handbook})
	}
	cur := c.Handbook.Meta
	list = append(list, &render.Version{Number: cur.Version, Slug: versions.Slug(cur.Version),
		Date: cur.EffectiveDate.String(), Handbook: c.Handbook})
	render.Connect(list)

	var all []render.File
	for i, v := range earlier {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		vin := in
		vin.Handbook, vin.Markdown, vin.Links, vin.Source = v.Handbook, v.Data.Markdown, v.Data.Links, v.FS
		vin.Graphs = nil
		vin.Parsed = nil // an earlier version was checked whole
		if g, ok := in.Graphs.(render.VersionGraphs); ok {
			vin.Graphs = g.For(v.Handbook)
		}
		vin.Versions = &render.Versions{List: list, Self: i}
		prefix := render.VersionDir(list[i].Slug)
		if sink := in.Sink; sink != nil {
			vin.Sink = func(f render.File) error { return sink(render.File{Path: prefix + f.Path, Data: f.Data}) }
		}
		if create := in.Create; create != nil {
			vin.Create = func(p string) (render.OutFile, error) { return create(prefix + p) }
		}
		files, _, err := render.Site(vin)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			all = append(all, render.File{Path: prefix + f.Path, Data: f.Data})
		}
	}
	in.Versions = &render.Versions{List: list, Self: len(list) - 1}
	files, _, err := render.Site(in)
	if err != nil {
		return nil, err
	}
	all = append(all, files...)
	sort.Slice(all, func(i, j int) bool { return all[i].Path < all[j].Path })
	return all, nil
}

// CheckVersions adds the problems of [versions] in handbook.toml to c: a
// tag pattern that is not a glob, a folder that does not exist. It reads
// no earlier version; a build does, and reports their problems.
func CheckVersions(c *Checked, dir string) {
	if c.Handbook == nil || !versions.Configured(c.Handbook.Meta) {
		return
	}
	if _, err := os.Stat(dir); err != nil {
		return
	}
	c.Diags.Add(versions.Check(versions.Options{Dir: dir, Meta: c.Handbook.Meta}))
	c.Diags.Sort()
}
