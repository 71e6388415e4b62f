package source

import (
	"strconv"
	"strings"
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

func IndexKeys(text []byte) *KeyIndex {
	ix := &KeyIndex{keys: map[string]keyAt{}, plain: map[string]*[]keyAt{}, tables: map[string]int{}}
	// Key segments are slices of one copy of the text rather than a string
	// each: the index keeps none of them.
	s := &scanner{src: text, str: string(text)}
	var prefix []string // indexed path of the current table
	var path []string   // scratch: prefix and the key's segments
	for s.pos < len(s.src) {
		s.skipSpace()
		if s.pos >= len(s.src) {
			break
		}
		c := s.src[s.pos]
		switch {
		case c == '\n' || c == '\r':
			s.pos++
		case c == '#':
			s.skipLine()
		case c == '[':
			start := s.pos
			array := s.pos+1 < len(s.src) && s.src[s.pos+1] == '['
			if array {
				s.pos += 2
			} else {
				s.pos++
			}
			segs := s.key()
			prefix = ix.indexed(segs, array)
			at := keyAt{off: start, valueOff: start}
			ix.add(prefix, at)
			s.skipLine()
		default:
			start := s.pos
			segs := s.key()
			s.skipSpace()
			if s.pos < len(s.src) && s.src[s.pos] == '=' {
				s.pos++
				s.skipSpace()
			}
			path = append(append(path[:0], prefix...), segs...)
			ix.add(path, keyAt{off: start, valueOff: s.pos})
			s.value()
			s.skipLine()
		}
	}
	return ix
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

type scanner struct {
	src  []byte
	str  string   // src as a string, for IndexKeys; empty otherwise
	segs []string // key's result, reused
	pos  int
}

func (s *scanner) skipSpace() {
	for s.pos < len(s.src) && (s.src[s.pos] == ' ' || s.src[s.pos] == '\t') {
		s.pos++
	}
}

// skipLine moves past the end of the current line.
func (s *scanner) skipLine() {
	for s.pos < len(s.src) && s.src[s.pos] != '\n' {
		s.pos++
	}
	if s.pos < len(s.src) {
		s.pos++
	}
}

// key reads a possibly dotted, possibly quoted key and stops before '=',
// ']' or the end of the line.
func (s *scanner) key() []string {
	segs := s.segs[:0]
	for s.pos < len(s.src) {
		s.skipSpace()
		if s.pos >= len(s.src) {
			break
		}
		c := s.src[s.pos]
		switch {
		case c == '"' || c == '\'':
			segs = append(segs, s.quoted(c))
		case isBare(c):
			start := s.pos
			for s.pos < len(s.src) && isBare(s.src[s.pos]) {
				s.pos++
			}
			segs = append(segs, s.text(start, s.pos))
		default:
			s.segs = segs
			return segs
		}
		s.skipSpace()
		if s.pos < len(s.src) && s.src[s.pos] == '.' {
			s.pos++
			continue
		}
		break
	}
	s.segs = segs
	return segs
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// quoted reads a single-line quoted key or string and returns its content
// (escapes are kept as written; keys rarely use them).
func (s *scanner) quoted(q byte) string {
	start, end := s.skipQuoted(q)
	return s.text(start, end)
}

// text returns src[start:end] as a string.
func (s *scanner) text(start, end int) string {
	if s.str != "" {
		return s.str[start:end]
	}
	return string(s.src[start:end])
}

// skipQuoted moves past a single-line quoted key or string and returns
// where its content starts and ends.
func (s *scanner) skipQuoted(q byte) (start, end int) {
	s.pos++
	start = s.pos
	for s.pos < len(s.src) && s.src[s.pos] != q && s.src[s.pos] != '\n' {
		if q == '"' && s.src[s.pos] == '\\' {
			s.pos++
		}
		s.pos++
	}
	end = min(s.pos, len(s.src))
	if s.pos < len(s.src) && s.src[s.pos] == q {
		s.pos++
	}
	return start, end
}

// value skips one value, which may span lines (arrays, inline tables,
// multi-line strings), so that keys inside strings are never mistaken for
// keys of the document.
func (s *scanner) value() {
	depth := 0
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		switch {
		case c == '"' || c == '\'':
			if s.pos+2 < len(s.src) && s.src[s.pos+1] == c && s.src[s.pos+2] == c {
				s.multiline(c)
			} else {
				s.skipQuoted(c)
			}
			continue
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
		case c == '#':
			s.skipComment()
			continue
		case c == '\n':
			if depth <= 0 {
				return
			}
		}
		s.pos++
	}
}

func (s *scanner) skipComment() {
	for s.pos < len(s.src) && s.src[s.pos] != '\n' {
		s.pos++
	}
}

func (s *scanner) multiline(q byte) {
	s.pos += 3
	for s.pos < len(s.src) {
		if q == '"' && s.src[s.pos] == '\\' {
			s.pos += 2
			continue
		}
		if s.src[s.pos] == q && s.pos+2 < len(s.src) && s.src[s.pos+1] == q && s.src[s.pos+2] == q {
			s.pos += 3
			// A closing delimiter may be followed by up to two more quotes.
			for i := 0; i < 2 && s.pos < len(s.src) && s.src[s.pos] == q; i++ {
				s.pos++
			}
			return
		}
		s.pos++
	}
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
	s := &scanner{src: b}
	s.value()
	return s.pos
}

func parentPath(p string) string {
	i := strings.LastIndexByte(p, '.')
	if i < 0 {
		return ""
	}
	return p[:i]
}
