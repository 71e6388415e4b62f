package load

import "bytes"

// splitFrontMatter separates `+++` TOML front matter from a Markdown body.
// The front matter keeps the offsets of the whole file: it is the file up to
// its closing line with the opening fence blanked. The body is the rest of
// the file, not a copy of it (a large handbook's bodies are tens of MB), and
// line is the number of lines before it: what lets a link on line 3 of the
// body be reported as line 40 of the policy.
//
// found is false when the file does not start with a `+++` line; closed is
// false when the opening fence has no closing one.
func splitFrontMatter(text []byte) (fm, body []byte, line int, found, closed bool) {
	first, rest, _ := bytes.Cut(text, []byte("\n"))
	if string(bytes.TrimRight(first, " \t\r")) != "+++" {
		return nil, text, 0, false, false
	}
	off := len(first) + 1
	for len(rest) > 0 || off <= len(text) {
		line, next, more := bytes.Cut(rest, []byte("\n"))
		if string(bytes.TrimRight(line, " \t\r")) == "+++" {
			fm = make([]byte, off)
			copy(fm, text[:off])
			for i := 0; i < len(first); i++ {
				fm[i] = ' '
			}
			end := off + len(line)
			if more {
				end++
			}
			return fm, text[end:], bytes.Count(text[:end], []byte("\n")), true, true
		}
		if !more {
			break
		}
		off += len(line) + 1
		rest = next
	}
	return nil, nil, 0, true, false
}
