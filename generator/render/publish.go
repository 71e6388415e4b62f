package render

import (
	"bytes"
	"slices"
	"strings"

	"github.com/accord-handbook/accord/generator/escape"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/urls"
)

// Publishing to an intranet: with a base URL (Input.BaseURL) every page
// names its canonical address and the site has sitemap.xml; every site has
// 404.html, and a redirect at the old path of every renamed document.

// Canonical is the page's own address on the intranet: "" without a
// base URL.
func (p *Page) Canonical() string {
	if p.r == nil || p.r.in.BaseURL == "" {
		return ""
	}
	prefix := ""
	if p.History != nil {
		prefix = p.History.Prefix(p.History.Self)
	}
	return p.r.in.BaseURL + prefix + p.Path
}

// writeCanonical writes the page's canonical link and the link to the
// feed, when there is a base URL.
func writeCanonical(b *bytes.Buffer, p *Page) {
	if c := p.Canonical(); c != "" {
		b.WriteString("<link rel=\"canonical\" href=\"")
		escape.URL(b, c, true)
		b.WriteString("\">\n<link rel=\"alternate\" type=\"application/atom+xml\" href=\"")
		escape.URL(b, p.r.in.BaseURL+urls.Feed, true)
		b.WriteString("\" title=\"")
		escape.HTML(b, p.r.h.Meta.Title)
		b.WriteString("\">\n")
	}
}

// root reports whether this render is of the site's root: the current
// version, which alone has 404.html and the sitemap.
func (r *renderer) root() bool { return r.in.History == nil || r.in.History.isCurrent() }

// publishPages lists the files of the root of the site that are not
// pages of the handbook: 404.html, and sitemap.xml and feed.xml with a
// base URL.
func (r *renderer) publishPages() []pageJob {
	if !r.root() {
		return nil
	}
	jobs := []pageJob{{urls.NotFound, (*renderer).notFoundPage}}
	if r.in.BaseURL != "" {
		jobs = append(jobs, pageJob{urls.Sitemap, (*renderer).sitemap}, pageJob{urls.Feed, (*renderer).feed})
	}
	return jobs
}

// redirects lists a redirect at the old path of every renamed document of
// this version: an old link keeps working after a review renames things.
func (r *renderer) redirects() []pageJob {
	var jobs []pageJob
	add := func(from, to, title string) {
		jobs = append(jobs, pageJob{from, func(x *renderer) { x.redirect(from, to, title) }})
	}
	for _, ro := range r.h.Roles {
		for _, a := range ro.Aliases {
			add(urls.Role(a), urls.Role(ro.ID), ro.Name)
		}
	}
	for _, w := range r.h.Workflows {
		for _, a := range w.Aliases {
			add(urls.Workflow(a), urls.Workflow(w.ID), w.Name)
		}
	}
	for _, pol := range r.h.Policies {
		for _, a := range pol.Aliases {
			add(urls.Policy(a), urls.Policy(pol.ID), pol.Title)
		}
	}
	for _, pg := range r.h.Pages {
		for _, a := range pg.Aliases {
			add(urls.Page(a), urls.Page(pg.Path), pg.Title)
		}
	}
	return jobs
}

