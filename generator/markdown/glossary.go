package markdown

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Glossary links the first use of each glossary term in a document to its
// definition. Build it once per handbook; it is read-only afterwards.
type Glossary struct {
	words   []glossWord // in the order given: entries, then blockers
	entries int         // number of entries
	// trie holds every word byte by byte: matching at a position walks it
	// along the text, so the cost is the length of the longest word that
	// matches there, whatever the number of words sharing a beginning.
	trie []trieNode
	// starts marks the characters below maxStart that begin a word, so
	// that the scan skips most characters without walking the trie.
	starts [maxStart / 64]uint64
}

// maxStart covers the Basic Multilingual Plane, where nearly every
// character of a handbook is; at a character above it the trie is walked.
const maxStart = 1 << 16

type glossWord struct {
	text  string
	entry int  // -1 for a blocker
	ascii bool // matched as a whole word only
}

// trieNode is one prefix of the words: the bytes leading to it from the
// root (node 0).
type trieNode struct {
	next []trieEdge // sorted by byte
	// words is the words equal to the prefix, in the order given, up to the
	// first blocker: the first that may be linked wins.
	words []glossWord
}

type trieEdge struct {
	b    byte
	node int32
}

// blocker is the entry of words that are never linked but hide the terms
// inside them: a role named 财务结汇专员 is not a use of the term 结汇.
const blocker = -1

// NewGlossary indexes entries: entries[i] lists the words (the term and its
// aliases) that lead to entry i. Words in block are never linked, and a term
// inside one of them is not linked either (names of roles, for example).
func NewGlossary(entries [][]string, block ...string) *Glossary {
	g := &Glossary{trie: []trieNode{{}}}
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
	for _, w := range g.words {
		g.insert(w)
		if r, _ := utf8.DecodeRuneInString(w.text); r < maxStart {
			g.starts[r/64] |= 1 << (r % 64)
		}
	}
	return g
}

func (g *Glossary) insert(w glossWord) {
	n := int32(0)
	for i := 0; i < len(w.text); i++ {
		c := g.child(n, w.text[i])
		if c < 0 {
			c = int32(len(g.trie))
			g.trie = append(g.trie, trieNode{})
			next := g.trie[n].next
			at, _ := slices.BinarySearchFunc(next, w.text[i], func(e trieEdge, b byte) int { return int(e.b) - int(b) })
			g.trie[n].next = slices.Insert(next, at, trieEdge{w.text[i], c})
		}
		n = c
	}
	ws := g.trie[n].words
	if len(ws) > 0 && ws[len(ws)-1].entry == blocker {
		return // a blocker always wins over the words after it
	}
	g.trie[n].words = append(ws, w)
}

// child returns the node after byte b from node n, or -1.
func (g *Glossary) child(n int32, b byte) int32 {
	next := g.trie[n].next
	lo, hi := 0, len(next)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case next[m].b == b:
			return next[m].node
		case next[m].b < b:
			lo = m + 1
		default:
			hi = m
		}
	}
	return -1
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

// earliest scans s once, walking the trie from each character that may
// begin a word, and returns the longest word ending on the way that may be
// linked there.
func (g *Glossary) earliest(s string, linked []bool) (start, end, entry int) {
	var buf [16]int32
	for i, r := range s {
		if r < maxStart && g.starts[r/64]&(1<<(r%64)) == 0 {
			continue
		}
		ends := buf[:0] // the nodes on the way that end words, shortest first
		for n, j := int32(0), i; j < len(s); j++ {
			if n = g.child(n, s[j]); n < 0 {
				break
			}
			if len(g.trie[n].words) > 0 {
				ends = append(ends, n)
			}
		}
		for k := len(ends) - 1; k >= 0; k-- {
			words := g.trie[ends[k]].words // all the same text
			j := i + len(words[0].text)
			if words[0].ascii && (i > 0 && isASCIIAlnum(s[i-1]) || j < len(s) && isASCIIAlnum(s[j])) {
				continue
			}
			for _, w := range words {
				if w.entry == blocker || !linked[w.entry] {
					return i, j, w.entry
				}
			}
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
