// Package pdf prints one page of a site held in memory to PDF through
// headless Chromium: A4, backgrounds on, text kept as text with its fonts
// embedded (Chromium subsets and embeds every font it draws with), PDF
// bookmarks from the headings, and a header and footer on every sheet.
//
// In: a Job — the site's files, the page to print, the title, the lines of
// the header and footer — and the Chromium executable (package chromium).
// Out: the PDF's bytes.
//
// The site is served to Chromium from a loopback server under a random
// path that only this browser knows, and a Content-Security-Policy keeps
// the page from loading anything from elsewhere. Before printing, links
// into the site lose their targets, which would name that server (a link
// to another place in the printed page stays a link inside the PDF), and
// the document's title becomes Job.Title, which Chromium writes into the
// PDF's metadata. The page's own scripts do not run: a printed page needs
// none. What Chromium writes that changes from one print to the next (the
// time, the ids of the DOM nodes) is rewritten (see steady), so that two
// prints of the same page with the same Chromium are byte for byte the same.
package pdf

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/accord-handbook/accord/generator/chromium"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// Job is one page to print.
type Job struct {
	Files map[string][]byte // the site: slash paths, relative to its root -> contents
	Page  string            // the page of Files to print
	Title string            // the PDF's title
	Lang  string            // the language of the header and footer, e.g. "zh-CN"
	// Header is written at the top of every sheet, left and right; Footer
	// at the bottom left, and PageNumbers at the bottom right: a format
	// whose two %s are the sheet's number and the number of sheets
	// ("Page %s of %s").
	Header      [2]string
	Footer      string
	PageNumbers string
	// Date is the PDF's creation and modification date (the handbook's
	// as-of date): never the time of printing.
	Date time.Time
	// Chromium is the browser's executable (chromium.Find).
	Chromium string
	// Timeout bounds the whole print, from starting Chromium to the last
	// byte of the PDF.
	Timeout time.Duration
}

// Paper and margins, in inches: A4, with room above and below for the
// header and footer.
const (
	a4Width, a4Height = 8.27, 11.69
	marginTopBottom   = 0.75
	marginSides       = 0.6
)

// Print prints job.Page of job.Files to PDF.
func Print(ctx context.Context, job Job) ([]byte, error) {
	if _, ok := job.Files[job.Page]; !ok {
		return nil, fmt.Errorf("print %s: the site has no such page", job.Page)
	}
	ctx, cancel := context.WithTimeout(ctx, job.Timeout)
	defer cancel()
	srv, err := serve(job.Files)
	if err != nil {
		return nil, err
	}
	defer srv.close()

	bctx, stop := chromium.Start(ctx, job.Chromium, "",
		// The page is served from 127.0.0.1 and needs no name resolved:
		// a name it mentions resolves to nothing rather than ask a server.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
	)
	defer stop()
	late := func() bool { return errors.Is(context.Cause(ctx), context.DeadlineExceeded) }
	if err := chromedp.Do(bctx); err != nil {
		if errors.Is(ctx.Err(), context.Canceled) {
			return nil, ctx.Err() // interrupted
		}
		if late() {
			return nil, fmt.Errorf("starting Chromium (%s) took longer than %s: check that it runs (%s --headless --version), or give it longer (--timeout)", job.Chromium, job.Timeout, job.Chromium)
		}
		return nil, fmt.Errorf("could not start Chromium (%s): %s; check that it runs (%s --headless --version), or point %s at another", job.Chromium, strings.TrimSuffix(strings.TrimSpace(err.Error()), ":"), job.Chromium, chromium.Env)
	}
	out, err := printPage(bctx, srv.url(job.Page), job)
	if err != nil {
		if errors.Is(ctx.Err(), context.Canceled) {
			return nil, ctx.Err()
		}
		if late() {
			return nil, fmt.Errorf("printing %s took Chromium longer than %s: give it longer (--timeout), or print one role's booklet (--role)", job.Page, job.Timeout)
		}
		return nil, fmt.Errorf("printing %s with Chromium (%s): %w", job.Page, job.Chromium, err)
	}
	return steady(out, job.Date), nil
}

// printPage loads url in the browser of ctx, readies it (prepareJS) and
// prints it.
func printPage(ctx context.Context, url string, job Job) ([]byte, error) {
	// The theme follows the reader's system; paper is light.
	light := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "light"}}}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, light); err != nil {
		return nil, err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return nil, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](prepareJS(job.Title), chromedp.EvalAwaitPromise)); err != nil {
		return nil, err
	}
	return chromedp.Run(ctx, chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperSize{Width: a4Width, Height: a4Height}),
		chromedp.PDFMargins(marginTopBottom, marginSides, marginTopBottom, marginSides),
		chromedp.PDFPrintBackground(),
		chromedp.PDFOutlineAndTagged(),
		chromedp.PDFHeaderTemplate(headerHTML(job)),
		chromedp.PDFFooterTemplate(footerHTML(job)),
		chromedp.PDFStream(),
	))
}