// redirect writes the page at an old path: a refresh to the new page, a
// link to it for a reader whose browser does not follow the refresh, and
// its canonical address (absolute with a base URL) for search engines.
func (r *renderer) redirect(from, to, title string) {
	target := urls.Rel(from, to)
	canonical := target
	if r.in.BaseURL != "" {
		prefix := ""
		if r.in.History != nil {
			prefix = r.in.History.Prefix(r.in.History.Self)
		}
		canonical = r.in.BaseURL + prefix + to
	}
	var b bytes.Buffer
	b.WriteString("<!doctype html>\n<html lang=\"")
	escape.HTML(&b, r.h.Meta.Language)
	b.WriteString("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
	escape.HTML(&b, title)
	b.WriteString("</title>\n<link rel=\"icon\" href=\"")
	escape.URL(&b, urls.Rel(from, urls.ThemeDir+"/icon.svg"), true)
	b.WriteString("\" type=\"image/svg+xml\">\n<link rel=\"canonical\" href=\"")
	escape.URL(&b, canonical, true)
	b.WriteString("\">\n<meta http-equiv=\"refresh\" content=\"0; url=")
	escape.URL(&b, target, true)
	b.WriteString("\">\n<meta name=\"robots\" content=\"noindex\">\n</head>\n<body>\n<p>")
	escape.HTML(&b, r.t["movedTo"])
	b.WriteString(" <a href=\"")
	escape.URL(&b, target, true)
	b.WriteString("\">")
	escape.HTML(&b, title)
	b.WriteString("</a></p>\n</body>\n</html>\n")
	r.add(from, b.Bytes())
}

// notFoundPage writes 404.html. A web server serves it at any path, so
// no relative link on it would lead anywhere: with a base URL its links
// and style sheet are absolute; without one it says where the home page
// is, unstyled.
func (r *renderer) notFoundPage() {
	base := r.in.BaseURL
	var b bytes.Buffer
	b.WriteString("<!doctype html>\n<html lang=\"")
	escape.HTML(&b, r.h.Meta.Language)
	b.WriteString("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	escape.HTML(&b, r.t["notFound"]+" · "+r.h.Meta.Title)
	b.WriteString("</title>\n")
	if base != "" {
		b.WriteString("<link rel=\"stylesheet\" href=\"")
		escape.URL(&b, base+urls.ThemeDir+"/style.css", true)
		b.WriteString("\">\n<link rel=\"icon\" href=\"")
		escape.URL(&b, base+urls.ThemeDir+"/icon.svg", true)
		b.WriteString("\" type=\"image/svg+xml\">\n")
	} else {
		// An empty icon: else the browser asks the server for
		// /favicon.ico, outside the handbook's folder.
		b.WriteString("<link rel=\"icon\" href=\"data:,\">\n")
	}
	b.WriteString("<meta name=\"robots\" content=\"noindex\">\n</head>\n<body>\n<main id=\"main\">\n<h1>")
	escape.HTML(&b, r.t["notFound"])
	b.WriteString("</h1>\n<p>")
	escape.HTML(&b, r.t["notFoundText"])
	b.WriteString("</p>\n<p>")
	if base != "" {
		b.WriteString("<a href=\"")
		escape.URL(&b, base+urls.Home, true)
		b.WriteString("\">")
		escape.HTML(&b, r.h.Meta.Title)
		b.WriteString("</a> · <a href=\"")
		escape.URL(&b, base+urls.Search, true)
		b.WriteString("\">")
		escape.HTML(&b, r.t["search"])
		b.WriteString("</a>")
	} else {
		escape.HTML(&b, strings.Replace(r.t["notFoundHome"], "%s", r.h.Meta.Title, 1))
	}
	b.WriteString("</p>\n</main>\n</body>\n</html>\n")
	r.add(urls.NotFound, b.Bytes())
}

// sitemap writes sitemap.xml: the address of every page of every version,
// not the redirects, 404.html or the print pages.
func (r *renderer) sitemap() {
	var locs []string
	add := func(prefix string, pages map[string]bool, redirects map[string]bool) {
		for p := range pages {
			if strings.HasSuffix(p, ".html") && p != urls.NotFound && !redirects[p] && !strings.HasPrefix(p, urls.PrintDir) {
				locs = append(locs, r.in.BaseURL+prefix+p)
			}
		}
	}
	if vs := r.in.History; vs != nil {
		for i := range vs.List {
			add(vs.Prefix(i), vs.pagesOf(i), redirectPaths(vs.List[i].Handbook))
		}
	} else {
		add("", sitePages(r.h), redirectPaths(r.h))
	}
	slices.Sort(locs)
	var b bytes.Buffer
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
	for _, l := range locs {
		b.WriteString("<url><loc>")
		var u bytes.Buffer
		escape.URL(&u, l, true)
		escape.HTML(&b, u.String())
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	r.add(urls.Sitemap, b.Bytes())
}

// redirectPaths are the old paths h redirects from.
func redirectPaths(h *model.Handbook) map[string]bool {
	m := map[string]bool{}
	for _, j := range (&renderer{h: h}).redirects() {
		m[j.path] = true
	}
	return m
}
