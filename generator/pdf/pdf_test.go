package pdf

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestSteady_dates(t *testing.T) {
	in := "1 0 obj\n<</Title (x)\n/CreationDate (D:20261206113202+08'00')\n/ModDate (D:20261206113202Z)>>\nendobj\n"
	want := "1 0 obj\n<</Title (x)\n/CreationDate (D:20260301000000+00'00')\n/ModDate (D:20260301000000Z)>>\nendobj\n"
	got := string(steady([]byte(in), time.Date(2026, 3, 1, 15, 4, 5, 0, time.FixedZone("x", 3600))))
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// The ids of structure elements are DOM node numbers, which differ from
// one print to the next; numbered in order from 1, the two prints agree,
// the ID tree stays sorted, and no offset moves.
func TestSteady_nodeIDs(t *testing.T) {
	print1 := "/ID (node00000184)>> /ID (node00000190)>> /Names [(node00000184) 5 0 R (node00000190) 7 0 R] /Limits [(node00000184) (node00000190)]"
	print2 := strings.NewReplacer("184", "196", "190", "203").Replace(print1)
	want := "/ID (node00000001)>> /ID (node00000002)>> /Names [(node00000001) 5 0 R (node00000002) 7 0 R] /Limits [(node00000001) (node00000002)]"
	for _, in := range []string{print1, print2} {
		if got := string(steady([]byte(in), time.Time{})); got != want {
			t.Errorf("steady(%s)\n = %s\nwant %s", in, got, want)
		}
	}
}

func TestHeaderFooter_escaped(t *testing.T) {
	job := Job{Lang: "zh-CN", Header: [2]string{"A <b>&</b> title", "岗位手册：外贸经理"}, Footer: "打印件为非受控文件 — 截至 2026-12-06", PageNumbers: "第 %s 页，共 %s 页"}
	head, foot := headerHTML(job), footerHTML(job)
	for _, want := range []string{`lang="zh-CN"`, "A &lt;b&gt;&amp;&lt;/b&gt; title", "岗位手册：外贸经理", "font-size:"} {
		if !strings.Contains(head, want) {
			t.Errorf("header lacks %q:\n%s", want, head)
		}
	}
	if want := `第 <span class="pageNumber"></span> 页，共 <span class="totalPages"></span> 页`; !strings.Contains(foot, want) {
		t.Errorf("footer lacks %q:\n%s", want, foot)
	}
	job.PageNumbers = "page %s of %d" // a [labels] override gone wrong
	if foot := footerHTML(job); !strings.Contains(foot, `<span class="pageNumber"></span> / <span class="totalPages"></span>`) {
		t.Errorf("a broken page-number format: %s", foot)
	}
}

func TestPrepareJS_title(t *testing.T) {
	js := prepareJS("It's \"quoted\" </script>\u2028")
	if !strings.Contains(js, `document.title = "It's \"quoted\" \u003c/script\u003e\u2028";`) {
		t.Errorf("title not a safe string literal:\n%s", js)
	}
}

func TestServe(t *testing.T) {
	srv, err := serve(map[string][]byte{"print/a.html": []byte("<p>a"), "_accord/style.css": []byte("p{}")})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.close()
	get := func(method, url string) *http.Response {
		req, _ := http.NewRequest(method, url, nil)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res
	}
	res := get("GET", srv.url("print/a.html"))
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") || !strings.Contains(res.Header.Get("Content-Security-Policy"), "script-src 'none'") {
		t.Errorf("the page: %d %v", res.StatusCode, res.Header)
	}
	if res := get("GET", srv.url("_accord/style.css")); !strings.HasPrefix(res.Header.Get("Content-Type"), "text/css") {
		t.Errorf("the style sheet: %v", res.Header)
	}
	for _, url := range []string{"http://" + srv.addr + "/print/a.html", srv.url("print/b.html"), srv.url("")} {
		if res := get("GET", url); res.StatusCode != 404 {
			t.Errorf("GET %s: %d, want 404", url, res.StatusCode)
		}
	}
	if res := get("POST", srv.url("print/a.html")); res.StatusCode != 404 {
		t.Errorf("POST: %d, want 404", res.StatusCode)
	}
}

// fakeFcList puts an fc-list on PATH that prints out.
func fakeFcList(t *testing.T, out string) {
	dir := t.TempDir()
	script := "#!/bin/sh\nprintf '%s' '" + out + "'\n"
	if err := os.WriteFile(filepath.Join(dir, "fc-list"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
}

func TestCheckFonts(t *testing.T) {
	ctx := context.Background()
	fakeFcList(t, "")
	err := CheckFonts(ctx, "zh-CN")
	if err == nil || !strings.Contains(err.Error(), "no Chinese font is installed") || !strings.Contains(err.Error(), "apt-get install -y fonts-wqy-microhei") {
		t.Errorf("zh-CN without a font: %v", err)
	}
	for _, lang := range []string{"en", "zhx", ""} {
		if err := CheckFonts(ctx, lang); err != nil {
			t.Errorf("%q needs no CJK font: %v", lang, err)
		}
	}
	fakeFcList(t, "WenQuanYi Micro Hei\n")
	if err := CheckFonts(ctx, "zh-CN"); err != nil {
		t.Errorf("with a font: %v", err)
	}
	t.Setenv("PATH", t.TempDir()) // no fc-list: no guess
	if err := CheckFonts(ctx, "zh"); err != nil {
		t.Errorf("without fc-list: %v", err)
	}
}
