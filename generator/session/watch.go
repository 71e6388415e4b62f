package session

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/accord-handbook/accord/generator/site"
	"github.com/accord-handbook/accord/generator/source"
	"github.com/accord-handbook/accord/generator/watch"
)

// Watch is `accord build --watch`: a normal atomic build of the output
// folder, then on every change a rebuild that writes only the files whose
// bytes changed, for people who serve the folder with their own web
// server. No live-reload script goes into it: that is `accord serve`'s
// alone. It returns when ctx ends, or when the folder cannot be written
// at the first build.
func Watch(ctx context.Context, cfg Config) error {
	w, err := watch.New(cfg.Dir)
	if err != nil {
		return err
	}
	defer w.Close()
	s := New(cfg)
	defer s.Close()
	wb := &watchBuild{s: s, outAbs: absPath(cfg.Out)}
	if err := wb.build(ctx, nil); err != nil {
		return err // the output cannot be written: no point in watching
	}
	fmt.Fprintf(cfg.Stdout, "watching %s (Ctrl-C to stop)\n", s.name)
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintln(cfg.Stdout, "stopped")
			return nil
		case b, ok := <-w.Events():
			if !ok {
				return nil
			}
			if b = wb.sources(b); len(b.Paths) == 0 && !b.Overflow {
				continue
			}
			if err := wb.build(ctx, &b); err != nil {
				fmt.Fprintf(cfg.Stderr, "accord build: %s\n", source.EscapeText(err.Error()))
			}
		case b, ok := <-s.outside.events():
			if !ok {
				continue
			}
			if err := wb.build(ctx, &b); err != nil {
				fmt.Fprintf(cfg.Stderr, "accord build: %s\n", source.EscapeText(err.Error()))
			}
		case err := <-w.Errors():
			fmt.Fprintf(cfg.Stderr, "warning: watching %s: %s\n", s.name, source.EscapeLine(err.Error()))
		case err := <-s.outside.errors():
			fmt.Fprintf(cfg.Stderr, "warning: watching the earlier versions: %s\n", source.EscapeLine(err.Error()))
		}
	}
}

type watchBuild struct {
	s      *Session
	outAbs string
	prev   []site.File // what the output holds; nil until a build succeeds
}

// build compiles and writes. It returns an error only when the output
// could not be written; handbook problems are printed and wait for the
// next save.
func (wb *watchBuild) build(ctx context.Context, b *watch.Batch) error {
	s := wb.s
	s.changed(b)
	c := s.build(ctx, s.opts, false)
	if ctx.Err() != nil {
		return nil
	}
	s.diags.print(c, "build")
	if c.err != nil {
		fmt.Fprintf(s.cfg.Stderr, "build failed in %s: %s left as it was\n", ms(c.took), s.out)
		return nil
	}
	if wb.prev == nil {
		if err := site.Write(ctx, s.cfg.Out, c.files); err != nil {
			return err
		}
		wb.prev = c.files
		fmt.Fprintf(s.cfg.Stdout, "built %s → %s: %d files in %s\n", s.name, s.out, len(c.files), ms(c.took))
		return nil
	}
	u, err := site.Update(ctx, s.cfg.Out, wb.prev, c.files)
	if err != nil {
		// The output is now partly updated: rewrite it whole next time.
		wb.prev = nil
		return err
	}
	wb.prev = c.files
	fmt.Fprintf(s.cfg.Stdout, "rebuilt in %s (%s): %d written, %d removed\n", ms(c.took), describe(*b), u.Written, u.Removed)
	return nil
}

// sources drops the changes inside the output, for when it lies in the
// handbook folder (`accord build --watch . -o public`): writing the site
// must not trigger another build.
func (wb *watchBuild) sources(b watch.Batch) watch.Batch {
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
