package markdown

import (
	"fmt"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// headingIDs is the parser.IDs of one document. goldmark's default keeps only
// ASCII letters and digits, so every Chinese heading became "heading",
// "heading-1", …: useless in a URL and unstable when a heading is inserted.
// One is made per Render call, so ids are unique per page and calls never share.
type headingIDs struct {
	used map[string]bool
	next map[string]int // last suffix tried per base, so n duplicates cost O(n)
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}, next: map[string]int{}}
}

// Generate returns a unique id for the plain text value: see slug, then
// "-1", "-2"… appended on collision.
func (s *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := slug(value)
	if !s.used[base] {
		s.used[base] = true
		return []byte(base)
	}
	for i := s.next[base] + 1; ; i++ {
		id := base + "-" + strconv.Itoa(i)
		if !s.used[id] {
			s.used[id] = true
			s.next[base] = i
			return []byte(id)
		}
	}
}

// Put reserves an id the author gave explicitly.
func (s *headingIDs) Put(value []byte) {
	s.used[string(value)] = true
}

// slug lower-cases text and keeps letters of any script, combining marks (part
// of letters in many scripts), decimal digits and '_'. Every other run of
// characters, '-' included, becomes a single '-', and none leads or trails.
// Text with nothing to keep gives "section".
func slug(text []byte) string {
	out := make([]byte, 0, len(text))
	sep := false
	for len(text) > 0 {
		r, n := utf8.DecodeRune(text)
		text = text[n:]
		if !slugKeeps(r) {
			sep = true
			continue
		}
		if sep && len(out) > 0 {
			out = append(out, '-')
		}
		sep = false
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			out = append(out, byte(r))
		case r >= 0x4E00 && r <= 0x9FFF: // CJK Unified Ideographs: no case
			out = utf8.AppendRune(out, r)
		default:
			out = utf8.AppendRune(out, unicode.ToLower(r))
		}
	}
	if len(out) == 0 {
		return "section"
	}
	return string(out)
}

// slugKeeps reports the runes slug keeps: letters, combining marks, decimal
// digits and '_'. ASCII and the CJK Unified Ideographs (most of a Chinese
// heading) are answered without the Unicode tables' search.
func slugKeeps(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
	case r >= 0x4E00 && r <= 0x9FFF:
		return true
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// assignHeadingIDs gives every heading an id and reports the headings in order.
// Explicit {#id}s are reserved first so that an earlier auto id cannot take a
// name the author chose; auto ids come from the rendered text, not the markup.
func assignHeadingIDs(hs []*ast.Heading, src []byte, ids parser.IDs) []Heading {
	for _, h := range hs {
		if id, ok := explicitID(h); ok {
			ids.Put(id)
		}
	}
	out := make([]Heading, 0, len(hs))
	for _, h := range hs {
		txt := plainText(h, src)
		id, ok := explicitID(h)
		if !ok {
			id = ids.Generate(txt, ast.KindHeading)
			h.SetAttributeString("id", id)
		}
		out = append(out, Heading{Level: h.Level, Text: string(txt), ID: string(id)})
	}
	return out
}

// explicitID returns a heading's {#id}, normalising a non-string value such as
// {id=7} to text: goldmark's HTML renderer would otherwise print id="".
func explicitID(h *ast.Heading) ([]byte, bool) {
	v, ok := h.AttributeString("id")
	if !ok {
		return nil, false
	}
	switch v := v.(type) {
	case []byte:
		return v, true
	case string:
		return []byte(v), true
	}
	id := []byte(fmt.Sprint(v))
	h.SetAttributeString("id", id)
	return id, true
}
