package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator/serve"
	"github.com/accord-handbook/accord/internal/testhb"
)

// The tests in this file run `accord serve` (in process, on a loopback port
// the system picks) and treat it roughly: pages requested without pause
// while the handbook is rebuilt, a burst of a thousand file events, the
// whole source folder deleted and restored.

// bigPolicy is a policy long enough (about 150 KB of HTML) that a page
// written in pieces would show.
func bigPolicy(edit int) string {
	var b strings.Builder
	b.WriteString("+++\ntitle = \"Big\"\nowner = \"lead\"\napplies_to = \"*\"\nreview_cycle = \"annual\"\neffective_date = 2026-01-01\n+++\n\n")
	for i := range 400 {
		fmt.Fprintf(&b, "Paragraph %d of edit %d: every change is reviewed by a second person before it ships.\n\n", i, edit)
	}
	fmt.Fprintf(&b, "The end of edit %d.\n", edit)
	return b.String()
}

// TestServe_neverHalfAPage requests pages from four clients without pause
// while the handbook is edited and rebuilt 30 times: every page served is
// whole (it ends with </html>, its length is the one announced) and is one
// complete version of the page, never a mix of two.
func TestServe_neverHalfAPage(t *testing.T) {
	dir := testhb.Dir(t, testhb.Mini)
	testhb.Write(t, dir, map[string]string{"policies/big.md": bigPolicy(0)})
	r := startCommand(t, "serve", dir, "--port", "0")
	base := r.waitOutput(t, `serving \S+ at (http://\S+/)`)
	live := openLive(t, base)
	live.waitEvent(t, "hello", nil)

	pages := []string{"", "policies/big.html", "policies/quality.html", "roles/lead.html", "workflows/delivery.html"}
	endRE := regexp.MustCompile(`The end of edit (\d+)\.`)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var requests, bad atomic.Int64
	var firstBad atomic.Value
	client := &http.Client{Timeout: liveWait}
	for c := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := c; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				page := pages[i%len(pages)]
				resp, err := client.Get(base + page)
				if err != nil {
					bad.Add(1)
					firstBad.CompareAndSwap(nil, fmt.Sprintf("%s: %v", page, err))
					continue
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				requests.Add(1)
				problem := ""
				switch {
				case err != nil:
					problem = err.Error()
				case resp.StatusCode != 200:
					problem = resp.Status
				case !strings.HasSuffix(strings.TrimSpace(string(body)), "</html>"):
					problem = fmt.Sprintf("does not end with </html>: …%q", body[max(0, len(body)-80):])
				case resp.ContentLength >= 0 && resp.ContentLength != int64(len(body)):
					problem = fmt.Sprintf("%d bytes of %d", len(body), resp.ContentLength)
				case page == "policies/big.html":
					// One version, whole: the last paragraph's edit matches the first's.
					m := endRE.FindAllStringSubmatch(string(body), -1)
					if len(m) != 1 || !strings.Contains(string(body), "Paragraph 0 of edit "+m[0][1]+":") {
						problem = "paragraphs of different edits in one page"
					}
				}
				if problem != "" {
					bad.Add(1)
					firstBad.CompareAndSwap(nil, page+": "+problem)
				}
			}
		}()
	}
	start := time.Now()
	const edits = 30
	for e := 1; e <= edits; e++ {
		testhb.Write(t, dir, map[string]string{"policies/big.md": bigPolicy(e)})
		// Served, not announced: what a reload event lists is the
		// server's business.
		want := fmt.Sprintf("The end of edit %d.", e)
		if !eventually(func() bool { _, body := fetch(t, base+"policies/big.html"); return strings.Contains(body, want) }) {
			t.Fatalf("edit %d not served within %s", e, liveWait)
		}
	}
	close(stop)
	wg.Wait()
	t.Logf("%d requests during %d rebuilds in %s, %d bad", requests.Load(), edits, time.Since(start).Round(time.Millisecond), bad.Load())
	if bad.Load() > 0 {
		t.Errorf("%d bad responses; the first: %v", bad.Load(), firstBad.Load())
	}
	if requests.Load() < edits {
		t.Errorf("only %d requests: the test did not hammer", requests.Load())
	}
}

