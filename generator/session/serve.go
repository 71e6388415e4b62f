package session

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/accord-handbook/accord/generator/render"
	"github.com/accord-handbook/accord/generator/serve"
	"github.com/accord-handbook/accord/generator/source"
	"github.com/accord-handbook/accord/generator/watch"
)

// Hosts are the names and addresses a dev server bound to bind answers
// to: the machine's own, and allow (see serve.MachineHosts).
func Hosts(bind string, allow []string) (*serve.Hosts, error) {
	return serve.MachineHosts(bind, allow)
}

// Serve is `accord serve`: it builds the handbook, serves it on ln from
// memory and rebuilds on every change until ctx ends (Ctrl-C), then shuts
// down: live streams closed, requests finished. It answers only requests
// whose Host is one of hosts (serve.HostCheck), whatever address ln is on.
func Serve(ctx context.Context, cfg Config, ln net.Listener, hosts *serve.Hosts) error {
	// Watch before the first build, so that a save during it is not lost.
	w, err := watch.New(cfg.Dir)
	if err != nil {
		ln.Close()
		return err
	}
	defer w.Close()
	s := New(cfg)
	defer s.Close()
	srv := serve.New()
	s.rebuildServed(ctx, srv, nil)
	return s.serve(ctx, ln, serve.HostCheck(srv.Handler(), hosts), srv, w)
}

func (s *Session) serve(ctx context.Context, ln net.Listener, handler http.Handler, srv *serve.Server, w *watch.Watcher) error {
	// A browser keeps a connection open after loading a page, for the next
	// one; each holds a file descriptor, which a rebuild needs, so an idle
	// one is closed after a while.
	hs := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 30 * time.Second}
	// The live streams must end before Shutdown can: it waits for them.
	hs.RegisterOnShutdown(srv.Close)
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	fmt.Fprintf(s.cfg.Stdout, "serving %s at http://%s/ (Ctrl-C to stop)\n", s.name, ln.Addr())

	var failed error
	midnight := s.midnight()
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
			s.rebuildServed(ctx, srv, &b)
		case b, ok := <-s.outside.events():
			if ok {
				s.rebuildServed(ctx, srv, &b)
			}
		case err := <-w.Errors():
			fmt.Fprintf(s.cfg.Stderr, "warning: watching %s: %s\n", s.name, source.EscapeLine(err.Error()))
		case err := <-s.outside.errors():
			fmt.Fprintf(s.cfg.Stderr, "warning: watching the earlier versions: %s\n", source.EscapeLine(err.Error()))
		case <-midnight:
			// A new day: documents may have fallen due.
			s.rebuildServed(ctx, srv, &watch.Batch{})
			midnight = s.midnight()
		}
	}

	// A second for requests in flight; then connections are closed. Go's
	// Shutdown would otherwise wait up to 5 s for a connection a browser
	// opened and never used, and Ctrl-C must feel instant.
	shutdown, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	srv.Close()
	if err := hs.Shutdown(shutdown); err != nil {
		hs.Close()
	}
	if failed == nil {
		failed = <-served
	}
	if errors.Is(failed, http.ErrServerClosed) {
		failed = nil
	}
	fmt.Fprintln(s.cfg.Stdout, "stopped")
	return failed
}

// rebuildServed builds the handbook again and swaps the result into srv,
// or keeps the last good site there and shows why the new one failed. b
// is nil for the first build. The handbook is checked and its pages
// rendered as the browser asks for them, so that a save reaches the page
// being read after a check and one page.
func (s *Session) rebuildServed(ctx context.Context, srv *serve.Server, b *watch.Batch) {
	s.changed(b)
	opts := s.opts
	opts.Extra = serve.Script
	c := s.build(ctx, opts, true)
	if ctx.Err() != nil {
		return // interrupted: nothing to report
	}
	s.diags.print(c, "serve")
	if c.err != nil {
		srv.SetProblems(c.problems())
		if s.good {
			fmt.Fprintf(s.cfg.Stderr, "build failed in %s: still serving the last good version\n", ms(c.took))
		} else {
			fmt.Fprintf(s.cfg.Stderr, "build failed in %s: fix the problems and the pages appear\n", ms(c.took))
		}
		return
	}
	s.good = true
	srv.SetProblems(nil)
	if c.lazy != nil {
		// Documents rendered since the last sweep stay cached; sweeping on
		// every save would forget the pages not visited in between.
		if s.lazyBuilds++; s.lazyBuilds%20 == 0 {
			s.cache.Sweep()
		}
		srv.SwapLazy(lazySite{c.lazy, s.cfg.Stderr})
		if b == nil {
			fmt.Fprintf(s.cfg.Stdout, "checked %s in %s: pages render as they are asked for\n", s.name, ms(c.took))
			return
		}
		fmt.Fprintf(s.cfg.Stdout, "rebuilt in %s (%s)\n", ms(c.took), describe(*b))
		return
	}
	ch := srv.Swap(c.files)
	if b == nil {
		fmt.Fprintf(s.cfg.Stdout, "built %s in %s: %d files\n", s.name, ms(c.took), len(c.files))
		return
	}
	fmt.Fprintf(s.cfg.Stdout, "rebuilt in %s (%s, %d of %d files updated)\n", ms(c.took), describe(*b), ch.Total(), len(c.files))
}

// midnight fires at the next local midnight, when a session that follows
// the clock builds again as of the new day; nil when the date is pinned.
func (s *Session) midnight() <-chan time.Time {
	if !s.cfg.AsOf.IsZero() {
		return nil
	}
	now := time.Now()
	next := time.Date(now.Year(), now.Month(), now.Day()+1, 0, 0, 1, 0, now.Location())
	return time.After(next.Sub(now))
}

// lazySite reports in the terminal a page that fails to render on request.
type lazySite struct {
	*render.Lazy
	stderr io.Writer
}

func (l lazySite) Get(p string) ([]byte, bool, error) {
	data, ok, err := l.Lazy.Get(p)
	if err != nil {
		fmt.Fprintf(l.stderr, "accord serve: %s: %s\n", source.EscapeLine(p), source.EscapeText(err.Error()))
	}
	return data, ok, err
}
