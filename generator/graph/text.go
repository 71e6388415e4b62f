package graph

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

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

// boxNode is a node drawn as a box of lines of text in a team's colour,
// linking to url: a role, or a team in the overview. Attributes in name
// order.
func boxNode(url, class, colour, style, tip string, lines []string) attrs {
	label, width, height := boxAttrs(lines)
	return attrs{
		{"URL", url},
		{"class", class},
		{"color", colour},
		{"fillcolor", colour + "33"},
		{"fontcolor", "black"},
		{"height", height},
		{"label", label},
		{"style", style},
		{"tooltip", tip},
		{"width", width},
	}
}

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

// clusterLabel pads a team's name with a space for every wide character,
// half on each side. Graphviz under WASM measures a Chinese character at
// three quarters of an em and a space at a quarter, and makes a cluster as
// wide as its label measures: a team of one role with a long name had its
// label stick out of its box, over the next one. Browsers drop the spaces
// at the ends of an SVG text, so the name stays centred in the wider box.
func clusterLabel(name string) string {
	wide := 0
	for _, r := range name {
		if isWide(r) {
			wide++
		}
	}
	if wide == 0 {
		return name
	}
	pad := strings.Repeat(" ", (wide+1)/2)
	return pad + name + pad
}
