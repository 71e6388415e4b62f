// Package urls decides where every generated page lives and how one page
// links to another. Every link accord writes is relative and names an .html
// file, so the site works under any sub-path and straight from disk
// (file://), where a link to a folder would show a listing, not its index.
package urls

import (
	"path"
	"strings"
)

// Fixed pages of the site.
const (
	Home   = "index.html"
	RACI   = "raci.html"
	Health = "raci-health.html"
	// Graphs shows the department graph and the org chart at full size.
	Graphs = "graphs.html"
	Search = "search.html"
	// SearchIndex is a script, not JSON: a <script> tag loads it from
	// file://, where fetch() is refused.
	SearchIndex = ThemeDir + "/search-index.js"
	Glossary    = "glossary.html"
	// Review is the review calendar: every document by owner and due date.
	Review = "review.html"
	// NotFound is what a web server shows for a path the site lacks.
	NotFound = "404.html"
	// Sitemap lists every page's address, for a site with a base URL.
	Sitemap = "sitemap.xml"
	// Feed announces each version, for a site with a base URL.
	Feed = "feed.xml"
	// PrintDir holds the print pages.
	PrintDir  = "print/"
	Teams     = "teams.html"
	ModelJSON = "model.json"
	Roles     = "roles/index.html"
	Workflows = "workflows/index.html"
	Policies  = "policies/index.html"
	Pages     = "pages/index.html"
	// ThemeDir is where the theme's files land, and the folder of what
	// accord adds to a site besides pages.
	ThemeDir = "_accord"
	// Marker is at the root of every site accord writes: accord replaces
	// only a folder that holds it, and never reads one as sources.
	Marker = ".accord-site"
)

// Role returns the page of a role.
func Role(id string) string { return "roles/" + id + ".html" }

// Workflow returns the page of a workflow.
func Workflow(id string) string { return "workflows/" + id + ".html" }

// Step returns the anchor of a step on its workflow's page.
func Step(workflow, step string) string { return Workflow(workflow) + "#" + StepID(step) }

// StepID is the id of a step's element on its workflow's page.
func StepID(step string) string { return "step-" + step }

// TeamID is the id of a team's section on the teams page.
func TeamID(team string) string { return "team-" + team }

// TermID is the id of a term's entry on the glossary page: "term-" and the
// term, with spaces and the characters a URL or an attribute reads
// otherwise ('/', '#', '?', '%', quotes) as '-'; Chinese stays.
func TermID(term string) string {
	return "term-" + strings.Map(func(r rune) rune {
		if r == ' ' || r == '/' || r == '#' || r == '?' || r == '%' || r == '"' || r == '\'' {
			return '-'
		}
		return r
	}, term)
}

// Onboarding returns the "new here?" page of a role.
func Onboarding(role string) string { return "onboarding/" + role + ".html" }

// PrintAll is the whole handbook on one page, in reading order, for print.
const PrintAll = "print/handbook.html"

// PrintRole is a role's booklet: its page and its reading list, for print.
func PrintRole(role string) string { return "print/" + role + ".html" }

// AcknowledgePrefix starts the name of a version's sign-off sheet in
// print/, which no role's booklet may take.
const AcknowledgePrefix = "acknowledge-"

// Acknowledge is the sign-off sheet of the version whose slug is given.
func Acknowledge(slug string) string { return "print/" + AcknowledgePrefix + slug + ".html" }

// Policy returns the page of a policy.
func Policy(id string) string { return "policies/" + id + ".html" }

// Page returns the page of a free page ("runbooks/lc" -> "pages/runbooks/lc.html").
// pages/index.md, the introduction, lands on pages/index.html, which is also
// the list of pages: the introduction comes first, the list after it.
func Page(p string) string { return "pages/" + p + ".html" }

// Source maps a source key (a source path without extension, as in
// onboarding lists: "policies/risk", "pages/runbooks/lc", "roles/x",
// "workflows/y") to its page. ok is false for anything else.
func Source(key string) (string, bool) {
	kind, id, found := strings.Cut(key, "/")
	if !found || id == "" {
		return "", false
	}
	switch kind {
	case "roles":
		return Role(id), true
	case "workflows":
		return Workflow(id), true
	case "policies":
		return Policy(id), true
	case "pages":
		return Page(id), true
	}
	return "", false
}

// Rel returns the relative URL from page from to target to (both site
// paths, target may carry a #fragment).
func Rel(from, to string) string {
	frag := ""
	if i := strings.IndexByte(to, '#'); i >= 0 {
		to, frag = to[:i], to[i:]
	}
	if to == from && frag != "" {
		return frag
	}
	fromDir := path.Dir(from)
	up := 0
	dir := fromDir
	for dir != "." && !strings.HasPrefix(to, dir+"/") {
		dir = path.Dir(dir)
		up++
	}
	rest := to
	if dir != "." {
		rest = strings.TrimPrefix(to, dir+"/")
	}
	return strings.Repeat("../", up) + rest + frag
}

// Root returns the relative path from page to the site root ("" or "../../").
func Root(page string) string {
	return strings.Repeat("../", strings.Count(page, "/"))
}
