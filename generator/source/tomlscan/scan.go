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
	for s.Pos < len(s.Src) && (s.Src[s.Pos] == ' ' || s.Src[s.Pos] == '\t') {
		s.Pos++
	}
}

// Line moves past the next newline, or to the end, whatever comes before it.
func (s *Scanner) Line() {
	for s.Pos < len(s.Src) && s.Src[s.Pos] != '\n' {
		s.Pos++
	}
	if s.Pos < len(s.Src) {
		s.Pos++
	}
}

// Comment reads a comment, from its '#' at Pos up to the newline that ends
// it (not past it), and returns its text after the '#'. A carriage return
// before the newline is part of the text: a CRLF line is the caller's to
// allow.
func (s *Scanner) Comment() Span {
	start := min(s.Pos+1, len(s.Src))
	for s.Pos < len(s.Src) && s.Src[s.Pos] != '\n' {
		s.Pos++
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
	start := s.Pos
	for s.Pos < len(s.Src) && IsBare(s.Src[s.Pos]) {
		s.Pos++
	}
	return Span{start, s.Pos}
}

// Quoted reads a one-line string or quoted key, from its quote at Pos, and
// returns its content between the quotes, escapes as written. In a basic
// string (") a backslash takes the byte after it, whatever it is; a literal
// string (') has none. When its line or the text ends first, closed is
// false and Pos is at the newline or the end.
func (s *Scanner) Quoted() (content Span, closed bool) {
	q := s.Src[s.Pos]
	s.Pos++
	start := s.Pos
	for s.Pos < len(s.Src) && s.Src[s.Pos] != q && s.Src[s.Pos] != '\n' {
		if q == '"' && s.Src[s.Pos] == '\\' {
			s.Pos++
		}
		s.Pos++
	}
	s.Pos = min(s.Pos, len(s.Src))
	content = Span{start, s.Pos}
	if s.Pos < len(s.Src) && s.Src[s.Pos] == q {
		s.Pos++
		closed = true
	}
	return content, closed
}

// String reads a string from its quote at Pos: a multi-line one when three
// quotes open it, a one-line one (Quoted) otherwise. A multi-line string
// ends at the first three quotes that no backslash escapes, and up to two
// more quotes right after them belong to its content (`"""a"""""` holds
// `a""`); an unclosed one runs to the end of the text.
func (s *Scanner) String() (content Span, multi, closed bool) {
	q := s.Src[s.Pos]
	if !(s.Pos+2 < len(s.Src) && s.Src[s.Pos+1] == q && s.Src[s.Pos+2] == q) {
		content, closed = s.Quoted()
		return content, false, closed
	}
	s.Pos += 3
	start := s.Pos
	for s.Pos < len(s.Src) {
		if q == '"' && s.Src[s.Pos] == '\\' {
			s.Pos += 2
			continue
		}
		if s.Src[s.Pos] == q && s.Pos+2 < len(s.Src) && s.Src[s.Pos+1] == q && s.Src[s.Pos+2] == q {
			end := s.Pos
			s.Pos += 3
			for i := 0; i < 2 && s.Pos < len(s.Src) && s.Src[s.Pos] == q; i++ {
				s.Pos++
				end++
			}
			return Span{start, end}, true, true
		}
		s.Pos++
	}
	s.Pos = len(s.Src)
	return Span{min(start, s.Pos), s.Pos}, true, false
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
			content, _ := s.Quoted()
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
