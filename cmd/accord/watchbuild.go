package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/graphviz"
	"github.com/accord-handbook/accord/generator/markdown"
	"github.com/accord-handbook/accord/generator/render"
	"github.com/accord-handbook/accord/generator/site"
	"github.com/accord-handbook/accord/generator/watch"
)

// watchBuild is `accord build --watch`: a normal atomic build, then on every
// change a rebuild that writes only the output files whose bytes changed, for
// people who serve OUT with their own web server. No live-reload script goes
// into OUT: that is `accord serve`'s alone.
func watchBuild(ctx context.Context, dir, out string, stdout, stderr io.Writer) error {
	w, err := watch.New(dir)
	if err != nil {
		return err
	}
	defer w.Close()
	wb := &watchBuilder{
		opts:   generator.Options{Dir: dir, Name: displayDir(dir), Out: out},
		stdout: stdout,
		diags:  diagPrinter{stderr: stderr},
		cache:  markdown.NewCache(),
		graphs: graphviz.New(graphviz.DefaultCacheDir()),
		outAbs: absPath(out),
	}
	defer wb.graphs.Close()
	if err := wb.build(ctx, nil); err != nil {
		return err // OUT cannot be written: no point in watching
	}
	fmt.Fprintf(stdout, "watching %s (Ctrl-C to stop)\n", wb.opts.Name)
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintln(stdout, "stopped")
			return nil
		case b, ok := <-w.Events():
			if !ok {
				return nil
			}
			if b = wb.sources(b); len(b.Paths) == 0 && !b.Overflow {
				continue
			}
			if err := wb.build(ctx, &b); err != nil {
				fmt.Fprintf(stderr, "accord build: %v\n", err)
			}
		case err := <-w.Errors():
			fmt.Fprintf(stderr, "warning: watching %s: %v\n", wb.opts.Name, err)
		}
	}
}

type watchBuilder struct {
	opts   generator.Options
	stdout io.Writer
	diags  diagPrinter
	cache  *markdown.Cache
	graphs *graphviz.Renderer
	outAbs string
	prev   []render.File // what OUT holds; nil until a build succeeds
}

// build compiles and writes. It returns an error only when OUT could not be
// written; handbook problems are printed and wait for the next save.
func (wb *watchBuilder) build(ctx context.Context, b *watch.Batch) error {
	c := compileSafely(ctx, nil, wb.opts, generator.CompileOptions{Markdown: wb.cache, Graphs: wb.graphs})
	if ctx.Err() != nil {
		return nil
	}
	wb.diags.print(c, "build")
	if c.err != nil {
		fmt.Fprintf(wb.diags.stderr, "build failed in %s: %s left as it was\n", ms(c.took), wb.opts.Out)
		return nil
	}
	if wb.prev == nil {
		if err := site.Write(wb.opts.Out, c.files); err != nil {
			return err
		}
		wb.prev = c.files
		fmt.Fprintf(wb.stdout, "built %s → %s: %d files in %s\n", wb.opts.Name, wb.opts.Out, len(c.files), ms(c.took))
		return nil
	}
	u, err := site.Update(wb.opts.Out, wb.prev, c.files)
	if err != nil {
		// OUT is now partly updated: rewrite it whole next time.
		wb.prev = nil
		return err
	}
	wb.prev = c.files
	fmt.Fprintf(wb.stdout, "rebuilt in %s (%s): %d written, %d removed\n", ms(c.took), describe(*b), u.Written, u.Removed)
	return nil
}

// sources drops the changes inside OUT, for when OUT lies in DIR
// (`accord build --watch . -o public`): writing the site must not trigger
// another build.
func (wb *watchBuilder) sources(b watch.Batch) watch.Batch {
	kept := b.Paths[:0]
	for _, p := range b.Paths {
		a := absPath(p)
		if a == wb.outAbs || strings.HasPrefix(a, wb.outAbs+string(filepath.Separator)) {
			continue
		}
		kept = append(kept, p)
	}
	b.Paths = kept
	return b
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}
