package render

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/accord-handbook/accord/generator/escape"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/review"
	"github.com/accord-handbook/accord/generator/urls"
)

// Document control on the site: every document's page says who owns and
// approves it, when it was reviewed and is due, and in which versions it
// changed; an overdue document or a draft carries a banner; review.html
// is the calendar of every document by owner; a role's page lists what it
// owns and approves. What is shown comes from package review, as of
// Input.AsOf.

// controls computes every document's control once per render.
func (r *renderer) controls() map[string]*review.Document {
	r.ctlOnce.Do(func() {
		r.ctlList = review.Documents(r.h, r.in.AsOf)
		r.ctl = make(map[string]*review.Document, len(r.ctlList))
		for i := range r.ctlList {
			r.ctl[r.ctlList[i].Key] = &r.ctlList[i]
		}
	})
	return r.ctl
}

// controlList is every document's control, sorted by key.
func (r *renderer) controlList() []review.Document {
	r.controls()
	return r.ctlList
}

// control sets the document control of a document's page.
func (r *renderer) control(p *Page, key string) *Page {
	p.Control = r.controls()[key]
	return p
}

// writeBanners writes what a document's page says above everything else:
// that it is a draft (published only by accord serve), or overdue.
func writeBanners(b *bytes.Buffer, p *Page) {
	d := p.Control
	if d == nil || p.History != nil && !p.History.isCurrent() {
		return
	}
	switch d.Status {
	case review.Draft:
		b.WriteString("\n<p class=\"banner banner-draft\" role=\"note\">")
		escape.HTML(b, p.Tr("draftBanner"))
		b.WriteString("</p>")
	case review.Overdue:
		b.WriteString("\n<p class=\"banner banner-overdue\" role=\"note\">")
		escape.HTML(b, strings.Replace(p.Tr("overdueBanner"), "%s", d.Due.String(), 1))
		b.WriteString(" <a href=\"")
		escape.URL(b, p.Rel(urls.Review), true)
		b.WriteString("\">")
		escape.HTML(b, p.Tr("reviewCalendar"))
		b.WriteString("</a></p>")
	}
}

// writeControl writes the document-control block of a document's page:
// owner, approver, effective date, last and next review, and the versions
// in which the document changed.
func writeControl(b *bytes.Buffer, p *Page) {
	d := p.Control
	if d == nil {
		return
	}
	b.WriteString("\n<aside class=\"doc-control\" aria-label=\"")
	escape.HTML(b, p.Tr("docControl"))
	b.WriteString("\"><dl>")
	fact := func(label string, write func()) {
		b.WriteString("<dt>")
		escape.HTML(b, p.Tr(label))
		b.WriteString("</dt><dd>")
		write()
		b.WriteString("</dd>")
	}
	role := func(id string) func() {
		return func() {
			if id == "" || p.H.RoleByID[id] == nil {
				b.WriteString("—")
				return
			}
			b.WriteString("<a href=\"")
			escape.URL(b, p.RoleURL(id), true)
			b.WriteString("\">")
			escape.HTML(b, p.RoleName(id))
			b.WriteString("</a>")
		}
	}
	date := func(s string) func() {
		return func() {
			if s == "" {
				s = "—"
			}
			escape.HTML(b, s)
		}
	}
	fact("owner", role(d.Owner))
	fact("approver", role(d.Approver))
	fact("effective", date(p.effective().String()))
	fact("lastReview", date(d.Reviewed.String()))
	fact("nextReview", func() {
		b.WriteString("<span class=\"due due-")
		b.WriteString(d.Status)
		b.WriteString("\">")
		escape.HTML(b, d.Due.String())
		if d.Status != review.Scheduled {
			b.WriteString(" · ")
			escape.HTML(b, p.Tr(d.Status))
		}
		b.WriteString("</span> <span class=\"muted\">(")
		escape.HTML(b, p.Tr(d.Cycle))
		b.WriteString(")</span>")
	})
	b.WriteString("</dl>")
	if hist := p.DocHistory(); len(hist) > 0 {
		b.WriteString("<details><summary>")
		escape.HTML(b, p.Tr("revisionHistory"))
		b.WriteString("</summary><ul>")
		for _, e := range hist {
			b.WriteString("<li><a href=\"")
			escape.URL(b, e.ChangesURL, true)
			b.WriteString("\">")
			escape.HTML(b, p.Tr("version")+" "+e.Number)
			if e.Date != "" {
				escape.HTML(b, " ("+e.Date+")")
			}
			b.WriteString("</a>")
			if e.OldURL != "" {
				b.WriteString(" · <a href=\"")
				escape.URL(b, e.OldURL, true)
				b.WriteString("\">")
				escape.HTML(b, p.Tr("asItWas"))
				b.WriteString("</a>")
			}
			b.WriteString("</li>")
		}
		b.WriteString("</ul></details>")
	}
	b.WriteString("</aside>")
}

