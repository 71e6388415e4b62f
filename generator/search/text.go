package search

import (
	"html"
	"regexp"
	"strings"
)

// Section is a part of a rendered page: the text under one heading.
type Section struct {
	ID    string // the heading's id; "" for the text before the first heading
	Title string
	Text  string
}

var (
	headingRE = regexp.MustCompile(`(?s)<h([1-6])[^>]*?\bid="([^"]*)"[^>]*>(.*?)</h[1-6]>`)
	tagRE     = regexp.MustCompile(`(?s)<[^>]*>`)
	svgRE     = regexp.MustCompile(`(?s)<svg\b.*?</svg>`)
)

// Sections splits HTML that accord rendered from Markdown into the text
// under each heading. It only has to read goldmark's own output (and our
// inline SVG, which it skips), not arbitrary HTML.
func Sections(h []byte) []Section {
	s := svgRE.ReplaceAllString(string(h), " ")
	var out []Section
	locs := headingRE.FindAllStringSubmatchIndex(s, -1)
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

// Text strips tags and entities.
func Text(h string) string {
	return squash(html.UnescapeString(tagRE.ReplaceAllString(h, " ")))
}

// ReadingUnits measures reading length: Chinese is read by characters,
// other text by words.
func ReadingUnits(text string) (cjkChars, words int) {
	for _, t := range strings.Fields(text) {
		latin := false
		for _, r := range t {
			if isCJK(r) {
				cjkChars++
			} else if !latin && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
				latin = true
			}
		}
		if latin {
			words++
		}
	}
	return
}
