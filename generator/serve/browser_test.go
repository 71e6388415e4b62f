package serve

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator/site"
	"github.com/accord-handbook/accord/internal/chrometest"

	"github.com/chromedp/chromedp"

	"github.com/accord-handbook/accord/generator/source"
)

// TestScript_inChromium runs the live script in a real browser: the overlay
// shows file:line:col and the message as text, goes away when the build is
// fixed, the page reloads on a new site, and a page opened while the
// handbook is broken shows the overlay at once. Like generator/browser, it
// skips without chromium, except under CI.
func TestScript_inChromium(t *testing.T) {
	ctx := chromium(t)
	s := New()
	page := func(v string) []site.File {
		return []site.File{{Path: "index.html", Data: []byte("<!doctype html><html><body><h1 id=\"t\">" + v + "</h1>\n" + string(Script) + "</body></html>")}}
	}
	s.Swap(page("v1"))
	ts := newTestServer(t, s)

	until := func(what, js string) {
		t.Helper()
		deadline := time.Now().Add(wait)
		for {
			// Errors are retried: the page may be between documents.
			if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js)); err == nil && ok {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("not within %s: %s", wait, what)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return s.Clients() == 1 })
	eval[bool](t, ctx, `(window.marker = 1) === 1`)

	hostile := `<img src=x onerror="window.pwned=1"> is not a role`
	s.SetProblems([]source.Diagnostic{{Pos: source.Pos{File: "content/roles/x.toml", Line: 3, Col: 7}, Msg: hostile}})
	until("overlay shown", `!!document.getElementById("accord-problems")`)
	text := eval[string](t, ctx, `document.getElementById("accord-problems").textContent`)
	if !strings.Contains(text, "content/roles/x.toml:3:7: ") || !strings.Contains(text, hostile) {
		t.Errorf("overlay text %q lacks the position or the message", text)
	}
	if eval[bool](t, ctx, `!!document.querySelector("#accord-problems img") || window.pwned === 1`) {
		t.Error("a message became markup in the overlay")
	}

	s.SetProblems(nil)
	until("overlay hidden after the fix", `!document.getElementById("accord-problems")`)

	s.Swap(page("v2"))
	until("page reloaded with v2", `(document.getElementById("t") || {}).textContent === "v2" && window.marker === undefined`)

	// Opened while broken: the overlay is there without any new event.
	s.SetProblems([]source.Diagnostic{{Pos: source.Pos{File: "content/teams.toml", Line: 1}, Msg: "broken"}})
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/")); err != nil {
		t.Fatal(err)
	}
	until("overlay on a page opened while broken", `(document.getElementById("accord-problems") || {textContent: ""}).textContent.includes("content/teams.toml:1: broken")`)
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

func chromium(t *testing.T) context.Context {
	t.Helper()
	return chrometest.Start(t, 0, 0, 60*time.Second)
}

// TestScript_refusedPageTriesAgain: with every live stream taken, a page's
// stream is refused (503), which closes an EventSource for good; the script
// tries again after a pause, gets in when a place frees up, and from then
// on reloads like any other page.
func TestScript_refusedPageTriesAgain(t *testing.T) {
	ctx := chromium(t)
	s := New()
	s.maxStreams = 1
	page := func(v string) []site.File {
		return []site.File{{Path: "index.html", Data: []byte("<!doctype html><html><body><h1 id=\"t\">" + v + "</h1>\n" + string(Script) + "</body></html>")}}
	}
	s.Swap(page("v1"))
	var refusals, accepted atomic.Int32
	h := s.Handler()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w}
		h.ServeHTTP(rec, r)
		switch {
		case r.URL.Path != LivePath:
		case rec.status == http.StatusServiceUnavailable:
			refusals.Add(1)
		default:
			accepted.Add(1) // counted as the stream ends: the first tab's, when it leaves
		}
	}))
	t.Cleanup(func() { s.Close(); ts.Close() })

	first, closeFirst := chromedp.NewContext(ctx) // a tab
	defer closeFirst()
	if err := chromedp.Do(first, chromedp.Navigate(ts.URL+"/")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return s.Clients() == 1 })
	second, closeSecond := chromedp.NewContext(ctx) // another tab
	defer closeSecond()
	if err := chromedp.Do(second, chromedp.Navigate(ts.URL+"/")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return refusals.Load() >= 1 })

	closeFirst()
	// The second tab's next try comes within its pause: 1 to 3 s after
	// the first refusal, 2 to 6 s after the second.
	deadline := time.Now().Add(10 * time.Second)
	for accepted.Load() < 1 || s.Clients() != 1 {
		if time.Now().After(deadline) {
			t.Fatalf("the refused tab did not try again (%d refusals, %d accepted, %d clients)", refusals.Load(), accepted.Load(), s.Clients())
		}
		time.Sleep(20 * time.Millisecond)
	}
	// Let in, it reloads once (it may have missed a reload while refused),
	// and that page's stream may be refused in turn until the old one is
	// seen to close: allow it a few pauses.
	s.Swap(page("v2"))
	deadline = time.Now().Add(15 * time.Second)
	for {
		v, err := chromedp.Run(second, chromedp.Evaluate[string](`(document.getElementById("t") || {}).textContent`))
		if err == nil && v == "v2" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the tab let in late did not reload on a new site: %q %v", v, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// statusRecorder remembers a response's status, and flushes like the
// writer it wraps, which the live stream needs.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
