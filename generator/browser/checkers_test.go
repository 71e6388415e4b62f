package browser

import (
	"net/url"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/accord-handbook/accord/internal/chrometest"
	"github.com/accord-handbook/accord/internal/webcheck"
)

// TestPages_valid runs the W3C Nu Html Checker over a page of each kind of
// each checked site: no error.
func TestPages_valid(t *testing.T) {
	webcheck.VNU(t)
	pages := checkedPages(t)
	var files []string
	for _, s := range checkedSites {
		for i := 1; i < len(pages[s.name]); i += 2 {
			files = append(files, filepath.Join(a11y.sites[s.name], filepath.FromSlash(pages[s.name][i])))
		}
	}
	for _, m := range webcheck.Validate(t, files) {
		t.Errorf("%s", m)
	}
}

// TestPages_accessible runs axe-core's WCAG 2.0 and 2.1 A and AA rules on a
// page of each kind: no serious or critical violation. It has two views,
// the light theme at a laptop's width and the dark theme (the system's
// choice) at a phone's, and each kind is checked in both, on different
// sites (checkedSites). The search page is checked with results listed,
// and the home page also with the top bar's search list open; every page
// with all it can show shown (unfold).
func TestPages_accessible(t *testing.T) {
	axe := webcheck.Axe(t)
	chrometest.Path(t)
	pages := checkedPages(t)
	for _, view := range []struct {
		name          string
		width, height int64
		scheme        string
	}{
		{"light-laptop", 1280, 900, "light"},
		{"dark-phone", 375, 812, "dark"},
	} {
		t.Run(view.name, func(t *testing.T) {
			// Each view checks some thirty pages, at about a second each.
			b := newBrowserFor(t, 1280, 900, 4*time.Minute)
			// A headless window is at least 500px wide: emulate the phone's viewport.
			b.do(t, chromedp.EmulateViewport(view.width, view.height))
			media := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: view.scheme}}}
			if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, media); err != nil {
				t.Fatal(err)
			}
			for _, s := range checkedSites {
				if s.view != view.name && s.view != "both" {
					continue
				}
				base := serve(t, a11y.sites[s.name])
				for i := 0; i < len(pages[s.name]); i += 2 {
					kind, p := pages[s.name][i], pages[s.name][i+1]
					if s.axe != nil && !slices.Contains(s.axe, kind) {
						continue
					}
					switch p {
					case "search.html":
						b.do(t, chromedp.Navigate(base+p+"?q="+url.QueryEscape(s.query)), chromedp.WaitVisible(chromedp.CSS(`#search-list li`)))
					default:
						b.do(t, chromedp.Navigate(base+p))
					}
					b.do(t, chromedp.Evaluate[chromedp.Void](unfold))
					checkAxe(t, b, axe, s.name+"/"+p)
					if p == "index.html" {
						b.do(t, chromedp.SendKeys(chromedp.CSS(`#q`), s.query), chromedp.WaitVisible(chromedp.CSS(`#q-results li`)))
						checkAxe(t, b, axe, s.name+"/"+p+" (search list open)")
					}
				}
				b.check(t, base)
			}
		})
	}
}

// unfold opens every <details> (a graph's facts, a document's history, the
// version menu) and shows every graph at its natural size: what the page
// shows then, the rules must hold for too.
const unfold = `document.querySelectorAll("details").forEach(d => d.open = true);
document.querySelectorAll(".graph-zoom:not([hidden])").forEach(b => b.click())`

// checkAxe runs axe in the page the browser shows: serious and critical
// violations fail the test, the others are logged.
func checkAxe(t *testing.T, b *browser, axe, page string) {
	t.Helper()
	vs, err := webcheck.RunAxe(b.ctx, axe)
	if err != nil {
		t.Fatalf("%s: %v", page, err)
	}
	for _, v := range vs {
		if v.Serious() {
			t.Errorf("%s: %s", page, v)
		} else {
			t.Logf("%s: %s", page, v)
		}
	}
}
