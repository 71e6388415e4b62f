// Package source holds what every stage needs to talk about the handbook's
// files: positions (file, line, column in characters), diagnostics that carry
// them, and a sorted list of diagnostics that a stage returns all at once.
//
// A Doc is one source file with its text, so later stages can turn a byte
// offset or a TOML key into a position without reading the file again.
package source

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Pos is a position in a source file. Line and Col are 1-based; Col counts
// characters (runes), not bytes, so it is right on Chinese lines. A zero Line
// means "the file as a whole".
type Pos struct {
	File string
	Line int
	Col  int
}

// String is "file:line:col", as a terminal prints it: a file name is
// whatever the handbook's authors called their files, so it is escaped.
func (p Pos) String() string {
	file := EscapeLine(p.File)
	switch {
	case p.File == "":
		return ""
	case p.Line <= 0:
		return file
	case p.Col <= 0:
		return fmt.Sprintf("%s:%d", file, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Col)
}

// Severity orders diagnostics: errors stop a build, warnings do not.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Diagnostic is one problem found in the handbook.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string
}

// String is the diagnostic as one line of a terminal: "file:line:col:
// message", escaped, so that neither a file name nor a value a message
// quotes raw can print an escape sequence or a line of its own.
func (d Diagnostic) String() string {
	prefix := d.Pos.String()
	if prefix != "" {
		prefix += ": "
	}
	if d.Severity == Warning {
		prefix += "warning: "
	}
	return prefix + EscapeLine(d.Msg)
}

// List collects diagnostics. The zero value is ready to use.
type List struct {
	Items []Diagnostic
}

// Errorf records an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) {
	l.Items = append(l.Items, Diagnostic{Pos: pos, Severity: Error, Msg: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) {
	l.Items = append(l.Items, Diagnostic{Pos: pos, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

// Add appends diagnostics from another list.
func (l *List) Add(other *List) {
	if other != nil {
		l.Items = append(l.Items, other.Items...)
	}
}

// HasErrors reports whether any diagnostic is an error.
func (l *List) HasErrors() bool {
	for _, d := range l.Items {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of errors and warnings.
func (l *List) Count() (errors, warnings int) {
	for _, d := range l.Items {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

// Sort orders diagnostics by file, line, column and message and drops exact
// duplicates, so output is stable whatever order the checks ran in.
func (l *List) Sort() {
	sort.SliceStable(l.Items, func(i, j int) bool {
		a, b := l.Items[i], l.Items[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		return a.Msg < b.Msg
	})
	out := l.Items[:0]
	for i, d := range l.Items {
		if i > 0 && d == l.Items[i-1] {
			continue
		}
		out = append(out, d)
	}
	l.Items = out
}

// Err returns the list as an error when it holds errors, else nil.
func (l *List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return &ListError{List: l}
}

// ListError wraps a List that stopped a stage.
type ListError struct{ List *List }

func (e *ListError) Error() string {
	var b strings.Builder
	for i, d := range e.List.Items {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// Doc is one source file: its display name and its text.
type Doc struct {
	Name string // path shown to the user, e.g. "content/roles/sales-rep.toml"
	Path string // path inside the handbook, slash-separated, e.g. "roles/sales-rep.toml"
	Text []byte
	Keys *KeyIndex // where each TOML key is written; nil for Markdown
	// Broken means nothing could be decoded from the file (a TOML syntax
	// error, no front matter): its error is reported, and checks of its keys
	// would only repeat it.
	Broken bool
	failed map[string]bool // key paths written but not decodable
	// lineStarts[i] is the byte offset where line i+1 begins. It is found
	// when a position is first asked for: most sources never have one
	// reported, and scanning every file for its lines was a fifth of
	// loading a large handbook.
	lineStarts []int
	lines      sync.Once
}

// NewDoc returns a Doc for text.
func NewDoc(name, path string, text []byte) *Doc {
	return &Doc{Name: name, Path: path, Text: text}
}

// starts returns lineStarts, finding them the first time.
func (d *Doc) starts() []int {
	d.lines.Do(func() {
		d.lineStarts = make([]int, 1, bytes.Count(d.Text, []byte{'\n'})+1)
		for off := 0; ; {
			i := bytes.IndexByte(d.Text[off:], '\n')
			if i < 0 {
				break
			}
			off += i + 1
			d.lineStarts = append(d.lineStarts, off)
		}
	})
	return d.lineStarts
}

// File returns the position of the file as a whole.
func (d *Doc) File() Pos { return Pos{File: d.Name} }

// Offset converts a byte offset into a position, with the column counted in
// characters.
func (d *Doc) Offset(off int) Pos {
	if off < 0 {
		off = 0
	}
	if off > len(d.Text) {
		off = len(d.Text)
	}
	starts := d.starts()
	line := sort.Search(len(starts), func(i int) bool { return starts[i] > off })
	start := starts[line-1]
	return Pos{File: d.Name, Line: line, Col: utf8.RuneCount(d.Text[start:off]) + 1}
}

// LineCol converts a line and a byte column (1-based) into a position whose
// column counts characters.
func (d *Doc) LineCol(line, byteCol int) Pos {
	starts := d.starts()
	if line < 1 || line > len(starts) {
		return Pos{File: d.Name, Line: line, Col: byteCol}
	}
	return d.Offset(starts[line-1] + byteCol - 1)
}

// Line returns the position of the start of a line.
func (d *Doc) Line(line int) Pos { return Pos{File: d.Name, Line: line, Col: 1} }

// Fail records that the value at a key path ("step.2.accountable") is
// written but could not be decoded. Its error is already reported; checks
// that the key is present must not add "is missing" to it.
func (d *Doc) Fail(path string) {
	if d.failed == nil {
		d.failed = map[string]bool{}
	}
	d.failed[path] = true
}

// Failed reports whether the value at a key path, or at one of its parents,
// could not be decoded, or the file as a whole could not.
func (d *Doc) Failed(path string) bool {
	if d.Broken {
		return true
	}
	for p := path; p != ""; p = parentPath(p) {
		if d.failed[p] {
			return true
		}
	}
	return false
}

// HasFailures reports whether any value of the file could not be decoded.
func (d *Doc) HasFailures() bool { return d.Broken || len(d.failed) > 0 }
