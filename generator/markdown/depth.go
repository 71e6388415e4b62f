package markdown

import "bytes"

// MaxNesting is the default nesting limit: far beyond any real handbook (a
// dozen levels is already unreadable), far below where goldmark slows down
// (its cost is lines times open containers).
const MaxNesting = 100

// CheckDepth reports the first line (1-based) at which block quotes, list
// items, footnote definitions and definition descriptions are nested more
// than max levels deep, or ok=true if none is. It scans each line's container
// prefix once, without parsing, so callers can refuse hostile input before
// handing it to goldmark; Render and Refs call it with MaxNesting.
//
// The count errs on the side of too deep: the '>' and item markers opening
// the line, plus the items that earlier lines opened at smaller indentation
// and no later item at a smaller indentation has closed. Code blocks are not
// told apart; reaching max inside one takes a hundred nested list markers,
// which no real code block has. FuzzRender checks that goldmark's tree is
// never deeper than this count.
func CheckDepth(src []byte, max int) (line int, ok bool) {
	var items []int // content columns of the items still open
	for n := 1; len(src) > 0; n++ {
		ln := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			ln, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		var quotes int
		quotes, items = scanPrefix(ln, items)
		if quotes+len(items) > max {
			return n, false
		}
	}
	return 0, true
}

// scanPrefix walks the blanks, '>' and item markers that open line and
// updates the stack of open items. It stops at the first other byte, so
// each line costs at most its own length.
func scanPrefix(line []byte, items []int) (quotes int, _ []int) {
	col := 0
	breakFrom := [2]int{-1, -1} // for '-' and '*': line[from:] is a rule; computed once
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ':
			col++
			i++
		case c == '\t':
			col += 4 - col%4
			i++
		case c == '>':
			quotes++
			col++
			i++
		default:
			if c == '-' || c == '*' {
				k := 0
				if c == '*' {
					k = 1
				}
				if breakFrom[k] < 0 {
					breakFrom[k] = thematicBreakStart(line, c)
				}
				if i >= breakFrom[k] {
					return quotes, items // "- - -" is a rule, not three lists
				}
			}
			w, content := containerMarker(line[i:])
			if w == 0 {
				return quotes, items
			}
			// An item at this column closes those whose content lies to its
			// right; the rest contain it.
			for len(items) > 0 && items[len(items)-1] > col {
				items = items[:len(items)-1]
			}
			items = append(items, col+content)
			col += w
			i += w
		}
	}
	return quotes, items
}

// containerMarker returns the length of the marker of a list item, footnote
// definition ("[^1]:") or definition description (": ") that b starts with,
// and the column offset of the item's content; 0, 0 if there is none. The
// content offset of the last two is kept at 1 so that anything indented
// further counts as nested: they are rare, and erring deep is the safe side.
func containerMarker(b []byte) (width, content int) {
	if w := listMarker(b); w > 0 {
		return w, w + 1
	}
	switch b[0] {
	case ':':
		if len(b) == 1 || b[1] == ' ' || b[1] == '\t' {
			return 1, 1
		}
	case '[':
		if len(b) > 2 && b[1] == '^' {
			// goldmark limits footnote labels to 999 bytes; so does this scan.
			end := bytes.Index(b[2:min(len(b), 2+1000)], []byte("]:"))
			if end > 0 && bytes.IndexByte(b[2:2+end], ']') < 0 {
				return 2 + end + 2, 1
			}
		}
	}
	return 0, 0
}

// listMarker returns the length of the bullet ("-", "*", "+") or ordered
// marker ("1.", "12)") that b starts with, or 0 if it starts with neither.
func listMarker(b []byte) int {
	w := 0
	switch {
	case b[0] == '-' || b[0] == '*' || b[0] == '+':
		w = 1
	case b[0] >= '0' && b[0] <= '9':
		for w < len(b) && w < 9 && b[w] >= '0' && b[w] <= '9' {
			w++
		}
		if w == len(b) || (b[w] != '.' && b[w] != ')') {
			return 0
		}
		w++
	default:
		return 0
	}
	if w < len(b) && b[w] != ' ' && b[w] != '\t' && b[w] != '\r' {
		return 0
	}
	return w
}

// thematicBreakStart returns the smallest i from which line holds only c and
// blanks with at least three c: a suffix "- - -" is a rule, not three list
// items. It returns len(line)+1 when there is no such suffix. Computing it once
// per line keeps "- - - … x" linear.
func thematicBreakStart(line []byte, c byte) int {
	i, n := len(line), 0
	for i > 0 {
		switch line[i-1] {
		case c:
			n++
		case ' ', '\t', '\r':
		default:
			return tailStart(line, i, n)
		}
		i--
	}
	return tailStart(line, 0, n)
}

func tailStart(line []byte, i, n int) int {
	if n < 3 {
		return len(line) + 1
	}
	return i
}
