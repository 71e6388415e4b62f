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
	svgRE     = regexp.MustCompile(`(?s)<svg\b.*?</svg>`)
)

// Sections splits HTML that accord rendered from Markdown into the text
// under each heading. It only has to read goldmark's own output (and our
// inline SVG, which it skips), not arbitrary HTML.
func Sections(h []byte) []Section {
	s := string(h)
	if strings.Contains(s, "<svg") {
		s = svgRE.ReplaceAllString(s, " ")
	}
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
	return squash(html.UnescapeString(stripTags(h)))
}

// stripTags replaces every tag (from a '<' to the next '>') with a space,
// as the regexp (?s)<[^>]*> would, without the regexp machinery: this runs over every page
// of the site, twice.
func stripTags(h string) string {
	i := strings.IndexByte(h, '<')
	if i < 0 {
		return h
	}
	var b strings.Builder
	b.Grow(len(h))
	for i >= 0 {
		j := strings.IndexByte(h[i:], '>')
		if j < 0 {
			break // a '<' that no '>' closes is text
		}
		b.WriteString(h[:i])
		b.WriteByte(' ')
		h = h[i+j+1:]
		i = strings.IndexByte(h, '<')
	}
	b.WriteString(h)
	return b.String()
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
