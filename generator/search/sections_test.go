package search

import (
	"html"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// refSections is Sections as it was first written, with regular
// expressions; the scanner must find exactly the same.
var (
	refHeadingRE = regexp.MustCompile(`(?s)<h([1-6])[^>]*?\bid="([^"]*)"[^>]*>(.*?)</h[1-6]>`)
	refSVGRE     = regexp.MustCompile(`(?s)<svg\b.*?</svg>`)
)

func refSections(h []byte) []Section {
	s := string(h)
	if regexp.MustCompile(`<svg`).MatchString(s) {
		s = refSVGRE.ReplaceAllString(s, " ")
	}
	var out []Section
	locs := refHeadingRE.FindAllStringSubmatchIndex(s, -1)
	prev, id, title := 0, "", ""
	for _, m := range locs {
		if text := Text(s[prev:m[0]]); text != "" || id != "" {
			out = append(out, Section{ID: id, Title: title, Text: text})
		}
		id = html.UnescapeString(s[m[4]:m[5]])
		title = Text(s[m[6]:m[7]])
		prev = m[1]
	}
	if text := Text(s[prev:]); text != "" || id != "" {
		out = append(out, Section{ID: id, Title: title, Text: text})
	}
	return out
}

var sectionCases = []string{
	``,
	`<p>intro</p>`,
	`<p>intro &amp; more</p><h2 id="汇率风险">汇率 <em>风险</em></h2><p>text</p><svg><text>no</text></svg><h3 id="b">B</h3>`,
	`<h2 class="x" id="a">A</h2>t<h7 id="n">N</h7><h1 data-id="z" id="y">Y</h1>u`,
	`<h2 data-id="z">no own id</h2><h2 aid="q">boundary</h2><h2 x id="ok">OK</h2>`,
	`<h2 id="unclosed>x</h2>`, `<h2 id="a">no end`, `<h2 id="a">a</h9> b</h3>c`,
	`<h3 id="a>b" title="t">T</h3>`, `<svgx>kept</svgx><svg>dropped</svg><svg`, `<h2 id="s"><svg>x</svg>t</h2>`,
	`<h2 id="a"><h3 id="b">nested</h3></h2>`, `<h2 id=""></h2>`, `<h`, `<h2`, `<h2 id="`, `</h2>`,
}

// refUnits is the reading length of sections as render measured it
// before Split: ReadingUnits of each title and text, added up.
func refUnits(secs []Section) (u Units) {
	for _, s := range secs {
		for _, t := range []string{s.Title, s.Text} {
			c, w := refReadingUnits(t)
			u.CJKChars, u.Words = u.CJKChars+c, u.Words+w
		}
	}
	return u
}

// checkSplit: Split finds what the regular expressions find, and measures
// what ReadingUnits measures.
func checkSplit(t *testing.T, s string) {
	t.Helper()
	want := refSections([]byte(s))
	got, u := Split(s)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%q:\n got %#v\nwant %#v", s, got, want)
	}
	if wu := refUnits(want); u != wu {
		t.Errorf("%q: units %+v, want %+v", s, u, wu)
	}
	if secs := Sections([]byte(s)); !reflect.DeepEqual(secs, got) {
		t.Errorf("%q: Sections %#v, Split %#v", s, secs, got)
	}
	// Section.Doc takes the text as squashed, and makes NewDoc's document.
	for _, sec := range got {
		if !squashed(sec.Text) {
			t.Errorf("%q: section text %q is not squashed", s, sec.Text)
		}
		if d, want := sec.Doc("section", sec.Title, "#"+sec.ID), NewDoc("section", sec.Title, "#"+sec.ID, sec.Text); d != want {
			t.Errorf("%q: Section.Doc = %+v, NewDoc %+v", s, d, want)
		}
	}
}

var unitCases = []string{
	"<p>" + strings.Repeat("信用证 FOB ", 300) + "</p><h2 id=\"x\">a</h2> \u3000b\u00a0 c\n",
	`<h2 id="">title 信用 only</h2>`, `<h2 id="">t</h2>x<h2 id="">dropped 信</h2>`, `<p>a b</p><h2 id="x">信用证 FOB</h2>`,
	`<p>x&amp;y &#x4e2d;文 L/C 信用　证</p>`, "<p>\xff\xe4\xbf 信 a\u2028b</p>",
}

func TestSections_sameAsRegexp(t *testing.T) {
	for _, c := range append(sectionCases, unitCases...) {
		checkSplit(t, c)
	}
}

func FuzzSections(f *testing.F) {
	for _, c := range append(sectionCases, unitCases...) {
		f.Add(c)
	}
	f.Fuzz(checkSplit)
}
