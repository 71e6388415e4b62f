package validate

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/source"
)

// aliases checks the old ids of renamed documents: each is an id (for a
// page, a path of ids), and names no live document of its kind and no
// other alias, since its old page becomes a redirect to the new one.
func (c *checker) aliases() {
	type doc struct {
		src     *source.Doc
		aliases []string
	}
	check := func(kind string, live map[string]bool, docs []doc, path bool) {
		seen := map[string]source.Pos{}
		for _, d := range docs {
			if d.src == nil || d.src.Broken {
				continue
			}
			for _, a := range d.aliases {
				pos := d.src.Value("aliases", a)
				switch {
				case !validAlias(a, path):
					what := "an id: lower-case a-z, 0-9 and '-'"
					if path {
						what = "a page's path under pages/ without .md, of ids joined by '/'"
					}
					c.diags.Errorf(pos, "alias %q is not %s", a, what)
				case live[a]:
					c.diags.Errorf(pos, "alias %q is the id of a %s of this version: an alias names an old id, whose page becomes a redirect; remove it", a, kind)
				default:
					if first, dup := seen[a]; dup {
						c.diags.Errorf(pos, "alias %q is already an alias (at %s): an old page can redirect to one document only", a, first)
						continue
					}
					seen[a] = pos
				}
			}
		}
	}
	var roles, workflows, policies, pages []doc
	liveRoles, liveWorkflows, livePolicies, livePages := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, r := range c.h.Roles {
		roles, liveRoles[r.ID] = append(roles, doc{r.Src, r.Aliases}), true
	}
	for _, w := range c.h.Workflows {
		workflows, liveWorkflows[w.ID] = append(workflows, doc{w.Src, w.Aliases}), true
	}
	for _, p := range c.h.Policies {
		policies, livePolicies[p.ID] = append(policies, doc{p.Src, p.Aliases}), true
	}
	for _, p := range c.h.Pages {
		pages, livePages[p.Path] = append(pages, doc{p.Src, p.Aliases}), true
	}
	check("role", liveRoles, roles, false)
	check("workflow", liveWorkflows, workflows, false)
	check("policy", livePolicies, policies, false)
	check("page", livePages, pages, true)
}

// validAlias reports an id, or for a page a path of ids.
func validAlias(a string, path bool) bool {
	if !path {
		return model.ValidID(a) && a != "index"
	}
	for _, part := range strings.Split(a, "/") {
		if !model.ValidID(part) {
			return false
		}
	}
	return true
}

// site checks [site]: a base URL is an absolute http or https address of a
// folder.
func (c *checker) site() {
	m := c.h.Meta
	b := m.Site.BaseURL
	if b == "" || m.Src == nil || m.Src.Text == nil || m.Src.Broken {
		return
	}
	if err := CheckBaseURL(b); err != nil {
		c.diags.Errorf(m.Src.Value("site.base_url", b), "base_url %q: %v", b, err)
	}
}

// CheckBaseURL reports a base URL that is not an absolute http or https
// address without a query or fragment (--base-url is checked the same way).
func CheckBaseURL(b string) error {
	u, err := url.Parse(b)
	switch {
	case err != nil:
		return fmt.Errorf("not a URL: %v", err)
	case u.Scheme != "http" && u.Scheme != "https" || u.Host == "":
		return fmt.Errorf("want an absolute address like https://intranet.example.com/handbook/")
	case u.RawQuery != "" || u.Fragment != "":
		return fmt.Errorf("a base URL has no query or fragment")
	}
	return nil
}
