package markdown

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"
)

// FuzzRenderPage renders as the site does, through RenderPage with a
// resolver and a glossary, both fed by the fuzzer: the glossary words come
// from terms ("a,b|c" is two entries), and the resolver sometimes answers
// with a dangerous URL of its own, which must still be refused. Without raw
// HTML nothing may come out that runs script: no <script>, no on* attribute,
// no dangerous href or src, and glossary links never nest inside links.
func FuzzRenderPage(f *testing.F) {
	for _, in := range goldenInputs(f) {
		f.Add(in, "FOB,free on board|L/C,信用证|报关")
	}
	for _, s := range [][2]string{
		{"FOB and CIF: see [FOB](../policies/x.md) and `FOB` and <b>FOB</b>.\n# FOB\n", "FOB|CIF"},
		{"信用证和跟单信用证都是结算方式。\n\n跟单信用证", "信用证|跟单信用证"},
		{"[x](javascript:alert(1)) and ![y](evil.md) [z](redirect.md)", "x|y|z"},
		{"a\"b <i>a\"b</i> [a\"b](a.md)", "a\"b,\"><script>alert(1)</script>"},
		{"term\nterm\n> term\n- term\n| term |\n|---|\n| term |\n", "term"},
		{"www.example.com https://x.y FOB@example.com", "example|FOB"},
		{"## Q {#q .x style=\"color:red\" onclick=\"y\"}\n", "Q"},
	} {
		f.Add([]byte(s[0]), s[1])
	}
	safe := New(Options{})
	evil := func(dest string, image bool) (string, bool) {
		switch {
		case strings.HasPrefix(dest, "evil"):
			return " JavaScript:alert(1)", true // a resolver gone wrong
		case strings.HasPrefix(dest, "redirect"):
			return "data:text/html,<script>alert(1)</script>", true
		}
		return mdToHTML(dest, image)
	}
	f.Fuzz(func(t *testing.T, src []byte, terms string) {
		var entries [][]string
		for i, e := range strings.Split(terms, "|") {
			if i == 8 {
				break
			}
			entries = append(entries, strings.Split(e, ","))
		}
		g := NewGlossary(entries, "Blocked Name")
		link := func(entry int) (string, string) {
			return "../glossary.html#term-" + strings.Join(entries[entry], "-"), `definition "><script>alert(1)</script>`
		}
		start := time.Now()
		res, err := safe.RenderPage(src, Page{Resolve: evil, Glossary: g, GlossaryLink: link})
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%d bytes took %v", len(src), d)
		}
		if err != nil && Guard(src) != nil {
			return // refused before parsing, as it should be
		}
		if err != nil {
			t.Fatalf("RenderPage: %v", err)
		}
		html := []byte(res.HTML)
		checkNoDangerousURL(t, html)
		checkNoScript(t, html)
		checkLinksDoNotNest(t, html)
	})
}

var (
	fuzzTagRE  = regexp.MustCompile(`<[a-zA-Z][^>]*>`)
	fuzzAttrRE = regexp.MustCompile(`\s([^\s=/>"']+)\s*=`)
	anchorRE   = regexp.MustCompile(`(?i)<a\s|</a>`)
)

// checkNoScript: no script element and no event handler attribute, in
// any tag the output contains (text is escaped, so < starts a real tag).
func checkNoScript(t *testing.T, html []byte) {
	t.Helper()
	for _, tag := range fuzzTagRE.FindAll(html, -1) {
		lower := bytes.ToLower(tag)
		if bytes.HasPrefix(lower, []byte("<script")) || bytes.HasPrefix(lower, []byte("<iframe")) || bytes.HasPrefix(lower, []byte("<style")) {
			t.Fatalf("%s reached the output:\n%s", tag, html)
		}
		for _, m := range fuzzAttrRE.FindAllSubmatch(tag, -1) {
			name := bytes.ToLower(m[1])
			if bytes.HasPrefix(name, []byte("on")) || bytes.Equal(name, []byte("style")) {
				t.Fatalf("attribute %s reached the output in %s:\n%s", m[1], tag, html)
			}
		}
	}
}

// checkLinksDoNotNest: a glossary link is never put inside a link.
func checkLinksDoNotNest(t *testing.T, html []byte) {
	t.Helper()
	depth := 0
	for _, m := range anchorRE.FindAll(html, -1) {
		if bytes.EqualFold(m, []byte("</a>")) {
			depth--
			continue
		}
		if depth++; depth > 1 {
			t.Fatalf("a link inside a link:\n%s", html)
		}
	}
}
