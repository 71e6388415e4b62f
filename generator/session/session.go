// Package session runs an edit session over one handbook: `accord serve`,
// which serves the site from memory and reloads open pages on every save,
// and `accord build --watch`, which rewrites the changed files of an
// output folder. A Session keeps what rebuilds share (the Markdown cache,
// the Graphviz renderer and its warm workers, whether a build has
// succeeded, the diagnostics last printed) and turns a panic while building
// into an error: nothing the content does may end the session.
//
// Every rebuild builds the whole current version again through package
// generator's stages, with no dependency tracking to get wrong; the caches
// make that cheap, and `accord serve` renders a page only when a browser
// asks for it. The earlier versions of a versioned handbook are read once
// (generator.Earlier), and again only when their sources change.
package session

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/graphviz"
	"github.com/accord-handbook/accord/generator/markdown"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/render"
	"github.com/accord-handbook/accord/generator/site"
	"github.com/accord-handbook/accord/generator/source"
	"github.com/accord-handbook/accord/generator/watch"
)

// Config says what a session works on and where it reports.
type Config struct {
	Dir  string // the handbook folder
	Name string // how Dir is shown in messages
	Out  string // the output folder of build --watch

	Stdout, Stderr io.Writer
	// AsOf pins the date documents are due as of; zero follows the clock
	// (each build is as of its day). Drafts publishes drafts (serve does).
	AsOf    model.Date
	Drafts  bool
	BaseURL string // overrides [site] base_url
	// Graphs lays out the graphs; nil makes one for the session, caching
	// under the user's cache folder. NoGraphs draws none.
	Graphs   *graphviz.Renderer
	NoGraphs bool
}

// Session is the state of an edit session between rebuilds.
type Session struct {
	cfg       Config
	name      string // cfg.Name, escaped for the terminal
	out       string // cfg.Out, likewise
	opts      generator.Options
	ownGraphs bool
	cache     *markdown.Cache
	earlier   *generator.Earlier
	outside   *outside // earlier versions' folders outside cfg.Dir, watched
	diags     printer
	good      bool // a build has succeeded: there is a site to fall back on
	// lazyBuilds counts lazy rebuilds, to sweep the Markdown cache now and then.
	lazyBuilds int
	// retryPauses are the waits before building again after a build that
	// ran out of file descriptors (outOfFiles); tests shorten them.
	retryPauses []time.Duration
	// compile, when set, replaces generator.Compile (tests make it panic).
	compile func(context.Context, generator.Options) ([]site.File, *generator.Checked, error)
}

// New starts a session; Close ends it.
func New(cfg Config) *Session {
	s := &Session{cfg: cfg, cache: markdown.NewCache(), earlier: generator.NewEarlier(), outside: newOutside(cfg.Dir, cfg.Stderr),
		diags: printer{stderr: cfg.Stderr}, name: source.EscapeLine(cfg.Name), out: source.EscapeLine(cfg.Out), retryPauses: retryPauses}
	s.earlier.Watch = s.outside.set
	s.opts = generator.Options{Dir: cfg.Dir, Name: cfg.Name, Markdown: s.cache, Earlier: s.earlier, Graphs: cfg.Graphs, NoGraphs: cfg.NoGraphs,
		AsOf: cfg.AsOf, Drafts: cfg.Drafts, BaseURL: cfg.BaseURL}
	if cfg.Graphs == nil && !cfg.NoGraphs {
		s.opts.Graphs, s.ownGraphs = graphviz.New(graphviz.DefaultCacheDir()), true
	}
	return s
}

// Close stops the session's Graphviz workers and watchers.
func (s *Session) Close() {
	s.outside.close()
	if s.ownGraphs {
		s.opts.Graphs.Close()
	}
}

// built is one build of a session.
type built struct {
	files   []site.File
	lazy    *render.Lazy // when the site renders its pages on request
	checked *generator.Checked
	err     error
	took    time.Duration
}

// retryPauses are the waits before each new try of a build that ran out of
// file descriptors: about five seconds in all, time for the connections of
// a burst of page loads to close.
var retryPauses = []time.Duration{100 * time.Millisecond, 400 * time.Millisecond, 1500 * time.Millisecond, 3 * time.Second}

