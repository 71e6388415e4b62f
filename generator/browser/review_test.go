package browser

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/internal/chrometest"
)

// TestReviewCalendar: the shipped handbook as of a day when every
// document is overdue. The review calendar lists them by owner and the
// page of an overdue document carries a banner that leads to the
// calendar — in both themes, on a laptop and on a phone, with nothing
// wider than the screen.
func TestReviewCalendar(t *testing.T) {
	chrometest.Path(t)
	out := filepath.Join(t.TempDir(), "public")
	asOf, _ := model.ParseDate("2028-03-01")
	if _, err := generator.Build(context.Background(), generator.Options{Dir: filepath.Join("..", "..", "content"), Out: out, AsOf: asOf, NoGraphs: true}); err != nil {
		t.Fatalf("build: %v", err)
	}
	base := serve(t, out)
	shots := os.Getenv("ACCORD_SCREENSHOTS")
	for _, tc := range []struct {
		scheme string
		width  int
	}{{"light", 1280}, {"light", 375}, {"dark", 375}, {"dark", 1280}} {
		t.Run(tc.scheme+"-"+strconv.Itoa(tc.width), func(t *testing.T) {
			b := newBrowser(t, 1280, 900)
			dark := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: tc.scheme}}}
			if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, dark); err != nil {
				t.Fatal(err)
			}
			b.do(t, chromedp.EmulateViewport(int64(tc.width), 900))
			b.do(t, chromedp.Navigate(base+"review.html"), chromedp.WaitReady(chromedp.CSS(`main`)), chromedp.Sleep(100*time.Millisecond))
			if n := eval[int](t, b, `document.querySelectorAll('section.review-owner').length`); n < 3 {
				t.Errorf("%d owners on the calendar, want the handbook's owners", n)
			}
			if n := eval[int](t, b, `document.querySelectorAll('.due-overdue').length`); n < 20 {
				t.Errorf("%d documents marked overdue, want every document", n)
			}
			if w := eval[int](t, b, `document.documentElement.scrollWidth`); w > tc.width+1 {
				t.Errorf("the calendar is %dpx wide on a %dpx screen", w, tc.width)
			}
			shot(t, b, shots, "review-"+tc.scheme+"-"+strconv.Itoa(tc.width))

			b.do(t, chromedp.Navigate(base+"policies/credit-management.html"), chromedp.WaitVisible(chromedp.CSS(`.banner-overdue`)))
			if !eval[bool](t, b, `(() => { const r = document.querySelector('.banner-overdue').getBoundingClientRect(); return r.width > 0 && r.top < 600; })()`) {
				t.Error("the overdue banner is not at the top of the page")
			}
			if w := eval[int](t, b, `document.documentElement.scrollWidth`); w > tc.width+1 {
				t.Errorf("the policy page is %dpx wide on a %dpx screen", w, tc.width)
			}
			shot(t, b, shots, "overdue-"+tc.scheme+"-"+strconv.Itoa(tc.width))
			b.do(t, chromedp.Click(chromedp.CSS(`.banner-overdue a`)), chromedp.WaitReady(chromedp.CSS(`section.review-owner`)))
			if u := eval[string](t, b, `location.pathname`); filepath.Base(u) != "review.html" {
				t.Errorf("the banner leads to %s, want review.html", u)
			}
			b.check(t, base)
		})
	}
}

// shot saves a screenshot under dir when it is set.
func shot(t *testing.T, b *browser, dir, name string) {
	t.Helper()
	if dir == "" {
		return
	}
	buf, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644)
}
