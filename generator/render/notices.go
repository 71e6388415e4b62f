package render

import (
	"fmt"
	"slices"

	"github.com/accord-handbook/accord/generator/diff"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/notice"
	"github.com/accord-handbook/accord/generator/urls"
)

// Change notices: on the pages of the current version, what it changed
// for a role; at the root, a sign-off sheet per version.

// ForYou is what the version being read changed for one role.
type ForYou struct {
	Number, Date string
	Docs         []NoticeDoc
	Gained, Lost []diff.Assignment
	SheetURL     string
}

// NoticeDoc is one document of a re-read list, linked to its entry on the
// version's "what changed" page.
type NoticeDoc struct {
	Title, Kind string
	URL         string
	New         bool
}

// ForYou returns what the current version changed for role, or nil: on
// the pages of an earlier version, of a site without versions, or when
// nothing changed for the role.
func (p *Page) ForYou(role string) *ForYou {
	if !p.Versioned() || !p.History.isCurrent() {
		return nil
	}
	v := p.History.self()
	if v.Changes == nil {
		return nil
	}
	f := &ForYou{Number: v.Number, Date: v.Date, Docs: p.noticeDocs(v, v.ReRead[role]), SheetURL: p.siteLink(urls.Acknowledge(v.Slug))}
	for _, rr := range v.Changes.Responsibilities {
		if rr.Role == role {
			f.Gained, f.Lost = rr.Gained, rr.Lost
		}
	}
	if len(f.Docs) == 0 && len(f.Gained) == 0 && len(f.Lost) == 0 {
		return nil
	}
	return f
}

// noticeDocs links docs to their entries on v's change page, in reading
// order: the role's own document, then workflows, policies and pages.
func (p *Page) noticeDocs(v *Version, docs []notice.Doc) []NoticeDoc {
	out := make([]NoticeDoc, len(docs))
	for i, d := range docs {
		out[i] = NoticeDoc{Title: d.Title, Kind: d.Kind, New: d.Change == diff.Added,
			URL: p.siteLink(ChangesPage(v.Slug) + "#" + changeAnchor(d.Kind, d.ID))}
	}
	rank := map[string]int{"role": 0, "workflow": 1, "policy": 2, "page": 3}
	slices.SortStableFunc(out, func(a, b NoticeDoc) int { return rank[a.Kind] - rank[b.Kind] })
	return out
}

// changeAnchor is the id of a document's entry on a "what changed" page.
func changeAnchor(kind, id string) string { return kind + "-" + id }

// SignOffData is a version's sign-off sheet.
type SignOffData struct {
	Version    *Version
	Title      string // the handbook's
	Roles      []SignOffRole
	NoPeople   bool // people.toml lists nobody: blank rows to write names in
	ChangesURL string
}

// SignOffRole is one role's part of a sign-off sheet.
type SignOffRole struct {
	ID, Name string
	Docs     []NoticeDoc
	Rows     []SignOffRow
}

// SignOffRow is one line to sign; an empty Name is a blank line.
type SignOffRow struct {
	Name string
	Date string // of the acknowledgement on record, if any
}

// blankRows is how many lines a role's table has to write names in when
// people.toml does not say who holds it.
const blankRows = 6

// signOffPages lists the sign-off sheet of every version that has one:
// every version but the first, at the root of a versioned site.
func (r *renderer) signOffPages() []pageJob {
	vs := r.in.History
	if vs == nil || !vs.isCurrent() {
		return nil
	}
	var jobs []pageJob
	for _, v := range vs.List[1:] {
		jobs = append(jobs, pageJob{urls.Acknowledge(v.Slug), func(x *renderer) { x.signOff(v) }})
	}
	return jobs
}

func (r *renderer) signOff(v *Version) {
	site := urls.Acknowledge(v.Slug)
	date, _ := model.ParseDate(v.Date)
	due := notice.Due(notice.Version{Number: v.Number, Effective: date, Lists: v.ReRead}, r.h.People, r.h.Acks, r.in.AsOf)
	d := SignOffData{Version: v, Title: r.h.Meta.Title, NoPeople: len(r.h.People) == 0}
	p := r.page("acknowledge", site, fmt.Sprintf(r.t["signOffTitle"], v.Number), nil, nil)
	d.ChangesURL = p.siteLink(ChangesPage(v.Slug))
	// Roles in department order, as the site lists them; a role of an
	// earlier version that is gone now keeps its id as its name.
	for _, id := range r.signOffOrder(v) {
		docs := v.ReRead[id]
		sr := SignOffRole{ID: id, Name: v.Handbook.RoleName(id), Docs: p.noticeDocs(v, docs)}
		for _, e := range due {
			if slices.Contains(e.Roles, id) {
				sr.Rows = append(sr.Rows, SignOffRow{Name: e.Person.Name, Date: e.Date.String()})
			}
		}
		if d.NoPeople {
			sr.Rows = make([]SignOffRow, blankRows)
		}
		d.Roles = append(d.Roles, sr)
	}
	p.Data = d
	r.execute("acknowledge", p)
}

// signOffOrder is the roles with something to re-read in v, in the order
// of the current department, then any others by id.
func (r *renderer) signOffOrder(v *Version) []string {
	var out []string
	seen := map[string]bool{}
	for _, ro := range r.order.Roles() {
		if len(v.ReRead[ro.ID]) > 0 {
			out, seen[ro.ID] = append(out, ro.ID), true
		}
	}
	var rest []string
	for id := range v.ReRead {
		if !seen[id] {
			rest = append(rest, id)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// Holders are the people who hold a role as of the build's date.
func (r *renderer) holders(role string) []*model.Person {
	return notice.Holders(r.h.People, role, r.in.AsOf)
}
