// Package templates holds accord's default page templates (html/template).
// A handbook overrides any of them by putting a file of the same name in
// its templates/ folder.
package templates

import "embed"

// FS holds chrome.html (the head, top bar and footer of every page),
// nav.html (the sidebar), version-parts.html (what versioned sites add)
// and one template per kind of page, each defining "content".
//
//go:embed *.html
var FS embed.FS
