package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator/site"

	"github.com/accord-handbook/accord/generator/source"
)

const wait = 5 * time.Second

func site1() []site.File {
	return []site.File{
		{Path: "index.html", Data: []byte("<p>home</p>")},
		{Path: "roles/lead.html", Data: []byte("<p>lead</p>")},
		{Path: "pages/guides/index.html", Data: []byte("<p>guides</p>")},
		{Path: "_accord/style.css", Data: []byte("body{}")},
		{Path: "_accord/app.js", Data: []byte("1")},
		{Path: "model.json", Data: []byte("{}")},
		{Path: "assets/flow.svg", Data: []byte("<svg/>")},
	}
}

func get(t *testing.T, url string, hdr ...string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestServe_files(t *testing.T) {
	s := New()
	s.Swap(site1())
	ts := newTestServer(t, s)
	for _, c := range []struct{ path, body, ctype string }{
		{"/", "<p>home</p>", "text/html; charset=utf-8"},
		{"/index.html", "<p>home</p>", "text/html; charset=utf-8"},
		{"/roles/lead.html", "<p>lead</p>", "text/html; charset=utf-8"},
		{"/pages/guides/", "<p>guides</p>", "text/html; charset=utf-8"},
		{"/_accord/style.css", "body{}", "text/css; charset=utf-8"},
		{"/_accord/app.js", "1", "text/javascript; charset=utf-8"},
		{"/model.json", "{}", "application/json"},
		{"/assets/flow.svg", "<svg/>", "image/svg+xml"},
	} {
		resp, body := get(t, ts.URL+c.path)
		if resp.StatusCode != 200 || body != c.body || resp.Header.Get("Content-Type") != c.ctype {
			t.Errorf("%s: %d %q %q, want 200 %q %q", c.path, resp.StatusCode, resp.Header.Get("Content-Type"), body, c.ctype, c.body)
		}
		if resp.Header.Get("Cache-Control") != "no-cache" || resp.Header.Get("ETag") == "" {
			t.Errorf("%s: Cache-Control %q, ETag %q", c.path, resp.Header.Get("Cache-Control"), resp.Header.Get("ETag"))
		}
	}
	resp, _ := get(t, ts.URL+"/pages/guides")
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/pages/guides/" {
		t.Errorf("folder without slash: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	resp, body := get(t, ts.URL+"/nope.html")
	if resp.StatusCode != 404 || !strings.Contains(body, LivePath) {
		t.Errorf("missing page: %d, live script in body: %v", resp.StatusCode, strings.Contains(body, LivePath))
	}
	resp, _ = get(t, ts.URL+"/roles/lead.html")
	if resp, _ := get(t, ts.URL+"/roles/lead.html", "If-None-Match", resp.Header.Get("ETag")); resp.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match with the current ETag: %d, want 304", resp.StatusCode)
	}
	if r, err := http.Post(ts.URL+"/", "text/plain", nil); err != nil || r.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %v %v", r.StatusCode, err)
	}
}

// rawGet sends a request line exactly as written, bypassing the client's
// own path cleaning.
func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, wait)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(wait))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, addr)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestServe_traversalRefused(t *testing.T) {
	s := New()
	s.Swap(site1())
	ts := newTestServer(t, s)
	addr := strings.TrimPrefix(ts.URL, "http://")
	for _, target := range []string{
		"/../go.mod", "/%2e%2e/%2e%2e/etc/passwd", "/..%2fetc", "//etc/passwd", `/\..\x`,
		"/roles/../../go.mod", "/%2E%2E/go.mod", "/roles/%2e%2e%2f%2e%2e%2fgo.mod", "/./index.html",
		"/%5c..%5cgo.mod", "/index.html%00", "/etc/passwd", "/C:/Windows/win.ini",
	} {
		code, body := rawGet(t, addr, target)
		if code != 400 && code != 404 {
			t.Errorf("%s: status %d, want 400 or 404", target, code)
		}
		if strings.Contains(body, "root:") || strings.Contains(body, "module ") || strings.Contains(body, "<p>home</p>") {
			t.Errorf("%s: served content: %q", target, body)
		}
	}
}

// stream is an open live connection whose events arrive on a channel.
type stream struct {
	events chan event
	cancel context.CancelFunc
	done   chan struct{}
}

func openStream(t *testing.T, url string) *stream {
	t.Helper()
	st, resp := tryStream(t, url)
	if st == nil {
		t.Fatalf("live stream refused: %d", resp.StatusCode)
	}
	return st
}

// tryStream opens a live stream, or returns the response that refused it.
func tryStream(t *testing.T, url string) (*stream, *http.Response) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", url+LivePath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		cancel()
		return nil, resp
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		cancel()
		t.Fatalf("live stream Content-Type %q", ct)
	}
	st := &stream{events: make(chan event, 4096), cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(st.done)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var ev event
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				ev.data = []byte(line[len("data: "):])
			case line == "" && ev.name != "":
				st.events <- ev
				ev = event{}
			}
		}
	}()
	t.Cleanup(st.close)
	return st, resp
}

