package generator_test

import (
	"context"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/links"
	"github.com/accord-handbook/accord/generator/markdown"
	"github.com/accord-handbook/accord/generator/render"
	"github.com/accord-handbook/accord/generator/site"
	"github.com/accord-handbook/accord/templates"
	theme "github.com/accord-handbook/accord/themes/default"
)

// vanishingFS lists and stats its files, but a file in gone cannot be
// opened any more: it was deleted after the handbook was checked.
type vanishingFS struct {
	fstest.MapFS
	gone map[string]bool
}

func (v vanishingFS) Open(name string) (fs.File, error) {
	if v.gone[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return v.MapFS.Open(name)
}

func (v vanishingFS) ReadFile(name string) ([]byte, error) {
	if v.gone[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return v.MapFS.ReadFile(name)
}

// TestRender_assetVanishes: an asset deleted between the check and the copy
// fails the render with an error naming it; nothing half-done comes out.
func TestRender_assetVanishes(t *testing.T) {
	m := fstest.MapFS{}
	for name, text := range smallHandbook {
		m[name] = &fstest.MapFile{Data: []byte(text)}
	}
	m["assets/logo.png"] = &fstest.MapFile{Data: []byte("\x89PNG")}
	c := generator.Check(generator.Options{FS: m, Name: "hb", NoGraphs: true})
	if err := c.Diags.Err(); err != nil {
		t.Fatal(err)
	}
	src := vanishingFS{MapFS: m, gone: map[string]bool{"assets/logo.png": true}}
	var out site.Memory
	_, err := render.Site(context.Background(), render.Input{
		Handbook: c.Handbook, Markdown: markdown.New(markdown.Options{}), Links: links.NewTable(c.Handbook), Source: src,
		Templates: templates.FS, Theme: theme.FS,
	}, &out)
	const want = "assets/logo.png: open assets/logo.png: file does not exist"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v, want %q", err, want)
	}
}
