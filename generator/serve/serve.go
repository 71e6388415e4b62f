// Package serve serves a compiled handbook from memory while it is edited.
//
// In: the rendered files after each successful build (Swap) and the problems
// of each failed one (SetProblems). Out: an http.Handler that serves the
// files, a live stream of server-sent events at LivePath that tells every
// open page to reload or to show the problems in an overlay, and the current
// problems as JSON at ProblemsPath.
//
// The site is an immutable map swapped atomically, so a request sees either
// the old site or the new one, never a mix, and nothing is written to disk.
// Only paths of that map are served: the handler never touches the file
// system, and it refuses dot-dot, backslash and empty segments outright.
package serve

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/accord-handbook/accord/generator/site"
	"github.com/accord-handbook/accord/generator/source"
	"github.com/accord-handbook/accord/generator/urls"
)

// Endpoints of the live-reload machinery. They live under the theme's folder
// name, which no handbook source can produce.
const (
	LivePath     = "/" + urls.ThemeDir + "/live"
	ProblemsPath = "/" + urls.ThemeDir + "/problems"
)

// Server holds the site being served and the open live streams.
type Server struct {
	site atomic.Pointer[served]

	mu       sync.Mutex
	clients  map[*client]struct{}
	problems []Problem
	build    uint64 // counts reloads, so a reconnecting page can tell it missed one
	boot     string // tells a page that the server restarted
	closed   bool
	done     chan struct{}
	// maxStreams and writeTimeout are the constants of the same names;
	// tests make them smaller.
	maxStreams   int
	writeTimeout time.Duration
}

type served struct {
	files map[string]*file
	// lazy, when set, renders the files on request (see SwapLazy); the
	// ones rendered so far are kept in rendered.
	lazy     Lazy
	rendered sync.Map // path -> *file
}

// Lazy is a site that renders a file when it is first asked for
// (render.Lazy). ok is false when the site has no such file.
type Lazy interface {
	Get(path string) (data []byte, ok bool, err error)
}

// SwapLazy replaces the site with one that renders pages on request and
// tells every open page to reload: the page a reader is looking at is then
// rendered alone, right away, instead of after the whole site.
func (s *Server) SwapLazy(l Lazy) {
	s.site.Store(&served{files: map[string]*file{}, lazy: l})
	s.mu.Lock()
	defer s.mu.Unlock()
	s.problems = nil
	s.build++
	s.broadcast(s.reloadEvent(nil))
}

// lookup finds a file of the site, rendering it when the site is lazy.
func (st *served) lookup(p string) (*file, bool, error) {
	if f, ok := st.files[p]; ok || st.lazy == nil {
		return f, ok, nil
	}
	if f, ok := st.rendered.Load(p); ok {
		return f.(*file), true, nil
	}
	data, ok, err := st.lazy.Get(p)
	if err != nil || !ok {
		return nil, false, err
	}
	f := newFile(p, data)
	st.rendered.Store(p, f)
	return f, true, nil
}

func newFile(p string, data []byte) *file {
	sum := sha256.Sum256(data)
	return &file{data: data, etag: `"` + hex.EncodeToString(sum[:12]) + `"`, ctype: contentType(p)}
}

type file struct {
	data  []byte
	etag  string
	ctype string
}

// New returns a Server with an empty site.
func New() *Server {
	s := &Server{clients: map[*client]struct{}{}, done: make(chan struct{}), maxStreams: maxStreams, writeTimeout: writeTimeout}
	var b [6]byte
	rand.Read(b[:])
	s.boot = hex.EncodeToString(b[:])
	s.site.Store(&served{files: map[string]*file{}})
	return s
}

// Changes counts how a Swap changed the site.
type Changes struct {
	Added, Changed, Removed int
	Paths                   []string // added and changed paths, in site order
}

// Total is the number of output files that differ.
func (c Changes) Total() int { return c.Added + c.Changed + c.Removed }

// Swap replaces the site with files and, when any file differs (or a problem
// overlay is showing), tells every open page to reload. Unchanged files keep
// their ETag, so browsers revalidate them with a 304.
func (s *Server) Swap(files []site.File) Changes {
	old := s.site.Load().files
	next := &served{files: make(map[string]*file, len(files))}
	var ch Changes
	for _, f := range files {
		if o, ok := old[f.Path]; ok && bytes.Equal(o.data, f.Data) {
			next.files[f.Path] = o
			continue
		}
		if _, ok := old[f.Path]; ok {
			ch.Changed++
		} else {
			ch.Added++
		}
		ch.Paths = append(ch.Paths, f.Path)
		next.files[f.Path] = newFile(f.Path, f.Data)
	}
	for p := range old {
		if _, ok := next.files[p]; !ok {
			ch.Removed++
		}
	}
	s.site.Store(next)

	s.mu.Lock()
	defer s.mu.Unlock()
	hadProblems := len(s.problems) > 0
	s.problems = nil
	if ch.Total() > 0 || hadProblems {
		s.build++
		s.broadcast(s.reloadEvent(ch.Paths))
	}
	return ch
}

// Problem is one diagnostic as the overlay shows it.
type Problem struct {
	File     string `json:"file,omitempty"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	// Text is the whole line as the terminal prints it: file:line:col: message.
	Text string `json:"text"`
}

// SetProblems records why the latest build failed and shows the problems on
// every open page; the last good site stays served. An empty list clears the
// overlay without reloading.
func (s *Server) SetProblems(diags []source.Diagnostic) {
	ps := make([]Problem, 0, len(diags))
	for _, d := range diags {
		sev := "error"
		if d.Severity == source.Warning {
			sev = "warning"
		}
		ps = append(ps, Problem{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Severity: sev, Message: d.Msg, Text: d.String()})
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	had := len(s.problems) > 0
	s.problems = ps
	switch {
	case len(ps) > 0:
		s.broadcast(s.problemsEvent())
	case had:
		s.broadcast(event{name: "ok", data: []byte("{}")})
	}
}

// Problems returns the current problems.
func (s *Server) Problems() []Problem {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Problem{}, s.problems...)
}

// Close ends every live stream, so that http.Server.Shutdown, which waits
// for active requests, returns promptly. The files stay served.
func (s *Server) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	s.closed = true
	close(s.done)
	for c := range s.clients {
		delete(s.clients, c)
		close(c.ch)
	}
}

// Handler serves the site, the live stream and the problems.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case LivePath:
			s.serveLive(w, r)
		case ProblemsPath:
			s.serveProblems(w, r)
		default:
			s.serveFile(w, r)
		}
	})
}