func (st *stream) close() {
	st.cancel()
	<-st.done
}

// next waits for the next event that is not a hello.
func (st *stream) next(t *testing.T) event {
	t.Helper()
	for {
		select {
		case ev := <-st.events:
			if ev.name != "hello" {
				return ev
			}
		case <-time.After(wait):
			t.Fatal("no event within", wait)
		}
	}
}

func (st *stream) quiet(t *testing.T) {
	t.Helper()
	select {
	case ev := <-st.events:
		t.Errorf("unexpected event %s %s", ev.name, ev.data)
	case <-time.After(50 * time.Millisecond):
	}
}

func TestServe_live(t *testing.T) {
	s := New()
	s.Swap(site1())
	ts := newTestServer(t, s)
	st := openStream(t, ts.URL)
	if ev := <-st.events; ev.name != "hello" {
		t.Fatalf("first event %q, want hello", ev.name)
	}

	files := site1()
	files[1].Data = []byte("<p>lead, changed</p>")
	files = append(files, site.File{Path: "roles/new.html", Data: []byte("new")})
	ch := s.Swap(files)
	if ch.Changed != 1 || ch.Added != 1 || ch.Removed != 0 {
		t.Errorf("changes %+v", ch)
	}
	if ev := st.next(t); ev.name != "reload" || !strings.Contains(string(ev.data), "roles/lead.html") {
		t.Errorf("got %s %s, want a reload naming roles/lead.html", ev.name, ev.data)
	}
	if _, body := get(t, ts.URL+"/roles/lead.html"); body != "<p>lead, changed</p>" {
		t.Errorf("after swap: %q", body)
	}
	s.Swap(files) // identical: no reload
	st.quiet(t)

	s.SetProblems([]source.Diagnostic{{Pos: source.Pos{File: "content/roles/x.toml", Line: 3, Col: 7}, Msg: `unknown team "<b>ops</b>"`}})
	ev := st.next(t)
	var ps []Problem
	if err := json.Unmarshal(ev.data, &ps); ev.name != "errors" || err != nil || len(ps) != 1 || ps[0].File != "content/roles/x.toml" || ps[0].Line != 3 || ps[0].Col != 7 {
		t.Fatalf("got %s %s (%v), want errors with file and line", ev.name, ev.data, err)
	}
	if _, body := get(t, ts.URL+"/roles/lead.html"); body != "<p>lead, changed</p>" {
		t.Errorf("the last good site must stay served, got %q", body)
	}
	// A page opened while the handbook is broken learns it at once.
	late := openStream(t, ts.URL)
	if ev := late.next(t); ev.name != "errors" {
		t.Errorf("late client got %s first, want errors", ev.name)
	}
	if _, body := get(t, ts.URL+ProblemsPath); !strings.Contains(body, `"line":3`) {
		t.Errorf("problems endpoint: %s", body)
	}

	s.SetProblems(nil)
	if ev := st.next(t); ev.name != "ok" {
		t.Errorf("fixed: got %s, want ok", ev.name)
	}
	files[0].Data = []byte("<p>home 2</p>")
	s.Swap(files)
	if ev := st.next(t); ev.name != "reload" {
		t.Errorf("got %s, want reload", ev.name)
	}
	if ev := late.next(t); ev.name != "ok" {
		t.Errorf("late client got %s, want ok", ev.name)
	}
}

func TestServe_clientsDroppedAndClosed(t *testing.T) {
	s := New()
	ts := newTestServer(t, s)
	var sts []*stream
	for range 10 {
		sts = append(sts, openStream(t, ts.URL))
	}
	waitFor(t, func() bool { return s.Clients() == 10 })
	for _, st := range sts[:5] {
		st.close()
	}
	waitFor(t, func() bool { return s.Clients() == 5 })
	s.Close()
	for _, st := range sts[5:] {
		select {
		case <-st.done:
		case <-time.After(wait):
			t.Fatal("stream still open after Close")
		}
	}
	if s.Clients() != 0 {
		t.Errorf("%d clients after Close", s.Clients())
	}
}

// newTestServer closes the server after the streams opened later, and
// closes s first so that no stream keeps httptest's Close waiting.
func newTestServer(t *testing.T, s *Server) *httptest.Server {
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(func() {
		s.Close()
		ts.Close()
	})
	return ts
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within", wait)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestScript_usesTextContentOnly(t *testing.T) {
	js := string(Script)
	if !strings.Contains(js, `"`+LivePath+`"`) {
		t.Errorf("the script does not connect to %s", LivePath)
	}
	for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"} {
		if strings.Contains(js, bad) {
			t.Errorf("the script uses %s", bad)
		}
	}
}
