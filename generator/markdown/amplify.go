package markdown

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// Output grows from input in two places where a few kilobytes of Markdown
// can make a page of gigabytes, which no size limit on the source catches:
// a GFM table, whose every row has as many cells as its header however
// short the row is written, and a link reference definition, whose address
// is repeated wherever the reference is used. The checks below bound what
// they expand to. They read the source as plain lines and do not skip
// code blocks: a bound that counts too much is safe, one that a crafted
// fence could blind is not.

// MaxTableCells bounds the cells of one table (columns × rows).
const MaxTableCells = 10_000

// MaxLinkExpansion bounds the bytes of link addresses that the uses of
// link reference definitions add to a page: as much as a page may have.
const MaxLinkExpansion = MaxSize

// TableError reports a table with more than Max cells; Line is its header.
type TableError struct{ Line, Cols, Rows, Max int }

func (e *TableError) Error() string {
	return fmt.Sprintf("markdown table of %d×%d cells, more than %d", e.Cols, e.Rows, e.Max)
}

// RefError reports a link reference definition whose uses expand the page
// past Max bytes; Line is the definition's.
type RefError struct {
	Line       int
	Label      string
	Uses, Size int // how often it is used; the bytes they add in all
	Max        int
}

func (e *RefError) Error() string {
	return fmt.Sprintf("link reference [%s] used %d times expands to %d bytes, more than %d", e.Label, e.Uses, e.Size, e.Max)
}

// lines splits src into lines without their line break.
func lines(src []byte) [][]byte {
	return bytes.Split(bytes.TrimSuffix(src, []byte("\n")), []byte("\n"))
}

// blank reports a line of white space only.
func blank(line []byte) bool { return len(bytes.Trim(line, " \t\r")) == 0 }

// CheckTables returns the first table with more than max cells, counting
// for each delimiter row (|---|:--:|) its columns times the header and
// every non-blank line after it. Every delimiter row counts, even one that
// goldmark would read as a row of the table above it: counting too much is
// safe. The end of each block of non-blank lines is found once, so a page
// of delimiter rows takes linear time, not quadratic.
func CheckTables(src []byte, max int) *TableError {
	src = bytes.TrimSuffix(src, []byte("\n"))
	prevBlank := true
	end := 0 // the first blank line at or after the current one, once a delimiter row needs it
	for i, rest, more := 0, src, true; more; i++ {
		var line []byte
		line, rest, more = bytes.Cut(rest, []byte("\n"))
		isBlank := blank(line)
		cols := 0
		if !prevBlank {
			cols = delimiterCells(line)
		}
		prevBlank = isBlank
		if cols == 0 {
			continue
		}
		if end <= i {
			end = i + 1 + blockLines(rest, more)
		}
		if rows := end - i; cols*rows > max {
			return &TableError{Line: i, Cols: cols, Rows: rows, Max: max}
		}
	}
	return nil
}

// blockLines counts the lines of rest before its first blank one (more:
// rest holds any line).
func blockLines(rest []byte, more bool) int {
	n := 0
	for more {
		var line []byte
		line, rest, more = bytes.Cut(rest, []byte("\n"))
		if blank(line) {
			break
		}
		n++
	}
	return n
}

// delimiterCells is the number of cells of a GFM table's delimiter row,
// 0 when line is not one. A row of one cell needs a pipe (else it is a
// heading's underline or a thematic break).
func delimiterCells(line []byte) int {
	if bytes.IndexByte(line, '-') < 0 {
		return 0 // most lines: nothing below is needed to tell
	}
	_, t := quotePrefix(line)
	t = bytes.Trim(t, " \t\r")
	hasPipe := bytes.IndexByte(t, '|') >= 0
	t = bytes.TrimPrefix(bytes.TrimSuffix(t, []byte("|")), []byte("|"))
	if len(t) == 0 {
		return 0
	}
	cells := 0
	for _, c := range bytes.Split(t, []byte("|")) {
		c = bytes.Trim(c, " \t")
		c = bytes.TrimSuffix(bytes.TrimPrefix(c, []byte(":")), []byte(":"))
		if len(c) == 0 || len(bytes.Trim(c, "-")) != 0 {
			return 0
		}
		cells++
	}
	if cells == 1 && !hasPipe {
		return 0
	}
	return cells
}

