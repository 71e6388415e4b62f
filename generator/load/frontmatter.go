package load

import "bytes"

// splitFrontMatter separates `+++` TOML front matter from a Markdown body.
// Both parts keep the offsets and line numbers of the whole file: the front
// matter is the file up to its closing line with the opening fence blanked,
// and the body has every front matter line replaced by an empty one. This is
// what lets a link on line 40 of a policy be reported as line 40.
//
// found is false when the file does not start with a `+++` line; closed is
// false when the opening fence has no closing one.
func splitFrontMatter(text []byte) (fm, body []byte, found, closed bool) {
	first, rest, _ := bytes.Cut(text, []byte("\n"))
	if string(bytes.TrimRight(first, " \t\r")) != "+++" {
		return nil, text, false, false
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
			lines := bytes.Count(text[:end], []byte("\n"))
			body = append(bytes.Repeat([]byte("\n"), lines), text[end:]...)
			return fm, body, true, true
		}
		if !more {
			break
		}
		off += len(line) + 1
		rest = next
	}
	return nil, nil, true, false
}
