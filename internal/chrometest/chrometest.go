// Package chrometest starts a headless Chromium for the tests of what a
// reader sees. Without Chromium a test skips with a loud message, except
// under CI=true, where it fails: CI must run them (.ci/run installs
// Debian's chromium). Under -short they skip: each starts a browser.
package chrometest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator/chromium"
	"github.com/chromedp/chromedp"
)

// Path returns the Chromium executable, or skips (fails under CI) the test.
func Path(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test: skipped under -short")
	}
	p, err := chromium.Find()
	if err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%v; CI must run the browser tests (.ci/run installs chromium)", err)
	}
	t.Skipf("SKIPPING BROWSER TEST: %v", err)
	return ""
}

// Tool returns the executable name, or skips (fails under CI) the test,
// naming pkg, the Debian package that has it.
func Tool(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not installed, but CI must run this test (.ci/run installs %s)", name, pkg)
	}
	t.Skipf("SKIPPING TEST: %s is not installed (apt-get install -y %s)", name, pkg)
	return ""
}

// Start starts Chromium with a profile of its own and a window of width ×
// height (0: Chromium's default), for up to timeout; it is stopped when the
// test ends.
func Start(t testing.TB, width, height int, timeout time.Duration) context.Context {
	t.Helper()
	var opts []chromedp.ExecAllocatorOption
	if width > 0 && height > 0 {
		opts = append(opts, chromedp.WindowSize(width, height))
	}
	ctx, stop := chromium.Start(context.Background(), Path(t), t.TempDir(), opts...)
	ctx, cancelT := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() { cancelT(); stop() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}
