package source

import (
	"strconv"
	"strings"

	"github.com/accord-handbook/accord/generator/source/tomlscan"
)

// KeyIndex records where each key of a TOML document is written. The TOML
// decoder knows the positions but does not expose them, and a typo or a bad
// reference must be reported at its line, so we scan the text ourselves.
//
// Paths are dotted; entries of arrays of tables carry their index
// ("step.3.responsible"). Each key also remembers where its value starts so
// that an element of an array can be located ("responsible" -> "sales-rep").
type KeyIndex struct {
	keys   map[string]keyAt
	plain  map[string]*[]keyAt // path without indices -> every occurrence
	tables map[string]int      // array-of-tables path (indexed parents) -> entries seen
	buf    []byte              // add's scratch
}

type keyAt struct {
	off      int // byte offset of the key
	valueOff int // byte offset of the value (or of the header for tables)
}

// IndexKeys indexes the keys of text. It reads with tomlscan, the lexer of
// the loader's nesting guard and fast path, so that what they take for a
// string, a comment or a value, it does too.
func IndexKeys(text []byte) *KeyIndex {
	ix := &KeyIndex{keys: map[string]keyAt{}, plain: map[string]*[]keyAt{}, tables: map[string]int{}}
	// Key segments are slices of one copy of the text rather than a string
	// each: the index keeps none of them.
	str := string(text)
	s := &tomlscan.Scanner{Src: text}
	var parts []tomlscan.Span
	var prefix []string // indexed path of the current table
	var path []string   // scratch: prefix and the key's segments
	for s.More() {
		s.Blank()
		if !s.More() {
			break
		}
		switch c := text[s.Pos]; {
		case c == '\n' || c == '\r':
			s.Pos++
		case c == '#':
			s.Line()
		case c == '[':
			start := s.Pos
			s.Pos++
			array := s.Accept('[')
			parts = s.Key(parts[:0])
			path = appendParts(path[:0], str, parts)
			prefix = ix.indexed(path, array)
			ix.add(prefix, keyAt{off: start, valueOff: start})
			if array {
				// The array itself is where its first [[header]] is: an
				// unknown array of tables is reported there.
				ix.addArray(prefix[:len(prefix)-1], keyAt{off: start, valueOff: start})
			}
			s.Line()
		default:
			start := s.Pos
			parts = s.Key(parts[:0])
			s.Blank()
			if s.Accept('=') {
				s.Blank()
			}
			path = appendParts(append(path[:0], prefix...), str, parts)
			ix.add(path, keyAt{off: start, valueOff: s.Pos})
			s.Value()
			s.Line()
		}
	}
	return ix
}

// appendParts appends the parts of a key, slices of str, to path.
func appendParts(path []string, str string, parts []tomlscan.Span) []string {
	for _, p := range parts {
		path = append(path, str[p.Start:p.End])
	}
	return path
}

// indexed turns a header's key segments into an indexed path, counting a new
// entry when the header opens an array of tables.
func (ix *KeyIndex) indexed(segs []string, array bool) []string {
	var out []string
	for i, seg := range segs {
		out = append(out, seg)
		p := strings.Join(out, ".")
		last := i == len(segs)-1
		if last && array {
			n := ix.tables[p]
			ix.tables[p] = n + 1
			out = append(out, strconv.Itoa(n))
		} else if n, ok := ix.tables[p]; ok {
			out = append(out, strconv.Itoa(n-1))
		}
	}
	return out
}

// add records a key at its indexed path and at its path without indices.
// The paths are joined in a scratch buffer: looking one up in a map with
// string(buf) does not allocate, so only new paths cost a string.
func (ix *KeyIndex) add(path []string, at keyAt) {
	b := ix.buf[:0]
	for i, p := range path {
		if i > 0 {
			b = append(b, '.')
		}
		b = append(b, p...)
	}
	if _, seen := ix.keys[string(b)]; !seen {
		ix.keys[string(b)] = at
	}
	b = b[:0]
	first := true
	for _, p := range path {
		if isIndex(p) {
			continue
		}
		if !first {
			b = append(b, '.')
		}
		b = append(b, p...)
		first = false
	}
	if list, ok := ix.plain[string(b)]; ok {
		*list = append(*list, at)
	} else {
		ix.plain[string(b)] = &[]keyAt{at}
	}
	ix.buf = b
}

// addArray records an array of tables at its indexed path, where its first
// [[header]] is, without counting it among the plain paths: KeyAll lists
// the keys of each entry, not the entries.
func (ix *KeyIndex) addArray(path []string, at keyAt) {
	p := strings.Join(path, ".")
	if _, seen := ix.keys[p]; !seen {
		ix.keys[p] = at
	}
}

// isIndex reports a path segment that strconv.Atoi reads as a number, as
// the entries of arrays of tables are numbered, without the error Atoi
// allocates for every other segment.
func isIndex(p string) bool {
	digits := p
	if len(digits) > 0 && (digits[0] == '+' || digits[0] == '-') {
		digits = digits[1:]
	}
	if digits == "" {
		return false
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return false
		}
	}
	_, err := strconv.Atoi(p)
	return err == nil
}

// Key returns the position of a key path ("step.2.accountable"). When the key
// is not written (left out), it falls back to the nearest written parent, then
// to the first line of the file.
func (d *Doc) Key(path string) Pos {
	if d.Keys != nil {
		for p := path; p != ""; p = parentPath(p) {
			if at, ok := d.Keys.keys[p]; ok {
				return d.Offset(at.off)
			}
		}
	}
	return d.Line(1)
}

// KeyAll returns every place a key path without indices is written
// ("step.foo" in each [[step]]).
func (d *Doc) KeyAll(plainPath string) []Pos {
	if d.Keys == nil {
		return nil
	}
	var out []Pos
	list := d.Keys.plain[plainPath]
	if list == nil {
		return nil
	}
	for _, at := range *list {
		out = append(out, d.Offset(at.off))
	}
	return out
}

// Value returns the position of a string value of a key: the element of an
// array (responsible = ["a", "b"]) or the string itself. It points at the
// opening quote; when the value cannot be found it points at the key.
func (d *Doc) Value(path, value string) Pos {
	if d.Keys != nil {
		if at, ok := d.Keys.keys[path]; ok {
			rest := d.Text[at.valueOff:]
			if end := valueEnd(rest); end >= 0 {
				rest = rest[:end]
			}
			for _, q := range []string{`"` + value + `"`, `'` + value + `'`} {
				if i := strings.Index(string(rest), q); i >= 0 {
					return d.Offset(at.valueOff + i)
				}
			}
			return d.Offset(at.valueOff)
		}
	}
	return d.Key(path)
}

// ValueStart returns the position where the value of a key path begins
// (its opening quote or bracket), or the key's position when the value
// cannot be found.
func (d *Doc) ValueStart(path string) Pos {
	if d.Keys != nil {
		if at, ok := d.Keys.keys[path]; ok && at.valueOff > at.off {
			return d.Offset(at.valueOff)
		}
	}
	return d.Key(path)
}

// valueEnd finds where a value ends, so that a search for an array element
// does not run into the next key.
func valueEnd(b []byte) int {
	s := &tomlscan.Scanner{Src: b}
	s.Value()
	return s.Pos
}

func parentPath(p string) string {
	i := strings.LastIndexByte(p, '.')
	if i < 0 {
		return ""
	}
	return p[:i]
}
