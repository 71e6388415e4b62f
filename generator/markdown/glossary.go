package markdown

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Glossary links the first use of each glossary term in a document to its
// definition. Build it once per handbook; it is read-only afterwards.
type Glossary struct {
	words   []glossWord          // longest first, so 跟单信用证 wins over 信用证
	entries int                  // number of entries
	byFirst map[rune][]glossWord // the same words by first character, longest first
	// starts marks the characters below maxStart that begin a word, so
	// that the scan skips most characters without a map lookup.
	starts [maxStart / 64]uint64
}

// maxStart covers the Basic Multilingual Plane, where nearly every
// character of a handbook is; a word starting above it is looked up.
const maxStart = 1 << 16

type glossWord struct {
	text  string
	entry int  // -1 for a blocker
	ascii bool // matched as a whole word only
}

// blocker is the entry of words that are never linked but hide the terms
// inside them: a role named 财务结汇专员 is not a use of the term 结汇.
const blocker = -1

// NewGlossary indexes entries: entries[i] lists the words (the term and its
// aliases) that lead to entry i. Words in block are never linked, and a term
// inside one of them is not linked either (names of roles, for example).
func NewGlossary(entries [][]string, block ...string) *Glossary {
	g := &Glossary{}
	add := func(w string, entry int) {
		if w = strings.TrimSpace(w); w != "" {
			g.words = append(g.words, glossWord{text: w, entry: entry, ascii: isASCIIWord(w)})
		}
	}
	for i, words := range entries {
		for _, w := range words {
			add(w, i)
		}
	}
	g.entries = len(entries)
	for _, w := range block {
		add(w, blocker)
	}
	sort.SliceStable(g.words, func(i, j int) bool { return len(g.words[i].text) > len(g.words[j].text) })
	g.byFirst = map[rune][]glossWord{}
	for _, w := range g.words {
		r, _ := utf8.DecodeRuneInString(w.text)
		g.byFirst[r] = append(g.byFirst[r], w)
		if r < maxStart {
			g.starts[r/64] |= 1 << (r % 64)
		}
	}
	return g
}

func isASCIIWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// GlossaryLink says where entry i is defined and how to describe it.
type GlossaryLink func(entry int) (href, title string)

// find returns the earliest use in s of a word whose entry is not linked
// yet: its byte offsets and entry. A blocker found first hides what it
// contains, and the search goes on after it.
func (g *Glossary) find(s string, linked []bool) (start, end, entry int) {
	off := 0
	for {
		i, j, e := g.earliest(s[off:], linked)
		if i < 0 {
			return -1, -1, 0
		}
		if e != blocker {
			return off + i, off + j, e
		}
		off += j
	}
}

// earliest scans s once, trying at each character only the words that
// start with it (longest first): the cost is the length of the text, not
// the number of terms times it.
func (g *Glossary) earliest(s string, linked []bool) (start, end, entry int) {
	for i, r := range s {
		if r < maxStart && g.starts[r/64]&(1<<(r%64)) == 0 {
			continue
		}
		for _, w := range g.byFirst[r] {
			if !strings.HasPrefix(s[i:], w.text) || w.entry != blocker && linked[w.entry] {
				continue
			}
			j := i + len(w.text)
			if w.ascii && (i > 0 && isASCIIAlnum(s[i-1]) || j < len(s) && isASCIIAlnum(s[j])) {
				continue
			}
			return i, j, w.entry
		}
	}
	return -1, -1, 0
}

// linkable reports whether a text node may become a glossary link: not in
// a heading, a link, an image or code.
func linkable(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.(type) {
		case *ast.Heading, *ast.Link, *ast.Image, *ast.CodeSpan, *ast.AutoLink:
			return false
		}
	}
	return true
}

// linkTerms rewrites text nodes in document order, splitting a node around
// the first use of each term.
func (st *renderState) linkTerms(texts []*ast.Text, src []byte) {
	linked := make([]bool, st.glossary.entries) // by entry: its first use is linked
	for _, t := range texts {
		for t != nil && !t.IsRaw() {
			seg := t.Segment
			s := string(seg.Value(src))
			i, j, entry := st.glossary.find(s, linked)
			if i < 0 {
				break
			}
			linked[entry] = true
			href, title := st.glossaryLink(entry)
			parent := t.Parent()
			before := ast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+i))
			link := ast.NewLink()
			link.Destination = []byte(href)
			link.Title = []byte(title)
			link.SetAttributeString("class", []byte("term"))
			link.AppendChild(link, ast.NewTextSegment(text.NewSegment(seg.Start+i, seg.Start+j)))
			after := ast.NewTextSegment(text.NewSegment(seg.Start+j, seg.Stop))
			after.SetSoftLineBreak(t.SoftLineBreak())
			after.SetHardLineBreak(t.HardLineBreak())
			if i > 0 {
				parent.InsertBefore(parent, t, before)
			}
			parent.InsertBefore(parent, t, link)
			parent.ReplaceChild(parent, t, after)
			t = after
		}
	}
}
