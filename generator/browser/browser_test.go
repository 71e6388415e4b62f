package browser

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/graphviz"
	"github.com/accord-handbook/accord/internal/chrometest"
)

// site is the shipped handbook built once for all tests.
var site struct {
	once sync.Once
	dir  string
	err  error
}

func buildSite(t *testing.T) string {
	t.Helper()
	site.once.Do(func() {
		dir, err := os.MkdirTemp("", "accord-browser-")
		if err != nil {
			site.err = err
			return
		}
		out := filepath.Join(dir, "public")
		_, site.err = generator.Build(context.Background(), generator.Options{Dir: filepath.Join("..", "..", "content"), Out: out})
		site.dir = out
	})
	if site.err != nil {
		t.Fatalf("build: %v", site.err)
	}
	return site.dir
}

func TestMain(m *testing.M) {
	graphviz.RunWorkerIfAsked() // the site's graphs are laid out in copies of this binary
	code := m.Run()
	if site.dir != "" {
		os.RemoveAll(filepath.Dir(site.dir))
	}
	if a11y.dir != "" {
		os.RemoveAll(a11y.dir)
	}
	os.Exit(code)
}

// serve serves dir on a loopback port.
func serve(t *testing.T, dir string) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(dir))}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String() + "/"
}

// browser is one Chromium with its own profile, recording every request
// and every console error of its pages.
type browser struct {
	ctx      context.Context
	mu       sync.Mutex
	requests []string
	problems []string
}

func newBrowser(t *testing.T, width, height int) *browser {
	return newBrowserFor(t, width, height, 90*time.Second)
}

// newBrowserFor is newBrowser for tests that need it longer than most.
func newBrowserFor(t *testing.T, width, height int, timeout time.Duration) *browser {
	ctx := chrometest.Start(t, width, height, timeout)
	b := &browser{ctx: ctx}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatalf("network.enable: %v", err)
	}
	if _, err := chromedp.Call(ctx, log.Enable, cdp.Empty{}); err != nil {
		t.Fatalf("log.enable: %v", err)
	}
	err := chromedp.Listen(ctx, func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			b.requests = append(b.requests, ev.Request.URL)
		case *runtime.EventExceptionThrown:
			b.problems = append(b.problems, "exception: "+ev.ExceptionDetails.Text)
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value))
				}
				b.problems = append(b.problems, fmt.Sprintf("console %s: %s", ev.Type, strings.Join(args, " ")))
			}
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
				b.problems = append(b.problems, fmt.Sprintf("browser log %s: %s %s", ev.Entry.Level, ev.Entry.Text, ev.Entry.URL))
			}
		}
	})
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	return b
}

// check fails the test for console errors and for any request outside base.
func (b *browser) check(t *testing.T, base string) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		t.Errorf("%s", p)
	}
	for _, u := range b.requests {
		if !strings.HasPrefix(u, base) {
			t.Errorf("request outside the site: %s", u)
		}
	}
	b.problems, b.requests = nil, nil
}

func (b *browser) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		t.Fatalf("%v", err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, b *browser, expr string) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// bases returns the site over http and from file://.
func bases(t *testing.T) map[string]string {
	dir := buildSite(t)
	return map[string]string{
		"http": serve(t, dir),
		"file": "file://" + filepath.ToSlash(dir) + "/",
	}
}