// effective is the effective date of the page's document: a policy's own,
// else the handbook's.
func (p *Page) effective() model.Date {
	if d, ok := p.Data.(PolicyData); ok && !d.Policy.EffectiveDate.IsZero() {
		return d.Policy.EffectiveDate
	}
	return p.H.Meta.EffectiveDate
}

// DocVersion is one earlier version in which a document changed.
type DocVersion struct {
	Number, Date string
	ChangesURL   string // the document's entry on that version's change page
	OldURL       string // the document's page in the version before, if it had it
}

// DocHistory lists, newest first, the versions up to the one being read in
// which the page's document changed.
func (p *Page) DocHistory() []DocVersion {
	d := p.Control
	if d == nil || !p.Versioned() {
		return nil
	}
	kind := d.Kind
	_, id, _ := strings.Cut(d.Key, "/")
	vs := p.History
	var out []DocVersion
	for i := vs.Self; i > 0; i-- {
		v := vs.List[i]
		if v.Changes == nil || !changed(v.Changes, kind, id) {
			continue
		}
		e := DocVersion{Number: v.Number, Date: v.Date, ChangesURL: p.siteLink(ChangesPage(v.Slug) + "#" + kind + "-" + id)}
		if vs.pagesOf(i - 1)[p.Path] {
			e.OldURL = p.siteLink(vs.Prefix(i-1) + p.Path)
		}
		out = append(out, e)
	}
	return out
}

// DocTable is a table of documents with their next review, for a role's
// page and the review calendar.
func (p *Page) DocTable(docs []review.Document) template.HTML {
	var b bytes.Buffer
	b.WriteString("<div class=\"table-wrap\"><table class=\"docs\">\n<thead><tr><th scope=\"col\">")
	escape.HTML(&b, p.Tr("document"))
	b.WriteString("</th><th scope=\"col\">")
	escape.HTML(&b, p.Tr("nextReview"))
	b.WriteString("</th></tr></thead>\n<tbody>")
	for _, d := range docs {
		b.WriteString("<tr><th scope=\"row\"><a href=\"")
		escape.URL(&b, p.SourceURL(d.Key), true)
		b.WriteString("\">")
		escape.HTML(&b, d.Title)
		b.WriteString("</a> <span class=\"muted\">")
		escape.HTML(&b, p.Tr("kind-"+d.Kind))
		b.WriteString("</span></th><td><span class=\"due due-")
		b.WriteString(d.Status)
		b.WriteString("\">")
		escape.HTML(&b, d.Due.String())
		if d.Status != review.Scheduled {
			b.WriteString(" · ")
			escape.HTML(&b, p.Tr(d.Status))
		}
		b.WriteString("</span></td></tr>")
	}
	b.WriteString("</tbody>\n</table></div>")
	return template.HTML(b.String())
}

// ReviewData is the review calendar: every document by owner.
type ReviewData struct {
	AsOf             model.Date
	Overdue, DueSoon int
	Owners           []OwnerDocs
	Unowned          []review.Document
	DueSoonDays      int
}

// OwnerDocs is one owner's documents, soonest due first.
type OwnerDocs struct {
	Role                    *model.Role
	Overdue, DueSoon, Other []review.Document
}

func (r *renderer) reviewPage() {
	d := ReviewData{AsOf: r.in.AsOf, DueSoonDays: review.DueSoonDays(r.h.Meta.Review)}
	r.controls()
	by := map[string]*OwnerDocs{}
	for _, doc := range review.SortByDue(r.ctlList) {
		ro := r.h.RoleByID[doc.Owner]
		if ro == nil {
			d.Unowned = append(d.Unowned, doc)
			continue
		}
		o := by[ro.ID]
		if o == nil {
			o = &OwnerDocs{Role: ro}
			by[ro.ID] = o
		}
		switch doc.Status {
		case review.Overdue:
			o.Overdue = append(o.Overdue, doc)
			d.Overdue++
		case review.DueSoon:
			o.DueSoon = append(o.DueSoon, doc)
			d.DueSoon++
		default:
			o.Other = append(o.Other, doc)
		}
	}
	for _, ro := range r.order.Roles() {
		if o := by[ro.ID]; o != nil {
			d.Owners = append(d.Owners, *o)
		}
	}
	r.execute("review", r.page("review", urls.Review, r.t["reviewCalendar"], r.home2crumbs("reviewCalendar", ""), d))
}
