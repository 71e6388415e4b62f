package render_test

import (
	"context"
	"errors"
	"os"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/links"
	"github.com/accord-handbook/accord/generator/markdown"
	"github.com/accord-handbook/accord/generator/render"
	"github.com/accord-handbook/accord/generator/site"
	"github.com/accord-handbook/accord/internal/testhb"
	"github.com/accord-handbook/accord/templates"
	theme "github.com/accord-handbook/accord/themes/default"
)

// input is what render.Site needs to render the handbook files, checked.
func input(t *testing.T, files map[string]string) render.Input {
	t.Helper()
	src := os.DirFS(testhb.Dir(t, files))
	c := generator.Check(generator.Options{FS: src, Name: "hb", NoGraphs: true})
	if err := c.Diags.Err(); err != nil {
		t.Fatal(err)
	}
	return render.Input{
		Handbook: c.Handbook, Markdown: markdown.New(markdown.Options{}), Links: links.NewTable(c.Handbook),
		Source: src, Templates: templates.FS, Theme: theme.FS,
	}
}

// cancelling is an Output that ends the render's context at its first
// file and counts the files that come after.
type cancelling struct {
	site.Memory
	cancel func()
	files  atomic.Int64
}

func (c *cancelling) Add(f site.File) error {
	if c.files.Add(1) == 1 {
		c.cancel()
	}
	return c.Memory.Add(f)
}

// TestSite_canceled: once the context ends (Ctrl-C), no page starts; the
// pages under way finish, and Site returns the context's error.
func TestSite_canceled(t *testing.T) {
	in := input(t, testhb.Large(300))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := &cancelling{cancel: cancel}
	_, err := render.Site(ctx, in, out)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want %v", err, context.Canceled)
	}
	// One page per worker may have been under way when the first was
	// written, and one more each may have been handed out as it ended.
	if n, most := out.files.Load(), int64(1+2*runtime.GOMAXPROCS(0)); n > most {
		t.Errorf("%d files written after the context ended at the first; want at most %d", n-1, most-1)
	}
}
