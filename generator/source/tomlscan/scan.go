// Package tomlscan reads TOML text piece by piece without decoding it:
// blanks, comments, bare and dotted keys, strings and whole values. It is the
// one lexer of the readers that look at TOML beside the decoder
// (github.com/BurntSushi/toml): the key index that gives errors their
// positions (source.IndexKeys), and in package load the nesting guard run
// before decoding and the fast path for plain files. Sharing it keeps them
// agreeing on where a string, a comment or a value ends.
//
// A Scanner checks nothing. Each method reads one piece at Pos and leaves Pos
// just past it, never past the end of the text, and it ends on any bytes,
// TOML or not. Whether what it read is valid is for the caller to decide, or
// for the decoder.
package tomlscan

import "bytes"

// Scanner reads Src from Pos on.
type Scanner struct {
	Src []byte
	Pos int
}

// Span is where a piece of Src starts and ends: Src[Start:End].
type Span struct{ Start, End int }

// More reports whether there is text left.
func (s *Scanner) More() bool { return s.Pos < len(s.Src) }

// At reports whether the byte at Pos is c.
func (s *Scanner) At(c byte) bool { return s.Pos < len(s.Src) && s.Src[s.Pos] == c }

// Accept moves past c when it is the byte at Pos, and reports whether it was.
func (s *Scanner) Accept(c byte) bool {
	if s.At(c) {
		s.Pos++
		return true
	}
	return false
}

// Blank skips spaces and tabs.
func (s *Scanner) Blank() {
	i := s.Pos
	for i < len(s.Src) && (s.Src[i] == ' ' || s.Src[i] == '\t') {
		i++
	}
	s.Pos = i
}

// Line moves past the next newline, or to the end, whatever comes before it.
func (s *Scanner) Line() {
	if i := bytes.IndexByte(s.Src[s.Pos:], '\n'); i >= 0 {
		s.Pos += i + 1
	} else {
		s.Pos = len(s.Src)
	}
}

// Comment reads a comment, from its '#' at Pos up to the newline that ends
// it (not past it), and returns its text after the '#'. A carriage return
// before the newline is part of the text: a CRLF line is the caller's to
// allow.
func (s *Scanner) Comment() Span {
	start := min(s.Pos+1, len(s.Src))
	if i := bytes.IndexByte(s.Src[s.Pos:], '\n'); i >= 0 {
		s.Pos += i
	} else {
		s.Pos = len(s.Src)
	}
	return Span{start, max(start, s.Pos)}
}

// IsBare reports a byte of a bare key. Integers, local dates and the words
// true and false are made of the same bytes, so Bare reads them too.
func IsBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// Bare reads a run of bare-key bytes; it is empty when Pos is not at one.
func (s *Scanner) Bare() Span {
	start, i := s.Pos, s.Pos
	for i < len(s.Src) && IsBare(s.Src[i]) {
		i++
	}
	s.Pos = i
	return Span{start, i}
}

// Quoted reads a one-line string or quoted key, from its quote at Pos, and
// returns its content between the quotes, escapes as written. In a basic
// string (") a backslash takes the byte after it, whatever it is; a literal
// string (') has none. When its line or the text ends first, closed is
// false and Pos is at the newline or the end. Clean reports content with
// neither a backslash nor a control character other than tab, which a
// caller that wants the string's value can take as written.
func (s *Scanner) Quoted() (content Span, closed, clean bool) {
	src, q := s.Src, s.Src[s.Pos]
	start := s.Pos + 1
	i := start
	clean = true
	for ; i < len(src); i++ {
		c := src[i]
		if c >= 0x20 && c != q && c != '\\' && c != 0x7f {
			continue // the common byte, tested once
		}
		if c == q || c == '\n' {
			break
		}
		clean = clean && c == '\t'
		if c == '\\' && q == '"' {
			i++
		}
	}
	i = min(i, len(src))
	content = Span{start, i}
	if i < len(src) && src[i] == q {
		i++
		closed = true
	}
	s.Pos = i
	return content, closed, clean
}

// Multi reports whether three quotes, which open a multi-line string,
// start at Pos.
func (s *Scanner) Multi() bool {
	i := s.Pos
	return i+2 < len(s.Src) && s.Src[i+1] == s.Src[i] && s.Src[i+2] == s.Src[i]
}

// String reads a string from its quote at Pos: a multi-line one when three
// quotes open it (Multi), a one-line one (Quoted) otherwise. A multi-line
// string ends at the first three quotes that no backslash escapes, and up
// to two more quotes right after them belong to its content (`"""a"""""`
// holds `a""`); an unclosed one runs to the end of the text.
func (s *Scanner) String() (content Span, multi, closed bool) {
	if !s.Multi() {
		content, closed, _ = s.Quoted()
		return content, false, closed
	}
	src, q := s.Src, s.Src[s.Pos]
	start := s.Pos + 3
	for i := start; i < len(src); i++ {
		if src[i] == '\\' && q == '"' {
			i++
			continue
		}
		if src[i] == q && i+2 < len(src) && src[i+1] == q && src[i+2] == q {
			end := i
			i += 3
			for n := 0; n < 2 && i < len(src) && src[i] == q; n++ {
				i++
				end++
			}
			s.Pos = i
			return Span{start, end}, true, true
		}
	}
	s.Pos = len(src)
	return Span{start, s.Pos}, true, false
}

// Key reads a key, bare or quoted, dotted or not, with blanks around its
// dots, appends the content of each part to parts and returns them. It
// stops before anything else ('=', ']', a newline); parts are empty when no
// key starts at Pos. Quoted parts are one-line strings (Quoted).
func (s *Scanner) Key(parts []Span) []Span {
	for s.Pos < len(s.Src) {
		s.Blank()
		if s.Pos >= len(s.Src) {
			break
		}
		switch c := s.Src[s.Pos]; {
		case c == '"' || c == '\'':
			content, _, _ := s.Quoted()
			parts = append(parts, content)
		case IsBare(c):
			parts = append(parts, s.Bare())
		default:
			return parts
		}
		s.Blank()
		if !s.Accept('.') {
			break
		}
	}
	return parts
}

// Value skips one value, up to the newline that ends it (not past it) or
// the end of the text. Arrays and inline tables may span lines; strings
// and comments are skipped whole, so that brackets, quotes and '#' in them
// count for nothing and a key written inside a string is never taken for
// one. More closing brackets than opening ones end the value at its line.
func (s *Scanner) Value() {
	depth := 0
	for s.Pos < len(s.Src) {
		switch s.Src[s.Pos] {
		case '"', '\'':
			s.String()
			continue
		case '#':
			s.Comment()
			continue
		case '[', '{':
			depth++
		case ']', '}':
			depth--
		case '\n':
			if depth <= 0 {
				return
			}
		}
		s.Pos++
	}
}
