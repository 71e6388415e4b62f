package browser

import (
	"encoding/json"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
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
// and the home page also with the top bar's search list open.
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
					reportAxe(t, s.name+"/"+p, runAxe(t, b, axe))
					if p == "index.html" {
						b.do(t, chromedp.SendKeys(chromedp.CSS(`#q`), s.query), chromedp.WaitVisible(chromedp.CSS(`#q-results li`)))
						reportAxe(t, s.name+"/"+p+" (search list open)", runAxe(t, b, axe))
					}
				}
				b.check(t, base)
			}
		})
	}
}

// violation is what the tests keep of one of axe's.
type violation struct {
	ID, Impact, Help string
	Nodes            []string
}

// runAxe runs axe-core in the page and returns its violations of the WCAG
// 2.0 and 2.1 A and AA rules.
func runAxe(t *testing.T, b *browser, axe string) []violation {
	t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[any](axe+";0")); err != nil {
		t.Fatalf("load axe: %v", err)
	}
	js := `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]})
	  .then(r => JSON.stringify(r.violations.map(v => ({ID: v.id, Impact: v.impact, Help: v.help,
	    Nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary.replace(/\s+/g, " "))}))))`
	out, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe: %v", err)
	}
	var vs []violation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatal(err)
	}
	return vs
}

// reportAxe fails the test for serious and critical violations and logs
// the others.
func reportAxe(t *testing.T, page string, vs []violation) {
	t.Helper()
	for _, v := range vs {
		nodes := v.Nodes
		if len(nodes) > 3 {
			nodes = append(nodes[:3:3], fmt.Sprintf("… and %d more", len(v.Nodes)-3))
		}
		msg := fmt.Sprintf("%s: %s (%s): %s\n\t%s", page, v.ID, v.Impact, v.Help, strings.Join(nodes, "\n\t"))
		if v.Impact == "serious" || v.Impact == "critical" {
			t.Errorf("%s", msg)
		} else {
			t.Logf("%s", msg)
		}
	}
}
