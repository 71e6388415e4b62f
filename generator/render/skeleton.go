package render

import (
	"bytes"
	"html/template"

	"github.com/accord-handbook/accord/generator/escape"
)

// writeSkeleton writes a page: the head, top bar and footer from the
// templates' "head", "top" and "bottom" (Page.Chrome), and between them the
// title, the sidebar, the version banner, the breadcrumbs, the kind's
// "content" and the previous/next links. The skeleton is written here, in
// Go, because it is the same on every page and costs more through the
// template engine than the rest of a short page; every part a theme might
// change is a template. A handbook's templates/base.html replaces it.
func (r *renderer) writeSkeleton(b *bytes.Buffer, kind string, p *Page) error {
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
	writeCanonical(b, p)
	if err := writeChrome(b, p, "top"); err != nil {
		return err
	}
	b.WriteString("\n<div class=\"layout\">\n")
	b.WriteString(string(p.Sidebar()))
	b.WriteString("\n<main id=\"main\" tabindex=\"-1\">")
	if p.Versioned() {
		if err := r.tmpl[kind].ExecuteTemplate(b, "version-banner", p); err != nil {
			return err
		}
	}
	writeBanners(b, p)
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
	if err := r.writeContent(b, kind, p); err != nil {
		return err
	}
	writeControl(b, p)
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

// writeContent writes the kind's "content": from its template, but for a
// free page without a page.html of the handbook's, written here: free
// pages are most of a large handbook.
func (r *renderer) writeContent(b *bytes.Buffer, kind string, p *Page) error {
	d, ok := p.Data.(PageData)
	if kind != "page" || r.ownPageContent || !ok {
		return r.tmpl[kind].ExecuteTemplate(b, "content", p)
	}
	writePageContent(b, p, d)
	return nil
}

// PageContent is a free page's content, for a handbook's base.html (a
// page.html of its own replaces it).
func (p *Page) PageContent() template.HTML {
	d, ok := p.Data.(PageData)
	if !ok {
		return ""
	}
	var b bytes.Buffer
	writePageContent(&b, p, d)
	return template.HTML(b.String())
}

// writePageContent writes a free page: its title unless the body starts
// with a heading of its own, its body, and on the index of pages the list
// of every page.
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
