package markdown

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// mdToHTML is the resolver the tests use: relative .md paths become .html,
// fragments kept; anything with a scheme or only a fragment is left alone.
func mdToHTML(dest string, _ bool) (string, bool) {
	if strings.Contains(dest, ":") || strings.HasPrefix(dest, "#") {
		return "", false
	}
	path, frag, hasFrag := strings.Cut(dest, "#")
	if !strings.HasSuffix(path, ".md") {
		return "", false
	}
	out := strings.TrimSuffix(path, ".md") + ".html"
	if hasFrag {
		out += "#" + frag
	}
	return out, true
}

func render(t *testing.T, opts Options, src string) Result {
	t.Helper()
	res, err := New(opts).Render([]byte(src), mdToHTML, nil)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return res
}

func TestHeadingIDs(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Heading
	}{
		{"chinese", "# 汇率风险\n", []Heading{{1, "汇率风险", "汇率风险"}}},
		{"chinese_mixed", "## 第 3 章：FOB 与 CIF 的区别\n", []Heading{{2, "第 3 章：FOB 与 CIF 的区别", "第-3-章-fob-与-cif-的区别"}}},
		{"markup_not_in_id", "## See *the* [risk policy](risk.md) `code`\n", []Heading{{2, "See the risk policy code", "see-the-risk-policy-code"}}},
		{"punctuation_collapsed", "# -- Hello,  World! --\n", []Heading{{1, "-- Hello,  World! --", "hello-world"}}},
		{"underscore_kept", "# snake_case id\n", []Heading{{1, "snake_case id", "snake_case-id"}}},
		{"empty_is_section", "# !!!\n\n# 🚀\n", []Heading{{1, "!!!", "section"}, {1, "🚀", "section-1"}}},
		{"duplicates", "# FAQ\n## FAQ\n### FAQ\n", []Heading{{1, "FAQ", "faq"}, {2, "FAQ", "faq-1"}, {3, "FAQ", "faq-2"}}},
		{"duplicate_chinese", "## 常见问题\n## 常见问题\n", []Heading{{2, "常见问题", "常见问题"}, {2, "常见问题", "常见问题-1"}}},
		{"explicit", "## 汇率风险 {#fx-risk}\n", []Heading{{2, "汇率风险", "fx-risk"}}},
		{"explicit_reserved_before_auto", "# Risk\n# Other {#risk}\n", []Heading{{1, "Risk", "risk-1"}, {1, "Other", "risk"}}},
		{"explicit_number", "# Seven {id=7}\n", []Heading{{1, "Seven", "7"}}},
		{"setext", "Roles\n=====\n", []Heading{{1, "Roles", "roles"}}},
		{"entities_resolved", "# A &amp; B \\*\n", []Heading{{1, "A & B *", "a-b"}}},
		// Ids of accord's own elements on the page are taken, as a duplicate's.
		{"reserved", "# Main\n## Duties\n## Q results\n## Main\n## Roles\n", []Heading{
			{1, "Main", "main-1"}, {2, "Duties", "duties-1"}, {2, "Q results", "q-results-1"}, {2, "Main", "main-2"}, {2, "Roles", "roles"}}},
		// An explicit one is kept: the checks report it (HeadingIDs).
		{"reserved_explicit_kept", "# Top {#main}\n# Main\n", []Heading{{1, "Top", "main"}, {1, "Main", "main-1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := render(t, Options{}, tt.src)
			if !reflect.DeepEqual(res.Headings, tt.want) {
				t.Errorf("headings = %+v\nwant       %+v", res.Headings, tt.want)
			}
			for _, h := range res.Headings {
				want := fmt.Sprintf(` id="%s"`, h.ID)
				if !strings.Contains(res.HTML, want) {
					t.Errorf("HTML lacks %s:\n%s", want, res.HTML)
				}
			}
		})
	}
}

