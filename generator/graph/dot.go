package graph

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// plainDOT marks the ASCII bytes that appendQuote copies as they are.
var plainDOT = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = c != '\\' && c != '"' && c != '&'
	}
	return t
}()

// appendQuote appends s to b as a DOT quoted string. It is the one place
// where text becomes DOT, so no name, id or URL can close the string or
// inject attributes, whatever it contains.
//
// rounds is how many times Graphviz undoes backslash escapes in the
// attribute the string is written to: once for ids, labels and URLs, twice
// for tooltips (measured in Graphviz 12: a tooltip's "\\N" came out as the
// node's name). Each round halves the backslashes, so a literal backslash is
// written as 2^rounds of them. A newline becomes "\n", which Graphviz turns
// into a line break in labels and tooltips alike. '&' becomes "&amp;"
// because Graphviz's SVG writer passes anything that looks like an entity
// through unescaped: "&lt;" in a name would otherwise display as "<". Other
// control characters and invalid UTF-8 are dropped: XML cannot carry them.
//
// Every DOT text of a site goes through it (a warm build makes them all,
// only to hash them into cache keys), so it copies runs of plain bytes at
// once and allocates nothing.
func appendQuote(b []byte, s string, rounds int) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		j := i // s[i:j] is copied as it is
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if !plainDOT[c] {
					break
				}
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[j:])
			if r == utf8.RuneError && n == 1 || r == 0xfffe || r == 0xffff {
				break
			}
			j += n
		}
		b = append(b, s[i:j]...)
		if j == len(s) {
			break
		}
		switch c := s[j]; {
		case c == '\\':
			for range 1 << rounds {
				b = append(b, '\\')
			}
		case c == '"':
			b = append(b, `\"`...)
		case c == '&':
			b = append(b, "&amp;"...)
		case c == '\n':
			b = append(b, `\n`...)
		case c == '\t':
			b = append(b, ' ')
		case c >= utf8.RuneSelf: // invalid UTF-8, U+FFFE, U+FFFF
			_, n := utf8.DecodeRuneInString(s[j:])
			j += n - 1
		}
		// other controls (\r too: \n is the break) and DEL are dropped:
		// not allowed in XML 1.0
		i = j + 1
	}
	return append(b, '"')
}

// attr is one attribute of a DOT statement. Keys are constants of this
// package, never input; values are always quoted.
type attr struct{ key, val string }

// attrs are the attributes of one DOT statement, each key once. They are
// written in key order (byte order: "K" and "URL" before "class"), as the
// map they replaced was, so that the DOT text, hence every graph's cache
// key, does not depend on the order the code sets them in. Listing them
// in that order spares the writer a sort.
type attrs []attr

// sorted returns a in key order, a itself when it already is.
func (a attrs) sorted() attrs {
	if slices.IsSortedFunc(a, cmpKey) {
		return a
	}
	a = slices.Clone(a)
	slices.SortFunc(a, cmpKey)
	return a
}

// with returns a with key set to val: a itself, changed, when a has key.
func (a attrs) with(key, val string) attrs {
	for i := range a {
		if a[i].key == key {
			a[i].val = val
			return a
		}
	}
	return append(a, attr{key, val})
}

func cmpKey(x, y attr) int { return strings.Compare(x.key, y.key) }

// dotWriter accumulates DOT statements with indentation. Make one with
// newDOTWriter and end it with done.
type dotWriter struct {
	b      []byte
	pooled *[]byte // where b goes back to the pool
	indent int
}

// dotBuffers recycles the writers' buffers: a site's graphs are written
// one after another (a warm build writes them all only to hash them into
// cache keys), and a buffer grown for one fits the next.
var dotBuffers = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledDOT bounds the buffers kept for reuse.
const maxPooledDOT = 4 << 20

func newDOTWriter() *dotWriter {
	p := dotBuffers.Get().(*[]byte)
	return &dotWriter{b: (*p)[:0], pooled: p}
}

// done returns the text written; the writer must not be used after.
func (w *dotWriter) done() string {
	s := string(w.b)
	if cap(w.b) <= maxPooledDOT {
		*w.pooled = w.b
		dotBuffers.Put(w.pooled)
	}
	w.b, w.pooled = nil, nil
	return s
}

// begin starts a statement at the current indentation.
func (w *dotWriter) begin() {
	for range w.indent {
		w.b = append(w.b, "  "...)
	}
}

// open starts a block: "digraph x {".
func (w *dotWriter) open(head string) {
	w.begin()
	w.b = append(w.b, head...)
	w.b = append(w.b, " {\n"...)
	w.indent++
}

