// Package links resolves what authors write in Markdown links and images —
// relative source paths such as ../policies/risk.md#汇率 — to pages of the
// generated site, or explains why a destination cannot be used.
//
// Both the checker (every link must resolve) and the renderer (rewrite it to
// the page) go through Resolve, so they can never disagree.
package links

import (
	"fmt"
	"net/url"
	"path"
	"sort"
	"strings"

	"github.com/accord-handbook/accord/generator/markdown"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/suggest"
	"github.com/accord-handbook/accord/generator/urls"
)

// Target is a resolved destination.
type Target struct {
	External bool   // a URL outside the site, written as is
	Site     string // site path of the page or file, with #fragment; "" for External
	Raw      string // the destination as written
	Draft    bool   // the page of a draft, which a build leaves out
	Asset    bool   // a file of assets/, not a page
	Fragment string // after the '#', as written; "" for none
}

// Page is the site path of the page the target is on, without the
// fragment; "" for a link to a #fragment of its own page.
func (t Target) Page() string {
	if t.Fragment == "" {
		return t.Site
	}
	return strings.TrimSuffix(t.Site, "#"+t.Fragment)
}

// Table maps source paths to site paths for one handbook.
type Table struct {
	pages  map[string]string // source path ("policies/x.md") -> site path
	drafts map[string]bool   // source paths of drafts
	assets map[string]bool
	known  []string // sorted source paths, for suggestions
}

// NewTable indexes every linkable source of h.
func NewTable(h *model.Handbook) *Table {
	t := &Table{pages: map[string]string{}, drafts: map[string]bool{}, assets: map[string]bool{}}
	add := func(src, site string) { t.pages[src] = site }
	draft := func(src string, d bool) {
		if d {
			t.drafts[src] = true
		}
	}
	for _, r := range h.Roles {
		add("roles/"+r.ID+".toml", urls.Role(r.ID))
		draft("roles/"+r.ID+".toml", r.Draft)
		if r.Body != nil {
			add("roles/"+r.ID+".md", urls.Role(r.ID))
			draft("roles/"+r.ID+".md", r.Draft)
		}
	}
	for _, w := range h.Workflows {
		add("workflows/"+w.ID+".toml", urls.Workflow(w.ID))
		draft("workflows/"+w.ID+".toml", w.Draft)
	}
	for _, p := range h.Policies {
		add("policies/"+p.ID+".md", urls.Policy(p.ID))
		draft("policies/"+p.ID+".md", p.Draft)
	}
	for _, p := range h.Pages {
		add("pages/"+p.Path+".md", urls.Page(p.Path))
		draft("pages/"+p.Path+".md", p.Draft)
	}
	add("glossary.toml", urls.Glossary)
	add("teams.toml", urls.Teams)
	add("handbook.toml", urls.Home)
	add("roles", urls.Roles)
	add("workflows", urls.Workflows)
	add("policies", urls.Policies)
	add("pages", urls.Pages)
	for _, a := range h.Assets {
		t.assets[a] = true
	}
	for k := range t.pages {
		t.known = append(t.known, k)
	}
	for k := range t.assets {
		t.known = append(t.known, k)
	}
	sort.Strings(t.known)
	return t
}

// Resolve resolves dest, written in the source file from (a source path such
// as "roles/sales-rep.md"). An error message says what is wrong and what to do.
func (t *Table) Resolve(from, dest string, image bool) (Target, error) {
	raw := dest
	dest = strings.TrimSpace(dest)
	if dest == "" {
		return Target{}, fmt.Errorf("empty link destination")
	}
	if strings.HasPrefix(dest, "#") {
		frag := strings.TrimPrefix(dest, "#")
		return Target{Site: "#" + frag, Raw: raw, Fragment: frag}, nil
	}
	if scheme, ok := urlScheme(dest); ok {
		switch {
		case !markdown.AllowedScheme(scheme):
			return Target{}, fmt.Errorf("%s: links are not allowed: a link is a relative source path, or an %s address", scheme, orList(markdown.AllowedSchemes))
		case image:
			return Target{}, fmt.Errorf("image %q is outside the handbook: readers on the intranet may not reach it; copy it to assets/ and link it relatively", dest)
		}
		return Target{External: true, Raw: raw}, nil
	}
	if strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, `\`) || strings.Contains(dest, `\`) {
		return Target{}, fmt.Errorf("link %q is not a relative source path: write it relative to this file, like ../policies/risk-management.md", dest)
	}
	p, frag, _ := strings.Cut(dest, "#")
	p, _, _ = strings.Cut(p, "?")
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	full := path.Join(path.Dir(from), p)
	if full == ".." || strings.HasPrefix(full, "../") {
		return Target{}, fmt.Errorf("link %q points outside the handbook", dest)
	}
	full = strings.TrimSuffix(full, "/")
	site, ok := t.pages[full]
	if t.assets[full] {
		// An asset's name may hold what a URL reads otherwise ("?q.gif").
		site, ok = escapePath(full), true
	}
	if ok && image && !t.assets[full] {
		return Target{}, fmt.Errorf("image %q is %s, not an image: images come from assets/", dest, full)
	}
	if !ok {
		msg := fmt.Sprintf("link %q leads nowhere: %s does not exist", dest, full)
		if image {
			msg = fmt.Sprintf("image %q not found: %s does not exist", dest, full)
		}
		if s := suggest.Path(full, t.known); s != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", relFrom(from, s))
		}
		return Target{}, fmt.Errorf("%s", msg)
	}
	if frag != "" {
		site += "#" + frag
	}
	return Target{Site: site, Raw: raw, Draft: t.drafts[full], Asset: t.assets[full], Fragment: frag}, nil
}

// orList writes "a, b or c".
func orList(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// escapePath percent-encodes each segment of a slash path.
func escapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// Page returns the site path of the page of the source path src ("" for
// none): where a link to a #fragment written in src leads.
func (t *Table) Page(src string) string { return t.pages[src] }

// IsDraft reports whether the source path src is a draft.
func (t *Table) IsDraft(src string) bool { return t.drafts[src] }

// relFrom writes a source path relative to the folder of from, the way an
// author writes it in a link.
func relFrom(from, to string) string {
	return urls.Rel(from, to)
}

// urlScheme returns the scheme of an absolute URL ("https", "mailto").
// A Windows drive letter is not a scheme.
func urlScheme(s string) (string, bool) {
	i := strings.IndexByte(s, ':')
	if i < 2 {
		return "", false
	}
	for j, c := range s[:i] {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || j > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')
		if !ok {
			return "", false
		}
	}
	return strings.ToLower(s[:i]), true
}