// Ids are per document: a second Render of the same text gives the same ids,
// not "faq-2", "faq-3".
func TestHeadingIDs_perDocument(t *testing.T) {
	r := New(Options{})
	for i := 0; i < 2; i++ {
		res, err := r.Render([]byte("# FAQ\n# FAQ\n"), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Headings[1].ID; got != "faq-1" {
			t.Fatalf("call %d: second id = %q, want faq-1", i, got)
		}
	}
}

func TestRender_rawHTML(t *testing.T) {
	src := "<div class=\"x\">block</div>\n\ninline <b>bold</b> text\n"
	tests := []struct {
		name     string
		opts     Options
		want     []string
		dontWant []string
	}{
		{"dropped", Options{}, []string{"raw HTML omitted", "<p>inline"}, []string{"<div", "<b>"}},
		{"allowed", Options{RawHTML: true}, []string{`<div class="x">block</div>`, "<b>bold</b>"}, []string{"omitted"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html := string(render(t, tt.opts, src).HTML)
			for _, w := range tt.want {
				if !strings.Contains(html, w) {
					t.Errorf("missing %q in\n%s", w, html)
				}
			}
			for _, w := range tt.dontWant {
				if strings.Contains(html, w) {
					t.Errorf("unexpected %q in\n%s", w, html)
				}
			}
		})
	}
}

func TestRender_javascriptLinkNeutralised(t *testing.T) {
	srcs := []string{
		"[x](javascript:alert(1))",
		"[x](JavaScript:alert(1))",
		"[x](&#106;avascript:alert(1))",
		"[x](<java\tscript:alert(1)>)",
		"[x](vbscript:msgbox)",
		"[x](data:text/html;base64,PHNjcmlwdD4=)",
		"[x](data:image/png;base64,AAAA)",
		"![x](data:text/html;base64,PHNjcmlwdD4=)",
		"[x][r]\n\n[r]: javascript:alert(1)",
		"<javascript:alert(1)>",
		"[x](file:///etc/passwd)",
		"[x](ms-msdt:/id PCWDiagnostic)",
		"[x](search-ms:query=x)",
		"[x](view-source:javascript:alert(1))",
		"[x](intent://x#Intent;end)",
		"[x](feed:javascript:alert(1))",
		"![x](https://example.com/x.png)",
		"![x](data:image/png;base64,AAAA)",
	}
	for _, raw := range []bool{false, true} {
		for _, src := range srcs {
			t.Run(fmt.Sprintf("raw=%v/%s", raw, src), func(t *testing.T) {
				html := strings.ToLower(string(render(t, Options{RawHTML: raw}, src).HTML))
				for _, bad := range []string{"javascript:", "vbscript:", "data:", "file:", "java\tscript", "ms-msdt:", "search-ms:", "view-source:", "intent:", "feed:", "https:"} {
					if strings.Contains(html, `href="`+bad) || strings.Contains(html, `src="`+bad) {
						t.Errorf("dangerous URL reached the output:\n%s", html)
					}
				}
			})
		}
	}
	// The allowed schemes, and relative links with a colon further on, pass.
	html := string(render(t, Options{RawHTML: true}, "[m](mailto:a@b.cn) [t](tel:+861012345678) [h](https://x.cn/a:b) [r](../a/b:c.md)").HTML)
	for _, w := range []string{`href="mailto:a@b.cn"`, `href="tel:+861012345678"`, `href="https://x.cn/a:b"`, `href="../a/b:c.md"`} {
		if !strings.Contains(html, w) {
			t.Errorf("missing %s in\n%s", w, html)
		}
	}
}

// The resolver's output is checked too: a resolver cannot smuggle a script URL.
func TestRender_resolverOutputChecked(t *testing.T) {
	evil := func(string, bool) (string, bool) { return "javascript:alert(1)", true }
	res, err := New(Options{RawHTML: true}).Render([]byte("[a](b.md)"), evil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(res.HTML, "javascript") {
		t.Errorf("resolver output not neutralised:\n%s", res.HTML)
	}
}

func TestRender_resolver(t *testing.T) {
	src := "[风险](../policies/risk.md#汇率风险) ![图](../assets/flow.png) [ext](https://example.com/a.md) [ref][r]\n\n[r]: roles/sales.md\n"
	var calls []string
	resolve := func(dest string, image bool) (string, bool) {
		calls = append(calls, fmt.Sprintf("%s:%v", dest, image))
		return mdToHTML(dest, image)
	}
	res, err := New(Options{}).Render([]byte(src), resolve, nil)
	if err != nil {
		t.Fatal(err)
	}
	html := string(res.HTML)
	for _, w := range []string{
		`href="../policies/risk.html#%E6%B1%87%E7%8E%87%E9%A3%8E%E9%99%A9"`,
		`src="../assets/flow.png"`,
		`href="https://example.com/a.md"`,
		`href="roles/sales.html"`,
	} {
		if !strings.Contains(html, w) {
			t.Errorf("missing %s in\n%s", w, html)
		}
	}
	want := []string{"../policies/risk.md#汇率风险:false", "../assets/flow.png:true", "https://example.com/a.md:false", "roles/sales.md:false"}
	if !reflect.DeepEqual(calls, want) {
		t.Errorf("resolver calls = %q, want %q", calls, want)
	}
}

func TestRender_dotBlock(t *testing.T) {
	src := "intro\n\n```dot\ndigraph { 销售 -> 单证 }\n```\n\n```go\nif a < b {}\n```\n\n> ```dot\n> graph { x }\n> ```\n"
	wantDots := []DotBlock{
		{Index: 0, Line: 3, Source: "digraph { 销售 -> 单证 }\n"},
		{Index: 1, Line: 11, Source: "graph { x }\n"},
	}
	t.Run("replaced", func(t *testing.T) {
		var got []DotBlock
		svg := func(b DotBlock) ([]byte, bool) {
			got = append(got, b)
			return []byte(fmt.Sprintf(`<svg id="g%d"></svg>`, b.Index)), b.Index == 0
		}
		res, err := New(Options{}).Render([]byte(src), nil, svg)
		if err != nil {
			t.Fatal(err)
		}
		html := string(res.HTML)
		if !reflect.DeepEqual(res.Dots, wantDots) || !reflect.DeepEqual(got, wantDots) {
			t.Errorf("dots = %+v, callback saw %+v, want %+v", res.Dots, got, wantDots)
		}
		if !strings.Contains(html, `<svg id="g0"></svg>`) || strings.Contains(html, "销售 -&gt; 单证") {
			t.Errorf("first dot block not replaced:\n%s", html)
		}
		// ok=false: the second block stays a code block.
		if !strings.Contains(html, `<code class="language-dot">graph { x }`) {
			t.Errorf("refused dot block not rendered as code:\n%s", html)
		}
		if !strings.Contains(html, `<pre><code class="language-go">if a &lt; b {}`) {
			t.Errorf("go block not rendered normally:\n%s", html)
		}
	})
	t.Run("nil_callback", func(t *testing.T) {
		res := render(t, Options{}, src)
		if !reflect.DeepEqual(res.Dots, wantDots) {
			t.Errorf("dots = %+v, want %+v", res.Dots, wantDots)
		}
		if !strings.Contains(string(res.HTML), `<code class="language-dot">digraph { 销售 -&gt; 单证 }`) {
			t.Errorf("dot block not rendered as code:\n%s", res.HTML)
		}
	})
}

func TestRender_features(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"footnote", "见说明[^1]。\n\n[^1]: 由单证员负责。\n", []string{`<sup id="fnref:1"><a href="#fn:1"`, `<li id="fn:1">`, "由单证员负责。"}},
		{"task_list", "- [x] 报价\n- [ ] 订舱\n", []string{`<input checked="" disabled="" type="checkbox"> 报价`, `<input disabled="" type="checkbox"> 订舱`}},
		// A table of text is a tab stop, to scroll it by keyboard; one with a link has the link.
		{"table_wrapped", "| 角色 | R |\n|---|---|\n| 销售 | ✓ |\n", []string{"<div class=\"table-wrap\" tabindex=\"0\">\n<table>", "</table>\n</div>"}},
		{"table_in_list_wrapped", "- item\n\n  | a |\n  |---|\n  | b |\n", []string{"<div class=\"table-wrap\" tabindex=\"0\">\n<table>"}},
		{"table_with_link_wrapped", "| a |\n|---|\n| [b](p.md) |\n", []string{"<div class=\"table-wrap\">\n<table>"}},
		{"strikethrough", "~~旧流程~~", []string{"<del>旧流程</del>"}},
		{"autolink", "see https://example.com now", []string{`<a href="https://example.com">https://example.com</a>`}},
		{"definition_list", "FOB\n: Free On Board\n", []string{"<dl>", "<dt>FOB</dt>", "<dd>Free On Board</dd>"}},
		{"cjk_soft_break", "第一行\n第二行\n", []string{"<p>第一行第二行</p>"}},
		{"cjk_soft_break_before_markup", "第一行\n**第二行**\n", []string{"<p>第一行<strong>第二行</strong></p>"}},
		{"latin_soft_break_before_link_kept", "see the\n[policy](p.md)\n", []string{"see the\n<a href=\"p.html\">policy</a>"}},
		{"mixed_soft_break_kept", "中文\nEnglish\n", []string{"中文\nEnglish"}},
		{"code_escaped", "```html\n<script>x</script>\n```\n", []string{`<code class="language-html">&lt;script&gt;`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html := string(render(t, Options{}, tt.src).HTML)
			for _, w := range tt.want {
				if !strings.Contains(html, w) {
					t.Errorf("missing %q in\n%s", w, html)
				}
			}
		})
	}
}

