package search

import (
	"html"
	"regexp"
	"strings"
	"unicode/utf8"
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

// Text strips tags and entities and collapses white space. It runs over
// every rendered page twice (search sections, reading time), so it does in
// one pass, into one buffer, what squash(html.UnescapeString(stripTags(h)))
// would: every tag (from a '<' to the next '>'; a '<' that no '>' closes is
// text) separates words as a space would, and since no entity spans a tag,
// each run of text between tags can be unescaped on its own.
func Text(h string) string {
	var b strings.Builder
	for h != "" {
		seg, rest := h, ""
		if i := strings.IndexByte(h, '<'); i >= 0 {
			if j := strings.IndexByte(h[i:], '>'); j >= 0 {
				seg, rest = h[:i], h[i+j+1:]
			}
		}
		if seg != "" {
			if b.Cap() == 0 {
				b.Grow(len(h))
			}
			appendFields(&b, html.UnescapeString(seg))
		}
		h = rest
	}
	return b.String()
}

// appendFields appends the fields of s (as strings.Fields splits it) to b,
// separated from each other and from what b holds by one space.
func appendFields(b *strings.Builder, s string) {
	eachField(s, func(f string) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f)
	})
}

// isSpace is unicode.IsSpace for runes past ASCII, without the table
// search that Chinese text would otherwise pay on every character.
func isSpace(r rune) bool {
	switch r {
	case 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// eachField calls fn with the fields of s, as strings.Fields returns them,
// without allocating them.
func eachField(s string, fn func(string)) {
	start := -1
	for i, r := range s {
		space := r < utf8.RuneSelf && asciiSpace(byte(r)) || r >= utf8.RuneSelf && isSpace(r)
		switch {
		case space && start >= 0:
			fn(s[start:i])
			start = -1
		case !space && start < 0:
			start = i
		}
	}
	if start >= 0 {
		fn(s[start:])
	}
}

// ReadingUnits measures reading length: Chinese is read by characters,
// other text by words.
func ReadingUnits(text string) (cjkChars, words int) {
	eachField(text, func(t string) {
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
	})
	return
}
