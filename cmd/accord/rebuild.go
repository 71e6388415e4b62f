package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"time"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/render"
	"github.com/accord-handbook/accord/generator/source"
	"github.com/accord-handbook/accord/generator/watch"
)

// compiled is one build of a watch session.
type compiled struct {
	files   []render.File
	checked *generator.Checked
	err     error
	took    time.Duration
}

// compileFunc is the signature of generator.Compile.
type compileFunc func(context.Context, generator.Options, generator.CompileOptions) ([]render.File, *generator.Checked, error)

// compileSafely compiles (with generator.Compile when compile is nil) and
// turns a panic into an error: nothing the content does may stop `accord
// serve` or `accord build --watch`.
func compileSafely(ctx context.Context, compile compileFunc, opts generator.Options, co generator.CompileOptions) (c compiled) {
	if compile == nil {
		compile = generator.Compile
	}
	start := time.Now()
	defer func() {
		if r := recover(); r != nil {
			c = compiled{err: fmt.Errorf("internal error while building (please report it): %v\n%s", r, debug.Stack())}
		}
		c.took = time.Since(start)
	}()
	c.files, c.checked, c.err = compile(ctx, opts, co)
	return c
}

// problems is what a failed build shows in the browser: its errors, or the
// error that is not about a source file (a broken template, say).
func (c compiled) problems() []source.Diagnostic {
	var le *source.ListError
	if errors.As(c.err, &le) {
		var errs []source.Diagnostic
		for _, d := range le.List.Items {
			if d.Severity == source.Error {
				errs = append(errs, d)
			}
		}
		return errs
	}
	return []source.Diagnostic{{Severity: source.Error, Msg: c.err.Error()}}
}

// diagPrinter prints a build's diagnostics the way `accord check` does, but
// repeats warnings only when they change: a handbook with a standing warning
// must not print it on every save.
type diagPrinter struct {
	stderr io.Writer
	last   []source.Diagnostic
}

func (p *diagPrinter) print(c compiled, cmd string) {
	var items []source.Diagnostic
	if c.checked != nil {
		items = c.checked.Diags.Items
	}
	var le *source.ListError
	if c.err != nil || !slices.Equal(items, p.last) {
		if c.checked != nil {
			report(c.checked.Diags, p.stderr)
		}
		if c.err != nil && !errors.As(c.err, &le) {
			fmt.Fprintf(p.stderr, "accord %s: %v\n", cmd, c.err)
		}
	}
	p.last = items
}

// describe says what a batch of file-system changes was.
func describe(b watch.Batch) string {
	if b.Overflow {
		return "many sources changed"
	}
	return plural(len(b.Paths), "source") + " changed"
}

func ms(d time.Duration) string {
	return fmt.Sprintf("%dms", d.Round(time.Millisecond).Milliseconds())
}
