package render

import (
	"fmt"
	"sync"

	"github.com/accord-handbook/accord/generator/diff"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/notice"
	"github.com/accord-handbook/accord/generator/urls"
)

// A versioned site holds the current version at its root and every earlier
// one, complete, under v/<version>/. Each version is rendered on its own by
// Site, with Input.History saying which one it is; its links stay relative
// inside its folder, and the links between versions (the switcher in the
// header, the banner of old versions, the "what changed" pages) are made
// here, from paths relative to the site's root.

// Site paths of the pages that only the root of a versioned site has.
const (
	VersionsPage = "versions.html"
	changesDir   = "changes/"
	versionsDir  = "v/"
)

// ChangesPage is the "what changed" page of a version: changes/<slug>.html.
func ChangesPage(slug string) string { return changesDir + slug + ".html" }

// VersionDir is the folder of an earlier version: v/<slug>/.
func VersionDir(slug string) string { return versionsDir + slug + "/" }

// History tells one render of a versioned site which version it renders
// and what the others are. A nil History renders a site without versions.
type History struct {
	List []*Version // oldest first; the last is the current version, at the root
	Self int        // index in List of the version being rendered
}

// Version is one version of a versioned site.
type Version struct {
	Number   string
	Slug     string // its folder name: v/<Slug>/, changes/<Slug>.html
	Date     string // effective date, YYYY-MM-DD or ""
	Label    string // the tag or folder it was read from; "" for the current sources
	Handbook *model.Handbook
	// Changes is what changed since the version before it; nil for the
	// first. ReRead is what each role must re-read, drawn from Changes.
	Changes *diff.ChangeSet
	ReRead  notice.Lists

	once  sync.Once
	pages map[string]bool
}

// pagesOf returns the pages of the version at index i of vs, for the
// version switcher, listing them on first use. The root of a versioned
// site, which is the current version, also has the versions page and the
// change pages.
func (vs *History) pagesOf(i int) map[string]bool {
	v := vs.List[i]
	v.once.Do(func() {
		v.pages = sitePages(v.Handbook)
		if i == len(vs.List)-1 && len(vs.List) > 1 {
			v.pages[VersionsPage] = true
			for _, o := range vs.List[1:] {
				v.pages[ChangesPage(o.Slug)] = true
				v.pages[urls.Acknowledge(o.Slug)] = true
			}
		}
	})
	return v.pages
}

// Prefix is the folder of the version at index i: "" for the current one.
func (vs *History) Prefix(i int) string {
	if i == len(vs.List)-1 {
		return ""
	}
	return VersionDir(vs.List[i].Slug)
}

func (vs *History) self() *Version  { return vs.List[vs.Self] }
func (vs *History) isCurrent() bool { return vs.Self == len(vs.List)-1 }

// sitePages lists the pages Site renders for h, for the version switcher
// to know whether another version has the page being read: the pages of
// the same lists the render runs.
func sitePages(h *model.Handbook) map[string]bool {
	r := &renderer{h: h}
	m := map[string]bool{urls.Search: true}
	for _, list := range [][]pageJob{r.ownPages(), r.redirects(), r.onboarding(), r.printPages()} {
		for _, j := range list {
			m[j.path] = true
		}
	}
	return m
}

// siteLink links from the page being rendered to a path relative to the
// root of the whole site (not of the version being rendered).
func (p *Page) siteLink(to string) string {
	return urls.Rel(p.History.Prefix(p.History.Self)+p.Path, to)
}

// Versioned reports whether the site has earlier versions.
func (p *Page) Versioned() bool { return p.History != nil && len(p.History.List) > 1 }

// VersionLink is one entry of the version switcher.
type VersionLink struct {
	Number, Date string
	URL          string
	Selected     bool // the version being read
	Latest       bool // the current version
	SamePage     bool // URL is this page in that version (else its home)
}

// MenuVersions bounds the versions the switcher of every page lists: the
// newest ones, and the version being read. With every version on every
// page, the site grew with the square of its versions; the versions page
// lists them all.
const MenuVersions = 10

// VersionMenu lists the MenuVersions newest versions and the one being
// read, newest first, each linking to this page in that version when it
// has it, else to its home page.
func (p *Page) VersionMenu() []VersionLink {
	if !p.Versioned() {
		return nil
	}
	vs := p.History
	var out []VersionLink
	for i := len(vs.List) - 1; i >= 0; i-- {
		if len(vs.List)-1-i < MenuVersions || i == vs.Self {
			out = append(out, p.versionLink(i))
		}
	}
	return out
}

func (p *Page) versionLink(i int) VersionLink {
	vs := p.History
	v := vs.List[i]
	l := VersionLink{Number: v.Number, Date: v.Date, Selected: i == vs.Self, Latest: i == len(vs.List)-1}
	target := urls.Home
	if vs.pagesOf(i)[p.Path] {
		target, l.SamePage = p.Path, true
	}
	l.URL = p.siteLink(vs.Prefix(i) + target)
	if l.Selected && l.SamePage {
		l.URL = p.Rel(p.Path)
	}
	return l
}

// Banner is what an earlier version says at the top of every page.
type Banner struct {
	Reading string // the version being read
	Current string // the current version
	URL     string // this page in the current version, or its home
}

// OldVersion is the banner of an earlier version; nil on the current one.
func (p *Page) OldVersion() *Banner {
	if !p.Versioned() || p.History.isCurrent() {
		return nil
	}
	l := p.versionLink(len(p.History.List) - 1)
	return &Banner{Reading: p.History.self().Number, Current: l.Number, URL: l.URL}
}

