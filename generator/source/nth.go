package source

import "strings"

// NthValue is Value for the nth (0-based) occurrence of a string value in
// an array: where a repeated element is repeated. It falls back to Value.
func (d *Doc) NthValue(path, value string, nth int) Pos {
	if d.Keys == nil {
		return d.Value(path, value)
	}
	at, ok := d.Keys.keys[path]
	if !ok {
		return d.Value(path, value)
	}
	rest := string(d.Text[at.valueOff:])
	if end := valueEnd([]byte(rest)); end >= 0 {
		rest = rest[:end]
	}
	for _, q := range []string{`"` + value + `"`, `'` + value + `'`} {
		seen, from := 0, 0
		for {
			i := strings.Index(rest[from:], q)
			if i < 0 {
				break
			}
			if seen == nth {
				return d.Offset(at.valueOff + from + i)
			}
			seen++
			from += i + len(q)
		}
		nth -= seen
		if nth < 0 {
			break
		}
	}
	return d.Value(path, value)
}
