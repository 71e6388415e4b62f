// Package sitecheck checks a generated site on disk: every relative link
// and image in its HTML (href, src) and every url() in its CSS must name a
// file of the site, so that the site works served under any sub-path and
// opened straight from disk (file://).
//
// It is a test helper for whole-site builds: give it the output folder, get
// back one line per problem, sorted. A #fragment and a ?query are stripped
// before the file is looked up; http, https and mailto links are left alone,
// and data: URLs are inline. A link to a folder is a problem (file:// shows
// a listing, not its index), as are absolute paths, which break under a
// sub-path, and any other scheme.
package sitecheck

import (
	"fmt"
	"html"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
)

var (
	attrRE   = regexp.MustCompile(`(?i)\s(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
	cssURLRE = regexp.MustCompile(`(?i)url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)`)
	scriptRE = regexp.MustCompile(`(?is)(<script\b[^>]*>).*?</script>`)
)

// Links returns every broken reference in the site in dir, as
// "page: attribute \"dest\": what is wrong", sorted, each once. A problem walking the
// folder is reported as a problem too.
func Links(dir string) []string {
	var problems []string
	fsys := os.DirFS(dir)
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		ext := strings.ToLower(path.Ext(p))
		if d.IsDir() || (ext != ".html" && ext != ".css") {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		for _, r := range refs(string(b), ext == ".css") {
			if msg := check(fsys, p, r.dest); msg != "" {
				problems = append(problems, fmt.Sprintf("%s: %s %q: %s", p, r.attr, r.dest, msg))
			}
		}
		return nil
	})
	if err != nil {
		problems = append(problems, fmt.Sprintf("%s: %v", filepath.ToSlash(dir), err))
	}
	sort.Strings(problems)
	return slices.Compact(problems)
}

type ref struct{ attr, dest string }

// refs finds the references of one HTML or CSS file. Inline scripts are
// skipped: `a.href = "…"` in code is not a link.
func refs(text string, css bool) []ref {
	var out []ref
	if !css {
		text = scriptRE.ReplaceAllString(text, "$1</script>")
		for _, m := range attrRE.FindAllStringSubmatch(text, -1) {
			out = append(out, ref{strings.ToLower(m[1]), html.UnescapeString(m[2] + m[3])})
		}
	}
	for _, m := range cssURLRE.FindAllStringSubmatch(text, -1) {
		dest := m[1] + m[2] + m[3]
		if !css {
			dest = html.UnescapeString(dest)
		}
		out = append(out, ref{"url()", dest})
	}
	return out
}

// check returns what is wrong with dest written in the file from, or "".
func check(fsys fs.FS, from, dest string) string {
	d := strings.TrimSpace(dest)
	switch {
	case d == "":
		return "empty"
	case strings.HasPrefix(d, "#"):
		return ""
	case strings.HasPrefix(d, "//"):
		return "protocol-relative URL: a request would leave the site"
	case strings.HasPrefix(d, "/"):
		return "absolute path: breaks when the site is served under a sub-path or opened from disk"
	}
	if i := strings.IndexByte(d, ':'); i > 0 && !strings.ContainsAny(d[:i], "/?#") {
		switch strings.ToLower(d[:i]) {
		case "http", "https", "mailto", "data":
			return ""
		}
		return "scheme " + d[:i] + ": not allowed"
	}
	if i := strings.IndexAny(d, "?#"); i >= 0 {
		d = d[:i]
	}
	if d == "" {
		return ""
	}
	if u, err := url.PathUnescape(d); err == nil {
		d = u
	}
	target := path.Join(path.Dir(from), d)
	if target == ".." || strings.HasPrefix(target, "../") {
		return "points outside the site"
	}
	info, err := fs.Stat(fsys, target)
	switch {
	case err != nil:
		return target + " does not exist"
	case info.IsDir():
		return target + " is a folder: link its index.html (file:// shows a listing)"
	}
	return ""
}
