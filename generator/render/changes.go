package render

import (
	"fmt"
	"sort"

	"github.com/accord-handbook/accord/generator/diff"
	"github.com/accord-handbook/accord/generator/urls"
)

// The pages only the root of a versioned site has: the list of versions and
// a "what changed" page for each version against the one before it.

// VersionsData is the page that lists every version.
type VersionsData struct {
	Versions []VersionEntry // newest first
}

// VersionEntry is one version on the versions page.
type VersionEntry struct {
	Number, Date string
	Label        string // tag or folder it was read from
	URL          string // its home page
	ChangesURL   string // its "what changed" page; "" for the first version
	Current      bool
}

// ChangesData is a version's "what changed" page. Links to entities lead
// to the new version's page, or the old version's for what was removed.
type ChangesData struct {
	Old, New  *Version
	C         *diff.ChangeSet
	Roles     []RoleSection
	Workflows []WorkflowSection
	page      string
	oldPrefix string
	newPrefix string
}

// RoleSection is everything that changed for one role: its fields and the
// RACI letters it gained and lost.
type RoleSection struct {
	ID, Name, Change string // Change is "" when only its letters changed
	Role             *diff.RoleChange
	Gained, Lost     []diff.Assignment
}

// WorkflowSection is everything that changed in one workflow: its fields
// and steps, and its RACI cells.
type WorkflowSection struct {
	ID, Name, Change string
	Workflow         *diff.WorkflowChange
	Cells            []diff.RACICell
}

// URL links to a site path of the new version, or of the old version when
// change is "removed".
func (d ChangesData) URL(change, target string) string {
	prefix := d.newPrefix
	if change == diff.Removed {
		prefix = d.oldPrefix
	}
	return urls.Rel(d.page, prefix+target)
}

// OldHome and NewHome link to the home pages of the two versions.
func (d ChangesData) OldHome() string { return urls.Rel(d.page, d.oldPrefix+urls.Home) }

// SignOffURL links to the new version's sign-off sheet.
func (d ChangesData) SignOffURL() string { return urls.Rel(d.page, urls.Acknowledge(d.New.Slug)) }

// NewHome links to the home page of the new version.
func (d ChangesData) NewHome() string { return urls.Rel(d.page, d.newPrefix+urls.Home) }

// versionPages lists the pages only the root of a versioned site has: the
// list of versions, and each version's "what changed" page and sign-off
// sheet.
func (r *renderer) versionPages() []pageJob {
	vs := r.in.History
	if vs == nil || len(vs.List) < 2 || !vs.isCurrent() {
		return nil
	}
	jobs := []pageJob{{VersionsPage, (*renderer).versionsPage}}
	for i := 1; i < len(vs.List); i++ {
		jobs = append(jobs, pageJob{ChangesPage(vs.List[i].Slug), func(x *renderer) { x.changesPage(i) }})
	}
	return append(jobs, r.signOffPages()...)
}

func (r *renderer) versionsPage() {
	vs := r.in.History
	var d VersionsData
	for i := len(vs.List) - 1; i >= 0; i-- {
		v := vs.List[i]
		e := VersionEntry{Number: v.Number, Date: v.Date, Label: v.Label, Current: i == len(vs.List)-1,
			URL: urls.Rel(VersionsPage, vs.Prefix(i)+urls.Home)}
		if v.Changes != nil {
			e.ChangesURL = urls.Rel(VersionsPage, ChangesPage(v.Slug))
		}
		d.Versions = append(d.Versions, e)
	}
	r.execute("versions", r.page("versions", VersionsPage, r.t["versions"], r.home2crumbs("versions", ""), d))
}

// changesPage renders what changed in the version at index i of the
// history against the one before it.
func (r *renderer) changesPage(i int) {
	vs := r.in.History
	v := vs.List[i]
	page := ChangesPage(v.Slug)
	cd := ChangesData{Old: vs.List[i-1], New: v, C: v.Changes, page: page,
		oldPrefix: vs.Prefix(i - 1), newPrefix: vs.Prefix(i)}
	cd.Roles, cd.Workflows = roleSections(v.Changes), workflowSections(v.Changes)
	title := fmt.Sprintf(r.t["changesTitle"], v.Number)
	crumbs := append(r.home2crumbs("versions", VersionsPage), r.crumb(title, ""))
	r.execute("changes", r.page("changes", page, title, crumbs, cd))
}

