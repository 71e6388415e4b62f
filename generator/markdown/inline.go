package markdown

import (
	"bytes"
	"fmt"
)

// MaxSize bounds a Markdown source: a page is kilobytes, and even with
// every paragraph under MaxInlineMarkers the worst input costs goldmark
// seconds a megabyte (bench/README.md, "Limits").
const MaxSize = 1 << 20

// Guard runs every check that keeps goldmark fast on src, cheapest first,
// and returns a *SizeError, *DepthError, *InlineError, *TableError or
// *RefError for the first that fails. Render, Refs and Scan refuse what it refuses.
func Guard(src []byte) error {
	if len(src) > MaxSize {
		return &SizeError{Size: len(src), Max: MaxSize}
	}
	if line, ok := CheckDepth(src, MaxNesting); !ok {
		return &DepthError{Line: line, Max: MaxNesting}
	}
	if line, ok := CheckInline(src, MaxInlineMarkers); !ok {
		return &InlineError{Line: line, Max: MaxInlineMarkers}
	}
	if err := CheckTables(src, MaxTableCells); err != nil {
		return err
	}
	if err := CheckRefs(src, MaxLinkExpansion); err != nil {
		return err
	}
	return nil
}

// SizeError reports a Markdown source larger than MaxSize.
type SizeError struct{ Size, Max int }

func (e *SizeError) Error() string {
	return fmt.Sprintf("markdown of %d KB, more than %d KB", e.Size>>10, e.Max>>10)
}

// InlineError reports a paragraph with too many inline markers to be parsed
// in reasonable time (see CheckInline). Line is where the paragraph starts.
type InlineError struct{ Line, Max int }

func (e *InlineError) Error() string {
	return fmt.Sprintf("markdown paragraph with more than %d inline markers", e.Max)
}

// MaxInlineMarkers bounds the inline markers of one paragraph: '[' and '<',
// runs of '*', '_', '`' and '~', and "](" three times over. goldmark parses each paragraph (and
// table cell) on its own, and on markers that never close its cost grows
// with their square or worse (bench/README.md, "Limits"). Real paragraphs
// hold a few dozen; 2,000 keep a paragraph fast to parse.
const MaxInlineMarkers = 2000

// CheckInline reports the first line (1-based) of a paragraph that holds
// more than max inline markers, or ok=true if none does. Like CheckDepth it
// scans the text once without parsing, so hostile input is refused before
// goldmark sees it.
//
// A "paragraph" here is the lines between two blank lines (a line of only
// blanks and '>' counts as blank): no paragraph goldmark parses can span
// one, so the count is never lower than goldmark's. Lines inside fenced code
// are not counted (code is not parsed for markers; snake_case code would
// otherwise count); a fence is recognised only where goldmark would surely
// see one, and ended early rather than late, so that the scan errs on the
// side of counting.
func CheckInline(src []byte, max int) (line int, ok bool) {
	count, start := 0, 1
	var fence fenceState
	for n := 1; len(src) > 0; n++ {
		ln := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			ln, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		quotes, rest := quotePrefix(ln)
		if fence.open {
			switch {
			case quotes < fence.quotes: // its block quote ended: so did it
				fence.open = false
				count, start = 0, n
			case fence.closes(rest):
				fence.open = false
				count, start = 0, n+1
				continue
			default:
				continue // a line of code
			}
		}
		if len(bytes.Trim(rest, " \t\r")) == 0 {
			count, start = 0, n+1
			continue
		}
		if fence.opens(rest) {
			fence.quotes = quotes
			count, start = 0, n+1
			continue
		}
		count += markers(rest)
		if count > max {
			return start, false
		}
	}
	return 0, true
}

// markerByte holds the bytes markers looks at: most bytes of a line are
// text (all of Chinese text is), and one table load passes them.
var markerByte = [256]bool{'[': true, '<': true, ']': true, '*': true, '_': true, '`': true, '~': true}

// markers counts the inline markers of one line.
func markers(line []byte) int {
	k := 0
	for i, c := range line {
		if !markerByte[c] {
			continue
		}
		switch c {
		case '[', '<':
			k++
		case ']':
			// An inline link's destination is what goldmark scans to the
			// end of the paragraph when it never closes: "[a](" costs the
			// most of all markers, so "](" counts three.
			if i+1 < len(line) && line[i+1] == '(' {
				k += 2
			}
		case '*', '_', '`', '~':
			if i == 0 || line[i-1] != c {
				k++
			}
		}
	}
	return k
}

// quotePrefix strips the block quote markers ('>' and the blanks around
// them) that open line and returns how many there were.
func quotePrefix(line []byte) (int, []byte) {
	quotes := 0
	for {
		t := bytes.TrimLeft(line, " \t")
		if len(t) == 0 || t[0] != '>' {
			return quotes, line
		}
		quotes++
		line = t[1:]
	}
}

// fenceState is an open fenced code block.
type fenceState struct {
	open   bool
	char   byte
	quotes int // block quote depth it was opened at
}

// opens reports a line that surely opens a fenced code block: at most
// three spaces, three or more backticks or tildes, and for backticks no
// backtick in the info string (CommonMark: otherwise it is a code span).
func (f *fenceState) opens(line []byte) bool {
	t := bytes.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return false
	}
	c := t[0]
	run := 0
	for run < len(t) && t[run] == c {
		run++
	}
	if run < 3 || c == '`' && bytes.IndexByte(t[run:], '`') >= 0 {
		return false
	}
	f.open, f.char = true, c
	return true
}

// closes reports a line that may close the open fence. It accepts any run
// of three or more of the fence's character, also one shorter than the
// opening fence: closing early only makes the scan count more.
func (f *fenceState) closes(line []byte) bool {
	t := bytes.TrimLeft(line, " \t")
	return len(t) >= 3 && t[0] == f.char && t[1] == f.char && t[2] == f.char
}
