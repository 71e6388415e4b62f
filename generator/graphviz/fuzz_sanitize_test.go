package graphviz

import (
	"strings"
	"testing"
)

// FuzzSanitize feeds the SVG sanitiser arbitrary documents, as a hostile
// ```dot block could make Graphviz write (or a Graphviz bug could): what
// comes out is either an error or well-formed SVG made only of the elements
// and attributes the sanitiser keeps, with no event handler, no style from
// the input, and no link that leaves the site.
func FuzzSanitize(f *testing.F) {
	for _, body := range []string{
		`<script>alert(1)</script>`, `<g onload="alert(1)"><text>x</text></g>`,
		`<a xlink:href="javascript:alert(1)"><text>a</text></a>`, `<a href=" java&#x09;script:x"/>`,
		`<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></div></foreignObject>`,
		`<style>@import url(http://evil)</style>`, `<path fill="url(#a)" stroke="url(http://evil/x)"/>`,
		`<svg onload="alert(1)"><text>x</text></svg>`, `<text>&lt;script&gt;&amp;&nbsp;</text>`,
		`<x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>`, `<set attributeName="href" to="javascript:x"/>`,
	} {
		f.Add(svgHead + body + svgTail)
	}
	f.Add("")
	f.Add("<svg/>")
	f.Add(`<!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]><svg>&x;</svg>`)
	f.Fuzz(func(t *testing.T, in string) {
		out, err := sanitize([]byte(in), "p-")
		if err != nil {
			return
		}
		for _, e := range parseSVG(t, out) {
			if !svgElements[e.name] {
				t.Fatalf("element %s kept:\n%s", e.name, out)
			}
			for name, v := range e.attrs {
				lower := strings.ToLower(name)
				switch {
				case !svgAttrs[name] && !(e.name == "svg" && (name == "role" || name == "class" || name == "style" || name == "viewBox" || name == "xmlns" || name == "?" && v == xlinkNS)):
					t.Fatalf("attribute %s kept on %s:\n%s", name, e.name, out)
				case strings.HasPrefix(lower, "on"):
					t.Fatalf("event handler %s kept:\n%s", name, out)
				case name == "style" && !strings.HasPrefix(v, "max-width:"):
					t.Fatalf("style %q kept:\n%s", v, out)
				case name == "href" || name == "xlink:href":
					if _, ok := relativeLink(v); !ok || e.name != "a" {
						t.Fatalf("link %q kept on %s:\n%s", v, e.name, out)
					}
				case strings.Contains(strings.ToLower(v), "url(") && !strings.HasPrefix(strings.TrimSpace(v), "url(#p-"):
					t.Fatalf("url() %q kept:\n%s", v, out)
				}
			}
		}
	})
}
