package markdown

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
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

// reservedIDs are the ids accord gives its own elements on the pages that
// show Markdown: every page's skeleton and search box, a role page's
// sections (its body is one of them), the list of pages after
// pages/index.md. A heading whose text makes one of them gets a suffix,
// as a duplicate does; an explicit {#id} naming one is an error of the
// checks. The ids of pages without Markdown (search, changes, glossary)
// are not reserved: no heading meets them there, and reserving them would
// rename common headings such as "Roles" for nothing. render's tests keep
// this list in step with the templates.
var reservedIDs = map[string]bool{
	// Every page: the skeleton and the search box.
	"main": true, "q": true, "q-results": true,
	// A role page.
	"description": true, "duties": true, "goals": true, "history": true, "kpis": true,
	"onboarding": true, "owns": true, "approves": true, "policies": true, "responsibilities": true,
	"for-you": true,
	// The index of pages.
	"all-pages": true,
}

// resultPrefix begins the ids search.js gives the search box's results
// ("q-results:0", …): a ':' that no generated id has.
const resultPrefix = "q-results:"

// IsReservedID reports whether id is one of accord's own on pages that show
// Markdown, which no heading may have.
func IsReservedID(id string) bool {
	return reservedIDs[id] || strings.HasPrefix(id, resultPrefix)
}

// ReservedIDs lists the reserved ids for a message, sorted.
func ReservedIDs() []string {
	out := []string{resultPrefix + "<n>"}
	for id := range reservedIDs {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// Generate returns a unique id for the plain text value: see slug, then
// "-1", "-2"… appended on collision with an earlier heading or a reserved
// id.
func (s *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := slug(value)
	if !s.taken(base) {
		s.used[base] = true
		return []byte(base)
	}
	for i := s.next[base] + 1; ; i++ {
		id := base + "-" + strconv.Itoa(i)
		if !s.taken(id) {
			s.used[id] = true
			s.next[base] = i
			return []byte(id)
		}
	}
}

func (s *headingIDs) taken(id string) bool { return s.used[id] || IsReservedID(id) }

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
