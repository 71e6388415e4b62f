package serve

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/accord-handbook/accord/generator/site"
	"github.com/accord-handbook/accord/generator/source"
	"github.com/accord-handbook/accord/internal/webcheck"
)

// TestNotFound_validAndAccessible: the dev server's page for a path the
// site lacks is held to what every page of a site is (generator/browser's
// TestPages_valid and TestPages_accessible): no error of the W3C checker,
// no serious or critical violation of axe's, also with the problems laid
// over it.
func TestNotFound_validAndAccessible(t *testing.T) {
	webcheck.VNU(t)
	axe := webcheck.Axe(t)
	s := New()
	s.Swap([]site.File{{Path: "index.html", Data: []byte("<!doctype html><title>x</title>")}})
	ts := newTestServer(t, s)

	resp, err := http.Get(ts.URL + "/nope.html")
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusNotFound {
		t.Fatalf("status %d, %v", resp.StatusCode, err)
	}
	name := filepath.Join(t.TempDir(), "404.html")
	if err := os.WriteFile(name, body, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, m := range webcheck.Validate(t, []string{name}) {
		t.Errorf("%s", m)
	}

	ctx := chromium(t)
	check := func(state string) {
		t.Helper()
		vs, err := webcheck.RunAxe(ctx, axe)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			if v.Serious() {
				t.Errorf("%s: %s", state, v)
			}
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/nope.html")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return s.Clients() == 1 })
	check("not found")
	s.SetProblems([]source.Diagnostic{{Pos: source.Pos{File: "content/roles/x.toml", Line: 3, Col: 7}, Msg: "broken"}})
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`#accord-problems`))); err != nil {
		t.Fatal(err)
	}
	check("not found, with the problems over it")
}
