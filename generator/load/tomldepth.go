package load

// MaxTOMLNesting bounds how deeply a TOML file may nest tables and arrays,
// counting arrays, inline tables and every part of a dotted key or table
// header. A handbook needs three or four levels ([[step]] holding
// responsible = ["…"]). The TOML decoder copies the whole key path at every
// level, so its memory grows with the square of the depth: before this
// guard, 100,000 nested {a={a=…}} (600 KB) took more than 20 GB, and a
// dotted key of 20,000 parts (40 KB) more than 3 GB.
const MaxTOMLNesting = 100

// tomlDepth returns the byte offset at which text first nests deeper than
// max, or ok=true when it never does. It is one pass over the bytes, without
// parsing: it skips comments and the four kinds of strings (quoted keys
// included), and counts the open arrays and inline tables, the key that
// opened each, the dots of the key being read and those of the current
// [table] header. It errs on the side of too deep: a value's dots (1.5)
// count as if they were a key's. Unbalanced brackets are left for the
// decoder to report.
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
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '#':
			for i+1 < len(text) && text[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			i = skipTOMLString(text, i) - 1
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
				return i, false
			}
		case '[', '{':
			if c == '[' && len(open) == 0 && !afterEq && !header {
				header, base, chain = true, 0, 0
				if i+1 < len(text) && text[i+1] == '[' {
					i++
				}
				continue
			}
			d := 1 + key
			open = append(open, d)
			sum += d
			key, chain = 0, 0
			if base+sum > max {
				return i, false
			}
		case ']', '}':
			if c == ']' && header && len(open) == 0 {
				header, base, chain = false, 1+chain, 0
				if i+1 < len(text) && text[i+1] == ']' {
					i++
				}
				continue
			}
			if len(open) > 0 {
				sum -= open[len(open)-1]
				open = open[:len(open)-1]
			}
			chain, key = 0, 0
		}
	}
	return 0, true
}

// skipTOMLString returns the offset just past the string that starts at
// text[i] (a quote): a basic (double-quoted) or literal (single-quoted)
// string ends at its line, a multi-line one (three quotes) at its closing
// three quotes; only basic strings have backslash escapes. An unclosed
// string runs to the end of its line, or of the text for a multi-line one.
func skipTOMLString(text []byte, i int) int {
	q := text[i]
	if i+2 < len(text) && text[i+1] == q && text[i+2] == q {
		for j := i + 3; j < len(text); j++ {
			switch {
			case q == '"' && text[j] == '\\':
				j++
			case text[j] == q && j+2 < len(text) && text[j+1] == q && text[j+2] == q:
				// Up to two more quotes belong to the content: """a""""" is `a""`.
				k := j + 3
				for n := 0; n < 2 && k < len(text) && text[k] == q; n++ {
					k++
				}
				return k
			}
		}
		return len(text)
	}
	for j := i + 1; j < len(text); j++ {
		switch {
		case q == '"' && text[j] == '\\':
			j++
		case text[j] == q:
			return j + 1
		case text[j] == '\n':
			return j
		}
	}
	return len(text)
}
