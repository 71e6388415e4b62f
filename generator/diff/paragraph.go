package diff

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// paragraph is one block of Markdown: the lines between blank lines,
// normalised, and the line it starts on.
type paragraph struct {
	text string
	line int
}

// splitParagraphs cuts Markdown at blank lines and normalises each block,
// so that re-wrapping or re-indenting a paragraph is not a change.
func splitParagraphs(body string) []paragraph {
	var out []paragraph
	var block []string
	start := 0
	flush := func() {
		if len(block) > 0 {
			out = append(out, paragraph{text: normalise(block), line: start})
			block = nil
		}
	}
	for i, line := range strings.Split(body, "\n") {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		if len(block) == 0 {
			start = i + 1
		}
		block = append(block, line)
	}
	flush()
	return out
}

// normalise makes one string of a block's lines. Each line is trimmed and
// its runs of spaces become one space. A line that starts a list item, a
// table row, a heading, a quote or a code fence stays a line of its own, so
// lists and tables still read as such; any other line continues the one
// before, joined by a space in latin text and by nothing next to a CJK
// character (where a line break is only wrapping, not a space).
func normalise(lines []string) string {
	var out []string
	for _, line := range lines {
		t := strings.Join(strings.FieldsFunc(line, unicode.IsSpace), " ")
		if len(out) == 0 || startsBlock(t) {
			out = append(out, t)
			continue
		}
		prev := out[len(out)-1]
		last, _ := utf8.DecodeLastRuneInString(prev)
		first, _ := utf8.DecodeRuneInString(t)
		if isCJK(last) || isCJK(first) {
			out[len(out)-1] = prev + t
		} else {
			out[len(out)-1] = prev + " " + t
		}
	}
	return strings.Join(out, "\n")
}

var blockStart = regexp.MustCompile(`^([-*+](\s|$)|[>|#]|\d+[.)](\s|$)|` + "```|~~~)")

func startsBlock(line string) bool { return blockStart.MatchString(line) }

// paraOp is one step of an alignment of two lists of paragraphs: equal,
// added, removed or changed (a pair similar enough to show as an edit).
// old and new are indexes, -1 on the side the paragraph is missing from.
type paraOp struct {
	kind     string
	old, new int
	spans    []Span
}

// minSimilarity is how much of a paragraph must survive for an edit to be
// shown inline rather than as one paragraph removed and another added.
const minSimilarity = 0.3

// maxPairs bounds the inline diffs tried to pair up paragraphs in one gap,
// and maxWork (shared with diffSeq) the summed size of those diffs: a
// review rewrites a few paragraphs, and a whole document replaced must not
// cost minutes.
const maxPairs = 400

// align matches paragraphs with a diff over whole paragraphs, then, in each
// gap between equal ones, pairs removed with added paragraphs in order when
// they are similar: those are the paragraphs that were rewritten.
func align(old, new []string) []paraOp {
	diffs, _ := diffSeq(old, new, false)
	var ops []paraOp
	var dels, ins []int
	i, j := 0, 0
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			for k := range n {
				dels = append(dels, i+k)
			}
			i += n
		case diffmatchpatch.DiffInsert:
			for k := range n {
				ins = append(ins, j+k)
			}
			j += n
		default:
			ops = append(ops, pairGap(old, new, dels, ins)...)
			dels, ins = nil, nil
			for range n {
				ops = append(ops, paraOp{kind: Equal, old: i, new: j})
				i++
				j++
			}
		}
	}
	return append(ops, pairGap(old, new, dels, ins)...)
}

// pairGap orders the removed and added paragraphs of one gap, pairing a
// removed one with the first following added one that is similar enough.
func pairGap(old, new []string, dels, ins []int) []paraOp {
	var ops []paraOp
	try := len(dels)*len(ins) <= maxPairs
	work := 0
	next := 0 // first added paragraph not yet placed
	for _, d := range dels {
		match := -1
		var spans []Span
		for k := next; try && k < len(ins); k++ {
			a, b := utf8.RuneCountInString(old[d]), utf8.RuneCountInString(new[ins[k]])
			if 2*min(a, b) < int(minSimilarity*float64(a+b)) {
				continue // too different in length to reach minSimilarity
			}
			if work += a * b; work > maxWork {
				try = false
				break
			}
			s := inlineBlock(old[d], new[ins[k]])
			if similarity(s) >= minSimilarity {
				match, spans = k, s
				break
			}
		}
		if match < 0 {
			ops = append(ops, paraOp{kind: Removed, old: d, new: -1})
			continue
		}
		for ; next < match; next++ {
			ops = append(ops, paraOp{kind: Added, old: -1, new: ins[next]})
		}
		ops = append(ops, paraOp{kind: Changed, old: d, new: ins[match], spans: spans})
		next = match + 1
	}
	for ; next < len(ins); next++ {
		ops = append(ops, paraOp{kind: Added, old: -1, new: ins[next]})
	}
	return ops
}

// inlineBlock is the inline diff of two versions of a paragraph. A list,
// table or other block of several lines is diffed line by line (an item
// or a row is a unit), with words marked only inside a changed line: an
// item inserted in a list is one inserted line, not words spread over
// its neighbours.
func inlineBlock(a, b string) []Span {
	if !strings.Contains(a, "\n") && !strings.Contains(b, "\n") {
		return Inline(a, b)
	}
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var spans []Span
	add := func(op, text string) {
		if text == "" {
			return
		}
		if n := len(spans); n > 0 && spans[n-1].Op == op {
			spans[n-1].Text += text
			return
		}
		spans = append(spans, Span{Op: op, Text: text})
	}
	// A line's break goes with it: a line added at the end of the old
	// block adds the break before it to the new one only.
	breaks := func(i, j int) {
		oldBreak, newBreak := i >= 0 && i < len(al)-1, j >= 0 && j < len(bl)-1
		switch {
		case oldBreak && newBreak:
			add(Equal, "\n")
		case oldBreak:
			add(Delete, "\n")
		case newBreak:
			add(Insert, "\n")
		}
	}
	for _, op := range align(al, bl) {
		switch op.kind {
		case Equal:
			add(Equal, al[op.old])
		case Added:
			add(Insert, bl[op.new])
		case Removed:
			add(Delete, al[op.old])
		default:
			for _, s := range op.spans {
				add(s.Op, s.Text)
			}
		}
		breaks(op.old, op.new)
	}
	return spans
}

// diffText compares two Markdown bodies paragraph by paragraph.
func diffText(oldBody, newBody string) []ParagraphChange {
	if oldBody == newBody {
		return nil
	}
	oldP, newP := splitParagraphs(oldBody), splitParagraphs(newBody)
	oldT, newT := texts(oldP), texts(newP)
	if slices.Equal(oldT, newT) {
		return nil
	}
	var out []ParagraphChange
	for _, op := range align(oldT, newT) {
		if op.kind == Equal {
			continue
		}
		pc := ParagraphChange{Change: op.kind, Spans: op.spans}
		if op.old >= 0 {
			pc.OldIndex, pc.OldLine, pc.Old = op.old+1, oldP[op.old].line, oldT[op.old]
		}
		if op.new >= 0 {
			pc.NewIndex, pc.NewLine, pc.New = op.new+1, newP[op.new].line, newT[op.new]
		}
		out = append(out, pc)
	}
	return out
}

func texts(ps []paragraph) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.text
	}
	return out
}
