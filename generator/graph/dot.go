package graph

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// quote returns s as a DOT quoted string. It is the one place where text
// becomes DOT, so no name, id or URL can close the string or inject
// attributes, whatever it contains.
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
func quote(s string, rounds int) string {
	return string(appendQuote(make([]byte, 0, len(s)+2), s, rounds))
}

// plainDOT marks the ASCII bytes that quote copies as they are.
var plainDOT = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = c != '\\' && c != '"' && c != '&'
	}
	return t
}()

// appendQuote appends quote(s, rounds) to b. Every DOT text of a site goes
// through it (a warm build makes them all, only to hash them into cache
// keys), so it copies runs of plain bytes at once and allocates nothing.
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
// still fit a scrollable page. Not newrank: with clusters it made a
// 200-role department graph take over 20 s instead of 0.3 s.
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

// Text measurement, in points at fontSize.
const (
	fontName = "Helvetica,Arial,sans-serif"
	fontSize = 12
	wideEm   = 1.0  // CJK and other East Asian wide characters
	narrowEm = 0.55 // Latin letters, digits, punctuation (Helvetica average)
)

func runeEm(r rune) float64 {
	if isWide(r) {
		return wideEm
	}
	return narrowEm
}

// textEm returns the width of one line in ems.
func textEm(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += runeEm(r)
	}
	return w
}

// isWide reports East Asian wide and fullwidth characters: Han, kana,
// Hangul, CJK punctuation and fullwidth forms.
func isWide(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r <= 0x115f, // Hangul Jamo
		r >= 0x2e80 && r <= 0x303e, // CJK radicals, punctuation
		r >= 0x3041 && r <= 0x33ff, // kana, CJK symbols
		r >= 0x3400 && r <= 0x4dbf, // Han extension A
		r >= 0x4e00 && r <= 0x9fff, // Han
		r >= 0xa960 && r <= 0xa97f, // Hangul Jamo extended
		r >= 0xac00 && r <= 0xd7a3, // Hangul syllables
		r >= 0xf900 && r <= 0xfaff, // Han compatibility
		r >= 0xfe30 && r <= 0xfe4f, // CJK compatibility forms
		r >= 0xff00 && r <= 0xff60, // fullwidth forms
		r >= 0xffe0 && r <= 0xffe6,
		r >= 0x20000 && r <= 0x3fffd: // Han supplementary planes
		return true
	}
	return false
}

// boxSize returns the width and height in inches of a box that holds the
// lines at fontSize with a margin, for fixedsize=true nodes.
func boxSize(lines []string) (w, h float64) {
	widest := 0.0
	for _, l := range lines {
		widest = max(widest, textEm(l))
	}
	const padX, padY, lineHeight = 14.0, 8.0, 1.25
	w = max(widest*fontSize+padX, 54) / 72
	h = max(float64(len(lines))*fontSize*lineHeight+padY, 28) / 72
	return w, h
}

// inches formats a size for DOT with two decimals, so golden files do not
// depend on float printing.
func inches(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

// boxAttrs returns the label, width and height of a fixed-size node.
func boxAttrs(lines []string) (label, width, height string) {
	w, h := boxSize(lines)
	return strings.Join(lines, "\n"), inches(w), inches(h)
}

// nameEm is the width a name may take before it wraps: about 8 Chinese
// characters or 16 Latin ones.
const nameEm = 8.8

// noBreakBefore are closing punctuation marks that must not start a line.
const noBreakBefore = "，。、；：！？）》」』】〉,.;:!?)]}"

// wrap breaks s into lines no wider than maxEm. Latin text breaks at spaces
// (a word longer than a line is cut); East Asian text may break between any
// two characters, except before closing punctuation. Runs of spaces and
// tabs become one space, and lines are trimmed.
//
// Every node label of every graph goes through it, so a line that is a
// piece of s as it is (the usual case) is that piece, not a copy.
func wrap(s string, maxEm float64) []string {
	var lines []string
	var l line
	for para := range strings.SplitSeq(s, "\n") {
		l.reset(para)
		for i := 0; ; {
			start, end, space := nextSegment(para, i)
			if start == end {
				break
			}
			i = end
			text, em := para[start:end], textEm(para[start:end])
			lead := space && !l.empty()
			if lead {
				em += narrowEm
			}
			if !l.empty() && l.em+em > maxEm {
				lines = l.flush(lines)
				lead, em = false, textEm(text)
			}
			for l.empty() && em > maxEm { // a word longer than a line
				head, rest := cutEm(text, maxEm)
				lines = append(lines, head)
				text, em = rest, textEm(rest)
			}
			l.add(text, end-len(text), lead, em)
		}
		lines = l.flush(lines)
	}
	if len(lines) == 0 {
		return []string{""}
	}
	return lines
}

// line is the line wrap is filling: para[lo:hi] while it is one piece of
// the paragraph, buf once it is not (two words had more than one space
// between them).
type line struct {
	para   string
	lo, hi int
	buf    []byte
	copied bool // the line is in buf
	em     float64
}

func (l *line) reset(para string) {
	l.para, l.lo, l.hi, l.buf, l.copied, l.em = para, 0, 0, l.buf[:0], false, 0
}

func (l *line) empty() bool { return l.lo == l.hi && !l.copied }

// add appends text, which starts at para[start:], after a space when lead.
func (l *line) add(text string, start int, lead bool, em float64) {
	switch {
	case l.empty():
		l.lo, l.hi = start, start+len(text)
	case !l.copied && !lead && start == l.hi,
		!l.copied && lead && start == l.hi+1 && l.para[l.hi] == ' ':
		l.hi = start + len(text)
	default:
		if !l.copied {
			l.buf = append(l.buf[:0], l.para[l.lo:l.hi]...)
			l.copied = true
		}
		if lead {
			l.buf = append(l.buf, ' ')
		}
		l.buf = append(l.buf, text...)
	}
	l.em += em
}

// flush appends the line to lines, unless it is empty, and starts another.
func (l *line) flush(lines []string) []string {
	switch {
	case l.copied:
		lines = append(lines, string(l.buf))
	case l.lo < l.hi:
		lines = append(lines, l.para[l.lo:l.hi])
	}
	l.reset(l.para)
	return lines
}

// nextSegment finds the first unit at or after s[i:] that wrap never cuts:
// a Latin word, or a single wide character, either with any closing
// punctuation that follows it. space says white space came before it.
// start == end when there is none.
func nextSegment(s string, i int) (start, end int, space bool) {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		space = true
		i++
	}
	if i == len(s) {
		return i, i, space
	}
	start = i
	if r, n := utf8.DecodeRuneInString(s[i:]); isWide(r) {
		i += n
	} else {
		end := strings.IndexFunc(s[i:], func(r rune) bool {
			return r == ' ' || r == '\t' || isWide(r)
		})
		if end < 0 {
			end = len(s) - i
		}
		i += end
	}
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune(noBreakBefore, r) {
			break
		}
		i += n
	}
	return start, i, space
}

// cutEm splits s after as many runes as fit in maxEm (at least one).
func cutEm(s string, maxEm float64) (head, rest string) {
	em := 0.0
	for i, r := range s {
		em += runeEm(r)
		if em > maxEm && i > 0 {
			return s[:i], s[i:]
		}
	}
	return s, ""
}
