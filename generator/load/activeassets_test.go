package load

import (
	"os"
	"testing"
)

func TestActiveXML(t *testing.T) {
	const head = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">` + "\n"
	tests := []struct{ name, doc, want string }{
		{"drawing", head + `<title id="t">流程</title><defs><marker id="a"><path d="M0,0"/></marker></defs><a href="../pages/x.html"><rect style="fill:red" width="1"/></a><animate attributeName="opacity" values="0;1"/></svg>`, ""},
		{"script", head + `<script>alert(1)</script></svg>`, "2:1 a <script> element"},
		{"script in xhtml", head + `<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x"/></div></foreignObject></svg>`, "2:1 a <foreignObject> element"},
		{"prefixed script", `<x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>`, "1:1 a <script> element"},
		{"handler", head + `<g>` + "\n" + `<rect onload="alert(1)"/></g></svg>`, "3:1 an event handler (onload)"},
		{"handler upper case", head + `<rect ONCLICK="alert(1)"/></svg>`, "2:1 an event handler (ONCLICK)"},
		{"javascript link", head + `<a xlink:href=" JaVa&#x09;Script:alert(1)"><text>x</text></a></svg>`, "2:1 a script URL in href"},
		{"data link", head + `<a href="data:text/html,&lt;script&gt;"/></svg>`, "2:1 a script URL in href"},
		{"svg data image", head + `<image href="data:image/svg+xml;base64,PHN2Zz4="/></svg>`, "2:1 a script URL in href"},
		{"raster data image", head + `<image href="data:image/png;base64,iVBO"/></svg>`, ""},
		{"animated link", head + `<a><set attributeName="href" to="https://x"/></a></svg>`, "2:4 an animation of a link"},
		{"animation to javascript", head + `<animate values="0;javascript:alert(1)"/></svg>`, "2:1 a script URL in values"},
		{"iframe", `<root><iframe src="x"/></root>`, "1:7 a <iframe> element"},
		{"style sheet", `<?xml-stylesheet type="text/xsl" href="x.xsl"?><root/>`, "1:1 a style sheet instruction (<?xml-stylesheet?>)"},
		{"entities", `<!DOCTYPE svg [<!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;">]>` + head + `&x;</svg>`, "1:1 entity declarations (which could hide markup from this check)"},
		{"not xml", `<svg><g></svg>`, "1:0 XML that cannot be read (1: element <g> closed by </svg>), so it cannot be checked for script"},
	}
	for _, tt := range tests {
		line, col, why := activeXML([]byte(tt.doc))
		got := ""
		if why != "" {
			got = itoa(line) + ":" + itoa(col) + " " + why
		}
		if got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestLoad_activeAssets: assets that would run script in a reader's browser
// are refused, at their line, unless the handbook opted into raw HTML.
func TestLoad_activeAssets(t *testing.T) {
	files := map[string]string{
		"handbook.toml":         okMeta,
		"assets/flow.svg":       "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect width=\"1\"/>\n</svg>\n",
		"assets/evil.svg":       "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect width=\"1\"/>\n<script>alert(1)</script>\n</svg>\n",
		"assets/form.html":      "<p>hello</p>",
		"assets/tool.js":        "alert(1)",
		"assets/data.xml":       "<rows><row/></rows>",
		"assets/logo.png":       "\x89PNG",
		"assets/manual.pdf":     "%PDF-1.4",
		"assets/docs/guide.htm": "<p>x</p>",
	}
	want := "hb/assets/docs/guide.htm: an HTML page in assets/ could run script as part of the site: make it a page under pages/, or set raw_html = true under [markdown] if the handbook's authors may run script\n" +
		"hb/assets/evil.svg:3:1: SVG holds a <script> element: a reader who opens the file would run it as part of the site; remove it, or set raw_html = true under [markdown] if the handbook's authors may run script\n" +
		"hb/assets/form.html: an HTML page in assets/ could run script as part of the site: make it a page under pages/, or set raw_html = true under [markdown] if the handbook's authors may run script\n" +
		"hb/assets/tool.js: a script in assets/ could run script as part of the site: make it a page under pages/, or set raw_html = true under [markdown] if the handbook's authors may run script"
	if got := diagText(mapFS(files)); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	files["handbook.toml"] = okMeta + "[markdown]\nraw_html = true\n"
	if got := diagText(mapFS(files)); got != "" {
		t.Errorf("with raw_html = true:\n%s", got)
	}
}

// TestLoad_shippedAssetsPass: the drawings of the shipped handbook are not
// mistaken for script.
func TestLoad_shippedAssetsPass(t *testing.T) {
	b, err := os.ReadFile("../../content/assets/order-flow.svg")
	if err != nil {
		t.Skip(err)
	}
	if line, _, why := activeXML(b); why != "" {
		t.Errorf("content/assets/order-flow.svg:%d: %s", line, why)
	}
}
