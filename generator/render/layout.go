package render

import (
	"bytes"
	"io/fs"

	"github.com/accord-handbook/accord/generator/escape"
	"github.com/accord-handbook/accord/templates"
)

// The layout (base.html) around every page costs ~60 µs through
// html/template, as much as rendering a short page's Markdown: at 5,000
// pages that was a tenth of a build. When a kind's templates are accord's
// own, writeLayout writes the same bytes in Go and only the kind's
// "content" goes through the template engine (a free page's content too is
// written here). layout_test.go renders every page of the test handbooks
// both ways and compares the bytes.

// templateLayout, set by tests, sends every page through base.html.
var templateLayout = false

// layoutFiles are the templates the layout is made of.
var layoutFiles = []string{"base.html", "version-parts.html"}

// ownLayout reports, for each kind, whether the handbook leaves the layout
// and the kind's template as accord ships them: a handbook that overrides
// any of them gets exactly what its templates say.
func ownLayout(t fs.FS) map[string]bool {
	if templateLayout {
		return nil
	}
	same := func(name string) bool {
		a, err := fs.ReadFile(t, name)
		if err != nil {
			return false
		}
		b, err := fs.ReadFile(templates.FS, name)
		return err == nil && bytes.Equal(a, b)
	}
	for _, f := range layoutFiles {
		if !same(f) {
			return nil
		}
	}
	own := map[string]bool{}
	for _, kind := range pageTemplates {
		own[kind] = same(kind + ".html")
	}
	return own
}

// writeLayout writes what base.html writes for p, in an unversioned site
// (the version banner is empty there, and the head, top bar and footer
// come from Page.Chrome's cache).
func (r *renderer) writeLayout(b *bytes.Buffer, kind string, p *Page) error {
	b.WriteString("<!doctype html>\n")
	if err := writeChrome(b, p, "head"); err != nil {
		return err
	}
	b.WriteString("\n<title>")
	if p.Kind != "home" {
		escape.HTML(b, p.Title)
		b.WriteString(" · ")
	}
	escape.HTML(b, p.H.Meta.Title)
	b.WriteString("</title>\n")
	if err := writeChrome(b, p, "top"); err != nil {
		return err
	}
	b.WriteString("\n<div class=\"layout\">\n")
	b.WriteString(string(p.Sidebar()))
	b.WriteString("\n<main id=\"main\" tabindex=\"-1\">")
	if len(p.Crumbs) > 0 {
		b.WriteString("\n<nav class=\"crumbs\" aria-label=\"")
		escape.HTML(b, p.Tr("breadcrumbs"))
		b.WriteString("\"><ol>")
		for _, c := range p.Crumbs {
			b.WriteString("<li>")
			if c.URL != "" {
				b.WriteString("<a href=\"")
				escape.URL(b, p.Rel(c.URL), true)
				b.WriteString("\">")
				escape.HTML(b, c.Title)
				b.WriteString("</a>")
			} else {
				b.WriteString("<span aria-current=\"page\">")
				escape.HTML(b, c.Title)
				b.WriteString("</span>")
			}
			b.WriteString("</li>")
		}
		b.WriteString("</ol></nav>")
	}
	b.WriteString("\n")
	if d, ok := p.Data.(PageData); ok && kind == "page" {
		writePageContent(b, p, d)
	} else if err := r.tmpl[kind].ExecuteTemplate(b, "content", p); err != nil {
		return err
	}
	prev, next := p.Prev(), p.Next()
	if prev != nil || next != nil {
		b.WriteString("\n<nav class=\"pager\" aria-label=\"")
		escape.HTML(b, p.Tr("readingOrder"))
		b.WriteString("\">")
		if prev != nil {
			writePagerLink(b, p, "prev", "previous", prev)
		}
		if next != nil {
			writePagerLink(b, p, "next", "nextPage", next)
		}
		b.WriteString("\n</nav>")
	}
	b.WriteString("\n</main>\n</div>\n")
	return writeChrome(b, p, "bottom")
}

func writeChrome(b *bytes.Buffer, p *Page, name string) error {
	html, err := p.Chrome(name)
	b.WriteString(string(html))
	return err
}

func writePagerLink(b *bytes.Buffer, p *Page, class, label string, it *NavItem) {
	b.WriteString("<a class=\"")
	b.WriteString(class)
	b.WriteString("\" rel=\"")
	b.WriteString(class)
	b.WriteString("\" href=\"")
	escape.URL(b, p.Rel(it.URL), true)
	b.WriteString("\"><span>")
	escape.HTML(b, p.Tr(label))
	b.WriteString("</span> ")
	escape.HTML(b, it.Title)
	b.WriteString("</a>")
}

// writePageContent is page.html's "content": the page, and on the index
// of pages the list of every page (5,000 items through the template took
// 40 ms).
func writePageContent(b *bytes.Buffer, p *Page, d PageData) {
	if !p.OwnHeading(d.Body) {
		b.WriteString("<h1>")
		escape.HTML(b, d.Page.Title)
		b.WriteString("</h1>")
	}
	b.WriteString("\n<div class=\"prose\">")
	b.WriteString(string(d.Body))
	b.WriteString("</div>")
	if d.Index {
		b.WriteString("\n<h2 id=\"all-pages\">")
		escape.HTML(b, p.Tr("allPages"))
		b.WriteString("</h2>\n<ul class=\"page-tree\">")
		for _, pg := range p.H.Pages {
			if pg.Path == "index" {
				continue
			}
			b.WriteString("<li><a href=\"")
			escape.URL(b, p.SourceURL("pages/"+pg.Path), true)
			b.WriteString("\">")
			escape.HTML(b, pg.Title)
			b.WriteString("</a> <span class=\"path\">")
			escape.HTML(b, pg.Path)
			b.WriteString("</span></li>")
		}
		b.WriteString("\n</ul>")
	}
	b.WriteString("\n")
}