// CheckRefs returns the first link reference definition whose uses, with
// those of the definitions before it, add more than max bytes of link
// address and title to the page. A use is any [label] of the page naming
// it (the link text of [text][label] included, which counts too much).
// CommonMark lets a label, the address and the title each go on to the
// next line, inside a block quote too: the page is read without its quote
// markers, a definition counts every line after it up to a blank line or
// the next line opening with "[", and a label may span lines.
func CheckRefs(src []byte, max int) *RefError {
	if !bytes.Contains(src, []byte("]:")) {
		return nil // no definition: most pages
	}
	ls := lines(src)
	text := make([]byte, 0, len(src)+len(ls))
	starts := make([]int, len(ls)+1) // where each line begins in text
	for i, l := range ls {
		_, t := quotePrefix(l)
		starts[i] = len(text)
		text = append(append(text, t...), '\n')
	}
	starts[len(ls)] = len(text)

	type def struct {
		line, size int
		label      string
	}
	defs := map[string]*def{}
	var order []*def
	own := map[int]bool{} // where a definition's label opens: no use of it
	for i := range ls {
		open, label, rest, ok := definitionAt(text, starts[i])
		if !ok {
			continue
		}
		own[open] = true
		key := normLabel(label)
		if _, dup := defs[key]; dup || key == "" {
			continue // the first definition of a label is the one used
		}
		end := rest + bytes.IndexByte(text[rest:], '\n') // text ends with one
		for j := sort.SearchInts(starts, end+1); j < len(ls) && !blank(ls[j]) && !opensBracket(text[starts[j]:starts[j+1]]); j++ {
			end = starts[j+1] - 1
		}
		d := &def{line: i + 1, size: len(bytes.TrimSpace(text[rest:end])), label: string(label)}
		defs[key] = d
		order = append(order, d)
	}
	if len(defs) == 0 {
		return nil
	}
	uses := map[*def]int{}
	for at := 0; ; {
		i := bytes.IndexByte(text[at:], '[')
		if i < 0 {
			break
		}
		at += i + 1
		if own[at-1] {
			continue
		}
		j := bytes.IndexByte(text[at:min(len(text), at+maxLabel+1)], ']')
		if j < 0 {
			continue
		}
		if d := defs[normLabel(text[at:at+j])]; d != nil {
			uses[d]++
		}
	}
	total := 0
	for _, d := range order {
		n := uses[d]
		total += n * d.size
		if total > max {
			return &RefError{Line: d.line, Label: d.label, Uses: n, Size: n * d.size, Max: max}
		}
	}
	return nil
}

// maxLabel is CommonMark's longest link label.
const maxLabel = 999

// definitionAt reads a link reference definition that opens at offset at
// of text: up to three spaces, "[", a label of at most maxLabel bytes (over
// several lines if need be), "]:". It returns where its "[" is, the label,
// and where what follows the colon starts.
func definitionAt(text []byte, at int) (open int, label []byte, rest int, ok bool) {
	t := bytes.TrimLeft(text[at:], " ")
	indent := len(text) - at - len(t)
	if indent > 3 || len(t) == 0 || t[0] != '[' {
		return 0, nil, 0, false
	}
	open = at + indent
	end := bytes.IndexByte(t[1:min(len(t), maxLabel+2)], ']')
	if end < 1 || end+2 >= len(t) || t[end+2] != ':' {
		return 0, nil, 0, false
	}
	return open, t[1 : end+1], open + end + 3, true
}

// opensBracket reports a line that opens with "[" after up to three
// spaces: the next definition, or text, not the one before going on.
func opensBracket(line []byte) bool {
	t := bytes.TrimLeft(line, " ")
	return len(line)-len(t) <= 3 && len(t) > 0 && t[0] == '['
}

// normLabel is a label as CommonMark matches it: case-folded, white space
// collapsed.
func normLabel(label []byte) string {
	return strings.ToLower(strings.Join(strings.Fields(string(label)), " "))
}
