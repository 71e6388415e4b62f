package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/accord-handbook/accord/generator/health"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/review"
	"github.com/accord-handbook/accord/generator/urls"
)

// Page is what every template gets. Its methods make links relative to the
// page being rendered, so templates never build paths themselves.
type Page struct {
	Path   string // site path of this page
	Kind   string // home, role, workflow, policy, page, list, raci, glossary, teams
	Title  string
	Crumbs []Crumb
	Data   any
	Nav    *Nav
	H      *model.Handbook
	T      map[string]string
	Extra  template.HTML
	// History is set in a versioned site: see versions.go.
	History *History
	// Control is the document control of a document's page (control.go).
	Control *review.Document

	r *renderer // for the sidebar cache
}

// Sidebar is the site navigation with this page marked as current.
func (p *Page) Sidebar() template.HTML {
	if p.r == nil {
		return ""
	}
	html := p.r.sidebar(path.Dir(p.Path))
	// The sidebar links to this page by its file name; ids are plain
	// a-z0-9-, so the name needs no escaping.
	cur := `href="` + path.Base(p.Path) + `"`
	return template.HTML(strings.ReplaceAll(html, cur+">", cur+` aria-current="page">`))
}

// Chrome renders the part of chrome.html named name for this page: the
// head, the top bar and the footer, which are the same on every page of a
// folder and kind. They are rendered once per folder and kind, like the
// sidebar. In a versioned site the version switcher names the page, so
// they are rendered for each page there.
func (p *Page) Chrome(name string) (template.HTML, error) {
	if p.r == nil || p.History != nil {
		return p.executePart(name)
	}
	key := name + "\x00" + path.Dir(p.Path) + "\x00" + p.Kind
	c := p.r.navHTML
	c.mu.Lock()
	html, ok := c.chrome[key]
	c.mu.Unlock()
	if ok {
		return template.HTML(html), nil
	}
	out, err := p.executePart(name)
	if err != nil {
		return "", err
	}
	c.mu.Lock()
	c.chrome[key] = string(out)
	c.mu.Unlock()
	return out, nil
}

