package graph

import (
	"fmt"
	"slices"
	"strings"
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
	backslash := strings.Repeat(`\`, 1<<rounds)
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "") {
		switch {
		case r == '\\':
			b.WriteString(backslash)
		case r == '"':
			b.WriteString(`\"`)
		case r == '&':
			b.WriteString("&amp;")
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20, r == 0x7f, r == 0xfffe, r == 0xffff:
			// dropped: not allowed in XML 1.0 (\r too: \n is the break)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// id quotes a node or cluster id.
func id(s string) string { return quote(s, 1) }

// attrs are the attributes of one DOT statement. Keys are constants of this
// package, never input; values are always quoted.
type attrs map[string]string

// String writes ` [k="v", …]` in key order, or "" when empty.
func (a attrs) String() string {
	if len(a) == 0 {
		return ""
	}
	keys := make([]string, 0, len(a))
	for k := range a {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	b.WriteString(" [")
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		rounds := 1
		if strings.HasSuffix(k, "tooltip") {
			rounds = 2
		}
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(quote(a[k], rounds))
	}
	b.WriteByte(']')
	return b.String()
}

// dotWriter accumulates DOT statements with indentation.
type dotWriter struct {
	b      strings.Builder
	indent int
}

func (w *dotWriter) line(format string, args ...any) {
	w.b.WriteString(strings.Repeat("  ", w.indent))
	fmt.Fprintf(&w.b, format, args...)
	w.b.WriteByte('\n')
}

// open starts a block ("digraph x {", "subgraph cluster_x {").
func (w *dotWriter) open(head string) {
	w.line("%s {", head)
	w.indent++
}

func (w *dotWriter) close() {
	w.indent--
	w.line("}")
}

// defaults writes the graph, node and edge default attributes.
func (w *dotWriter) defaults(kind string, a attrs) { w.line("%s%s", kind, a) }

// set writes graph attributes of the current block, one per line.
func (w *dotWriter) set(a attrs) {
	keys := make([]string, 0, len(a))
	for k := range a {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		w.line("%s=%s", k, quote(a[k], 1))
	}
}

func (w *dotWriter) node(name string, a attrs)     { w.line("%s%s", id(name), a) }
func (w *dotWriter) edge(from, to string, a attrs) { w.line("%s -> %s%s", id(from), id(to), a) }
func (w *dotWriter) String() string                { return w.b.String() }

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
		"bgcolor":     "transparent",
		"fontname":    fontName,
		"fontsize":    "12",
		"nodesep":     "0.25",
		"outputorder": "edgesfirst",
		"pad":         "0.1",
		"rankdir":     rankdir,
		"ranksep":     "0.45",
	})
	w.defaults("node", attrs{
		"color":     "black",
		"fixedsize": "true",
		"fontname":  fontName,
		"fontsize":  fmt.Sprint(fontSize),
		"margin":    "0.05,0.03",
		"penwidth":  "1.2",
		"shape":     "box",
		"style":     "rounded,filled",
	})
	w.defaults("edge", attrs{
		"arrowsize": "0.7",
		"color":     "#00000099",
		"fontname":  fontName,
		"fontsize":  "10",
	})
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
func inches(v float64) string { return fmt.Sprintf("%.2f", v) }

// sizeAttrs sets label, width and height of a fixed-size node.
func sizeAttrs(a attrs, lines []string) {
	w, h := boxSize(lines)
	a["label"] = strings.Join(lines, "\n")
	a["width"] = inches(w)
	a["height"] = inches(h)
}

// nameEm is the width a name may take before it wraps: about 8 Chinese
// characters or 16 Latin ones.
const nameEm = 8.8

// noBreakBefore are closing punctuation marks that must not start a line.
const noBreakBefore = "，。、；：！？）》」』】〉,.;:!?)]}"

// wrap breaks s into lines no wider than maxEm. Latin text breaks at spaces
// (a word longer than a line is cut); East Asian text may break between any
// two characters, except before closing punctuation.
func wrap(s string, maxEm float64) []string {
	var lines []string
	var cur strings.Builder
	curEm := 0.0
	flush := func() {
		if cur.Len() > 0 {
			lines = append(lines, cur.String())
		}
		cur.Reset()
		curEm = 0
	}
	for _, para := range strings.Split(s, "\n") {
		for _, seg := range segments(para) {
			text, em := seg.text, textEm(seg.text)
			if seg.space && cur.Len() > 0 {
				text, em = " "+text, em+narrowEm
			}
			if cur.Len() > 0 && curEm+em > maxEm {
				flush()
				text, em = seg.text, textEm(seg.text)
			}
			for cur.Len() == 0 && em > maxEm { // a word longer than a line
				head, rest := cutEm(text, maxEm)
				lines = append(lines, head)
				text, em = rest, textEm(rest)
			}
			cur.WriteString(text)
			curEm += em
		}
		flush()
	}
	if len(lines) == 0 {
		return []string{""}
	}
	return lines
}

type segment struct {
	text  string
	space bool // preceded by white space
}

// segments splits a line into units that wrap never cuts: Latin words, and
// single wide characters with any closing punctuation that follows them.
func segments(s string) []segment {
	var out []segment
	space := false
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		switch {
		case r == ' ' || r == '\t':
			space = true
			s = s[n:]
			continue
		case strings.ContainsRune(noBreakBefore, r) && len(out) > 0 && !space:
			out[len(out)-1].text += string(r)
			s = s[n:]
			continue
		case isWide(r):
			out = append(out, segment{string(r), space})
			s = s[n:]
		default:
			end := strings.IndexFunc(s, func(r rune) bool {
				return r == ' ' || r == '\t' || isWide(r)
			})
			if end < 0 {
				end = len(s)
			}
			out = append(out, segment{s[:end], space})
			s = s[end:]
		}
		space = false
	}
	return out
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
