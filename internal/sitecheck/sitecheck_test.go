package sitecheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLinks_clean(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"index.html": `<link rel="stylesheet" href="theme/site.css"><a href="roles/a.html#x">a</a>
<a href='pages/%E4%B8%AD.html?q=1'>zh</a> <a href="#top">top</a> <a href="https://example.com/">ext</a>
<a href="mailto:a@example.com">mail</a> <img src="data:image/png;base64,AAAA">
<script src="theme/site.js">var a = {}; a.href = "/nowhere";</script>`,
		"roles/a.html":    `<a href="../index.html">home</a><img src="../assets/x.svg"><a href="a.html">self</a>`,
		"pages/中.html":    `<a href="../index.html?x&amp;y">home</a>`,
		"theme/site.css":  `body { background: url("../assets/x.svg") } .a { background: url(bg.png) } .b { background: url(data:image/gif;base64,R0) }`,
		"theme/site.js":   ``,
		"theme/bg.png":    `png`,
		"assets/x.svg":    `<svg/>`,
		"model.json":      `{"href": "/ignored"}`,
		"roles/notes.txt": `href="/ignored"`,
	})
	if got := Links(dir); len(got) > 0 {
		t.Errorf("problems in a clean site:\n%s", strings.Join(got, "\n"))
	}
}

func TestLinks_problems(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"index.html": `<a href="roles/missing.html">1</a> <a href="/roles/a.html">2</a> <a href="roles/">3</a>
<img src="//cdn.example.com/x.png"> <a href="javascript:alert(1)">4</a> <a href="../up.html">5</a> <a href="">6</a>`,
		"roles/a.html":   `<img src='../assets/gone.png'>`,
		"theme/site.css": `body { background: url(missing.png) }`,
	})
	want := []string{
		`index.html: href "": empty`,
		`index.html: href "../up.html": points outside the site`,
		`index.html: href "/roles/a.html": absolute path: breaks when the site is served under a sub-path or opened from disk`,
		`index.html: href "javascript:alert(1)": scheme javascript: not allowed`,
		`index.html: href "roles/": roles is a folder: link its index.html (file:// shows a listing)`,
		`index.html: href "roles/missing.html": roles/missing.html does not exist`,
		`index.html: src "//cdn.example.com/x.png": protocol-relative URL: a request would leave the site`,
		`roles/a.html: src "../assets/gone.png": assets/gone.png does not exist`,
		`theme/site.css: url() "missing.png": theme/missing.png does not exist`,
	}
	got := Links(dir)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