func (p *Page) executePart(name string) (template.HTML, error) {
	if p.r == nil {
		return "", fmt.Errorf("no template %q outside a render", name)
	}
	t := p.r.tmpl[p.Kind]
	if t == nil {
		t = p.r.tmpl["home"]
	}
	var b strings.Builder
	if err := t.ExecuteTemplate(&b, name, p); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// Crumb is one breadcrumb.
type Crumb struct {
	Title string
	URL   string // site path; "" for the current page
}

// Nav is the sidebar, shared by every page.
type Nav struct {
	Sections []NavSection
	// Order is the reading order of the handbook (the order of the printed
	// handbook), for the previous/next links at the foot of a page.
	Order []NavItem
	index map[string]int // site path -> position in Order
}

// Prev is the page before this one in reading order, if any.
func (p *Page) Prev() *NavItem { return p.Nav.step(p.Path, -1) }

// Next is the page after this one in reading order, if any.
func (p *Page) Next() *NavItem { return p.Nav.step(p.Path, +1) }

func (n *Nav) step(path string, d int) *NavItem {
	i, ok := n.index[path]
	if !ok || i+d < 0 || i+d >= len(n.Order) {
		return nil
	}
	return &n.Order[i+d]
}

// NavSection is one kind of source in the sidebar.
type NavSection struct {
	Title string
	URL   string
	Items []NavItem
}

// NavItem is one entry of a section.
type NavItem struct {
	Title string
	URL   string
	Depth int
}

// Rel returns the link from this page to a site path.
func (p *Page) Rel(to string) string { return urls.Rel(p.Path, to) }

// Root is the relative path to the site root ("" or "../").
func (p *Page) Root() string { return urls.Root(p.Path) }

// Current reports whether a site path is this page.
func (p *Page) Current(to string) bool { return to == p.Path }

// RoleURL links to a role's page.
func (p *Page) RoleURL(id string) string { return p.Rel(urls.Role(id)) }

// WorkflowURL links to a workflow's page.
func (p *Page) WorkflowURL(id string) string { return p.Rel(urls.Workflow(id)) }

// StepURL links to a step on its workflow's page.
func (p *Page) StepURL(w, s string) string { return p.Rel(urls.Step(w, s)) }

// PolicyURL links to a policy's page.
func (p *Page) PolicyURL(id string) string { return p.Rel(urls.Policy(id)) }

// SourceURL links to the page of a source key ("policies/x").
func (p *Page) SourceURL(key string) string {
	if site, ok := urls.Source(key); ok {
		return p.Rel(site)
	}
	return ""
}

// OwnHeading reports whether a Markdown body starts with its own level-1
// heading; the page then shows that instead of the title.
func (p *Page) OwnHeading(body template.HTML) bool {
	return strings.HasPrefix(strings.TrimSpace(string(body)), "<h1")
}

// RoleName is the display name of a role id.
func (p *Page) RoleName(id string) string { return p.H.RoleName(id) }

// TeamName is the display name of a team id.
func (p *Page) TeamName(id string) string {
	if t := p.H.TeamByID[id]; t != nil && t.Name != "" {
		return t.Name
	}
	return id
}

// KindsJSON names the kinds of search results in the interface language,
// for search.js.
func (p *Page) KindsJSON() string {
	m := map[string]string{}
	for _, k := range []string{"role", "workflow", "step", "policy", "page", "term", "section"} {
		m[k] = p.Tr("kind-" + k)
	}
	b, _ := json.Marshal(m)
	return string(b)
}

// Tr translates an interface string key.
func (p *Page) Tr(key string) string {
	if s, ok := p.T[key]; ok {
		return s
	}
	return key
}

// Count writes n and the word of key for n things: key+"One" for one,
// when the language has such a singular, else key.
func (p *Page) Count(n int, key string) string {
	if n == 1 {
		if s, ok := p.T[key+"One"]; ok {
			return "1 " + s
		}
	}
	return strconv.Itoa(n) + " " + p.Tr(key)
}

// Sep joins the items of a list written out in a sentence: ", " or "、".
func (p *Page) Sep() string { return p.Tr("listSep") }

// SourceTitle is the title of the entity a source key names.
func (p *Page) SourceTitle(key string) string {
	kind, id, _ := strings.Cut(key, "/")
	switch kind {
	case "roles":
		return p.H.RoleName(id)
	case "workflows":
		if w := p.H.WorkflowByID[id]; w != nil {
			return w.Name
		}
	case "policies":
		if pol := p.H.PolicyByID[id]; pol != nil {
			return pol.Title
		}
	case "pages":
		if pg := p.H.PageByPath[id]; pg != nil {
			return pg.Title
		}
	}
	return key
}

var funcs = template.FuncMap{
	"duration": formatDuration,
	"join":     strings.Join,
	"add":      func(a, b int) int { return a + b },
	"anchor":   urls.TermID,
	"teamID":   urls.TeamID,
	"heat":     health.Heat,
	"trf": func(format string, n int) string {
		if !strings.Contains(format, "%d") {
			return format
		}
		return fmt.Sprintf(format, n)
	},
	"cells":       cells,
	"letterClass": letterClass,
}

// formatDuration writes a step's duration the way people say it: 2d 4h,
// 90min, rather than Go's 52h0m0s.
func formatDuration(d time.Duration, t map[string]string) string {
	if d <= 0 {
		return ""
	}
	days := int(d / (24 * time.Hour))
	d -= time.Duration(days) * 24 * time.Hour
	hours := int(d / time.Hour)
	d -= time.Duration(hours) * time.Hour
	mins := int(d / time.Minute)
	var parts []string
	if days > 0 {
		parts = append(parts, fmt.Sprintf("%d %s", days, t["days"]))
	}
	if hours > 0 {
		parts = append(parts, fmt.Sprintf("%d %s", hours, t["hours"]))
	}
	if mins > 0 {
		parts = append(parts, fmt.Sprintf("%d %s", mins, t["minutes"]))
	}
	if len(parts) == 0 {
		return d.String()
	}
	return strings.Join(parts, " ")
}

func cutKey(key string) (kind, id string, ok bool) { return strings.Cut(key, "/") }

// cells writes the cells of one RACI matrix row. A department matrix has
// steps × roles cells (millions in a large handbook), too many to go
// through the template engine one by one.
func cells(letters []string) template.HTML {
	var b strings.Builder
	for _, l := range letters {
		b.WriteString(`<td class="`)
		esc(&b, letterClass(l))
		b.WriteString(`">`)
		esc(&b, l)
		b.WriteString(`</td>`)
	}
	return template.HTML(b.String())
}

// letterClass is the CSS class of a RACI cell: raci-ra for "R/A".
func letterClass(l string) string {
	if l == "" {
		return "raci-none"
	}
	return "raci-" + strings.ToLower(strings.ReplaceAll(l, "/", ""))
}
