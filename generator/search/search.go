// Package search builds the site's search index in Go: documents (a page,
// a section of a page, a workflow step, a glossary term) go in, a compact
// JavaScript file comes out that search.js loads with a <script> tag, so
// search works offline and from file:// where fetch() is refused.
package search

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Doc is one searchable unit.
type Doc struct {
	Kind  string // role, workflow, step, policy, page, term, section
	Title string
	URL   string // site path, with #fragment for sections and steps
	Text  string // plain text; aliases of a term belong here
}

// MaxText caps the text kept per document: enough to verify a match and
// show it highlighted, while keeping the index a fraction of the site.
const MaxText = 1200

// Index is the built index.
type Index struct {
	JS    []byte
	Docs  int
	Terms int
}

// Build indexes docs. Postings are document numbers, delta-encoded in base
// 36 and joined by commas: short, and cheap to decode in the browser.
func Build(docs []Doc) Index {
	postings := map[string][]int{}
	type jsDoc [4]string
	out := make([]jsDoc, 0, len(docs))
	for i, d := range docs {
		text := clip(squash(d.Text), MaxText)
		out = append(out, jsDoc{d.Kind, d.Title, d.URL, text})
		seen := map[string]bool{}
		for _, t := range Tokens(d.Title + " " + text) {
			if !seen[t] {
				seen[t] = true
				postings[t] = append(postings[t], i)
			}
		}
	}
	terms := make([]string, 0, len(postings))
	for t := range postings {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	var b bytes.Buffer
	b.WriteString("window.ACCORD_SEARCH={\"v\":1,\"docs\":")
	docJSON, _ := json.Marshal(out)
	b.Write(docJSON)
	b.WriteString(",\"terms\":{")
	for i, t := range terms {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(t)
		b.Write(k)
		b.WriteString(":\"")
		prev := 0
		for j, n := range postings[t] {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.FormatInt(int64(n-prev), 36))
			prev = n
		}
		b.WriteByte('"')
	}
	b.WriteString("}};\n")
	return Index{JS: b.Bytes(), Docs: len(docs), Terms: len(terms)}
}

// squash collapses runs of white space.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
