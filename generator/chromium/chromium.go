// Package chromium finds the Chromium executable and starts it headless,
// with the flags that keep it from reaching for the network on its own:
// the browser accord pdf prints with and the browser tests drive.
//
// Find looks at ACCORD_CHROMIUM, then for chromium, chromium-browser and
// google-chrome on PATH; a missing browser is a *MissingError whose message
// says how to install one. Start returns a chromedp context; cancelling it
// ends the browser and removes its profile.
package chromium

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/chromedp/chromedp"
)

// Env names the variable that points at a Chromium executable, for a
// browser installed under another name or outside PATH.
const Env = "ACCORD_CHROMIUM"

// Names are the executables Find looks for on PATH, in order.
var Names = []string{"chromium", "chromium-browser", "google-chrome"}

// MissingError says that no Chromium was found, and how to get one.
type MissingError struct {
	Path string // the value of ACCORD_CHROMIUM, when it was set
}

func (e *MissingError) Error() string {
	if e.Path != "" {
		return fmt.Sprintf("%s=%s: no such executable; point %s at Chromium, or unset it to look for %s on PATH", Env, e.Path, Env, strings.Join(Names, ", "))
	}
	return fmt.Sprintf("no Chromium: none of %s is on PATH; install it (Debian, Ubuntu: sudo apt-get install -y chromium) or set %s to its executable", strings.Join(Names, ", "), Env)
}

// Find returns the Chromium executable: ACCORD_CHROMIUM when set, else the
// first of Names on PATH.
func Find() (string, error) {
	if p := os.Getenv(Env); p != "" {
		found, err := exec.LookPath(p)
		if err != nil {
			return "", &MissingError{Path: p}
		}
		return found, nil
	}
	for _, name := range Names {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", &MissingError{}
}

// Start starts the Chromium at path headless, with a fresh profile in
// profile ("" for a temporary folder, removed when the browser ends), and
// returns its context: cancel ends the browser. The flags keep it from
// reaching for the network on its own (updates, sync, QUIC probes); this
// machine's closed network refuses those connections, and a reader's
// machine should not make them.
func Start(parent context.Context, path, profile string, extra ...chromedp.ExecAllocatorOption) (context.Context, context.CancelFunc) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("allow-file-access-from-files", false),
	)
	if profile != "" {
		opts = append(opts, chromedp.UserDataDir(profile))
	}
	opts = append(opts, extra...)
	actx, cancelA := chromedp.NewExecAllocator(parent, opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	return ctx, func() { cancelC(); cancelA() }
}
