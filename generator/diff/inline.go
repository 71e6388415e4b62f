package diff

import (
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// isCJK reports characters of scripts written without spaces between
// words, and their punctuation: each is a token of its own.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		r >= 0x3000 && r <= 0x303f || // CJK symbols and punctuation: 、。「」
		r >= 0xff00 && r <= 0xffef // full-width forms: ，：（）
}

func isWordRune(r rune) bool {
	return !isCJK(r) && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// tokens splits text into what a reader sees as units: a latin word (a run
// of letters and digits), a run of spaces, one CJK character, or one other
// character (punctuation). Concatenated, the tokens are the text again.
func tokens(s string) []string {
	var out []string
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		switch {
		case isWordRune(r):
			n = runLen(s, isWordRune)
		case unicode.IsSpace(r):
			n = runLen(s, unicode.IsSpace)
		}
		out = append(out, s[:n])
		s = s[n:]
	}
	return out
}

func runLen(s string, in func(rune) bool) int {
	for i, r := range s {
		if !in(r) {
			return i
		}
	}
	return len(s)
}

// encoder maps distinct strings (tokens or paragraphs) to runes, so that
// go-diff, which diffs runes, diffs sequences of them. Runes start in the
// private use area, above the surrogates that a Go string cannot hold.
type encoder struct {
	ids   map[string]rune
	items []string
}

const firstRune = 0xE000

// maxItems keeps every encoded rune valid.
const maxItems = utf8.MaxRune - firstRune

func newEncoder() *encoder { return &encoder{ids: map[string]rune{}} }

// encode returns the runes for items, or false when there are too many
// distinct items to encode.
func (e *encoder) encode(items []string) ([]rune, bool) {
	out := make([]rune, len(items))
	for i, s := range items {
		r, ok := e.ids[s]
		if !ok {
			if len(e.items) >= maxItems {
				return nil, false
			}
			r = rune(firstRune + len(e.items))
			e.ids[s] = r
			e.items = append(e.items, s)
		}
		out[i] = r
	}
	return out, true
}

// decode reads encoded runes back; false means go-diff handed back a rune
// it was never given, which would be a bug there, not a reason to panic.
func (e *encoder) decode(text string) ([]string, bool) {
	var out []string
	for _, r := range text {
		i := int(r) - firstRune
		if i < 0 || i >= len(e.items) {
			return nil, false
		}
		out = append(out, e.items[i])
	}
	return out, true
}

// maxWork bounds the product of the two lengths go-diff is given. Without
// a timeout (which would make output depend on machine speed) its worst
// case is quadratic; past the bound the changed middle is shown as deleted
// and inserted whole.
const maxWork = 25_000_000

// diffSeq diffs two sequences of strings and returns go-diff's operations
// over the encoded runes, with the encoder to read them back. semantic
// merges tiny equal runs between edits, which makes inline diffs readable.
func diffSeq(a, b []string, semantic bool) ([]diffmatchpatch.Diff, *encoder) {
	enc := newEncoder()
	ra, okA := enc.encode(a)
	rb, okB := enc.encode(b)
	if !okA || !okB {
		enc = newEncoder()
		ra, _ = enc.encode([]string{join(a)})
		rb, _ = enc.encode([]string{join(b)})
	}
	pre := commonPrefix(ra, rb)
	suf := commonPrefix(reversed(ra[pre:]), reversed(rb[pre:]))
	midA, midB := ra[pre:len(ra)-suf], rb[pre:len(rb)-suf]
	var diffs []diffmatchpatch.Diff
	add := func(op diffmatchpatch.Operation, rs []rune) {
		if len(rs) > 0 {
			diffs = append(diffs, diffmatchpatch.Diff{Type: op, Text: string(rs)})
		}
	}
	add(diffmatchpatch.DiffEqual, ra[:pre])
	if len(midA)*len(midB) > maxWork {
		add(diffmatchpatch.DiffDelete, midA)
		add(diffmatchpatch.DiffInsert, midB)
	} else {
		dmp := diffmatchpatch.New()
		dmp.DiffTimeout = 0
		diffs = append(diffs, dmp.DiffMainRunes(midA, midB, false)...)
	}
	add(diffmatchpatch.DiffEqual, ra[len(ra)-suf:])
	if semantic {
		dmp := diffmatchpatch.New()
		diffs = dmp.DiffCleanupSemantic(diffs)
	}
	return diffs, enc
}

func join(items []string) string {
	n := 0
	for _, s := range items {
		n += len(s)
	}
	b := make([]byte, 0, n)
	for _, s := range items {
		b = append(b, s...)
	}
	return string(b)
}

func commonPrefix(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func reversed(rs []rune) []rune {
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[len(rs)-1-i] = r
	}
	return out
}

// Inline returns the inline diff of two paragraphs: words of latin text and
// single characters of CJK text are inserted or deleted. In mostly latin
// text, small equal runs between edits are folded into them ("[-one order
// at a-]{+every payment on+}" rather than a patchwork of words); in mostly
// CJK text they are not, since a single shared character there is often a
// whole word that stayed ("{+由业务员+}在[-3-]{+2+}"). Between two equal
// spans there is at most one deletion, then at most one insertion.
func Inline(old, new string) []Span {
	diffs, enc := diffSeq(tokens(old), tokens(new), !mostlyCJK(old+new))
	var spans []Span
	for _, d := range diffs {
		op := Equal
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op = Delete
		case diffmatchpatch.DiffInsert:
			op = Insert
		}
		items, ok := enc.decode(d.Text)
		if !ok {
			return wholeEdit(old, new)
		}
		text := join(items)
		if text == "" {
			continue
		}
		spans = append(spans, Span{Op: op, Text: text})
	}
	return orderEdits(spans)
}

// wholeEdit is the inline diff that replaces all of old by all of new.
func wholeEdit(old, new string) []Span {
	var spans []Span
	if old != "" {
		spans = append(spans, Span{Op: Delete, Text: old})
	}
	if new != "" {
		spans = append(spans, Span{Op: Insert, Text: new})
	}
	return spans
}

// orderEdits rewrites every run of edits between two equal spans as one
// deletion followed by one insertion, so that "[-old-]{+new+}" always reads
// the same way round, whatever order go-diff produced.
func orderEdits(spans []Span) []Span {
	var out []Span
	var del, ins string
	flush := func() {
		out = append(out, wholeEdit(del, ins)...)
		del, ins = "", ""
	}
	for _, s := range spans {
		switch s.Op {
		case Delete:
			del += s.Text
		case Insert:
			ins += s.Text
		default:
			flush()
			if n := len(out); n > 0 && out[n-1].Op == Equal {
				out[n-1].Text += s.Text
			} else {
				out = append(out, s)
			}
		}
	}
	flush()
	return out
}

// mostlyCJK reports text with at least as many CJK characters as letters
// and digits of other scripts.
func mostlyCJK(s string) bool {
	cjk, other := 0, 0
	for _, r := range s {
		switch {
		case isCJK(r):
			cjk++
		case isWordRune(r):
			other++
		}
	}
	return cjk > 0 && cjk >= other
}

// similarity is the share of the two texts' characters that an inline
// diff keeps: 1 for equal texts, 0 for nothing in common.
func similarity(spans []Span) float64 {
	var same, total int
	for _, s := range spans {
		n := utf8.RuneCountInString(s.Text)
		if s.Op == Equal {
			same += 2 * n
			total += 2 * n
		} else {
			total += n
		}
	}
	if total == 0 {
		return 1
	}
	return float64(same) / float64(total)
}
