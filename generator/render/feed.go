package render

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/accord-handbook/accord/generator/diff"
	"github.com/accord-handbook/accord/generator/escape"
	"github.com/accord-handbook/accord/generator/urls"
)

// feed writes feed.xml, an Atom 1.0 feed (RFC 4287) with one entry per
// version, newest first: what it changed, linked to its "what changed"
// page. It needs the base URL: a feed reader resolves no relative link.
//
// An entry's id is a tag URI (RFC 4151) made of the base URL's host and
// path and the version's number and effective date, not the address of
// its page: the first version moves from the root to v/<version>/ when a
// second one is published, and its entry must stay the same entry.
func (r *renderer) feed() {
	base := r.in.BaseURL
	var list []*Version
	if vs := r.in.History; vs != nil {
		for i := len(vs.List) - 1; i >= 0; i-- {
			list = append(list, vs.List[i])
		}
	} else {
		list = []*Version{{Number: r.h.Meta.Version, Slug: "", Date: r.h.Meta.EffectiveDate.String(), Handbook: r.h}}
	}
	updated := ""
	for _, v := range list {
		if u := r.feedTime(v); u > updated {
			updated = u
		}
	}
	var b bytes.Buffer
	b.WriteString("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"")
	escape.XML(&b, r.h.Meta.Language)
	b.WriteString("\">\n")
	element(&b, "id", base+urls.Feed)
	element(&b, "title", r.h.Meta.Title)
	if d := r.h.Meta.Description; d != "" {
		element(&b, "subtitle", d)
	}
	element(&b, "updated", updated)
	link(&b, "self", "application/atom+xml", base+urls.Feed)
	link(&b, "alternate", "text/html", base+urls.Home)
	b.WriteString("<author>")
	element(&b, "name", r.h.Meta.Title)
	b.WriteString("</author>\n")
	element(&b, "generator", "accord")
	for _, v := range list {
		r.feedEntry(&b, v)
	}
	b.WriteString("</feed>\n")
	r.add(urls.Feed, b.Bytes())
}

func (r *renderer) feedEntry(b *bytes.Buffer, v *Version) {
	base := r.in.BaseURL
	page := base + urls.Home
	if v.Changes != nil {
		page = base + ChangesPage(v.Slug)
	} else if r.in.History != nil && v != r.in.History.self() {
		page = base + VersionDir(v.Slug) + urls.Home
	}
	b.WriteString("<entry>\n")
	element(b, "id", tagURI(base, v))
	title := r.t["version"] + " " + v.Number
	if v.Date != "" {
		title += " · " + r.t["effective"] + " " + v.Date
	}
	element(b, "title", title)
	element(b, "updated", r.feedTime(v))
	link(b, "alternate", "text/html", page)
	if v.Changes == nil {
		element(b, "summary", r.t["firstVersion"])
		b.WriteString("</entry>\n")
		return
	}
	element(b, "summary", r.changeSummary(v.Changes))
	// The content lists every document the version added, changed or
	// removed, each linked to its entry on the change page.
	var html bytes.Buffer
	html.WriteString("<ul>")
	for _, d := range changedDocs(v.Changes) {
		html.WriteString("<li><a href=\"")
		escape.URL(&html, page+"#"+changeAnchor(d.kind, d.id), true)
		html.WriteString("\">")
		escape.HTML(&html, d.title)
		html.WriteString("</a> (")
		escape.HTML(&html, diff.Label(r.h.Meta.Language, d.change))
		html.WriteString(")</li>")
	}
	html.WriteString("</ul>")
	b.WriteString("<content type=\"html\">")
	escape.XML(b, html.String())
	b.WriteString("</content>\n</entry>\n")
}

// feedTime is when a version took effect, as an Atom date; a version
// without an effective date takes the build's as-of date.
func (r *renderer) feedTime(v *Version) string {
	d := v.Date
	if d == "" {
		d = r.in.AsOf.String()
	}
	if d == "" {
		d = "1970-01-01"
	}
	return d + "T00:00:00Z"
}

// tagURI is an entry's permanent id: tag:<host>,<date>:<path>version/<slug>.
func tagURI(base string, v *Version) string {
	host, path := "localhost", "/"
	if u, err := url.Parse(base); err == nil && u.Host != "" {
		host, path = u.Hostname(), u.EscapedPath()
	}
	date := v.Date
	if date == "" {
		date = "2000-01-01"
	}
	if !strings.HasSuffix(path, "/") {
		path += "/"
	}
	return fmt.Sprintf("tag:%s,%s:%sversion/%s", host, date, path, url.PathEscape(v.Number))
}

// changeSummary counts what a version changed, by kind of document.
func (r *renderer) changeSummary(c *diff.ChangeSet) string {
	counts := map[string]map[string]int{}
	for _, d := range changedDocs(c) {
		if counts[d.change] == nil {
			counts[d.change] = map[string]int{}
		}
		counts[d.change][d.kind]++
	}
	var parts []string
	for _, change := range []string{diff.Changed, diff.Added, diff.Removed} {
		var kinds []string
		for _, k := range []struct{ kind, label string }{{"role", "roles"}, {"workflow", "workflows"}, {"policy", "policies"}, {"page", "pages"}} {
			if n := counts[change][k.kind]; n > 0 {
				kinds = append(kinds, fmt.Sprintf("%s %d", r.t[k.label], n))
			}
		}
		if len(kinds) > 0 {
			word := map[string]string{diff.Changed: "feedChanged", diff.Added: "feedAdded", diff.Removed: "feedRemoved"}[change]
			parts = append(parts, r.t[word]+": "+strings.Join(kinds, r.t["listSep"]))
		}
	}
	if len(parts) == 0 {
		return diff.Label(r.h.Meta.Language, "nochange")
	}
	return strings.Join(parts, " · ")
}

// changedDoc is a document a change set names.
type changedDoc struct{ kind, id, title, change string }

// changedDocs lists the documents c adds, changes or removes — a
// workflow whose letters alone changed included — by kind, then id.
func changedDocs(c *diff.ChangeSet) []changedDoc {
	var out []changedDoc
	for _, s := range roleSections(c) {
		if s.Change != "" {
			out = append(out, changedDoc{"role", s.ID, s.Name, s.Change})
		}
	}
	for _, s := range workflowSections(c) {
		out = append(out, changedDoc{"workflow", s.ID, s.Name, s.Change})
	}
	for _, p := range c.Policies {
		out = append(out, changedDoc{"policy", p.ID, p.Title, p.Change})
	}
	for _, p := range c.Pages {
		out = append(out, changedDoc{"page", p.Path, p.Title, p.Change})
	}
	return out
}

func element(b *bytes.Buffer, name, text string) {
	b.WriteString("<" + name + ">")
	escape.XML(b, text)
	b.WriteString("</" + name + ">\n")
}

func link(b *bytes.Buffer, rel, typ, href string) {
	// escape.URL's entities (&amp;, &#43;, …) are XML's too.
	b.WriteString("<link rel=\"" + rel + "\" type=\"" + typ + "\" href=\"")
	escape.URL(b, href, true)
	b.WriteString("\"/>\n")
}