// TestServe_burstOfAThousandEvents writes 500 new pages and saves a policy
// 500 times as fast as it can: the server folds the events into a few
// rebuilds, ends up serving the last state, and keeps answering.
func TestServe_burstOfAThousandEvents(t *testing.T) {
	dir := testhb.Dir(t, testhb.Mini)
	r := startCommand(t, "serve", dir, "--port", "0")
	base := r.waitOutput(t, `serving \S+ at (http://\S+/)`)
	front := testhb.Mini["policies/quality.md"]
	before := strings.Count(r.stdout.String(), "rebuilt")
	start := time.Now()
	for i := range 500 {
		testhb.Write(t, dir, map[string]string{
			fmt.Sprintf("pages/burst/p%03d.md", i): fmt.Sprintf("+++\ntitle = \"Burst %d\"\n+++\n\nPage %d.\n", i, i),
			"policies/quality.md":                  front + fmt.Sprintf("\nSave %d.\n", i),
		})
	}
	wrote := time.Since(start)
	ok := eventually(func() bool {
		c1, b1 := fetch(t, base+"pages/burst/p499.html")
		c2, b2 := fetch(t, base+"policies/quality.html")
		return c1 == 200 && strings.Contains(b1, "Page 499.") && c2 == 200 && strings.Contains(b2, "Save 499.")
	})
	if !ok {
		t.Fatalf("the last state is not served %s after the burst; stderr:\n%s", liveWait, r.stderr)
	}
	settled := time.Since(start)
	time.Sleep(300 * time.Millisecond) // let a last rebuild print its line
	rebuilds := strings.Count(r.stdout.String(), "rebuilt") - before
	t.Logf("1,000 events written in %s, last state served after %s, %d rebuilds", wrote.Round(time.Millisecond), settled.Round(time.Millisecond), rebuilds)
	if rebuilds > 100 {
		t.Errorf("%d rebuilds for one burst: events are not folded", rebuilds)
	}
	for i := range 500 {
		if code, _ := fetch(t, base+fmt.Sprintf("pages/burst/p%03d.html", i)); code != 200 {
			t.Fatalf("pages/burst/p%03d.html: %d", i, code)
		}
	}
}

// TestServe_sourceFolderDeletedAndRestored deletes the whole handbook
// folder under a running server: it keeps serving the last good site and
// says what is wrong, and when the folder comes back (with a change), it
// serves the restored handbook without being restarted.
func TestServe_sourceFolderDeletedAndRestored(t *testing.T) {
	dir := testhb.Dir(t, testhb.Mini)
	r := startCommand(t, "serve", dir, "--port", "0")
	base := r.waitOutput(t, `serving \S+ at (http://\S+/)`)
	live := openLive(t, base)
	live.waitEvent(t, "hello", nil)

	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	data := live.waitEvent(t, "errors", nil)
	if !strings.Contains(data, "handbook.toml") {
		t.Errorf("the problem does not name handbook.toml: %s", data)
	}
	r.waitStderr(t, `still serving the last good version`)
	if code, body := fetch(t, base); code != 200 || !strings.Contains(body, "Mini") {
		t.Errorf("home while the folder is gone: %d", code)
	}
	if code, body := fetch(t, base+"policies/quality.html"); code != 200 || !strings.Contains(body, "Every change is reviewed.") {
		t.Errorf("a policy while the folder is gone: %d", code)
	}

	restored := map[string]string{}
	for k, v := range testhb.Mini {
		restored[k] = v
	}
	restored["handbook.toml"] = strings.Replace(testhb.Mini["handbook.toml"], "Mini", "Restored", 1)
	// As a restore from a backup does: the folder elsewhere, then moved in.
	tmp := filepath.Join(filepath.Dir(dir), "restore")
	testhb.Write(t, tmp, restored)
	if err := os.Rename(tmp, dir); err != nil {
		t.Fatal(err)
	}
	if !eventually(func() bool { _, body := fetch(t, base); return strings.Contains(body, "Restored") }) {
		t.Fatalf("the restored handbook is not served %s later; stderr:\n%s", liveWait, r.stderr)
	}
	live.waitEvent(t, "ok", nil)
	// And it is watched again: an edit after the restore is served.
	testhb.Write(t, dir, map[string]string{"policies/quality.md": testhb.Mini["policies/quality.md"] + "\nAfter the restore.\n"})
	if !eventually(func() bool {
		_, body := fetch(t, base+"policies/quality.html")
		return strings.Contains(body, "After the restore.")
	}) {
		t.Errorf("an edit after the restore is not served")
	}
	if _, body := fetch(t, base+serve.ProblemsPath[1:]); strings.TrimSpace(body) != "[]" {
		t.Errorf("problems after the restore: %s", body)
	}
}
