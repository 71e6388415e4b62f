// Package theme holds accord's default theme: the static files (CSS, and
// later scripts and icons) copied into every site under _accord/. A handbook
// overrides any of them with a file of the same name in its theme/ folder.
package theme

import "embed"

// FS holds the theme's static files.
//
//go:embed *.css *.js *.svg
var FS embed.FS