// One Renderer serves many goroutines; run with -race.
func TestRender_concurrent(t *testing.T) {
	r := New(Options{})
	docs := []string{"# A\n# A\n[x](a.md)\n", "# 汇率\n| a |\n|---|\n| b |\n", "```dot\na\n```\n# B {#b}\n"}
	want := make([]Result, len(docs))
	for i, d := range docs {
		want[i], _ = r.Render([]byte(d), mdToHTML, nil)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				k := (g + i) % len(docs)
				got, err := r.Render([]byte(docs[k]), mdToHTML, nil)
				if err != nil || !reflect.DeepEqual(got, want[k]) {
					t.Errorf("doc %d: concurrent render differs: %v\n%s", k, err, got.HTML)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// Destinations reach the resolver decoded, and its output reaches the HTML
// decoded exactly once.
func TestRender_resolverEscapes(t *testing.T) {
	tests := []struct{ src, seen, want string }{
		{`[x](a&amp;b.md)`, "a&b.md", `href="a&amp;b.html"`},
		{`[x](a\(1\).md)`, "a(1).md", `href="a(1).html"`},
		{`[x](<我的 文件.md>)`, "我的 文件.md", `href="%E6%88%91%E7%9A%84%20%E6%96%87%E4%BB%B6.html"`},
		{`[x](q.html?a=1&b=2)`, "q.html?a=1&b=2", `href="q.html?a=1&amp;b=2"`},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			var seen string
			resolve := func(dest string, image bool) (string, bool) {
				seen = dest
				return mdToHTML(dest, image)
			}
			res, err := New(Options{}).Render([]byte(tt.src), resolve, nil)
			if err != nil {
				t.Fatal(err)
			}
			if seen != tt.seen {
				t.Errorf("resolver saw %q, want %q", seen, tt.seen)
			}
			if !strings.Contains(string(res.HTML), tt.want) {
				t.Errorf("missing %s in %s", tt.want, res.HTML)
			}
		})
	}
}
