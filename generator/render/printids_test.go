package render

import (
	"html/template"
	"testing"
)

func TestScopeIDs(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"no ids: unchanged", `<p class="x">a <a href="#top">b</a></p>`, `<p class="x">a <a href="#top">b</a></p>`},
		{"id and link",
			`<h2 id="duties">D</h2><a href="#duties">d</a>`,
			`<h2 id="p:duties">D</h2><a href="#p:duties">d</a>`},
		{"a link to an id the section lacks is the page's",
			`<h2 id="a">A</h2><a href="#main">m</a><a href="../x.html#a">x</a>`,
			`<h2 id="p:a">A</h2><a href="#main">m</a><a href="../x.html#a">x</a>`},
		{"footnotes",
			`<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup><li id="fn:1"><a href="#fnref:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></li>`,
			`<sup id="p:fnref:1"><a href="#p:fn:1" class="footnote-ref" role="doc-noteref">1</a></sup><li id="p:fn:1"><a href="#p:fnref:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></li>`},
		{"a percent-encoded fragment keeps its encoding",
			`<h2 id="常见情形">C</h2><a href="#%E5%B8%B8%E8%A7%81%E6%83%85%E5%BD%A2">c</a>`,
			`<h2 id="p:常见情形">C</h2><a href="#p:%E5%B8%B8%E8%A7%81%E6%83%85%E5%BD%A2">c</a>`},
		{"labels and ARIA references, lists of them",
			`<label for="x">X</label><input id="x"><p id="y">Y</p><div aria-labelledby="x y main" aria-describedby="main"></div>`,
			`<label for="p:x">X</label><input id="p:x"><p id="p:y">Y</p><div aria-labelledby="p:x p:y main" aria-describedby="main"></div>`},
		{"other attributes of a changed tag are escaped again",
			`<h2 class="a&amp;b" title="&#34;q&#34;" id="h">H</h2>`,
			`<h2 class="a&amp;b" title="&#34;q&#34;" id="p:h">H</h2>`},
		{"tags without a scoped id are copied byte for byte",
			`<h2 id="a">A</h2><A TITLE="x&amp;y &#34;q&#34;" Href="#b" class=c>b</A><IMG SRC="x.png" ALT="&lt;" />`,
			`<h2 id="p:a">A</h2><A TITLE="x&amp;y &#34;q&#34;" Href="#b" class=c>b</A><IMG SRC="x.png" ALT="&lt;" />`},
		{"script and comments are copied",
			`<p id="a">a</p><script>var s = '<a id="a" href="#a">';</script><!-- id="a" -->`,
			`<p id="p:a">a</p><script>var s = '<a id="a" href="#a">';</script><!-- id="a" -->`},
		{"self-closing", `<svg><use xlink:href="#g"/><g id="g"/></svg>`, `<svg><use xlink:href="#p:g" /><g id="p:g" /></svg>`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := scopeIDs(template.HTML(tt.in), "p:"); string(got) != tt.want {
				t.Errorf("scopeIDs(%s)\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}
