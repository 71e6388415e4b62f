package pdf

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/accord-handbook/accord/internal/chrometest"
)

// TestPrint_closed prints a page that tries to reach out — an image on
// another server, a script — and links in and out of the site: nothing
// is requested from elsewhere, no script runs, the links into the site
// are gone, and two prints are the same bytes.
func TestPrint_closed(t *testing.T) {
	exe := chrometest.Path(t)
	pdftotext := chrometest.Tool(t, "pdftotext", "poppler-utils")
	pdfinfo := chrometest.Tool(t, "pdfinfo", "poppler-utils")

	var reached atomic.Int32 // another origin, on this machine
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	other := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { reached.Add(1) })}
	go other.Serve(ln)
	defer other.Close()

	page := `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>site title</title>
<link rel="stylesheet" href="../_accord/style.css"></head><body>
<h1 id="top">Printed page</h1>
<p><a href="../roles/lead.html">Lead</a>, <a href="#top">back to the top</a>, <a href="https://example.org/policy">the policy</a>.</p>
<img src="http://` + ln.Addr().String() + `/pixel.png" alt="">
<script>document.body.append("SCRIPT RAN")</script>
</body></html>`
	job := Job{
		Files:  map[string][]byte{"print/a.html": []byte(page), "_accord/style.css": []byte("h1 { color: #123456 }"), "roles/lead.html": []byte("lead")},
		Page:   "print/a.html",
		Title:  "The agreement",
		Lang:   "en",
		Header: [2]string{"The agreement · Version 1.0", "The whole handbook"}, Footer: "Uncontrolled when printed — as of 2026-12-06",
		PageNumbers: "Page %s of %s", Date: time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC),
		Chromium: exe, Timeout: time.Minute,
	}
	first, err := Print(context.Background(), job)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Print(context.Background(), job)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Errorf("two prints of one page differ")
	}
	if n := reached.Load(); n != 0 {
		t.Errorf("the page reached another server %d times", n)
	}
	for _, leak := range []string{"127.0.0.1", "roles/lead.html", "pixel.png"} {
		if bytes.Contains(first, []byte(leak)) {
			t.Errorf("the PDF holds %q", leak)
		}
	}
	if !bytes.Contains(first, []byte("/URI (https://example.org/policy)")) {
		t.Errorf("the link out of the site is gone")
	}
	file := filepath.Join(t.TempDir(), "a.pdf")
	if err := os.WriteFile(file, first, 0o644); err != nil {
		t.Fatal(err)
	}
	text := run(t, pdftotext, file, "-")
	for _, want := range []string{"Printed page", "The agreement · Version 1.0", "The whole handbook", "Uncontrolled when printed — as of 2026-12-06", "Page 1 of 1"} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "SCRIPT RAN") {
		t.Errorf("the page's script ran")
	}
	info := run(t, pdfinfo, file)
	for _, want := range []string{"Title:           The agreement\n", "CreationDate:    Sun Dec  6 00:00:00 2026 UTC", "Tagged:          yes", "Page size:       595.92 x 841.92 pts (A4)"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, name, args...).Output()
	if err != nil {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return string(out)
}
