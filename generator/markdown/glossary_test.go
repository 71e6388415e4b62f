package markdown

import (
	"strings"
	"testing"
)

func TestGlossary_firstUseLinked(t *testing.T) {
	g := NewGlossary([][]string{{"信用证", "L/C"}, {"FOB"}, {"跟单信用证统一惯例", "UCP600"}})
	link := func(i int) (string, string) { return []string{"g.html#lc", "g.html#fob", "g.html#ucp"}[i], "def" }
	tests := []struct{ name, in, want string }{
		{"chinese, first use only", "开立信用证后，信用证要审。",
			`<p>开立<a href="g.html#lc" title="def" class="term">信用证</a>后，信用证要审。</p>`},
		{"longest term wins", "参照跟单信用证统一惯例。",
			`<p>参照<a href="g.html#ucp" title="def" class="term">跟单信用证统一惯例</a>。</p>`},
		{"ascii whole words", "FOBS is not FOB.",
			`<p>FOBS is not <a href="g.html#fob" title="def" class="term">FOB</a>.</p>`},
		{"alias", "Pay by L/C.", `<p>Pay by <a href="g.html#lc" title="def" class="term">L/C</a>.</p>`},
		{"not in headings, links or code", "# 信用证\n\n[信用证](x.md) `FOB`\n\nFOB",
			`<h1 id="信用证">信用证</h1>
<p><a href="x.md">信用证</a> <code>FOB</code></p>
<p><a href="g.html#fob" title="def" class="term">FOB</a></p>`},
		{"two terms in one text", "FOB 与信用证", `<p><a href="g.html#fob" title="def" class="term">FOB</a> 与<a href="g.html#lc" title="def" class="term">信用证</a></p>`},
	}
	tests = append(tests, struct{ name, in, want string }{"blocked inside a role name", "财务信用证专员核对信用证",
		`<p>财务信用证专员核对<a href="g.html#lc" title="def" class="term">信用证</a></p>`})
	g = NewGlossary([][]string{{"信用证", "L/C"}, {"FOB"}, {"跟单信用证统一惯例", "UCP600"}}, "财务信用证专员")
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := r.RenderPage([]byte(tt.in), Page{Glossary: g, GlossaryLink: link})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(string(res.HTML)); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
