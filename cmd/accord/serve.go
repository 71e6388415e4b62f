package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"syscall"
	"time"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/graphviz"
	"github.com/accord-handbook/accord/generator/markdown"
	"github.com/accord-handbook/accord/generator/render"
	"github.com/accord-handbook/accord/generator/serve"
	"github.com/accord-handbook/accord/generator/watch"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", "[DIR] [--port 1313] [--bind 127.0.0.1]\n\n"+
		"Build the handbook in DIR (default ./content), serve it from memory and rebuild on every\n"+
		"change. Open pages reload; a broken build shows its problems over the last good page.", stderr)
	port := fs.Int("port", 1313, "TCP `port` to listen on; 0 picks a free one")
	bind := fs.String("bind", "127.0.0.1", "`address` to listen on; anything but loopback shows the handbook to the network")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	dir, err := handbookDir(pos)
	if err != nil {
		return err
	}
	if *port < 0 || *port > 65535 {
		return usagef("--port %d: want a port from 0 to 65535", *port)
	}

	ln, loopback, err := listen(*bind, *port, stderr)
	if err != nil {
		return err
	}
	// Watch before the first build, so that a save during it is not lost.
	w, err := watch.New(dir)
	if err != nil {
		ln.Close()
		return err
	}
	defer w.Close()

	s := &serveSession{
		opts:   generator.Options{Dir: dir, Name: displayDir(dir)},
		srv:    serve.New(),
		cache:  markdown.NewCache(),
		graphs: graphviz.New(graphviz.DefaultCacheDir()),
		stdout: stdout,
		diags:  diagPrinter{stderr: stderr},
	}
	defer s.graphs.Close()
	s.rebuild(ctx, nil)
	handler := s.srv.Handler()
	if loopback {
		handler = serve.LocalOnly(handler)
	}
	return s.serve(ctx, ln, handler, w)
}

// listen opens the port, and warns when it is open to the network.
func listen(bind string, port int, stderr io.Writer) (ln net.Listener, loopback bool, err error) {
	ln, err = net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(port)))
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return nil, false, fmt.Errorf("cannot listen: %v: choose another --port, or --port 0 for a free one", err)
		}
		return nil, false, fmt.Errorf("cannot listen: %v", err)
	}
	a, ok := ln.Addr().(*net.TCPAddr)
	loopback = ok && a.IP.IsLoopback()
	if !loopback {
		fmt.Fprintf(stderr, "warning: --bind %s is not a loopback address: anyone who can reach this machine can read the handbook\n", bind)
	}
	return ln, loopback, nil
}

// serve answers HTTP on ln and rebuilds on every batch of changes until ctx
// ends (Ctrl-C), then shuts down: live streams closed, requests finished,
// the server's goroutine ended.
func (s *serveSession) serve(ctx context.Context, ln net.Listener, handler http.Handler, w *watch.Watcher) error {
	hs := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	// The live streams must end before Shutdown can: it waits for them.
	hs.RegisterOnShutdown(s.srv.Close)
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	fmt.Fprintf(s.stdout, "serving %s at http://%s/ (Ctrl-C to stop)\n", s.opts.Name, ln.Addr())

	var failed error
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case err := <-served:
			failed = err
			break loop
		case b, ok := <-w.Events():
			if !ok {
				break loop
			}
			s.rebuild(ctx, &b)
		case err := <-w.Errors():
			fmt.Fprintf(s.diags.stderr, "warning: watching %s: %v\n", s.opts.Name, err)
		}
	}

	// A second for requests in flight; then connections are closed. Go's
	// Shutdown would otherwise wait up to 5 s for a connection a browser
	// opened and never used, and Ctrl-C must feel instant.
	shutdown, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	s.srv.Close()
	if err := hs.Shutdown(shutdown); err != nil {
		hs.Close()
	}
	if failed == nil {
		failed = <-served
	}
	if errors.Is(failed, http.ErrServerClosed) {
		failed = nil
	}
	fmt.Fprintln(s.stdout, "stopped")
	return failed
}

