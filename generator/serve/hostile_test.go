package serve

import (
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator/site"
)

// TestServe_moreTraversal adds encodings that decoders disagree on:
// double percent-encoding, overlong UTF-8 dots, absolute-form targets and
// a walk out of the theme folder. Nothing but the site's own files is ever
// served, whatever the path.
func TestServe_moreTraversal(t *testing.T) {
	s := New()
	s.Swap(site1())
	ts := newTestServer(t, s)
	addr := strings.TrimPrefix(ts.URL, "http://")
	for _, target := range []string{
		"/%252e%252e/%252e%252e/etc/passwd", "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/%e0%80%ae%e0%80%ae/go.mod",
		"/_accord/../../go.mod", "/_accord/%2e%2e/%2e%2e/go.mod", "/_accord/..%5c..%5cgo.mod",
		"http://" + addr + "/../../etc/passwd", "/roles/lead.html/../../../etc/passwd", "/roles/lead.html%2f..%2f..%2fgo.mod",
		"/..;/go.mod", "/.%2e/go.mod", "/%2e./go.mod", "/assets/flow.svg/..", "/;/../go.mod",
	} {
		code, body := rawGet(t, addr, target)
		if code == 200 && !strings.Contains(body, "home") && !strings.Contains(body, "<svg/>") {
			t.Errorf("%s: 200 with %.60q", target, body)
		}
		if strings.Contains(body, "root:") || strings.Contains(body, "module ") {
			t.Errorf("%s: a file outside the site: %.60q", target, body)
		}
	}
}

// TestServe_notFoundEscapesThePath: the path a request names is shown on
// the not-found page as text, never as markup (a link to such a path must
// not run script on the handbook's origin).
func TestServe_notFoundEscapesThePath(t *testing.T) {
	s := New()
	s.Swap(site1())
	ts := newTestServer(t, s)
	addr := strings.TrimPrefix(ts.URL, "http://")
	for _, target := range []string{
		"/%3Cscript%3Ealert(1)%3C/script%3E", `/"><img%20src=x%20onerror=alert(1)>`, "/%3Csvg%20onload=alert(1)%3E.html",
	} {
		code, body := rawGet(t, addr, target)
		if code != 404 {
			t.Errorf("%s: %d, want 404", target, code)
		}
		for _, bad := range []string{"<script>alert", "<img src", "<svg onload", "onerror=alert(1)>"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s: the page holds %q unescaped", target, bad)
			}
		}
	}
}

// TestServe_swapUnderLoad: eight clients request a 100 KB page while the
// site is swapped 200 times between two versions of it: every response is
// one of the two versions, byte for byte, never a mix or a cut.
func TestServe_swapUnderLoad(t *testing.T) {
	version := func(v string) []site.File {
		page := "<!doctype html><html><body>" + strings.Repeat("<p>version "+v+"</p>\n", 5000) + "</body></html>\n"
		return []site.File{{Path: "index.html", Data: []byte(page)}, {Path: "other.html", Data: []byte("<html>" + v + "</html>")}}
	}
	a, b := version("A"), version("B")
	s := New()
	s.Swap(a)
	ts := newTestServer(t, s)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var requests, bad atomic.Int64
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				resp, err := http.Get(ts.URL + "/")
				if err != nil {
					bad.Add(1)
					continue
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				requests.Add(1)
				if err != nil || string(body) != string(a[0].Data) && string(body) != string(b[0].Data) {
					bad.Add(1)
				}
			}
		}()
	}
	for i := range 200 {
		if i%2 == 0 {
			s.Swap(b)
		} else {
			s.Swap(a)
		}
		time.Sleep(time.Millisecond)
	}
	close(stop)
	wg.Wait()
	t.Logf("%d requests during 200 swaps, %d bad", requests.Load(), bad.Load())
	if bad.Load() > 0 || requests.Load() == 0 {
		t.Errorf("%d of %d responses were not one whole version", bad.Load(), requests.Load())
	}
}
