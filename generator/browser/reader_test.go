package browser

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/accord-handbook/accord/internal/chrometest"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// results runs a search on search.html and returns the result titles.
func results(t *testing.T, b *browser, base, q string) []string {
	t.Helper()
	b.do(t,
		chromedp.Navigate(base+"search.html?q="+url.QueryEscape(q)),
		chromedp.WaitVisible(chromedp.CSS(`#search-list li`)),
	)
	return eval[[]string](t, b, `Array.from(document.querySelectorAll('#search-list li .result-title')).map(e => e.textContent)`)
}

func TestSearch(t *testing.T) {
	chrometest.Path(t)
	for scheme, base := range bases(t) {
		t.Run(scheme, func(t *testing.T) {
			b := newBrowser(t, 1280, 900)
			tests := []struct{ q, want string }{
				{"信用证", "信用证"},              // a Chinese term
				{"审证要点", "信用证审证要点"},         // a Chinese substring of a title (审证 alone finds the step 信用证审证与改证 first)
				{"Letter of Credit", "信用证"}, // an English alias
				{"fob", "FOB"},              // case-insensitive, English
			}
			for _, tt := range tests {
				got := results(t, b, base, tt.q)
				if len(got) == 0 || !strings.Contains(got[0], tt.want) {
					t.Errorf("search %q: first results %q, want one titled %q first", tt.q, head(got, 3), tt.want)
				}
			}
			if marks := eval[int](t, b, `document.querySelectorAll('#search-list mark').length`); marks == 0 {
				t.Error("no highlighted match in the results")
			}
			b.check(t, base)
		})
	}
}

func head(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// TestSearchBox_keyboard: in the top bar's search box, the down arrow
// selects the first result (aria-activedescendant names it) and Enter opens
// it; the list is a listbox with a name, and each result a link that is an
// option (an option may not hold a link).
func TestSearchBox_keyboard(t *testing.T) {
	chrometest.Path(t)
	base := bases(t)["http"]
	b := newBrowser(t, 1280, 900)
	b.do(t,
		chromedp.Navigate(base+"index.html"),
		chromedp.WaitReady(chromedp.CSS(`#q`)),
		chromedp.SendKeys(chromedp.CSS(`#q`), "退税"),
		// The results of 退 may show before those of 退税 replace them:
		// an arrow pressed between the two selects what is gone.
		chromedp.WaitVisible(chromedp.CSS(`#q-results[data-q="退税"] li`)),
		chromedp.SendKeys(chromedp.CSS(`#q`), kb.ArrowDown),
	)
	if got := eval[string](t, b, `document.getElementById('q-results').getAttribute('aria-label') || ''`); got == "" {
		t.Error("the list of results has no name")
	}
	active := `document.getElementById(document.getElementById('q').getAttribute('aria-activedescendant'))`
	if got := eval[string](t, b, `(e => e ? e.tagName + ' ' + e.getAttribute('role') + ' ' + e.getAttribute('aria-selected') : 'none')(`+active+`)`); got != "A option true" {
		t.Errorf("the search box's active result is %q, want a link that is a selected option", got)
	}
	first := eval[string](t, b, `document.querySelector('#q-results a').href`)
	b.do(t,
		pressEnter(),
		chromedp.Sleep(500*time.Millisecond),
	)
	loc, err := chromedp.Run(b.ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if loc != first {
		t.Errorf("Enter on the selected result opened %s, want %s", loc, first)
	}
	b.check(t, base)
}

func TestThemeToggle_persists(t *testing.T) {
	chrometest.Path(t)
	for scheme, base := range bases(t) {
		t.Run(scheme, func(t *testing.T) {
			b := newBrowser(t, 1280, 900)
			b.do(t,
				chromedp.Navigate(base+"index.html"),
				chromedp.WaitVisible(chromedp.CSS(`.theme-toggle`)),
				chromedp.Click(chromedp.CSS(`.theme-toggle`)), // auto -> light
				chromedp.Click(chromedp.CSS(`.theme-toggle`)), // light -> dark
				chromedp.Navigate(base+"roles/sales-rep.html"),
				chromedp.WaitReady(chromedp.CSS(`body`)),
			)
			if theme := eval[string](t, b, `document.documentElement.getAttribute('data-theme') || ''`); theme != "dark" {
				t.Errorf("after choosing dark and opening another page, data-theme = %q", theme)
			}
			b.check(t, base)
		})
	}
}

func TestOnboardingChecklist_survivesReload(t *testing.T) {
	chrometest.Path(t)
	for scheme, base := range bases(t) {
		t.Run(scheme, func(t *testing.T) {
			b := newBrowser(t, 1280, 900)
			first := chromedp.CSS(`ol.checklist input[type=checkbox]`)
			b.do(t,
				chromedp.Navigate(base+"onboarding/sales-rep.html"),
				chromedp.WaitVisible(first),
				chromedp.Click(first),
				chromedp.Reload(),
				chromedp.WaitVisible(first),
				chromedp.Sleep(200*time.Millisecond),
			)
			if !eval[bool](t, b, `document.querySelector('ol.checklist input[type=checkbox]').checked`) {
				t.Error("the ticked reading-list entry is unticked after a reload")
			}
			if progress := eval[string](t, b, `document.querySelector('.checklist-progress').textContent`); !strings.Contains(progress, "1/") {
				t.Errorf("progress = %q, want 1/…", progress)
			}
			b.check(t, base)
		})
	}
}

// TestLayout_screenshots opens the main kinds of page at phone and laptop
// widths: nothing may overflow the viewport sideways (wide tables scroll in
// their own box) and the screenshots go to $ACCORD_SCREENSHOTS when set.
func TestLayout_screenshots(t *testing.T) {
	chrometest.Path(t)
	base := bases(t)["file"]
	out := os.Getenv("ACCORD_SCREENSHOTS")
	pages := []string{"index.html", "roles/sales-rep.html", "workflows/order-fulfillment.html", "raci.html", "policies/risk-management.html", "onboarding/merchandiser.html", "search.html?q=信用证"}
	for _, width := range []int{375, 1280} {
		b := newBrowser(t, 1280, 900)
		// A headless window is at least 500px wide: emulate the phone's viewport.
		b.do(t, chromedp.EmulateViewport(int64(width), 900))
		for _, p := range pages {
			b.do(t, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS(`main`)), chromedp.Sleep(100*time.Millisecond))
			if w := eval[int](t, b, `document.documentElement.scrollWidth`); w > width+1 {
				t.Errorf("%s at %dpx: page is %dpx wide, wider than the screen", p, width, w)
			}
			buf, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
			if err != nil || len(buf) < 1000 {
				t.Errorf("%s at %dpx: screenshot of %d bytes: %v", p, width, len(buf), err)
			}
			if out != "" {
				name := strings.NewReplacer("/", "_", ".html", "", "?q=", "-").Replace(p)
				os.WriteFile(filepath.Join(out, name+"-"+strconv.Itoa(width)+".png"), buf, 0o644)
			}
		}
		b.check(t, base)
	}
}

// pressEnter presses Enter as a keyboard does: one keydown that carries the
// text, so that a page calling preventDefault on it stops the keypress, and
// the form is not submitted. chromedp's kb.Enter sends the keypress as an
// event of its own, which submits the form whatever the keydown did, and
// which of the two navigations wins is a race.
func pressEnter() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, k := range kb.Encode('\r') {
			if k.Type == kb.KeyChar {
				continue
			}
			if k.Type == kb.KeyDown {
				k.Text, k.UnmodifiedText = "\r", "\r"
			}
			if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, *k); err != nil {
				return err
			}
		}
		return nil
	})
}
