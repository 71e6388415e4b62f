package validate

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/accord-handbook/accord/generator/links"
	"github.com/accord-handbook/accord/generator/suggest"
	"github.com/accord-handbook/accord/generator/urls"
)

// checkFragment reports a link, written in the source from, whose
// #fragment names no element of the page it leads to. A link to a file
// of assets/ is not checked: its fragment means what the file's viewer
// makes of it (a PDF's #page=3).
func (a *Anchors) checkFragment(from, dest string, t links.Target, table *links.Table) error {
	if t.Fragment == "" || t.External || t.Asset {
		return nil
	}
	page := t.Page()
	if page == "" {
		page = table.Page(from)
	}
	ids, ok := a.IDs(page)
	if !ok || hasID(ids, t.Fragment) {
		return nil
	}
	what, noun := describe(page)
	if page == table.Page(from) && strings.HasPrefix(strings.TrimSpace(dest), "#") {
		what = "this page"
	}
	msg := fmt.Sprintf("link %q: %s has no %s %q", dest, what, noun, t.Fragment)
	if w, ok := pageID(page, "workflows/"); ok && strings.HasPrefix(t.Fragment, "step-") {
		msg = fmt.Sprintf("link %q: workflow %q has no step %q", dest, w, strings.TrimPrefix(t.Fragment, "step-"))
	}
	if s := nearestID(t.Fragment, ids); s != "" {
		return fmt.Errorf("%s (did you mean %s?)", msg, dest[:strings.Index(dest, "#")+1]+s)
	}
	if own := withoutChrome(ids); len(own) == 0 {
		msg += ": it has none"
	} else if len(own) <= maxListed {
		msg += fmt.Sprintf(" (it has %s)", strings.Join(own, ", "))
	}
	return fmt.Errorf("%s", msg)
}

// maxListed is how many ids a message lists when it has no suggestion.
const maxListed = 8

// hasID reports whether ids has the element a browser scrolls to for the
// fragment: one whose id is the fragment as written or percent-decoded
// (a browser tries both), or the top of the page for "top".
func hasID(ids []string, frag string) bool {
	if _, ok := slices.BinarySearch(ids, frag); ok {
		return true
	}
	if dec, err := url.PathUnescape(frag); err == nil && dec != frag {
		if _, ok := slices.BinarySearch(ids, dec); ok {
			return true
		}
		frag = dec
	}
	return strings.EqualFold(frag, "top")
}

// nearestID is the id the author most likely meant: the same but for
// case (ids are case-sensitive, headings' are lower-case), the nearest by
// spelling, else the first that ends in the fragment ("restore" for
// "step-restore", a term for its "term-" id) or starts with it ("tone"
// for the heading "Tone of voice").
func nearestID(frag string, ids []string) string {
	own := withoutChrome(ids)
	for _, id := range own {
		if strings.EqualFold(id, frag) {
			return id
		}
	}
	if s := suggest.Closest(frag, own); s != "" {
		return s
	}
	for _, id := range own {
		if strings.HasSuffix(id, "-"+frag) || strings.HasPrefix(id, frag+"-") {
			return id
		}
	}
	return ""
}

// withoutChrome drops the ids every page has, which nobody means to
// link to with a fragment they misspelt.
func withoutChrome(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if !slices.Contains(chromeIDs, id) {
			out = append(out, id)
		}
	}
	return out
}

// describe names the page at site in a message, and what on it a
// fragment names.
func describe(site string) (what, noun string) {
	switch site {
	case urls.Glossary:
		return "the glossary", "term with id"
	case urls.Teams:
		return "the teams page", "team with id"
	case urls.Home:
		return "the home page", "id"
	case urls.Roles, urls.Workflows, urls.Policies:
		return "the list of " + strings.TrimSuffix(site, "/index.html"), "id"
	}
	if id, ok := pageID(site, "roles/"); ok {
		return fmt.Sprintf("the page of role %q", id), "section or heading with id"
	}
	if id, ok := pageID(site, "workflows/"); ok {
		return fmt.Sprintf("the page of workflow %q", id), "id"
	}
	if id, ok := pageID(site, "policies/"); ok {
		return fmt.Sprintf("policy %q", id), "heading with id"
	}
	p, _ := pageID(site, "pages/")
	return fmt.Sprintf("page %q", p), "heading with id"
}
