package serve

import (
	"strings"
	"testing"
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