// serveSession is the state of `accord serve` between rebuilds.
type serveSession struct {
	opts   generator.Options
	srv    *serve.Server
	cache  *markdown.Cache
	graphs *graphviz.Renderer // one for the session: its cache and Graphviz stay warm
	stdout io.Writer
	diags  diagPrinter
	good   bool // a build has succeeded: there is a site to fall back on
	// lazyBuilds counts lazy rebuilds, to sweep the Markdown cache now and then.
	lazyBuilds int
	// compile is generator.Compile; tests replace it to make a build panic.
	compile compileFunc
}

// rebuild compiles the whole handbook (cheap: no dependency tracking to get
// wrong) and swaps the result in, or keeps the last good site and shows why
// the new one failed. b is nil for the first build.
func (s *serveSession) rebuild(ctx context.Context, b *watch.Batch) {
	// A session without a graph renderer (tests) draws no graphs, rather
	// than starting Graphviz for every rebuild.
	co := generator.CompileOptions{Extra: serve.Script, Markdown: s.cache, Graphs: s.graphs, NoGraphs: s.graphs == nil}
	if s.compile == nil && s.rebuildLazily(ctx, b, co) {
		return
	}
	c := compileSafely(ctx, s.compile, s.opts, co)
	if ctx.Err() != nil {
		return // interrupted: nothing to report
	}
	s.diags.print(c, "serve")
	if c.err != nil {
		s.failed(c)
		return
	}
	s.good = true
	s.srv.SetProblems(nil)
	ch := s.srv.Swap(c.files)
	if b == nil {
		fmt.Fprintf(s.stdout, "built %s in %s: %d files\n", s.opts.Name, ms(c.took), len(c.files))
		return
	}
	fmt.Fprintf(s.stdout, "rebuilt in %s (%s, %d of %d files updated)\n", ms(c.took), describe(*b), ch.Total(), len(c.files))
}

// failed shows why a build failed, in the browser and the terminal.
func (s *serveSession) failed(c compiled) {
	s.srv.SetProblems(c.problems())
	if s.good {
		fmt.Fprintf(s.diags.stderr, "build failed in %s: still serving the last good version\n", ms(c.took))
	} else {
		fmt.Fprintf(s.diags.stderr, "build failed in %s: fix the problems and the pages appear\n", ms(c.took))
	}
}

// rebuildLazily checks the handbook and swaps in a site whose pages render
// when a browser asks for them, so that a save reaches the page being read
// after a check and one page, not after the whole site. It reports false
// when the handbook must be compiled whole (it has earlier versions).
func (s *serveSession) rebuildLazily(ctx context.Context, b *watch.Batch, co generator.CompileOptions) bool {
	start := time.Now()
	var lazy *render.Lazy
	c := compileSafely(ctx, func(ctx context.Context, opts generator.Options, co generator.CompileOptions) ([]render.File, *generator.Checked, error) {
		l, checked, err := generator.CompileLazy(ctx, opts, co)
		lazy = l
		return nil, checked, err
	}, s.opts, co)
	if ctx.Err() != nil {
		return true
	}
	if c.err == nil && lazy == nil {
		return false
	}
	s.diags.print(c, "serve")
	if c.err != nil {
		s.failed(c)
		return true
	}
	s.good = true
	// Documents rendered since the last sweep stay cached; sweeping on
	// every save would forget the pages not visited in between.
	if s.lazyBuilds++; s.lazyBuilds%20 == 0 && s.cache != nil {
		s.cache.Sweep()
	}
	s.srv.SetProblems(nil)
	s.srv.SwapLazy(lazySite{lazy, s.diags.stderr})
	took := time.Since(start)
	if b == nil {
		fmt.Fprintf(s.stdout, "checked %s in %s: pages render as they are asked for\n", s.opts.Name, ms(took))
		return true
	}
	fmt.Fprintf(s.stdout, "rebuilt in %s (%s)\n", ms(took), describe(*b))
	return true
}

// lazySite reports in the terminal a page that fails to render on request.
type lazySite struct {
	*render.Lazy
	stderr io.Writer
}

func (l lazySite) Get(p string) ([]byte, bool, error) {
	data, ok, err := l.Lazy.Get(p)
	if err != nil {
		fmt.Fprintf(l.stderr, "accord serve: %s: %v\n", p, err)
	}
	return data, ok, err
}
