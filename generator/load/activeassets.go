package load

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/source"
)

// Assets are copied byte for byte, and a reader who opens one sees it as a
// page of the site: an HTML file's scripts, or an SVG's, would run with the
// site's rights, which is exactly what raw_html = false promises authors
// cannot do. So, unless the handbook opted into raw HTML, documents that
// run script are refused: HTML and script files outright, SVG and XML when
// they hold script (checked element by element, so drawings exported from
// an editor pass).

// scriptExts are files a browser runs or renders as a page with scripts.
var scriptExts = map[string]string{
	".html": "an HTML page", ".htm": "an HTML page", ".xhtml": "an HTML page", ".xht": "an HTML page",
	".shtml": "an HTML page", ".mht": "a web archive", ".mhtml": "a web archive",
	".js": "a script", ".mjs": "a script", ".xsl": "an XSLT style sheet", ".xslt": "an XSLT style sheet",
	".svgz": "a compressed SVG (it cannot be checked)",
}

// scriptElements run or embed script or other documents, in SVG, XHTML
// or any other namespace.
var scriptElements = map[string]bool{
	"script": true, "foreignobject": true, "iframe": true, "frame": true, "frameset": true,
	"embed": true, "object": true, "applet": true, "handler": true, "listener": true,
	"base": true, "meta": true, "link": true, "portal": true,
}

// urlAttrs are attributes whose value a browser follows or evaluates as a URL.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "data": true,
	"to": true, "from": true, "by": true, "values": true,
}

// CheckAssets reports the assets of h, read from fsys (name prefixes file
// names), that would run script when opened, unless rawHTML allows them.
// Load runs it with the handbook's own raw_html; an earlier version of a
// handbook is held to the current version's (a tag must not put script on
// a site whose handbook does not allow it).
func CheckAssets(fsys fs.FS, name string, h *model.Handbook, rawHTML bool) *source.List {
	l := &loader{fsys: fsys, name: name, diags: &source.List{}, h: h}
	if !rawHTML {
		for _, p := range h.Assets {
			l.checkAsset(p)
		}
	}
	l.diags.Sort()
	return l.diags
}

// checkAsset reports an asset that would run script when opened.
func (l *loader) checkAsset(p string) {
	ext := strings.ToLower(path.Ext(p))
	pos := source.Pos{File: l.display(p)}
	if what, ok := scriptExts[ext]; ok {
		l.diags.Errorf(pos, "%s in assets/ could run script as part of the site: make it a page under pages/, or set raw_html = true under [markdown] if the handbook's authors may run script", what)
		return
	}
	if ext != ".svg" && ext != ".xml" {
		return
	}
	b, err := readLimited(l.fsys, p, -1)
	if err != nil {
		l.diags.Errorf(pos, "cannot check for script: %v (at most %d MB)", unwrapPath(err), MaxFileSize>>20)
		return
	}
	if line, col, why := activeXML(b); why != "" {
		l.diags.Errorf(source.Pos{File: pos.File, Line: line, Col: col}, "%s holds %s: a reader who opens the file would run it as part of the site; remove it, or set raw_html = true under [markdown] if the handbook's authors may run script", strings.ToUpper(ext[1:]), why)
	}
}

// activeXML returns the position and a description of the first thing in
// an SVG or XML document that runs script, or why="" when there is none.
// A document the XML decoder cannot read cannot be vouched for either.
func activeXML(b []byte) (line, col int, why string) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	for {
		line, col = d.InputPos()
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return 0, 0, ""
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				line = se.Line
			}
			return line, 0, "XML that cannot be read (" + strings.TrimPrefix(err.Error(), "XML syntax error on line ") + "), so it cannot be checked for script"
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if scriptElements[name] {
				return line, col, "a <" + t.Name.Local + "> element"
			}
			for _, a := range t.Attr {
				an := strings.ToLower(a.Name.Local)
				switch {
				case strings.HasPrefix(an, "on"):
					return line, col, "an event handler (" + a.Name.Local + ")"
				case urlAttrs[an] && scriptURL(a.Value):
					return line, col, "a script URL in " + a.Name.Local
				case an == "attributename" && strings.Contains(strings.ToLower(a.Value), "href"):
					return line, col, "an animation of a link"
				}
			}
		case xml.ProcInst:
			if strings.EqualFold(t.Target, "xml-stylesheet") {
				return line, col, "a style sheet instruction (<?xml-stylesheet?>)"
			}
		case xml.Directive:
			if bytes.Contains(t, []byte("[")) || bytes.Contains(bytes.ToUpper(t), []byte("ENTITY")) {
				return line, col, "entity declarations (which could hide markup from this check)"
			}
		}
	}
}

// scriptURL reports a URL (or a list of them, for values="a;b") that runs
// script or loads a document: javascript:, vbscript:, data: other than an
// image. Browsers ignore blanks, tabs and newlines in a scheme.
func scriptURL(v string) bool {
	for _, part := range strings.Split(v, ";") {
		clean := strings.ToLower(strings.Map(func(r rune) rune {
			if r <= ' ' {
				return -1
			}
			return r
		}, part))
		if strings.HasPrefix(clean, "javascript:") || strings.HasPrefix(clean, "vbscript:") ||
			strings.HasPrefix(clean, "data:") && !strings.HasPrefix(clean, "data:image/") ||
			strings.HasPrefix(clean, "data:image/svg") {
			return true
		}
	}
	return false
}
