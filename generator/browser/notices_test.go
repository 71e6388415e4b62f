package browser

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/internal/chrometest"
)

// buildNotices builds testdata/golden/notices: version 1.1 with 1.0 in a
// folder, people.toml and acknowledgements.toml.
func buildNotices(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	dir := filepath.Join("..", "..", "testdata", "golden", "notices", "current")
	if _, err := generator.Build(context.Background(), generator.Options{Dir: dir, Out: out, NoGraphs: true}); err != nil {
		t.Fatalf("build: %v", err)
	}
	return out
}

// TestForYou: a role's page of the current version says what changed for
// the role, and each entry leads to that document's entry on the change
// page.
func TestForYou(t *testing.T) {
	chrometest.Path(t)
	base := serve(t, buildNotices(t))
	b := newBrowser(t, 1280, 900)
	b.do(t, chromedp.Navigate(base+"roles/agent.html"), chromedp.WaitVisible(chromedp.CSS(`#for-you`)))
	heading := eval[string](t, b, `document.querySelector('#for-you').textContent`)
	if heading != "What changed for you in version 1.1" {
		t.Errorf("heading %q", heading)
	}
	entries := eval[[]string](t, b, `[...document.querySelectorAll('.for-you ul:not(.assignments) a')].map(a => a.getAttribute('href'))`)
	if len(entries) != 3 {
		t.Fatalf("entries %v, want the welcome page, the rules and the handle workflow", entries)
	}
	for _, href := range entries {
		b.do(t, chromedp.Navigate(base+"roles/"+href), chromedp.WaitReady(chromedp.CSS(`main`)))
		frag := href[strings.Index(href, "#")+1:]
		if !eval[bool](t, b, `!!document.getElementById(`+strconv.Quote(frag)+`)`) {
			t.Errorf("%s: the change page has no entry %q", href, frag)
		}
	}
	b.do(t, chromedp.Navigate(base+"v/1.0/roles/agent.html"), chromedp.WaitReady(chromedp.CSS(`main`)))
	if eval[bool](t, b, `!!document.getElementById('for-you')`) {
		t.Error("version 1.0's page says what changed for you")
	}
	b.check(t, base)
}

// TestSignOff_printsOnA4: the sign-off sheet printed is A4 (its @page
// rule), keeps nothing of the site's chrome, and no table is clipped: at
// the width of A4 less its margins, every table and cell fits.
func TestSignOff_printsOnA4(t *testing.T) {
	chrometest.Path(t)
	base := serve(t, buildNotices(t))
	// A4 less 12 mm margins on each side, at 96 CSS pixels an inch.
	const width = 703 // (210 - 24) mm / 25.4 × 96
	b := newBrowser(t, width, 1000)
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	b.do(t, chromedp.Navigate(base+"print/acknowledge-1.1.html"), chromedp.WaitReady(chromedp.CSS(`table.sign-off`)))
	if n := eval[int](t, b, `document.querySelectorAll('table.sign-off').length`); n != 2 {
		t.Errorf("%d tables, want one per role with something to re-read (2)", n)
	}
	if hidden := eval[bool](t, b, `['.top', '.sidebar', '.print-hint'].every(s => !document.querySelector(s) || getComputedStyle(document.querySelector(s)).display === 'none')`); !hidden {
		t.Error("the site's chrome or the print button shows in print")
	}
	clipped := eval[[]string](t, b, `(() => {
		const out = [], w = document.documentElement.clientWidth;
		for (const el of document.querySelectorAll('table.sign-off, table.sign-off th, table.sign-off td')) {
			const r = el.getBoundingClientRect();
			if (r.right > w + 0.5 || el.scrollWidth > el.clientWidth + 1) out.push(el.tagName + ' ' + el.textContent.trim() + ' ' + r.right + '>' + w);
		}
		return out;
	})()`)
	for _, c := range clipped {
		t.Errorf("clipped in print: %s", c)
	}
	if names := eval[string](t, b, `document.querySelector('section#role-agent table').textContent`); !strings.Contains(names, "王芳") || !strings.Contains(names, "Ann Agent") {
		t.Errorf("the agent's table lacks its people: %q", names)
	}
	// Chromium prints the sheet on the page size of its @page rule.
	pdf, err := chromedp.Run(b.ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize()))
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("ACCORD_SCREENSHOTS"); dir != "" {
		os.WriteFile(filepath.Join(dir, "acknowledge-1.1.pdf"), pdf, 0o644)
	}
	m := regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no /MediaBox in the PDF")
	}
	w, _ := strconv.ParseFloat(string(m[1]), 64)
	h, _ := strconv.ParseFloat(string(m[2]), 64)
	if w < 594 || w > 597 || h < 841 || h > 844 { // A4 is 595.3 × 841.9 points
		t.Errorf("printed on %.1f × %.1f points, want A4", w, h)
	}
	b.check(t, base)
}