// VersionsURL links to the page that lists every version.
func (p *Page) VersionsURL() string {
	if !p.Versioned() {
		return ""
	}
	return p.siteLink(VersionsPage)
}

// ChangesURL links to the "what changed" page of the version being read;
// "" for the first version, which has nothing before it.
func (p *Page) ChangesURL() string {
	if !p.Versioned() || p.History.self().Changes == nil {
		return ""
	}
	return p.siteLink(ChangesPage(p.History.self().Slug))
}

// ThisVersion is the version being read; nil on a site without versions.
func (p *Page) ThisVersion() *Version {
	if !p.Versioned() {
		return nil
	}
	return p.History.self()
}

// ChangedIn links to the section of this version's "what changed" page
// about an entity ("role", "workflow" or "policy" and its id) when the
// entity changed in this version, else "".
func (p *Page) ChangedIn(kind, id string) string {
	if !p.Versioned() {
		return ""
	}
	v := p.History.self()
	if v.Changes == nil || !changed(v.Changes, kind, id) {
		return ""
	}
	return p.siteLink(ChangesPage(v.Slug) + "#" + kind + "-" + id)
}

// Note says on an entity's page that it changed in the version being read.
type Note struct {
	Text, Link string
	URL        string // the entity's section of the "what changed" page
}

// ChangeNote is the note of an entity that changed in this version, or nil.
func (p *Page) ChangeNote(kind, id string) *Note {
	u := p.ChangedIn(kind, id)
	if u == "" {
		return nil
	}
	return &Note{Text: fmt.Sprintf(p.Tr("changedInVersion"), p.History.self().Number), Link: p.Tr("seeWhatChanged"), URL: u}
}

// changed reports whether c says anything about an entity.
func changed(c *diff.ChangeSet, kind, id string) bool { return c.Touches(kind, id) }

// RoleHistoryEntry is what one version changed for a role.
type RoleHistoryEntry struct {
	Number, Date string
	URL          string // the role's section of that version's "what changed" page
	Change       string // added, removed, changed; "" when only its RACI letters changed
	Role         *diff.RoleChange
	Gained, Lost []diff.Assignment
}

// RoleHistory is a role's history up to the version being read, newest
// first: the versions that changed its fields or its responsibilities.
func (p *Page) RoleHistory(id string) []RoleHistoryEntry {
	if !p.Versioned() {
		return nil
	}
	var out []RoleHistoryEntry
	for i := p.History.Self; i > 0; i-- {
		v := p.History.List[i]
		e := RoleHistoryEntry{Number: v.Number, Date: v.Date, URL: p.siteLink(ChangesPage(v.Slug) + "#role-" + id)}
		found := false
		for j := range v.Changes.Roles {
			if rc := &v.Changes.Roles[j]; rc.ID == id {
				e.Role, e.Change, found = rc, rc.Change, true
			}
		}
		for _, r := range v.Changes.Responsibilities {
			if r.Role == id {
				e.Gained, e.Lost, found = r.Gained, r.Lost, true
			}
		}
		if found {
			out = append(out, e)
		}
	}
	return out
}

// The words and marks of change sets, for the templates of the site.

func (p *Page) lang() string { return p.H.Meta.Language }

// ChangeLabel is a word of the diff writers ("added", "gained", …) in the
// handbook's language.
func (p *Page) ChangeLabel(key string) string { return diff.Label(p.lang(), key) }

// FieldLabel names a field of a change ("reports_to" -> "reports to").
func (p *Page) FieldLabel(field string) string {
	if field == "title" {
		return diff.Label(p.lang(), "title_field")
	}
	return diff.Label(p.lang(), field)
}

// ChangeValue shows a field value, with a dash for "unset".
func (p *Page) ChangeValue(s string) string {
	if s == "" {
		return diff.Label(p.lang(), "none")
	}
	return s
}

// LongField reports whether a field change reads better as an inline diff
// than as "old → new".
func (p *Page) LongField(f diff.FieldChange) bool {
	return f.Old != "" && f.New != "" && (len([]rune(f.Old)) > 30 || len([]rune(f.New)) > 30)
}

// FieldSpans is the inline diff of a field change.
func (p *Page) FieldSpans(f diff.FieldChange) []diff.Span { return diff.Inline(f.Old, f.New) }

// ParagraphSpans is the inline diff of a paragraph; an added or removed
// paragraph is one span.
func (p *Page) ParagraphSpans(pc diff.ParagraphChange) []diff.Span {
	switch pc.Change {
	case diff.Added:
		return []diff.Span{{Op: diff.Insert, Text: pc.New}}
	case diff.Removed:
		return []diff.Span{{Op: diff.Delete, Text: pc.Old}}
	}
	return pc.Spans
}

// ParagraphTitle says where a paragraph is: "paragraph 3, line 12".
func (p *Page) ParagraphTitle(pc diff.ParagraphChange) string {
	idx, line, key := pc.NewIndex, pc.NewLine, "para"
	if pc.Change == diff.Removed {
		idx, line, key = pc.OldIndex, pc.OldLine, "old_para"
	}
	if line > 0 {
		return fmt.Sprintf(diff.Label(p.lang(), key+"_at"), idx, line)
	}
	return fmt.Sprintf(diff.Label(p.lang(), key), idx)
}
