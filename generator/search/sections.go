package search

import (
	"html"
	"strings"
)

// Split splits HTML that accord rendered from Markdown into the text under
// each heading, and returns the reading length of the sections' titles and
// texts together (ReadingUnits of each, added up), measured as the text is
// made: the reading time of a page comes from the text search keeps. It
// only has to read goldmark's own output (and our inline SVG, which it
// skips), not arbitrary HTML. It finds what the regular expressions
//
//	(?s)<h([1-6])[^>]*?\bid="([^"]*)"[^>]*>(.*?)</h[1-6]>
//	(?s)<svg\b.*?</svg>
//
// find (sections_test.go checks that it does, also by fuzzing), without
// their cost on every page of a large site.
func Split(s string) (secs []Section, u Units) {
	if strings.Contains(s, "<svg") {
		s = dropSVG(s)
	}
	prev, id, title := 0, "", ""
	var tu Units // the title's: counted if its section is kept
	for {
		m, ok := nextHeading(s, prev)
		if !ok {
			break
		}
		if text := text(s[prev:m[0]], &u); text != "" || id != "" {
			secs = append(secs, Section{ID: id, Title: title, Text: text})
			u.CJKChars, u.Words = u.CJKChars+tu.CJKChars, u.Words+tu.Words
		}
		id = html.UnescapeString(s[m[2]:m[3]])
		tu = Units{}
		title = text(s[m[4]:m[5]], &tu)
		prev = m[1]
	}
	if text := text(s[prev:], &u); text != "" || id != "" {
		secs = append(secs, Section{ID: id, Title: title, Text: text})
		u.CJKChars, u.Words = u.CJKChars+tu.CJKChars, u.Words+tu.Words
	}
	return secs, u
}

// nextHeading finds the first heading at or after from: the offsets of the
// whole element, of its id's value and of its content.
func nextHeading(s string, from int) (m [6]int, ok bool) {
	for p := from; p < len(s); p++ {
		i := strings.Index(s[p:], "<h")
		if i < 0 {
			return m, false
		}
		p += i
		if p+2 >= len(s) || s[p+2] < '1' || s[p+2] > '6' {
			continue
		}
		// The id is an attribute of this tag: it starts before its first '>'.
		tag := len(s)
		if j := strings.IndexByte(s[p+3:], '>'); j >= 0 {
			tag = p + 3 + j
		}
		q := -1
		for k := p + 3; k < tag; {
			j := strings.Index(s[k:tag], `id="`)
			if j < 0 {
				break
			}
			if !wordByte(s[k+j-1]) {
				q = k + j
				break
			}
			k += j + 1
		}
		if q < 0 {
			continue
		}
		// From here on, what fails for this id fails for any later one.
		vs := q + len(`id="`)
		ve := strings.IndexByte(s[vs:], '"')
		if ve < 0 {
			continue
		}
		ve += vs
		te := strings.IndexByte(s[ve+1:], '>')
		if te < 0 {
			continue
		}
		ts := ve + 1 + te + 1
		ce := closingHeading(s, ts)
		if ce < 0 {
			continue
		}
		return [6]int{p, ce + len("</h1>"), vs, ve, ts, ce}, true
	}
	return m, false
}

// closingHeading is the offset of the first </h1> to </h6> at or after from.
func closingHeading(s string, from int) int {
	for k := from; k < len(s); k++ {
		j := strings.Index(s[k:], "</h")
		if j < 0 {
			return -1
		}
		k += j
		if k+4 < len(s) && s[k+3] >= '1' && s[k+3] <= '6' && s[k+4] == '>' {
			return k
		}
	}
	return -1
}

// wordByte is \w: what a \b stands between.
func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// dropSVG replaces each <svg ...>...</svg> with a space.
func dropSVG(s string) string {
	var b strings.Builder
	last := 0
	for k := 0; k < len(s); {
		j := strings.Index(s[k:], "<svg")
		if j < 0 {
			break
		}
		k += j
		if e := k + len("<svg"); e < len(s) && wordByte(s[e]) {
			k++
			continue
		}
		end := strings.Index(s[k:], "</svg>")
		if end < 0 {
			break
		}
		if b.Cap() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[last:k])
		b.WriteByte(' ')
		k += end + len("</svg>")
		last = k
	}
	if b.Cap() == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}