// subgraph starts a block "subgraph "name" {".
func (w *dotWriter) subgraph(name string) {
	w.begin()
	w.b = append(w.b, "subgraph "...)
	w.b = appendQuote(w.b, name, 1)
	w.b = append(w.b, " {\n"...)
	w.indent++
}

func (w *dotWriter) close() {
	w.indent--
	w.begin()
	w.b = append(w.b, "}\n"...)
}

// attrs writes ` [k="v", …]`, nothing when a is empty. Tooltips are
// quoted for two rounds of unescaping (see quote).
func (w *dotWriter) attrs(a attrs) {
	if len(a) == 0 {
		return
	}
	w.b = append(w.b, " ["...)
	for i, x := range a.sorted() {
		if i > 0 {
			w.b = append(w.b, ", "...)
		}
		rounds := 1
		if strings.HasSuffix(x.key, "tooltip") {
			rounds = 2
		}
		w.b = append(w.b, x.key...)
		w.b = append(w.b, '=')
		w.b = appendQuote(w.b, x.val, rounds)
	}
	w.b = append(w.b, ']')
}

// defaults writes the graph, node and edge default attributes.
func (w *dotWriter) defaults(kind string, a attrs) {
	w.begin()
	w.b = append(w.b, kind...)
	w.attrs(a)
	w.b = append(w.b, '\n')
}

// set writes graph attributes of the current block, one per line, each
// value quoted for one round, a tooltip too (unlike in attrs). It has
// always been so; writing it otherwise would change the DOT text of every
// graph with a cluster, and so every cache key.
func (w *dotWriter) set(a attrs) {
	for _, x := range a.sorted() {
		w.begin()
		w.b = append(w.b, x.key...)
		w.b = append(w.b, '=')
		w.b = appendQuote(w.b, x.val, 1)
		w.b = append(w.b, '\n')
	}
}

func (w *dotWriter) node(name string, a attrs) {
	w.begin()
	w.b = appendQuote(w.b, name, 1)
	w.attrs(a)
	w.b = append(w.b, '\n')
}

func (w *dotWriter) edge(from, to string, a attrs) {
	w.begin()
	w.b = appendQuote(w.b, from, 1)
	w.b = append(w.b, " -> "...)
	w.b = appendQuote(w.b, to, 1)
	w.attrs(a)
	w.b = append(w.b, '\n')
}

// classToken keeps only the characters a CSS class name can carry without
// escaping, so an id becomes a safe class suffix.
func classToken(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + ('a' - 'A'))
		}
	}
	return b.String()
}

// graphDefaults are the attributes every accord graph starts with. They
// favour layouts that stay readable as a handbook grows: outputorder draws
// nodes over edges, and the separations are tight enough that 80+ roles
// still fit a scrollable page. Not newrank: with clusters it made a large
// department graph's layout many times slower (bench/README.md).
func graphDefaults(w *dotWriter, rankdir string) {
	w.defaults("graph", attrs{
		{"bgcolor", "transparent"},
		{"fontname", fontName},
		{"fontsize", "12"},
		{"nodesep", "0.25"},
		{"outputorder", "edgesfirst"},
		{"pad", "0.1"},
		{"rankdir", rankdir},
		{"ranksep", "0.45"},
	})
	w.defaults("node", nodeDefaults)
	w.defaults("edge", attrs{
		{"arrowsize", "0.7"},
		{"color", "#00000099"},
		{"fontname", fontName},
		{"fontsize", "10"},
	})
}

var nodeDefaults = attrs{
	{"color", "black"},
	{"fixedsize", "true"},
	{"fontname", fontName},
	{"fontsize", strconv.Itoa(fontSize)},
	{"margin", "0.05,0.03"},
	{"penwidth", "1.2"},
	{"shape", "box"},
	{"style", "rounded,filled"},
}

// Team colours: mid-tones from the Tableau 10 palette, legible as outlines
// on white and on near-black; fills use them at 20% opacity.
var palette = []string{
	"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
	"#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
}

// Cluster fills and outlines, translucent for the same reason.
const (
	internalFill   = "#8080801a"
	internalStroke = "#80808080"
	externalFill   = "#f28e2b14"
	externalStroke = "#f28e2bb3"
)

// teamColour returns a team's colour by its position in teams.toml, so a
// team keeps its colour across every graph of the handbook.
func teamColour(teamIndex int) string {
	if teamIndex < 0 {
		return "#808080"
	}
	return palette[teamIndex%len(palette)]
}
