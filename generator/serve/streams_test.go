package serve

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator/source"
)

// TestServe_liveStreamsCapped opens 250 live streams at once, as 250 tabs
// would: 64 are served, the others refused with 503 and a Retry-After, and
// the site's pages are served all along. When a stream closes, a refused
// page that tries again gets its place.
func TestServe_liveStreamsCapped(t *testing.T) {
	s := New()
	s.Swap(site1())
	ts := newTestServer(t, s)

	const tabs = 250
	var (
		mu      sync.Mutex
		open    []*stream
		refused int
		wg      sync.WaitGroup
	)
	for range tabs {
		wg.Go(func() {
			st, resp := tryStream(t, ts.URL)
			mu.Lock()
			defer mu.Unlock()
			if st != nil {
				open = append(open, st)
				return
			}
			if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
				t.Errorf("refused stream: %d, Retry-After %q", resp.StatusCode, resp.Header.Get("Retry-After"))
			}
			refused++
		})
	}
	wg.Wait()
	if len(open) != maxStreams || refused != tabs-maxStreams || s.Clients() != maxStreams {
		t.Fatalf("%d streams open, %d refused, %d clients; want %d open", len(open), refused, s.Clients(), maxStreams)
	}
	if resp, body := get(t, ts.URL+"/roles/lead.html"); resp.StatusCode != 200 || body != "<p>lead</p>" {
		t.Errorf("a page while the streams are full: %d %q", resp.StatusCode, body)
	}
	s.SetProblems([]source.Diagnostic{{Pos: source.Pos{File: "x.toml"}, Msg: "broken"}})
	for _, st := range open {
		if ev := st.next(t); ev.name != "errors" {
			t.Fatalf("an open stream got %s, want errors", ev.name)
		}
	}

	open[0].close()
	waitFor(t, func() bool { return s.Clients() == maxStreams-1 })
	st, resp := tryStream(t, ts.URL)
	if st == nil {
		t.Fatalf("a page trying again after a stream closed: %d", resp.StatusCode)
	}
	if st, _ := tryStream(t, ts.URL); st != nil {
		t.Error("a stream past the limit was let in")
	}
}

// TestServe_stalledStreamDropped: a page that stops reading its stream
// (its computer asleep) is dropped once a write has waited writeTimeout,
// and its connection closed, instead of holding it until TCP gives up.
func TestServe_stalledStreamDropped(t *testing.T) {
	s := New()
	s.writeTimeout = 200 * time.Millisecond
	var live atomic.Int32 // live-stream handlers running
	h := s.Handler()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		live.Add(1)
		defer live.Add(-1)
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(func() { s.Close(); ts.Close() })

	conn, err := net.Dial("tcp", strings.TrimPrefix(ts.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: localhost\r\n\r\n", LivePath) // and never read
	waitFor(t, func() bool { return s.Clients() == 1 })

	// Far more than the sockets' buffers hold, so that a write blocks.
	big := strings.Repeat("x", 1<<20)
	for i := range 64 {
		s.SetProblems([]source.Diagnostic{{Pos: source.Pos{File: "x.toml", Line: i + 1}, Msg: big}})
	}
	deadline := time.Now().Add(wait)
	for live.Load() > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("the stalled stream's handler still runs after %s", wait)
		}
		time.Sleep(10 * time.Millisecond)
	}
	conn.SetReadDeadline(time.Now().Add(wait))
	if _, err := drain(conn); err != nil {
		t.Errorf("the stalled connection was not closed: %v", err)
	}
}

// drain reads c to its end.
func drain(c net.Conn) (int64, error) {
	var n int64
	buf := make([]byte, 1<<16)
	for {
		m, err := c.Read(buf)
		n += int64(m)
		if errors.Is(err, io.EOF) || errors.Is(err, syscall.ECONNRESET) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}