// build builds the handbook (buildOnce), and builds it again after a pause
// when it failed for want of file descriptors: that failure is the
// machine's, not the handbook's, and would otherwise be shown as the
// handbook's problem until the next save.
func (s *Session) build(ctx context.Context, opts generator.Options, lazy bool) built {
	b := s.buildOnce(ctx, opts, lazy)
	for i, pause := range s.retryPauses {
		if !outOfFiles(b) {
			break
		}
		if i == 0 {
			fmt.Fprintf(s.cfg.Stderr, "warning: out of file descriptors (%s): building again; raise the limit (ulimit -n) if it lasts\n", syscall.EMFILE)
		}
		select {
		case <-ctx.Done():
			return b
		case <-time.After(pause):
		}
		b = s.buildOnce(ctx, opts, lazy)
	}
	return b
}

// outOfFiles reports whether a build failed because the process or the
// system had no file descriptor left (EMFILE, ENFILE). The load stage
// reports a file it cannot read as a diagnostic holding the error's text,
// not the error, so the text is looked for too; ENFILE's begins with
// EMFILE's.
func outOfFiles(b built) bool {
	if b.err == nil {
		return false
	}
	if errors.Is(b.err, syscall.EMFILE) || errors.Is(b.err, syscall.ENFILE) {
		return true
	}
	for _, d := range b.problems() {
		if strings.Contains(d.Msg, syscall.EMFILE.Error()) {
			return true
		}
	}
	return false
}

// changed tells the session what a batch of file-system changes was (nil:
// none, the first build), before it builds again.
func (s *Session) changed(b *watch.Batch) {
	if b != nil {
		s.earlier.Changed(b.Paths, b.Overflow)
	}
}

// buildOnce compiles the handbook whole, in memory, or, when lazy, checks
// it and returns a site that renders each page when asked. A panic
// becomes the build's error.
func (s *Session) buildOnce(ctx context.Context, opts generator.Options, lazy bool) (b built) {
	start := time.Now()
	defer func() {
		if r := recover(); r != nil {
			b = built{err: fmt.Errorf("internal error while building (please report it): %v\n%s", r, debug.Stack())}
		}
		b.took = time.Since(start)
	}()
	if lazy && s.compile == nil {
		b.lazy, b.checked, b.err = generator.CompileLazy(ctx, opts)
		return b
	}
	compile := s.compile
	if compile == nil {
		compile = generator.Compile
	}
	b.files, b.checked, b.err = compile(ctx, opts)
	if b.err == nil {
		s.cache.Sweep()
	}
	return b
}

// problems is what a failed build shows in the browser: its errors, or the
// error that is not about a source file (a broken template, say).
func (b built) problems() []source.Diagnostic {
	var le *source.ListError
	if errors.As(b.err, &le) {
		var errs []source.Diagnostic
		for _, d := range le.List.Items {
			if d.Severity == source.Error {
				errs = append(errs, d)
			}
		}
		return errs
	}
	return []source.Diagnostic{{Severity: source.Error, Msg: b.err.Error()}}
}

// printer prints a build's diagnostics the way `accord check` does, but
// repeats warnings only when they change: a handbook with a standing
// warning must not print it on every save.
type printer struct {
	stderr io.Writer
	last   []source.Diagnostic
}

func (p *printer) print(b built, cmd string) {
	var items []source.Diagnostic
	if b.checked != nil {
		items = b.checked.Diags.Items
	}
	var le *source.ListError
	if b.err != nil || !slices.Equal(items, p.last) {
		if b.checked != nil {
			b.checked.Diags.Report(p.stderr)
		}
		if b.err != nil && !errors.As(b.err, &le) {
			fmt.Fprintf(p.stderr, "accord %s: %s\n", cmd, source.EscapeText(b.err.Error()))
		}
	}
	p.last = items
}

// describe says what a batch of file-system changes was.
func describe(b watch.Batch) string {
	switch {
	case b.Overflow:
		return "many sources changed"
	case len(b.Paths) == 0:
		return "a new day"
	}
	return source.Plural(len(b.Paths), "source") + " changed"
}

func ms(d time.Duration) string {
	return fmt.Sprintf("%dms", d.Round(time.Millisecond).Milliseconds())
}
