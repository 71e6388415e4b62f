package escape

import (
	"io"
	"strings"
)

// XML writes s as XML 1.0 character data or a quoted attribute value: the
// five special characters become entities, and a character XML 1.0 does
// not allow at all (a control character other than tab and line breaks, a
// lone surrogate, U+FFFE, U+FFFF) becomes U+FFFD, so that a stray escape
// in a title cannot make a feed unreadable.
func XML(w io.Writer, s string) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case r == '\t' || r == '\n' || r == '\r',
			r >= 0x20 && r < 0xD800, r >= 0xE000 && r < 0xFFFE, r >= 0x10000 && r <= 0x10FFFF:
			b.WriteRune(r)
		default:
			b.WriteRune('\uFFFD')
		}
	}
	io.WriteString(w, b.String())
}
