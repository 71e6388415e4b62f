package search

import (
	"html"
	"reflect"
	"regexp"
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

func TestSections_sameAsRegexp(t *testing.T) {
	for _, c := range sectionCases {
		if got, want := Sections([]byte(c)), refSections([]byte(c)); !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\n got %#v\nwant %#v", c, got, want)
		}
	}
}

func FuzzSections(f *testing.F) {
	for _, c := range sectionCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Sections([]byte(s)), refSections([]byte(s)); !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\n got %#v\nwant %#v", s, got, want)
		}
	})
}
