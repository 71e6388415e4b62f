package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// event is one server-sent event. data is one line of JSON.
type event struct {
	name string
	data []byte
}

// client is one open live stream. Its channel is buffered and never blocks
// the broadcaster: a client that falls that far behind is dropped (its
// channel closed) and its page reconnects, which brings it up to date.
type client struct {
	ch chan event
}

const clientBuffer = 16

// keepAlive is how often an idle stream gets a comment line. Writing is how
// a server notices a peer that vanished without closing the connection.
const keepAlive = 15 * time.Second

// maxStreams is how many live streams are open at once, by default. Each
// holds a connection, and so a file descriptor: enough open tabs under a
// low descriptor limit left none for reading the sources, and every
// rebuild failed. A page past the limit is refused with 503 and tries
// again later (Script); a person has only so many tabs in view.
const maxStreams = 64

// retryAfter is what a refused page is told to wait, in seconds.
const retryAfter = "5"

// writeTimeout bounds each write to a live stream: a page whose connection
// stopped reading (a laptop gone to sleep, a peer that vanished) is dropped
// instead of holding its connection until TCP gives up, many minutes on.
const writeTimeout = 10 * time.Second

// maxReloadPaths bounds the paths listed in a reload event: a page only
// needs to know that something changed.
const maxReloadPaths = 50

func (s *Server) broadcast(ev event) {
	for c := range s.clients {
		select {
		case c.ch <- ev:
		default:
			delete(s.clients, c)
			close(c.ch)
		}
	}
}

// hello tells a page which build it is looking at: when a page reconnects
// (the server restarted, or dropped it) and the id differs, it reloads.
func (s *Server) helloEvent() event {
	data, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("%s-%d", s.boot, s.build)})
	return event{name: "hello", data: data}
}

func (s *Server) reloadEvent(paths []string) event {
	if len(paths) > maxReloadPaths {
		paths = paths[:maxReloadPaths]
	}
	data, _ := json.Marshal(struct {
		ID    string   `json:"id"`
		Paths []string `json:"paths"`
	}{fmt.Sprintf("%s-%d", s.boot, s.build), paths})
	return event{name: "reload", data: data}
}

func (s *Server) problemsEvent() event {
	data, _ := json.Marshal(s.problems)
	return event{name: "errors", data: data}
}

// serveLive streams events to one page until the page goes away or the
// server closes. It runs on the request's own goroutine and starts none.
func (s *Server) serveLive(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", "GET")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	c := &client{ch: make(chan event, clientBuffer)}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	if len(s.clients) >= s.maxStreams {
		s.mu.Unlock()
		w.Header().Set("Retry-After", retryAfter)
		http.Error(w, fmt.Sprintf("accord serve: %d pages are listening for reloads already; this one tries again later", s.maxStreams), http.StatusServiceUnavailable)
		return
	}
	// The current state goes first, under the lock, so that no event can
	// slip in between the snapshot and the subscription.
	first := []event{s.helloEvent()}
	if len(s.problems) > 0 {
		first = append(first, s.problemsEvent())
	}
	s.clients[c] = struct{}{}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		if _, ok := s.clients[c]; ok {
			delete(s.clients, c)
			close(c.ch)
		}
		s.mu.Unlock()
	}()

	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	rc := http.NewResponseController(w)
	deadline := func() { rc.SetWriteDeadline(time.Now().Add(s.writeTimeout)) }
	deadline()
	// retry: reconnect quickly after a restart of accord serve.
	if _, err := fmt.Fprint(w, "retry: 500\n\n"); err != nil {
		return
	}
	for _, ev := range first {
		if writeEvent(w, ev) != nil {
			return
		}
	}
	if rc.Flush() != nil {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		ev := event{} // a keep-alive comment, unless an event comes
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case e, ok := <-c.ch:
			if !ok {
				return
			}
			ev = e
		case <-tick.C:
		}
		deadline()
		err := writeEvent(w, ev)
		if err == nil {
			err = rc.Flush()
		}
		if err != nil {
			return
		}
	}
}

func writeEvent(w http.ResponseWriter, ev event) error {
	if ev.name == "" {
		_, err := fmt.Fprint(w, ": keep-alive\n\n")
		return err
	}
	_, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, ev.data)
	return err
}

func (s *Server) serveProblems(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	data, _ := json.Marshal(s.Problems())
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(append(data, '\n'))
}
