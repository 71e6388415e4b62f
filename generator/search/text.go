package search

import (
	"html"
	"strings"
	"unicode/utf8"
)

// Section is a part of a rendered page: the text under one heading.
type Section struct {
	ID    string // the heading's id; "" for the text before the first heading
	Title string
	Text  string
}

// Units is a reading length, as ReadingUnits measures it.
type Units struct{ CJKChars, Words int }

// text strips tags and entities and collapses white space, and adds the
// reading units of the text it returns to u: a page's text is made for
// search and measured for its reading time, and the two in one pass cost
// little more than one. It does in one pass, into one buffer, what
// squash(html.UnescapeString(stripTags(h))) would: every tag (from a '<'
// to the next '>'; a '<' that no '>' closes is text) separates words as a
// space would, and since no entity spans a tag, each run of text between
// tags can be unescaped on its own.
func text(h string, u *Units) string {
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
			appendFieldsUnits(&b, html.UnescapeString(seg), u)
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

// appendFieldsUnits is appendFields, and adds the reading units of the
// fields to u, as ReadingUnits counts them: the characters of CJK runes,
// and the fields with an ASCII letter or digit as words. It decodes only
// the runes it must: past ASCII, every rune is either white space or may
// be CJK.
func appendFieldsUnits(b *strings.Builder, s string, u *Units) {
	start := -1    // offset of the current field, -1 between fields
	latin := false // the current field has an ASCII letter or digit
	for i := 0; i < len(s); {
		c := s[i]
		n, space := 1, false
		if c < utf8.RuneSelf {
			space = c <= ' ' && asciiSpace(c)
			latin = latin || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			if isSpace(r) {
				space = true
			} else if isCJK(r) {
				u.CJKChars++
			}
		}
		switch {
		case space && start >= 0:
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s[start:i])
			if latin {
				u.Words++
			}
			start, latin = -1, false
		case !space && start < 0:
			start = i
		}
		i += n
	}
	if start >= 0 {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[start:])
		if latin {
			u.Words++
		}
	}
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