// roleSections gathers, per role, its own changes and its RACI letters.
func roleSections(c *diff.ChangeSet) []RoleSection {
	by := map[string]*RoleSection{}
	get := func(id, name string) *RoleSection {
		if by[id] == nil {
			by[id] = &RoleSection{ID: id, Name: name}
		}
		return by[id]
	}
	for i := range c.Roles {
		rc := &c.Roles[i]
		s := get(rc.ID, rc.Name)
		s.Role, s.Change = rc, rc.Change
	}
	for _, rr := range c.Responsibilities {
		s := get(rr.Role, rr.RoleName)
		s.Gained, s.Lost = rr.Gained, rr.Lost
	}
	out := make([]RoleSection, 0, len(by))
	for _, s := range by {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// workflowSections gathers, per workflow, its changes and its RACI cells.
func workflowSections(c *diff.ChangeSet) []WorkflowSection {
	by := map[string]*WorkflowSection{}
	get := func(id, name string) *WorkflowSection {
		if by[id] == nil {
			by[id] = &WorkflowSection{ID: id, Name: name, Change: diff.Changed}
		}
		return by[id]
	}
	for i := range c.Workflows {
		wc := &c.Workflows[i]
		s := get(wc.ID, wc.Name)
		s.Workflow, s.Change = wc, wc.Change
	}
	for _, cell := range c.RACI {
		s := get(cell.Workflow, cell.WorkflowName)
		s.Cells = append(s.Cells, cell)
	}
	out := make([]WorkflowSection, 0, len(by))
	for _, s := range by {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Views of change lists with their words already chosen, so that the
// templates' sub-templates need nothing but their argument.

// FieldView is one changed field.
type FieldView struct {
	Label, Old, New string
	Long            bool        // show Spans, an inline diff, rather than Old → New
	Spans           []diff.Span // only when Long
}

// Fields prepares field changes for a template.
func (p *Page) Fields(fs []diff.FieldChange) []FieldView {
	var out []FieldView
	for _, f := range fs {
		v := FieldView{Label: p.FieldLabel(f.Field), Old: p.ChangeValue(f.Old), New: p.ChangeValue(f.New), Long: p.LongField(f)}
		if f.Field == "name" {
			v.Label = p.ChangeLabel("renamed")
		}
		if v.Long {
			v.Spans = p.FieldSpans(f)
		}
		out = append(out, v)
	}
	return out
}

// ListView is one changed list (duties, applies_to, next …).
type ListView struct {
	Label          string
	Added, Removed []string
	Reordered      bool
	Old, New       []string
	Words          map[string]string // added, removed, reordered
}

// Lists prepares list changes for a template.
func (p *Page) Lists(ls []diff.ListChange) []ListView {
	var out []ListView
	for _, l := range ls {
		out = append(out, ListView{Label: p.FieldLabel(l.Field), Added: l.Added, Removed: l.Removed,
			Reordered: l.Reordered, Old: l.Old, New: l.New, Words: p.changeWords()})
	}
	return out
}

// ListOne prepares one list change (assets) for a template.
func (p *Page) ListOne(l *diff.ListChange) []ListView {
	if l == nil {
		return nil
	}
	return p.Lists([]diff.ListChange{*l})
}

func (p *Page) changeWords() map[string]string {
	return map[string]string{"added": p.ChangeLabel("added"), "removed": p.ChangeLabel("removed"), "reordered": p.ChangeLabel("reordered")}
}

// ParagraphsView is a changed text, paragraph by paragraph.
type ParagraphsView struct {
	Label string
	Items []ParagraphView
}

// ParagraphView is one added, removed or rewritten paragraph.
type ParagraphView struct {
	Where, Change, ChangeWord string
	Spans                     []diff.Span
}

// Paragraphs prepares paragraph changes of a field ("text",
// "long_description") for a template; nil when there are none.
func (p *Page) Paragraphs(field string, ps []diff.ParagraphChange) *ParagraphsView {
	if len(ps) == 0 {
		return nil
	}
	v := &ParagraphsView{Label: p.FieldLabel(field)}
	for _, pc := range ps {
		v.Items = append(v.Items, ParagraphView{Where: p.ParagraphTitle(pc), Change: pc.Change,
			ChangeWord: p.ChangeLabel(pc.Change), Spans: p.ParagraphSpans(pc)})
	}
	return v
}
