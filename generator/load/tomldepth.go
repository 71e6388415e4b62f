package load

import "github.com/accord-handbook/accord/generator/source/tomlscan"

// MaxTOMLNesting bounds how deeply a TOML file may nest tables and arrays,
// counting arrays, inline tables and every part of a dotted key or table
// header. A handbook needs three or four levels ([[step]] holding
// responsible = ["…"]). The TOML decoder copies the whole key path at every
// level, so its time and memory grow with the square of the depth: a small
// file nested deeply would take it minutes and gigabytes (figures in
// bench/README.md, "TOML: the fast path, measured").
const MaxTOMLNesting = 100

// tomlDepth returns the byte offset at which text first nests deeper than
// max, or ok=true when it never does. It is one pass over the text, without
// parsing: it skips comments and the four kinds of strings (quoted keys
// included) as tomlscan reads them, and counts the open arrays and inline
// tables, the key that opened each, the dots of the key being read and
// those of the current [table] header. It errs on the side of too deep: a
// value's dots (1.5) count as if they were a key's. Unbalanced brackets are
// left for the decoder to report.
func tomlDepth(text []byte, max int) (off int, ok bool) {
	var (
		open    []int // per open array or inline table: the depth it adds
		sum     int   // of open
		base    int   // depth of the current [table] or [[table]]
		chain   int   // dots of the key (or value) being read
		key     int   // dots of the key before the last '='
		afterEq bool  // at the top level: this line has had its '='
		header  bool  // inside a [table] header
	)
	s := &tomlscan.Scanner{Src: text}
	for s.More() {
		switch c := text[s.Pos]; c {
		case '#':
			s.Comment()
			continue
		case '"', '\'':
			s.String()
			continue
		case '\n':
			if len(open) == 0 {
				chain, key, afterEq, header = 0, 0, false, false
			}
		case '=':
			key, chain = chain, 0
			afterEq = afterEq || len(open) == 0
		case ',':
			chain, key = 0, 0
		case '.':
			chain++
			// A key's dots are the tables it opens; a header's parts all are.
			if d := base + sum + chain; d > max || header && chain+1 > max {
				return s.Pos, false
			}
		case '[', '{':
			if c == '[' && len(open) == 0 && !afterEq && !header {
				header, base, chain = true, 0, 0
				s.Pos++
				s.Accept('[')
				continue
			}
			d := 1 + key
			open = append(open, d)
			sum += d
			key, chain = 0, 0
			if base+sum > max {
				return s.Pos, false
			}
		case ']', '}':
			if c == ']' && header && len(open) == 0 {
				header, base, chain = false, 1+chain, 0
				s.Pos++
				s.Accept(']')
				continue
			}
			if len(open) > 0 {
				sum -= open[len(open)-1]
				open = open[:len(open)-1]
			}
			chain, key = 0, 0
		}
		s.Pos++
	}
	return 0, true
}
